// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/fdset_view.h"

#include <QContextMenuEvent>
#include <QDir>
#include <QFileDialog>
#include <QFontMetrics>
#include <QHelpEvent>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QToolTip>

#include <algorithm>

#include "core/poller/poller.h"
#include "ui/models/trace_format.h"
#include "ui/models/why_text.h"
#include "ui/trace_source.h"
#include "ui/views/set_colours.h"

// The picture is painted with QPainter on a plain QWidget, not built from QCustomPlot items or
// child widgets: it is a diagram of up to 3 x 2 x FD_SETSIZE cells plus lists, redrawn up to ten
// times a second while live. One layout pass that can run with or without a painter gives the
// widget's height for a width and the painting from the same code, and a plot library would add
// axes and items where a blackboard drawing of bits is wanted.
struct FdSetCanvas {
    QPainter* p;  // null while measuring
    QFont font;
    QFont bold;
    int width;
    int margin;
    int line;  // the font's line height: every size derives from it
    int y;
    std::vector<std::pair<QRect, QString>>* hits;
};

namespace {

const QColor kInk(0x20, 0x20, 0x20);
const QColor kGrid(0xb0, 0xb0, 0xb0);
const QColor kUnscanned(0xe4, 0xe4, 0xe4);
const QColor kLimit(0xd0, 0x00, 0x00);

QColor setColour(uint8_t bits) {
    if (bits & ss::kRead)
        return set_colours::read();
    if (bits & ss::kWrite)
        return set_colours::write();
    return set_colours::except();
}

// A ready descriptor's colour: its first set's; a hang-up or error alone reaches the loop as a
// read (core/poller/poller.h, PollEvent), so it takes the read colour.
QColor readyColour(uint8_t bits) {
    return setColour(bits & (ss::kWrite | ss::kExcept) ? bits : uint8_t(ss::kRead));
}

// The set's colour on white, light enough for black text to stay readable on a projector.
QColor pale(const QColor& colour) {
    return QColor((colour.red() + 3 * 255) / 4, (colour.green() + 3 * 255) / 4,
                  (colour.blue() + 3 * 255) / 4);
}

const char* setName(uint8_t set) {
    return set == ss::kWrite ? "writefds" : set == ss::kExcept ? "exceptfds" : "readfds";
}

// Writes `text` wrapped to the canvas's width and moves below it.
void paragraph(FdSetCanvas& c, const QString& text, const QFont& font, const QColor& colour = kInk,
               int indent = 0) {
    const QRect room(c.margin + indent, c.y, c.width - 2 * c.margin - indent, 100000);
    const int flags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;
    const QRect used = QFontMetrics(font).boundingRect(room, flags, text);
    if (c.p) {
        c.p->setFont(font);
        c.p->setPen(colour);
        c.p->drawText(room, flags, text);
    }
    c.y += used.height() + c.line / 4;
}

void gap(FdSetCanvas& c, double lines = 0.5) {
    c.y += int(c.line * lines);
}

// A bit of select()'s set: its state in words, for the tooltip.
QString cellState(uint8_t flags, bool returnedPicture, bool scanned) {
    if (!scanned)
        return FdSetView::tr("beyond nfds: the kernel does not look at it");
    if (!(flags & FdSetPicture::Passed))
        return FdSetView::tr("not in the set");
    if (!returnedPicture)
        return FdSetView::tr("passed in the set");
    return (flags & FdSetPicture::Returned) ? FdSetView::tr("passed and returned ready")
                                            : FdSetView::tr("passed, cleared by the kernel");
}

// A cleared bit is hatched and struck through: set on the way in, zeroed by the kernel. In a
// bitmap of small squares hatching reads as filled, so there it stays a white square with one
// thin stroke, and the few bits that came back stand out solid.
void drawCleared(QPainter& p, const QRect& r, const QColor& colour, bool small) {
    if (small) {
        p.setPen(QPen(pale(colour), 1));
        p.drawLine(r.bottomLeft(), r.topRight());
        return;
    }
    QColor hatch = colour;
    hatch.setAlpha(140);
    p.fillRect(r.adjusted(2, 2, -2, -2), QBrush(hatch, Qt::BDiagPattern));
    p.setPen(QPen(colour.darker(130), std::max(2, r.height() / 12)));
    p.drawLine(r.bottomLeft() + QPoint(2, -2), r.topRight() + QPoint(-2, 2));
}

// The number in the cell; over hatching on a white patch, so that it stays readable.
void drawNumber(QPainter& p, const QRect& r, const QString& number, bool onSolid, bool patch) {
    if (patch) {
        const QRect text = p.fontMetrics().boundingRect(r, Qt::AlignCenter, number);
        p.fillRect(text.adjusted(-1, 0, 1, 0), Qt::white);
    }
    p.setPen(onSolid ? Qt::white : kInk);
    p.drawText(r, Qt::AlignCenter, number);
}

// One bit of a set. An empty `number` draws the small square of the bitmap.
void drawCell(FdSetCanvas& c, const QRect& r, uint8_t flags, const QColor& colour,
              bool returnedPicture, bool scanned, const QString& number) {
    QPainter& p = *c.p;
    const bool small = number.isEmpty() && r.height() < c.line;
    const bool passed = flags & FdSetPicture::Passed;
    const bool returned = flags & FdSetPicture::Returned;
    const bool cleared = returnedPicture && passed && !returned;
    QColor fill = Qt::white;
    if (!scanned)
        fill = kUnscanned;
    else if (passed && !cleared)
        fill = returnedPicture ? colour : pale(colour);
    const QColor border = !passed ? kGrid : small && cleared ? pale(colour) : colour;
    p.setPen(QPen(border, passed && !small ? 2 : 1));
    p.setBrush(fill);
    p.drawRect(r.adjusted(1, 1, -1, -1));
    if (cleared)
        drawCleared(p, r, colour, small);
    if (!number.isEmpty())
        drawNumber(p, r, number, returnedPicture && returned, cleared);
}

}  // namespace

