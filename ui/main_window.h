// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QMainWindow>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <string>
#include <vector>

#include "core/server/engine_config.h"
#include "core/tracer/trace_target.h"
#include "ui/dock_layout.h"

class CallTraceModel;
class CallTraceView;
class ClientPanel;
class CostCurvePanel;
class ModelComparisonPanel;
class LessonRunner;
class LessonsPanel;
class DescriptorTableModel;
class DescriptorView;
class EngineSession;
class EventLogModel;
class EventLogView;
class FdSetView;
class FirstStartOverlay;
class LoadPanel;
class PlotsPanel;
class QAction;
class QCloseEvent;
class QDockWidget;
class QEvent;
class QResizeEvent;
class QScrollArea;
class QShowEvent;
class ServerPanel;
class StatusBarWidgets;
class TimelineView;
class QLabel;
class TraceSource;
class RecordingSource;
class TracerSource;
class ReplayBar;
class SourceSwitch;
class Zoom;

// What the command line tells the window.
struct WindowOptions {
    // Settings the server panel has no controls for (queue bound, serve folder, trace mode ...)
    // apply to every start; with startAtOnce its listeners, backend and timeout start at once.
    ss::EngineConfig engine;
    bool startAtOnce = false;
    std::string presetName;     // chosen in the server panel; empty keeps the panel's default
    bool asWritten = false;     // the preset as its tutorial's code behaves (--as-written)
    bool useSettings = true;    // restore and save the layout (off for screenshots and benchmarks)
    bool presentation = false;  // open in presentation mode, whatever the settings say
    QStringList views;          // brought to the front, in order (see MainWindow::showView)
    QString recordingPath;      // opened at once instead of running a server (--open)
    ss::tracer::TraceTarget trace;  // traced at once instead of running a server (--run, --attach)
    bool traceAtOnce = false;
    QString lessonId;                   // opened at once in the Lessons dock (--lesson)
    QStringList lessonFolders;          // besides the built-in lessons and the settings' folder
    std::vector<uint16_t> lessonPorts;  // where lessons start their presets (--port/--ports)
};

// The application's top-level window: the server panel, the descriptor table, the call trace,
// the event log, the plots and the client and load panels as dock widgets around one trace
// source, the built-in engine's EngineSession. It creates them and introduces each to the
// source, which each then follows by itself; it only wires the views to one another and the
// routine messages to its status bar.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    explicit MainWindow(const WindowOptions& options, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Where the window's records come from: the built-in engine.
    TraceSource* session() const;
    // An open recording, replayed in the same views instead of the engine's records.
    RecordingSource* recording() const { return m_recording; }
    // A program traced from outside (File > Trace a program, --run, --attach; Linux).
    TracerSource* tracer() const { return m_tracer; }
    ReplayBar* replayBar() const { return m_replayBar; }
    ServerPanel* serverPanel() const { return m_serverPanel; }
    ClientPanel* clientPanel() const { return m_clientPanel; }
    LoadPanel* loadPanel() const { return m_loadPanel; }
    PlotsPanel* plotsPanel() const { return m_plotsPanel; }
    DescriptorTableModel* descriptorModel() const { return m_descriptorModel; }
    CallTraceModel* callTraceModel() const { return m_callModel; }
    EventLogModel* eventLogModel() const { return m_eventModel; }
    DescriptorView* descriptorView() const { return m_descriptorView; }
    CallTraceView* callTraceView() const { return m_callView; }
    EventLogView* eventLogView() const { return m_eventView; }
    TimelineView* timelineView() const { return m_timelineView; }
    FdSetView* fdSetView() const { return m_fdSetView; }
    CostCurvePanel* costCurvePanel() const { return m_costPanel; }
    ModelComparisonPanel* modelComparisonPanel() const { return m_modelsPanel; }
    LessonsPanel* lessonsPanel() const { return m_lessonsPanel; }
    LessonRunner* lessonRunner() const { return m_lessonRunner; }
    QList<QDockWidget*> docks() const { return m_docks; }
    // True while the docks keep a first start's sizes (and follow the window), until the user
    // drags a separator or moves a dock; Reset layout makes it true again.
    bool isDefaultLayout() const { return m_defaultLayout; }
    // True from a show, a resize or Reset layout until the docks have their default sizes.
    bool defaultSizesPending() const { return m_defaultSizesPending; }
    // The zoom on every font of the application (View > Zoom in, Zoom out, Reset zoom).
    Zoom* zoom() const { return m_zoom; }
    bool isPresentationMode() const { return m_presentation; }
    // The guidance shown over the empty tables until a server first starts.
    QList<FirstStartOverlay*> firstStartGuidance() const;
    // Brings a view to the front of its tabs and shows its dock: "descriptors", "fd-sets",
    // "timeline", "events", "plots", "cost" or "models". False for any other name.
    bool showView(const QString& name);
    // Saves what the window shows as a PNG file; reports success or failure in the status bar,
    // and the failure in *error too.
    bool saveWindowPng(const QString& path, QString* error = nullptr);

