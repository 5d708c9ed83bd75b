// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/panels/replay_bar.h"

#include <QComboBox>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QRegularExpression>
#include <QSlider>
#include <QToolButton>

#include <cmath>

#include "ui/recording_source.h"

namespace {
constexpr double kSpeeds[] = {0.25, 0.5, 1.0, 2.0, 4.0};
constexpr int kNormalSpeed = 2;  // 1x
}  // namespace

ReplayBar::ReplayBar(RecordingSource* source, QWidget* parent)
    : QToolBar(tr("Replay"), parent), m_source(source) {
    setObjectName(QStringLiteral("replayBar"));
    setMovable(false);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_back = addButton(tr("◀ Back"), tr("Step back one call"), "replayBack");
    m_play = addButton(tr("▶ Play"), tr("Play at the chosen speed"), "replayPlay");
    m_forward = addButton(tr("Step ▶"), tr("Step forward one call"), "replayForward");
    createSpeeds();
    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setObjectName(QStringLiteral("replaySlider"));
    m_slider->setMinimumWidth(160);
    m_slider->setToolTip(tr("Drag to any call of the recording"));
    addWidget(m_slider);
    m_position = new QLabel(this);
    m_position->setObjectName(QStringLiteral("replayPosition"));
    addWidget(m_position);
    m_jump = new QLineEdit(this);
    m_jump->setObjectName(QStringLiteral("replayJump"));
    m_jump->setPlaceholderText(tr("Call # or 2.5s"));
    m_jump->setToolTip(tr("Jump to a call number (e.g. 120) or to a time (e.g. 2.5s), then Enter"));
    m_jump->setMaximumWidth(m_jump->fontMetrics().horizontalAdvance(m_jump->placeholderText()) * 3 /
                            2);
    addWidget(m_jump);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("replayProgress"));
    m_progress->setRange(0, 100);
    m_progress->setFormat(tr("Indexing %p%"));
    m_progress->setMaximumWidth(m_progress->fontMetrics().horizontalAdvance(m_progress->format()) *
                                2);
    addWidget(m_progress)->setVisible(false);

    m_seekTimer.setSingleShot(true);
    m_seekTimer.setInterval(0);
    connect(&m_seekTimer, &QTimer::timeout, this, [this] {
        if (m_pendingSeek >= 0)
            m_source->seek(size_t(m_pendingSeek));
        m_pendingSeek = -1;
    });
    connect(m_back, &QToolButton::clicked, m_source, &RecordingSource::stepBack);
    connect(m_forward, &QToolButton::clicked, m_source, &RecordingSource::stepForward);
    connect(m_play, &QToolButton::clicked, this,
            [this] { m_source->isPlaying() ? m_source->pause() : m_source->resume(); });
    connect(m_slider, &QSlider::valueChanged, this, &ReplayBar::onSlider);
    connect(m_jump, &QLineEdit::returnPressed, this, &ReplayBar::jump);
    connect(m_source, &RecordingSource::positionChanged, this, &ReplayBar::onPosition);
    connect(m_source, &RecordingSource::indexProgress, this, &ReplayBar::onIndexProgress);
    connect(m_source, &RecordingSource::indexFinished, this, &ReplayBar::onIndexProgress);
    connect(m_source, &RecordingSource::playingChanged, this, &ReplayBar::onPlaying);
}

QToolButton* ReplayBar::addButton(const QString& text, const QString& tip, const char* name) {
    auto* button = new QToolButton(this);
    button->setObjectName(QLatin1String(name));
    button->setText(text);
    button->setToolTip(tip);
    addWidget(button);
    return button;
}

void ReplayBar::createSpeeds() {
    m_speed = new QComboBox(this);
    m_speed->setObjectName(QStringLiteral("replaySpeed"));
    m_speed->setToolTip(tr("Play speed, against the recorded one"));
    for (double speed : kSpeeds)
        m_speed->addItem(QStringLiteral("%1×").arg(speed), speed);
    m_speed->setCurrentIndex(kNormalSpeed);
    connect(m_speed, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_source->setSpeed(m_speed->itemData(index).toDouble()); });
    addWidget(m_speed);
}

void ReplayBar::onIndexProgress() {
    m_updating = true;
    m_slider->setRange(0, int(m_source->callCount()));
    m_updating = false;
    m_progress->setValue(int(std::lround(m_source->indexedFraction() * 100)));
    for (QAction* action : actions())
        if (widgetForAction(action) == m_progress)
            action->setVisible(m_source->indexing());
    onPosition();
}

void ReplayBar::onPosition() {
    const size_t position = m_source->position();
    m_updating = true;
    if (m_pendingSeek < 0)
        m_slider->setValue(int(position));
    m_updating = false;
    const QLocale locale;
    const QString time = position > 0 ? tr(" · %1 s").arg(locale.toString(
                                            double(m_source->callTimeNsAt(position)) / 1e9, 'f', 3))
                                      : QString();
    m_position->setText(tr("Call %1 of %2%3")
                            .arg(locale.toString(qulonglong(position)),
                                 locale.toString(qulonglong(m_source->callCount())), time));
    m_back->setEnabled(position > 0);
    m_forward->setEnabled(position < m_source->callCount());
}

void ReplayBar::onPlaying(bool playing) {
    m_play->setText(playing ? tr("⏸ Pause") : tr("▶ Play"));
}

void ReplayBar::onSlider(int value) {
    if (m_updating)
        return;
    m_pendingSeek = value;
    m_seekTimer.start();
}

// "120" is a call number as the call list shows it; "2.5s" or "2.5 s" is a time.
void ReplayBar::jump() {
    const QString text = m_jump->text().trimmed();
    static const QRegularExpression timePattern(QStringLiteral("^([0-9]+(?:[.,][0-9]+)?)\\s*s$"));
    const QRegularExpressionMatch time = timePattern.match(text);
    bool ok = false;
    if (time.hasMatch()) {
        const double seconds =
            QString(time.captured(1)).replace(QLatin1Char(','), QLatin1Char('.')).toDouble(&ok);
        ok = ok && m_source->jumpToTimeNs(int64_t(std::llround(seconds * 1e9)));
    } else {
        const qulonglong number = text.toULongLong(&ok);
        ok = ok && m_source->jumpToCallNumber(number);
    }
    if (!ok)
        emit statusMessage(tr("No call %1 in this recording").arg(text));
}