FdSetView::FdSetView(QWidget* parent) : QWidget(parent) {
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_liveTimer.setSingleShot(true);
    m_liveTimer.setInterval(1000 / kLiveHz);
    connect(&m_liveTimer, &QTimer::timeout, this, &FdSetView::applyLatest);
    relayout();
}

void FdSetView::setSource(TraceSource* source) {
    connect(source, &TraceSource::batchReady, this, &FdSetView::onBatch);
    connect(source, &TraceSource::descriptorsUpdated, this, &FdSetView::onDescriptors);
    connect(source, &TraceSource::started, this, &FdSetView::clear);
    onDescriptors(source->lastDescriptors());
}

void FdSetView::onBatch(const TraceBatch& batch) {
    // The newest wait call: an accept, recv or send of a server that does not multiplex passes
    // no sets.
    const auto wait = std::find_if(batch.calls.rbegin(), batch.calls.rend(),
                                   [](const auto& c) { return c.kind == ss::CallKind::Wait; });
    if (wait == batch.calls.rend())
        return;
    m_latest = *wait;
    // At most kLiveHz repaints a second however fast the calls come: the timer runs once per
    // interval and then shows the newest call it finds.
    if (m_live && !m_liveTimer.isActive())
        m_liveTimer.start();
}

void FdSetView::onDescriptors(const std::vector<ss::DescriptorInfo>& rows) {
    for (const ss::DescriptorInfo& d : rows)
        m_roles.insert(d.fd, d.role);
}

void FdSetView::applyLatest() {
    if (m_live && m_latest)
        setPicture(*m_latest);
}

