// SPDX-License-Identifier: GPL-3.0-or-later
// The window on a classroom projector: maximised at 1280x720, 1366x768 and 1920x1080 (in English
// and in Simplified Chinese), every control of a first lesson is shown whole, with no scrolling:
// the preset chooser, Start and Stop, Pause, Step and Run, Connect, the input line and Send.
// View > Reset layout brings exactly that layout back, and the mouse wheel scrolls a panel
// without changing the setting under the pointer. Offscreen, with one screen of each size.
#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegion>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSlider>
#include <QSpinBox>
#include <QSpontaneKeyEvent>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QWheelEvent>
#include <QWindow>

#include <algorithm>
#include <memory>

#include "core/server/listener_spec.h"
#include "ui/client/client_connection.h"
#include "ui/client/client_list_model.h"
#include "ui/main_window.h"
#include "ui/models/call_trace_model.h"
#include "ui/panels/client_panel.h"
#include "ui/panels/collapsible_section.h"
#include "ui/panels/server_panel.h"
#include "ui/views/call_trace_view.h"
#include "ui/zoom.h"

namespace {
constexpr int kWaitMs = 5000;
const QSize kScreens[] = {{1280, 720}, {1366, 768}, {1920, 1080}};

// The first lesson's controls: the panel they are in, and their object names.
const char* const kServerControls[] = {"preset", "start", "stop", "pause", "step", "run"};
const char* const kClientControls[] = {"connectButton", "inputEdit", "sendButton"};

// One offscreen screen per size, side by side, without window frames: a maximised window then
// has exactly the screen's size.
QString writeScreenConfig(const QString& folder) {
    QJsonArray screens;
    int x = 0;
    for (const QSize& size : kScreens) {
        screens.append(
            QJsonObject{{"name", QStringLiteral("%1x%2").arg(size.width()).arg(size.height())},
                        {"x", x},
                        {"y", 0},
                        {"width", size.width()},
                        {"height", size.height()},
                        {"logicalDpi", 96},
                        {"logicalBaseDpi", 96},
                        {"dpr", 1}});
        x += size.width();
    }
    const QJsonObject config{{"screens", screens}, {"windowFrameMargins", false}};
    const QString path = folder + QStringLiteral("/screens.json");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(config).toJson()) < 0)
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

QScreen* screenOfSize(const QSize& size) {
    for (QScreen* screen : QGuiApplication::screens()) {
        if (screen->geometry().size() == size)
            return screen;
    }
    qFatal("no screen of %dx%d", size.width(), size.height());
    return nullptr;
}

WindowOptions firstStart() {
    WindowOptions options;
    options.useSettings = false;  // a first start: no saved layout
    return options;
}

template <typename T = QWidget>
T* child(QObject* parent, const char* name) {
    T* found = parent->findChild<T*>(QLatin1String(name));
    if (found == nullptr)
        qFatal("no child %s", name);
    return found;
}

QList<QWidget*> firstLessonControls(MainWindow* window) {
    QList<QWidget*> controls;
    for (const char* name : kServerControls)
        controls << child(window->serverPanel(), name);
    for (const char* name : kClientControls)
        controls << child(window->clientPanel(), name);
    return controls;
}

// The first parent of `widget` (the scroll area's viewport, the dock, the window ...) that cuts
// it, described; empty when none does.
QString cutByParent(const QWidget* widget) {
    for (const QWidget* parent = widget->parentWidget(); parent != nullptr;
         parent = parent->parentWidget()) {
        const QRect inParent(widget->mapTo(parent, QPoint(0, 0)), widget->size());
        if (!parent->rect().contains(inParent))
            return QStringLiteral("at (%1,%2 %3x%4) is cut by %5 %6 (%7x%8)")
                .arg(inParent.x())
                .arg(inParent.y())
                .arg(inParent.width())
                .arg(inParent.height())
                .arg(QString::fromLatin1(parent->metaObject()->className()), parent->objectName())
                .arg(parent->width())
                .arg(parent->height());
    }
    return QString();
}

