// SPDX-License-Identifier: GPL-3.0-or-later
// Tracing a program needs ptrace and PTRACE_GET_SYSCALL_INFO (Linux 5.3). On other platforms the
// Tracer exists, so that the front ends need no #ifdef, and says that it cannot start there.
#include "core/tracer/tracer.h"

namespace ss::tracer {

bool tracingAvailable() {
    return false;
}

std::vector<TraceableProcess> traceableProcesses() {
    return {};
}

class Tracer::Impl {
public:
    std::string command;
};

Tracer::Tracer() : m_impl(std::make_unique<Impl>()) {}

Tracer::~Tracer() = default;

bool Tracer::start(const TraceTarget&, std::string* error) {
    *error =
        "tracing a program is available on Linux only (it uses ptrace); a dtrace or ETW "
        "source would be needed here";
    return false;
}

void Tracer::stop() {}

TracerBatch Tracer::take() {
    return {};
}

void Tracer::waitForRecords(std::chrono::milliseconds) {}

bool Tracer::finished() const {
    return true;
}

int Tracer::pid() const {
    return 0;
}

const std::string& Tracer::command() const {
    return m_impl->command;
}

bool Tracer::usesSeccomp() const {
    return false;
}

}  // namespace ss::tracer
