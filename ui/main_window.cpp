// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/main_window.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QEvent>
#include <QFileDialog>
#include <QFontMetrics>
#include <QHeaderView>
#include <QIcon>
#include <QImageWriter>
#include <QKeySequence>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMouseEvent>
#include <QResizeEvent>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QShowEvent>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QStyleOptionDockWidget>
#include <QStylePainter>
#include <QTableView>
#include <QTimer>

#include <algorithm>

#include "ui/engine_session.h"
#include "ui/first_start_overlay.h"
#include "ui/lessons/lesson_runner.h"
#include "ui/models/call_trace_model.h"
#include "ui/models/descriptor_table_model.h"
#include "ui/models/event_log_model.h"
#include "ui/panels/client_panel.h"
#include "ui/panels/cost_curve_panel.h"
#include "ui/panels/load_panel.h"
#include "ui/panels/model_comparison_panel.h"
#include "ui/panels/plots_panel.h"
#include "ui/panels/replay_bar.h"
#include "ui/panels/server_panel.h"
#include "ui/panels/status_bar_widgets.h"
#include "ui/recording_source.h"
#include "ui/source_switch.h"
#include "ui/to_qstring.h"
#include "ui/views/call_trace_view.h"
#include "ui/views/column_fitter.h"
#include "ui/views/descriptor_view.h"
#include "ui/views/event_log_view.h"
#include "ui/views/fdset_view.h"
#include "ui/views/timeline_view.h"
#include "ui/views/trace_table.h"
#include "ui/zoom.h"

// The resources live in this static library; referencing their initialiser here keeps the linker
// from dropping them. Q_INIT_RESOURCE must be used outside any namespace.
static void initResources() {
    Q_INIT_RESOURCE(resources);
}

namespace {
constexpr int kStatusMessageMs = 10000;
// Presentation mode: type at least this large, for the back of a classroom. On a smaller
// projector (1280x720, 1366x768) 150 % would leave the descriptor table a single row: there the
// type grows to 125 %, which is already the base size of a projector times 1.25.
constexpr int kPresentationZoomPercent = 150;
constexpr int kSmallPresentationZoomPercent = 125;
constexpr int kLargePresentationMinHeight = 900;
constexpr char kZoomKey[] = "view/zoom";
constexpr char kPresentationKey[] = "view/presentation";
constexpr char kZoomBeforePresentationKey[] = "view/zoomBeforePresentation";
constexpr char kStateBeforePresentationKey[] = "view/stateBeforePresentation";
// Room above and below a table row's text, so that large type is not clipped.
constexpr int kRowPadding = 6;

// QDockWidget paints its title in the application's font as it was when the dock was made; a
// zoom changes that font later. This dock paints its title in its current font.
class ZoomableDock : public QDockWidget {
public:
    ZoomableDock(const QString& title, QWidget* parent) : QDockWidget(title, parent) {}

protected:
    void paintEvent(QPaintEvent* event) override {
        // A floating dock's title is the window manager's; a custom one paints itself.
        if (isFloating() || titleBarWidget() != nullptr) {
            QDockWidget::paintEvent(event);
            return;
        }
        QStylePainter painter(this);
        QStyleOptionDockWidget title;
        initStyleOption(&title);
        painter.setFont(font());
        painter.drawControl(QStyle::CE_DockWidgetTitle, title);
    }
};
}  // namespace

MainWindow::MainWindow(QWidget* parent) : MainWindow(WindowOptions(), parent) {}