// Why `widget` is not shown whole, or an empty string when it is: hidden (a closed dock, a folded
// section), cut by a parent (a tab behind another, a scrolled viewport), covered, or narrower
// than its text needs.
QString whyNotShownWhole(const QWidget* widget) {
    const QString name = widget->objectName() + QLatin1Char(' ');
    if (!widget->isVisible())
        return name + QStringLiteral("is hidden");
    const QString cut = cutByParent(widget);
    if (!cut.isEmpty())
        return name + cut;
    if (widget->visibleRegion() != QRegion(widget->rect()))
        return name + QStringLiteral("is partly covered");
    const bool hasText = qobject_cast<const QAbstractButton*>(widget) != nullptr ||
                         qobject_cast<const QComboBox*>(widget) != nullptr;
    const QSize needed = hasText ? widget->sizeHint() : widget->minimumSizeHint();
    if (widget->width() < needed.width() || widget->height() < needed.height())
        return name + QStringLiteral("is %1x%2, smaller than the %3x%4 it needs")
                          .arg(widget->width())
                          .arg(widget->height())
                          .arg(needed.width())
                          .arg(needed.height());
    return QString();
}

QString whyFirstLessonDoesNotFit(MainWindow* window) {
    for (const QWidget* control : firstLessonControls(window)) {
        const QString why = whyNotShownWhole(control);
        if (!why.isEmpty())
            return why;
    }
    return QString();
}

// Where each dock in view (not a tab behind another) and each first-lesson control is, in window
// coordinates.
QList<QRect> layoutOf(MainWindow* window) {
    QList<QRect> rects;
    for (const QDockWidget* dock : window->docks())
        rects << (dock->visibleRegion().isEmpty() ? QRect() : dock->geometry());
    for (const QWidget* control : firstLessonControls(window))
        rects << QRect(control->mapTo(window, QPoint(0, 0)), control->size());
    return rects;
}

// Waits until the window has shared out its dock sizes and every layout has caught up with
// them (and with whatever the test changed), as the event loop would have by the next frame. A
// layout that changes a panel's size hints can ask for the sizes again, hence the rounds.
bool settle(const MainWindow* window) {
    for (int round = 0; round < 10; ++round) {
        if (!QTest::qWaitFor([window] { return !window->defaultSizesPending(); }, kWaitMs))
            return false;
        for (int pass = 0; pass < 3; ++pass)
            QCoreApplication::sendPostedEvents();
        if (!window->defaultSizesPending())
            return true;
    }
    return false;
}

bool allConnected(const ClientListModel* clients) {
    for (int row = 0; row < clients->rowCount(); ++row) {
        if (clients->connectionAt(row)->state() != ClientConnection::State::Connected)
            return false;
    }
    return clients->rowCount() > 0;
}

// A wheel turn over the middle of `widget`, delivered as the window system delivers it: to the
// window, spontaneous, so that the window picks the widget under the pointer and an ignored turn
// travels on to its parents as a real one does. (sendEvent() would make it a synthesized event,
// which Qt never passes on.)
void turnWheel(QWidget* widget, int notches) {
    QWidget* window = widget->window();
    const QPointF pos =
        widget->mapTo(window, QPointF(widget->width() / 2.0, widget->height() / 2.0));
    QWheelEvent wheel(pos, window->mapToGlobal(pos), QPoint(), QPoint(0, 120 * notches),
                      Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QSpontaneKeyEvent::setSpontaneous(&wheel);
    qApp->notify(window->windowHandle(), &wheel);
}

QScrollArea* scrollAreaAround(QWidget* widget) {
    for (QWidget* parent = widget->parentWidget(); parent != nullptr;
         parent = parent->parentWidget()) {
        if (auto* area = qobject_cast<QScrollArea*>(parent))
            return area;
    }
    qFatal("%s is not in a scroll area", qPrintable(widget->objectName()));
    return nullptr;
}

// Scrolls `area` as far as it goes towards showing `widget` at the top of its viewport.
void scrollToTop(QScrollArea* area, const QWidget* widget) {
    const int top = widget->mapTo(area->widget(), QPoint(0, 0)).y();
    area->verticalScrollBar()->setValue(std::min(top, area->verticalScrollBar()->maximum()));
}

int valueOf(const QWidget* setting) {
    if (const auto* spin = qobject_cast<const QSpinBox*>(setting))
        return spin->value();
    if (const auto* combo = qobject_cast<const QComboBox*>(setting))
        return combo->currentIndex();
    return qobject_cast<const QSlider*>(setting)->value();
}
}  // namespace

