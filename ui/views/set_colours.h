// SPDX-License-Identifier: GPL-3.0-or-later
// The colours of the three sets, shared by every view that draws them (the descriptor table's
// In and Ready cells, the timeline, the fd_set picture), so that "read" looks the same
// everywhere a student looks. Chosen to stay apart for the common colour-vision deficiencies
// and on a washed-out projector: blue, orange and magenta-red, never red against green.
#pragma once

#include <QColor>

namespace set_colours {

inline QColor read() {
    return QColor(0x1f, 0x77, 0xb4);
}
inline QColor write() {
    return QColor(0xff, 0x7f, 0x0e);
}
inline QColor except() {
    return QColor(0xc2, 0x18, 0x5b);
}

}  // namespace set_colours
