// SPDX-License-Identifier: GPL-3.0-or-later
// Which system calls of a traced program stop it, on this machine's architecture, and the
// seccomp-bpf filter that makes only those stop it (as `strace --seccomp-bpf` does): every other
// call runs at full speed, without a ptrace stop.
//
// The filter answers SECCOMP_RET_TRACE for the calls listed here and SECCOMP_RET_ALLOW for every
// other call, and for every call made through another architecture's entry (an x86-64 program's
// int 0x80, x32 calls): those are not decoded, so they are not stopped either. A filter cannot be
// taken back: once installed it stays with the program and its children for good, and without a
// tracer attached a SECCOMP_RET_TRACE call fails with ENOSYS. So it is installed only in a
// program this tracer starts (--run), which ends with the trace; a program attached to (--attach)
// gets no filter and stops at every system call instead, as strace -p does.
#pragma once

#include <linux/filter.h>

#include <cstdint>
#include <vector>

#include "core/trace/trace_types.h"

namespace ss::tracer {

// The traced call with this number on this architecture, or Syscall::None.
Syscall syscallOf(uint64_t number);
// The AUDIT_ARCH_* value of this build's architecture, as seccomp_data.arch and
// ptrace_syscall_info.arch carry it.
uint32_t nativeArch();
// The filter's instructions. Built before fork(): the child only installs it.
std::vector<sock_filter> seccompProgram();
// In the child between fork() and execve(): PR_SET_NO_NEW_PRIVS, then the filter. Only
// async-signal-safe calls. Returns false with errno set.
bool installSeccompFilter(const std::vector<sock_filter>& program);

}  // namespace ss::tracer
