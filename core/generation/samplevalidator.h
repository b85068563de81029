// SPDX-License-Identifier: MIT
// A compact schema checker the sampler uses to vet examples, defaults and union branches it picks.
#pragma once

#include "core/spec/schemadialect.h"

#include <QJsonValue>
#include <QString>

// Deliberately strict (formats, OpenAPI 3.0 `nullable` only next to `type`, writeOnly/readOnly presence), so a
// value it accepts is accepted by laxer validators too. Unresolvable `$ref`s accept anything. Thread-safe: no
// mutable state; every call is bounded by a depth limit.
class SampleValidator
{
public:
    SampleValidator(const QJsonValue& root, SchemaDialect dialect, bool forResponse);

    bool accepts(const QJsonValue& value, const QJsonValue& schema) const;

    // RFC 3339 / RFC 4122 / ... checks for the formats the sampler generates; unknown formats pass.
    static bool formatAccepts(const QString& format, const QString& value);
    static bool numberFormatAccepts(const QString& format, double value);
    static bool isMultipleOf(double value, double divisor);

private:
    bool check(const QJsonValue& value, const QJsonValue& schema, int depth) const;
    bool checkObject(const QJsonObject& value, const QJsonObject& schema, int depth) const;
    bool checkArray(const QJsonArray& value, const QJsonObject& schema, int depth) const;
    bool hasFlag(const QJsonValue& schema, const QString& flag, int depth) const;
    QJsonValue resolve(const QJsonValue& schema) const;

    QJsonValue m_root;
    SchemaDialect m_dialect;
    bool m_forResponse;
};
