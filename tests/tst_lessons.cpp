// SPDX-License-Identifier: GPL-3.0-or-later
// Lessons: the strict reading of a lesson file (a damaged one names its line or step), the
// built-in lessons (each in English and Chinese), a teacher's folder (its lessons replace the
// built-in ones by id; a damaged file is listed with its error), the Lessons panel in Chinese
// on the window's real server (Next turns green once the check held; Back replays the steps
// before), and the command line: --list-lessons and an --autoplay that fails names the step.
// Every built-in lesson's own --autoplay run is a test of its own (lesson_<id>).
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLocale>
#include <QProcess>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

#include <set>

#include "ui/lessons/lesson.h"
#include "ui/lessons/lesson_library.h"
#include "ui/lessons/lesson_runner.h"
#include "ui/main_window.h"
#include "ui/panels/lessons_panel.h"

namespace {

constexpr int kWaitMs = 15000;

QString errorOf(const QByteArray& json) {
    lesson::Lesson lesson;
    QString error;
    return lesson::parse(json, &lesson, &error) ? QStringLiteral("<parsed>") : error;
}

// A lesson of one step whose parts the caller fills in.
QByteArray oneStep(const QByteArray& stepKeys) {
    return R"({"id": "t", "title": {"en": "T"}, "steps": [
  {"title": {"en": "S"}, "text": {"en": "X"})" +
           stepKeys + "}\n]}";
}

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

}  // namespace

class TestLessons : public QObject {
    Q_OBJECT

private slots:
    void damageNamesTheLineOrStep_data();
    void damageNamesTheLineOrStep();
    void checksReadWhatTheyName();
    void builtInLessonsSpeakBothLanguages();
    void aFolderReplacesAndListsDamage();
    void panelGoesGreenInChinese();
    void commandLineListsAndReportsTheFailedStep();
};

void TestLessons::damageNamesTheLineOrStep_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::newRow("syntax") << QByteArray(
                                   "{\"id\": \"t\",\n\"title\": {\"en\": \"T\"},\n\"steps\": [,]}")
                            << QStringLiteral("line 3: illegal value");
    QTest::newRow("unknown lesson key")
        << QByteArray(R"({"id": "t", "title": {"en": "T"}, "steps": [], "author": "x"})")
        << QStringLiteral("unknown key \"author\"");
    QTest::newRow("no steps") << QByteArray(R"({"id": "t", "title": {"en": "T"}, "steps": []})")
                              << QStringLiteral("\"steps\" is an empty list");
    QTest::newRow("typo in a step")
        << oneStep(R"(, "chek": {})") << QStringLiteral("step 1: unknown key \"chek\"");
    QTest::newRow("unknown action")
        << oneStep(R"(, "actions": [{"do": "start", "preset": "echo"}, {"do": "jump"}])")
        << QStringLiteral("step 1: action 2: \"do\" names no action: \"jump\"");
    QTest::newRow("action key") << oneStep(R"(, "actions": [{"do": "send", "client": "a"}])")
                                << QStringLiteral(
                                       "step 1: action 1: give either \"text\" or \"hex\"");
    QTest::newRow("crowd size") << oneStep(R"(, "actions": [{"do": "crowd", "count": 0}])")
                                << QStringLiteral(
                                       "step 1: action 1: \"count\" is not an integer from 1 "
                                       "to 5000");
    QTest::newRow("cost without the other backend")
        << oneStep(R"(, "check": {"cost": {"backend": "select", "descriptors": 1000}})")
        << QStringLiteral("step 1: a cost check names \"backend\" and \"more_than\"");
    QTest::newRow("descriptor name")
        << oneStep(R"(, "check": {"call": {"fd": "conn", "in": "read"}})")
        << QStringLiteral(
               "step 1: \"fd\" is not listener, listener:N or "
               "client:NAME: \"conn\"");
    QTest::newRow("event kind") << oneStep(R"(, "check": {"event": {"kind": "acept"}})")
                                << QStringLiteral(
                                       "step 1: \"kind\" has an unknown value \"acept\"");
    QTest::newRow("two checks") << oneStep(R"(, "check": {"call": {}, "event": {"kind": "recv"}})")
                                << QStringLiteral(
                                       "step 1: a check has one key: call, event, received, "
                                       "descriptor, cost or all");
    QTest::newRow("view") << oneStep(R"(, "look": {"view": "callz"})")
                          << QStringLiteral("step 1: \"view\" names no view: \"callz\"");
}

