// SPDX-License-Identifier: GPL-3.0-or-later
// The engine's sentences, in one catalogue. The engine has no Qt and speaks English (to
// --headless, jq and the command line); the window shows the same sentences in the user's
// language. So the engine never glues a sentence together by hand: it fills one of these
// templates, and the window recognises the template in the text, translates it (context
// "EngineText") and fills in the same arguments, translating those that are sentences too.
//
// A template has %1, %2 ... for its arguments, each used once, in order, separated by literal
// text, so that a filled template can be read back unambiguously (parseEngineText).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace ss {

enum class TextId : uint16_t {
    // Mode changes (EventKind::Mode).
    Paused,
    Running,
    Step,
    SlowMotion,
    // Socket errors and refusals.
    AcceptFailed,
    AcceptOutOfDescriptors,
    DescriptorTableFull,
    RecvfromFailed,
    SendtoFailed,
    SendtoPeerFailed,
    UdpReplyDropped,
    WaitCallFailed,
    FileShrank,
    SlowConsumer,
    FdOverSetsize,
    SocketOverSetsize,
    NotAValidDescriptor,
    AlreadyWatched,
    NotWatched,
    WatchCallFailed,
    // Starting a server, a listener or a backend.
    CannotListen,
    PortInUse,
    NotLoopback,
    SocketFailed,
    ListenFailed,
    NonBlockingFailed,
    CallFailed,
    WakeupFailed,
    UnshareFailed,
    OwnTableNeedsLinux,
    NumberedAfterWindow,
    BackendUnavailable,
    UnknownEpollMode,
    EpollModeNeedsEpoll,
    NoAnswer,
    // A listener, an address or the load generator's settings that cannot be used.
    ExpectedIpv6Port,
    InvalidPort,
    EmptyHost,
    UnexpectedBracket,
    NotNumericAddress,
    SecondMainBehaviour,
    UnknownListenerOption,
    UnknownBehaviour,
    ModifierNeedsStream,
    UdpBehaviours,
    LoadAlreadyStarted,
    LoadNeedsSettings,
    // A loop that spins (busy_loop.h), and a tutorial's server that died (--as-written).
    SpinEofNeverClosed,
    SpinWritableNothingQueued,
    SpinZeroTimeout,
    ServerDied,
    // The IO-model servers that do not multiplex (core/models/).
    ModelOneTcpListener,
    ModelNoWaitCall,
    Count
};

// The English template of `id`, e.g. "cannot listen on %1: %2".
const char* engineTemplate(TextId id);
// The template filled with `args` in order.
std::string engineText(TextId id, std::initializer_list<std::string_view> args = {});

struct ParsedText {
    TextId id = TextId::Count;
    std::vector<std::string> args;
};
// Which template `text` was filled from, and with what; false for any other text.
bool parseEngineText(std::string_view text, ParsedText* parsed);

}  // namespace ss
