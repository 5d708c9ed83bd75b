// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/panels/collapsible_section.h"

#include <QToolButton>
#include <QVBoxLayout>

CollapsibleSection::CollapsibleSection(const QString& title, QWidget* parent)
    : QWidget(parent), m_toggle(new QToolButton(this)) {
    m_toggle->setText(title);
    m_toggle->setCheckable(true);
    m_toggle->setAutoRaise(true);
    m_toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toggle->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_toggle, 0, Qt::AlignLeft);
    connect(m_toggle, &QToolButton::toggled, this, &CollapsibleSection::showExpanded);
    showExpanded(false);
}

void CollapsibleSection::setContent(QWidget* content) {
    delete m_content;
    m_content = content;
    layout()->addWidget(content);
    content->setVisible(isExpanded());
}

bool CollapsibleSection::isExpanded() const {
    return m_toggle->isChecked();
}

void CollapsibleSection::setExpanded(bool expanded) {
    m_toggle->setChecked(expanded);
}

void CollapsibleSection::showExpanded(bool expanded) {
    m_toggle->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    if (m_content != nullptr)
        m_content->setVisible(expanded);
    emit expandedChanged(expanded);
}
