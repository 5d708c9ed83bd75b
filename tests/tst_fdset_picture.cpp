// SPDX-License-Identifier: GPL-3.0-or-later
// The fd_set picture and the "Why is it ready?" sentences. The pictures come from real engine
// runs on loopback (select with the tutorial's rw-split preset, poll and epoll with echo): the
// cells the kernel cleared, the pollfd rows and the interest list are checked against the
// descriptors the engine really used. The sentences and the view's rendering use calls built
// here, because filling ReadyFacts is the engine's sampler's job. Every wait is bounded.
#include <QFont>
#include <QImage>
#include <QSet>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cerrno>
#include <memory>
#include <vector>

#include "core/poller/poller.h"
#include "core/server/listener_spec.h"
#include "core/server/presets.h"
#include "tests/support/view_checks.h"
#include "ui/engine_session.h"
#include "ui/models/descriptor_table_model.h"
#include "ui/models/fdset_picture.h"
#include "ui/models/why_text.h"
#include "ui/views/fdset_view.h"
#include "ui/views/set_colours.h"

using Fds = std::vector<int32_t>;

namespace {

constexpr int kWaitMs = 5000;

ss::EngineConfig rwSplitConfig() {
    const ss::Preset* preset = ss::findPreset("rw-split");
    ss::EngineConfig config;
    config.listeners = preset->listeners;
    config.listeners[0].endpoint.port = 0;
    config.backend = preset->backend;
    config.timeoutMs = preset->timeoutMs;
    return config;
}

Fds sorted(Fds fds) {
    std::sort(fds.begin(), fds.end());
    return fds;
}

// A real engine on loopback with its calls collected, and clients that connect to it.
class LoopbackRun {
public:
    explicit LoopbackRun(const ss::EngineConfig& config) {
        QObject::connect(&m_session, &EngineSession::batchReady, [this](const TraceBatch& b) {
            m_calls.insert(m_calls.end(), b.calls.begin(), b.calls.end());
        });
        m_started = m_session.start(config);
    }
    ~LoopbackRun() {
        for (auto& client : m_clients)
            client->abort();
        m_session.stop();
    }

    bool started() const { return m_started; }
    EngineSession& session() { return m_session; }
    uint64_t newestCall() const { return m_calls.empty() ? 0 : m_calls.back().number; }
    int listenerFd() const {
        return fdWhere([](const ss::DescriptorInfo& d) { return d.role == ss::Role::Listener; });
    }
    int port() const {
        for (const ss::DescriptorInfo& d : m_session.lastDescriptors()) {
            if (d.role == ss::Role::Listener)
                return QString::fromStdString(d.local).section(QLatin1Char(':'), -1).toInt();
        }
        return 0;
    }
    // The accepted connections, ascending.
    Fds connectionFds() const {
        Fds fds;
        for (const ss::DescriptorInfo& d : m_session.lastDescriptors()) {
            if (d.role == ss::Role::Connection)
                fds.push_back(d.fd);
        }
        return sorted(fds);
    }
    // The connection that has read at least `bytes`, or -1.
    int fdThatRead(uint64_t bytes) const {
        return fdWhere([bytes](const ss::DescriptorInfo& d) {
            return d.role == ss::Role::Connection && d.bytesIn >= bytes;
        });
    }
    QTcpSocket* connectClient() {
        m_clients.push_back(std::make_unique<QTcpSocket>());
        m_clients.back()->connectToHost(QStringLiteral("127.0.0.1"), quint16(port()));
        return m_clients.back().get();
    }
    // The first call collected so far that satisfies `wanted`, or null.
    template <typename Predicate>
    const ss::CallRecord* findCall(Predicate wanted) const {
        auto it = std::find_if(m_calls.begin(), m_calls.end(), wanted);
        return it == m_calls.end() ? nullptr : &*it;
    }

private:
    template <typename Predicate>
    int fdWhere(Predicate wanted) const {
        for (const ss::DescriptorInfo& d : m_session.lastDescriptors()) {
            if (wanted(d))
                return d.fd;
        }
        return -1;
    }

