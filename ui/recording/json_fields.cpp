// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/recording/json_fields.h"

#include <algorithm>

#include <cmath>
#include <string>

#include "core/trace/json_escape.h"

namespace record_line::fields {

void damaged(const QString& message) {
    throw Damage{message};
}

QString quoted(const QString& text) {
    constexpr qsizetype kShown = 60;
    const bool cut = text.size() > kShown;
    std::string json;
    ss::appendJsonString(json, text.left(kShown).toStdString());
    QString shown = QString::fromStdString(json);
    if (cut)
        shown.insert(shown.size() - 1, QStringLiteral("..."));
    return shown;
}

void onlyKnownKeys(const QJsonObject& o, std::initializer_list<const char*> known) {
    qsizetype present = 0;
    for (const char* key : known)
        present += o.contains(QLatin1String(key));
    if (present == o.size())
        return;
    for (auto it = o.begin(); it != o.end(); ++it)
        if (std::none_of(known.begin(), known.end(),
                         [&](const char* key) { return it.key() == QLatin1String(key); }))
            damaged(QStringLiteral("unknown key %1").arg(quoted(it.key())));
}

QJsonValue required(const QJsonObject& o, QLatin1String key) {
    QJsonValue v = o.value(key);
    if (v.isUndefined())
        damaged(QStringLiteral("%1 is missing").arg(quoted(key)));
    return v;
}

int64_t integer(const QJsonValue& v, QLatin1String key, int64_t min, int64_t max) {
    const double d = v.toDouble(std::nan(""));
    if (!v.isDouble() || std::floor(d) != d || d < double(min) || d > double(max))
        damaged(QStringLiteral("%1 is not an integer from %2 to %3")
                    .arg(quoted(key))
                    .arg(min)
                    .arg(max));
    return int64_t(d);
}

int64_t integerAt(const QJsonObject& o, const char* key, int64_t min, int64_t max) {
    const QLatin1String name(key);
    return integer(required(o, name), name, min, max);
}

int64_t optionalIntegerAt(const QJsonObject& o, const char* key, int64_t absent, int64_t min,
                          int64_t max) {
    const QLatin1String name(key);
    return o.contains(name) ? integer(o.value(name), name, min, max) : absent;
}

QString stringAt(const QJsonObject& o, const char* key) {
    const QLatin1String name(key);
    const QJsonValue v = required(o, name);
    if (!v.isString())
        damaged(QStringLiteral("%1 is not a string").arg(quoted(name)));
    return v.toString();
}

bool flagAt(const QJsonObject& o, const char* key) {
    const QLatin1String name(key);
    if (!o.contains(name))
        return false;
    if (o.value(name) != QJsonValue(true))
        damaged(QStringLiteral("%1 can only be true").arg(quoted(name)));
    return true;
}

QJsonArray arrayAt(const QJsonObject& o, const char* key) {
    const QJsonValue v = o.value(QLatin1String(key));
    if (!v.isArray())
        damaged(QStringLiteral("%1 is not a list").arg(quoted(QLatin1String(key))));
    return v.toArray();
}

QJsonObject entryObject(const QJsonValue& v, const char* list) {
    if (!v.isObject())
        damaged(QStringLiteral("an entry of %1 is not an object").arg(quoted(QLatin1String(list))));
    return v.toObject();
}

}  // namespace record_line::fields
