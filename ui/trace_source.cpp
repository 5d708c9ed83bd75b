// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/trace_source.h"

TraceSource::TraceSource(QObject* parent) : QObject(parent) {
    // Registered so that batches can also travel through queued connections (a source that
    // reads a file or a tracee on a thread of its own, for instance).
    qRegisterMetaType<TraceBatch>("TraceBatch");
}
