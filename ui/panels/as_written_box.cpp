// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/panels/as_written_box.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QLabel>
#include <QStringList>
#include <QVBoxLayout>

#include "ui/to_qstring.h"

AsWrittenBox::AsWrittenBox(QWidget* parent) : QWidget(parent) {
    m_check = new QCheckBox(tr("As written, with the tutorial's mistakes"), this);
    m_check->setObjectName(QStringLiteral("asWritten"));
    m_check->setToolTip(
        tr("From the next start, the server behaves exactly as the tutorial's "
           "code does, flaws included; the list below says what changes."));
    m_flaws = new QLabel(this);
    m_flaws->setObjectName(QStringLiteral("asWrittenFlaws"));
    m_flaws->setToolTip(
        tr("What the tutorial's code does differently, and the line that causes it."));
    m_flaws->setWordWrap(true);
    m_flaws->setTextFormat(Qt::RichText);
    m_flaws->hide();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_check);
    layout->addWidget(m_flaws);
    connect(m_check, &QCheckBox::toggled, this, &AsWrittenBox::showFlaws);
}

void AsWrittenBox::setPreset(const ss::Preset* preset) {
    m_preset = preset;
    setRunning(m_running);
    showFlaws();
}

void AsWrittenBox::setRunning(bool running) {
    m_running = running;
    m_check->setEnabled(!running && m_preset && m_preset->asWritten.on);
}

void AsWrittenBox::setOn(bool on) {
    m_check->setChecked(on);
}

bool AsWrittenBox::isOn() const {
    return m_check->isChecked() && m_preset && m_preset->asWritten.on;
}

void AsWrittenBox::apply(std::vector<ss::ListenerSpec>& listeners) const {
    if (!isOn())
        return;
    for (ss::ListenerSpec& listener : listeners)
        listener.asWritten = m_preset->asWritten;
}

// One line per flaw: what happens, then the tutorial's line in code type.
void AsWrittenBox::showFlaws() {
    if (!isOn()) {
        m_flaws->hide();
        return;
    }
    QStringList items;
    for (const ss::PresetFlaw& flaw : m_preset->flaws)
        items << QStringLiteral("<li>%1<br><code>%2</code></li>")
                     .arg(QCoreApplication::translate("PresetText", flaw.what.c_str())
                              .toHtmlEscaped(),
                          toQString(flaw.line).toHtmlEscaped());
    m_flaws->setText(QStringLiteral("<ul style=\"margin-left: 0px; -qt-list-indent: 1;\">%1</ul>")
                         .arg(items.join(QString())));
    m_flaws->show();
}