void FdSetView::showCall(const ss::CallRecord& call) {
    m_live = false;
    m_liveTimer.stop();
    if (call.kind == ss::CallKind::Wait) {
        m_socketCall.clear();
        setPicture(call);
        return;
    }
    m_socketCall = trace_format::callName(call);
    m_picture.reset();
    relayout();
}

void FdSetView::showLive() {
    m_live = true;
    m_socketCall.clear();
    applyLatest();
}

void FdSetView::clear() {
    m_picture.reset();
    m_latest.reset();
    m_roles.clear();
    m_liveTimer.stop();
    relayout();
}

void FdSetView::setPicture(const ss::CallRecord& call) {
    m_picture.emplace(call);
    relayout();
}

void FdSetView::relayout() {
    setMinimumHeight(heightForWidth(std::max(width(), 200)));
    updateGeometry();
    update();
}

// The role comes from the source's descriptors; without them a sampled accept queue still tells
// a listener. A line names the role when it is known, so that "2 connections waiting" is read
// against the listener it belongs to.
QStringList FdSetView::whyLines() const {
    QStringList lines;
    if (!m_picture)
        return lines;
    for (const FdSetPicture::Entry& e : m_picture->readyFds()) {
        const ss::ReadyFacts* facts = m_picture->facts(e.fd);
        std::optional<ss::Role> role;
        if (const auto known = m_roles.constFind(e.fd); known != m_roles.cend())
            role = *known;
        else if (facts && facts->acceptQueue >= 0)
            role = ss::Role::Listener;
        const QString why = WhyText::describe(facts, e.out, role);
        lines << (role ? tr("fd %1 (%2): %3").arg(e.fd).arg(trace_format::role(*role), why)
                       : tr("fd %1: %2").arg(e.fd).arg(why));
    }
    return lines;
}

bool FdSetView::savePng(const QString& path) {
    if (width() <= 0 || height() <= 0 || !isVisible())
        resize(std::max(width(), sizeHint().width()), heightForWidth(std::max(width(), 200)));
    return grab().save(path, "PNG");
}

QSize FdSetView::sizeHint() const {
    const int w = fontMetrics().horizontalAdvance(QLatin1Char('0')) * 80;
    return {w, heightForWidth(w)};
}

int FdSetView::heightForWidth(int width) const {
    return layout(nullptr, width);
}

void FdSetView::paintEvent(QPaintEvent* /*event*/) {
    QPainter painter(this);
    painter.fillRect(rect(), Qt::white);  // a whiteboard: the same on a dark desktop theme
    painter.setRenderHint(QPainter::Antialiasing, false);
    m_hits.clear();
    layout(&painter, width());
}

void FdSetView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    // The window zooms through the application font: every size here derives from it.
    if (event->type() == QEvent::FontChange)
        relayout();
}

void FdSetView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    const int needed = heightForWidth(width());
    if (needed != minimumHeight())
        setMinimumHeight(needed);
}

bool FdSetView::event(QEvent* event) {
    if (event->type() != QEvent::ToolTip)
        return QWidget::event(event);
    const auto* help = static_cast<QHelpEvent*>(event);
    for (const auto& [rect, text] : m_hits) {
        if (rect.contains(help->pos())) {
            QToolTip::showText(help->globalPos(), text, this, rect);
            return true;
        }
    }
    QToolTip::hideText();
    event->ignore();
    return true;
}

void FdSetView::contextMenuEvent(QContextMenuEvent* event) {
    QMenu menu(this);
    menu.addAction(tr("Save as PNG…"), this, &FdSetView::saveWithDialog);
    menu.exec(event->globalPos());
}

// Qt's own dialog, as the window's "Save window as PNG": the same everywhere, and it zooms.
void FdSetView::saveWithDialog() {
    const QString name = m_picture
                             ? QStringLiteral("fdset-call-%1.png").arg(m_picture->call().number)
                             : QStringLiteral("fdset.png");
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save the fd_set picture"), QDir::home().filePath(name), tr("PNG images (*.png)"),
        nullptr, QFileDialog::DontUseNativeDialog);
    if (path.isEmpty())
        return;
    emit statusMessage(savePng(path) ? tr("fd_set picture saved to %1").arg(path)
                                     : tr("Could not save the fd_set picture to %1").arg(path));
}

