// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/server/engine.h"

#include "core/models/model_server.h"
#include "core/server/event_loop.h"
#include "core/trace/engine_text.h"

namespace ss {

namespace {
constexpr int kCommandTimeoutMs = 3000;
}  // namespace

Engine::Engine(EngineConfig config) {
    if (config.model == IoModel::Multiplexed)
        m_loop = std::make_unique<EventLoop>(std::move(config));
    else
        m_model = createModelServer(std::move(config));
}

Engine::~Engine() {
    stop();
}

bool Engine::start(std::string* error) {
    if (m_model)
        return m_model->start(error);
    if (m_loop->running())
        return true;
    return m_loop->start(error);
}

void Engine::stop() {
    if (m_model)
        m_model->stop();
    else
        m_loop->stop();
}

bool Engine::running() const {
    return m_model ? m_model->running() : m_loop->running();
}

// The IO-model servers make no wait call to pause before, step or slow down: these do nothing.
void Engine::pause() {
    if (m_model)
        return;
    m_loop->post(LoopCommand(LoopCommand::Type::Pause));
}

void Engine::resume() {
    if (m_model)
        return;
    m_loop->post(LoopCommand(LoopCommand::Type::Resume));
}

void Engine::step() {
    if (m_model)
        return;
    m_loop->post(LoopCommand(LoopCommand::Type::Step));
}

void Engine::setSlowMotion(int delayMs) {
    if (m_model)
        return;
    m_loop->post(LoopCommand(LoopCommand::Type::SlowMotion, delayMs));
}

void Engine::setTimeout(int timeoutMs) {
    if (m_model)
        return;
    m_loop->post(LoopCommand(LoopCommand::Type::Timeout, timeoutMs));
}

bool Engine::switchBackend(BackendKind kind, std::string* error) {
    if (m_model)
        return refuse("switching the backend", error);
    return ask(LoopCommand(LoopCommand::Type::SwitchBackend, static_cast<int>(kind)), error);
}

bool Engine::setEpollMode(EpollMode mode, std::string* error) {
    if (m_model)
        return refuse("the epoll mode", error);
    return ask(LoopCommand(LoopCommand::Type::EpollMode, static_cast<int>(mode)), error);
}

bool Engine::refuse(std::string_view what, std::string* error) const {
    if (error)
        *error = engineText(TextId::ModelNoWaitCall, {ioModelName(config().model), what});
    return false;
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
    if (m_model)
        return refuse("adding a listener", error) ? 0 : -1;
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
    if (m_model)
        return;
    LoopCommand c(LoopCommand::Type::RemoveListener);
    c.fd = static_cast<NativeSocket>(fd);
    m_loop->post(std::move(c));
}

TraceRing& Engine::trace() {
    return m_model ? m_model->ring() : m_loop->ring();
}

EngineStats Engine::stats() const {
    return m_model ? m_model->stats() : m_loop->stats();
}

std::vector<DescriptorInfo> Engine::descriptors(SnapshotMark* mark) const {
    return m_model ? m_model->descriptors(mark) : m_loop->descriptors(mark);
}

void Engine::requestSnapshot() {
    if (m_model)
        m_model->requestSnapshot();
    else
        m_loop->requestSnapshot();
}

const EngineConfig& Engine::config() const {
    return m_model ? m_model->config() : m_loop->config();
}

}  // namespace ss
