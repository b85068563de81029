// SPDX-License-Identifier: MIT
// A compact, compile-free schema checker; ExampleLinter's prefilter before the real SchemaValidator.
#pragma once

#include <QJsonValue>
#include <QString>

#include "core/schema/schemadialect.h"

// The sampler no longer uses it (it vets values with core/validation's SchemaValidator). Deliberately strict
// (formats, OpenAPI 3.0 `nullable` only next to `type`, writeOnly/readOnly presence), so a value it accepts is
// accepted by laxer validators too. Unresolvable `$ref`s accept anything. Thread-safe: no
// mutable state; every call is bounded by a depth limit.
class SampleValidator
{
public:
    SampleValidator(const QJsonValue& root, SchemaDialect dialect, bool forResponse);

    bool accepts(const QJsonValue& value, const QJsonValue& schema) const;

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
