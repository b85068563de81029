// SPDX-License-Identifier: MIT
// Read-only helpers that turn parts of a definition into text for display (refs, samples, pretty JSON).
#pragma once

#include <QJsonValue>
#include <QString>

#include "core/definition/definition.h"

namespace SpecFormat {

// Follows a chain of local "$ref"s (bounded) and returns the target; other values are returned unchanged.
QJsonValue resolveRef(const QJsonValue& value, const QJsonObject& document);
// Replaces local "$ref"s by their targets up to `depth` levels; cycles stay as {"$ref": ...}.
QJsonValue inlineRefs(const QJsonValue& value, const QJsonObject& document, int depth = 8);
// Indented JSON for objects/arrays, JSON text for scalars, "" for Undefined.
QString prettyJson(const QJsonValue& value);
// Indents a body when it is JSON; otherwise returns it as text (binary shown as a placeholder).
QString prettyBody(const QByteArray& body, const QByteArray& contentType);
// A plausible value for `schema`: example, default, first enum value, else built from the type.
QJsonValue sampleValue(const QJsonValue& schema, const QJsonObject& document, int depth = 0);
// Only what the definition states (example, const, default, enum); Undefined when it states nothing.
QJsonValue declaredValue(const QJsonValue& schema, const QJsonObject& document);
// The value to show for a parameter: its example, first named example, else sampleValue(schema)
// (or declaredValue(schema) when `synthesize` is false).
QJsonValue parameterSample(const Parameter& parameter, const QJsonObject& document, bool synthesize = true);
// The example to send for a media type: example, first named example, else a sample from the schema.
QJsonValue mediaTypeSample(const MediaType& mediaType, const QJsonObject& document);
// A short type description for a schema: "string (uuid)", "array of Pet", "integer".
QString typeSummary(const QJsonValue& schema, const QJsonObject& document);

} // namespace SpecFormat