    EngineSession m_session;
    bool m_started = false;
    std::vector<ss::CallRecord> m_calls;
    std::vector<std::unique_ptr<QTcpSocket>> m_clients;
};

// A select() call as the rw-split preset makes it: fds 3 (listener), 4 and 5, fd 5 readable.
ss::CallRecord selectCall() {
    ss::CallRecord c;
    c.number = 7;
    c.backend = ss::BackendKind::Select;
    c.timeoutMs = 1000;
    c.inRead = {3, 4, 5};
    c.inExcept = {3, 4, 5};
    c.readyRead = {5};
    c.nullSets = ss::kWrite;
    c.ret = 1;
    ss::ReadyFacts facts;
    facts.fd = 5;
    facts.recvQueue = 5;
    facts.sendFree = 2626560;
    c.why = {facts};
    return c;
}

ss::ReadyFacts facts(int fd) {
    ss::ReadyFacts f;
    f.fd = fd;
    return f;
}

// The picture of a real call, in /tmp for a person to open (the assertions do not need it).
void saveForTheEye(const ss::CallRecord& call, const char* name) {
    FdSetView view;
    view.resize(900, 400);
    view.showCall(call);
    view.resize(900, view.heightForWidth(900));
    view.savePng(QStringLiteral("/tmp/tst_fdset_live_%1.png").arg(QLatin1String(name)));
}

}  // namespace

class TestFdSetPicture : public QObject {
    Q_OBJECT

private slots:
    void selectPictureFromTheEngine();
    void pollPictureFromTheEngine();
    void epollInterestListFromTheEngine();
    void selectNearFdSetSize();
    void kernelListNames();
    void whySentences();
    void viewFollowsTheLiveCall();
    void viewRendersThePicture();
    void viewStaysUsableWithAThousandDescriptors();
    void viewFollowsTheFont();
    void readyCellTooltipSaysWhy();
};

// rw-split on select, two clients, the second sends: the call that returned it readable shows
// the listener and the idle connection passed and cleared, the sender passed and returned, and
// the empty write set as NULL.
void TestFdSetPicture::selectPictureFromTheEngine() {
    LoopbackRun run(rwSplitConfig());
    QVERIFY(run.started());
    QTRY_VERIFY_WITH_TIMEOUT(run.port() > 0, kWaitMs);
    QTcpSocket* first = run.connectClient();
    QVERIFY(first->waitForConnected(kWaitMs));
    QTRY_COMPARE_WITH_TIMEOUT(run.connectionFds().size(), size_t(1), kWaitMs);
    QTcpSocket* second = run.connectClient();
    QVERIFY(second->waitForConnected(kWaitMs));
    QTRY_COMPARE_WITH_TIMEOUT(run.connectionFds().size(), size_t(2), kWaitMs);
    second->write("hi");
    QTRY_VERIFY_WITH_TIMEOUT(run.fdThatRead(2) >= 0, kWaitMs);

    const int listener = run.listenerFd();
    const int sender = run.fdThatRead(2);
    const Fds conns = run.connectionFds();
    const int idle = conns[0] == sender ? conns[1] : conns[0];
    const ss::CallRecord* call = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (call = run.findCall([&](const ss::CallRecord& c) { return c.readyRead == Fds{sender}; })),
        kWaitMs);

    const FdSetPicture picture(*call);
    QCOMPARE(picture.shape(), FdSetPicture::Shape::Bits);
    QCOMPARE(picture.nfds(), std::max({listener, idle, sender}) + 1);
    QCOMPARE(picture.cellCount(), picture.nfds());
    const FdSetPicture::BitRow& read = picture.row(ss::kRead);
    QCOMPARE(read.passedFds(), sorted({listener, idle, sender}));
    QCOMPARE(read.returnedFds(), Fds{sender});
    QCOMPARE(read.clearedFds(), sorted({listener, idle}));
    QVERIFY(read.passed(listener) && read.cleared(listener) && !read.returned(listener));
    QVERIFY(read.passed(sender) && read.returned(sender) && !read.cleared(sender));
    const FdSetPicture::BitRow& except = picture.row(ss::kExcept);
    QCOMPARE(except.passedFds(), sorted({listener, idle, sender}));
    QCOMPARE(except.returnedFds(), Fds{});
    QCOMPARE(except.clearedFds(), sorted({listener, idle, sender}));
    const FdSetPicture::BitRow& write = picture.row(ss::kWrite);
    QVERIFY(write.null);
    QCOMPARE(write.passedFds(), Fds{});

    // The engine sampled the sender's receive queue right after the call: the two bytes sent.
    const ss::ReadyFacts* why = picture.facts(sender);
    QVERIFY(why);
    QCOMPARE(why->recvQueue, 2);
    const QString sentence = WhyText::describe(why, ss::kRead, ss::Role::Connection);
    QVERIFY2(sentence.startsWith(QLatin1String("2 ")), qPrintable(sentence));

    // The descriptor table's Ready cell says the same in its tooltip.
    DescriptorTableModel table;
    table.setDescriptors(run.session().lastDescriptors());
    table.showCall(*call);
    int senderRow = -1;
    for (int r = 0; r < table.rowCount(); ++r) {
        if (table.index(r, 0).data(DescriptorTableModel::FdRole).toInt() == sender)
            senderRow = r;
    }
    QVERIFY(senderRow >= 0);
    QCOMPARE(table.index(senderRow, DescriptorTableModel::Ready).data(Qt::ToolTipRole).toString(),
             sentence);
    saveForTheEye(*call, "select");
}

