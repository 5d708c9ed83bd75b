// The one interface every readiness backend implements. A backend only translates: it turns the
// interest list into its native call and the native result into PollEvents. It never reads,
// writes, accepts or closes a socket; the loop (core/server/event_loop) does all of that.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "../net/platform.h"
#include "backend_kind.h"
#include "call_draft.h"

namespace ss {

// Interest and readiness bits. kHangup and kError appear only in results.
enum ReadinessBits : uint8_t {
    kRead = 1,
    kWrite = 2,
    kExcept = 4,
    kHangup = 8,
    kError = 16,
};

struct PollEvent {
    NativeSocket fd;
    uint8_t ready;  // ReadinessBits. Hang-up and error also set kRead, so that the loop reads and
                    // learns of EOF or the pending error from recv(), as select() would report it.
};

class Poller {
public:
    virtual ~Poller() = default;

    virtual BackendKind kind() const = 0;

    // Largest descriptor value (exclusive) the backend can watch, or 0 when it has no such
    // limit. select() returns FD_SETSIZE here.
    virtual int descriptorLimit() const { return 0; }

    // Starts watching fd with the given interest (kRead|kWrite|kExcept, may be 0). Returns false
    // and sets *error when the backend cannot watch it (for select: fd >= FD_SETSIZE; it must
    // not call FD_SET then). Adding an fd that is already watched is a programming error.
    virtual bool add(NativeSocket fd, uint8_t interest, std::string* error) = 0;
    // Changes the interest of a watched fd. Backends skip the system call when nothing changed.
    virtual bool modify(NativeSocket fd, uint8_t interest, std::string* error) = 0;
    // Stops watching fd. Must be called before the fd is closed.
    virtual void remove(NativeSocket fd) = 0;

    // Makes one wait call with timeoutMs (-1 blocks). Appends ready descriptors to out (cleared
    // first). Returns the native call's return value; on failure returns -1 with *err set (EINTR
    // is returned to the caller, not retried here, so the trace shows it). When draft is not
    // null, the backend records exactly what it passed and what came back.
    virtual int wait(int timeoutMs, std::vector<PollEvent>& out, int* err, CallDraft* draft) = 0;
};

// Creates a backend; returns null and sets *error when it is not available on this platform or
// cannot be created (epoll_create1 failing, for instance).
std::unique_ptr<Poller> createPoller(BackendKind kind, std::string* error);

}  // namespace ss
