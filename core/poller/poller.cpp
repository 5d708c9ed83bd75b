// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/poller/poller.h"

#include <algorithm>

#include "core/poller/clock.h"
#include "core/trace/engine_text.h"

namespace ss {

bool Poller::add(NativeSocket fd, uint8_t interest, std::string* error) {
    if (!admit(fd, error))
        return false;
    auto it = lowerBound(fd);
    if (it != m_watches.end() && it->fd == fd)
        return refuse(error, fd, TextId::AlreadyWatched);
    Watch w{fd, interest, 0};
    if (!nativeAdd(w, error))
        return false;
    m_watches.insert(it, w);
    return true;
}

bool Poller::modify(NativeSocket fd, uint8_t interest, std::string* error) {
    Watch* w = findWatch(fd);
    if (!w)
        return refuse(error, fd, TextId::NotWatched);
    if (w->interest == interest)
        return true;  // the point of keeping the table: no system call for no change
    if (!nativeModify(*w, interest, error))
        return false;
    w->interest = interest;
    return true;
}

void Poller::remove(NativeSocket fd) {
    auto it = lowerBound(fd);
    if (it == m_watches.end() || it->fd != fd)
        return;
    nativeRemove(*it);
    m_watches.erase(it);
}

// Only the system call sits between the two clock readings, so durationNs is the time spent
// inside it; the error is taken before anything else can overwrite it.
int Poller::wait(int timeoutMs, std::vector<PollEvent>& out, int* err, CallDraft* draft) {
    out.clear();
    prepareWait();
    if (draft) {
        draft->clear();
        draft->changes.swap(m_changes);
        recordPassed(*draft);
        draft->timeoutMs = timeoutMs;
        draft->startNs = monotonicNs();
    }
    m_changes.clear();  // made before this call; the draft has them, or nobody wanted them
    const int ret = nativeWait(timeoutMs);
    const int code = ret < 0 ? lastSocketError() : 0;
    if (draft) {
        draft->durationNs = monotonicNs() - draft->startNs;
        draft->ret = ret;
        draft->err = code;
    }
    if (err)
        *err = code;
    if (ret > 0)
        collect(ret, out, draft);
    return ret;
}

void Poller::setRecordChanges(bool on) {
    m_recordChanges = on;
    m_changes.clear();
}

Poller::Watch* Poller::findWatch(NativeSocket fd) {
    auto it = lowerBound(fd);
    return (it != m_watches.end() && it->fd == fd) ? &*it : nullptr;
}

bool Poller::failed(std::string* error, const char* call, NativeSocket fd) {
    const int code = lastSocketError();
    if (error)
        *error = engineText(TextId::WatchCallFailed,
                            {call, std::to_string(fdNumber(fd)), socketErrorText(code)});
    return false;
}

void Poller::recordPassed(CallDraft& draft) const {
    for (const Watch& w : m_watches)
        recordIn(draft, w.fd, w.interest);
}

std::vector<Poller::Watch>::iterator Poller::lowerBound(NativeSocket fd) {
    return std::lower_bound(m_watches.begin(), m_watches.end(), fd,
                            [](const Watch& w, NativeSocket v) { return w.fd < v; });
}

bool Poller::refuse(std::string* error, NativeSocket fd, TextId why) const {
    if (error)
        *error = engineText(why, {m_noun, std::to_string(fdNumber(fd))});
    return false;
}

}  // namespace ss
