// SPDX-License-Identifier: GPL-3.0-or-later
// Built-in presets: each reproduces one tutorial server from the seeds on the wire, byte for
// byte, on the tutorial's own port unless the user moves it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/poller/backend_kind.h"
#include "core/server/engine_config.h"
#include "core/server/listener_spec.h"

namespace ss {

// The Python API the tutorial's server is written with: the call list can show each call in it.
enum class PythonApi : uint8_t { Select, Selectors };

// One way the tutorial's server, as written, behaves differently from the preset: what happens,
// and the line of the tutorial that causes it.
struct PresetFlaw {
    std::string what;  // English; the window shows it translated ("PresetText" context)
    std::string line;  // the tutorial's Python, verbatim
};

struct Preset {
    std::string name;      // "rw-split"
    std::string summary;   // one English line for --list-presets and the GUI
    std::string tutorial;  // which tutorial server it reproduces, and its Python call
    std::vector<ListenerSpec> listeners;
    int timeoutMs = 1000;  // the tutorial's select() timeout; -1 when it passes none
    // The backend it starts on unless the user picks one: select for the servers written with
    // select.select (and the blocking ones, whose lesson leads to it), the best available one
    // for the selectors servers, as selectors.DefaultSelector picks.
    BackendKind backend = BackendKind::Select;
    PythonApi api = PythonApi::Select;
    // The server that runs it: the event loop, or one of the IO-models chapter's servers that
    // do not multiplex (io-blocking, io-threaded, io-nonblocking).
    IoModel model = IoModel::Multiplexed;
    // What --as-written changes; empty when the tutorial's code has no flaw to show.
    AsWritten asWritten;
    std::vector<PresetFlaw> flaws;
};

// The preset as its tutorial's code behaves, flaws included: every listener gets the preset's
// AsWritten. Returns false (and changes nothing) for a preset without flaws.
bool applyAsWritten(Preset& preset);

const std::vector<Preset>& builtinPresets();
const Preset* findPreset(std::string_view name);

// Moves a preset's listeners to other ports, in order ("--ports 7001,7002,7003"); with a single
// port and several listeners, they get consecutive ports from it. Returns false with *error
// when the count does not fit.
bool movePresetPorts(Preset& preset, const std::vector<uint16_t>& ports, std::string* error);

}  // namespace ss