// poll with echo: one pollfd row per watched descriptor, listener first, with events and the
// revents the kernel filled in.
void TestFdSetPicture::pollPictureFromTheEngine() {
    LoopbackRun run(view_checks::echoOnFreePort(ss::BackendKind::Poll));
    QVERIFY(run.started());
    QTRY_VERIFY_WITH_TIMEOUT(run.port() > 0, kWaitMs);
    QTcpSocket* client = run.connectClient();
    QVERIFY(client->waitForConnected(kWaitMs));
    client->write("hello");
    QTRY_VERIFY_WITH_TIMEOUT(run.fdThatRead(5) >= 0, kWaitMs);
    const int listener = run.listenerFd();
    const int conn = run.fdThatRead(5);
    const ss::CallRecord* call = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (call = run.findCall([&](const ss::CallRecord& c) { return c.readyRead == Fds{conn}; })),
        kWaitMs);

    const FdSetPicture picture(*call);
    QCOMPARE(picture.shape(), FdSetPicture::Shape::PollArray);
    const std::vector<FdSetPicture::Entry>& rows = picture.entries();
    QCOMPARE(rows.size(), size_t(2));
    QCOMPARE(rows[0].fd, listener);
    QCOMPARE(rows[1].fd, conn);
    QVERIFY(rows[0].in & ss::kRead);
    QVERIFY(rows[1].in & ss::kRead);
    QCOMPARE(int(rows[0].out), 0);
    QCOMPARE(int(rows[1].out), int(ss::kRead));
    QVERIFY(FdSetPicture::flagNames(ss::BackendKind::Poll, rows[1].in).startsWith("POLLIN"));
    QCOMPARE(FdSetPicture::flagNames(ss::BackendKind::Poll, rows[1].out), QStringLiteral("POLLIN"));
    QCOMPARE(FdSetPicture::flagNames(ss::BackendKind::Poll, rows[0].out), QStringLiteral("0"));
}

