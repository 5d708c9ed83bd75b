// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/source_switch.h"

void SourceSwitch::addSource(TraceSource* source) {
    if (!m_current)
        m_current = source;
    connect(source, &TraceSource::started, this, [this, source] {
        m_current = source;
        emit started();
    });
    connect(source, &TraceSource::stopped, this, [this, source] {
        if (source == m_current)
            emit stopped();
    });
    connect(source, &TraceSource::batchReady, this, [this, source](const TraceBatch& batch) {
        if (source == m_current)
            emit batchReady(batch);
    });
    connect(source, &TraceSource::descriptorsUpdated, this,
            [this, source](const std::vector<ss::DescriptorInfo>& rows) {
                if (source == m_current)
                    emit descriptorsUpdated(rows);
            });
    connect(source, &TraceSource::statsUpdated, this, [this, source](const ss::EngineStats& stats) {
        if (source == m_current)
            emit statsUpdated(stats);
    });
    connect(source, &TraceSource::errorOccurred, this, &TraceSource::errorOccurred);
}