void TestLessons::damageNamesTheLineOrStep() {
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    QCOMPARE(errorOf(json), error);
}

void TestLessons::checksReadWhatTheyName() {
    lesson::Lesson lesson;
    QString error;
    QVERIFY2(lesson::parse(oneStep(R"(, "check": {"all": [
        {"call": {"fd": "client:a", "in": "write", "null": "except", "errno": "EINTR"}},
        {"event": {"kind": "close", "fd": "listener:2", "reason": "exceptional-set"}},
        {"descriptor": {"fd": "client:b", "interest": "rx", "state": "half-closed"}}]})"),
                           &lesson, &error),
             qPrintable(error));
    const lesson::Check& all = lesson.steps[0].check;
    QCOMPARE(all.kind, lesson::Check::Kind::All);
    QCOMPARE(all.allOf.size(), size_t(3));
    const lesson::Check& call = all.allOf[0];
    QCOMPARE(call.fd.text(), QStringLiteral("client:a"));
    QCOMPARE(*call.in, lesson::Set::Write);
    QCOMPARE(*call.nullSet, lesson::Set::Except);
    QCOMPARE(all.allOf[1].fd.listener, 2);
    QCOMPARE(*all.allOf[1].reason, ss::CloseReason::ExceptionalSet);
    QCOMPARE(int(*all.allOf[2].interest), 1 | 4);
    QCOMPARE(*all.allOf[2].state, ss::ConnState::HalfClosed);
    QCOMPARE(all.describe(),
             QStringLiteral("a wait call with client:a in the write set passed, the except set "
                            "passed as NULL, failing with EINTR, and a close event on "
                            "listener:2 for exceptional-set, and client:b in the descriptor "
                            "table with interest r-x half-closed"));
}

void TestLessons::builtInLessonsSpeakBothLanguages() {
    const std::vector<LessonEntry> entries = lesson_library::load({});
    QVERIFY(entries.size() >= 8);
    std::set<QString> ids;
    for (const LessonEntry& e : entries) {
        QVERIFY2(e.ok(), qPrintable(e.error));
        QVERIFY(ids.insert(e.lesson.id).second);
        QVERIFY2(!e.lesson.title.zhCN.isEmpty(), qPrintable(e.lesson.id));
        for (const lesson::Step& step : e.lesson.steps) {
            QVERIFY2(!step.title.zhCN.isEmpty() && !step.text.zhCN.isEmpty(),
                     qPrintable(e.lesson.id + QStringLiteral(": ") + step.title.en));
            QVERIFY(step.text.en.size() <= 400);
        }
    }
    QVERIFY(ids.count(QStringLiteral("rw-split")));
}

void TestLessons::aFolderReplacesAndListsDamage() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile builtIn(QStringLiteral(":/lessons/30-rw-split.json"));
    QVERIFY(builtIn.open(QIODevice::ReadOnly));
    QByteArray mine = builtIn.readAll();
    mine.replace("\"Read/write separation\"", "\"My read/write separation\"");
    writeFile(dir.filePath(QStringLiteral("mine.json")), mine);
    writeFile(dir.filePath(QStringLiteral("broken.json")), "{\n\"id\": \"x\"\n\"steps\": []}");
    const std::vector<LessonEntry> entries = lesson_library::load({dir.path()});
    const LessonEntry* rw = lesson_library::find(entries, QStringLiteral("rw-split"));
    QVERIFY(rw);
    QCOMPARE(rw->lesson.title.en, QStringLiteral("My read/write separation"));
    QCOMPARE(
        std::count_if(entries.begin(), entries.end(),
                      [](const LessonEntry& e) { return e.ok() && e.lesson.id == "rw-split"; }),
        1);
    QVERIFY(!entries.back().ok());
    QCOMPARE(entries.back().error, QStringLiteral("broken.json: line 3: unterminated object"));
}

