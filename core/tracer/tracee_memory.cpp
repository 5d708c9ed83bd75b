// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tracer/tracee_memory.h"

#include <sys/uio.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace ss::tracer {

bool TraceeMemory::read(uint64_t address, void* out, size_t size) {
    m_error.clear();
    if (size == 0)
        return true;
    char at[32];
    std::snprintf(at, sizeof at, "0x%llx", static_cast<unsigned long long>(address));
    if (address == 0) {
        m_error = "NULL pointer";
        return false;
    }
    iovec local{out, size};
    // NOLINTNEXTLINE(performance-no-int-to-ptr): an address in the other process, never ours
    iovec remote{reinterpret_cast<void*>(static_cast<uintptr_t>(address)), size};
    const ssize_t got = ::process_vm_readv(m_tid, &local, 1, &remote, 1, 0);
    if (got == static_cast<ssize_t>(size))
        return true;
    if (got < 0)
        m_error = std::string(std::strerror(errno)) + " reading " + std::to_string(size) +
                  " bytes at " + at;
    else
        m_error = "only " + std::to_string(got) + " of " + std::to_string(size) +
                  " bytes readable at " + at;
    return false;
}

bool TraceeMemory::readString(uint64_t address, size_t size, std::string* out) {
    out->resize(size);
    if (read(address, out->data(), size))
        return true;
    out->clear();
    return false;
}

}  // namespace ss::tracer