int FdSetView::layout(QPainter* painter, int width) const {
    FdSetCanvas c{painter, font(),
                  font(),  width,
                  0,       QFontMetrics(font()).height(),
                  0,       painter ? &m_hits : nullptr};
    c.bold.setBold(true);
    c.margin = c.line / 2;
    c.y = c.margin;
    if (!m_picture) {
        paragraph(
            c,
            m_socketCall.isEmpty()
                ? tr("No wait call yet: start the server, or select a call in the call trace.")
                : tr("%1 is not a wait call: it passes no sets, and the thread waits in "
                     "it for this one socket.")
                      .arg(m_socketCall),
            c.font);
        return c.y + c.margin;
    }
    drawHeader(c);
    switch (m_picture->shape()) {
        case FdSetPicture::Shape::Bits:
            drawSelect(c);
            break;
        case FdSetPicture::Shape::PollArray:
            drawPollArray(c);
            break;
        case FdSetPicture::Shape::KernelList:
            drawKernelLists(c);
            break;
    }
    drawWhy(c);
    return c.y + c.margin;
}

void FdSetView::drawHeader(Canvas& c) const {
    const ss::CallRecord& call = m_picture->call();
    const QString result = call.ret < 0
                               ? tr("failed with %1").arg(trace_format::errorName(call.err))
                               : tr("returned %1").arg(call.ret);
    const QString timeout = call.timeoutMs < 0 ? tr("no timeout: blocks until ready")
                                               : tr("timeout %1 ms").arg(call.timeoutMs);
    QString text = tr("%1() call #%2: %3, %4")
                       .arg(FdSetPicture::callName(call.backend))
                       .arg(call.number)
                       .arg(timeout, result);
    if (m_picture->shape() == FdSetPicture::Shape::Bits)
        text += tr(", nfds = %1").arg(m_picture->nfds());
    if (!m_live)
        text += tr(" (held; Live follows the newest call)");
    paragraph(c, text, c.bold);
    gap(c, 0.25);
}

void FdSetView::drawSelect(Canvas& c) const {
    drawBitPicture(c, false);
    gap(c);
    drawBitPicture(c, true);
    QFont caption = c.bold;
    caption.setPointSizeF(caption.pointSizeF() * 1.15);
    paragraph(c, tr("select() overwrites your sets: rebuild them before every call."), caption,
              set_colours::except().darker(130));
    drawLegend(c);
    const FdSetPicture& picture = *m_picture;
    if (picture.nearLimit())
        paragraph(c,
                  tr("FD_SETSIZE = %1: select() cannot watch descriptor %1 or above (the red "
                     "line). nfds = %2: the kernel scans bits 0 to %3.")
                      .arg(FdSetPicture::setSize())
                      .arg(picture.nfds())
                      .arg(picture.nfds() - 1),
                  c.font, kLimit);
    gap(c);
}

void FdSetView::drawBitPicture(Canvas& c, bool returned) const {
    paragraph(c, returned ? tr("The kernel returned") : tr("You passed"), c.bold);
    for (const FdSetPicture::BitRow& row : m_picture->rows())
        drawBitRow(c, row, returned);
}

