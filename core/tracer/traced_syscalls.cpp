// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tracer/traced_syscalls.h"

#include <linux/audit.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cstddef>
#include <iterator>

namespace ss::tracer {
namespace {

struct Entry {
    long number;
    Syscall call;
};

// aarch64 and other newer architectures have only the p-variants (pselect6, ppoll, epoll_pwait)
// and no accept or recv of their own; the #ifdefs keep to what <sys/syscall.h> defines here.
constexpr Entry kTraced[] = {
#ifdef SYS_select
    {SYS_select, Syscall::Select},
#endif
    {SYS_pselect6, Syscall::Pselect6},
#ifdef SYS_poll
    {SYS_poll, Syscall::Poll},
#endif
    {SYS_ppoll, Syscall::Ppoll},
#ifdef SYS_epoll_wait
    {SYS_epoll_wait, Syscall::EpollWait},
#endif
    {SYS_epoll_pwait, Syscall::EpollPwait},
#ifdef SYS_epoll_pwait2
    {SYS_epoll_pwait2, Syscall::EpollPwait2},
#endif
    {SYS_epoll_ctl, Syscall::EpollCtl},
    {SYS_socket, Syscall::Socket},
    {SYS_bind, Syscall::Bind},
    {SYS_listen, Syscall::Listen},
#ifdef SYS_accept
    {SYS_accept, Syscall::Accept},
#endif
    {SYS_accept4, Syscall::Accept4},
    {SYS_connect, Syscall::Connect},
    {SYS_shutdown, Syscall::Shutdown},
    {SYS_close, Syscall::Close},
    {SYS_recvfrom, Syscall::Recvfrom},
    {SYS_recvmsg, Syscall::Recvmsg},
    {SYS_read, Syscall::Read},
    {SYS_sendto, Syscall::Sendto},
    {SYS_sendmsg, Syscall::Sendmsg},
    {SYS_write, Syscall::Write},
};

}  // namespace

Syscall syscallOf(uint64_t number) {
    for (const Entry& e : kTraced)
        if (uint64_t(e.number) == number)
            return e.call;
    return Syscall::None;
}

uint32_t nativeArch() {
#if defined(__x86_64__)
    return AUDIT_ARCH_X86_64;
#elif defined(__aarch64__)
    return AUDIT_ARCH_AARCH64;
#elif defined(__riscv) && __riscv_xlen == 64
    return AUDIT_ARCH_RISCV64;
#else
#error "tracing a program is implemented for x86-64, AArch64 and RISC-V 64 only"
#endif
}

std::vector<sock_filter> seccompProgram() {
    const auto count = static_cast<uint8_t>(std::size(kTraced));
    std::vector<sock_filter> p;
    p.push_back(BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, arch)));
    // Another architecture's entry: allow (jump over the number tests to the ALLOW).
    p.push_back(BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, nativeArch(), 0, uint8_t(count + 1)));
    p.push_back(BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, nr)));
    for (uint8_t i = 0; i < count; ++i) {
        // A match jumps over the remaining tests and the ALLOW to the TRACE.
        const auto toTrace = uint8_t(count - i);
        p.push_back(BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, uint32_t(kTraced[i].number), toTrace, 0));
    }
    p.push_back(BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW));
    p.push_back(BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE));
    return p;
}

bool installSeccompFilter(const std::vector<sock_filter>& program) {
    if (::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
        return false;
    sock_fprog fprog{};
    fprog.len = static_cast<unsigned short>(program.size());
    fprog.filter = const_cast<sock_filter*>(program.data());
    return ::syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &fprog) == 0;
}

}  // namespace ss::tracer
