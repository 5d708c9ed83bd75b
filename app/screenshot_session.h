// SPDX-License-Identifier: GPL-3.0-or-later
// `selectscope --screenshot FILE`: a short scripted session in the real window, then a PNG of
// it. The server starts on free ports (port 0, so it never collides with anything), N clients
// connect from the client panel and each sends a message, a few wait calls happen, and the whole
// window is grabbed at exactly the size it was given (--size). Every wait is bounded; finished()
// reports the exit code and, on failure, a one-line reason.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QSize>
#include <QString>
#include <QTimer>

#include "core/server/engine_config.h"
#include "core/tracer/trace_target.h"

class MainWindow;
class TraceSource;

struct ScreenshotOptions {
    QString path;
    ss::EngineConfig engine;  // its listeners are moved to port 0
    int clients = 3;
    QSize windowSize{1920, 1080};  // a classroom projector; --size sets it
    // --view models: the IO-models comparison runs before the picture, so its table is filled.
    bool compareModels = false;
    // --open: the recording instead of a server, shown at its middle call once it is indexed.
    QString recordingPath;
    // --run or --attach: the traced program instead of the server; the clients connect to its
    // first listener.
    bool traces = false;
    ss::tracer::TraceTarget trace;
};

class ScreenshotSession : public QObject {
    Q_OBJECT

public:
    static constexpr int kStageTimeoutMs = 3000;
    static constexpr int kPollMs = 20;
    // Long enough for the tables' green "new row" flashes to fade and the columns to be fitted.
    static constexpr int kSettleMs = 1200;
    // Four models, each about a second; a model that makes the others wait a few more. A
    // recording's index is given as long.
    static constexpr int kComparisonTimeoutMs = 30000;

    explicit ScreenshotSession(MainWindow* window, ScreenshotOptions options,
                               QObject* parent = nullptr);

    // Resizes and shows the window, then runs the script from the event loop.
    void start();

signals:
    void finished(int exitCode, const QString& error);

private:
    enum class Stage {
        WaitRecording,
        WaitListener,
        WaitConnected,
        WaitCalls,
        WaitComparison,
        Settle,
        Done
    };

    void poll();
    bool listenerReady() const;
    void connectClients();
    bool clientsSettled(QString* error) const;
    void sendMessages();
    bool enoughTraffic() const;
    void selectLatestReadyCall();
    void startComparison();
    void enterStage(Stage stage);
    void capture();
    // The source the picture shows: the engine, or the traced program.
    TraceSource* source() const;
    void fail(const QString& error);

    MainWindow* m_window;
    ScreenshotOptions m_options;
    Stage m_stage = Stage::WaitListener;
    QTimer m_timer;
    QElapsedTimer m_stageClock;
    int m_sent = 0;
};
