// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/server/framed_file_behaviour.h"

#include "core/server/framed_header.h"
#include "core/trace/engine_text.h"

namespace ss {
namespace {
constexpr size_t kChunk = 64 * 1024;
}

void FramedFileBehaviour::onData(Channel& ch, char* data, size_t n, size_t, LoopApi& api) {
    for (std::string_view request : splitRequests(std::string_view(data, n)))
        m_requests.emplace_back(request);
    pump(ch, api);
}

void FramedFileBehaviour::onDrained(Channel& ch, LoopApi& api) {
    pump(ch, api);
}

void FramedFileBehaviour::pump(Channel& ch, LoopApi& api) {
    while (!ch.closeNow) {
        if (m_remaining > 0) {
            if (!streamSome(ch, api))
                return;
            if (m_remaining > 0)
                return;  // resumes in onDrained()
            m_file.close();
        }
        if (m_requests.empty() || !ch.out.empty())
            return;
        const std::string request = std::move(m_requests.front());
        m_requests.pop_front();
        startRequest(ch, request, api);
    }
}

void FramedFileBehaviour::startRequest(Channel& ch, const std::string& request, LoopApi& api) {
    const ServeResult result = m_dir.resolve(request);
    if (!result.ok) {
        api.reply(ch, frameHeader(pythonJsonErrorHeader(result.filename, result.error)));
        return;
    }
    m_file.open(result.path, std::ios::binary);
    if (!m_file) {
        api.reply(ch, frameHeader(pythonJsonErrorHeader(result.filename, "cannot open file")));
        return;
    }
    api.reply(ch, frameHeader(pythonJsonHeader(result.filename, result.size)));
    m_remaining = result.size;
}

bool FramedFileBehaviour::streamSome(Channel& ch, LoopApi& api) {
    char buf[kChunk];
    while (m_remaining > 0 && ch.out.bytes() < kChunk && !ch.closeNow) {
        const size_t want = m_remaining < kChunk ? static_cast<size_t>(m_remaining) : kChunk;
        m_file.read(buf, static_cast<std::streamsize>(want));
        const auto got = static_cast<size_t>(m_file.gcount());
        if (got == 0) {
            // The header promised more bytes than the file now has: the client cannot resync.
            m_file.close();
            m_remaining = 0;
            api.fail(ch, engineText(TextId::FileShrank));
            return false;
        }
        m_remaining -= got;
        api.reply(ch, std::string_view(buf, got));
    }
    return true;
}

}  // namespace ss
