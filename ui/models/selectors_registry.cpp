// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/selectors_registry.h"

#include <algorithm>
#include <iterator>

#include "core/poller/poller.h"

namespace {

// selectors has EVENT_READ and EVENT_WRITE only; select's except set has no word there.
constexpr uint8_t kSelectorEvents = ss::kRead | ss::kWrite;

SelectorsCallback callbackForRole(ss::Role role) {
    switch (role) {
        case ss::Role::Listener:
            return SelectorsCallback::Accept;
        case ss::Role::Connection:
        case ss::Role::Udp:
            return SelectorsCallback::Read;
        case ss::Role::Wakeup:
            break;
    }
    return SelectorsCallback::Unknown;
}

// The events each descriptor is asked about, as (fd, ss::kRead | ss::kWrite), in fd order.
void interestOf(const ss::CallRecord& call, std::vector<std::pair<int32_t, uint8_t>>& out) {
    out.clear();
    for (int32_t fd : call.inRead)
        out.emplace_back(fd, ss::kRead);
    for (int32_t fd : call.inWrite)
        out.emplace_back(fd, ss::kWrite);
    std::sort(out.begin(), out.end());
    // Merge each descriptor's entries (at most one read and one write) into one.
    auto kept = out.begin();
    for (auto it = out.begin(); it != out.end(); ++it) {
        if (kept != out.begin() && std::prev(kept)->first == it->first)
            std::prev(kept)->second |= it->second;
        else
            *kept++ = *it;
    }
    out.erase(kept, out.end());
}

}  // namespace

void SelectorsRegistry::applyEvent(const ss::SocketEvent& event) {
    if (event.fd < 0)
        return;
    m_eventsSinceCall = true;
    if (event.kind == ss::EventKind::Accept && event.aux >= 0)
        m_roles[static_cast<int32_t>(event.aux)] = ss::Role::Listener;
    m_roles[event.fd] = event.role;
    if (event.role == ss::Role::Wakeup)
        return;  // the loop's own descriptor: no part of the tutorial's selector
    switch (event.kind) {
        case ss::EventKind::Watch: {
            const Key key{static_cast<uint8_t>(event.aux & kSelectorEvents),
                          callbackForRole(event.role)};
            m_keys[event.fd] = key;
            m_pending.push_back({SelectorsOp::Kind::Register, event.fd, key.events, key.callback});
            break;
        }
        case ss::EventKind::Unwatch:
        case ss::EventKind::Close:
            if (m_keys.erase(event.fd) > 0)
                m_pending.push_back({SelectorsOp::Kind::Unregister, event.fd, 0, {}});
            if (event.kind == ss::EventKind::Close)
                m_roles.erase(event.fd);
            break;
        default:
            break;
    }
}

SelectorsStep SelectorsRegistry::applyCall(const ss::CallRecord& call) {
    // Unchanged sets with no event in between cannot have changed any registration.
    const bool same =
        !m_eventsSinceCall && call.inRead == m_lastRead && call.inWrite == m_lastWrite;
    if (!same) {
        m_lastRead = call.inRead;
        m_lastWrite = call.inWrite;
        interestOf(call, m_interest);
        noteModifies(call);
    }
    m_eventsSinceCall = false;
    SelectorsStep step;
    step.ops.swap(m_pending);
    if (call.ret > 0)
        step.ready = readyPairs(call);
    return step;
}

void SelectorsRegistry::forget() {
    m_keys.clear();
    m_roles.clear();
    m_pending.clear();
    m_lastRead.clear();
    m_lastWrite.clear();
    m_interest.clear();
    m_eventsSinceCall = true;
}

// A registered descriptor asked about other events than it was registered for was modified. One
// the sets hold but no record registered was registered before the first record seen: it is
// taken in silently, with its callback unknown. A registered one missing from the sets (asked
// about nothing, which selectors cannot say) keeps its key.
void SelectorsRegistry::noteModifies(const ss::CallRecord& call) {
    for (const auto& [fd, events] : m_interest) {
        const auto role = m_roles.find(fd);
        if (role != m_roles.end() && role->second == ss::Role::Wakeup)
            continue;
        const auto it = m_keys.find(fd);
        if (it == m_keys.end()) {
            m_keys.emplace(fd, Key{events, SelectorsCallback::Unknown});
            continue;
        }
        if (it->second.events == events)
            continue;
        it->second.events = events;
        m_pending.push_back({SelectorsOp::Kind::Modify, fd, events, callbackOf(fd, call)});
    }
}

// As CPython's selectors do for poll and epoll: a hang-up or an error wakes both a reader and a
// writer, and each mask keeps only the events the key was registered for.
std::vector<SelectorsReady> SelectorsRegistry::readyPairs(const ss::CallRecord& call) const {
    std::vector<std::pair<int32_t, uint8_t>> reported;
    const std::pair<const std::vector<int32_t>*, uint8_t> lists[] = {
        {&call.readyRead, ss::kRead},
        {&call.readyWrite, ss::kWrite},
        {&call.readyHangup, kSelectorEvents},
        {&call.readyError, kSelectorEvents}};
    for (const auto& [list, bits] : lists)
        for (int32_t fd : *list)
            reported.emplace_back(fd, bits);
    std::sort(reported.begin(), reported.end());
    std::vector<SelectorsReady> ready;
    for (const auto& [fd, bits] : reported) {
        if (!ready.empty() && ready.back().fd == fd) {
            ready.back().mask |= bits;
            continue;
        }
        ready.push_back({fd, bits, callbackOf(fd, call)});
    }
    for (SelectorsReady& r : ready) {
        const auto it = std::lower_bound(m_interest.begin(), m_interest.end(),
                                         std::make_pair(r.fd, uint8_t{0}));
        r.mask &= it != m_interest.end() && it->first == r.fd ? it->second : 0;
    }
    ready.erase(std::remove_if(ready.begin(), ready.end(),
                               [](const SelectorsReady& r) { return r.mask == 0; }),
                ready.end());
    return ready;
}

// The registered callback; else the one the descriptor's role names, from an event or, for a
// listener, from the accept queue the call's facts sampled (only listeners have one).
SelectorsCallback SelectorsRegistry::callbackOf(int32_t fd, const ss::CallRecord& call) const {
    const auto key = m_keys.find(fd);
    if (key != m_keys.end() && key->second.callback != SelectorsCallback::Unknown)
        return key->second.callback;
    const auto role = m_roles.find(fd);
    if (role != m_roles.end())
        return callbackForRole(role->second);
    // The facts are in fd order, one entry per ready descriptor.
    const auto facts =
        std::lower_bound(call.why.begin(), call.why.end(), fd,
                         [](const ss::ReadyFacts& f, int32_t wanted) { return f.fd < wanted; });
    if (facts != call.why.end() && facts->fd == fd && facts->acceptQueue >= 0)
        return SelectorsCallback::Accept;
    return SelectorsCallback::Unknown;
}
