// SPDX-License-Identifier: GPL-3.0-or-later
// Keeps a table view scrolled to its newest row while rows arrive, as `tail -f` does, unless the
// user holds it: by scrolling away from the bottom, or by selecting a row to read it. A held view
// stays on the rows it shows, even when the oldest rows leave the model from the top. Scrolling
// back to the bottom with nothing selected, clearing the selection while at the bottom, pressing
// End in the table, or jumpToLive() (a view's "Jump to live" button) resume following.
#pragma once

#include <QObject>

class QAbstractItemView;
class QEvent;
class QModelIndex;

class FollowTail : public QObject {
    Q_OBJECT

public:
    // Watches the view's model and selection model (set them before); owned by the view.
    explicit FollowTail(QAbstractItemView* view);

    bool isFollowing() const { return m_following; }
    // True while jumpToLive() runs: the selection it clears was not cleared by the user.
    bool isJumping() const { return m_jumping; }

    bool eventFilter(QObject* watched, QEvent* event) override;

public slots:
    // Clears the selection, scrolls to the newest row and follows again.
    void jumpToLive();

signals:
    void followingChanged(bool following);
    // After jumpToLive(), whatever started it (the End key or a view's button).
    void jumpedToLive();

private:
    bool atBottom() const;
    bool hasSelection() const;
    void update();
    void onScrollAction();
    void onAboutToRemove(const QModelIndex& parent, int first, int last);
    void onRemoved();
    void onInserted();

    QAbstractItemView* m_view;
    bool m_following = true;
    bool m_scrolledAway = false;  // the user's last scroll left the bottom
    bool m_jumping = false;
    int m_removedAbove = 0;  // rows leaving above a held view: the scroll moves up with them
    int m_removedHeight = 0;
};
