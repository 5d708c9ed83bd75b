// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/fdset_picture.h"

#include <QStringList>

#include <algorithm>
#include <map>

#include "core/net/platform.h"
#include "core/poller/poller.h"

#ifndef _WIN32
#include <sys/select.h>  // FD_SETSIZE (net/platform.h defines it on Windows)
#endif

namespace {

constexpr uint8_t kSets[3] = {ss::kRead, ss::kWrite, ss::kExcept};

int highestFd(const std::vector<int32_t>& fds) {
    return fds.empty() ? -1 : *std::max_element(fds.begin(), fds.end());
}

void mark(std::vector<uint8_t>& cells, const std::vector<int32_t>& fds, uint8_t flag) {
    for (int32_t fd : fds) {
        if (fd >= 0 && size_t(fd) < cells.size())
            cells[size_t(fd)] |= flag;
    }
}

// The descriptors whose cell, masked, equals value.
std::vector<int32_t> fdsWhere(const std::vector<uint8_t>& cells, uint8_t mask, uint8_t value) {
    std::vector<int32_t> fds;
    for (size_t fd = 0; fd < cells.size(); ++fd) {
        if ((cells[fd] & mask) == value)
            fds.push_back(int32_t(fd));
    }
    return fds;
}

// The backend's flag names, in the order of the bits kRead, kWrite, kExcept, kHangup, kError.
struct FlagNames {
    const char* names[5];
};

FlagNames namesOf(ss::BackendKind backend) {
    switch (backend) {
        case ss::BackendKind::Epoll:
            return {{"EPOLLIN", "EPOLLOUT", "EPOLLPRI", "EPOLLHUP", "EPOLLERR"}};
        case ss::BackendKind::Kqueue:
            return {{"EVFILT_READ", "EVFILT_WRITE", "EVFILT_EXCEPT", "EV_EOF", "EV_ERROR"}};
        case ss::BackendKind::WsaPoll:
            return {{"POLLRDNORM", "POLLWRNORM", "POLLRDBAND", "POLLHUP", "POLLERR"}};
        case ss::BackendKind::Select:
        case ss::BackendKind::Poll:
            break;
    }
    return {{"POLLIN", "POLLOUT", "POLLPRI", "POLLHUP", "POLLERR"}};
}

}  // namespace

std::vector<int32_t> FdSetPicture::BitRow::passedFds() const {
    return fdsWhere(cells, Passed, Passed);
}

std::vector<int32_t> FdSetPicture::BitRow::returnedFds() const {
    return fdsWhere(cells, Returned, Returned);
}

std::vector<int32_t> FdSetPicture::BitRow::clearedFds() const {
    return fdsWhere(cells, Passed | Returned, Passed);
}

FdSetPicture::FdSetPicture(const ss::CallRecord& call) : m_call(call) {
    if (shape() == Shape::Bits) {
        buildBits();
        return;
    }
    buildEntries();
    if (shape() == Shape::KernelList)
        buildReadyList();
}

FdSetPicture::Shape FdSetPicture::shape() const {
    switch (m_call.backend) {
        case ss::BackendKind::Select:
            return Shape::Bits;
        case ss::BackendKind::Poll:
        case ss::BackendKind::WsaPoll:
            return Shape::PollArray;
        case ss::BackendKind::Epoll:
        case ss::BackendKind::Kqueue:
            break;
    }
    return Shape::KernelList;
}

int FdSetPicture::setSize() {
    return FD_SETSIZE;
}

// nfds is what the caller passes: the highest descriptor in any set, plus one. The kernel scans
// exactly that many bits of each set, which is why select()'s cost grows with the highest fd.
void FdSetPicture::buildBits() {
    m_nfds = 1 + std::max({highestFd(m_call.inRead), highestFd(m_call.inWrite),
                           highestFd(m_call.inExcept)});
    m_cellCount = nearLimit() ? std::max(m_nfds, setSize()) : m_nfds;
    const std::vector<int32_t>* in[3] = {&m_call.inRead, &m_call.inWrite, &m_call.inExcept};
    const std::vector<int32_t>* out[3] = {&m_call.readyRead, &m_call.readyWrite,
                                          &m_call.readyExcept};
    for (size_t i = 0; i < 3; ++i) {
        BitRow& row = m_rows[i];
        row.set = kSets[i];
        row.null = (m_call.nullSets & kSets[i]) != 0;
        row.cells.assign(size_t(m_cellCount), 0);
        mark(row.cells, *in[i], Passed);
        mark(row.cells, *out[i], Returned);
    }
}

// One entry per descriptor in the order the "in" lists give them (the pollfd array's order for
// poll; ascending for the kernel lists), with what this call reported for it.
void FdSetPicture::buildEntries() {
    std::map<int32_t, uint8_t> in;
    std::vector<int32_t> order;
    const std::vector<int32_t>* lists[3] = {&m_call.inRead, &m_call.inWrite, &m_call.inExcept};
    for (size_t i = 0; i < 3; ++i) {
        for (int32_t fd : *lists[i]) {
            if (in.find(fd) == in.end())
                order.push_back(fd);
            in[fd] |= kSets[i];
        }
    }
    // poll's lists walk the array, so each list is in array order; an fd in the write list
    // only (a rare interest) is placed after the others, which keeps the read order exact.
    for (int32_t fd : order)
        m_entries.push_back(Entry{fd, in[fd], 0});
    for (const Entry& ready : readyFds()) {
        auto it = std::find_if(m_entries.begin(), m_entries.end(),
                               [&](const Entry& e) { return e.fd == ready.fd; });
        if (it != m_entries.end())
            it->out = ready.out;
        else
            m_entries.push_back(Entry{ready.fd, 0, ready.out});  // HUP/ERR with interest 0
    }
}

