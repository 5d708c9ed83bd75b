// SPDX-License-Identifier: GPL-3.0-or-later
// How a poll-style flag word maps to the engine's readiness bits and back: poll()'s and
// WSAPoll()'s short events, epoll's uint32_t. Each of those backends states its mapping once, as
// one table, and the translation in both directions is written here once.
#pragma once

#include <cstdint>

#include "core/poller/poller.h"

namespace ss {

template <typename Flags>
struct NativeFlags {
    Flags read, write, except;  // asked for, and reported
    Flags hangup, error;        // reported whatever was asked for
    // The reported conditions on which the loop must read to learn what happened from recv():
    // a hang-up and a pending error, but not a descriptor that is not open (POLLNVAL).
    Flags readAlso;

    // The flags that ask for interest (kRead|kWrite|kExcept).
    Flags fromInterest(uint8_t interest) const {
        return static_cast<Flags>(pick(interest & kRead, read) | pick(interest & kWrite, write) |
                                  pick(interest & kExcept, except));
    }
    // The bits a flag word names, one for one: what went in, or what the kernel reported.
    uint8_t named(Flags flags) const {
        return static_cast<uint8_t>(pick(flags & read, kRead) | pick(flags & write, kWrite) |
                                    pick(flags & except, kExcept) | pick(flags & hangup, kHangup) |
                                    pick(flags & error, kError));
    }
    // What the loop gets: hang-up and errors also set kRead, as PollEvent explains.
    uint8_t ready(Flags flags) const {
        return static_cast<uint8_t>(named(flags) | pick(flags & readAlso, kRead));
    }

private:
    template <typename Value>
    static Value pick(bool condition, Value value) {
        return condition ? value : Value{};
    }
};

}  // namespace ss
