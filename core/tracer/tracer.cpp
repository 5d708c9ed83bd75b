// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tracer/tracer.h"

#include <pthread.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <utility>

#include "core/tracer/call_decoder.h"
#include "core/tracer/deadline_signal.h"
#include "core/tracer/ptrace_session.h"

namespace ss::tracer {
namespace {

// Records that make a full batch: a watcher waiting in waitForRecords() is woken early for it.
constexpr size_t kWakeBatch = 4096;

}  // namespace

bool tracingAvailable() {
    return true;
}

// The queue between the tracer's thread and the watcher, and the thread's state.
class Tracer::Impl final : public RecordSink {
public:
    void call(CallRecord&& record) override { queue(m_batch.calls, std::move(record)); }
    void event(SocketEvent&& event) override { queue(m_batch.events, std::move(event)); }

    // A watcher that waits is woken by a full batch, not by every record: it drains on its own
    // period otherwise, so that it formats and writes batches instead of waking the traced
    // program's CPU once per record.
    void wakeWhenFull() {
        if (waiting() == kWakeBatch)
            m_changed.notify_all();
    }

    template <typename Record>
    void queue(std::vector<Record>& list, Record record) {
        std::lock_guard<std::mutex> lock(m_lock);
        if (waiting() >= kQueueBound) {
            ++m_batch.droppedTotal;
            return;
        }
        list.push_back(std::move(record));
        wakeWhenFull();
    }

    void run(const TraceTarget& target);
    void announce(int state, std::string error = {});

    size_t waiting() const { return m_batch.calls.size() + m_batch.events.size(); }

    std::mutex m_lock;
    std::condition_variable m_changed;
    TracerBatch m_batch;
    int m_startState = 0;  // 0 pending, 1 started, -1 failed; under m_lock
    std::string m_startError;

    std::thread m_thread;
    pthread_t m_handle{};
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_finished{false};
    std::atomic<bool> m_stopSeen{false};
    int m_pid = 0;
    std::string m_command;
    bool m_seccomp = false;
};

void Tracer::Impl::announce(int state, std::string error) {
    std::lock_guard<std::mutex> lock(m_lock);
    m_startState = state;
    m_startError = std::move(error);
    m_changed.notify_all();
}

void Tracer::Impl::run(const TraceTarget& target) {
    prepareTracerThread();
    CallDecoder decoder(*this);
    PtraceSession session(decoder);
    std::string error;
    if (!session.begin(target, &error)) {
        m_finished.store(true);
        announce(-1, error);
        return;
    }
    m_pid = session.pid();
    m_command = session.command();
    m_seccomp = session.usesSeccomp();
    announce(1);
    if (!session.run(m_stop)) {
        {
            std::lock_guard<std::mutex> lock(m_lock);
            m_stopSeen.store(true);
            m_changed.notify_all();
        }
        session.end();
    }
    std::lock_guard<std::mutex> lock(m_lock);
    m_finished.store(true);
    m_changed.notify_all();
}

Tracer::Tracer() : m_impl(std::make_unique<Impl>()) {}

Tracer::~Tracer() {
    stop();
}

bool Tracer::start(const TraceTarget& target, std::string* error) {
    Impl& d = *m_impl;
    if (d.m_thread.joinable()) {
        *error = "a trace is already running";
        return false;
    }
    d.m_thread = std::thread([&d, target] { d.run(target); });
    d.m_handle = d.m_thread.native_handle();
    std::unique_lock<std::mutex> lock(d.m_lock);
    d.m_changed.wait(lock, [&d] { return d.m_startState != 0; });
    if (d.m_startState > 0)
        return true;
    *error = d.m_startError;
    lock.unlock();
    d.m_thread.join();
    return false;
}

// The thread may be just about to enter waitpid() when the signal comes, and the signal is then
// spent before the call: it is sent again until the thread shows it has seen the request.
void Tracer::stop() {
    Impl& d = *m_impl;
    if (!d.m_thread.joinable())
        return;
    d.m_stop.store(true);
    for (int attempt = 0; attempt < 600 && !d.m_stopSeen.load() && !d.m_finished.load();
         ++attempt) {
        pthread_kill(d.m_handle, kTracerSignal);
        std::unique_lock<std::mutex> lock(d.m_lock);
        d.m_changed.wait_for(lock, std::chrono::milliseconds(50),
                             [&d] { return d.m_stopSeen.load() || d.m_finished.load(); });
    }
    d.m_thread.join();
}

TracerBatch Tracer::take() {
    Impl& d = *m_impl;
    std::lock_guard<std::mutex> lock(d.m_lock);
    TracerBatch out;
    out.droppedTotal = d.m_batch.droppedTotal;
    std::swap(out.calls, d.m_batch.calls);
    std::swap(out.events, d.m_batch.events);
    return out;
}

void Tracer::waitForRecords(std::chrono::milliseconds bound) {
    Impl& d = *m_impl;
    std::unique_lock<std::mutex> lock(d.m_lock);
    d.m_changed.wait_for(lock, bound,
                         [&d] { return d.waiting() >= kWakeBatch || d.m_finished.load(); });
}

bool Tracer::finished() const {
    return m_impl->m_finished.load();
}

int Tracer::pid() const {
    return m_impl->m_pid;
}

const std::string& Tracer::command() const {
    return m_impl->m_command;
}

bool Tracer::usesSeccomp() const {
    return m_impl->m_seccomp;
}

}  // namespace ss::tracer
