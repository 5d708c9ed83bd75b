#include "load/load_generator.h"

#include <algorithm>
#include <cstring>
#include <thread>

#include "net/endpoint.h"
#include "net/platform.h"

#ifndef _WIN32
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <cerrno>
#endif

namespace ss {

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// stop() is noticed within one tick even when every connection is idle or paused.
constexpr int kPollTickMs = 10;
constexpr milliseconds kBackoffMin{10};
constexpr milliseconds kBackoffMax{500};
constexpr size_t kRecvChunk = 64 * 1024;

#ifdef _WIN32
using PollFd = WSAPOLLFD;
int pollSockets(PollFd* fds, size_t n, int ms) {
    return WSAPoll(fds, static_cast<ULONG>(n), ms);
}
bool isConnectInProgress(int code) {
    return code == WSAEWOULDBLOCK;
}
#else
using PollFd = pollfd;
int pollSockets(PollFd* fds, size_t n, int ms) {
    return ::poll(fds, n, ms);
}
bool isConnectInProgress(int code) {
    return code == EINPROGRESS;
}
#endif

// Counters have one writer (their load thread), so a relaxed load+store is enough and avoids
// a locked read-modify-write per round trip; readers on other threads still see whole values.
template <typename T>
void bump(std::atomic<T>& counter, T by = 1) {
    counter.store(counter.load(std::memory_order_relaxed) + by, std::memory_order_relaxed);
}

uint64_t read(const std::atomic<uint64_t>& counter) {
    return counter.load(std::memory_order_relaxed);
}

enum class ConnState { Idle, Connecting, Exchanging, Pausing, Backoff, Dead };

struct Connection {
    NativeSocket fd = kInvalidSocket;
    ConnState state = ConnState::Idle;
    uint32_t id = 0;
    uint64_t seq = 0;  // messages begun on this connection; seeds the byte pattern
    uint64_t tripsSinceConnect = 0;
    size_t sent = 0;
    size_t received = 0;
    bool everConnected = false;
    Clock::time_point sendStart{};
    Clock::time_point deadline{};  // connect timeout, end of backoff, or next rate slot
    milliseconds backoff = kBackoffMin;
    std::vector<uint8_t> message;  // allocated once per connection, refilled per message
};

// Deterministic but different for every message and connection, so a byte that is stale,
// misplaced or from another client never passes for the byte we sent.
void fillMessage(Connection& c) {
    const uint64_t mixed = (c.seq + 1) * 0x9E3779B97F4A7C15ull ^ (uint64_t{c.id} << 32);
    const auto base = static_cast<uint8_t>(mixed >> 56);
    for (size_t i = 0; i < c.message.size(); ++i)
        c.message[i] = static_cast<uint8_t>(base + i * 131u + (i >> 8));
}

uint64_t countMismatches(const uint8_t* expected, const uint8_t* got, size_t n) {
    if (std::memcmp(expected, got, n) == 0)
        return 0;
    uint64_t bad = 0;
    for (size_t i = 0; i < n; ++i)
        bad += expected[i] != got[i];
    return bad;
}

int socketError(NativeSocket fd) {
    int err = 0;
    socklen_t len = sizeof err;
    if (getsockopt(fd, SOL_SOCKET, SO_ERROR, reinterpret_cast<char*>(&err), &len) != 0)
        return lastSocketError();
    return err;
}

void setNoDelay(NativeSocket fd) {
    int on = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, reinterpret_cast<const char*>(&on), sizeof on);
}

// A zero linger time makes close() send RST and skip TIME_WAIT.
void setAbortiveClose(NativeSocket fd) {
    linger lg{};
    lg.l_onoff = 1;
    lg.l_linger = 0;
    setsockopt(fd, SOL_SOCKET, SO_LINGER, reinterpret_cast<const char*>(&lg), sizeof lg);
}

}  // namespace

// ---- LatencyHistogram --------------------------------------------------------------------

int LatencyHistogram::bucketOf(uint64_t ns) {
    constexpr uint64_t kSub = uint64_t{1} << kSubBits;
    if (ns < kSub)
        return static_cast<int>(ns);
    int msb = 63;
    while (!(ns >> msb))
        --msb;
    if (msb > kMaxExponent)
        return kBucketCount - 1;
    const auto sub = static_cast<int>((ns >> (msb - kSubBits)) & (kSub - 1));
    return ((msb - kSubBits + 1) << kSubBits) + sub;
}

