// SPDX-License-Identifier: GPL-3.0-or-later
// What the selector object of the tutorials' selectors server would hold if it were the traced
// server: which descriptors are registered, for which events, and which callback each key's data
// names. The tutorial registers its listener with accept and each connection with read:
//   sel.register(s, selectors.EVENT_READ, accept)
//   def accept(sock, mask): conn, addr = sock.accept(); sel.register(conn, selectors.EVENT_READ,
//   read) def read(conn, mask): ... conn.close(); sel.unregister(conn)
// It is built from the records alone, in the order they happened. A Watch event is a register()
// (its role names the callback), an Unwatch or the Close of a registered descriptor an
// unregister(), and a call whose sets ask a registered descriptor for other events than before a
// modify(): every backend records its whole interest as the call's "in" sets. A descriptor first
// met in a call's sets was registered before the first record this registry saw; its callback
// is then known only from a role an event or the call's sampled facts give it, else unknown.
// Lost records (the trace dropped some) make everything unknown again: forget().
#pragma once

#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/trace/trace_types.h"

// The function a key's data holds: accept for a listener, read for a connection (and for a UDP
// socket, which has nothing to accept), Unknown when the records do not say.
enum class SelectorsCallback : uint8_t { Unknown, Accept, Read };

// One call on the selector object: register() and modify() with events (ss::kRead for
// EVENT_READ, ss::kWrite for EVENT_WRITE) and the callback; unregister() with the descriptor only.
struct SelectorsOp {
    enum class Kind : uint8_t { Register, Modify, Unregister };
    Kind kind = Kind::Register;
    int32_t fd = -1;
    uint8_t events = 0;
    SelectorsCallback callback = SelectorsCallback::Unknown;
};

// One (key, mask) pair that sel.select() returned: the descriptor, the mask (ss::kRead,
// ss::kWrite) and the callback in key.data.
struct SelectorsReady {
    int32_t fd = -1;
    uint8_t mask = 0;
    SelectorsCallback callback = SelectorsCallback::Unknown;
};

// One wait call as sel.select(): the calls on the selector object since the previous wait call,
// then what it returned, in descriptor order.
struct SelectorsStep {
    std::vector<SelectorsOp> ops;
    std::vector<SelectorsReady> ready;
};

class SelectorsRegistry {
public:
    // Events are applied in the order they happened, each before the call that follows it.
    void applyEvent(const ss::SocketEvent& event);
    // The call's step: the ops since the previous call (the pending ones from events, then the
    // modify() its sets show) and its (key, mask) pairs.
    SelectorsStep applyCall(const ss::CallRecord& call);
    // Forgets every registration and role, as at the start of a trace or after lost records.
    void forget();

private:
    struct Key {
        uint8_t events = 0;
        SelectorsCallback callback = SelectorsCallback::Unknown;
    };

    SelectorsCallback callbackOf(int32_t fd, const ss::CallRecord& call) const;
    void noteModifies(const ss::CallRecord& call);
    std::vector<SelectorsReady> readyPairs(const ss::CallRecord& call) const;

    std::unordered_map<int32_t, Key> m_keys;
    // The roles events named, for descriptors that are still open.
    std::unordered_map<int32_t, ss::Role> m_roles;
    std::vector<SelectorsOp> m_pending;
    // The last call's sets, and the events they asked about per descriptor, in fd order. Under
    // load most calls pass the same sets as the one before; those are compared, not taken apart.
    std::vector<int32_t> m_lastRead, m_lastWrite;
    std::vector<std::pair<int32_t, uint8_t>> m_interest;
    bool m_eventsSinceCall = true;
};
