// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/models/model_comparison.h"

#include "core/poller/clock.h"
#include "core/server/engine.h"
#include "core/server/presets.h"

namespace ss {

namespace {

// The port the engine's listener got, from its published snapshot; 0 when there is none.
uint16_t listenerPort(const Engine& engine) {
    for (const DescriptorInfo& d : engine.descriptors())
        if (d.role == Role::Listener)
            return uint16_t(std::stoi(d.local.substr(d.local.rfind(':') + 1)));
    return 0;
}

EngineConfig configFor(const Preset& preset) {
    EngineConfig config;
    config.model = preset.model;
    config.backend = preset.backend;
    config.timeoutMs = preset.timeoutMs;
    config.listeners = preset.listeners;
    for (ListenerSpec& l : config.listeners)
        l.endpoint.port = 0;        // a free port: the window's own server may hold the tutorial's
    config.trace = {false, false};  // nobody watches these records; the counters stay exact
    return config;
}

void measure(const Engine& engine, int64_t startNs, ModelRun* run) {
    const EngineStats stats = engine.stats();
    run->seconds = double(monotonicNs() - startNs) / 1e9;
    run->cpuPercent = 100.0 * stats.cpuSeconds / run->seconds;
    run->threads = stats.peakServerThreads;
    run->calls = stats.waitCalls + stats.socketCalls;
    run->callsPerSecond = double(run->calls) / run->seconds;
}

}  // namespace

std::vector<std::string> comparedPresets() {
    std::vector<std::string> names;
    for (const char* name : {"io-blocking", "io-threaded", "io-nonblocking", "io-select"})
        if (findPreset(name))
            names.emplace_back(name);
    return names;
}

ModelRun runModel(const std::string& presetName, std::chrono::milliseconds slowHold,
                  const std::atomic<bool>* cancel) {
    ModelRun run;
    run.preset = presetName;
    const Preset* preset = findPreset(presetName);
    if (!preset) {
        run.error = "no preset " + presetName;
        return run;
    }
    run.model = preset->model;
    Engine engine(configFor(*preset));
    const int64_t startNs = monotonicNs();
    if (!engine.start(&run.error))
        return run;
    ClientScript script;
    script.port = listenerPort(engine);
    script.slowHold = slowHold;
    run.clients = runClientScript(script, cancel);
    engine.stop();
    measure(engine, startNs, &run);
    return run;
}

}  // namespace ss