uint64_t LatencyHistogram::upperBoundOf(int bucket) {
    constexpr int kSub = 1 << kSubBits;
    if (bucket < kSub)
        return static_cast<uint64_t>(bucket);
    const int msb = (bucket >> kSubBits) + kSubBits - 1;
    const uint64_t width = uint64_t{1} << (msb - kSubBits);
    const uint64_t lower = static_cast<uint64_t>(kSub + (bucket & (kSub - 1))) * width;
    return lower + width - 1;
}

void LatencyHistogram::addTo(Counts* out) const {
    for (size_t i = 0; i < m_counts.size(); ++i)
        (*out)[i] += m_counts[i].load(std::memory_order_relaxed);
}

double percentileUs(const LatencyHistogram::Counts& counts, double percentile) {
    uint64_t total = 0;
    for (uint64_t n : counts)
        total += n;
    if (total == 0)
        return 0;
    // The rank of the wanted sample, 1-based; p100 is the last sample.
    const auto rank =
        std::max<uint64_t>(1, static_cast<uint64_t>(percentile / 100.0 * total + 0.5));
    uint64_t seen = 0;
    for (size_t i = 0; i < counts.size(); ++i) {
        seen += counts[i];
        if (seen >= rank)
            return LatencyHistogram::upperBoundOf(static_cast<int>(i)) / 1000.0;
    }
    return LatencyHistogram::upperBoundOf(LatencyHistogram::kBucketCount - 1) / 1000.0;
}

namespace {

void computePercentiles(LoadStats* s) {
    s->p50Us = percentileUs(s->latency, 50);
    s->p99Us = percentileUs(s->latency, 99);
    s->maxUs = percentileUs(s->latency, 100);
}

}  // namespace

LoadStats LoadStats::since(const LoadStats& earlier) const {
    LoadStats d = *this;
    d.roundTrips -= earlier.roundTrips;
    d.bytesSent -= earlier.bytesSent;
    d.bytesReceived -= earlier.bytesReceived;
    d.mismatchedBytes -= earlier.mismatchedBytes;
    d.connectErrors -= earlier.connectErrors;
    d.resets -= earlier.resets;
    d.reconnects -= earlier.reconnects;
    for (size_t i = 0; i < d.latency.size(); ++i)
        d.latency[i] -= earlier.latency[i];
    computePercentiles(&d);
    return d;
}

// ---- LoadWorker: one thread, one poll() loop, a slice of the connections --------------------

class LoadWorker {
public:
    LoadWorker(const LoadConfig& config, const sockaddr_storage& addr, socklen_t addrLen,
               uint32_t firstId, int count, uint64_t quota);
    ~LoadWorker() { join(); }

    void start() {
        m_thread = std::thread([this] { run(); });
    }
    void requestStop() { m_stopRequested.store(true, std::memory_order_relaxed); }
    void join() {
        if (m_thread.joinable())
            m_thread.join();
    }
    bool done() const { return m_done.load(std::memory_order_acquire); }
    void addTo(LoadStats* s) const;

private:
    void run();
    void idleAfterPollError();
    bool finished(Clock::time_point now) const;
    int pollTimeout(Clock::time_point now) const;
    void runTimers(Clock::time_point now);
    void updateInterest();
    void dispatch(Connection& c, short revents);

    void openConnection(Connection& c);
    void established(Connection& c);
    void failConnect(Connection& c);
    void lose(Connection& c);
    void closeSocketOf(Connection& c, bool abortive);
    void retryLater(Connection& c, milliseconds delay);

    void beginMessage(Connection& c);
    void sendMore(Connection& c);
    void receive(Connection& c);
    void completeRoundTrip(Connection& c);

    const LoadConfig& m_config;
    sockaddr_storage m_addr;
    socklen_t m_addrLen;
    uint64_t m_quota;
    uint64_t m_trips = 0;  // loop-thread copy of roundTrips, for the quota check
    Clock::time_point m_end = Clock::time_point::max();
    std::vector<Connection> m_conns;
    std::vector<PollFd> m_pollFds;  // index-aligned with m_conns; closed slots are ignored
    std::vector<uint8_t> m_scratch;
    std::thread m_thread;
    std::atomic<bool> m_stopRequested{false};
    std::atomic<bool> m_done{false};

