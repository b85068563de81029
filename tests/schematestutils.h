// SPDX-License-Identifier: MIT
// Checks on generated JSON values shared by the schema sampler and generated-body tests.
#pragma once

#include <cmath>

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

namespace SchemaTestUtils {

// False when any number in the tree is NaN or infinite: JSON cannot carry them, so a sample holding one is broken.
inline bool allFinite(const QJsonValue& v)
{
    if (v.isDouble())
        return std::isfinite(v.toDouble());
    if (v.isObject()) {
        for (const QJsonValue& c : v.toObject()) {
            if (!allFinite(c))
                return false;
        }
    } else if (v.isArray()) {
        for (const QJsonValue& c : v.toArray()) {
            if (!allFinite(c))
                return false;
        }
    }
    return true;
}

} // namespace SchemaTestUtils
