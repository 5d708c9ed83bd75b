// select(): three bit sets (read, write, exceptional) of fixed size FD_SETSIZE, passed by pointer
// and overwritten by the kernel with the ready subset.
//
// Cost model: the kernel scans every bit up to nfds (highest fd + 1) on every call, and copies
// the three sets in and out, so one wait costs O(highest fd value), however few are ready.
// The backend keeps master sets and copies them per call, because the kernel destroys its input.
//
// The limit: on POSIX an fd_set is a bit array indexed by descriptor value, so no descriptor
// >= FD_SETSIZE (1024) can be watched at all. FD_SET on such a descriptor writes past the end
// of the array; glibc with _FORTIFY_SOURCE aborts the process instead. add() therefore checks
// the value first and refuses without touching any fd_set. On Windows an fd_set is a counted
// array of SOCKET handles: FD_SETSIZE bounds how many sockets a set holds, not their values, so
// the check there is on the number of watched sockets, and descriptorLimit() reports no value
// limit (Windows SOCKET values are arbitrary handles, often far above 1024).
//
// Readiness: the read set reports data, EOF (a read then returns 0), a pending error and a
// pending connection on a listener; select has no separate hang-up or error result, the loop
// learns of them from recv(). The exceptional set reports TCP urgent (out-of-band) data.
// Windows additionally reports a failed non-blocking connect() in the exceptional set.
//
// Windows cannot wait on nothing: with no socket in any set, select() fails at once with
// WSAEINVAL instead of sleeping for the timeout. The backend passes that on as it is, as the
// trace must; the loop never meets it, because its wake-up socket is always in the read set.
#pragma once

#include <vector>

#include "poller.h"

#ifndef _WIN32
#include <sys/select.h>
#endif

namespace ss {

class SelectPoller final : public Poller {
public:
    SelectPoller();

    BackendKind kind() const override { return BackendKind::Select; }
    int descriptorLimit() const override;
    bool add(NativeSocket fd, uint8_t interest, std::string* error) override;
    bool modify(NativeSocket fd, uint8_t interest, std::string* error) override;
    void remove(NativeSocket fd) override;
    int wait(int timeoutMs, std::vector<PollEvent>& out, int* err, CallDraft* draft) override;

private:
    struct Entry {
        NativeSocket fd;
        uint8_t interest;
        uint8_t ready;  // Windows only: scratch for the current call's result
    };

    std::vector<Entry>::iterator find(NativeSocket fd);
    bool fits(NativeSocket fd, std::string* error) const;
    void applyInterest(NativeSocket fd, uint8_t interest);
    void recordInput(CallDraft* draft) const;
#ifdef _WIN32
    void markReady(const fd_set& set, uint8_t bit);
#endif
    uint8_t readyBits(const Entry& e) const;
    void collect(std::vector<PollEvent>& out, CallDraft* draft);

    // Master sets: what the caller wants watched. The work sets are the copies handed to the
    // kernel on each call.
    fd_set m_read, m_write, m_except;
    fd_set m_workRead, m_workWrite, m_workExcept;
    // Watched descriptors in ascending fd order: the draft lists and the result scan walk this
    // instead of all FD_SETSIZE bits, and the last entry gives nfds.
    std::vector<Entry> m_entries;
};

}  // namespace ss
