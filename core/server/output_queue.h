// SPDX-License-Identifier: GPL-3.0-or-later
// A connection's application output queue: the messages the server has decided to send but the
// kernel has not taken yet. Bytes and message counts are what the GUI shows as "app queue".
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>

namespace ss {

class OutputQueue {
public:
    void push(std::string_view bytes) {
        if (bytes.empty())
            return;
        m_messages.emplace_back(bytes);
        m_bytes += bytes.size();
    }
    bool empty() const { return m_messages.empty(); }
    uint64_t bytes() const { return m_bytes; }
    uint64_t messages() const { return m_messages.size(); }
    // The unsent part of the oldest message.
    std::string_view front() const {
        return std::string_view(m_messages.front()).substr(m_frontOffset);
    }
    // Marks n bytes of front() as written.
    void consume(size_t n) {
        m_bytes -= n;
        m_frontOffset += n;
        if (m_frontOffset == m_messages.front().size()) {
            m_messages.pop_front();
            m_frontOffset = 0;
        }
    }
    void clear() {
        m_messages.clear();
        m_bytes = 0;
        m_frontOffset = 0;
    }

private:
    std::deque<std::string> m_messages;
    size_t m_frontOffset = 0;
    uint64_t m_bytes = 0;
};

}  // namespace ss
