// SPDX-License-Identifier: MIT
// Equality of two JSON values as a reader produced them, for tests and fuzz targets that compare two readings.
#pragma once

#include <cmath>

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

namespace TestUtils {

// QJsonValue's == with one difference: NaN equals NaN. YAML's `.nan` reads as NaN, and NaN != NaN would make two
// identical readings of it differ.
inline bool sameJson(const QJsonValue& a, const QJsonValue& b)
{
    if (a.isDouble() && b.isDouble() && std::isnan(a.toDouble()) && std::isnan(b.toDouble()))
        return true;
    if (a.type() != b.type())
        return false;
    if (a.isArray()) {
        const QJsonArray x = a.toArray(), y = b.toArray();
        if (x.size() != y.size())
            return false;
        for (qsizetype i = 0; i < x.size(); ++i) {
            if (!sameJson(x.at(i), y.at(i)))
                return false;
        }
        return true;
    }
    if (a.isObject()) {
        const QJsonObject x = a.toObject(), y = b.toObject();
        if (x.size() != y.size())
            return false;
        for (auto it = x.begin(); it != x.end(); ++it) {
            if (!y.contains(it.key()) || !sameJson(it.value(), y.value(it.key())))
                return false;
        }
        return true;
    }
    return a == b;
}

} // namespace TestUtils
