// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/server/presets.h"

namespace ss {
namespace {

ListenerSpec tcp(uint16_t port, BehaviourSpec behaviour, int backlog) {
    ListenerSpec spec;
    spec.endpoint.port = port;
    spec.behaviour = std::move(behaviour);
    spec.backlog = backlog;
    return spec;
}

BehaviourSpec echo() {
    return {};
}

BehaviourSpec upper() {
    BehaviourSpec b;
    b.upper = true;
    return b;
}

BehaviourSpec suffixed(const char* suffix, const char* greeting = "") {
    BehaviourSpec b;
    b.suffix = suffix;
    b.greeting = greeting;
    return b;
}

BehaviourSpec kind(BehaviourKind k) {
    BehaviourSpec b;
    b.kind = k;
    return b;
}

Preset welcome() {
    BehaviourSpec b = kind(BehaviourKind::Welcome);
    b.welcome = "欢迎访问";
    // Python's listen() without an argument uses min(SOMAXCONN, 128).
    return {"welcome",
            "Three listeners (9991-9993); every client gets 欢迎访问 and is not watched further.",
            "Section 55, first server: select.select([k1, k2, k3], [], [], 1)",
            {tcp(9991, b, 128), tcp(9992, b, 128), tcp(9993, b, 128)},
            1000};
}

Preset greetSuffix() {
    return {"greet-suffix",
            "Greets with 你好 on accept, answers every message with message + 好.",
            "Section 55, second server: select.select(lib, [], [], 1), sendall(f + '好')",
            {tcp(9991, suffixed("好", "你好"), 128)},
            1000};
}

Preset rwSplit() {
    ListenerSpec l = tcp(9991, suffixed("好"), 128);
    l.writeMode = WriteMode::Queued;
    l.watchExcept = true;
    l.exceptPolicy = ExceptPolicy::Close;
    return {
        "rw-split",
        "Read/write separation: replies message + 好 when the socket shows up in the write set.",
        "Section 55, third server: select.select(lib, lib2, lib, 1)",
        {l},
        1000};
}

Preset echoPreset() {
    return {"echo",
            "Echoes every message back at once, inside the read handler.",
            "Example 1: select.select(inputs, [], [], 2), r.send(data)",
            {tcp(8000, echo(), 5)},
            2000};
}

Preset queueEcho() {
    ListenerSpec l = tcp(9999, echo(), 5);
    l.writeMode = WriteMode::Queued;
    l.watchExcept = true;
    l.exceptPolicy = ExceptPolicy::Close;
    return {"queue-echo",
            "Echo through per-connection queues, written from the write set.",
            "select.select(inputs, outputs, inputs, 0.5) with queue.Queue per connection",
            {l},
            500};
}

Preset upperPreset() {
    return {"upper",
            "Answers every message in upper case (ASCII letters only).",
            "IO models 5.3: select.select(read_list, [], []), conn.send(data.upper())",
            {tcp(8080, upper(), 5)},
            -1};
}

Preset udpUpper() {
    ListenerSpec l = tcp(8080, upper(), 128);
    l.udp = true;
    return {"udp-upper",
            "UDP: answers every datagram in upper case to its sender.",
            "1.2 UDP: server.recvfrom(1024), server.sendto(data.upper(), addr)",
            {l},
            1000};
}

Preset framedFile() {
    return {"framed-file",
            "Sends a requested file as a 4-byte header length, a JSON header, then the bytes.",
            "2 Sticky packets: struct.pack('i', len(header)), json.dumps(header), file data",
            {tcp(8080, kind(BehaviourKind::FramedFile), 5)},
            1000};
}

Preset httpPreset() {
    return {"http",
            "Answers GET with a live statistics page; a browser or curl is a client.",
            "Part 7: the selectors server that answers GET (tutorial port 80 needs privileges)",
            {tcp(8088, kind(BehaviourKind::Http), 5)},
            1000,
            bestBackend(),
            PythonApi::Selectors};
}

Preset chatPreset() {
    return {"chat",
            "Every message is sent to all other clients of the listener.",
            "Broadcast over select: one loop, every client's socket in the read set",
            {tcp(9000, kind(BehaviourKind::Chat), 128)},
            1000};
}

}  // namespace

const std::vector<Preset>& builtinPresets() {
    static const std::vector<Preset> all = {welcome(),    greetSuffix(), rwSplit(),  echoPreset(),
                                            queueEcho(),  upperPreset(), udpUpper(), framedFile(),
                                            httpPreset(), chatPreset()};
    return all;
}

const Preset* findPreset(std::string_view name) {
    for (const Preset& p : builtinPresets())
        if (p.name == name)
            return &p;
    return nullptr;
}

bool movePresetPorts(Preset& preset, const std::vector<uint16_t>& ports, std::string* error) {
    const size_t n = preset.listeners.size();
    if (ports.size() == 1) {
        if (ports[0] != 0 && size_t(ports[0]) + n - 1 > 65535) {
            if (error)
                *error = "not enough ports above " + std::to_string(ports[0]);
            return false;
        }
        for (size_t i = 0; i < n; ++i)
            preset.listeners[i].endpoint.port =
                ports[0] == 0 ? 0 : static_cast<uint16_t>(ports[0] + i);
        return true;
    }
    if (ports.size() != n) {
        if (error)
            *error = "preset " + preset.name + " has " + std::to_string(n) + " listener(s), got " +
                     std::to_string(ports.size()) + " port(s)";
        return false;
    }
    for (size_t i = 0; i < n; ++i)
        preset.listeners[i].endpoint.port = ports[i];
    return true;
}

}  // namespace ss
