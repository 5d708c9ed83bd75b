// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/trace/json_lines.h"

#include <cassert>
#include <cstring>

#include "core/net/platform.h"
#include "core/trace/json_escape.h"

namespace ss {
namespace {

using json::put;
using json::putFixed;
using json::putHex;
using json::putInt;
using json::putString;
using json::putUInt;

// Room for a record's keys, punctuation, numbers and names (kind, role, backend, reason);
// the variable parts (fd lists, previews, texts) are added to it per record.
constexpr size_t kRecordSlack = 1024;

// Needs room for 2 + 12 * fds.size() characters.
char* putIntList(char* p, const std::vector<int32_t>& fds) {
    *p++ = '[';
    for (size_t i = 0; i < fds.size(); ++i) {
        if (i)
            *p++ = ',';
        p = putInt(p, fds[i]);
    }
    *p++ = ']';
    return p;
}

// Room per entry of a call's "changes" and "why" arrays, keys and the largest numbers included.
constexpr size_t kChangeChars = 72;
constexpr size_t kFactsChars = 192;

char* putFlag(char* p, std::string_view key, bool set) {
    return set ? put(put(p, key), "true") : p;
}

std::string_view changeOpName(InterestChange::Op op) {
    switch (op) {
        case InterestChange::Op::Add:
            return "add";
        case InterestChange::Op::Modify:
            return "modify";
        case InterestChange::Op::Delete:
            return "delete";
    }
    return "unknown";
}

// "changes":[{"op":"add","fd":5,"interest":1}, ...]: interest in the bits of the watch event,
// and "et":true for an epoll_ctl with EPOLLET (left out otherwise, so level-triggered lines stay
// as they were).
char* putChanges(char* p, const std::vector<InterestChange>& changes) {
    p = put(p, ",\"changes\":[");
    for (size_t i = 0; i < changes.size(); ++i) {
        const InterestChange& c = changes[i];
        p = putString(put(p, i ? ",{\"op\":" : "{\"op\":"), changeOpName(c.op));
        p = putInt(put(p, ",\"fd\":"), c.fd);
        p = putInt(put(p, ",\"interest\":"), c.interest);
        p = put(putFlag(p, ",\"et\":", c.edgeTriggered), "}");
    }
    return put(p, "]");
}

// A number the platform could not sample (-1) is left out rather than printed.
char* putKnown(char* p, std::string_view key, int32_t value) {
    return value < 0 ? p : putInt(put(p, key), value);
}

// "why":[{"fd":5,"recv_queue":5,"send_free":2626560,"peer_closed":true}, ...]
char* putWhy(char* p, const std::vector<ReadyFacts>& why) {
    p = put(p, ",\"why\":[");
    for (size_t i = 0; i < why.size(); ++i) {
        const ReadyFacts& f = why[i];
        p = putInt(put(p, i ? ",{\"fd\":" : "{\"fd\":"), f.fd);
        p = putKnown(p, ",\"accept_queue\":", f.acceptQueue);
        p = putKnown(p, ",\"recv_queue\":", f.recvQueue);
        p = putKnown(p, ",\"send_free\":", f.sendFree);
        p = putFlag(p, ",\"peer_closed\":", f.flags & ReadyFacts::PeerClosed);
        p = putFlag(p, ",\"reset\":", f.flags & ReadyFacts::Reset);
        p = putFlag(p, ",\"urgent\":", f.flags & ReadyFacts::Urgent);
        p = put(p, "}");
    }
    return put(p, "]");
}

// "pid":1234,"tid":1236 for a traced program's records; nothing for the engine's (pid 0).
char* putProcess(char* p, int32_t pid, int32_t tid) {
    if (pid == 0)
        return p;
    return putInt(put(putInt(put(p, ",\"pid\":"), pid), ",\"tid\":"), tid);
}

// A traced call's decoded arguments and what could not be read, each left out when empty.
char* putTracedText(char* p, const CallRecord& c) {
    if (!c.args.empty())
        p = putString(put(p, ",\"args\":"), c.args);
    if (!c.fault.empty())
        p = putString(put(p, ",\"fault\":"), c.fault);
    return p;
}

std::string_view errnoName(int32_t err) {
    const char* name = err != 0 ? socketErrorName(err) : nullptr;
    return name ? name : "";
}

// The aux field means something different for each kind; it gets a name where the trace
// documents its meaning, and the generic "aux" elsewhere so that nothing is hidden. Where zero
// means nothing (a refusal for another reason than the limit, the generic aux), it is left out.
char* putEventAux(char* p, const SocketEvent& e) {
    const bool zeroSaysNothing = e.kind == EventKind::Refuse || eventAuxKey(e.kind) == "aux";
    if (zeroSaysNothing && e.aux == 0)
        return p;
    p = put(put(put(p, ",\""), eventAuxKey(e.kind)), "\":");
    switch (e.kind) {
        case EventKind::Exception:
            return putString(p, exceptionOutcomeName(e.aux));
        case EventKind::BusyLoop:
            return putString(p, spinReasonName(e.aux));
        case EventKind::Close: {
            const bool known = e.aux >= 0 && e.aux <= 0xFF;
            return putString(p, known ? closeReasonName(static_cast<CloseReason>(e.aux))
                                      : std::string_view("unknown"));
        }
        default:
            return putInt(p, e.aux);
    }
}

}  // namespace

std::string_view eventAuxKey(EventKind kind) {
    switch (kind) {
        case EventKind::Accept:
            return "listener_fd";
        case EventKind::QueueChange:
            return "messages";
        case EventKind::AcceptPaused:
            return "pause_ms";
        case EventKind::Watch:
            return "interest";
        case EventKind::BackpressureOn:
        case EventKind::BackpressureOff:
            return "queue_limit";
        case EventKind::Datagram:
            return "datagram_bytes";
        case EventKind::Refuse:
            return "fd_limit";
        case EventKind::Exception:
            return "then";
        case EventKind::Exit:
            return "status";
        case EventKind::BusyLoop:
        case EventKind::Close:
            return "reason";
        default:
            return "aux";
    }
}

JsonLineWriter::JsonLineWriter(size_t reserveBytes) {
    reserveTail(reserveBytes);
}

char* JsonLineWriter::reserveTail(size_t bytes) {
    if (m_capacity - m_size < bytes) {
        size_t capacity = m_capacity ? m_capacity : 4096;
        while (capacity - m_size < bytes)
            capacity *= 2;
        std::unique_ptr<char[]> grown(new char[capacity]);
        if (m_size)
            std::memcpy(grown.get(), m_data.get(), m_size);
        m_data = std::move(grown);
        m_capacity = capacity;
    }
    return m_data.get() + m_size;
}

void JsonLineWriter::commitTail(const char* end) {
    m_size = size_t(end - m_data.get());
    assert(m_size <= m_capacity);
}

// An accept, recv or send of the IO-model servers: the socket and the thread instead of sets.
// {"type":"call","n":7,"t_us":1200,"call":"recv","fd":4,"thread":1,"ret":5,"errno":0,
//  "errno_name":"","blocked_us":812.000}; "thread" is left out for the main thread (0).
void JsonLineWriter::appendSocketCall(const CallRecord& c) {
    const std::string_view name = errnoName(c.err);
    char* p = reserveTail(kRecordSlack + 6 * (name.size() + c.args.size() + c.fault.size()));
    p = put(p, "{\"type\":\"call\",\"n\":");
    p = putUInt(p, c.number);
    p = put(p, ",\"t_us\":");
    p = putInt(p, c.startNs / 1000);
    p = putString(put(p, ",\"call\":"),
                  c.syscall != Syscall::None ? syscallName(c.syscall) : callKindName(c.kind));
    p = putInt(put(p, ",\"fd\":"), c.fd);
    if (c.thread != 0)
        p = putUInt(put(p, ",\"thread\":"), c.thread);
    p = putProcess(p, c.pid, c.tid);
    p = putInt(put(p, ",\"ret\":"), c.ret);
    p = putInt(put(p, ",\"errno\":"), c.err);
    p = putString(put(p, ",\"errno_name\":"), name);
    p = putFixed(put(p, ",\"blocked_us\":"), c.durationNs, 3);
    commitTail(put(putTracedText(p, c), "}\n"));
}

void JsonLineWriter::appendCall(const CallRecord& c) {
    if (c.kind != CallKind::Wait) {
        appendSocketCall(c);
        return;
    }
    const std::vector<int32_t>* lists[] = {&c.inRead,      &c.inWrite,    &c.inExcept,
                                           &c.readyRead,   &c.readyWrite, &c.readyExcept,
                                           &c.readyHangup, &c.readyError};
    size_t fds = 0;
    for (const auto* list : lists)
        fds += list->size();
    const std::string_view name = errnoName(c.err);
    char* p =
        reserveTail(kRecordSlack + 12 * fds + 6 * (name.size() + c.args.size() + c.fault.size()) +
                    kChangeChars * c.changes.size() + kFactsChars * c.why.size());
    p = put(p, "{\"type\":\"call\",\"n\":");
    p = putUInt(p, c.number);
    p = put(p, ",\"t_us\":");
    p = putInt(p, c.startNs / 1000);
    p = put(p, ",\"backend\":");
    p = putString(p, backendName(c.backend));
    if (c.syscall != Syscall::None)
        p = putString(put(p, ",\"call\":"), syscallName(c.syscall));
    p = putProcess(p, c.pid, c.tid);
    p = put(p, ",\"timeout_ms\":");
    p = putInt(p, c.timeoutMs);
    const char* keys[] = {
        ",\"in\":{\"read\":", ",\"write\":",  ",\"except\":", "},\"ready\":{\"read\":",
        ",\"write\":",        ",\"except\":", ",\"hangup\":", ",\"error\":"};
    for (size_t i = 0; i < 8; ++i) {
        p = put(p, std::string_view(keys[i]));
        // A set select() got as NULL is null, in and ready alike: the kernel had no set there.
        const bool null = i < 6 && (c.nullSets & (1u << (i % 3)));
        p = null ? put(p, "null") : putIntList(p, *lists[i]);
    }
    p = put(p, "},\"ret\":");
    p = putInt(p, c.ret);
    p = put(p, ",\"errno\":");
    p = putInt(p, c.err);
    p = put(p, ",\"errno_name\":");
    p = putString(p, name);
    p = put(p, ",\"blocked_us\":");
    p = putFixed(p, c.durationNs, 3);
    if (!c.changes.empty())
        p = putChanges(p, c.changes);
    if (!c.why.empty())
        p = putWhy(p, c.why);
    commitTail(put(putTracedText(p, c), "}\n"));
}

void JsonLineWriter::appendEvent(const SocketEvent& e) {
    // Allocates, but only on the rare error path.
    const std::string errorText = e.err != 0 ? socketErrorText(e.err) : std::string();
    const std::string_view name = errnoName(e.err);
    char* p = reserveTail(kRecordSlack + 8 * e.preview.size() +
                          6 * (e.text.size() + errorText.size() + name.size()));
    p = put(p, "{\"type\":\"event\",\"n\":");
    p = putUInt(p, e.number);
    p = put(p, ",\"t_us\":");
    p = putInt(p, e.timeNs / 1000);
    p = put(p, ",\"kind\":");
    p = putString(p, eventKindName(e.kind));
    p = put(p, ",\"fd\":");
    p = putInt(p, e.fd);
    p = putProcess(p, e.pid, e.tid);
    p = put(p, ",\"role\":");
    p = putString(p, roleName(e.role));
    p = put(p, ",\"bytes\":");
    p = putInt(p, e.bytes);
    if (!e.preview.empty()) {
        p = putString(put(p, ",\"preview\":"), e.preview);
        p = put(putHex(put(p, ",\"preview_hex\":\""), e.preview), "\"");
    }
    p = putEventAux(p, e);
    if (e.err != 0) {
        p = putInt(put(p, ",\"errno\":"), e.err);
        p = putString(put(p, ",\"errno_name\":"), name);
        p = putString(put(p, ",\"error\":"), errorText);
    }
    if (!e.text.empty())
        p = putString(put(p, ",\"text\":"), e.text);
    commitTail(put(p, "}\n"));
}

void JsonLineWriter::appendLine(std::string_view line) {
    commitTail(put(reserveTail(line.size()), line));
}

bool JsonLineWriter::flushTo(std::FILE* out) {
    bool ok = m_size == 0 || std::fwrite(m_data.get(), 1, m_size, out) == m_size;
    ok = std::fflush(out) == 0 && ok;
    m_size = 0;
    return ok;
}

std::string JsonLineWriter::take() {
    std::string out(m_data.get(), m_size);
    m_size = 0;
    return out;
}

}  // namespace ss
