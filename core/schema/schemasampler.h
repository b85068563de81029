// SPDX-License-Identifier: MIT
// Turns a JSON schema into one deterministic sample value that is valid against it.
#pragma once

#include <QJsonValue>
#include <QStringList>

#include "core/schema/schemadialect.h"

class SchemaCache;

// How a sample is built.
struct SampleOptions
{
    bool forResponse = true; // responses drop writeOnly properties, requests drop readOnly ones
    int maxDepth = 8; // past this nesting, optional properties go and arrays shrink to minItems
    int maxOptionalDepth = 4; // optional properties only this deep (required ones go on to maxDepth and beyond)
    int maxNodes = 20000; // total values generated before everything turns minimal
    bool includeOptional = true; // include optional properties (above the depth limits, outside recursion)
    // Compiled validators for the sampled document (same root and dialect), shared between calls and threads so a
    // large definition compiles once. Used when the schema's pointer is given; otherwise each call compiles its own.
    const SchemaCache* cache = nullptr;
};

// Pure, thread-safe sampler: `root` is the whole document (all $refs are local "#/..." pointers into it).
// Prefers const, valid examples, valid defaults and the first enum value over synthesis; `notes` (may be
// null) receives short sentences for the decision trace. Examples, defaults and union branches are vetted with
// the project's SchemaValidator (response or request direction), so what it accepts is what the mock accepts.
class SchemaSampler
{
public:
    // `schemaPointer` is where `schema` sits inside `root` (null QString: unknown, e.g. a schema built in code).
    static QJsonValue sample(const QJsonValue& root, const QJsonValue& schema, SchemaDialect dialect,
        const SampleOptions& options = {}, QStringList* notes = nullptr, const QString& schemaPointer = QString());
};
