// SPDX-License-Identifier: GPL-3.0-or-later
// The strict reading of one recording line's keys, shared by the line readers (record_line,
// start_line): a key of the wrong type, a missing key, an unknown key or an unknown name throws
// Damage with a message that names the key, and the reader turns it into its error.
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <cstdint>
#include <initializer_list>
#include <string_view>

namespace record_line::fields {

struct Damage {
    QString message;
};

[[noreturn]] void damaged(const QString& message);
// A key or a value of the line as a JSON string ("a\nb"), cut after 60 characters: a message
// that quotes a damaged line stays one line, however the line is damaged.
QString quoted(const QString& text);

// Every key of `o` must be one of `known`: an unknown key is damage, not something to skip.
void onlyKnownKeys(const QJsonObject& o, std::initializer_list<const char*> known);
// Keys are Latin-1 literals: a line is read without building a string per key, and the key's
// QString is made only for the message of damage.
QJsonValue required(const QJsonObject& o, QLatin1String key);

// Counters and times: whole numbers a JSON double holds exactly.
constexpr int64_t kMaxCount = int64_t(1) << 53;
constexpr int64_t kMaxUs = kMaxCount;

// JSON numbers are doubles; a count or a descriptor must be a whole one that fits.
int64_t integer(const QJsonValue& v, QLatin1String key, int64_t min = INT32_MIN,
                int64_t max = INT32_MAX);
int64_t integerAt(const QJsonObject& o, const char* key, int64_t min = INT32_MIN,
                  int64_t max = INT32_MAX);
int64_t optionalIntegerAt(const QJsonObject& o, const char* key, int64_t absent,
                          int64_t min = INT32_MIN, int64_t max = INT32_MAX);
QString stringAt(const QJsonObject& o, const char* key);
// A key that, when present, can only be true.
bool flagAt(const QJsonObject& o, const char* key);
QJsonArray arrayAt(const QJsonObject& o, const char* key);
QJsonObject entryObject(const QJsonValue& v, const char* list);

// The enumerator whose `name(value)` is `text`, for values 0 .. last.
template <typename Enum, typename NameOf>
Enum byName(const QString& text, int last, NameOf name, const char* key) {
    for (int i = 0; i <= last; ++i) {
        const std::string_view n = name(Enum(i));
        if (text == QLatin1String(n.data(), qsizetype(n.size())))
            return Enum(i);
    }
    damaged(
        QStringLiteral("%1 has an unknown value %2").arg(quoted(QLatin1String(key)), quoted(text)));
}

}  // namespace record_line::fields