// epoll with echo: the interest list the kernel holds has the listener and both connections,
// and the ready list holds the one that sent.
void TestFdSetPicture::epollInterestListFromTheEngine() {
#ifndef __linux__
    QSKIP("epoll is Linux only");
#else
    LoopbackRun run(view_checks::echoOnFreePort(ss::BackendKind::Epoll));
    QVERIFY(run.started());
    QTRY_VERIFY_WITH_TIMEOUT(run.port() > 0, kWaitMs);
    QTcpSocket* first = run.connectClient();
    QTcpSocket* second = run.connectClient();
    QVERIFY(first->waitForConnected(kWaitMs));
    QVERIFY(second->waitForConnected(kWaitMs));
    QTRY_COMPARE_WITH_TIMEOUT(run.connectionFds().size(), size_t(2), kWaitMs);
    first->write("ping");
    QTRY_VERIFY_WITH_TIMEOUT(run.fdThatRead(4) >= 0, kWaitMs);
    const int sender = run.fdThatRead(4);
    const ss::CallRecord* call = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (call = run.findCall([&](const ss::CallRecord& c) { return c.readyRead == Fds{sender}; })),
        kWaitMs);

    const FdSetPicture picture(*call);
    QCOMPARE(picture.shape(), FdSetPicture::Shape::KernelList);
    Fds watched;
    for (const FdSetPicture::Entry& e : picture.entries())
        watched.push_back(e.fd);
    Fds expected = run.connectionFds();
    expected.push_back(run.listenerFd());
    QCOMPARE(sorted(watched), sorted(expected));
    QCOMPARE(picture.readyList().size(), size_t(1));
    QCOMPARE(picture.readyList()[0].fd, sender);
    QCOMPARE(FdSetPicture::flagNames(ss::BackendKind::Epoll, picture.readyList()[0].out),
             QStringLiteral("EPOLLIN"));

    saveForTheEye(*call, "epoll");

    // Each accepted connection entered the interest list through an epoll_ctl(ADD) that a
    // wait call lists among its changes.
    for (int fd : run.connectionFds()) {
        QVERIFY(run.findCall([fd](const ss::CallRecord& c) {
            return std::any_of(c.changes.begin(), c.changes.end(), [fd](const auto& change) {
                return change.fd == fd && change.op == ss::InterestChange::Op::Add;
            });
        }));
    }
#endif
}

void TestFdSetPicture::selectNearFdSetSize() {
    ss::CallRecord call;
    call.backend = ss::BackendKind::Select;
    for (int fd = 3; fd < 1000; ++fd)
        call.inRead.push_back(fd);
    call.readyRead = {999};
    call.nullSets = ss::kWrite | ss::kExcept;
    const FdSetPicture picture(call);
    QCOMPARE(picture.nfds(), 1000);
    QVERIFY(picture.nearLimit());
    QCOMPARE(picture.cellCount(), FdSetPicture::setSize());
    QCOMPARE(FdSetPicture::setSize(), 1024);
    QCOMPARE(picture.row(ss::kRead).clearedFds().size(), size_t(996));
    QVERIFY(picture.row(ss::kExcept).null);

    call.inRead = {3, 4};
    call.readyRead = {};
    QVERIFY(!FdSetPicture(call).nearLimit());
    QCOMPARE(FdSetPicture(call).cellCount(), 5);
}

