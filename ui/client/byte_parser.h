// SPDX-License-Identifier: GPL-3.0-or-later
// Turns what a student types into the exact bytes that go on the wire, and bytes that came back
// into text a class can read. Pure functions over Qt Core: no widgets, no state, so that a fuzzer
// can call them with anything. Every error is one sentence that names what is wrong and where
// (positions count characters of the input from 1).
#pragma once

#include <QByteArray>
#include <QString>

enum class InputMode {
    Text,     // the characters as UTF-8
    Hex,      // "68 65 6c", "68656c", "0x68 0x65"; whitespace is ignored
    Escaped,  // C/Python-like: \n \r \t \0 \\ \xNN \uXXXX and a few more
};

// Returns the bytes for `text` in `mode`. On bad input returns an empty array and, if `error`
// is not null, sets it to a one-line explanation; on success clears `error`.
QByteArray parseBytes(const QString& text, InputMode mode, QString* error = nullptr);

// "68 65 6c 6c 6f": two lower-case hex digits per byte, separated by single spaces.
QString toHexDump(const QByteArray& bytes);

// UTF-8 text where the bytes are valid UTF-8; everything else as escapes that parseBytes()
// in Escaped mode turns back into the same bytes: invalid bytes and control bytes as \xNN
// (or \n \r \t \0), a backslash as \\, control characters above 0x7f and the invisible
// U+FEFF (byte order mark) as \uXXXX.
QString toPrintable(const QByteArray& bytes);

// Number of bytes (1 to 4) of the valid, shortest-form UTF-8 sequence that starts at
// data[0], or 0 when the bytes there are not one. Never reads beyond data[size - 1].
int utf8SequenceLength(const char* data, qsizetype size);
