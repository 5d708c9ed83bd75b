// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the reading of recordings (ui/recording): the input is a recording, split into lines
// as the index splits it. Each line goes through record_line::parse and what it reads through
// ReplayState, as the window's index and replay do. Invariants: nothing crashes or reads out of
// bounds; a line that does not parse gets a one-line error and nothing else; a call or event
// line that parses, written again with ss::JsonLineWriter, parses to the same record and is
// written as the same text (the --headless --open round trip is stable); the replayed
// descriptor table stays in strictly increasing fd order.
#include <QByteArray>
#include <QList>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/trace/json_lines.h"
#include "ui/recording/record_line.h"
#include "ui/recording/replay_state.h"

namespace {

[[noreturn]] void broken(const char* what, const QByteArray& detail) {
    std::fprintf(stderr, "fuzz_recording_reader: invariant broken: %s: %s\n", what,
                 detail.constData());
    std::abort();
}

// The line as JsonLineWriter writes the record parse() made of it.
std::string written(const record_line::Parsed& parsed) {
    ss::JsonLineWriter writer(1024);
    if (parsed.type == record_line::Type::Call)
        writer.appendCall(parsed.call);
    else
        writer.appendEvent(parsed.event);
    return writer.take();
}

void checkRoundTrip(const record_line::Parsed& parsed) {
    const std::string text = written(parsed);
    const QByteArray line = QByteArray::fromStdString(text).chopped(1);
    record_line::Parsed again;
    QString error;
    if (!record_line::parse(line, &again, &error))
        broken("a written line does not parse", line + " / " + error.toUtf8());
    if (again.type != parsed.type || written(again) != text)
        broken("a written line reads back differently", line);
}

void checkLine(const QByteArray& line, ReplayState* state) {
    record_line::Parsed parsed;
    QString error;
    if (!record_line::parse(line, &parsed, &error)) {
        if (error.isEmpty() || error.contains(QLatin1Char('\n')))
            broken("a damaged line's error is not one line", error.toUtf8());
        return;
    }
    switch (parsed.type) {
        case record_line::Type::Start:
            state->begin(parsed.start);
            break;
        case record_line::Type::Call:
            checkRoundTrip(parsed);
            state->apply(parsed.call);
            break;
        case record_line::Type::Event:
            checkRoundTrip(parsed);
            state->apply(parsed.event);
            break;
        case record_line::Type::Summary:
            break;
    }
    int32_t last = INT32_MIN;
    for (const ss::DescriptorInfo& d : state->descriptors()) {
        if (d.fd <= last)
            broken("the replayed descriptors are not in fd order", line);
        last = d.fd;
    }
    (void)state->stats();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
    ReplayState state;
    for (const QByteArray& line : input.split('\n'))
        checkLine(line, &state);
    return 0;
}
