// What a connection does with the bytes it receives. One Behaviour object lives per
// connection (framed-file and http keep per-connection state); the loop calls it on the loop
// thread and it answers only through LoopApi, never by touching sockets.
#pragma once

#include <memory>
#include <string_view>

#include "channel.h"
#include "http_response.h"
#include "listener_spec.h"

namespace ss {

class ServeDir;

class LoopApi {
public:
    virtual ~LoopApi() = default;
    // Sends bytes to ch: written at once or queued, as the listener's write mode says.
    virtual void reply(Channel& ch, std::string_view bytes) = 0;
    // Sends bytes to every other connection of the same listener.
    virtual void broadcast(Channel& from, std::string_view bytes) = 0;
    // The behaviour is done with ch: close it once its queue has drained.
    virtual void finish(Channel& ch) = 0;
    // Closes ch at once after the handler returns, with an error event that says why.
    virtual void fail(Channel& ch, std::string_view why) = 0;
    virtual HttpStats httpStats() const = 0;
    virtual const ServeDir& serveDir() const = 0;
    virtual uint64_t maxQueueBytes() const = 0;
};

class Behaviour {
public:
    virtual ~Behaviour() = default;
    virtual void onAccept(Channel& ch, LoopApi& api);
    // data[0, n) was received; data has at least `spare` writable bytes after n, so transforms
    // that append (suffix) can work in place.
    virtual void onData(Channel& ch, char* data, size_t n, size_t spare, LoopApi& api) = 0;
    // The output queue became empty (framed-file streams the next part of a file here).
    virtual void onDrained(Channel& ch, LoopApi& api);
};

std::unique_ptr<Behaviour> makeBehaviour(const BehaviourSpec& spec);

// Python's bytes.upper(): ASCII a-z only, every other byte unchanged.
void asciiUpperInPlace(char* data, size_t n);

}  // namespace ss