class TstWindowFit : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void firstLessonFitsMaximised_data();
    void firstLessonFitsMaximised();
    void firstLessonFitsWhileServing_data();
    void firstLessonFitsWhileServing();
    void presentationFitsTheFirstLesson_data();
    void presentationFitsTheFirstLesson();
    void resetLayoutRestoresTheFit();
    void separatorDragMakesTheLayoutTheUsers();
    void wheelScrollsPastUnfocusedSettings_data();
    void wheelScrollsPastUnfocusedSettings();

private:
    // A first start on the screen of `size`: maximised, docks at their default sizes.
    std::unique_ptr<MainWindow> openMaximised(const QSize& size);
    void useLanguage(const QString& language);

    std::unique_ptr<QTranslator> m_translator;
};

void TstWindowFit::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("SelectScopeTest-WindowFit"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_window_fit"));
    QCOMPARE(QGuiApplication::screens().size(), int(std::size(kScreens)));
}

// Each test starts in English, whatever the last one chose or however it ended.
void TstWindowFit::cleanup() {
    useLanguage(QString());
}

void TstWindowFit::useLanguage(const QString& language) {
    if (m_translator) {
        QCoreApplication::removeTranslator(m_translator.get());
        m_translator.reset();
    }
    if (language.isEmpty())
        return;
    m_translator = std::make_unique<QTranslator>();
    QVERIFY(m_translator->load(QLocale(language), QStringLiteral("selectscope"),
                               QStringLiteral("_"), QStringLiteral(":/i18n")));
    QCoreApplication::installTranslator(m_translator.get());
}

std::unique_ptr<MainWindow> TstWindowFit::openMaximised(const QSize& size) {
    QScreen* screen = screenOfSize(size);
    auto window = std::make_unique<MainWindow>(firstStart());
    // Moved to that screen before it is shown, in the state it chose for a first start.
    const Qt::WindowStates chosen = window->windowState();
    window->setWindowState(Qt::WindowNoState);
    window->winId();  // creates the window handle
    window->windowHandle()->setScreen(screen);
    window->move(screen->availableGeometry().topLeft());
    window->setWindowState(chosen);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        qWarning("window not exposed");
    return window;
}

void TstWindowFit::firstLessonFitsMaximised_data() {
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QString>("language");
    for (const QSize& size : kScreens) {
        for (const QString& language : {QString(), QStringLiteral("zh_CN")}) {
            const QString name =
                QStringLiteral("%1x%2%3")
                    .arg(size.width())
                    .arg(size.height())
                    .arg(language.isEmpty() ? QString() : QLatin1Char(' ') + language);
            QTest::newRow(qPrintable(name)) << size << language;
        }
    }
}

void TstWindowFit::firstLessonFitsMaximised() {
    QFETCH(QSize, size);
    QFETCH(QString, language);
    useLanguage(language);
    const auto window = openMaximised(size);
    QVERIFY(window->isMaximized());
    QTRY_COMPARE_WITH_TIMEOUT(window->size(), size, kWaitMs);
    QVERIFY(settle(window.get()));
    QCOMPARE(whyFirstLessonDoesNotFit(window.get()), QString());
    // The panels' own scroll areas have nothing to scroll back to.
    for (const char* panel : {"serverDockScroll", "clientDockScroll"})
        QCOMPARE(child<QScrollArea>(window.get(), panel)->verticalScrollBar()->value(), 0);
}

void TstWindowFit::presentationFitsTheFirstLesson_data() {
    firstLessonFitsMaximised_data();
}

// Presentation mode (F5): large type, 150 % on a 1080p projector and 125 % on the smaller ones,
// and still every first-lesson control whole, with no panel scrolled sideways.
void TstWindowFit::presentationFitsTheFirstLesson() {
    QFETCH(QSize, size);
    QFETCH(QString, language);
    useLanguage(language);
    const auto window = openMaximised(size);
    QTRY_COMPARE_WITH_TIMEOUT(window->size(), size, kWaitMs);
    window->setPresentationMode(true);
    QCOMPARE(window->zoom()->percent(), size.height() >= 1000 ? 150 : 125);
    QVERIFY(settle(window.get()));
    QCOMPARE(whyFirstLessonDoesNotFit(window.get()), QString());
    for (const char* panel : {"serverDockScroll", "clientDockScroll"}) {
        const auto* area = child<QScrollArea>(window.get(), panel);
        QVERIFY2(area->horizontalScrollBar()->maximum() == 0, panel);
    }
    window->setPresentationMode(false);
    QCOMPARE(window->zoom()->percent(), 100);
}

