// SPDX-License-Identifier: GPL-3.0-or-later
// The TraceSource the views follow when there is more than one: it passes on what the current
// source delivers and ignores the others. A source becomes the current one when it starts a new
// trace, so that starting the server after a recording (or opening a recording after a run)
// turns every view over to it, cleared by the started() it passes on.
#pragma once

#include <QList>

#include "ui/trace_source.h"

class SourceSwitch : public TraceSource {
    Q_OBJECT

public:
    // The first source added is the current one until another starts.
    explicit SourceSwitch(QObject* parent = nullptr) : TraceSource(parent) {}
    void addSource(TraceSource* source);
    TraceSource* current() const { return m_current; }

    Capabilities capabilities() const override { return m_current->capabilities(); }
    bool isLive() const override { return m_current->isLive(); }
    bool isRunning() const override { return m_current->isRunning(); }
    const ss::EngineStats& lastStats() const override { return m_current->lastStats(); }
    const std::vector<ss::DescriptorInfo>& lastDescriptors() const override {
        return m_current->lastDescriptors();
    }

public slots:
    bool start() override { return m_current->start(); }
    void stop() override { m_current->stop(); }
    void pause() override { m_current->pause(); }
    void resume() override { m_current->resume(); }
    void step() override { m_current->step(); }
    void refresh() override { m_current->refresh(); }

private:
    TraceSource* m_current = nullptr;
};
