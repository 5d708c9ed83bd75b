// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/preset_text.h"

#include <QCoreApplication>

#include <cstring>

namespace preset_text {

namespace {

struct Summary {
    const char* preset;
    const char* text;
};

// One line per built-in preset, in the words of core/server/presets.cpp.
const Summary kSummaries[] = {
    {"welcome", QT_TRANSLATE_NOOP("PresetText",
                                  "Three listeners (9991-9993); every client gets "
                                  "欢迎访问 and is not watched further.")},
    {"greet-suffix", QT_TRANSLATE_NOOP("PresetText",
                                       "Greets with 你好 on accept, answers every "
                                       "message with message + 好.")},
    {"rw-split", QT_TRANSLATE_NOOP("PresetText",
                                   "Read/write separation: replies message + 好 "
                                   "when the socket shows up in the write set.")},
    {"echo", QT_TRANSLATE_NOOP("PresetText",
                               "Echoes every message back at once, inside the read handler.")},
    {"queue-echo", QT_TRANSLATE_NOOP("PresetText",
                                     "Echo through per-connection queues, written "
                                     "from the write set.")},
    {"upper",
     QT_TRANSLATE_NOOP("PresetText", "Answers every message in upper case (ASCII letters only).")},
    {"udp-upper",
     QT_TRANSLATE_NOOP("PresetText", "UDP: answers every datagram in upper case to its sender.")},
    {"framed-file", QT_TRANSLATE_NOOP("PresetText",
                                      "Sends a requested file as a 4-byte header "
                                      "length, a JSON header, then the bytes.")},
    {"http", QT_TRANSLATE_NOOP("PresetText",
                               "Answers GET with a live statistics page; a browser "
                               "or curl is a client.")},
    {"chat", QT_TRANSLATE_NOOP("PresetText",
                               "Every message is sent to all other clients of the listener.")},
    {"io-blocking", QT_TRANSLATE_NOOP("PresetText",
                                      "Blocking: one thread accepts one client and serves it until "
                                      "it leaves; the next one waits in the accept queue.")},
    {"io-threaded", QT_TRANSLATE_NOOP("PresetText",
                                      "A thread per connection: the main thread blocks in "
                                      "accept(), each client's thread in recv().")},
    {"io-nonblocking", QT_TRANSLATE_NOOP("PresetText",
                                         "Non-blocking: accept() and recv() on every client in a "
                                         "loop that burns a core on EAGAIN.")},
    {"io-select",
     QT_TRANSLATE_NOOP("PresetText",
                       "Multiplexed: one select() call watches the listener and every client.")},
};

}  // namespace

QString summary(const ss::Preset& preset) {
    for (const Summary& s : kSummaries) {
        if (preset.name == s.preset)
            return QCoreApplication::translate("PresetText", s.text);
    }
    return QString::fromStdString(preset.summary);
}

}  // namespace preset_text