void TestFdSetPicture::kernelListNames() {
    using Op = ss::InterestChange::Op;
    QCOMPARE(FdSetPicture::changeText(ss::BackendKind::Epoll, {Op::Add, 5, ss::kRead}),
             QStringLiteral("epoll_ctl(EPOLL_CTL_ADD, 5, EPOLLIN)"));
    QCOMPARE(FdSetPicture::changeText(ss::BackendKind::Epoll,
                                      {Op::Modify, 5, uint8_t(ss::kRead | ss::kWrite)}),
             QStringLiteral("epoll_ctl(EPOLL_CTL_MOD, 5, EPOLLIN | EPOLLOUT)"));
    QCOMPARE(FdSetPicture::changeText(ss::BackendKind::Epoll, {Op::Delete, 5, 0}),
             QStringLiteral("epoll_ctl(EPOLL_CTL_DEL, 5)"));
    // Edge-triggered registrations name EPOLLET after the events, as strace does.
    QCOMPARE(FdSetPicture::changeText(ss::BackendKind::Epoll, {Op::Add, 5, ss::kRead, true}),
             QStringLiteral("epoll_ctl(EPOLL_CTL_ADD, 5, EPOLLIN | EPOLLET)"));
    QCOMPARE(FdSetPicture::changeText(ss::BackendKind::Epoll,
                                      {Op::Modify, 5, uint8_t(ss::kRead | ss::kWrite), true}),
             QStringLiteral("epoll_ctl(EPOLL_CTL_MOD, 5, EPOLLIN | EPOLLOUT | EPOLLET)"));
    QCOMPARE(FdSetPicture::changeText(ss::BackendKind::Epoll, {Op::Modify, 5, 0, true}),
             QStringLiteral("epoll_ctl(EPOLL_CTL_MOD, 5, EPOLLET)"));
    QCOMPARE(FdSetPicture::changeText(ss::BackendKind::Kqueue, {Op::Add, 6, ss::kWrite}),
             QStringLiteral("EV_ADD 6 EVFILT_WRITE"));
    QCOMPARE(FdSetPicture::flagNames(ss::BackendKind::WsaPoll, ss::kRead | ss::kHangup),
             QStringLiteral("POLLRDNORM | POLLHUP"));

    // A long list keeps its ready entries and counts what it leaves out.
    std::vector<FdSetPicture::Entry> entries;
    entries.reserve(100);
    for (int fd = 0; fd < 100; ++fd)
        entries.push_back({fd, ss::kRead, uint8_t(fd == 70 ? ss::kRead : 0)});
    const auto shown = FdSetPicture::window(entries, 10);
    size_t kept = 0, skipped = 0;
    bool readyKept = false;
    for (const FdSetPicture::Shown& s : shown) {
        skipped += s.skippedBefore;
        if (s.index < entries.size()) {
            ++kept;
            readyKept = readyKept || entries[s.index].fd == 70;
        }
    }
    QCOMPARE(kept, size_t(10));
    QCOMPARE(skipped, size_t(90));
    QVERIFY(readyKept);
}

void TestFdSetPicture::whySentences() {
    ss::ReadyFacts listener = facts(3);
    listener.acceptQueue = 2;
    ss::ReadyFacts bytes = facts(5);
    bytes.recvQueue = 5;
    ss::ReadyFacts fin = facts(6);
    fin.recvQueue = 0;
    fin.flags = ss::ReadyFacts::PeerClosed;
    ss::ReadyFacts reset = facts(7);
    reset.flags = ss::ReadyFacts::Reset;
    ss::ReadyFacts urgent = facts(8);
    urgent.recvQueue = 1;
    urgent.flags = ss::ReadyFacts::Urgent;
    ss::ReadyFacts writable = facts(9);
    writable.sendFree = 2626560;

    const QString sentences[] = {
        WhyText::describe(&listener, ss::kRead, ss::Role::Listener),
        WhyText::describe(&bytes, ss::kRead, ss::Role::Connection),
        WhyText::describe(&fin, ss::kRead, ss::Role::Connection),
        WhyText::describe(&reset, ss::kRead, ss::Role::Connection),
        WhyText::describe(&urgent, ss::kRead, ss::Role::Connection),
        WhyText::describe(&writable, ss::kWrite, ss::Role::Connection),
        WhyText::describe(&urgent, ss::kExcept, ss::Role::Connection),
        WhyText::describe(nullptr, ss::kRead),
    };
    QSet<QString> distinct;
    for (const QString& s : sentences) {
        QVERIFY(!s.isEmpty());
        distinct.insert(s);
    }
    QCOMPARE(distinct.size(), int(std::size(sentences)));
    QVERIFY2(sentences[0].contains(QLatin1String("2 ")) && sentences[0].contains("accept queue"),
             qPrintable(sentences[0]));
    QVERIFY2(sentences[1].contains(QLatin1String("5 ")) && sentences[1].contains("receive queue"),
             qPrintable(sentences[1]));
    QVERIFY2(sentences[2].contains("FIN") && sentences[2].contains("return 0"),
             qPrintable(sentences[2]));
    QVERIFY2(sentences[3].contains("ECONNRESET"), qPrintable(sentences[3]));
    QVERIFY2(sentences[4].contains("urgent byte"), qPrintable(sentences[4]));
    QVERIFY2(sentences[5].contains("2626560") && sentences[5].contains("send buffer"),
             qPrintable(sentences[5]));
    QVERIFY2(sentences[6].contains("urgent data"), qPrintable(sentences[6]));
    QCOMPARE(sentences[7], WhyText::notSampled());
    QCOMPARE(WhyText::notSampled(), QStringLiteral("not sampled"));

    // Without a role, a sampled accept queue marks a listener; both sets get their sentence.
    QCOMPARE(WhyText::describe(&listener, ss::kRead), sentences[0]);
    ss::ReadyFacts both = bytes;
    both.sendFree = 100;
    const QString twoSets = WhyText::describe(&both, ss::kRead | ss::kWrite, ss::Role::Connection);
    QVERIFY2(twoSets.contains("receive queue") && twoSets.contains("100"), qPrintable(twoSets));
}

