// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/why_text.h"

#include <QStringList>

#include "core/poller/poller.h"

QString WhyText::notSampled() {
    return tr("not sampled");
}

QString WhyText::sentence(const ss::ReadyFacts& facts, uint8_t set, ss::Role role) {
    if (set & ss::kExcept)
        return tr("urgent data is pending: recv() with MSG_OOB reads it");
    if (set & ss::kWrite)
        return writable(facts);
    if (role == ss::Role::Listener)
        return listenerReadable(facts);
    return connectionReadable(facts);
}

QString WhyText::describe(const ss::ReadyFacts* facts, uint8_t ready,
                          std::optional<ss::Role> role) {
    if (!facts)
        return notSampled();
    const ss::Role assumed =
        role.value_or(facts->acceptQueue >= 0 ? ss::Role::Listener : ss::Role::Connection);
    QStringList parts;
    // Hang-up and error alone come to the loop as a read: recv() tells it what happened.
    if (ready & (ss::kRead | ss::kHangup | ss::kError))
        parts << sentence(*facts, ss::kRead, assumed);
    if (ready & ss::kWrite)
        parts << sentence(*facts, ss::kWrite, assumed);
    if (ready & ss::kExcept)
        parts << sentence(*facts, ss::kExcept, assumed);
    return parts.isEmpty() ? notSampled() : parts.join(QStringLiteral("; "));
}

QString WhyText::listenerReadable(const ss::ReadyFacts& facts) {
    if (facts.acceptQueue < 0)
        return notSampled();
    return tr("%n connection(s) waiting in the accept queue: accept() will not block", nullptr,
              facts.acceptQueue);
}

// What recv() meets first decides the sentence: a reset before anything else, then the
// urgent mark, then the bytes queued ahead of a FIN, and the FIN itself once the queue is empty.
QString WhyText::connectionReadable(const ss::ReadyFacts& facts) {
    if (facts.flags & ss::ReadyFacts::Reset)
        return tr("the connection was reset: recv() will fail with ECONNRESET");
    if (facts.flags & ss::ReadyFacts::Urgent)
        return tr("an urgent byte is pending: the read stops at the urgent mark");
    const bool fin = facts.flags & ss::ReadyFacts::PeerClosed;
    if (facts.recvQueue > 0 && fin)
        return tr(
            "%n byte(s) waiting in the receive queue, then the peer's FIN: recv() returns "
            "them, then 0",
            nullptr, facts.recvQueue);
    if (facts.recvQueue > 0)
        return tr("%n byte(s) waiting in the receive queue: recv() will return them", nullptr,
                  facts.recvQueue);
    if (fin)
        return tr("the peer sent FIN: recv() will return 0");
    return notSampled();
}

QString WhyText::writable(const ss::ReadyFacts& facts) {
    if (facts.flags & ss::ReadyFacts::Reset)
        return tr("the connection was reset: send() will fail with ECONNRESET");
    if (facts.sendFree < 0)
        return notSampled();
    return tr("%n byte(s) free in the send buffer: send() will not block", nullptr, facts.sendFree);
}
