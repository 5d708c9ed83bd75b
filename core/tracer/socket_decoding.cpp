// SPDX-License-Identifier: GPL-3.0-or-later
// A traced program's socket calls: its life (socket, bind, listen, accept, connect, shutdown,
// close) and its data (recv*, send*, and read/write on a socket). Each becomes a CallRecord with
// the socket, what came back and its other arguments in short, plus the SocketEvents the engine
// gives for the same happenings, previews of the bytes included.
#include <sys/socket.h>
#include <sys/uio.h>

#include <algorithm>
#include <cerrno>
#include <string>

#include "core/tracer/decoder_state.h"
#include "core/tracer/sockaddr_text.h"
#include "core/tracer/tracee_memory.h"

namespace ss::tracer {
namespace {

constexpr size_t kMaxAddress = sizeof(sockaddr_storage);

std::string readAddress(PendingCall& call, uint64_t address, uint64_t length) {
    std::string bytes;
    TraceeMemory memory(call.entry.tid);
    if (!memory.readString(address, size_t(std::min<uint64_t>(length, kMaxAddress)), &bytes)) {
        call.record.fault = "address: " + memory.error();
        return {};
    }
    return sockaddrText(bytes.data(), bytes.size());
}

// accept()'s and recvfrom()'s address: the length is an in-out socklen_t the kernel updated.
std::string readAddressOut(PendingCall& call, uint64_t address, uint64_t lengthAddress) {
    if (address == 0 || lengthAddress == 0)
        return {};
    socklen_t length = 0;
    TraceeMemory memory(call.entry.tid);
    if (!memory.read(lengthAddress, &length, sizeof length)) {
        call.record.fault = "address length: " + memory.error();
        return {};
    }
    return length == 0 ? std::string() : readAddress(call, address, length);
}

std::string socketArgs(uint64_t domain, uint64_t type) {
    const char* family = domain == AF_INET    ? "AF_INET"
                         : domain == AF_INET6 ? "AF_INET6"
                         : domain == AF_UNIX  ? "AF_UNIX"
                                              : nullptr;
    std::string text = family ? family : "family " + std::to_string(domain);
    const int base = int(type & 0xF);
    text += base == SOCK_STREAM  ? ", SOCK_STREAM"
            : base == SOCK_DGRAM ? ", SOCK_DGRAM"
                                 : ", type " + std::to_string(base);
    if (type & SOCK_NONBLOCK)
        text += "|SOCK_NONBLOCK";
    if (type & SOCK_CLOEXEC)
        text += "|SOCK_CLOEXEC";
    return text;
}

const char* shutdownName(uint64_t how) {
    return how == SHUT_RD     ? "SHUT_RD"
           : how == SHUT_WR   ? "SHUT_WR"
           : how == SHUT_RDWR ? "SHUT_RDWR"
                              : "?";
}

uint64_t flagsOf(const SyscallEntry& in) {
    switch (in.call) {
        case Syscall::Recvfrom:
        case Syscall::Sendto:
            return in.args[3];
        case Syscall::Recvmsg:
        case Syscall::Sendmsg:
            return in.args[2];
        default:
            return 0;
    }
}

bool movesData(Syscall call) {
    const CallKind kind = syscallKind(call);
    return kind == CallKind::Recv || kind == CallKind::Send;
}

// recvmsg/sendmsg: where the first buffer is and how long it is.
bool firstBuffer(PendingCall& call, uint64_t* address, uint64_t* length) {
    TraceeMemory memory(call.entry.tid);
    msghdr header{};
    iovec first{};
    if (!memory.read(call.entry.args[1], &header, sizeof header) ||
        (header.msg_iovlen > 0 &&
         !memory.read(uint64_t(uintptr_t(header.msg_iov)), &first, sizeof first))) {
        call.record.fault = "msghdr: " + memory.error();
        return false;
    }
    *address = uint64_t(uintptr_t(first.iov_base));
    *length = header.msg_iovlen > 0 ? first.iov_len : 0;
    return true;
}

// The first bytes of the buffer a data call read into or wrote from, at most kPreviewBytes and
// at most `count`.
std::string previewOf(PendingCall& call, uint64_t count) {
    uint64_t address = call.entry.args[1];
    uint64_t length = count;
    const Syscall c = call.entry.call;
    if ((c == Syscall::Recvmsg || c == Syscall::Sendmsg) && !firstBuffer(call, &address, &length))
        return {};
    std::string bytes;
    TraceeMemory memory(call.entry.tid);
    const uint64_t size = std::min<uint64_t>({count, length, kPreviewBytes});
    if (size > 0 && !memory.readString(address, size_t(size), &bytes))
        call.record.fault = "buffer: " + memory.error();
    return bytes;
}

SocketEvent eventFor(const PendingCall& call, EventKind kind, const FdFacts& facts) {
    SocketEvent e;
    e.kind = kind;
    e.fd = call.record.fd;
    e.role = facts.datagram ? Role::Udp : facts.role;
    return e;
}

// An error worth an event: not the EAGAIN of a non-blocking socket with nothing to do, nor a
// signal's interruption (EINTR, or the kernel's ERESTART* codes from 512 on), which the call
// record already shows.
bool errorWorthEvent(int err) {
    return err != 0 && err < 512 && err != EAGAIN && err != EWOULDBLOCK && err != EINTR &&
           err != EINPROGRESS;
}

void leaveData(PendingCall& call, FdFacts& facts, std::vector<SocketEvent>* events) {
    const CallRecord& r = call.record;
    const bool receive = syscallKind(call.entry.call) == CallKind::Recv;
    if (r.ret > 0) {
        const bool urgent = flagsOf(call.entry) & MSG_OOB;
        SocketEvent e = eventFor(
            call, receive ? (urgent ? EventKind::Urgent : EventKind::Recv) : EventKind::Send,
            facts);
        e.bytes = r.ret;
        e.preview = receive
                        ? previewOf(call, uint64_t(r.ret))
                        : call.sent.substr(0, std::min<size_t>(call.sent.size(), size_t(r.ret)));
        if (call.entry.call == Syscall::Recvfrom)
            e.text = readAddressOut(call, call.entry.args[4], call.entry.args[5]);
        else if (call.entry.call == Syscall::Sendto && call.entry.args[4] != 0)
            e.text = readAddress(call, call.entry.args[4], call.entry.args[5]);
        if (receive && (facts.datagram || !e.text.empty()))
            e.kind = EventKind::Datagram;
        events->push_back(std::move(e));
    } else if (r.ret == 0 && receive && !facts.datagram) {
        SocketEvent e = eventFor(call, EventKind::HalfClose, facts);
        e.text = "end of stream";
        events->push_back(std::move(e));
    }
}

}  // namespace

bool enterSocketCall(PendingCall& call, ProcessState& process) {
    const SyscallEntry& in = call.entry;
    CallRecord& r = call.record;
    r.kind = syscallKind(in.call);
    r.fd = in.call == Syscall::Socket ? -1 : int32_t(in.args[0]);
    if (in.call != Syscall::Socket) {
        const FdKind kind = process.fd(r.fd).kind;
        if (in.call == Syscall::Close && kind != FdKind::Socket) {
            process.forget(r.fd);  // a file, a pipe, an epoll descriptor: not recorded
            return false;
        }
        if (kind != FdKind::Socket)
            return false;
    }
    switch (in.call) {
        case Syscall::Socket:
            r.args = socketArgs(in.args[0], in.args[1]);
            break;
        case Syscall::Bind:
        case Syscall::Connect:
            r.args = readAddress(call, in.args[1], in.args[2]);
            break;
        case Syscall::Listen:
            r.args = "backlog " + std::to_string(int32_t(in.args[1]));
            break;
        case Syscall::Shutdown:
            r.args = shutdownName(in.args[1]);
            break;
        default:
            break;
    }
    if (movesData(in.call) && in.call != Syscall::Recvmsg && in.call != Syscall::Sendmsg)
        r.args = "len " + std::to_string(in.args[2]);
    if (syscallKind(in.call) == CallKind::Send)
        call.sent = previewOf(call, in.call == Syscall::Sendmsg ? kPreviewBytes : in.args[2]);
    return true;
}

void leaveSocketCall(PendingCall& call, ProcessState& process, std::vector<SocketEvent>* events) {
    const SyscallEntry& in = call.entry;
    CallRecord& r = call.record;
    if (in.call == Syscall::Socket) {
        if (r.ret >= 0) {
            FdFacts& facts = process.fds[r.ret];
            facts = FdFacts{};
            facts.kind = FdKind::Socket;
            facts.datagram = (in.args[1] & 0xF) == SOCK_DGRAM;
        }
        return;
    }
    FdFacts& facts = process.fd(r.fd);
    if (r.ret < 0 && in.call == Syscall::Close)
        process.forget(r.fd);  // Linux releases the descriptor even when close() fails
    if (r.ret < 0) {
        if (errorWorthEvent(r.err)) {
            SocketEvent e = eventFor(call, EventKind::Error, facts);
            e.err = r.err;
            e.text = std::string(syscallName(in.call));
            events->push_back(std::move(e));
        }
        return;
    }
    switch (in.call) {
        case Syscall::Bind:
            facts.local = r.args;
            break;
        case Syscall::Listen: {
            facts.role = Role::Listener;
            SocketEvent e = eventFor(call, EventKind::Listen, facts);
            e.text = facts.local.empty() ? std::string() : facts.local + "/tcp";
            events->push_back(std::move(e));
            break;
        }
        case Syscall::Accept:
        case Syscall::Accept4: {
            r.args = readAddressOut(call, in.args[1], in.args[2]);
            FdFacts& peer = process.fds[r.ret];
            peer = FdFacts{};
            peer.kind = FdKind::Socket;
            SocketEvent e = eventFor(call, EventKind::Accept, peer);
            e.fd = r.ret;
            e.aux = r.fd;
            e.text = r.args;
            events->push_back(std::move(e));
            break;
        }
        case Syscall::Connect:
        case Syscall::Shutdown: {
            SocketEvent e = eventFor(call, EventKind::Note, facts);
            e.text = std::string(syscallName(in.call)) + " " + r.args;
            events->push_back(std::move(e));
            break;
        }
        case Syscall::Close: {
            SocketEvent e = eventFor(call, EventKind::Close, facts);
            e.aux = int64_t(CloseReason::ServerClosed);
            events->push_back(std::move(e));
            process.forget(r.fd);
            break;
        }
        default:
            leaveData(call, facts, events);
            break;
    }
}

}  // namespace ss::tracer
