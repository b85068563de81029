// SPDX-License-Identifier: MIT
// Finds schemas that no value can satisfy (contradicting keywords), for diagnostics at load time.
#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>

#include "core/schema/schemadialect.h"

// One contradiction: where it is (a pointer into the document) and what contradicts what.
struct SchemaProblem
{
    QString pointer; // the schema, or its offending keyword
    QString message; // "minLength 5 is above maxLength 2"
};

namespace SchemaChecks {

// Checks the keywords of the one schema at `pointer` (its subschemas are checked when the caller visits them):
// `allOf`/`$ref` types that share no value, `not: {}`, an empty `enum`, min above max (length, value, items,
// properties), an invalid or non-ECMA `pattern`, and `uniqueItems` that cannot reach `minItems` distinct items.
// `root` resolves local `$ref`s. Cheap: no compiling, a few lookups per schema.
QList<SchemaProblem> impossibilities(
    const QJsonValue& root, const QString& pointer, const QJsonValue& schema, SchemaDialect dialect);

} // namespace SchemaChecks