// Live, the view shows the source's newest call; a held call stays while the server goes on.
void TestFdSetPicture::viewFollowsTheLiveCall() {
    LoopbackRun run(view_checks::echoOnFreePort(ss::BackendKind::Poll));
    FdSetView view;
    view.setSource(&run.session());
    QVERIFY(run.started());
    QVERIFY(view.isLive());
    QTRY_VERIFY_WITH_TIMEOUT(view.picture().has_value(), kWaitMs);
    const uint64_t first = view.picture()->call().number;
    QTRY_VERIFY_WITH_TIMEOUT(view.picture()->call().number > first, kWaitMs);

    ss::CallRecord held = view.picture()->call();
    view.showCall(held);
    QVERIFY(!view.isLive());
    const uint64_t later = held.number + 3;
    QTRY_VERIFY_WITH_TIMEOUT(run.newestCall() > later, kWaitMs);
    QCOMPARE(view.picture()->call().number, held.number);
    view.showLive();
    QVERIFY(view.isLive());
    QVERIFY(view.picture()->call().number > later);
}

void TestFdSetPicture::viewRendersThePicture() {
    FdSetView view;
    view.resize(900, 400);
    view.showCall(selectCall());
    QVERIFY(!view.isLive());
    QVERIFY(view.picture().has_value());
    view.resize(900, view.heightForWidth(900));
    const QImage image = view.grab().toImage();
    QVERIFY(!image.isNull());
    QVERIFY2(view_checks::distinctColours(image) >= 6,
             qPrintable(QString::number(view_checks::distinctColours(image))));
    QVERIFY(view_checks::hasColour(image, set_colours::read()));
    QVERIFY(view_checks::hasColour(image, set_colours::except()));
    const QStringList why = view.whyLines();
    QCOMPARE(why.size(), 1);
    QVERIFY2(why[0].startsWith("fd 5: 5 "), qPrintable(why[0]));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("fdset.png"));
    QVERIFY(view.savePng(path));
    const QImage saved(path);
    QCOMPARE(saved.size(), view.size() * view.devicePixelRatio());
    QVERIFY(view.grab().save(QStringLiteral("/tmp/tst_fdset_select.png")));

    // Without sampled facts the strip says so, and poll and epoll pictures draw too.
    ss::CallRecord bare = selectCall();
    bare.why.clear();
    view.showCall(bare);
    QCOMPARE(view.whyLines(), QStringList{QStringLiteral("fd 5: not sampled")});
    ss::CallRecord accept = selectCall();
    accept.readyRead = {3};
    accept.why = {facts(3)};
    accept.why[0].acceptQueue = 2;
    view.showCall(accept);
    QCOMPARE(view.whyLines().size(), 1);
    QVERIFY2(view.whyLines()[0].startsWith("fd 3 (listener): 2 "), qPrintable(view.whyLines()[0]));
    for (ss::BackendKind backend : {ss::BackendKind::Poll, ss::BackendKind::Epoll}) {
        ss::CallRecord call = selectCall();
        call.backend = backend;
        call.nullSets = 0;
        call.changes = {{ss::InterestChange::Op::Add, 5, ss::kRead}};
        view.showCall(call);
        view.resize(900, view.heightForWidth(900));
        QVERIFY(view_checks::distinctColours(view.grab().toImage()) >= 4);
    }
    view.grab().save(QStringLiteral("/tmp/tst_fdset_epoll.png"));
}

