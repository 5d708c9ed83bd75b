// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/server/listener_spec.h"

#include <charconv>

#include "core/trace/engine_text.h"

namespace ss {
namespace {

constexpr std::string_view kKeywords[] = {
    "echo", "chat", "discard", "upper", "suffix:", "greet:", "welcome:", "framed-file", "http"};

bool startsWithKeyword(std::string_view s) {
    for (std::string_view k : kKeywords) {
        if (s.substr(0, k.size()) != k)
            continue;
        // A bare keyword must end here or at the next '+'; "echoes" is not "echo".
        if (k.back() == ':' || s.size() == k.size() || s[k.size()] == '+')
            return true;
    }
    return false;
}

// Splits on '+' only where a keyword follows, so texts may contain '+'.
std::vector<std::string_view> splitSteps(std::string_view text) {
    std::vector<std::string_view> steps;
    size_t start = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '+' && startsWithKeyword(text.substr(i + 1))) {
            steps.push_back(text.substr(start, i - start));
            start = i + 1;
        }
    }
    steps.push_back(text.substr(start));
    return steps;
}

bool setMain(BehaviourSpec& spec, bool& haveMain, BehaviourKind kind, std::string* error) {
    if (haveMain) {
        if (error)
            *error = engineText(TextId::SecondMainBehaviour);
        return false;
    }
    haveMain = true;
    spec.kind = kind;
    return true;
}

bool parseNumber(std::string_view text, size_t lo, size_t hi, size_t* out) {
    size_t v = 0;
    const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || ec != std::errc() || p != text.data() + text.size() || v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

bool applyOption(ListenerSpec& spec, std::string_view opt, std::string* error) {
    size_t n = 0;
    if (opt == "queued") {
        spec.writeMode = WriteMode::Queued;
    } else if (opt == "direct") {
        spec.writeMode = WriteMode::Direct;
    } else if (opt == "except") {
        spec.watchExcept = true;
    } else if (opt == "except-close") {
        spec.watchExcept = true;
        spec.exceptPolicy = ExceptPolicy::Close;
    } else if (opt.substr(0, 5) == "recv=" && parseNumber(opt.substr(5), 1, 1 << 20, &n)) {
        spec.recvSize = n;
    } else if (opt.substr(0, 8) == "backlog=" && parseNumber(opt.substr(8), 1, 65535, &n)) {
        spec.backlog = static_cast<int>(n);
    } else {
        if (error)
            *error = engineText(TextId::UnknownListenerOption, {opt});
        return false;
    }
    return true;
}

// The '=' that starts the behaviour: the first one that is not inside a "recv=N" or
// "backlog=N" option.
size_t behaviourSeparator(std::string_view text) {
    size_t segment = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == ',')
            segment = i + 1;
        if (text[i] != '=')
            continue;
        const std::string_view key = text.substr(segment, i - segment);
        if (segment == 0 || (key != "recv" && key != "backlog"))
            return i;
    }
    return std::string_view::npos;
}

}  // namespace

std::string_view behaviourKindName(BehaviourKind kind) {
    switch (kind) {
        case BehaviourKind::Echo:
            return "echo";
        case BehaviourKind::Chat:
            return "chat";
        case BehaviourKind::Discard:
            return "discard";
        case BehaviourKind::Welcome:
            return "welcome";
        case BehaviourKind::FramedFile:
            return "framed-file";
        case BehaviourKind::Http:
            return "http";
    }
    return "?";
}