public slots:
    // Starts `config` as given; false (with a status-bar message and *error) when it cannot.
    bool startServer(const ss::EngineConfig& config, QString* error = nullptr);
    void stopServer();
    // Puts every dock back where a first run puts it, at a first run's sizes, shows them all and
    // folds the panels' "More settings" away.
    void resetLayout();
    void showAbout();
    void showStatusMessage(const QString& message);
    // Large type and only the docks a lesson needs; off again gives back the docks and the zoom
    // there were before.
    void setPresentationMode(bool on);
    // Asks for a file name, then saves the window as PNG.
    void saveWindowPngWithDialog();
    // Stops the server and shows the recording at `path` in every view, with the replay bar.
    // False (with a status-bar message and *error) when the file cannot be opened.
    bool openRecording(const QString& path, QString* error = nullptr);
    void openRecordingWithDialog();
    // File > Record: writes what the server does to `path` from now on (from its next start
    // while it is stopped) until stopRecording() or the server stops.
    bool startRecording(const QString& path, QString* error = nullptr);
    // Opens a lesson in the Lessons dock at its first step; false when there is none by that id.
    bool openLesson(const QString& id);
    void stopRecording();
    // File > Save trace as: what the call list and the event log hold, as JSON Lines or as CSV
    // (a name ending in .csv). False (with a status-bar message and *error) when it cannot.
    bool saveTrace(const QString& path, QString* error = nullptr);
    void saveTraceWithDialog();
    // Stops the server (and a recording) and shows the program's calls instead: started with
    // target.argv, or attached to target.attachPid. False (with a status-bar message and *error)
    // when it cannot be traced.
    bool startTrace(const ss::tracer::TraceTarget& target, QString* error = nullptr);
    void traceProgramWithDialog();

protected:
    bool event(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void createZoom();
    void onZoomChanged();
    void fitRowHeights();
    void refitColumns();
    void createFirstStartGuidance();
    void removeFirstStartGuidance();
    void enterPresentation();
    void leavePresentation();
    void restorePresentation();
    int presentationZoomPercent() const;
    QList<QDockWidget*> docksOutsidePresentation() const;
    void saveViewSettings();
    void createModelsAndViews();
    QDockWidget* addDock(QWidget* content, const QString& title, const char* name,
                         bool scrollable = false);
    void createMenus();
    void createRecording();
    void createLessons();
    void showLook();
    void fitLessonDock();
    void selectLookedAtFd();
    void createRecordActions(QMenu* file);
    void createTracing();
    void createTraceActions(QMenu* file);
    void onTraceStarted();
    void onTraceStopped();
    void onRecordingStopped();
    void onRecorderState();
    void connectSource();
    void connectViews();
    void selectCall(const ss::CallRecord& call);
    void connectStatusMessages();
    void onStarted();
    void onStopped();
    void selectPreset(const std::string& name);
    void resizeForFirstRun();
    void scheduleDefaultSizes();
    void leaveDefaultLayout();

    WindowOptions m_options;
    EngineSession* m_session = nullptr;
    RecordingSource* m_recording = nullptr;
    SourceSwitch* m_switch = nullptr;  // what the views follow: the engine or the recording
    ReplayBar* m_replayBar = nullptr;
    TracerSource* m_tracer = nullptr;
    QAction* m_stopTraceAction = nullptr;
    QLabel* m_traceLabel = nullptr;  // the status bar's "● TRACE pid N"
    bool m_tracerTargetSet = false;  // the client panel points at the traced program's listener
    QAction* m_recordAction = nullptr;
    QLabel* m_recordLabel = nullptr;  // the status bar's "● REC"
    DescriptorTableModel* m_descriptorModel = nullptr;
    CallTraceModel* m_callModel = nullptr;
    EventLogModel* m_eventModel = nullptr;
    ServerPanel* m_serverPanel = nullptr;
    DescriptorView* m_descriptorView = nullptr;
    CallTraceView* m_callView = nullptr;
    EventLogView* m_eventView = nullptr;
    TimelineView* m_timelineView = nullptr;
    FdSetView* m_fdSetView = nullptr;
    CostCurvePanel* m_costPanel = nullptr;
    ModelComparisonPanel* m_modelsPanel = nullptr;
    LessonRunner* m_lessonRunner = nullptr;
    LessonsPanel* m_lessonsPanel = nullptr;
    QDockWidget* m_lookedAt = nullptr;  // the dock a lesson step outlines
    PlotsPanel* m_plotsPanel = nullptr;
    ClientPanel* m_clientPanel = nullptr;
    LoadPanel* m_loadPanel = nullptr;
    StatusBarWidgets* m_statusWidgets = nullptr;
    Zoom* m_zoom = nullptr;
    QAction* m_presentationAction = nullptr;
    QList<QPointer<FirstStartOverlay>> m_guidance;
    // What presentation mode gives back when it ends: the docks' state and the zoom.
    QByteArray m_stateBeforePresentation;
    int m_zoomBeforePresentation = 100;
    bool m_presentation = false;
    QList<QDockWidget*> m_docks;
    QList<QScrollArea*> m_scrollAreas;
    DockSet m_dockSet;
    QByteArray m_arrangedState;  // the docks as a first start places them
    dock_layout::DefaultSizes m_appliedSizes;
    // The docks have the sizes of a first start, which follow the window until the user
    // drags a separator or moves a dock.
    bool m_defaultLayout = true;
    bool m_defaultSizesPending = false;
    bool m_arranging = false;
};
