// SPDX-License-Identifier: GPL-3.0-or-later
// Keeps a table view scrolled to its newest row while rows arrive, as `tail -f` does, unless the
// user has scrolled up to read something: then the view stays where it is until the user
// scrolls back to the bottom.
#pragma once

#include <QObject>

class QAbstractItemModel;
class QAbstractItemView;

class FollowTail : public QObject {
    Q_OBJECT

public:
    // Watches the view's model (set it before) and follows its tail; owned by the view.
    explicit FollowTail(QAbstractItemView* view);

    bool isFollowing() const { return m_following; }

private:
    void onAboutToInsert();
    void onInserted();

    QAbstractItemView* m_view;
    bool m_following = true;
};
