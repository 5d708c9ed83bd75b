// SPDX-License-Identifier: GPL-3.0-or-later
// What a listener is asked to be: address, protocol, behaviour and how it writes. The
// --listen syntax and the presets both produce these, and the engine only consumes them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/net/endpoint.h"

namespace ss {

// The main thing a listener does with what it receives. Transforms (upper, suffix) apply to
// Echo and Chat; a greeting may be combined with any of them.
enum class BehaviourKind : uint8_t { Echo, Chat, Discard, Welcome, FramedFile, Http };
std::string_view behaviourKindName(BehaviourKind kind);

struct BehaviourSpec {
    BehaviourKind kind = BehaviourKind::Echo;
    bool upper = false;    // ASCII a-z to A-Z, as Python's bytes.upper()
    std::string suffix;    // appended to every received chunk
    std::string greeting;  // sent once on accept
    std::string welcome;   // Welcome: sent on accept, then the connection is closed unwatched
};

// Writes replies at once inside the read handler (the echo tutorials), or queues them and
// writes when the socket shows up in the write set (the read/write-separation tutorials).
enum class WriteMode : uint8_t { Direct, Queued };
// What to do when a connection shows up in the exceptional set: read and report the urgent
// byte, or close it as the queue tutorial does ("for e in eList: ... e.close()").
enum class ExceptPolicy : uint8_t { Read, Close };

// What a tutorial's own code does where it goes wrong, reproduced by --as-written. The presets
// fill it in (presets.h); the default is the corrected behaviour every preset has otherwise.
struct AsWritten {
    // What the tutorial's code does when a call on a connection raises: its `except` removes the
    // socket from the lists and leaves it open, closes it, or there is no `except` and the server
    // dies with a traceback.
    enum class Fault : uint8_t { Close, Unwatch, Crash };
    bool on = false;
    bool acceptOnce = false;           // one accept() per readable listener, no retry until EAGAIN
    bool eofIsMessage = false;         // recv() == b'' is answered like a message; the socket stays
    bool eofUnwatches = false;         // recv() == b'' removes it from the lists; it stays open
    bool decodesUtf8 = false;          // str(data, encoding='utf-8') on every chunk received
    bool sendOnce = false;             // send() instead of sendall(): what does not fit is lost
    bool replyToLastAccepted = false;  // conn.send() names the last accepted socket, not this one
    bool exceptUnwatches = false;      // `for e in c: lib.remove(e)`: silent, still open
    // `d, e = k.accept()` binds d to the new socket, and CPython closes the one d named before:
    // a connection stays open until the next client is accepted.
    bool closesPreviousOnAccept = false;
    bool diesAtSetSize = false;  // select.select() raises ValueError once an fd reaches FD_SETSIZE
    Fault onRecvError = Fault::Close;
    Fault onDecodeError = Fault::Close;
    Fault onSendError = Fault::Close;
    // Python 2 (`except socket.error, e`) names socket errors socket.error, not OSError's
    // subclasses.
    bool python2 = false;
    // The IO models' non-blocking server never calls conn.setblocking(False): an accepted
    // socket keeps the mode accept() gave it (Linux: blocking; BSD and macOS: non-blocking,
    // inherited from the listener).
    bool keepsAcceptedMode = false;
};

struct ListenerSpec {
    Endpoint endpoint;
    bool udp = false;
    BehaviourSpec behaviour;
    WriteMode writeMode = WriteMode::Direct;
    bool watchExcept = false;  // put connections (and the listener) in the except set
    ExceptPolicy exceptPolicy = ExceptPolicy::Read;
    size_t recvSize = 1024;  // bytes per recv(), as the tutorials' recv(1024)
    int backlog = 128;
    AsWritten asWritten;
};

// "echo", "upper+suffix:!", "greet:你好+suffix:好", "welcome:欢迎访问", "framed-file", "http" ...
std::optional<BehaviourSpec> parseBehaviour(std::string_view text, std::string* error);
std::string formatBehaviour(const BehaviourSpec& spec);

// "[HOST:]PORT[/udp|/tcp][,OPTION...][=BEHAVIOUR]" with options queued, direct, except,
// except-close, recv=N, backlog=N. Examples: "9991", "127.0.0.1:8080/udp=upper",
// "9999,queued,except=echo", "[::1]:8000=echo".
std::optional<ListenerSpec> parseListenSpec(std::string_view text, std::string* error);
std::string formatListenSpec(const ListenerSpec& spec);

}  // namespace ss