std::optional<BehaviourSpec> parseBehaviour(std::string_view text, std::string* error) {
    BehaviourSpec spec;
    bool haveMain = false;
    for (std::string_view step : splitSteps(text)) {
        bool ok = true;
        if (step == "echo") {
            ok = setMain(spec, haveMain, BehaviourKind::Echo, error);
        } else if (step == "chat") {
            ok = setMain(spec, haveMain, BehaviourKind::Chat, error);
        } else if (step == "discard") {
            ok = setMain(spec, haveMain, BehaviourKind::Discard, error);
        } else if (step == "framed-file") {
            ok = setMain(spec, haveMain, BehaviourKind::FramedFile, error);
        } else if (step == "http") {
            ok = setMain(spec, haveMain, BehaviourKind::Http, error);
        } else if (step == "upper") {
            spec.upper = true;
        } else if (step.substr(0, 7) == "suffix:") {
            spec.suffix = std::string(step.substr(7));
        } else if (step.substr(0, 6) == "greet:") {
            spec.greeting = std::string(step.substr(6));
        } else if (step.substr(0, 8) == "welcome:") {
            ok = setMain(spec, haveMain, BehaviourKind::Welcome, error);
            spec.welcome = std::string(step.substr(8));
        } else {
            if (error)
                *error = engineText(TextId::UnknownBehaviour, {step});
            return std::nullopt;
        }
        if (!ok)
            return std::nullopt;
    }
    const bool transforms = spec.upper || !spec.suffix.empty();
    if (transforms && spec.kind != BehaviourKind::Echo && spec.kind != BehaviourKind::Chat) {
        if (error)
            *error = engineText(TextId::ModifierNeedsStream, {behaviourKindName(spec.kind)});
        return std::nullopt;
    }
    return spec;
}

std::string formatBehaviour(const BehaviourSpec& spec) {
    std::string out;
    auto add = [&out](std::string_view step) {
        if (!out.empty())
            out += '+';
        out += step;
    };
    if (!spec.greeting.empty())
        add("greet:" + spec.greeting);
    if (spec.kind == BehaviourKind::Welcome)
        add("welcome:" + spec.welcome);
    else if (spec.kind != BehaviourKind::Echo || (!spec.upper && spec.suffix.empty()))
        add(behaviourKindName(spec.kind));
    if (spec.upper)
        add("upper");
    if (!spec.suffix.empty())
        add("suffix:" + spec.suffix);
    return out;
}

std::optional<ListenerSpec> parseListenSpec(std::string_view text, std::string* error) {
    ListenerSpec spec;
    std::string_view head = text;
    if (const size_t eq = behaviourSeparator(text); eq != std::string_view::npos) {
        auto behaviour = parseBehaviour(text.substr(eq + 1), error);
        if (!behaviour)
            return std::nullopt;
        spec.behaviour = *behaviour;
        head = text.substr(0, eq);
    }
    std::string_view address = head.substr(0, head.find(','));
    if (address.size() < head.size()) {
        std::string_view opts = head.substr(address.size() + 1);
        while (!opts.empty()) {
            const size_t comma = opts.find(',');
            if (!applyOption(spec, opts.substr(0, comma), error))
                return std::nullopt;
            opts = comma == std::string_view::npos ? std::string_view() : opts.substr(comma + 1);
        }
    }
    if (address.size() >= 4 && address.substr(address.size() - 4) == "/udp") {
        spec.udp = true;
        address.remove_suffix(4);
    } else if (address.size() >= 4 && address.substr(address.size() - 4) == "/tcp") {
        address.remove_suffix(4);
    }
    auto ep = parseEndpoint(address, error);
    if (!ep)
        return std::nullopt;
    spec.endpoint = *ep;
    const BehaviourKind k = spec.behaviour.kind;
    if (spec.udp && k != BehaviourKind::Echo && k != BehaviourKind::Discard) {
        if (error)
            *error = engineText(TextId::UdpBehaviours, {behaviourKindName(k)});
        return std::nullopt;
    }
    return spec;
}

std::string formatListenSpec(const ListenerSpec& spec) {
    std::string out = formatEndpoint(spec.endpoint) + (spec.udp ? "/udp" : "/tcp");
    if (spec.writeMode == WriteMode::Queued)
        out += ",queued";
    if (spec.watchExcept)
        out += spec.exceptPolicy == ExceptPolicy::Close ? ",except-close" : ",except";
    if (spec.recvSize != 1024)
        out += ",recv=" + std::to_string(spec.recvSize);
    if (spec.backlog != 128)
        out += ",backlog=" + std::to_string(spec.backlog);
    return out + "=" + formatBehaviour(spec.behaviour);
}

}  // namespace ss
