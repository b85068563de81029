// SPDX-License-Identifier: MIT
// Turns a JSON schema into one deterministic sample value that is valid against it.
#pragma once

#include <QJsonValue>
#include <QString>
#include <QStringList>

#include "core/schema/schemadialect.h"

class SchemaCache;

// What one generated body may cost: past either limit the sampler stops with an error instead of a value.
struct SampleBudget
{
    qint64 maxMilliseconds = 100; // wall time of one sample() call (compiling validators included); <= 0: none
    qint64 maxBytes = 8ll << 20; // approximate size of the value as compact JSON; <= 0: none
};

// A generated value, or why none could be generated (an impossible schema, or one over the budget).
struct SampleResult
{
    QJsonValue value; // Undefined when `error` is set
    QString error; // empty on success: "the schema demands a body over the 8 MiB generation limit", ...
    QString errorPointer; // the schema location that could not be satisfied, when known
    bool timedOut = false; // the error is the time limit: a busy machine may be why, so it is worth another try

    bool ok() const
    {
        return error.isEmpty();
    }
};

// How a sample is built.
struct SampleOptions
{
    SampleBudget budget;
    bool forResponse = true; // responses drop writeOnly properties, requests drop readOnly ones
    int maxDepth = 8; // past this nesting, optional properties go and arrays shrink to minItems
    int maxOptionalDepth = 4; // optional properties only this deep (required ones go on to maxDepth and beyond)
    int maxNodes = 20000; // total values generated before everything turns minimal
    bool includeOptional = true; // include optional properties (above the depth limits, outside recursion)
    // Realistic values by meaning (names, emails, prices, dates near a fixed reference date, ...; RealisticValues),
    // each one checked against its schema by the validator; a value that does not fit falls back to the plain
    // synthesis. false: only the plain synthesis ("string", 0, user@example.com).
    bool realistic = true;
    // The seed of realistic values: the same document, schema and seed give the same value on every run and machine.
    quint64 seed = 0;
    // The top-level value's name when its place in the document does not say (e.g. a parameter sampled from a schema
    // built in code); realistic values read their meaning from it.
    QString name;
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
    static SampleResult generate(const QJsonValue& root, const QJsonValue& schema, SchemaDialect dialect,
        const SampleOptions& options = {}, QStringList* notes = nullptr, const QString& schemaPointer = QString());
    // generate().value, or null when no value could be generated (the error becomes the last note).
    static QJsonValue sample(const QJsonValue& root, const QJsonValue& schema, SchemaDialect dialect,
        const SampleOptions& options = {}, QStringList* notes = nullptr, const QString& schemaPointer = QString());
};
