// SPDX-License-Identifier: GPL-3.0-or-later
// The server panel's "As written" box: a checkbox that runs the chosen preset as its tutorial's
// code behaves, flaws included (--as-written), and, while it is ticked, the list of those flaws,
// each with the tutorial's line that causes it. It applies from the next start.
#pragma once

#include <QWidget>

#include <vector>

#include "core/server/presets.h"

class QCheckBox;
class QLabel;

class AsWrittenBox : public QWidget {
    Q_OBJECT

public:
    explicit AsWrittenBox(QWidget* parent = nullptr);

    // The preset the panel shows; null for none. Only a preset with flaws can be ticked.
    void setPreset(const ss::Preset* preset);
    // The box is greyed out while the server runs.
    void setRunning(bool running);
    void setOn(bool on);
    bool isOn() const;
    // Gives every listener the preset's AsWritten while the box is on.
    void apply(std::vector<ss::ListenerSpec>& listeners) const;

private:
    void showFlaws();

    QCheckBox* m_check = nullptr;
    QLabel* m_flaws = nullptr;
    const ss::Preset* m_preset = nullptr;
    bool m_running = false;
};
