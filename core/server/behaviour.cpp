#include "behaviour.h"

#include <string>

#include "framed_file_behaviour.h"
#include "http_behaviour.h"

namespace ss {

void Behaviour::onAccept(Channel& ch, LoopApi& api) {
    const BehaviourSpec& spec = ch.spec->behaviour;
    if (!spec.greeting.empty())
        api.reply(ch, spec.greeting);
}

void Behaviour::onDrained(Channel&, LoopApi&) {}

void asciiUpperInPlace(char* data, size_t n) {
    for (size_t i = 0; i < n; ++i)
        if (data[i] >= 'a' && data[i] <= 'z')
            data[i] = static_cast<char>(data[i] - 'a' + 'A');
}

namespace {

// echo, chat and discard, with the optional upper/suffix transforms of the tutorials.
class StreamBehaviour final : public Behaviour {
public:
    void onData(Channel& ch, char* data, size_t n, size_t spare, LoopApi& api) override {
        const BehaviourSpec& spec = ch.spec->behaviour;
        if (spec.kind == BehaviourKind::Discard)
            return;
        if (spec.upper)
            asciiUpperInPlace(data, n);
        std::string_view out(data, n);
        std::string joined;
        if (!spec.suffix.empty()) {
            // The tutorials send message + suffix in one sendall(); keep it one write.
            if (spec.suffix.size() <= spare) {
                spec.suffix.copy(data + n, spec.suffix.size());
                out = std::string_view(data, n + spec.suffix.size());
            } else {
                joined.assign(data, n);
                joined += spec.suffix;
                out = joined;
            }
        }
        if (spec.kind == BehaviourKind::Chat)
            api.broadcast(ch, out);
        else
            api.reply(ch, out);
    }
};

// The first tutorial's server: sendall() a welcome, never watch the connection. Python closes
// the socket when its last reference goes; here it closes once the text is written.
class WelcomeBehaviour final : public Behaviour {
public:
    void onAccept(Channel& ch, LoopApi& api) override {
        api.reply(ch, ch.spec->behaviour.welcome);
        api.finish(ch);
    }
    void onData(Channel&, char*, size_t, size_t, LoopApi&) override {}
};

}  // namespace

std::unique_ptr<Behaviour> makeBehaviour(const BehaviourSpec& spec) {
    switch (spec.kind) {
        case BehaviourKind::Welcome:
            return std::make_unique<WelcomeBehaviour>();
        case BehaviourKind::FramedFile:
            return std::make_unique<FramedFileBehaviour>();
        case BehaviourKind::Http:
            return std::make_unique<HttpBehaviour>();
        default:
            return std::make_unique<StreamBehaviour>();
    }
}

}  // namespace ss
