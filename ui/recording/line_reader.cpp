// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/recording/line_reader.h"

#include <cstring>

namespace {
constexpr qint64 kReadBytes = 4 << 20;
}

bool LineReader::seek(uint64_t offset, int64_t lineNumber) {
    m_buffer.clear();
    m_start = 0;
    m_offset = offset;
    m_lineNumber = lineNumber - 1;
    m_eof = false;
    return m_file->seek(qint64(offset));
}

// Appends the next block to what is left unread.
bool LineReader::fill() {
    m_buffer.remove(0, m_start);
    m_start = 0;
    const QByteArray block = m_file->read(kReadBytes);
    if (block.isEmpty()) {
        m_eof = true;
        return m_file->error() == QFileDevice::NoError;
    }
    m_buffer += block;
    return true;
}

LineReader::Result LineReader::next(QByteArray* line, uint64_t* offset) {
    qsizetype searched = m_start;
    for (;;) {
        const char* begin = m_buffer.constData() + searched;
        const auto* newline =
            static_cast<const char*>(std::memchr(begin, '\n', size_t(m_buffer.size() - searched)));
        if (newline || (m_eof && m_start < m_buffer.size())) {
            const qsizetype end =
                newline ? qsizetype(newline - m_buffer.constData()) : m_buffer.size();
            const qsizetype length = end - m_start;
            if (length > kMaxLineBytes)
                return Result::TooLong;
            *line = m_buffer.mid(m_start, length);
            *offset = m_offset;
            const qsizetype consumed = length + (newline ? 1 : 0);
            m_start += consumed;
            m_offset += uint64_t(consumed);
            ++m_lineNumber;
            return Result::Line;
        }
        if (m_eof)
            return Result::End;
        if (m_buffer.size() - m_start > kMaxLineBytes)
            return Result::TooLong;
        searched = m_buffer.size() - m_start;
        if (!fill())
            return Result::Error;
        searched += m_start;
    }
}
