// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/trace/engine_text.h"

#include <array>
#include <iterator>

// lupdate reads this file for the window's catalogue: the macro marks each template as a
// source text of the "EngineText" context. Here, without Qt, it is only the string.
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif

namespace ss {
namespace {

// Indexed by TextId. Where one template begins like another ("accept failed" and "accept
// failed: out of descriptors"), parsing still tells them apart: a match must use the text up
// to its end.
const char* const kTemplates[] = {
    QT_TRANSLATE_NOOP("EngineText", "paused"),
    QT_TRANSLATE_NOOP("EngineText", "running"),
    QT_TRANSLATE_NOOP("EngineText", "step"),
    QT_TRANSLATE_NOOP("EngineText", "slow motion"),
    QT_TRANSLATE_NOOP("EngineText", "accept failed"),
    QT_TRANSLATE_NOOP("EngineText", "accept failed: out of descriptors"),
    QT_TRANSLATE_NOOP("EngineText", "descriptor table full (%1): connection closed at once"),
    QT_TRANSLATE_NOOP("EngineText", "recvfrom failed"),
    QT_TRANSLATE_NOOP("EngineText", "sendto failed"),
    QT_TRANSLATE_NOOP("EngineText", "sendto %1 failed"),
    QT_TRANSLATE_NOOP("EngineText", "UDP reply to %1 dropped: the reply queue is full"),
    QT_TRANSLATE_NOOP("EngineText", "wait call failed"),
    QT_TRANSLATE_NOOP("EngineText", "file shrank while it was being sent"),
    // One sentence split over two lines, not two entries.
    // NOLINTNEXTLINE(bugprone-suspicious-missing-comma)
    QT_TRANSLATE_NOOP("EngineText",
                      "slow consumer: its queue is over the limit, so chat messages cannot be "
                      "delivered"),
    QT_TRANSLATE_NOOP("EngineText", "fd %1 >= FD_SETSIZE (%2): select() cannot watch it"),
    // NOLINTNEXTLINE(bugprone-suspicious-missing-comma)
    QT_TRANSLATE_NOOP("EngineText",
                      "socket %1 would be socket number %2 > FD_SETSIZE (%3): select() cannot "
                      "watch it"),
    QT_TRANSLATE_NOOP("EngineText", "fd %1 is not a valid descriptor"),
    QT_TRANSLATE_NOOP("EngineText", "%1 %2 is already watched"),
    QT_TRANSLATE_NOOP("EngineText", "%1 %2 is not watched"),
    QT_TRANSLATE_NOOP("EngineText", "%1(fd %2) failed: %3"),
    QT_TRANSLATE_NOOP("EngineText", "cannot listen on %1: %2"),
    QT_TRANSLATE_NOOP("EngineText", "port %1 is already in use"),
    // NOLINTNEXTLINE(bugprone-suspicious-missing-comma)
    QT_TRANSLATE_NOOP("EngineText",
                      "refusing to listen on %1: not a loopback address (pass --allow-remote to "
                      "expose the server)"),
    QT_TRANSLATE_NOOP("EngineText", "socket() failed: %1"),
    QT_TRANSLATE_NOOP("EngineText", "listen() on %1 failed: %2"),
    QT_TRANSLATE_NOOP("EngineText", "cannot make socket non-blocking: %1"),
    QT_TRANSLATE_NOOP("EngineText", "%1 failed: %2"),
    QT_TRANSLATE_NOOP("EngineText", "cannot create the wake-up descriptor"),
    QT_TRANSLATE_NOOP("EngineText", "unshare(CLONE_FILES) failed: %1"),
    QT_TRANSLATE_NOOP("EngineText", "a descriptor table of the loop's own needs Linux"),
    QT_TRANSLATE_NOOP("EngineText", "descriptors are numbered after the window's own: %1"),
    QT_TRANSLATE_NOOP("EngineText", "%1 is not available on this platform"),
    QT_TRANSLATE_NOOP("EngineText", "unknown epoll mode '%1' (known: lt, et, et-drain)"),
    QT_TRANSLATE_NOOP("EngineText", "epoll mode %1 needs the epoll backend, not %2"),
    QT_TRANSLATE_NOOP("EngineText", "the engine did not answer (is it running?)"),
    QT_TRANSLATE_NOOP("EngineText", "expected [IPV6]:PORT in '%1'"),
    QT_TRANSLATE_NOOP("EngineText", "invalid port '%1' (expected 0-65535)"),
    QT_TRANSLATE_NOOP("EngineText", "empty host in '%1'"),
    QT_TRANSLATE_NOOP("EngineText", "unexpected '[' or ']' in host '%1'"),
    QT_TRANSLATE_NOOP("EngineText", "'%1' is not a numeric IPv4 or IPv6 address"),
    QT_TRANSLATE_NOOP("EngineText", "a listener has one main behaviour; got a second one"),
    // NOLINTNEXTLINE(bugprone-suspicious-missing-comma)
    QT_TRANSLATE_NOOP("EngineText",
                      "unknown listener option '%1' (known: queued, direct, except, "
                      "except-close, recv=N, backlog=N)"),
    // NOLINTNEXTLINE(bugprone-suspicious-missing-comma)
    QT_TRANSLATE_NOOP("EngineText",
                      "unknown behaviour '%1' (known: echo, upper, suffix:TEXT, greet:TEXT, "
                      "welcome:TEXT, chat, discard, framed-file, http)"),
    QT_TRANSLATE_NOOP("EngineText", "upper and suffix apply to echo and chat, not to %1"),
    QT_TRANSLATE_NOOP("EngineText",
                      "UDP listeners support echo, upper, suffix and discard, not %1"),
    QT_TRANSLATE_NOOP("EngineText", "the load generator is already started"),
    QT_TRANSLATE_NOOP("EngineText", "need at least one connection, a message size and a port"),
    QT_TRANSLATE_NOOP("EngineText", "fd %1 readable at EOF and never closed"),
    QT_TRANSLATE_NOOP("EngineText", "fd %1 writable with nothing queued"),
    QT_TRANSLATE_NOOP("EngineText", "timeout 0 with nothing to do"),
    QT_TRANSLATE_NOOP("EngineText", "the server stopped: %1"),
    QT_TRANSLATE_NOOP("EngineText", "the %1 server serves exactly one TCP echo listener"),
    QT_TRANSLATE_NOOP("EngineText", "the %1 server makes no wait call: %2 does not apply"),
};
static_assert(std::size(kTemplates) == size_t(TextId::Count));

// Splits a template into its literal pieces: "a %1 b %2" -> {"a ", " b ", ""}. There is always
// one piece more than there are arguments.
std::vector<std::string_view> literals(std::string_view tmpl) {
    std::vector<std::string_view> pieces;
    size_t from = 0;
    for (size_t i = 0; i + 1 < tmpl.size(); ++i) {
        if (tmpl[i] == '%' && tmpl[i + 1] >= '1' && tmpl[i + 1] <= '9') {
            pieces.push_back(tmpl.substr(from, i - from));
            from = i + 2;
            ++i;
        }
    }
    pieces.push_back(tmpl.substr(from));
    return pieces;
}

bool startsWith(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

// Matches `text` against one template's pieces. Each argument but the last ends at the first
// occurrence of the next piece; the last takes what remains before the final piece.
bool match(std::string_view text, const std::vector<std::string_view>& pieces,
           std::vector<std::string>* args) {
    if (!startsWith(text, pieces.front()))
        return false;
    text.remove_prefix(pieces.front().size());
    args->clear();
    for (size_t i = 1; i < pieces.size(); ++i) {
        const std::string_view next = pieces[i];
        const bool last = i + 1 == pieces.size();
        size_t at;
        if (last) {
            if (text.size() < next.size() || text.substr(text.size() - next.size()) != next)
                return false;
            at = text.size() - next.size();
        } else {
            at = next.empty() ? std::string_view::npos : text.find(next);
            if (at == std::string_view::npos)
                return false;
        }
        if (at == 0)
            return false;  // every argument holds something
        args->emplace_back(text.substr(0, at));
        text.remove_prefix(at + next.size());
    }
    return text.empty();
}

}  // namespace

const char* engineTemplate(TextId id) {
    return size_t(id) < size_t(TextId::Count) ? kTemplates[size_t(id)] : "";
}

std::string engineText(TextId id, std::initializer_list<std::string_view> args) {
    const std::vector<std::string_view> pieces = literals(engineTemplate(id));
    std::string text(pieces.front());
    auto arg = args.begin();
    for (size_t i = 1; i < pieces.size(); ++i) {
        if (arg != args.end())
            text += *arg++;
        text += pieces[i];
    }
    return text;
}

// Where several templates fit ("%1 failed: %2" and "socket() failed: %1"), the one with the
// most literal text is the one the engine filled: it is the more specific.
bool parseEngineText(std::string_view text, ParsedText* parsed) {
    std::vector<std::string> args;
    size_t bestLiteral = 0;
    bool found = false;
    for (size_t i = 0; i < size_t(TextId::Count); ++i) {
        const std::vector<std::string_view> pieces = literals(kTemplates[i]);
        if (!match(text, pieces, &args))
            continue;
        size_t literal = 0;
        for (std::string_view piece : pieces)
            literal += piece.size();
        if (found && literal <= bestLiteral)
            continue;
        found = true;
        bestLiteral = literal;
        parsed->id = TextId(i);
        parsed->args = std::move(args);
    }
    return found;
}

}  // namespace ss