    std::atomic<uint64_t> m_roundTrips{0}, m_bytesSent{0}, m_bytesReceived{0}, m_mismatched{0};
    std::atomic<uint64_t> m_connectErrors{0}, m_resets{0}, m_reconnects{0};
    std::atomic<int64_t> m_active{0};
    LatencyHistogram m_latency;
};

LoadWorker::LoadWorker(const LoadConfig& config, const sockaddr_storage& addr, socklen_t addrLen,
                       uint32_t firstId, int count, uint64_t quota)
    : m_config(config),
      m_addr(addr),
      m_addrLen(addrLen),
      m_quota(quota),
      m_conns(static_cast<size_t>(count)),
      m_pollFds(static_cast<size_t>(count)),
      m_scratch(kRecvChunk) {
    for (size_t i = 0; i < m_conns.size(); ++i) {
        m_conns[i].id = firstId + static_cast<uint32_t>(i);
        m_conns[i].message.resize(config.messageSize);
    }
}

void LoadWorker::addTo(LoadStats* s) const {
    s->roundTrips += read(m_roundTrips);
    s->bytesSent += read(m_bytesSent);
    s->bytesReceived += read(m_bytesReceived);
    s->mismatchedBytes += read(m_mismatched);
    s->connectErrors += read(m_connectErrors);
    s->resets += read(m_resets);
    s->reconnects += read(m_reconnects);
    s->activeConnections += m_active.load(std::memory_order_relaxed);
    m_latency.addTo(&s->latency);
}

void LoadWorker::run() {
    if (m_config.duration.count() > 0)
        m_end = Clock::now() + m_config.duration;
    for (;;) {
        const auto now = Clock::now();
        if (finished(now))
            break;
        runTimers(now);
        updateInterest();
        const int n = pollSockets(m_pollFds.data(), m_pollFds.size(), pollTimeout(now));
        if (n < 0)
            idleAfterPollError();
        if (n <= 0)
            continue;  // timeout, EINTR: the timers and the stop flag are rechecked
        for (size_t i = 0; i < m_conns.size(); ++i) {
            if (m_pollFds[i].fd != kInvalidSocket && m_pollFds[i].revents != 0)
                dispatch(m_conns[i], m_pollFds[i].revents);
        }
    }
    for (auto& c : m_conns)
        closeSocketOf(c, false);
    m_active.store(0, std::memory_order_relaxed);  // everything this thread held is closed now
    m_done.store(true, std::memory_order_release);
}

void LoadWorker::idleAfterPollError() {
#ifdef _WIN32
    // WSAPoll fails instead of sleeping when every entry is ignored (all connections backing
    // off); without this pause the loop would spin until the first backoff ends.
    std::this_thread::sleep_for(milliseconds(1));
#endif
}

bool LoadWorker::finished(Clock::time_point now) const {
    if (m_stopRequested.load(std::memory_order_relaxed) || now >= m_end)
        return true;
    if (m_quota != 0 && m_trips >= m_quota)
        return true;
    // Without churn a lost connection stays lost; once all are gone there is nothing to do.
    return std::all_of(m_conns.begin(), m_conns.end(),
                       [](const Connection& c) { return c.state == ConnState::Dead; });
}

int LoadWorker::pollTimeout(Clock::time_point now) const {
    auto next = std::min(m_end, now + milliseconds(kPollTickMs));
    for (const auto& c : m_conns) {
        if (c.state == ConnState::Connecting || c.state == ConnState::Pausing ||
            c.state == ConnState::Backoff)
            next = std::min(next, c.deadline);
    }
    const auto ms = std::chrono::ceil<milliseconds>(next - now).count();
    return static_cast<int>(std::clamp<int64_t>(ms, 0, kPollTickMs));
}