// 1,000 descriptors: the bits turn into a bitmap that still fits a screen or two, and the lists
// keep the ready entries within a bounded height.
void TestFdSetPicture::viewStaysUsableWithAThousandDescriptors() {
    ss::CallRecord call = selectCall();
    call.inRead.clear();
    call.inExcept.clear();
    for (int fd = 3; fd < 1003; ++fd) {
        call.inRead.push_back(fd);
        call.inExcept.push_back(fd);
    }
    call.readyRead = {500, 1002};
    FdSetView view;
    view.resize(900, 400);
    view.showCall(call);
    QCOMPARE(view.picture()->cellCount(), 1024);
    const int height = view.heightForWidth(900);
    QVERIFY2(height < 2000, qPrintable(QString::number(height)));
    view.resize(900, height);
    QVERIFY(view_checks::distinctColours(view.grab().toImage()) >= 4);
    view.grab().save(QStringLiteral("/tmp/tst_fdset_1000.png"));

    call.backend = ss::BackendKind::Poll;
    view.showCall(call);
    QVERIFY(view.heightForWidth(900) < 2000);
}

void TestFdSetPicture::viewFollowsTheFont() {
    FdSetView view;
    view.showCall(selectCall());
    const int before = view.heightForWidth(900);
    QFont big = view.font();
    big.setPointSizeF(big.pointSizeF() * 2);
    view.setFont(big);
    QVERIFY2(view.heightForWidth(900) > before * 3 / 2,
             qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(view.heightForWidth(900))));
    QCOMPARE(view.minimumHeight(), view.heightForWidth(std::max(view.width(), 200)));
}

void TestFdSetPicture::readyCellTooltipSaysWhy() {
    DescriptorTableModel model;
    std::vector<ss::DescriptorInfo> rows(2);
    rows[0].fd = 3;
    rows[0].role = ss::Role::Listener;
    rows[1].fd = 5;
    rows[1].role = ss::Role::Connection;
    rows[1].peer = "127.0.0.1:40000";
    model.setDescriptors(rows);
    const int row5 = model.index(0, 0).data(DescriptorTableModel::FdRole).toInt() == 5 ? 0 : 1;
    auto tip = [&](int row) {
        return model.index(row, DescriptorTableModel::Ready).data(Qt::ToolTipRole);
    };
    const ss::CallRecord call = selectCall();
    model.showCall(call);
    const QString expected = WhyText::describe(&call.why[0], ss::kRead, ss::Role::Connection);
    QCOMPARE(tip(row5).toString(), expected);
    QVERIFY(tip(row5).toString().contains(QLatin1String("5 ")));
    QVERIFY(!tip(1 - row5).isValid());  // the listener was not ready
    model.showLive();
    QVERIFY(!tip(row5).isValid());
}

QTEST_MAIN(TestFdSetPicture)
#include "tst_fdset_picture.moc"