// One set as a row of cells, wrapped to the width. Large numbered cells while the row fits in
// a few lines; beyond that (hundreds of descriptors) small squares, a bitmap of the set, with the
// first descriptor of each line in the margin and a tooltip per bit.
void FdSetView::drawBitRow(Canvas& c, const FdSetPicture::BitRow& row, bool returned) const {
    const QFontMetrics fm(c.font);
    const int labelWidth = fm.horizontalAdvance(QStringLiteral("exceptfds")) + c.line;
    const int room = std::max(c.line, c.width - 2 * c.margin - labelWidth);
    const int count = m_picture->cellCount();
    int side = std::max(c.line * 3 / 2, fm.horizontalAdvance(QStringLiteral("1023")) + c.line / 2);
    int perLine = std::max(1, room / side);
    const bool compact = (count + perLine - 1) / perLine > 3;
    if (compact) {
        side = std::max(5, c.line / 2);
        perLine = std::max(8, room / side / 8 * 8);
    }
    const int x0 = c.margin + labelWidth;
    const QString name = QString::fromLatin1(setName(row.set));
    // The name stands level with the first line of cells, or with the NULL box, or on a line of
    // its own above a bitmap.
    const bool ownLine = row.null || count == 0 || compact;
    if (c.p) {
        c.p->setFont(c.font);
        c.p->setPen(kInk);
        c.p->drawText(QRect(c.margin, c.y, labelWidth, ownLine ? c.line : side),
                      Qt::AlignLeft | Qt::AlignVCenter, name);
    }
    if (row.null || count == 0) {
        if (c.p) {
            c.p->setPen(QPen(kInk, 1, Qt::DashLine));
            c.p->setBrush(Qt::NoBrush);
            const QRect box(x0, c.y, fm.horizontalAdvance(QStringLiteral("NULL")) + c.line, c.line);
            c.p->drawRect(box);
            c.p->drawText(box, Qt::AlignCenter, QStringLiteral("NULL"));
        }
        c.y += c.line + c.line / 4;
        return;
    }
    if (compact)
        c.y += c.line;  // the set's name stands on its own line above the bitmap
    const int numberEvery = compact ? (c.line + side - 1) / side : 1;
    QFont small = c.font;
    small.setPointSizeF(std::max(6.0, c.font.pointSizeF() * 0.75));
    for (int fd = 0; fd < count; ++fd) {
        const int lineIndex = fd / perLine;
        const QRect r(x0 + (fd % perLine) * side, c.y + lineIndex * side, side, side);
        const bool scanned = fd < m_picture->nfds();
        const uint8_t flags = row.cells[size_t(fd)];
        if (c.p) {
            if (compact && fd % perLine == 0 && lineIndex % numberEvery == 0) {
                c.p->setFont(small);
                c.p->setPen(kInk);
                c.p->drawText(QRect(c.margin, r.top(), labelWidth - c.line / 4, c.line),
                              Qt::AlignRight | Qt::AlignTop, QString::number(fd));
                c.p->setFont(c.font);
            }
            drawCell(c, r, flags, setColour(row.set), returned, scanned,
                     compact ? QString() : QString::number(fd));
            if (fd == FdSetPicture::setSize() - 1) {
                c.p->setPen(QPen(kLimit, std::max(3, side / 4)));
                c.p->drawLine(r.topRight(), r.bottomRight());
            }
        }
        if (c.hits)
            c.hits->emplace_back(
                r, tr("%1, fd %2: %3").arg(name).arg(fd).arg(cellState(flags, returned, scanned)));
    }
    c.y += ((count + perLine - 1) / perLine) * side + c.line / 4;
}

void FdSetView::drawLegend(Canvas& c) const {
    struct Item {
        uint8_t flags;
        bool returned;
        QString text;
    };
    const Item items[] = {
        {FdSetPicture::Passed, false, tr("passed")},
        {FdSetPicture::Passed | FdSetPicture::Returned, true, tr("returned ready")},
        {FdSetPicture::Passed, true, tr("cleared by the kernel")},
        {0, false, tr("not in the set")},
    };
    const QFontMetrics fm(c.font);
    int x = c.margin;
    const int side = c.line;
    for (const Item& item : items) {
        const int w = side + c.line / 3 + fm.horizontalAdvance(item.text) + c.line;
        if (x + w > c.width - c.margin && x > c.margin) {
            x = c.margin;
            c.y += side + c.line / 4;
        }
        if (c.p) {
            drawCell(c, QRect(x, c.y, side, side), item.flags, set_colours::read(), item.returned,
                     true, QString());
            c.p->setPen(kInk);
            c.p->setFont(c.font);
            c.p->drawText(QRect(x + side + c.line / 3, c.y, w, side), Qt::AlignVCenter, item.text);
        }
        x += w;
    }
    c.y += side + c.line / 4;
    paragraph(c, tr("NULL: the set was empty, so the server passed a null pointer."), c.font);
}

