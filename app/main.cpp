// SPDX-License-Identifier: GPL-3.0-or-later
// Chooses the application object and hands over: the command line is parsed in cli_options.cpp,
// the headless mode lives in headless_runner.cpp and the window in ui/.
#include <QCoreApplication>

#include <cstdio>

#include "cli_options.h"
#include "headless_runner.h"

#ifdef SELECTSCOPE_HAVE_GUI
#include <QApplication>

#include "ui/main_window.h"
#endif

namespace {

void setApplicationNames() {
    QCoreApplication::setOrganizationName(QStringLiteral("SelectScope"));
    QCoreApplication::setApplicationName(QStringLiteral("SelectScope"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(selectscopeVersion()));
}

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
int runGui(int argc, char* argv[], CliResult cli) {
    QApplication app(argc, argv);
    setApplicationNames();
    // QApplication has now removed its own options (-platform ...): parse what is left.
    if (cli.retryAfterGuiInit)
        cli = parseCommandLine(QCoreApplication::arguments());
    if (cli.action == CliAction::Exit)
        return finish(cli);
    printWarnings(cli.options);
    MainWindow window;
    window.show();
    return QApplication::exec();
}
#endif

}  // namespace

int main(int argc, char* argv[]) {
    // Parsed before any application object exists, so that --headless, the listings and every
    // usage error work without a display.
    const CliResult cli = parseCommandLine(argumentsFromArgv(argc, argv));
#ifdef SELECTSCOPE_HAVE_GUI
    const bool gui = cli.action == CliAction::Run && !cli.options.headless;
    if (gui || cli.retryAfterGuiInit)
        return runGui(argc, argv, cli);
#endif
    QCoreApplication app(argc, argv);
    setApplicationNames();
    if (cli.action == CliAction::Exit)
        return finish(cli);
    if (!cli.options.headless) {
        std::fputs("selectscope: error: this build has no GUI; use --headless\n", stderr);
        return kExitUsage;
    }
    printWarnings(cli.options);
    return runHeadless(cli.options);
}
