// SPDX-License-Identifier: GPL-3.0-or-later
// The scrubber of an open recording, a tool bar along the window's bottom edge: step back, play
// or pause, step forward, the speed (0.25x to 4x the recorded one), a slider over every call,
// where the scrubber is, a field to jump to a call number or a time, and the index's progress
// while a large file is still being read. It drives a RecordingSource and follows it.
#pragma once

#include <QTimer>
#include <QToolBar>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QSlider;
class QToolButton;
class RecordingSource;

class ReplayBar : public QToolBar {
    Q_OBJECT

public:
    ReplayBar(RecordingSource* source, QWidget* parent = nullptr);

    QSlider* slider() const { return m_slider; }
    QLineEdit* jumpField() const { return m_jump; }
    QLabel* positionLabel() const { return m_position; }
    QProgressBar* progressBar() const { return m_progress; }

signals:
    void statusMessage(const QString& message);

private:
    QToolButton* addButton(const QString& text, const QString& tip, const char* name);
    void createSpeeds();
    void onPosition();
    void onIndexProgress();
    void onPlaying(bool playing);
    void onSlider(int value);
    void jump();

    RecordingSource* m_source;
    QToolButton* m_back = nullptr;
    QToolButton* m_play = nullptr;
    QToolButton* m_forward = nullptr;
    QComboBox* m_speed = nullptr;
    QSlider* m_slider = nullptr;
    QLabel* m_position = nullptr;
    QLineEdit* m_jump = nullptr;
    QProgressBar* m_progress = nullptr;
    QTimer m_seekTimer;  // a dragged slider seeks to where it is now, not to every value it passed
    int m_pendingSeek = -1;
    bool m_updating = false;
};
