// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QThread>
#include <QWidget>

class ComparisonTimeline;
class ModelComparisonModel;
class ModelComparisonWorker;
class QLabel;
class QPushButton;
class QTableView;

// "IO models": the same scripted clients (three, client 1 slow) against each model of the
// chapter in turn, blocking, a thread per client, non-blocking and select(), and their runs side
// by side: clients served, served while client 1 holds, client 2's wait, CPU, threads and
// system calls per second. Each model runs in an engine of its own on a free port, so the
// window's own server goes on as it was. The runs happen on the panel's own thread
// (ModelComparisonWorker); the UI thread only shows what arrives.
class ModelComparisonPanel : public QWidget {
    Q_OBJECT

public:
    explicit ModelComparisonPanel(QWidget* parent = nullptr);
    ~ModelComparisonPanel() override;

    // The presets compared, in order (default: ss::comparedPresets()); and how long client 1
    // holds its connection (default: ss::kComparisonSlowHold). For the next run.
    void setPresets(const QStringList& presets);
    void setSlowHoldMs(int ms);

    bool isRunning() const { return m_running; }
    ModelComparisonModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    ComparisonTimeline* timeline() const { return m_timeline; }

public slots:
    // Clears the table and runs every model in turn.
    void run();
    // Stops the running model's clients; the runs that ended stay in the table.
    void cancel();

signals:
    void statusMessage(const QString& message);
    void comparisonFinished(bool cancelled);

protected:
    void changeEvent(QEvent* event) override;

private:
    QWidget* createControls();
    void createTable();
    void startWorker();
    void showStarted(int row);
    void finish(bool cancelled);
    void updateCaption();
    void fitRows();

    ModelComparisonModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    ComparisonTimeline* m_timeline = nullptr;
    QPushButton* m_runButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QLabel* m_caption = nullptr;
    int m_slowHoldMs = 0;
    bool m_running = false;

    QThread m_thread;
    ModelComparisonWorker* m_worker = nullptr;  // lives on m_thread; deleted after it ended
};
