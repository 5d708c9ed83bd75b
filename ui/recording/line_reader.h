// SPDX-License-Identifier: GPL-3.0-or-later
// Reads a recording's lines from any byte offset, through a buffer of a few megabytes: the
// index reads the whole file once, replay reads the part around the scrubber's position.
#pragma once

#include <QByteArray>
#include <QFile>

#include <cstdint>

class LineReader {
public:
    // The longest line read: a wait call with every descriptor up to 65,536 in all its sets fits.
    static constexpr qint64 kMaxLineBytes = 16 << 20;

    enum class Result { Line, End, TooLong, Error };

    explicit LineReader(QFile* file) : m_file(file) {}
    // Reads on from `offset`, the first byte of the line numbered `lineNumber` (1 is the first).
    bool seek(uint64_t offset, int64_t lineNumber);
    // The next line, without its newline, and the offset of its first byte.
    Result next(QByteArray* line, uint64_t* offset);
    // The number of the line next() returned last.
    int64_t lineNumber() const { return m_lineNumber; }
    // The offset just after the line next() returned last.
    uint64_t position() const { return m_offset; }

private:
    bool fill();

    QFile* m_file;
    QByteArray m_buffer;
    qsizetype m_start = 0;  // where the unread part of m_buffer begins
    uint64_t m_offset = 0;  // the file offset of m_buffer[m_start]
    int64_t m_lineNumber = 0;
    bool m_eof = false;
};