// epoll_wait() hands back one event per descriptor in the kernel's ready-list order, which the
// draft keeps in each ready list: the read list's order leads, the others follow.
void FdSetPicture::buildReadyList() {
    const std::vector<int32_t>* lists[5] = {&m_call.readyRead, &m_call.readyWrite,
                                            &m_call.readyExcept, &m_call.readyHangup,
                                            &m_call.readyError};
    const uint8_t bits[5] = {ss::kRead, ss::kWrite, ss::kExcept, ss::kHangup, ss::kError};
    for (size_t i = 0; i < 5; ++i) {
        for (int32_t fd : *lists[i]) {
            auto it = std::find_if(m_ready.begin(), m_ready.end(),
                                   [&](const Entry& e) { return e.fd == fd; });
            if (it == m_ready.end())
                it = m_ready.insert(m_ready.end(), Entry{fd, 0, 0});
            it->out |= bits[i];
        }
    }
}

const FdSetPicture::BitRow& FdSetPicture::row(uint8_t set) const {
    return set == ss::kWrite ? m_rows[1] : set == ss::kExcept ? m_rows[2] : m_rows[0];
}

std::vector<FdSetPicture::Entry> FdSetPicture::readyFds() const {
    std::map<int32_t, uint8_t> ready;
    const std::vector<int32_t>* lists[5] = {&m_call.readyRead, &m_call.readyWrite,
                                            &m_call.readyExcept, &m_call.readyHangup,
                                            &m_call.readyError};
    const uint8_t bits[5] = {ss::kRead, ss::kWrite, ss::kExcept, ss::kHangup, ss::kError};
    for (size_t i = 0; i < 5; ++i) {
        for (int32_t fd : *lists[i])
            ready[fd] |= bits[i];
    }
    std::vector<Entry> entries;
    entries.reserve(ready.size());
    for (const auto& [fd, out] : ready)
        entries.push_back(Entry{fd, 0, out});
    return entries;
}

const ss::ReadyFacts* FdSetPicture::facts(int32_t fd) const {
    for (const ss::ReadyFacts& f : m_call.why) {
        if (f.fd == fd)
            return &f;
    }
    return nullptr;
}

// The ready entries are what a student looks for, so they are kept first (up to the limit); the
// rest fill the remaining room in order. Each kept row carries how many rows were left out just
// before it, and a last item past the end carries the tail that was left out.
std::vector<FdSetPicture::Shown> FdSetPicture::window(const std::vector<Entry>& entries,
                                                      size_t limit) {
    const size_t ready = size_t(
        std::count_if(entries.begin(), entries.end(), [](const Entry& e) { return e.out != 0; }));
    size_t readyRoom = limit;
    size_t room = limit - std::min(ready, limit);
    std::vector<Shown> shown;
    size_t skipped = 0;
    for (size_t i = 0; i < entries.size(); ++i) {
        size_t& left = entries[i].out != 0 ? readyRoom : room;
        if (left == 0) {
            ++skipped;
            continue;
        }
        --left;
        shown.push_back(Shown{i, skipped});
        skipped = 0;
    }
    if (skipped > 0)
        shown.push_back(Shown{entries.size(), skipped});
    return shown;
}

QString FdSetPicture::flagNames(ss::BackendKind backend, uint8_t bits) {
    const FlagNames names = namesOf(backend);
    const uint8_t order[5] = {ss::kRead, ss::kWrite, ss::kExcept, ss::kHangup, ss::kError};
    QStringList parts;
    for (size_t i = 0; i < 5; ++i) {
        if (bits & order[i])
            parts << QString::fromLatin1(names.names[i]);
    }
    const QString separator =
        backend == ss::BackendKind::Kqueue ? QStringLiteral(", ") : QStringLiteral(" | ");
    return parts.isEmpty() ? QStringLiteral("0") : parts.join(separator);
}

QString FdSetPicture::changeText(ss::BackendKind backend, const ss::InterestChange& change) {
    using Op = ss::InterestChange::Op;
    if (backend == ss::BackendKind::Kqueue) {
        const char* op = change.op == Op::Delete ? "EV_DELETE" : "EV_ADD";
        return QStringLiteral("%1 %2 %3")
            .arg(QLatin1String(op))
            .arg(change.fd)
            .arg(change.op == Op::Delete ? QString() : flagNames(backend, change.interest))
            .trimmed();
    }
    const char* op = change.op == Op::Add      ? "EPOLL_CTL_ADD"
                     : change.op == Op::Modify ? "EPOLL_CTL_MOD"
                                               : "EPOLL_CTL_DEL";
    if (change.op == Op::Delete)
        return QStringLiteral("epoll_ctl(%1, %2)").arg(QLatin1String(op)).arg(change.fd);
    // EPOLLET is a flag of the registration, not an interest: strace lists it after the events.
    QString events = flagNames(backend, change.interest);
    if (change.edgeTriggered)
        events =
            change.interest ? events + QStringLiteral(" | EPOLLET") : QStringLiteral("EPOLLET");
    return QStringLiteral("epoll_ctl(%1, %2, %3)")
        .arg(QLatin1String(op))
        .arg(change.fd)
        .arg(events);
}

QString FdSetPicture::callName(ss::BackendKind backend) {
    switch (backend) {
        case ss::BackendKind::Select:
            return QStringLiteral("select");
        case ss::BackendKind::Poll:
            return QStringLiteral("poll");
        case ss::BackendKind::Epoll:
            return QStringLiteral("epoll_wait");
        case ss::BackendKind::Kqueue:
            return QStringLiteral("kevent");
        case ss::BackendKind::WsaPoll:
            return QStringLiteral("WSAPoll");
    }
    return {};
}