void FdSetView::drawPollArray(Canvas& c) const {
    const bool wsa = m_picture->backend() == ss::BackendKind::WsaPoll;
    const int count = int(m_picture->entries().size());
    paragraph(c,
              wsa ? tr("The WSAPOLLFD array: %n entry(s), passed whole on every call; the "
                       "kernel fills in revents.",
                       nullptr, count)
                  : tr("The pollfd array: %n entry(s), passed whole on every call; the kernel "
                       "fills in revents.",
                       nullptr, count),
              c.bold);
    drawEntryTable(c, m_picture->entries(),
                   {tr("fd"), QStringLiteral("events"), QStringLiteral("revents")}, true, true);
    gap(c);
}

void FdSetView::drawKernelLists(Canvas& c) const {
    const bool kq = m_picture->backend() == ss::BackendKind::Kqueue;
    drawChanges(c);
    const int watched = int(m_picture->entries().size());
    paragraph(c,
              kq ? tr("The filters registered with the kqueue: %n descriptor(s), kept by the "
                      "kernel between calls.",
                      nullptr, watched)
                 : tr("The interest list: %n descriptor(s), kept by the kernel between calls; "
                      "only epoll_ctl changes it.",
                      nullptr, watched),
              c.bold);
    drawEntryTable(c, m_picture->entries(), {tr("fd"), kq ? tr("filters") : tr("events")}, true,
                   false);
    gap(c);
    const int events = int(m_picture->readyList().size());
    paragraph(c,
              kq ? tr("The eventlist this call returned: %n event(s).", nullptr, events)
                 : tr("The ready list this call returned: %n event(s), at most maxevents; the "
                      "descriptors that are not ready cost nothing.",
                      nullptr, events),
              c.bold);
    drawEntryTable(c, m_picture->readyList(), {tr("fd"), kq ? tr("filters") : tr("events")}, false,
                   true);
    gap(c);
}

void FdSetView::drawChanges(Canvas& c) const {
    const bool kq = m_picture->backend() == ss::BackendKind::Kqueue;
    const std::vector<ss::InterestChange>& changes = m_picture->call().changes;
    paragraph(c,
              kq ? tr("The changelist since the previous wait:")
                 : tr("epoll_ctl calls since the previous wait:"),
              c.bold);
    if (changes.empty())
        paragraph(c, tr("none: the interest list did not change."), c.font, kInk, c.line);
    const size_t shown = std::min(changes.size(), kMaxListRows);
    for (size_t i = 0; i < shown; ++i)
        paragraph(c, FdSetPicture::changeText(m_picture->backend(), changes[i]), c.font, kInk,
                  c.line);
    if (changes.size() > shown)
        paragraph(c, tr("… %n more not shown", nullptr, int(changes.size() - shown)), c.font, kInk,
                  c.line);
    gap(c, 0.25);
}

