// SPDX-License-Identifier: GPL-3.0-or-later
// Chooses the application object and hands over: the command line is parsed in cli_options.cpp,
// the headless mode lives in headless_runner.cpp and the window in ui/.
#include <algorithm>
#include <cstdio>

#ifndef _WIN32
#include <sys/resource.h>
#endif

#include "app/cli_options.h"
#include "app/headless_runner.h"
#include "app/recording_runner.h"

#ifdef SELECTSCOPE_HAVE_GUI
#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QGuiApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSize>
#include <QStringList>
#include <QTranslator>

#include "app/lessons_cli.h"
#include "app/screenshot_session.h"
#include "ui/main_window.h"
#endif

namespace {

int finish(const CliResult& cli) {
    std::fputs(cli.out.c_str(), stdout);
    std::fputs(cli.err.c_str(), stderr);
    return cli.exitCode;
}

void printWarnings(const CliOptions& options) {
    for (const std::string& line : options.warnings)
        std::fprintf(stderr, "%s\n", line.c_str());
}

#ifdef SELECTSCOPE_HAVE_GUI
void setApplicationNames() {
    QCoreApplication::setOrganizationName(QStringLiteral("SelectScope"));
    QCoreApplication::setApplicationName(QStringLiteral("SelectScope"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(selectscopeVersion()));
}

constexpr int kDefaultScreenshotClients = 3;

// True when the user typed --NAME (CliOptions fills in the echo preset when neither --preset nor
// --listen was given, so only the arguments tell whether the user asked for a server).
bool given(const QStringList& arguments, const char* name) {
    const QString option = QStringLiteral("--") + QLatin1String(name);
    for (const QString& argument : arguments) {
        if (argument == QLatin1String("--"))
            break;
        if (argument == option || argument.startsWith(option + QLatin1Char('=')))
            return true;
    }
    return false;
}

// The installed catalogues (share/selectscope/translations), found from the executable's folder so
// that any installation prefix works.
QString installedTranslationsPath() {
    return QDir(QCoreApplication::applicationDirPath())
        .absoluteFilePath(QStringLiteral(SELECTSCOPE_TRANSLATIONS_RELDIR));
}

// --lang (en, zh_CN) or the system's language. An installed catalogue comes first, so that a
// language can be updated or added without rebuilding; the copy compiled into the binary from
// resources/translations serves the build tree and a binary run from anywhere else. A language
// with neither keeps the English source text.
void installTranslators(const std::string& lang) {
    const QLocale locale = lang.empty() ? QLocale::system() : QLocale(QString::fromStdString(lang));
    QLocale::setDefault(locale);
    auto* qtTranslator = new QTranslator(qApp);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    auto* translator = new QTranslator(qApp);
    const QString name = QStringLiteral("selectscope");
    if (translator->load(locale, name, QStringLiteral("_"), installedTranslationsPath()) ||
        translator->load(locale, name, QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(translator);
}

WindowOptions windowOptions(const CliOptions& options, const QStringList& arguments) {
    WindowOptions window;
    window.engine = options.engine;
    window.presetName = options.presetName;
    window.asWritten = options.asWritten;
    window.startAtOnce = given(arguments, "preset") || given(arguments, "listen");
    window.presentation = options.presentation;
    window.recordingPath = QString::fromStdString(options.openPath);
    window.trace = traceTargetOf(options);
    window.traceAtOnce = options.tracesProgram();
    window.lessonId = QString::fromStdString(options.lessonId);
    window.lessonFolders = lessonFolders(options);
    window.lessonPorts = options.lessonPorts;
    for (const std::string& view : options.views)
        window.views << QString::fromStdString(view);
    return window;
}

int runScreenshot(const CliOptions& options, const QStringList& arguments) {
    WindowOptions windowOpts = windowOptions(options, arguments);
    windowOpts.startAtOnce = false;    // the session starts it, on free ports
    windowOpts.useSettings = false;    // the same picture whatever the user's saved layout
    windowOpts.recordingPath.clear();  // the session opens it, and waits for its index
    windowOpts.traceAtOnce = false;    // the session starts the trace
    MainWindow window(windowOpts);
    ScreenshotOptions shot;
    shot.path = QString::fromStdString(options.screenshotPath);
    shot.engine = options.engine;
    shot.clients = given(arguments, "clients") ? options.clients : kDefaultScreenshotClients;
    shot.compareModels = windowOpts.views.contains(QStringLiteral("models"));
    shot.recordingPath = QString::fromStdString(options.openPath);
    shot.trace = windowOpts.trace;
    shot.traces = options.tracesProgram();
    if (options.windowWidth > 0 && options.windowHeight > 0)
        shot.windowSize = QSize(options.windowWidth, options.windowHeight);
    ScreenshotSession session(&window, shot);
    bool done = false;
    int exitCode = 1;
    QObject::connect(&session, &ScreenshotSession::finished,
                     [&done, &exitCode](int code, const QString& error) {
                         done = true;
                         exitCode = code;
                         if (code != 0)
                             std::fprintf(stderr, "selectscope: error: screenshot: %s\n",
                                          error.toLocal8Bit().constData());
                         QCoreApplication::exit(code);
                     });
    session.start();  // may already have failed: then there is no loop to run
    if (!done)
        QApplication::exec();
    return exitCode;
}

// A lesson's crowd and the load panel open a thousand connections or more in this process, and
// the server's own descriptors must be able to reach FD_SETSIZE (1024) for select() to refuse
// one there: the soft limit rises towards the hard one (at most 65,536).
void raiseDescriptorLimit() {
#ifndef _WIN32
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return;
    const rlim_t wanted = std::min<rlim_t>(limit.rlim_max, 65536);
    if (limit.rlim_cur < wanted) {
        limit.rlim_cur = wanted;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
#endif
}

int runGui(int argc, char* argv[], CliResult cli) {
    raiseDescriptorLimit();
    QApplication app(argc, argv);
    setApplicationNames();
#ifdef SELECTSCOPE_APP_ID
    // Wayland compositors match the window to its launcher entry (name, icon) by this id.
    QGuiApplication::setDesktopFileName(QStringLiteral(SELECTSCOPE_APP_ID));
#endif
    // QApplication has now removed its own options (-platform ...): parse what is left.
    if (cli.retryAfterGuiInit)
        cli = parseCommandLine(QCoreApplication::arguments());
    if (cli.action == CliAction::Exit)
        return finish(cli);
    printWarnings(cli.options);
    installTranslators(cli.options.lang);
    const QStringList arguments = QCoreApplication::arguments();
    if (!cli.options.screenshotPath.empty())
        return runScreenshot(cli.options, arguments);
    MainWindow window(windowOptions(cli.options, arguments));
    window.show();
    if (cli.options.autoplay)
        return autoplayLesson(window, QString::fromStdString(cli.options.lessonId));
    return QApplication::exec();
}
#endif

}  // namespace

int main(int argc, char* argv[]) {
    // Parsed before any application object exists, so that --headless, the listings and every
    // usage error work without a display.
    const CliResult cli = parseCommandLine(argumentsFromArgv(argc, argv));
#ifdef SELECTSCOPE_HAVE_GUI
    if (cli.action == CliAction::Run && cli.options.listLessons) {
        QLocale::setDefault(cli.options.lang.empty()
                                ? QLocale::system()
                                : QLocale(QString::fromStdString(cli.options.lang)));
        return listLessons(cli.options);
    }
    const bool gui = cli.action == CliAction::Run && !cli.options.headless;
    if (gui || cli.retryAfterGuiInit)
        return runGui(argc, argv, cli);
#endif
    // No application object: headless needs no event loop, and Qt's event dispatcher would take
    // a descriptor (an eventfd) that the tutorial's own server does not have, so the listener
    // would no longer be fd 3.
    if (cli.action == CliAction::Exit)
        return finish(cli);
    if (!cli.options.headless || cli.options.listLessons) {
        std::fputs("selectscope: error: this build has no GUI; use --headless\n", stderr);
        return kExitUsage;
    }
    printWarnings(cli.options);
    if (cli.options.compareModels)
        return runModelComparison();
    if (!cli.options.openPath.empty())
        return runRecording(cli.options);
    if (cli.options.tracesProgram())
        return runTracedHeadless(cli.options);
    return runHeadless(cli.options);
}
