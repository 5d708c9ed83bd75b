// SPDX-License-Identifier: GPL-3.0-or-later
// Reading a traced thread's memory: the sets, arrays, addresses and buffers its system calls
// point at. One process_vm_readv() per read (no PTRACE_PEEKDATA word by word). A read either
// gets every byte asked for or fails and says why; a record never shows half-read data.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <string>

namespace ss::tracer {

class TraceeMemory {
public:
    explicit TraceeMemory(pid_t tid) : m_tid(tid) {}

    // Reads exactly `size` bytes at `address` into `out`. False when the address is NULL or the
    // read fails or comes back short; error() then says which ("EFAULT at 0x7ffd...").
    bool read(uint64_t address, void* out, size_t size);
    // Up to `size` bytes into `out`, for a data call's preview.
    bool readString(uint64_t address, size_t size, std::string* out);
    const std::string& error() const { return m_error; }

private:
    pid_t m_tid;
    std::string m_error;
};

}  // namespace ss::tracer