// A table of descriptors with their bits in the backend's names. Rows that came back ready are
// tinted in their set's colour; a long list keeps the ready rows and says what it leaves out.
void FdSetView::drawEntryTable(Canvas& c, const std::vector<FdSetPicture::Entry>& entries,
                               const QStringList& titles, bool showIn, bool showOut) const {
    const QFontMetrics fm(c.font);
    const int rowHeight = c.line * 5 / 4;
    const int fdWidth = fm.horizontalAdvance(QStringLiteral("0000000"));
    const int columns = int(showIn) + int(showOut);
    const int rest = std::max(c.line, (c.width - 2 * c.margin - c.line - fdWidth) / columns);
    const int x0 = c.margin + c.line;
    auto cellText = [&](int x, int w, const QString& text, const QFont& font) {
        c.p->setFont(font);
        c.p->drawText(QRect(x + c.line / 4, c.y, w - c.line / 2, rowHeight), Qt::AlignVCenter,
                      QFontMetrics(font).elidedText(text, Qt::ElideRight, w - c.line / 2));
    };
    if (c.p) {
        c.p->setPen(kInk);
        for (int i = 0; i < titles.size(); ++i)
            cellText(i == 0 ? x0 : x0 + fdWidth + (i - 1) * rest, i == 0 ? fdWidth : rest,
                     titles[i], c.bold);
    }
    c.y += rowHeight;
    for (const FdSetPicture::Shown& shown : FdSetPicture::window(entries, kMaxListRows)) {
        if (shown.skippedBefore > 0) {
            QFont italic = c.font;
            italic.setItalic(true);
            if (c.p) {
                c.p->setPen(kInk);
                cellText(x0, c.width - x0 - c.margin,
                         tr("… %n more not ready, not shown", nullptr, int(shown.skippedBefore)),
                         italic);
            }
            c.y += rowHeight;
        }
        if (shown.index >= entries.size())
            break;
        const FdSetPicture::Entry& e = entries[shown.index];
        if (c.p) {
            const QRect band(x0, c.y, fdWidth + columns * rest, rowHeight);
            if (e.out != 0)
                c.p->fillRect(band, pale(readyColour(e.out)));
            c.p->setPen(kGrid);
            c.p->drawLine(band.bottomLeft(), band.bottomRight());
            c.p->setPen(kInk);
            const QFont& font = e.out != 0 ? c.bold : c.font;
            cellText(x0, fdWidth, QString::number(e.fd), font);
            int x = x0 + fdWidth;
            if (showIn) {
                cellText(x, rest, FdSetPicture::flagNames(m_picture->backend(), e.in), font);
                x += rest;
            }
            if (showOut)
                cellText(x, rest, FdSetPicture::flagNames(m_picture->backend(), e.out), font);
        }
        c.y += rowHeight;
    }
    c.y += c.line / 4;
}

// Each ready descriptor with its sentence: the kernel state sampled right after the call.
void FdSetView::drawWhy(Canvas& c) const {
    if (c.p) {
        c.p->setPen(kGrid);
        c.p->drawLine(c.margin, c.y, c.width - c.margin, c.y);
    }
    gap(c, 0.25);
    paragraph(c, tr("Why is it ready?"), c.bold);
    const QStringList lines = whyLines();
    if (lines.isEmpty()) {
        paragraph(c, tr("Nothing came back ready in this call."), c.font, kInk, c.line);
        return;
    }
    if (m_picture->call().why.empty())
        paragraph(c, tr("The kernel state was not sampled for this call."), c.font, kInk, c.line);
    const std::vector<FdSetPicture::Entry> ready = m_picture->readyFds();
    const int shown = int(std::min<size_t>(size_t(lines.size()), kMaxWhyRows));
    for (int i = 0; i < shown; ++i) {
        const uint8_t bits = ready[size_t(i)].out;
        if (c.p) {
            // A swatch in the colour of the set it came back in, as the table's Ready cell.
            const int side = c.line * 2 / 3;
            c.p->fillRect(QRect(c.margin, c.y + (c.line - side) / 2, side, side),
                          readyColour(bits));
        }
        paragraph(c, lines[i], c.font, kInk, c.line);
    }
    if (lines.size() > shown)
        paragraph(c, tr("… %n more ready descriptor(s) not shown", nullptr, lines.size() - shown),
                  c.font, kInk, c.line);
}
