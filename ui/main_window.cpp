// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/main_window.h"

#include <QCloseEvent>
#include <QFont>
#include <QIcon>
#include <QLabel>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>

#include <algorithm>

// The resources live in this static library; referencing their initialiser here keeps the linker
// from dropping them. Q_INIT_RESOURCE must be used outside any namespace.
static void initResources() {
    Q_INIT_RESOURCE(resources);
}

namespace {
// The window is often shown on a projector at the back of a classroom, so text starts large.
constexpr qreal kMinimumPointSize = 14.0;
constexpr qreal kFontScale = 1.4;
constexpr char kGeometryKey[] = "mainWindow/geometry";
constexpr char kStateKey[] = "mainWindow/state";
}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    initResources();
    setWindowTitle(tr("SelectScope"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/selectscope.svg")));
    applyProjectorFont();
    createCentralWidget();
    createStatusBar();
    readSettings();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    writeSettings();
    event->accept();
}

void MainWindow::applyProjectorFont() {
    QFont projectorFont = font();
    const qreal base = projectorFont.pointSizeF() > 0 ? projectorFont.pointSizeF() : 10.0;
    projectorFont.setPointSizeF(std::max(base * kFontScale, kMinimumPointSize));
    setFont(projectorFont);
}

void MainWindow::createCentralWidget() {
    m_placeholder = new QLabel(
        tr("The server panels arrive here: descriptors, select() calls and the traffic they "
           "serve."),
        this);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setMargin(24);
    setCentralWidget(m_placeholder);
}

void MainWindow::createStatusBar() {
    statusBar()->showMessage(tr("Ready"));
}

void MainWindow::readSettings() {
    QSettings settings;
    const QByteArray geometry = settings.value(kGeometryKey).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        resizeForFirstRun();
    }
    restoreState(settings.value(kStateKey).toByteArray());
}

void MainWindow::resizeForFirstRun() {
    const QScreen* current = screen();
    if (current == nullptr) {
        resize(1280, 800);
        return;
    }
    // Take two thirds of the screen, centred.
    const QRect available = current->availableGeometry();
    resize(available.width() * 2 / 3, available.height() * 2 / 3);
    move(available.center() - rect().center());
}

void MainWindow::writeSettings() const {
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
}
