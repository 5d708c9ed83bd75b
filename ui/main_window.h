// SPDX-License-Identifier: GPL-3.0-or-later
#ifndef SELECTSCOPE_UI_MAIN_WINDOW_H
#define SELECTSCOPE_UI_MAIN_WINDOW_H

#include <QMainWindow>

class QCloseEvent;
class QLabel;

// The application's top-level window. It owns the panels that show the server, its descriptors
// and its select() calls, and remembers its size, position and layout between runs.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void applyProjectorFont();
    void createCentralWidget();
    void createStatusBar();
    void readSettings();
    void resizeForFirstRun();
    void writeSettings() const;

    QLabel* m_placeholder = nullptr;
};

#endif  // SELECTSCOPE_UI_MAIN_WINDOW_H
