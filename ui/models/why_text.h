// SPDX-License-Identifier: GPL-3.0-or-later
// "Why is it ready?": one sentence, in the window's language, on the kernel state that made a
// descriptor come back ready, from the facts the engine sampled right after the wait call
// (ss::ReadyFacts). The sentence depends on the set the descriptor was ready in and on its role:
// a readable listener has connections in its accept queue, a readable connection has bytes, a
// FIN or a reset waiting; a writable one has room in its send buffer; an exceptional one has
// urgent data. Without facts (nothing sampled them) the text says so rather than guessing.
//
// The strings live in the translation context "WhyText"; counts use %n plural forms.
#pragma once

#include <QCoreApplication>
#include <QString>

#include <cstdint>
#include <optional>

#include "core/trace/trace_types.h"

class WhyText {
    Q_DECLARE_TR_FUNCTIONS(WhyText)

public:
    // The sentence for one set (ss::kRead, ss::kWrite or ss::kExcept; a hang-up or error
    // reported on its own reads as the read set, which is where the loop learns of it).
    static QString sentence(const ss::ReadyFacts& facts, uint8_t set, ss::Role role);
    // One sentence for every set in `ready` (ss::ReadinessBits), joined with "; ". Without a
    // role, a descriptor whose accept queue was sampled is taken for a listener.
    static QString describe(const ss::ReadyFacts* facts, uint8_t ready,
                            std::optional<ss::Role> role = std::nullopt);
    // "not sampled": the call's record carries no facts for the descriptor.
    static QString notSampled();

private:
    static QString listenerReadable(const ss::ReadyFacts& facts);
    static QString connectionReadable(const ss::ReadyFacts& facts);
    static QString writable(const ss::ReadyFacts& facts);
};
