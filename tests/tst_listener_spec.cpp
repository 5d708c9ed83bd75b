// SPDX-License-Identifier: GPL-3.0-or-later
// The --listen syntax and behaviour specs: what users type, what the engine gets.
#include <gtest/gtest.h>

#include <set>

#include "core/server/listener_spec.h"
#include "core/server/presets.h"

using namespace ss;

TEST(ListenSpec, PortOnlyDefaultsToLoopbackTcpEcho) {
    auto spec = parseListenSpec("9991", nullptr);
    ASSERT_TRUE(spec);
    EXPECT_EQ(spec->endpoint.host, "127.0.0.1");
    EXPECT_EQ(spec->endpoint.port, 9991);
    EXPECT_FALSE(spec->udp);
    EXPECT_EQ(spec->behaviour.kind, BehaviourKind::Echo);
    EXPECT_EQ(spec->writeMode, WriteMode::Direct);
}

TEST(ListenSpec, FullFormWithOptionsAndBehaviour) {
    auto spec = parseListenSpec(
        "[::1]:8000/tcp,queued,except-close,recv=512,backlog=5="
        "greet:你好+suffix:好",
        nullptr);
    ASSERT_TRUE(spec);
    EXPECT_EQ(spec->endpoint.host, "::1");
    EXPECT_EQ(spec->writeMode, WriteMode::Queued);
    EXPECT_TRUE(spec->watchExcept);
    EXPECT_EQ(spec->exceptPolicy, ExceptPolicy::Close);
    EXPECT_EQ(spec->recvSize, 512u);
    EXPECT_EQ(spec->backlog, 5);
    EXPECT_EQ(spec->behaviour.greeting, "你好");
    EXPECT_EQ(spec->behaviour.suffix, "好");
    EXPECT_EQ(formatListenSpec(*spec),
              "[::1]:8000/tcp,queued,except-close,recv=512,backlog=5=greet:你好+suffix:好");
}

TEST(ListenSpec, UdpUpper) {
    auto spec = parseListenSpec("127.0.0.1:8080/udp=upper", nullptr);
    ASSERT_TRUE(spec);
    EXPECT_TRUE(spec->udp);
    EXPECT_TRUE(spec->behaviour.upper);
}

TEST(ListenSpec, TextMayContainPlusAndEquals) {
    auto spec = parseListenSpec("1=suffix:a+b=c", nullptr);
    ASSERT_TRUE(spec);
    EXPECT_EQ(spec->behaviour.suffix, "a+b=c");
    auto two = parseBehaviour("upper+suffix:!+x", nullptr);
    ASSERT_TRUE(two);
    EXPECT_TRUE(two->upper);
    EXPECT_EQ(two->suffix, "!+x");
}

TEST(ListenSpec, ErrorsSayWhatIsWrong) {
    struct Case {
        const char* text;
        const char* message;
    } cases[] = {
        {"70000", "invalid port '70000'"},
        {"abc", "invalid port 'abc'"},
        {"", "invalid port ''"},
        {"9991,fast", "unknown listener option 'fast'"},
        {"9991=shout", "unknown behaviour 'shout'"},
        {"9991=echo+chat", "one main behaviour"},
        {"9991=http+upper", "upper and suffix apply to echo and chat"},
        {"9991/udp=chat", "UDP listeners support"},
        {"[::1:80", "expected [IPV6]:PORT"},
        {":80", "empty host"},
    };
    for (const Case& c : cases) {
        std::string error;
        EXPECT_FALSE(parseListenSpec(c.text, &error)) << c.text;
        EXPECT_NE(error.find(c.message), std::string::npos) << c.text << " -> " << error;
    }
}

TEST(Presets, MovingPorts) {
    Preset p = *findPreset("welcome");
    std::string error;
    ASSERT_TRUE(movePresetPorts(p, {7001}, &error));
    EXPECT_EQ(p.listeners[2].endpoint.port, 7003);
    ASSERT_TRUE(movePresetPorts(p, {1, 5, 9}, &error));
    EXPECT_EQ(p.listeners[1].endpoint.port, 5);
    EXPECT_FALSE(movePresetPorts(p, {1, 2}, &error));
    EXPECT_NE(error.find("has 3 listener(s), got 2 port(s)"), std::string::npos) << error;
    EXPECT_FALSE(movePresetPorts(p, {65535}, &error));
}

TEST(Presets, NamesAreUniqueAndListenersParseBack) {
    std::set<std::string> names;
    for (const Preset& p : builtinPresets()) {
        EXPECT_TRUE(names.insert(p.name).second) << p.name;
        for (const ListenerSpec& l : p.listeners) {
            auto again = parseListenSpec(formatListenSpec(l), nullptr);
            ASSERT_TRUE(again) << formatListenSpec(l);
            EXPECT_EQ(formatListenSpec(*again), formatListenSpec(l));
        }
    }
    EXPECT_GE(names.size(), 10u);
}
