// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/server/event_loop.h"

#include <algorithm>
#include <chrono>

#include "core/poller/clock.h"
#include "core/server/listener_socket.h"
#include "core/server/own_descriptors.h"
#include "core/server/server_thread.h"
#include "core/trace/engine_text.h"

namespace ss {

EventLoop::EventLoop(EngineConfig config)
    : m_config(std::move(config)),
      m_serveDir(m_config.serveDir),
      m_observer(m_config, m_channels),
      m_connections(m_channels, m_observer, m_config.maxQueueBytes),
      m_acceptor(m_connections, m_observer, BehaviourResources{m_serveDir, m_observer}),
      m_datagrams(m_connections, m_observer, m_config.maxQueueBytes),
      m_paused(m_config.startPaused),
      m_slowMotionMs(m_config.slowMotionMs),
      m_timeoutMs(m_config.timeoutMs),
      m_epollMode(m_config.epollMode) {}

EventLoop::~EventLoop() {
    stop();
    closeAll();
}

// Everything that opens a descriptor happens on the loop thread, which may have a descriptor
// table of its own (own_descriptors.h); start() waits for its answer.
bool EventLoop::start(std::string* error) {
    initSocketPlatform();
    m_observer.startClock();
    return startServerThread(
        m_thread, [this](std::string* why) { return open(why); },
        [this] {
            run();
            release();
        },
        [this] { release(); }, error);
}

bool EventLoop::open(std::string* error) {
    if (m_epollMode != EpollMode::Level && m_config.backend != BackendKind::Epoll) {
        if (error)
            *error = engineText(TextId::EpollModeNeedsEpoll,
                                {epollModeName(m_epollMode), backendName(m_config.backend)});
        return false;
    }
    std::string shared;
    const bool own = m_config.ownDescriptorTable && useOwnDescriptorTable(&shared);
    std::vector<NativeSocket> opened;
    for (const ListenerSpec& spec : m_config.listeners) {
        const NativeSocket fd = openListenerSocket(spec, m_config.allowRemote, error);
        if (fd == kInvalidSocket)
            break;
        opened.push_back(fd);
    }
    if (opened.size() < m_config.listeners.size() || !openPoller(error)) {
        for (NativeSocket s : opened)
            closeSocket(s);
        return false;
    }
    if (m_config.ownDescriptorTable && !own)
        m_observer.emit(EventKind::Note, nullptr, 0, 0, 0, {},
                        engineText(TextId::NumberedAfterWindow, {shared}));
    m_observer.counters().backend = m_config.backend;
    m_observer.counters().serverThreads = 1;
    m_observer.counters().peakServerThreads = 1;
    recordMode();
    m_acceptor.start();
    watchWakeup();
    for (size_t i = 0; i < opened.size(); ++i)
        m_acceptor.adoptListener(opened[i],
                                 std::make_shared<const ListenerSpec>(m_config.listeners[i]));
    m_interrupt.attachLoopThread();
    m_interrupt.prepare(*m_poller);
    m_observer.publishStats();
    m_observer.publishSnapshot();
    return true;
}

// On the loop thread, as it ends: the descriptors belong to its table, and its CPU time counts.
void EventLoop::release() {
    closeAll();
    m_observer.counters().cpuSeconds += double(threadCpuNs()) / 1e9;
    m_observer.publishStats();
    m_connections.usePoller(nullptr);
    m_poller.reset();
}

bool EventLoop::openPoller(std::string* error) {
    m_poller = createPoller(m_config.backend, error, m_epollMode);
    if (m_poller)
        m_poller->setRecordChanges(m_config.trace.calls);
    if (m_poller && !m_interrupt.valid() && error)
        *error = engineText(TextId::WakeupFailed);
    usePoller();
    return m_poller && m_interrupt.valid();
}

void EventLoop::usePoller() {
    const bool drain = m_poller && m_poller->edgeTriggered() && m_epollMode == EpollMode::EdgeDrain;
    m_connections.usePoller(m_poller.get(), drain);
}

// Only where the wait is interrupted through a descriptor (wait_interrupt.h): on Linux nothing
// is added to the sets.
void EventLoop::watchWakeup() {
    if (m_interrupt.descriptor() == kInvalidSocket)
        return;
    auto wake = std::make_unique<Channel>();
    wake->fd = m_interrupt.descriptor();
    wake->role = Role::Wakeup;
    wake->openedNs = m_observer.baseNs();
    m_connections.updateInterest(m_connections.insert(std::move(wake)));
}

void EventLoop::stop() {
    if (!m_thread.joinable())
        return;
    post(LoopCommand{});  // Type::Stop
    m_thread.join();
}

// Slow motion takes effect from the next call: dragging the speed slider must not cut calls
// short. Every other command interrupts the wait call it meets, which then returns EINTR.
static bool interruptsWait(LoopCommand::Type type) {
    return type != LoopCommand::Type::SlowMotion;
}

void EventLoop::post(LoopCommand command) {
    {
        std::lock_guard<std::mutex> lock(m_commandMutex);
        const bool interrupt = interruptsWait(command.type);
        m_commands.push_back(std::move(command));
        m_pendingCommands.store(int(m_commands.size()));
        // Under the lock the loop holds while it checks for commands before a wait call: only a
        // loop that is in (or about to enter) a call with this command unseen is interrupted.
        if (interrupt)
            m_interrupt.interrupt();
    }
    m_commandReady.notify_one();
}

bool EventLoop::postAndWait(LoopCommand command, int timeoutMs) {
    auto done = std::make_shared<std::atomic<bool>>(false);
    command.done = done;
    post(std::move(command));
    const int64_t deadline = monotonicNs() + int64_t(timeoutMs) * 1000000;
    while (!done->load()) {
        if (!m_thread.joinable() || monotonicNs() > deadline)
            return false;
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    return true;
}

void EventLoop::requestSnapshot() {
    m_observer.requestSnapshot();
    // Wakes a paused loop (it waits on the condition variable, not in a wait call); a running
    // loop publishes after its current wait call, so no wake-up shows in the trace for this.
    std::lock_guard<std::mutex> lock(m_commandMutex);
    m_commandReady.notify_one();
}

void EventLoop::run() {
    while (!m_stopping) {
        processCommands();
        if (m_stopping)
            break;
        if (m_dead || (m_paused && m_stepsPending == 0)) {
            waitForCommand(-1);
            continue;
        }
        if (!iterate())
            continue;  // a command arrived first; handle it before waiting
        if (m_paused && m_stepsPending > 0)
            --m_stepsPending;
        m_observer.publishAfterIteration();
        if (m_slowMotionMs > 0 && !m_paused)
            waitForCommand(m_slowMotionMs);
    }
    closeAll();
    m_observer.publishStats();
    m_observer.publishSnapshot();
}

bool EventLoop::iterate() {
    CallDraft* draft = m_config.trace.calls ? &m_draft : nullptr;
    if (draft)
        draft->clear();
    int err = 0;
    {
        std::lock_guard<std::mutex> lock(m_commandMutex);
        if (!m_commands.empty())
            return false;  // handle it before waiting
        m_interrupt.enterWait();
    }
    const int timeoutMs = effectiveTimeout();
    const int ret = m_poller->wait(timeoutMs, m_ready, &err, draft);
    m_interrupt.leaveWait(m_commandMutex);
    m_observer.callMade(m_poller->kind(), draft);
    if (ret < 0) {
        EngineStats& counters = m_observer.counters();
        if (isInterrupted(err)) {
            ++counters.interruptedCalls;  // retried by the next iteration, as the trace shows
        } else {
            ++counters.errors;
            m_observer.emit(EventKind::Error, nullptr, 0, 0, err, {},
                            engineText(TextId::WaitCallFailed));
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return true;
    }
    for (const PollEvent& ev : m_ready) {
        dispatch(ev);
        if (m_connections.crashed()) {
            die();
            return true;
        }
    }
    if (m_connections.restingListeners() > 0)
        m_acceptor.resumeListeners();
    judgeIteration(ret, timeoutMs);
    return true;
}

// Called after every wait call: kept small, so that it costs a few instructions per call; the
// rest runs once per window.
void EventLoop::judgeIteration(int ret, int timeoutMs) {
    SpinSign sign = m_connections.takeSpinSign();
    if (ret == 0 && timeoutMs == 0 && sign.reason == SpinReason::None)
        sign.reason = SpinReason::ZeroTimeoutIdle;
    const BusyLoopDetector::Verdict verdict = m_busy.note(sign, ret == 0 && timeoutMs != 0);
    if (verdict != BusyLoopDetector::Verdict::Nothing)
        reportWindow(verdict);
}

void EventLoop::reportWindow(BusyLoopDetector::Verdict verdict) {
    const SpinSign s = m_busy.sign();
    EngineStats& counters = m_observer.counters();
    counters.callsPerSecond = m_busy.callsPerSecond();
    counters.loopCpuPercent = m_busy.cpuPercent();
    counters.busyLoop = m_busy.spinning();
    counters.busyFd = m_busy.spinning() ? s.fd : -1;
    counters.busyReason = uint8_t(m_busy.spinning() ? s.reason : SpinReason::None);
    if (verdict == BusyLoopDetector::Verdict::Spinning)
        m_observer.emit(EventKind::BusyLoop,
                        s.fd >= 0 ? m_channels.find(NativeSocket(s.fd)) : nullptr,
                        int64_t(m_busy.callsPerSecond()), int64_t(s.reason), 0, {}, spinText(s));
}

void EventLoop::die() {
    m_dead = true;
    m_observer.note(engineText(TextId::ServerDied, {m_connections.crash()}));
    closeAll();
    m_observer.counters().stopped = true;
    m_observer.counters().busyLoop = false;
    m_observer.publishStats();
    m_observer.publishSnapshot();
}

int EventLoop::effectiveTimeout() const {
    if (m_connections.restingListeners() == 0)
        return m_timeoutMs;
    // A listener resting after EMFILE must be retried on time even if nothing else happens.
    const int64_t earliest = m_connections.earliestListenerResumeNs();
    const int64_t waitMs = std::max<int64_t>(0, (earliest - monotonicNs()) / 1000000 + 1);
    return m_timeoutMs < 0 ? int(waitMs) : int(std::min<int64_t>(m_timeoutMs, waitMs));
}

void EventLoop::dispatch(const PollEvent& ev) {
    Channel* ch = m_channels.find(ev.fd);
    if (!ch)
        return;  // closed earlier in this batch
    ch->lastReady = ev.ready;
    ch->lastReadyCall = m_observer.callNumber();
    switch (ch->role) {
        case Role::Wakeup:
            m_interrupt.drain();
            m_observer.emit(EventKind::Wakeup, ch);
            break;
        case Role::Listener:
            if (ev.ready & (kRead | kError))
                m_acceptor.acceptFrom(*ch);
            break;
        case Role::Udp:
            // One datagram per report, or (et-drain) every datagram until EAGAIN.
            if (ev.ready & kRead)
                while (m_datagrams.receive(*ch) && m_connections.drainsReadiness()) {
                }
            if (ev.ready & kWrite)
                m_datagrams.flush(*ch);
            break;
        case Role::Connection:
            m_connections.handleConnection(*ch, ev.ready);
            break;
    }
}

void EventLoop::processCommands() {
    if (m_pendingCommands.load() == 0)
        return;
    std::vector<LoopCommand> batch;
    {
        std::lock_guard<std::mutex> lock(m_commandMutex);
        batch.swap(m_commands);
        m_pendingCommands.store(0);  // a hint that spares the lock when nothing is queued
    }
    for (LoopCommand& command : batch)
        apply(command);
    m_observer.publishStats();  // watchers see the new mode (paused, backend ...) at once
    for (LoopCommand& command : batch)
        if (command.done)
            command.done->store(true);
}

void EventLoop::waitForCommand(int timeoutMs) {
    // Sleeps until a command arrives or the time is up. Snapshot requests are served while
    // waiting without ending the wait, so a watcher's refresh never shortens slow motion.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    std::unique_lock<std::mutex> lock(m_commandMutex);
    while (m_commands.empty()) {
        if (m_observer.takeSnapshotRequest()) {
            lock.unlock();
            m_observer.publishSnapshot();
            lock.lock();
            continue;
        }
        if (timeoutMs < 0)
            m_commandReady.wait(lock);
        else if (m_commandReady.wait_until(lock, deadline) == std::cv_status::timeout)
            return;
    }
}

void EventLoop::apply(LoopCommand& c) {
    using T = LoopCommand::Type;
    switch (c.type) {
        case T::Stop:
            m_stopping = true;
            break;
        case T::Pause:
            m_paused = true;
            m_stepsPending = 0;
            m_observer.emit(EventKind::Mode, nullptr, 0, 0, 0, {}, engineText(TextId::Paused));
            break;
        case T::Resume:
            m_paused = false;
            m_observer.emit(EventKind::Mode, nullptr, 0, 0, 0, {}, engineText(TextId::Running));
            break;
        case T::Step:
            if (!m_paused)
                break;
            ++m_stepsPending;
            m_observer.emit(EventKind::Mode, nullptr, 0, 0, 0, {}, engineText(TextId::Step));
            break;
        case T::SlowMotion:
            m_slowMotionMs = std::max(0, c.value);
            m_observer.emit(EventKind::Mode, nullptr, m_slowMotionMs, 0, 0, {},
                            engineText(TextId::SlowMotion));
            break;
        case T::Timeout:
            m_timeoutMs = c.value < 0 ? -1 : c.value;
            break;
        case T::SwitchBackend: {
            const std::string why = switchBackend(static_cast<BackendKind>(c.value));
            if (c.reply)
                c.reply->error = why;
            break;
        }
        case T::EpollMode: {
            const std::string why = switchEpollMode(static_cast<EpollMode>(c.value));
            if (c.reply)
                c.reply->error = why;
            break;
        }
        case T::AddListener:
            addListener(c);
            break;
        case T::RemoveListener:
            removeListener(c.fd);
            break;
    }
    recordMode();
}

void EventLoop::addListener(LoopCommand& c) {
    std::string error;
    const NativeSocket fd = openListenerSocket(*c.spec, m_config.allowRemote, &error);
    if (c.reply) {
        c.reply->error = error;
        c.reply->fd = fd == kInvalidSocket ? -1 : fdNumber(fd);
    }
    if (fd != kInvalidSocket)
        m_acceptor.adoptListener(fd, c.spec);
}

void EventLoop::removeListener(NativeSocket fd) {
    Channel* ch = m_channels.find(fd);
    if (ch && ch->role != Role::Connection && ch->role != Role::Wakeup)
        m_connections.closeChannel(*ch, CloseReason::ServerClosed, 0);
}

void EventLoop::recordMode() {
    EngineStats& counters = m_observer.counters();
    counters.paused = m_paused;
    counters.slowMotionMs = m_slowMotionMs;
    counters.timeoutMs = m_timeoutMs;
    counters.epollMode = m_epollMode;
}

// The backend's name in the Backend event, with epoll's mode unless it is the default:
// "select -> epoll et-drain".
static std::string backendLabel(BackendKind kind, EpollMode mode) {
    std::string label(backendName(kind));
    if (kind == BackendKind::Epoll && mode != EpollMode::Level)
        label += ' ' + std::string(epollModeName(mode));
    return label;
}

// A new epoll instance takes over, every watched descriptor registered again with the new mode
// (epoll_create1 and one epoll_ctl(ADD) each, as strace shows): a backend switch from epoll to
// epoll. The mode is kept for later switches to epoll.
std::string EventLoop::switchEpollMode(EpollMode mode) {
    if (!m_poller || m_poller->kind() != BackendKind::Epoll)
        return engineText(
            TextId::EpollModeNeedsEpoll,
            {epollModeName(mode), backendName(m_poller ? m_poller->kind() : m_config.backend)});
    if (mode == m_epollMode)
        return {};
    const EpollMode previous = m_epollMode;
    const std::string from = backendLabel(BackendKind::Epoll, previous);
    m_epollMode = mode;
    std::string why = switchBackend(BackendKind::Epoll, from);
    if (!why.empty())
        m_epollMode = previous;
    return why;
}

std::string EventLoop::switchBackend(BackendKind kind) {
    return switchBackend(kind, backendLabel(m_poller->kind(), m_epollMode));
}

std::string EventLoop::switchBackend(BackendKind kind, const std::string& from) {
    std::string error;
    std::unique_ptr<Poller> next = createPoller(kind, &error, m_epollMode);
    if (!next)
        return error;
    next->setRecordChanges(m_config.trace.calls);
    m_interrupt.prepare(*next);
    bool ok = true;
    m_channels.forEach([&](const Channel& ch) {
        if (ok && ch.watched && !next->add(ch.fd, ch.interest, &error))
            ok = false;
    });
    if (!ok)
        return "cannot switch to " + std::string(backendName(kind)) + ": " + error;
    const std::string text = from + " -> " + backendLabel(kind, m_epollMode);
    m_poller = std::move(next);
    usePoller();
    m_observer.counters().backend = kind;
    m_observer.emit(EventKind::Backend, nullptr, 0, 0, 0, {}, text);
    return {};
}

void EventLoop::closeAll() {
    m_connections.closeAll();
    m_acceptor.stop();
}

}  // namespace ss