void LoadWorker::runTimers(Clock::time_point now) {
    for (auto& c : m_conns) {
        if (c.state == ConnState::Idle) {
            openConnection(c);
        } else if (now < c.deadline) {
            continue;
        } else if (c.state == ConnState::Connecting) {
            failConnect(c);  // the connect timeout passed without an answer
        } else if (c.state == ConnState::Pausing) {
            beginMessage(c);
        } else if (c.state == ConnState::Backoff) {
            openConnection(c);
        }
    }
}

void LoadWorker::updateInterest() {
    for (size_t i = 0; i < m_conns.size(); ++i) {
        const auto& c = m_conns[i];
        auto& p = m_pollFds[i];
        p.revents = 0;
        p.fd = c.fd;
        if (c.state == ConnState::Connecting)
            p.events = POLLOUT;
        else if (c.state == ConnState::Exchanging && c.sent < c.message.size())
            p.events = POLLIN | POLLOUT;
        else
            p.events = POLLIN;  // while paused, data or EOF is unexpected and must be seen
    }
}

void LoadWorker::dispatch(Connection& c, short revents) {
    if (c.state == ConnState::Connecting) {
        if (socketError(c.fd) == 0)
            established(c);
        else
            failConnect(c);
        return;
    }
    // Reading first lets an error surface as the recv() error (ECONNRESET) with its bytes.
    if (revents & (POLLIN | POLLERR | POLLHUP))
        receive(c);
    if (c.state == ConnState::Exchanging && (revents & POLLOUT))
        sendMore(c);
}

void LoadWorker::openConnection(Connection& c) {
    c.fd = socket(m_addr.ss_family, SOCK_STREAM, IPPROTO_TCP);
    if (c.fd == kInvalidSocket || !setNonBlocking(c.fd)) {
        failConnect(c);
        return;
    }
    suppressSigpipe(c.fd);
    setNoDelay(c.fd);
    if (connect(c.fd, reinterpret_cast<const sockaddr*>(&m_addr), m_addrLen) == 0) {
        established(c);
    } else if (isConnectInProgress(lastSocketError())) {
        c.state = ConnState::Connecting;
        c.deadline = Clock::now() + m_config.connectTimeout;
    } else {
        failConnect(c);
    }
}

void LoadWorker::established(Connection& c) {
    if (c.everConnected)
        bump(m_reconnects);
    c.everConnected = true;
    c.backoff = kBackoffMin;
    c.tripsSinceConnect = 0;
    bump<int64_t>(m_active);
    beginMessage(c);
}

void LoadWorker::failConnect(Connection& c) {
    bump(m_connectErrors);
    closeSocketOf(c, false);
    if (m_config.churnAfter == 0) {
        c.state = ConnState::Dead;
        return;
    }
    retryLater(c, c.backoff);
    c.backoff = std::min(c.backoff * 2, kBackoffMax);
}

void LoadWorker::lose(Connection& c) {
    bump(m_resets);
    bump<int64_t>(m_active, -1);
    closeSocketOf(c, false);
    if (m_config.churnAfter == 0)
        c.state = ConnState::Dead;
    else
        retryLater(c, kBackoffMin);
}

void LoadWorker::closeSocketOf(Connection& c, bool abortive) {
    if (c.fd == kInvalidSocket)
        return;
    if (abortive)
        setAbortiveClose(c.fd);
    closeSocket(c.fd);
    c.fd = kInvalidSocket;
}

void LoadWorker::retryLater(Connection& c, milliseconds delay) {
    c.state = ConnState::Backoff;
    c.deadline = Clock::now() + delay;
}

void LoadWorker::beginMessage(Connection& c) {
    fillMessage(c);
    ++c.seq;
    c.sent = 0;
    c.received = 0;
    c.state = ConnState::Exchanging;
    c.sendStart = Clock::now();
    sendMore(c);  // write directly; poll for POLLOUT only if the write comes up short
}

void LoadWorker::sendMore(Connection& c) {
    while (c.sent < c.message.size()) {
        const auto n = sendBytes(c.fd, c.message.data() + c.sent, c.message.size() - c.sent);
        if (n > 0) {
            c.sent += static_cast<size_t>(n);
            bump(m_bytesSent, static_cast<uint64_t>(n));
            continue;
        }
        const int err = lastSocketError();
        if (isInterrupted(err))
            continue;
        if (!isWouldBlock(err))
            lose(c);
        return;
    }
    // A misbehaving server may have answered in full before our last byte left.
    if (c.received == c.message.size())
        completeRoundTrip(c);
}

