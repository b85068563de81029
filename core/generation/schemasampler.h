// SPDX-License-Identifier: MIT
// Turns a JSON schema into one deterministic sample value that is valid against it.
#pragma once

#include "core/spec/schemadialect.h"

#include <QJsonValue>
#include <QStringList>

// How a sample is built.
struct SampleOptions
{
    bool forResponse = true;     // responses drop writeOnly properties, requests drop readOnly ones
    int maxDepth = 8;            // past this nesting, optional properties go and arrays shrink to minItems
    int maxNodes = 20000;        // total values generated before everything turns minimal
    bool includeOptional = true; // include optional properties (above maxDepth, outside recursion)
};

// Pure, thread-safe sampler: `root` is the whole document (all $refs are local "#/..." pointers into it).
// Prefers const, valid examples, valid defaults and the first enum value over synthesis; `notes` (may be
// null) receives short sentences for the decision trace.
class SchemaSampler
{
public:
    static QJsonValue sample(const QJsonValue& root, const QJsonValue& schema, SchemaDialect dialect,
                             const SampleOptions& options = {}, QStringList* notes = nullptr);
};
