// SPDX-License-Identifier: GPL-3.0-or-later
// The fd_set picture: what the selected wait call handed the kernel and what came back, drawn in
// the backend's own shape (ui/models/fdset_picture.h), with a "Why is it ready?" strip that gives
// each ready descriptor its sentence (ui/models/why_text.h).
//
// select() is drawn twice, "you passed" and "the kernel returned": three rows of numbered bits
// each, the bits the kernel cleared hatched and struck through, so a teacher can point at the
// caption "select() overwrites your sets: rebuild them before every call". poll and WSAPoll show
// their pollfd array, epoll and kqueue the interest list, the epoll_ctl calls (changelist) since
// the previous wait and the ready list (eventlist).
//
// Live (showLive()) it follows the newest call of its source, repainted at most kLiveHz times a
// second; showCall() holds one call until showLive(). All sizes follow the widget's font, which
// the window's zoom changes. With many descriptors select()'s cells shrink to a bitmap with a
// tooltip per bit, and the lists keep the ready entries and say how many others they leave out.
// The view grows as tall as its picture needs (heightForWidth and a minimum height): put it in a
// QScrollArea with widgetResizable set.
#pragma once

#include <QHash>
#include <QRect>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QWidget>

#include <optional>
#include <utility>
#include <vector>

#include "core/server/engine_config.h"
#include "core/trace/trace_types.h"
#include "ui/models/fdset_picture.h"

class QPainter;
class TraceSource;
struct FdSetCanvas;
struct TraceBatch;

class FdSetView : public QWidget {
    Q_OBJECT

public:
    static constexpr int kLiveHz = 10;
    // The longest list drawn in full: more entries are cut around the ready ones.
    static constexpr size_t kMaxListRows = 32;
    // The most ready descriptors the "Why" strip lists.
    static constexpr size_t kMaxWhyRows = 24;

    explicit FdSetView(QWidget* parent = nullptr);

    // Follows `source`: its newest call while live, its descriptors' roles, and a new run clears.
    void setSource(TraceSource* source);

    // The picture shown now; empty (no call) until the first call arrives.
    const std::optional<FdSetPicture>& picture() const { return m_picture; }
    bool isLive() const { return m_live; }
    // The "Why" strip's lines as shown: "fd 5: 5 byte(s) waiting ...".
    QStringList whyLines() const;
    // The view as a PNG file, at the widget's size (or its size hint while it has none).
    bool savePng(const QString& path);

    QSize sizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

public slots:
    // Holds this call until showLive().
    void showCall(const ss::CallRecord& call);
    // Follows the source's newest call again.
    void showLive();
    void clear();

signals:
    // Routine outcomes (a PNG saved or not), for the status bar.
    void statusMessage(const QString& message);

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    bool event(QEvent* event) override;

private:
    using Canvas = FdSetCanvas;

    void setPicture(const ss::CallRecord& call);
    void applyLatest();
    void onBatch(const TraceBatch& batch);
    void onDescriptors(const std::vector<ss::DescriptorInfo>& rows);
    void relayout();
    void saveWithDialog();

    // Each draw* lays out (and, when the canvas has a painter, paints) one part and moves the
    // canvas's y below it, so measuring and painting share one layout.
    int layout(QPainter* painter, int width) const;
    void drawHeader(Canvas& c) const;
    void drawSelect(Canvas& c) const;
    void drawBitPicture(Canvas& c, bool returned) const;
    void drawBitRow(Canvas& c, const FdSetPicture::BitRow& row, bool returned) const;
    void drawLegend(Canvas& c) const;
    void drawPollArray(Canvas& c) const;
    void drawKernelLists(Canvas& c) const;
    void drawChanges(Canvas& c) const;
    void drawEntryTable(Canvas& c, const std::vector<FdSetPicture::Entry>& entries,
                        const QStringList& titles, bool showIn, bool showOut) const;
    void drawWhy(Canvas& c) const;

    std::optional<FdSetPicture> m_picture;
    // "recv(4)" while a socket call of a server that does not multiplex is selected.
    QString m_socketCall;
    std::optional<ss::CallRecord> m_latest;  // the source's newest call, applied by m_liveTimer
    QHash<int, ss::Role> m_roles;
    // Tooltips of what the last paint drew (select()'s bits): where, and what to say.
    mutable std::vector<std::pair<QRect, QString>> m_hits;
    QTimer m_liveTimer;
    bool m_live = true;
};