void LoadWorker::receive(Connection& c) {
    for (;;) {
        // Never read past the reply we expect, so the next reply's bytes stay in the kernel.
        const size_t remaining =
            c.state == ConnState::Exchanging ? c.message.size() - c.received : 0;
        const size_t want =
            remaining != 0 ? std::min(remaining, m_scratch.size()) : m_scratch.size();
        const auto n = recvBytes(c.fd, m_scratch.data(), want);
        if (n <= 0) {
            const int err = n == 0 ? 0 : lastSocketError();
            if (n < 0 && isInterrupted(err))
                continue;
            if (n < 0 && isWouldBlock(err))
                return;
            lose(c);  // EOF or ECONNRESET in the middle of a conversation
            return;
        }
        const auto got = static_cast<size_t>(n);
        bump(m_bytesReceived, uint64_t{got});
        if (remaining == 0) {
            bump(m_mismatched, uint64_t{got});  // nothing was outstanding: all unasked-for
            continue;
        }
        bump(m_mismatched, countMismatches(c.message.data() + c.received, m_scratch.data(), got));
        c.received += got;
        if (c.received == c.message.size()) {
            if (c.sent == c.message.size())
                completeRoundTrip(c);
            return;
        }
    }
}

void LoadWorker::completeRoundTrip(Connection& c) {
    const auto now = Clock::now();
    const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(now - c.sendStart);
    m_latency.record(static_cast<uint64_t>(ns.count()));
    bump(m_roundTrips);
    ++m_trips;
    ++c.tripsSinceConnect;
    if (m_config.churnAfter != 0 && c.tripsSinceConnect >= m_config.churnAfter) {
        bump<int64_t>(m_active, -1);
        closeSocketOf(c, m_config.resetOnChurn);
        openConnection(c);
        return;
    }
    if (m_config.ratePerConnection <= 0) {
        beginMessage(c);
        return;
    }
    const auto period = std::chrono::duration_cast<Clock::duration>(
        std::chrono::duration<double>(1.0 / m_config.ratePerConnection));
    c.state = ConnState::Pausing;
    c.deadline = c.sendStart + period;
    if (now >= c.deadline)
        beginMessage(c);  // behind schedule: go now, but never in bursts
}

// ---- LoadGenerator -----------------------------------------------------------------------

LoadGenerator::LoadGenerator(LoadConfig config) : m_config(std::move(config)) {}

LoadGenerator::~LoadGenerator() {
    stop();
}

bool LoadGenerator::start(std::string* error) {
    if (!m_workers.empty()) {
        if (error)
            *error = "the load generator is already started";
        return false;
    }
    if (m_config.connections < 1 || m_config.messageSize < 1 || m_config.port == 0) {
        if (error)
            *error = "need at least one connection, a message size and a port";
        return false;
    }
    initSocketPlatform();
    sockaddr_storage addr{};
    socklen_t len = 0;
    if (!toSockaddr(Endpoint{m_config.host, m_config.port}, &addr, &len, error))
        return false;

    const int threads = std::clamp(m_config.threads, 1, m_config.connections);
    const uint64_t quota = (m_config.maxRoundTrips + threads - 1) / threads;
    uint32_t nextId = 0;
    for (int t = 0; t < threads; ++t) {
        const int count = m_config.connections / threads + (t < m_config.connections % threads);
        m_workers.push_back(
            std::make_unique<LoadWorker>(m_config, addr, len, nextId, count, quota));
        nextId += static_cast<uint32_t>(count);
    }
    for (auto& w : m_workers)
        w->start();
    return true;
}

void LoadGenerator::stop() {
    for (auto& w : m_workers)
        w->requestStop();
    wait();
}

void LoadGenerator::wait() {
    for (auto& w : m_workers)
        w->join();
}

bool LoadGenerator::running() const {
    return std::any_of(m_workers.begin(), m_workers.end(),
                       [](const auto& w) { return !w->done(); });
}

LoadStats LoadGenerator::stats() const {
    LoadStats s;
    for (const auto& w : m_workers)
        w->addTo(&s);
    computePercentiles(&s);
    return s;
}

}  // namespace ss