void TstWindowFit::firstLessonFitsWhileServing_data() {
    QTest::addColumn<QString>("language");
    QTest::newRow("1280x720") << QString();
    QTest::newRow("1280x720 zh_CN") << QStringLiteral("zh_CN");
}

// The lesson itself: the server started, clients connected and echoed, a call selected. The
// views on the right then show more (a call's banner, how far the trace is behind), and the
// panels on the left must still show their controls whole.
void TstWindowFit::firstLessonFitsWhileServing() {
    QFETCH(QString, language);
    useLanguage(language);
    const auto window = openMaximised(QSize(1280, 720));
    QTRY_COMPARE_WITH_TIMEOUT(window->size(), QSize(1280, 720), kWaitMs);
    ss::EngineConfig echo;
    echo.listeners.push_back(*ss::parseListenSpec("127.0.0.1:0=echo", nullptr));
    echo.timeoutMs = 1000;
    QVERIFY(window->startServer(echo));
    ClientPanel* clients = window->clientPanel();
    auto* port = child<QSpinBox>(clients, "portSpin");
    QTRY_VERIFY_WITH_TIMEOUT(port->value() != 9991, kWaitMs);  // the server's free port, not 9991
    for (int i = 0; i < 3; ++i)
        clients->connectClient();
    clients->setInputText(QStringLiteral("hello"));
    QTRY_VERIFY_WITH_TIMEOUT(allConnected(clients->model()), kWaitMs);
    clients->sendInput();
    QTRY_VERIFY_WITH_TIMEOUT(clients->model()->connectionAt(2)->bytesReceived() == 5, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(window->callTraceModel()->rowCount() > 3, kWaitMs);
    window->callTraceView()->table()->selectRow(window->callTraceModel()->rowCount() - 1);
    QVERIFY(settle(window.get()));
    QCOMPARE(whyFirstLessonDoesNotFit(window.get()), QString());
    window->stopServer();
}

void TstWindowFit::resetLayoutRestoresTheFit() {
    const auto window = openMaximised(QSize(1280, 720));
    QTRY_COMPARE_WITH_TIMEOUT(window->size(), QSize(1280, 720), kWaitMs);
    QVERIFY(settle(window.get()));
    QCOMPARE(whyFirstLessonDoesNotFit(window.get()), QString());
    const QList<QRect> fitted = layoutOf(window.get());

    // Everything a class might do to the layout in a lesson.
    for (const char* name : {"serverMoreSettings", "clientMoreSettings", "loadMoreSettings"})
        child<CollapsibleSection>(window.get(), name)->setExpanded(true);
    auto* server = child<QDockWidget>(window.get(), "serverDock");
    auto* clients = child<QDockWidget>(window.get(), "clientDock");
    window->resizeDocks({server}, {200}, Qt::Vertical);
    window->resizeDocks({server}, {300}, Qt::Horizontal);
    child<QDockWidget>(window.get(), "loadDock")->raise();
    clients->setFloating(true);
    child<QDockWidget>(window.get(), "descriptorDock")->hide();
    QVERIFY(settle(window.get()));
    QVERIFY(!whyFirstLessonDoesNotFit(window.get()).isEmpty());

    window->resetLayout();
    QVERIFY(settle(window.get()));
    QCOMPARE(layoutOf(window.get()), fitted);
    QCOMPARE(whyFirstLessonDoesNotFit(window.get()), QString());
}

// A click in a panel leaves the first start's sizes following the window; a press on the
// separator between the columns (the window's own pixels) starts the user's own layout.
void TstWindowFit::separatorDragMakesTheLayoutTheUsers() {
    const auto window = openMaximised(QSize(1280, 720));
    QTRY_COMPARE_WITH_TIMEOUT(window->size(), QSize(1280, 720), kWaitMs);
    QVERIFY(settle(window.get()));
    QVERIFY(window->isDefaultLayout());
    QWidget* summary = child(window->serverPanel(), "presetSummary");
    QTest::mouseClick(summary, Qt::LeftButton, {}, summary->rect().center());
    QVERIFY(window->isDefaultLayout());
    const QRect server = child<QDockWidget>(window.get(), "serverDock")->geometry();
    const QPoint separator(server.right() + 3, server.center().y());
    QCOMPARE(window->childAt(separator), nullptr);
    QTest::mousePress(window.get(), Qt::LeftButton, {}, separator);
    QTest::mouseRelease(window.get(), Qt::LeftButton, {}, separator);
    QVERIFY(!window->isDefaultLayout());
    window->resetLayout();
    QVERIFY(window->isDefaultLayout());
}

void TstWindowFit::wheelScrollsPastUnfocusedSettings_data() {
    QTest::addColumn<QString>("dock");
    QTest::addColumn<QString>("section");
    QTest::addColumn<QString>("name");
    const QString server = QStringLiteral("serverDock");
    const QString serverMore = QStringLiteral("serverMoreSettings");
    QTest::newRow("server spin box") << server << serverMore << QStringLiteral("timeout");
    QTest::newRow("server combo box") << server << serverMore << QStringLiteral("protocol");
    QTest::newRow("server slider") << server << serverMore << QStringLiteral("slowMotion");
    QTest::newRow("client spin box")
        << QStringLiteral("clientDock") << QStringLiteral("clientMoreSettings")
        << QStringLiteral("repeatSpin");
    QTest::newRow("load spin box")
        << QStringLiteral("loadDock") << QStringLiteral("loadMoreSettings")
        << QStringLiteral("messageSize");
}

// A panel with its settings unfolded is taller than its dock, so the wheel has something to
// scroll.
void TstWindowFit::wheelScrollsPastUnfocusedSettings() {
    QFETCH(QString, dock);
    QFETCH(QString, section);
    QFETCH(QString, name);
    const auto window = openMaximised(QSize(1280, 720));
    QTRY_COMPARE_WITH_TIMEOUT(window->size(), QSize(1280, 720), kWaitMs);
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    auto* panelDock = child<QDockWidget>(window.get(), qPrintable(dock));
    panelDock->raise();
    child<CollapsibleSection>(panelDock, qPrintable(section))->setExpanded(true);
    QVERIFY(settle(window.get()));
    QWidget* setting = child(panelDock, qPrintable(name));
    QCOMPARE(setting->focusPolicy(), Qt::StrongFocus);
    if (auto* combo = qobject_cast<QComboBox*>(setting))
        combo->setCurrentIndex(combo->count() - 1);  // so that a turn up has somewhere to go
    auto* area = scrollAreaAround(setting);
    QVERIFY(area->verticalScrollBar()->maximum() > 0);
    scrollToTop(area, setting);
    const int scrolled = area->verticalScrollBar()->value();
    QVERIFY(scrolled > 0);
    const int before = valueOf(setting);

    // Unfocused: the setting keeps its value, and the panel scrolls up.
    window->setFocus();
    turnWheel(setting, 1);
    QCOMPARE(valueOf(setting), before);
    QVERIFY(!setting->hasFocus());
    QVERIFY2(area->verticalScrollBar()->value() < scrolled,
             qPrintable(QString::number(area->verticalScrollBar()->value())));

    // Focused (clicked or tabbed into): the wheel changes it, and the panel stays put.
    scrollToTop(area, setting);
    const int position = area->verticalScrollBar()->value();
    setting->setFocus();
    QTRY_VERIFY_WITH_TIMEOUT(setting->hasFocus(), kWaitMs);
    turnWheel(setting, 1);
    QVERIFY2(valueOf(setting) != before, qPrintable(QString::number(valueOf(setting))));
    QCOMPARE(area->verticalScrollBar()->value(), position);
}

int main(int argc, char* argv[]) {
    QTemporaryDir folder;
    if (!folder.isValid())
        qFatal("no temporary folder");
    qputenv("QT_QPA_PLATFORM",
            QByteArray("offscreen:configfile=") + writeScreenConfig(folder.path()).toLocal8Bit());
    QApplication app(argc, argv);
    TstWindowFit test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_window_fit.moc"
