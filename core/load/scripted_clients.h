// SPDX-License-Identifier: GPL-3.0-or-later
// The clients of the IO-models comparison (seed 004 §5): three clients of an upper-case echo
// server, one of them slow.
//   - Client 1 connects, sends a message and reads its reply. Then it is slow: it keeps its
//     connection open and idle for `slowHold` before it sends a second message, reads that reply
//     and closes.
//   - Clients 2 and 3 connect once client 1 has its first reply (so while it holds), send one
//     message each, read the reply and close.
// A server that serves one client at a time answers clients 2 and 3 only after client 1 has
// gone; one that serves them side by side answers them while client 1 holds.
//
// All three run on the calling thread in one poll() loop over non-blocking sockets, so that the
// order of their connects and sends is the script's, whatever the scheduler does. Every reply is
// checked byte for byte against the upper-cased message.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

namespace ss {

struct ClientScript {
    std::string host = "127.0.0.1";
    uint16_t port = 0;
    std::chrono::milliseconds slowHold{1000};
    // The whole script's bound, after the hold: a client without its replies by then is not
    // served.
    std::chrono::milliseconds timeout{5000};
};

struct ScriptedClient {
    bool served = false;  // every reply arrived, byte for byte
    // It had its reply while client 1 held its connection (client 1: its first reply).
    bool servedWhileSlowHeld = false;
    // From sending its (first) message to the last byte of that reply; -1 without a reply.
    double waitMs = -1;
    // When it sent its first message, and when it closed after its last reply, in milliseconds
    // since client 1's first message; -1 when that did not happen.
    double sentAtMs = -1;
    double closedAtMs = -1;
    std::string error;  // why it was not served, in English; empty when it was
};

struct ScriptOutcome {
    std::array<ScriptedClient, 3> clients;
    // Client 1's hold: from its first reply to its second message, in milliseconds since its
    // first message; -1 when it did not get that far.
    double holdFromMs = -1;
    double holdToMs = -1;
    int served() const;
    int servedWhileSlowHeld() const;
};

// Runs the script against host:port. Returns when every client is done, the timeout has passed
// or *cancel became true (checked every few milliseconds).
ScriptOutcome runClientScript(const ClientScript& script,
                              const std::atomic<bool>* cancel = nullptr);

}  // namespace ss
