// SPDX-License-Identifier: GPL-3.0-or-later
// The engine's sentence catalogue: every template fills and reads back to the same template and
// arguments, and the sentences the engine really produces (a busy port, a bad listener spec)
// are recognised with their arguments, nested sentences included.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/server/listener_socket.h"
#include "core/server/listener_spec.h"
#include "core/trace/engine_text.h"
#include "tests/support/raw_sockets.h"

namespace {

using ss::TextId;

int argumentCount(const char* tmpl) {
    int n = 0;
    for (const char* p = tmpl; *p; ++p)
        n += p[0] == '%' && p[1] >= '1' && p[1] <= '9';
    return n;
}

TEST(EngineText, EveryTemplateReadsBackToItselfAndItsArguments) {
    const std::string samples[] = {"127.0.0.1:9991/tcp", "42", "EMFILE"};
    for (int i = 0; i < int(TextId::Count); ++i) {
        const auto id = TextId(i);
        const int n = argumentCount(ss::engineTemplate(id));
        ASSERT_LE(n, 3) << ss::engineTemplate(id);
        std::string args[3];
        for (int a = 0; a < n; ++a)
            args[a] = samples[a];
        const std::string text = ss::engineText(id, {args[0], args[1], args[2]});
        ss::ParsedText parsed;
        ASSERT_TRUE(ss::parseEngineText(text, &parsed)) << text;
        EXPECT_EQ(parsed.id, id) << text << " read back as " << ss::engineTemplate(parsed.id);
        ASSERT_EQ(int(parsed.args.size()), n) << text;
        for (int a = 0; a < n; ++a)
            EXPECT_EQ(parsed.args[a], samples[a]) << text;
    }
}

TEST(EngineText, OtherTextIsNotRecognised) {
    ss::ParsedText parsed;
    EXPECT_FALSE(ss::parseEngineText("127.0.0.1:40000", &parsed));
    EXPECT_FALSE(ss::parseEngineText("paused!", &parsed));
    EXPECT_FALSE(ss::parseEngineText("", &parsed));
    // An argument is never empty: "cannot listen on : x" is not the engine's.
    EXPECT_FALSE(ss::parseEngineText("cannot listen on : x", &parsed));
}

TEST(EngineText, ABusyPortIsReportedAsTwoNestedSentences) {
    ss::test::raw::Watchdog watchdog(ss::test::raw::kTestBudget);
    std::string error;
    const auto spec = ss::parseListenSpec("127.0.0.1:0", &error);
    ASSERT_TRUE(spec) << error;
    const ss::NativeSocket first = ss::openListenerSocket(*spec, false, &error);
    ASSERT_NE(first, ss::kInvalidSocket) << error;
    ss::ListenerSpec again = *spec;
    again.endpoint.port = ss::test::raw::portOf(first);

    EXPECT_EQ(ss::openListenerSocket(again, false, &error), ss::kInvalidSocket);
    ss::closeSocket(first);
    ss::ParsedText parsed;
    ASSERT_TRUE(ss::parseEngineText(error, &parsed)) << error;
    EXPECT_EQ(parsed.id, TextId::CannotListen);
    ASSERT_EQ(parsed.args.size(), 2u);
    EXPECT_EQ(parsed.args[0], "127.0.0.1:" + std::to_string(again.endpoint.port) + "/tcp");
    ss::ParsedText inner;
    ASSERT_TRUE(ss::parseEngineText(parsed.args[1], &inner)) << parsed.args[1];
    EXPECT_EQ(inner.id, TextId::PortInUse);
    EXPECT_EQ(inner.args, std::vector<std::string>{std::to_string(again.endpoint.port)});
}

TEST(EngineText, ABadListenerSpecNamesWhatWasWrong) {
    std::string error;
    EXPECT_FALSE(ss::parseListenSpec("9991=shout", &error));
    ss::ParsedText parsed;
    ASSERT_TRUE(ss::parseEngineText(error, &parsed)) << error;
    EXPECT_EQ(parsed.id, TextId::UnknownBehaviour);
    EXPECT_EQ(parsed.args, std::vector<std::string>{"shout"});

    EXPECT_FALSE(ss::parseListenSpec("70000", &error));
    ASSERT_TRUE(ss::parseEngineText(error, &parsed)) << error;
    EXPECT_EQ(parsed.id, TextId::InvalidPort);
}

}  // namespace