MainWindow::MainWindow(const WindowOptions& options, QWidget* parent)
    : QMainWindow(parent), m_options(options) {
    initResources();
    setWindowTitle(tr("SelectScope"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/selectscope.svg")));
    createZoom();
    m_session = new EngineSession(this);
    createModelsAndViews();
    createLessons();
    m_statusWidgets = new StatusBarWidgets(statusBar());
    createRecording();
    createTracing();
    createMenus();
    connectSource();
    connectViews();
    connectStatusMessages();
    m_arranging = true;
    dock_layout::arrange(this, m_dockSet);
    m_arranging = false;
    m_arrangedState = saveState(dock_layout::kVersion);
    createFirstStartGuidance();
    fitRowHeights();
    m_plotsPanel->setFontScale(m_zoom->factor());
    if (!m_options.presetName.empty())
        selectPreset(m_options.presetName);
    m_serverPanel->setAsWritten(m_options.asWritten);
    if (m_options.useSettings && dock_layout::restore(this))
        m_defaultLayout = false;  // the saved sizes win
    else
        resizeForFirstRun();
    if (m_options.useSettings && !m_options.presentation)
        restorePresentation();
    for (const QString& view : std::as_const(m_options.views))
        showView(view);
    m_replayBar->setVisible(false);  // a saved layout may have had it
    if (!m_options.lessonId.isEmpty())
        openLesson(m_options.lessonId);
    else if (m_options.startAtOnce)
        startServer(m_options.engine);
    else if (!m_options.recordingPath.isEmpty())
        openRecording(m_options.recordingPath);
    else if (m_options.traceAtOnce)
        startTrace(m_options.trace);
    else if (m_defaultLayout && m_options.useSettings)
        m_dockSet.lessons->raise();  // a first start offers the lessons
}

bool MainWindow::showView(const QString& name) {
    const std::pair<const char*, QDockWidget*> views[] = {{"descriptors", m_dockSet.descriptors},
                                                          {"fd-sets", m_dockSet.fdsets},
                                                          {"timeline", m_dockSet.timeline},
                                                          {"events", m_dockSet.events},
                                                          {"plots", m_dockSet.plots},
                                                          {"cost", m_dockSet.cost},
                                                          {"models", m_dockSet.models}};
    for (const auto& [viewName, dock] : views) {
        if (name != QLatin1String(viewName))
            continue;
        dock->show();
        dock->raise();
        return true;
    }
    return false;
}

MainWindow::~MainWindow() = default;

TraceSource* MainWindow::session() const {
    return m_session;
}

// Before the panels are made, so that they measure themselves in the font they will show.
void MainWindow::createZoom() {
    m_zoom = new Zoom(this);
    if (m_options.useSettings)
        m_zoom->setPercent(QSettings().value(kZoomKey, Zoom::kDefaultPercent).toInt());
    else
        m_zoom->apply();
    connect(m_zoom, &Zoom::changed, this, &MainWindow::onZoomChanged);
}

// Every widget has followed the application's font by now; what is measured once is
// measured again.
void MainWindow::onZoomChanged() {
    fitRowHeights();
    refitColumns();
    m_plotsPanel->setFontScale(m_zoom->factor());
    saveViewSettings();
    showStatusMessage(tr("Zoom: %1 %").arg(m_zoom->percent()));
}

// A table's rows keep the height the style gives them whatever the font; the trace tables'
// rows follow the text.
void MainWindow::fitRowHeights() {
    for (QWidget* view : {static_cast<QWidget*>(m_descriptorView),
                          static_cast<QWidget*>(m_callView), static_cast<QWidget*>(m_eventView)}) {
        for (QTableView* table : view->findChildren<QTableView*>()) {
            const int margin =
                table->style()->pixelMetric(QStyle::PM_FocusFrameVMargin, nullptr, table);
            table->verticalHeader()->setMinimumSectionSize(0);
            table->verticalHeader()->setDefaultSectionSize(QFontMetrics(table->font()).height() +
                                                           2 * margin + kRowPadding);
        }
    }
}

// The trace tables' columns only ever grow to fit their text; after a zoom out they would stay
// as wide as the larger text needed. Columns the user sized keep their width.
void MainWindow::refitColumns() {
    for (QWidget* view : {static_cast<QWidget*>(m_descriptorView),
                          static_cast<QWidget*>(m_callView), static_cast<QWidget*>(m_eventView)}) {
        for (QTableView* table : view->findChildren<QTableView*>()) {
            ColumnFitter* fitter = traceTableFitter(table);
            if (fitter == nullptr)
                continue;
            QHeaderView* header = table->horizontalHeader();
            for (int column = 0; column < header->count(); ++column) {
                if (!fitter->isUserSized(column) && !header->isSectionHidden(column))
                    header->resizeSection(column, header->minimumSectionSize());
            }
            fitter->fit();
        }
    }
}

// Until a server first starts, the empty tables say what to do.
void MainWindow::createFirstStartGuidance() {
    if (auto* table = m_descriptorView->findChild<QTableView*>()) {
        m_guidance.append(
            new FirstStartOverlay(tr("Pick a preset on the left and press Start.\n"
                                     "Then connect a client, type a message and press Send."),
                                  table->viewport()));
    }
    if (auto* table = m_callView->findChild<QTableView*>()) {
        m_guidance.append(new FirstStartOverlay(
            tr("Every wait call of the server (select, poll, epoll_wait ...) will appear here, "
               "one row per call."),
            table->viewport()));
    }
}

void MainWindow::removeFirstStartGuidance() {
    for (const QPointer<FirstStartOverlay>& overlay : std::as_const(m_guidance)) {
        if (overlay) {
            overlay->hide();
            overlay->deleteLater();
        }
    }
    m_guidance.clear();
}

QList<FirstStartOverlay*> MainWindow::firstStartGuidance() const {
    QList<FirstStartOverlay*> shown;
    for (const QPointer<FirstStartOverlay>& overlay : m_guidance) {
        if (overlay)
            shown.append(overlay);
    }
    return shown;
}

void MainWindow::createModelsAndViews() {
    m_descriptorModel = new DescriptorTableModel(this);
    m_callModel = new CallTraceModel(this);
    m_eventModel = new EventLogModel(this);
    m_serverPanel = new ServerPanel;
    m_serverPanel->setVisibleListenerRows(5);
    m_serverPanel->setBaseConfig(m_options.engine);
    m_descriptorView = new DescriptorView(m_descriptorModel);
    m_callView = new CallTraceView(m_callModel);
    m_eventView = new EventLogView(m_eventModel);
    m_plotsPanel = new PlotsPanel;
    m_clientPanel = new ClientPanel;
    m_loadPanel = new LoadPanel;
    m_timelineView = new TimelineView;
    m_fdSetView = new FdSetView;
    m_costPanel = new CostCurvePanel;
    m_modelsPanel = new ModelComparisonPanel;
    m_dockSet.server = addDock(m_serverPanel, tr("Server"), "serverDock", true);
    m_dockSet.descriptors = addDock(m_descriptorView, tr("Descriptors"), "descriptorDock");
    m_dockSet.calls = addDock(m_callView, tr("Wait calls"), "callTraceDock");
    m_dockSet.events = addDock(m_eventView, tr("Event log"), "eventLogDock");
    m_dockSet.plots = addDock(m_plotsPanel, tr("Plots"), "plotsDock", true);
    m_dockSet.clients = addDock(m_clientPanel, tr("Clients"), "clientDock", true);
    m_dockSet.load = addDock(m_loadPanel, tr("Load"), "loadDock", true);
    m_dockSet.fdsets = addDock(m_fdSetView, tr("fd_set picture"), "fdSetDock", true);
    m_dockSet.timeline = addDock(m_timelineView, tr("Timeline"), "timelineDock");
    m_dockSet.cost = addDock(m_costPanel, tr("Cost of a wait call"), "costCurveDock", true);
    m_dockSet.models = addDock(m_modelsPanel, tr("IO models"), "ioModelsDock");
    // Every panel is a dock; the central widget is an empty placeholder the docks cover.
    auto* placeholder = new QWidget(this);
    placeholder->hide();
    setCentralWidget(placeholder);
    setDockNestingEnabled(true);
}

QDockWidget* MainWindow::addDock(QWidget* content, const QString& title, const char* name,
                                 bool scrollable) {
    auto* dock = new ZoomableDock(title, this);
    dock->setObjectName(QLatin1String(name));
    dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable |
                      QDockWidget::DockWidgetFloatable);
    if (scrollable) {
        // Panels of controls scroll rather than squeeze when the dock is small.
        auto* area = new QScrollArea;
        area->setObjectName(QLatin1String(name) + QStringLiteral("Scroll"));
        area->setWidgetResizable(true);
        area->setFrameShape(QFrame::NoFrame);
        area->setWidget(content);
        dock->setWidget(area);
        m_scrollAreas.append(area);
    } else {
        dock->setWidget(content);
    }
    // A dock the user moves or floats makes the layout the user's own.
    connect(dock, &QDockWidget::topLevelChanged, this, &MainWindow::leaveDefaultLayout);
    connect(dock, &QDockWidget::dockLocationChanged, this, &MainWindow::leaveDefaultLayout);
    m_docks.append(dock);
    return dock;
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* openRecording =
        file->addAction(tr("&Open recording..."), this, &MainWindow::openRecordingWithDialog);
    openRecording->setShortcut(QKeySequence::Open);
    openRecording->setObjectName(QStringLiteral("openRecordingAction"));
    createRecordActions(file);
    file->addSeparator();
    createTraceActions(file);
    file->addSeparator();
    QAction* savePng =
        file->addAction(tr("Save window as &PNG..."), this, &MainWindow::saveWindowPngWithDialog);
    savePng->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* zoomIn = view->addAction(tr("Zoom &in"), m_zoom, &Zoom::zoomIn);
    // Ctrl+= too: on most keyboards + needs Shift.
    zoomIn->setShortcuts(QKeySequence::keyBindings(QKeySequence::ZoomIn)
                         << QKeySequence(Qt::CTRL | Qt::Key_Equal));
    QAction* zoomOut = view->addAction(tr("Zoom &out"), m_zoom, &Zoom::zoomOut);
    zoomOut->setShortcuts(QKeySequence::ZoomOut);
    QAction* resetZoom = view->addAction(tr("Reset &zoom"), m_zoom, &Zoom::reset);
    resetZoom->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    m_presentationAction = view->addAction(tr("&Presentation mode"));
    m_presentationAction->setObjectName(QStringLiteral("presentationAction"));
    m_presentationAction->setCheckable(true);
    m_presentationAction->setShortcut(QKeySequence(Qt::Key_F5));
    connect(m_presentationAction, &QAction::toggled, this, &MainWindow::setPresentationMode);
    view->addSeparator();
    for (QDockWidget* dock : std::as_const(m_docks))
        view->addAction(dock->toggleViewAction());
    view->addSeparator();
    view->addAction(tr("&Reset layout"), this, &MainWindow::resetLayout);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About SelectScope"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

// Each consumer connects itself to the source's signals; the window only introduces them, and
// shows the source's routine messages in its status bar. The views follow the switch (the engine,
// or a recording while one is open); the server, client and load panels only ever serve the
// engine, which is also the server panel's EngineControl.
void MainWindow::connectSource() {
    m_descriptorModel->setSource(m_switch);
    m_callModel->setSource(m_switch);
    m_eventModel->setSource(m_switch);
    m_plotsPanel->setSource(m_switch);
    m_serverPanel->setSource(m_session, m_session);
    m_clientPanel->setSource(m_session);
    m_loadPanel->setSource(m_session);
    m_timelineView->model()->setSource(m_switch);
    m_fdSetView->setSource(m_switch);
    m_costPanel->setSource(m_switch);
    m_statusWidgets->setSource(m_switch);
    connect(m_switch, &TraceSource::errorOccurred, this, &MainWindow::showStatusMessage);
    connect(m_session, &TraceSource::started, this, &MainWindow::onStarted);
    connect(m_session, &TraceSource::stopped, this, &MainWindow::onStopped);
}

// A call selected in the trace, or a band clicked on the timeline, is shown by every view of
// a call: the descriptor table, the fd_set picture and the timeline, until Back to live (or
// Live); a descriptor selected in the table is the one whose queues the plots follow.
void MainWindow::connectViews() {
    // The Python column speaks the Python API of the preset's tutorial (select or selectors).
    connect(m_serverPanel, &ServerPanel::presetApplied, m_callModel,
            [this](const ss::Preset& preset) { m_callModel->setPythonApi(preset.api); });
    connect(m_callView, &CallTraceView::callSelected, m_descriptorView, &DescriptorView::showCall);
    connect(m_callView, &CallTraceView::liveSelected, m_descriptorView, &DescriptorView::showLive);
    connect(m_callView, &CallTraceView::callSelected, m_fdSetView, &FdSetView::showCall);
    connect(m_callView, &CallTraceView::liveSelected, m_fdSetView, &FdSetView::showLive);
    connect(m_callView, &CallTraceView::callSelected, m_timelineView, &TimelineView::showCall);
    connect(m_callView, &CallTraceView::liveSelected, m_timelineView, &TimelineView::showLive);
    connect(m_timelineView, &TimelineView::callSelected, this, &MainWindow::selectCall);
    connect(m_timelineView, &TimelineView::liveSelected, m_callView, &CallTraceView::jumpToLive);
    connect(m_descriptorView, &DescriptorView::liveRequested, m_callView,
            &CallTraceView::jumpToLive);
    connect(m_descriptorView, &DescriptorView::fdSelected, m_plotsPanel,
            &PlotsPanel::setSelectedFd);
}

// Through the call list when it still holds the call, so that every view hears of it once;
// a call older than the list's history goes to the views directly.
void MainWindow::selectCall(const ss::CallRecord& call) {
    if (m_callView->selectCall(call.number))
        return;
    m_descriptorView->showCall(call);
    m_fdSetView->showCall(call);
    m_timelineView->showCall(call);
}

void MainWindow::connectStatusMessages() {
    connect(m_serverPanel, &ServerPanel::statusMessage, this, &MainWindow::showStatusMessage);
    connect(m_clientPanel, &ClientPanel::statusMessage, this, &MainWindow::showStatusMessage);
    connect(m_loadPanel, &LoadPanel::statusMessage, this, &MainWindow::showStatusMessage);
    connect(m_plotsPanel, &PlotsPanel::statusMessage, this, &MainWindow::showStatusMessage);
    connect(m_fdSetView, &FdSetView::statusMessage, this, &MainWindow::showStatusMessage);
    connect(m_costPanel, &CostCurvePanel::statusMessage, this, &MainWindow::showStatusMessage);
    connect(m_modelsPanel, &ModelComparisonPanel::statusMessage, this,
            &MainWindow::showStatusMessage);
}

bool MainWindow::startServer(const ss::EngineConfig& config, QString* error) {
    return m_session->start(config, error);
}

void MainWindow::stopServer() {
    m_session->stop();
}

void MainWindow::onStarted() {
    removeFirstStartGuidance();
    showStatusMessage(tr("Server started."));
}

void MainWindow::onStopped() {
    showStatusMessage(tr("Server stopped."));
}

void MainWindow::selectPreset(const std::string& name) {
    m_serverPanel->selectPreset(toQString(name));
}

void MainWindow::showStatusMessage(const QString& message) {
    statusBar()->showMessage(message, kStatusMessageMs);
}

void MainWindow::showAbout() {
    QMessageBox::about(
        this, tr("About SelectScope"),
        tr("<h3>SelectScope %1</h3>"
           "<p>An oscilloscope for I/O multiplexing: every select(), poll() and epoll_wait() "
           "call of a small server, as it happens.</p>"
           "<p>SelectScope is free software: you can redistribute it and/or modify it under "
           "the terms of the GNU General Public License as published by the Free Software "
           "Foundation, either version 3 of the License, or (at your option) any later "
           "version (GPL-3.0-or-later).</p>"
           "<p>The plots use QCustomPlot by Emanuel Eichhammer, licensed under the GNU "
           "General Public License version 3 (GPL-3.0).</p>")
            .arg(QApplication::applicationVersion()));
}

void MainWindow::resetLayout() {
    setPresentationMode(false);
    m_arranging = true;
    dock_layout::rearrange(this, m_dockSet, m_arrangedState);
    m_arranging = false;
    m_replayBar->setVisible(m_recording->isOpen());
    m_serverPanel->collapseMoreSettings();
    m_clientPanel->collapseMoreSettings();
    m_loadPanel->collapseMoreSettings();
    for (QScrollArea* area : std::as_const(m_scrollAreas))
        area->verticalScrollBar()->setValue(0);
    m_defaultLayout = true;
    if (isVisible())
        scheduleDefaultSizes();
}

// Dock sizes can only be shared out once the window has its real size. Until the user changes
// the layout they follow the window: a window manager maximises it after it is shown, and a
// projector may be plugged in later.
void MainWindow::showEvent(QShowEvent* event) {
    QMainWindow::showEvent(event);
    // --presentation waits for the first show: the zoom it picks depends on the window's size.
    if (std::exchange(m_options.presentation, false))
        setPresentationMode(true);
    if (m_defaultLayout)
        scheduleDefaultSizes();
}

void MainWindow::resizeEvent(QResizeEvent* event) {
    QMainWindow::resizeEvent(event);
    if (m_defaultLayout && isVisible())
        scheduleDefaultSizes();
}

// A press on the window's own pixels (no child under it) starts dragging a separator between
// docks; a press a panel ignored arrives here too, but with the panel under it. A layout request
// means a dock's contents changed their size hints (a view's tool row grew, a preset's summary
// took another line): the default sizes may no longer be the right ones.
bool MainWindow::event(QEvent* event) {
    if (event->type() == QEvent::MouseButtonPress &&
        childAt(static_cast<QMouseEvent*>(event)->position().toPoint()) == nullptr)
        leaveDefaultLayout();
    const bool handled = QMainWindow::event(event);
    if (event->type() == QEvent::LayoutRequest && m_defaultLayout && isVisible() &&
        dock_layout::defaultSizes(this, m_dockSet) != m_appliedSizes)
        scheduleDefaultSizes();
    return handled;
}

// After the layout has placed the docks at the window's new size; several requests, one pass.
void MainWindow::scheduleDefaultSizes() {
    if (m_defaultSizesPending)
        return;
    m_defaultSizesPending = true;
    QTimer::singleShot(0, this, [this] {
        m_defaultSizesPending = false;
        if (!m_defaultLayout)
            return;
        m_appliedSizes = dock_layout::defaultSizes(this, m_dockSet);
        dock_layout::applyDefaultSizes(this, m_dockSet, m_appliedSizes);
        if (m_lessonRunner->isOpen())
            fitLessonDock();
    });
}

void MainWindow::leaveDefaultLayout() {
    if (!m_arranging)
        m_defaultLayout = false;
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (m_options.useSettings)
        dock_layout::save(this);
    event->accept();
}

// Maximised: a projector shows little else. Un-maximised, most of the screen, centred.
void MainWindow::resizeForFirstRun() {
    if (const QScreen* current = screen()) {
        const QRect available = current->availableGeometry();
        resize(available.width() * 9 / 10, available.height() * 9 / 10);
        move(available.center() - rect().center());
    }
    setWindowState(windowState() | Qt::WindowMaximized);
}

void MainWindow::setPresentationMode(bool on) {
    if (on == m_presentation)
        return;
    if (on)
        enterPresentation();
    else
        leavePresentation();
    saveViewSettings();
}

// The docks a lesson needs: the server and the clients on the left, the descriptor table and the
// wait calls on the right, with room to read them.
void MainWindow::enterPresentation() {
    m_stateBeforePresentation = saveState(dock_layout::kVersion);
    m_zoomBeforePresentation = m_zoom->percent();
    m_presentation = true;
    m_presentationAction->setChecked(true);
    // Hiding and showing docks is not the user changing the layout.
    m_arranging = true;
    for (QDockWidget* dock : docksOutsidePresentation())
        dock->hide();
    for (QDockWidget* dock :
         {m_dockSet.server, m_dockSet.lessons, m_dockSet.clients, m_dockSet.descriptors,
          m_dockSet.fdsets, m_dockSet.timeline, m_dockSet.calls})
        dock->show();
    m_arranging = false;
    if (m_zoom->percent() < presentationZoomPercent())
        m_zoom->setPercent(presentationZoomPercent());
    if (m_defaultLayout && isVisible())
        scheduleDefaultSizes();
}

// The height that matters is the projector's: the screen's, or the window's when it is larger
// (a screenshot of a given size).
int MainWindow::presentationZoomPercent() const {
    const QScreen* shown = screen();
    const int height = std::max(this->height(), shown ? shown->availableGeometry().height() : 0);
    return height >= kLargePresentationMinHeight ? kPresentationZoomPercent
                                                 : kSmallPresentationZoomPercent;
}

void MainWindow::leavePresentation() {
    m_presentation = false;
    m_presentationAction->setChecked(false);
    m_zoom->setPercent(m_zoomBeforePresentation);
    m_arranging = true;
    if (m_stateBeforePresentation.isEmpty() ||
        !restoreState(m_stateBeforePresentation, dock_layout::kVersion)) {
        for (QDockWidget* dock : std::as_const(m_docks))
            dock->show();
    }
    m_arranging = false;
    m_stateBeforePresentation.clear();
    if (m_defaultLayout && isVisible())
        scheduleDefaultSizes();
}

// The saved layout already has the presentation's docks; what ending it gives back is saved
// beside it.
void MainWindow::restorePresentation() {
    QSettings settings;
    if (!settings.value(kPresentationKey, false).toBool())
        return;
    m_stateBeforePresentation = settings.value(kStateBeforePresentationKey).toByteArray();
    m_zoomBeforePresentation =
        settings.value(kZoomBeforePresentationKey, Zoom::kDefaultPercent).toInt();
    m_presentation = true;
    m_presentationAction->setChecked(true);
    for (QDockWidget* dock : docksOutsidePresentation())
        dock->hide();
}

// A lesson needs the server, the clients, the descriptors (with the fd_set picture and the
// timeline in their tabs) and the wait calls; the rest would leave each of them too little room
// in large type.
QList<QDockWidget*> MainWindow::docksOutsidePresentation() const {
    return {m_dockSet.events, m_dockSet.plots, m_dockSet.load, m_dockSet.cost};
}

void MainWindow::saveViewSettings() {
    if (!m_options.useSettings)
        return;
    QSettings settings;
    settings.setValue(kZoomKey, m_zoom->percent());
    settings.setValue(kPresentationKey, m_presentation);
    if (m_presentation) {
        settings.setValue(kZoomBeforePresentationKey, m_zoomBeforePresentation);
        settings.setValue(kStateBeforePresentationKey, m_stateBeforePresentation);
    } else {
        settings.remove(kZoomBeforePresentationKey);
        settings.remove(kStateBeforePresentationKey);
    }
}

bool MainWindow::saveWindowPng(const QString& path, QString* error) {
    QImageWriter writer(path, "png");
    if (!writer.write(grab().toImage())) {
        const QString message = tr("Could not save the window to %1: %2")
                                    .arg(QDir::toNativeSeparators(path), writer.errorString());
        if (error != nullptr)
            *error = message;
        showStatusMessage(message);
        return false;
    }
    showStatusMessage(tr("Window saved to %1.").arg(QDir::toNativeSeparators(path)));
    return true;
}

// Qt's own dialog: the same on every platform, and it follows the zoom.
void MainWindow::saveWindowPngWithDialog() {
    QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    if (folder.isEmpty() || !QDir(folder).exists())
        folder = QDir::homePath();
    const QString name =
        QStringLiteral("selectscope-%1.png")
            .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save window as PNG"), QDir(folder).filePath(name), tr("PNG images (*.png)"),
        nullptr, QFileDialog::DontUseNativeDialog);
    if (!path.isEmpty())
        saveWindowPng(path);
}
