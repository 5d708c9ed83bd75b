// SPDX-License-Identifier: GPL-3.0-or-later
// A program traced from outside as the window's source of records (Linux; core/tracer): the
// student's own server, started under the tracer or attached to. Its wait calls and socket
// calls reach the views as the engine's do. Its descriptor table is read from outside, from
// /proc/PID/fd and sock_diag, a few times a second, and marked with what the program's last wait
// call watched and got back, and with the bytes its calls moved. The traced program has no
// application queues and no pause: only Start and Stop.
#pragma once

#include <QString>
#include <QTimer>

#include <map>
#include <memory>
#include <vector>

#include "core/tracer/trace_target.h"
#include "ui/trace_source.h"

namespace ss::tracer {
class Tracer;
}

class TracerSource : public TraceSource {
    Q_OBJECT

public:
    static constexpr int kRefreshHz = 30;
    static constexpr int kTableHz = 5;

    explicit TracerSource(QObject* parent = nullptr);
    ~TracerSource() override;

    // What start() traces next.
    void setTarget(const ss::tracer::TraceTarget& target) { m_target = target; }
    const ss::tracer::TraceTarget& target() const { return m_target; }
    // "python3 server.py (pid 4242)" while a trace runs or after it ended.
    QString description() const;
    // The traced process (the program started, or the one attached to); 0 before any trace.
    int pid() const { return m_pid; }

    Capabilities capabilities() const override { return Capability::Start; }
    bool isRunning() const override { return m_tracer != nullptr; }
    const ss::EngineStats& lastStats() const override { return m_stats; }
    const std::vector<ss::DescriptorInfo>& lastDescriptors() const override { return m_rows; }

public slots:
    bool start() override;
    // Detaches from an attached process, or ends a started one as the target says.
    void stop() override;
    void refresh() override;

signals:
    // A traced process ended: `how` says so ("exited with code 0", "killed by SIGSEGV").
    void processEnded(int pid, const QString& how);

private:
    // What the tracer's queue holds now, as the views take it.
    TraceBatch takeBatch();
    void absorb(const TraceBatch& batch);
    void noteCall(const ss::CallRecord& call, int leader);
    void noteEvent(const ss::SocketEvent& event, int leader);
    void sampleTable();
    void finish();

    ss::tracer::TraceTarget m_target;
    std::unique_ptr<ss::tracer::Tracer> m_tracer;
    QString m_description;
    int m_pid = 0;
    QTimer m_timer;
    int m_tick = 0;
    ss::EngineStats m_stats;
    std::vector<ss::DescriptorInfo> m_rows;
    // Per descriptor of the main process: what its last wait call asked and got, and the
    // bytes moved since it was opened.
    struct FdMarks {
        uint8_t interest = 0, lastReady = 0;
        uint64_t bytesIn = 0, bytesOut = 0;
    };
    std::map<int32_t, FdMarks> m_marks;
};
