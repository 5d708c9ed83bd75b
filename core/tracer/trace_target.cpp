// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tracer/trace_target.h"

namespace ss::tracer {

const char* endActionName(EndAction action) {
    switch (action) {
        case EndAction::Interrupt:
            return "interrupt";
        case EndAction::Terminate:
            return "terminate";
        case EndAction::Kill:
            break;
    }
    return "kill";
}

bool parseEndAction(const std::string& name, EndAction* action) {
    for (EndAction a : {EndAction::Interrupt, EndAction::Terminate, EndAction::Kill}) {
        if (name == endActionName(a)) {
            *action = a;
            return true;
        }
    }
    return false;
}

}  // namespace ss::tracer
