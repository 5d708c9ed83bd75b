// SPDX-License-Identifier: GPL-3.0-or-later
// Plays a lesson in the window: each step's actions run in order against the built-in server
// and clients of the Clients panel (opened there, so the class sees them), and the step's check
// is judged on every batch of records, snapshot and received chunk until it holds. Next moves on
// from the state the steps built; going back replays every step before the one shown (actions,
// then check) from a stopped server, so that each step always begins from the same state.
#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <cstdint>
#include <vector>

#include "ui/lessons/lesson.h"
#include "ui/lessons/lesson_check.h"
#include "ui/trace_source.h"

class ClientConnection;
class QTcpSocket;
class EngineSession;
class MainWindow;

class LessonRunner : public QObject {
    Q_OBJECT

public:
    // The longest an action waits (a connect, a listener to appear, a step's calls).
    static constexpr int kActionTimeoutMs = 5000;
    // A crowd's connects in flight at once, and the time each may add to the action's bound.
    static constexpr int kCrowdInFlight = 8;
    static constexpr int kCrowdMsPerConnection = 10;
    // The cost panel measures every backend at every size.
    static constexpr int kCostTimeoutMs = 120000;
    // Records kept as a step's evidence; a step is a few seconds of a lesson, not a load test.
    static constexpr size_t kEvidenceLimit = 20000;

    explicit LessonRunner(MainWindow* window, QObject* parent = nullptr);
    ~LessonRunner() override;

    // Where a start action moves its preset's listeners (--port/--ports); empty keeps the
    // tutorial's ports.
    void setPorts(std::vector<uint16_t> ports) { m_ports = std::move(ports); }

    // Begins the lesson at its first step.
    void open(const lesson::Lesson& lesson);
    bool isOpen() const { return m_open; }
    const lesson::Lesson& lesson() const { return m_lesson; }
    int step() const { return m_step; }
    // The step's actions are still running.
    bool busy() const { return m_busy; }
    bool checkHeld() const { return !m_busy && m_failure.isEmpty() && m_judge.held(); }
    // What the step still waits for, in English: an action or the check's open parts.
    QString waitingFor() const;
    // The descriptor the lesson calls `ref`, or -1 while the trace has not told it.
    int fdOf(const lesson::FdRef& ref) const;
    // Why an action failed ("connect a to listener:0: connection refused"); empty when none did.
    QString failure() const { return m_failure; }

public slots:
    void goTo(int step);
    void next() { goTo(m_step + 1); }
    void back() { goTo(m_step - 1); }
    // Closes the lesson's clients; the server keeps running.
    void close();

signals:
    void stepChanged(int step);
    // The actions finished or failed, or the check's verdict changed: read the accessors again.
    void progressed();

private:
    class Names;
    struct Client {
        QPointer<ClientConnection> connection;
        int listener = 0;
        quint16 localPort = 0;  // kept: the socket forgets it once closed
        qint64 readMark = 0;    // received chunks up to this read number came before the step
    };
    struct Listener {
        int fd = -1;
        quint16 port = 0;
        bool udp = false;
    };

    void beginStep(int step);
    void replayTo(int step);
    void continueReplay();
    // From here on the records are the step's evidence, and its check starts over.
    void resetEvidence();
    void runNext();
    // Starts one action; false when it waits for something (m_waiting says what).
    bool act(const lesson::Action& action);
    void finishAction(const QString& error = QString());
    void tryConnect();
    bool startPreset(const lesson::Action& action, QString* error);
    // send, urgent, half-close, close, reset: on the named client.
    void actOnClient(const lesson::Action& action);
    void growCrowd();
    void closeClients();
    void onStarted();
    void onBatch(const TraceBatch& batch);
    void onDescriptors(const std::vector<ss::DescriptorInfo>& rows);
    void onCostMeasured(bool cancelled);
    void judge();
    void showLook();

    MainWindow* m_window;
    EngineSession* m_session;
    std::vector<uint16_t> m_ports;
    lesson::Lesson m_lesson;
    bool m_open = false;
    int m_step = 0;
    // The actions still to run, and the one waiting (connect, step).
    std::vector<lesson::Action> m_queue;
    size_t m_next = 0;
    bool m_busy = false;
    int m_replayTo = -1;  // the step a replay (open, back, a jump) is playing up to
    const lesson::Action* m_waiting = nullptr;
    int m_stepsLeft = 0;        // a step action's calls still to come
    bool m_connecting = false;  // the waiting connect action has opened its client
    QTimer m_timeout;
    QString m_failure;
    // What the server told since it started: its listeners, and the connection each client's
    // port was accepted on.
    std::vector<Listener> m_listeners;
    QHash<quint16, int> m_acceptedByPeerPort;
    QHash<QString, Client> m_clients;
    std::vector<QTcpSocket*> m_crowd;  // a crowd action's connections
    int m_crowdToOpen = 0, m_crowdInFlight = 0;
    lesson::Evidence m_evidence;
    lesson::CheckJudge m_judge;
};
