// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/server/engine.h"

#include "core/server/event_loop.h"
#include "core/trace/engine_text.h"

namespace ss {

namespace {
constexpr int kCommandTimeoutMs = 3000;
}  // namespace

Engine::Engine(EngineConfig config) : m_loop(std::make_unique<EventLoop>(std::move(config))) {}

Engine::~Engine() {
    stop();
}

bool Engine::start(std::string* error) {
    if (m_loop->running())
        return true;
    return m_loop->start(error);
}

void Engine::stop() {
    m_loop->stop();
}

bool Engine::running() const {
    return m_loop->running();
}

void Engine::pause() {
    m_loop->post(LoopCommand(LoopCommand::Type::Pause));
}

void Engine::resume() {
    m_loop->post(LoopCommand(LoopCommand::Type::Resume));
}

void Engine::step() {
    m_loop->post(LoopCommand(LoopCommand::Type::Step));
}

void Engine::setSlowMotion(int delayMs) {
    m_loop->post(LoopCommand(LoopCommand::Type::SlowMotion, delayMs));
}

void Engine::setTimeout(int timeoutMs) {
    m_loop->post(LoopCommand(LoopCommand::Type::Timeout, timeoutMs));
}

bool Engine::switchBackend(BackendKind kind, std::string* error) {
    return ask(LoopCommand(LoopCommand::Type::SwitchBackend, static_cast<int>(kind)), error);
}

bool Engine::setEpollMode(EpollMode mode, std::string* error) {
    return ask(LoopCommand(LoopCommand::Type::EpollMode, static_cast<int>(mode)), error);
}

bool Engine::ask(LoopCommand c, std::string* error) {
    auto reply = std::make_shared<LoopCommand::Reply>();
    c.reply = reply;
    if (!m_loop->postAndWait(std::move(c), kCommandTimeoutMs)) {
        if (error)
            *error = engineText(TextId::NoAnswer);
        return false;
    }
    if (!reply->error.empty() && error)
        *error = reply->error;
    return reply->error.empty();
}

// The loop opens the socket: its descriptors may live in a table of its own.
int Engine::addListener(const ListenerSpec& spec, std::string* error) {
    LoopCommand c(LoopCommand::Type::AddListener);
    c.spec = std::make_shared<const ListenerSpec>(spec);
    auto reply = std::make_shared<LoopCommand::Reply>();
    c.reply = reply;
    if (!m_loop->postAndWait(std::move(c), kCommandTimeoutMs)) {
        if (error)
            *error = engineText(TextId::NoAnswer);
        return -1;
    }
    if (reply->fd < 0 && error)
        *error = reply->error;
    return reply->fd;
}

void Engine::removeListener(int fd) {
    LoopCommand c(LoopCommand::Type::RemoveListener);
    c.fd = static_cast<NativeSocket>(fd);
    m_loop->post(std::move(c));
}

TraceRing& Engine::trace() {
    return m_loop->ring();
}

EngineStats Engine::stats() const {
    return m_loop->stats();
}

std::vector<DescriptorInfo> Engine::descriptors() const {
    return m_loop->descriptors();
}

void Engine::requestSnapshot() {
    m_loop->requestSnapshot();
}

const EngineConfig& Engine::config() const {
    return m_loop->config();
}

}  // namespace ss
