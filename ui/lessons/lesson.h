// SPDX-License-Identifier: GPL-3.0-or-later
// A lesson as its file says it (docs/lessons.md): steps that explain, act on the server and its
// clients, point at a view and wait for the trace to show something. This is only the data and
// its strict reading: every key is checked, so that a typo in a teacher's file is an error that
// names the line or the step, never a check that silently always holds.
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

#include "core/poller/backend_kind.h"
#include "core/server/engine_config.h"
#include "core/trace/trace_types.h"

namespace lesson {

// A text in English and Simplified Chinese; shown() picks by QLocale's default language.
struct Text {
    QString en, zhCN;
    QString shown() const;
};

// A descriptor as the lesson knows it: the Nth listener, or the server's side of a client.
struct FdRef {
    enum class Kind { None, Listener, Client };
    Kind kind = Kind::None;
    int listener = 0;
    QString client;
    bool isSet() const { return kind != Kind::None; }
    QString text() const;  // "listener:1", "client:a"
};

enum class Set { Read, Write, Except };

struct Action {
    enum class Kind {
        Start,
        Stop,
        Connect,
        Send,
        Urgent,
        HalfClose,
        Close,
        Reset,
        Pause,
        Resume,
        Step,
        Backend,
        Crowd,        // `count` silent connections to a listener, held until the lesson ends
        MeasureCost,  // the Cost of a wait call panel measures every backend
    };
    Kind kind = Kind::Stop;
    // start
    QString preset;
    bool asWritten = false;
    std::optional<ss::BackendKind> backend;  // start and backend
    std::optional<ss::EpollMode> epollMode;
    std::optional<int> timeoutMs;
    // the client actions
    QString client;
    int listener = 0;  // connect, crowd
    QByteArray bytes;  // send; urgent: one byte
    int pieces = 1;
    int calls = 1;             // step
    int count = 0;             // crowd
    QString describe() const;  // "connect a to listener:0" ...: for messages
};

struct Check {
    enum class Kind { None, Call, Event, Received, Descriptor, Cost, All };
    Kind kind = Kind::None;
    FdRef fd;
    // call
    std::optional<Set> in, ready, nullSet;
    std::optional<int> ret, err;
    std::optional<ss::BackendKind> backend;  // call; cost: the dearer backend
    // cost: `backend` cost more per wait call than `cheaperBackend` at `descriptors`
    std::optional<ss::BackendKind> cheaperBackend;
    int descriptors = 0;
    // event (text also for received)
    std::optional<ss::EventKind> event;
    QByteArray text;
    std::optional<ss::CloseReason> reason;
    // received
    QString client;
    // descriptor
    std::optional<uint8_t> interest;  // ss::ReadinessBits
    std::optional<ss::ConnState> state;
    bool gone = false;
    // all
    std::vector<Check> allOf;
    // What the trace must show, in English, e.g. "a wait call with listener in the ready read
    // set": what --autoplay prints for a check that did not hold.
    QString describe() const;
};

struct Look {
    QString view;
    FdRef fd;
};

struct Step {
    Text title, text;
    std::vector<Action> actions;
    Look look;
    Check check;
};

struct Lesson {
    QString id;
    double order = 0;
    Text title;
    std::vector<Step> steps;
};

// ", and ", as the interface's language joins the parts of a check still awaited.
QString andJoiner();

// The views a step's look may name.
const std::vector<QString>& viewNames();

// Reads a lesson file's text. False with a one-line *error that names the line (JSON syntax) or
// the step and action ("step 3, action 2: ..."); *out is then unspecified.
bool parse(const QByteArray& json, Lesson* out, QString* error);

}  // namespace lesson