// A teacher clicks through Read/write separation in Chinese: each step's check goes green on the
// real server; Back replays the earlier steps and the check holds again.
void TestLessons::panelGoesGreenInChinese() {
    const QLocale before;
    QLocale::setDefault(QLocale(QStringLiteral("zh_CN")));
    WindowOptions options;
    options.useSettings = false;
    options.lessonPorts = {0};
    MainWindow window(options);
    window.show();
    QVERIFY(window.openLesson(QStringLiteral("rw-split")));
    LessonRunner* runner = window.lessonRunner();
    LessonsPanel* panel = window.lessonsPanel();
    const lesson::Lesson& lesson = runner->lesson();
    for (int step = 0; step < 3; ++step) {
        QCOMPARE(runner->step(), step);
        QCOMPARE(panel->stepText()->text(), lesson.steps[size_t(step)].text.zhCN);
        QTRY_VERIFY2_WITH_TIMEOUT(runner->checkHeld(), qPrintable(runner->waitingFor()), kWaitMs);
        QVERIFY(panel->nextButton()->styleSheet().contains(QStringLiteral("#2e7d32")));
        panel->nextButton()->click();
    }
    QCOMPARE(runner->step(), 3);
    // Back replays steps 1 and 2, each to its check, then shows step 3 again.
    panel->findChild<QPushButton*>(QStringLiteral("lessonBack"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(runner->step(), 2, kWaitMs);
    QTRY_VERIFY2_WITH_TIMEOUT(runner->checkHeld(), qPrintable(runner->waitingFor()), kWaitMs);
    QVERIFY(runner->failure().isEmpty());
    runner->close();
    window.stopServer();
    QLocale::setDefault(before);
}

void TestLessons::commandLineListsAndReportsTheFailedStep() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    writeFile(dir.filePath(QStringLiteral("50-mine.json")), R"({"id": "mine", "order": 999,
 "title": {"en": "Mine"}, "steps": [
  {"title": {"en": "Start"}, "text": {"en": "x"},
   "actions": [{"do": "start", "preset": "echo"}, {"do": "connect", "client": "a"}],
   "check": {"event": {"kind": "accept", "fd": "client:a"}}},
  {"title": {"en": "Send from b"}, "text": {"en": "x"},
   "actions": [{"do": "send", "client": "b", "text": "hi"}]}]})");
    writeFile(dir.filePath(QStringLiteral("broken.json")), "{\"id\": \"y\",\n\n}");
    QProcess list;
    list.start(QStringLiteral(SELECTSCOPE_BINARY),
               {QStringLiteral("--list-lessons"), QStringLiteral("--lessons-dir"), dir.path()});
    QVERIFY(list.waitForFinished(kWaitMs));
    QCOMPARE(list.exitCode(), 0);
    const QString listed = QString::fromUtf8(list.readAllStandardOutput());
    QVERIFY2(listed.contains(QStringLiteral("rw-split\tRead/write separation\n")),
             qPrintable(listed));
    QVERIFY(listed.contains(QStringLiteral("mine\tMine\n")));
    QVERIFY(listed.contains(QStringLiteral("-\tcannot open: broken.json: line 3: ")));

    QProcess play;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    play.setProcessEnvironment(env);
    play.start(QStringLiteral(SELECTSCOPE_BINARY),
               {QStringLiteral("--lesson"), QStringLiteral("mine"), QStringLiteral("--autoplay"),
                QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--lessons-dir"),
                dir.path()});
    QVERIFY(play.waitForFinished(kWaitMs * 2));
    QCOMPARE(play.exitCode(), 1);
    QVERIFY(QString::fromUtf8(play.readAllStandardOutput())
                .contains(QStringLiteral("lesson mine: step 1/2 (Start): seen")));
    const QString error = QString::fromUtf8(play.readAllStandardError());
    QVERIFY2(error.contains(QStringLiteral("selectscope: error: lesson mine: step 2/2 (Send from "
                                           "b): no client named b is open")),
             qPrintable(error));
}

QTEST_MAIN(TestLessons)
#include "tst_lessons.moc"
