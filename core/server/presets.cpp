// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/server/presets.h"

// lupdate reads this file for the window's catalogue: the macro marks each flaw as a source text
// of the "PresetText" context. Here, without Qt, it is only the string.
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif

namespace ss {
namespace {

using Fault = AsWritten::Fault;

Preset preset(const char* name, const char* summary, const char* tutorial,
              std::vector<ListenerSpec> listeners, int timeoutMs) {
    Preset p;
    p.name = name;
    p.summary = summary;
    p.tutorial = tutorial;
    p.listeners = std::move(listeners);
    p.timeoutMs = timeoutMs;
    return p;
}

// What every tutorial server written with select.select() shares as written.
AsWritten selectServer() {
    AsWritten w;
    w.on = true;
    w.acceptOnce = true;
    w.diesAtSetSize = true;
    return w;
}

const PresetFlaw kSetSizeFlaw{
    QT_TRANSLATE_NOOP("PresetText",
                      "Once a descriptor reaches 1024 (FD_SETSIZE), select.select() raises "
                      "ValueError and the server stops; the preset refuses that one client."),
    "select.select(...)"};

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
    Preset p = preset(
        "welcome",
        "Three listeners (9991-9993); every client gets 欢迎访问 and is not watched further.",
        "Section 55, first server: select.select([k1, k2, k3], [], [], 1)",
        {tcp(9991, b, 128), tcp(9992, b, 128), tcp(9993, b, 128)}, 1000);
    p.asWritten.on = true;
    p.asWritten.acceptOnce = true;
    p.asWritten.closesPreviousOnAccept = true;
    p.flaws = {{QT_TRANSLATE_NOOP("PresetText",
                                  "Each client's socket stays open until the next client is "
                                  "accepted: d is bound to the new socket and CPython closes the "
                                  "old one then. Until that, the client sees no end of file."),
                "d, e = k.accept(); d.sendall(bytes(\"欢迎访问\", encoding=\"utf-8\"))"}};
    return p;
}

Preset greetSuffix() {
    Preset p = preset("greet-suffix",
                      "Greets with 你好 on accept, answers every message with message + 好.",
                      "Section 55, second server: select.select(lib, [], [], 1), sendall(f + '好')",
                      {tcp(9991, suffixed("好", "你好"), 128)}, 1000);
    p.asWritten = selectServer();
    p.asWritten.eofIsMessage = true;
    p.asWritten.decodesUtf8 = true;
    p.asWritten.onRecvError = p.asWritten.onDecodeError = p.asWritten.onSendError = Fault::Unwatch;
    p.flaws = {
        {QT_TRANSLATE_NOOP("PresetText",
                           "A client that half-closes gets 好 back on every call, without end: "
                           "recv() returns b'' at EOF, the socket stays in lib, and '' + '好' "
                           "is answered."),
         "fd = k.recv(1024); f = str(fd, encoding=\"utf-8\"); g = f + \"好\"; k.sendall(...)"},
        {QT_TRANSLATE_NOOP("PresetText",
                           "A character split across two recv(1024) calls makes str() raise "
                           "UnicodeDecodeError; the client is dropped from the list, silent and "
                           "still open. Any socket error does the same."),
         "except Exception as ex: lib.remove(k)"},
        kSetSizeFlaw};
    return p;
}

Preset rwSplit() {
    ListenerSpec l = tcp(9991, suffixed("好"), 128);
    l.writeMode = WriteMode::Queued;
    l.watchExcept = true;
    l.exceptPolicy = ExceptPolicy::Close;
    Preset p = preset(
        "rw-split",
        "Read/write separation: replies message + 好 when the socket shows up in the write set.",
        "Section 55, third server: select.select(lib, lib2, lib, 1)", {l}, 1000);
    p.asWritten = selectServer();
    p.asWritten.eofIsMessage = true;
    p.asWritten.decodesUtf8 = true;
    p.asWritten.exceptUnwatches = true;
    p.asWritten.onRecvError = Fault::Unwatch;
    p.asWritten.onDecodeError = p.asWritten.onSendError = Fault::Crash;
    p.flaws = {
        {QT_TRANSLATE_NOOP("PresetText",
                           "A client that half-closes gets 好 back on every call, without end: "
                           "the empty message of EOF is queued and answered."),
         "fd2 = str(fd, encoding=\"utf-8\"); jilu[k].append(fd2); lib2.append(k)"},
        {QT_TRANSLATE_NOOP("PresetText",
                           "A character split across two recv(1024) calls raises "
                           "UnicodeDecodeError outside any try, and the server stops."),
         "fd2 = str(fd, encoding=\"utf-8\")"},
        {QT_TRANSLATE_NOOP("PresetText",
                           "A reply to a client that has gone raises BrokenPipeError or "
                           "ConnectionResetError outside any try, and the server stops."),
         "km.sendall(bytes(jkd+\"好\", encoding=\"utf-8\"))"},
        {QT_TRANSLATE_NOOP("PresetText",
                           "An urgent byte puts the socket in the except set; it is only "
                           "removed from the lists, silent and still open, not closed."),
         "for fh in c: lib.remove(fh)"},
        kSetSizeFlaw};
    return p;
}

Preset echoPreset() {
    Preset p = preset("echo", "Echoes every message back at once, inside the read handler.",
                      "Example 1: select.select(inputs, [], [], 2), r.send(data)",
                      {tcp(8000, echo(), 5)}, 2000);
    p.asWritten = selectServer();
    p.asWritten.python2 = true;
    p.asWritten.eofIsMessage = true;
    p.asWritten.sendOnce = true;
    p.asWritten.onRecvError = Fault::Unwatch;
    p.asWritten.onSendError = Fault::Crash;
    p.flaws = {
        {QT_TRANSLATE_NOOP("PresetText",
                           "When a client leaves, recv() returns '' but the socket stays in "
                           "inputs: select() reports it readable on every call and the loop "
                           "spins at full speed."),
         "data = r.recv(1024) ... else: r.send(data)"},
        {QT_TRANSLATE_NOOP("PresetText",
                           "send() writes what fits in the socket buffer; the rest of the "
                           "message is lost."),
         "r.send(data)"},
        {QT_TRANSLATE_NOOP("PresetText",
                           "A send() to a client that has gone raises socket.error outside the "
                           "try, and the server stops."),
         "else: r.send(data)"},
        kSetSizeFlaw};
    return p;
}

Preset queueEcho() {
    ListenerSpec l = tcp(9999, echo(), 5);
    l.writeMode = WriteMode::Queued;
    l.watchExcept = true;
    l.exceptPolicy = ExceptPolicy::Close;
    Preset p = preset(
        "queue-echo", "Echo through per-connection queues, written from the write set.",
        "select.select(inputs, outputs, inputs, 0.5) with queue.Queue per connection", {l}, 500);
    p.asWritten = selectServer();
    p.asWritten.eofUnwatches = true;
    p.asWritten.onRecvError = p.asWritten.onSendError = Fault::Crash;
    p.flaws = {
        {QT_TRANSLATE_NOOP("PresetText",
                           "When a client leaves, its socket is removed from inputs but never "
                           "closed: it stays open and silent."),
         "else: inputs.remove(r); del message[r]"},
        {QT_TRANSLATE_NOOP("PresetText",
                           "A client that resets its connection makes recv() raise "
                           "ConnectionResetError outside any try, and the server stops."),
         "client_data = r.recv(1024)"},
        {QT_TRANSLATE_NOOP("PresetText",
                           "sendall() to a client that has gone raises BrokenPipeError; only "
                           "queue.Empty is caught, and the server stops."),
         "w.sendall(data) ... except queue.Empty: pass"},
        kSetSizeFlaw};
    return p;
}

Preset upperPreset() {
    Preset p = preset("upper", "Answers every message in upper case (ASCII letters only).",
                      "IO models 5.3: select.select(read_list, [], []), conn.send(data.upper())",
                      {tcp(8080, upper(), 5)}, -1);
    p.asWritten = selectServer();
    p.asWritten.replyToLastAccepted = true;
    p.asWritten.eofIsMessage = true;
    p.asWritten.sendOnce = true;
    p.flaws = {
        {QT_TRANSLATE_NOOP("PresetText",
                           "The reply goes to the last accepted connection, not to the socket "
                           "that was read: with two clients, A's reply goes to B."),
         "data=i.recv(1024); conn.send(data.upper())"},
        {QT_TRANSLATE_NOOP("PresetText",
                           "When a client leaves, recv() returns b'' and conn.send(b'') raises "
                           "nothing: the socket stays in read_list, readable on every call, and "
                           "the loop spins."),
         "data=i.recv(1024); conn.send(data.upper())"},
        kSetSizeFlaw};
    return p;
}

#ifdef __linux__  // see builtinPresets()
// The IO-models chapter (seed 004, section 5): the same upper-case echo on 127.0.0.1:8080 with
// listen(5) and recv(1024), served four ways.
Preset ioModel(const char* name, const char* summary, const char* tutorial, IoModel model) {
    Preset p = preset(name, summary, tutorial, {tcp(8080, upper(), 5)}, -1);
    p.model = model;
    return p;
}

// The blocking servers' inner loop, as written: recv() returns b'' at EOF without an exception
// and send(b'') succeeds, so `except Exception: break` never comes.
const char* const kEofSpinFlaw = QT_TRANSLATE_NOOP(
    "PresetText",
    "When a client leaves, recv() returns b'' and send(b'') raises nothing: the loop never "
    "ends, its thread spins on the closed connection, and no other client is served by it.");

Preset withEofSpin(Preset p, const char* line) {
    p.asWritten.on = true;
    p.asWritten.eofIsMessage = true;
    p.flaws = {{kEofSpinFlaw, line}};
    return p;
}

Preset ioBlocking() {
    return withEofSpin(
        ioModel("io-blocking",
                "Blocking: one thread accepts one client and serves it until it leaves; the "
                "next one waits in the accept queue.",
                "IO models 5.1: conn,addr=server.accept(); data=conn.recv(1024); "
                "conn.send(data.upper())",
                IoModel::Blocking),
        "data=conn.recv(1024); conn.send(data.upper())");
}

Preset ioThreaded() {
    return withEofSpin(
        ioModel("io-threaded",
                "A thread per connection: the main thread blocks in accept(), each client's "
                "thread in recv().",
                "socketserver.ThreadingTCPServer: one thread per conn, "
                "data=conn.recv(1024); conn.send(data.upper())",
                IoModel::Threaded),
        "data = self.request.recv(1024); self.request.send(data.upper())");
}

Preset ioNonBlocking() {
    Preset p = withEofSpin(
        ioModel("io-nonblocking",
                "Non-blocking: accept() and recv() on every client in a loop that burns a "
                "core on EAGAIN.",
                "IO models 5.2: server.setblocking(False); try: server.accept() except "
                "BlockingIOError: conn.recv(1024)",
                IoModel::NonBlocking),
        "data = conn.recv(1024); conn.send(data.upper())");
    p.asWritten.keepsAcceptedMode = true;
    p.flaws[0].what = QT_TRANSLATE_NOOP(
        "PresetText",
        "When a client leaves, recv() returns b'' and send(b'') raises nothing: the connection "
        "stays in r_list and is read at EOF on every pass.");
    p.flaws.push_back(
        {QT_TRANSLATE_NOOP("PresetText",
                           "The accepted sockets are never made non-blocking: on Linux recv() "
                           "blocks on the first client until it sends, and no one else is "
                           "accepted meanwhile."),
         "conn,addr=server.accept(); r_list.append(conn)"});
    return p;
}

#endif

// The chapter's multiplexed server, under the chapter's name: the upper preset.
Preset ioSelect() {
    Preset p = upperPreset();
    p.name = "io-select";
    p.summary = "Multiplexed: one select() call watches the listener and every client.";
    return p;
}

Preset udpUpper() {
    ListenerSpec l = tcp(8080, upper(), 128);
    l.udp = true;
    return preset("udp-upper", "UDP: answers every datagram in upper case to its sender.",
                  "1.2 UDP: server.recvfrom(1024), server.sendto(data.upper(), addr)", {l}, 1000);
}

Preset framedFile() {
    return preset(
        "framed-file",
        "Sends a requested file as a 4-byte header length, a JSON header, then the bytes.",
        "2 Sticky packets: struct.pack('i', len(header)), json.dumps(header), file data",
        {tcp(8080, kind(BehaviourKind::FramedFile), 5)}, 1000);
}

Preset httpPreset() {
    Preset p =
        preset("http", "Answers GET with a live statistics page; a browser or curl is a client.",
               "Part 7: the selectors server that answers GET (tutorial port 80 needs privileges)",
               {tcp(8088, kind(BehaviourKind::Http), 5)}, 1000);
    p.backend = bestBackend();
    p.api = PythonApi::Selectors;
    return p;
}

Preset chatPreset() {
    return preset("chat", "Every message is sent to all other clients of the listener.",
                  "Broadcast over select: one loop, every client's socket in the read set",
                  {tcp(9000, kind(BehaviourKind::Chat), 128)}, 1000);
}

}  // namespace

const std::vector<Preset>& builtinPresets() {
    // The servers that do not multiplex end their blocked calls at stop the Linux way
    // (core/models/model_server.h); elsewhere the chapter has its select server only.
    static const std::vector<Preset> all = {
        welcome(),     greetSuffix(), rwSplit(),       echoPreset(), queueEcho(),
        upperPreset(), udpUpper(),    framedFile(),    httpPreset(), chatPreset(),
#ifdef __linux__
        ioBlocking(),  ioThreaded(),  ioNonBlocking(),
#endif
        ioSelect()};
    return all;
}

const Preset* findPreset(std::string_view name) {
    for (const Preset& p : builtinPresets())
        if (p.name == name)
            return &p;
    return nullptr;
}

bool applyAsWritten(Preset& preset) {
    if (!preset.asWritten.on)
        return false;
    for (ListenerSpec& l : preset.listeners)
        l.asWritten = preset.asWritten;
    return true;
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
