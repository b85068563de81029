// SPDX-License-Identifier: MIT
// Finds the value a response body (or header) answers with: named example, example, schema example, or generated.
#pragma once

#include <memory>
#include <optional>

#include <QHash>
#include <QReadWriteLock>

#include "core/definition/definition.h"
#include "core/generation/generationcontrol.h"

struct BodySource
{
    QJsonValue value;
    bool present = false; // false: the media type has nothing to send (no example, no schema)
    QString exampleName; // the named example used, if any
    bool generated = false;
    QString reason; // one trace sentence
    QString cacheKey; // identifies the value for serialisation caching (empty: do not cache)
    QString error; // generation failed (impossible schema, over the SampleBudget): `value` is null, answer a 500
    const QJsonValue* schema =
        nullptr; // the media type's schema (names an XML body's elements); owned by the definition
    bool item = false; // `value` is one item of a sequential media type's stream (from its itemSchema)
};

// What a generated body depends on besides its schema: the request's path parameters (the same `/users/7` gives the
// same user) and whether it asked for fresh values (Prism's `Prefer: dynamic=true`; unset: the control's setting).
struct GenerationRequest
{
    QList<QPair<QString, QString>> pathParameters;
    std::optional<bool> dynamic;
};

// Thread-safe: every method may be called from several threads at once. The two lazily filled caches (samples per
// schema location, bytes per source and media type) are guarded by one read-write lock; generation and serialisation
// run outside it, so two threads may compute the same deterministic entry once each and store equal values.
class BodyBuilder
{
public:
    static constexpr qint64 kTimeoutRetryMs = 1000;

    // `generation` holds the seed and dynamic mode (null: seed 0, not dynamic).
    explicit BodyBuilder(DefinitionPtr definition, std::shared_ptr<GenerationControl> generation = nullptr);

    // `forcedExample` names an example of `media` (the caller checked that it exists), or is empty.
    BodySource choose(
        const MediaType& media, const QString& forcedExample = {}, const GenerationRequest& request = {}) const;

    // serialize(source.value, mediaType), computed once per source and media type: examples and generated
    // bodies never change, so the bytes are reused for every request that does not substitute values.
    QByteArray bytes(const BodySource& source, const QString& mediaType) const;

    // The bytes of `value` (the source's value, or a substituted copy of it) as `mediaType`: XML media types get an
    // XML document shaped by the source's schema (a string example is sent verbatim), others serialize().
    QByteArray render(const QJsonValue& value, const BodySource& source, const QString& mediaType) const;

    // The value of one response header: its example(s), the schema's example, or generated.
    QJsonValue headerValue(const HeaderDef& header) const;

    // Bytes on the wire: compact JSON for JSON media types; strings as text for everything else.
    static QByteArray serialize(const QJsonValue& value, const QString& mediaType);
    // Header text: scalars as text, arrays comma-joined, objects as compact JSON.
    static QByteArray headerText(const QJsonValue& value);

private:
    // A media type with an itemSchema (and no example of the whole stream): one item's value.
    BodySource chooseItem(const MediaType& media, BodySource source) const;
    // The schema with its $ref chain followed (to read a top-level example).
    QJsonObject resolvedSchema(const QJsonValue& schema) const;
    struct Sample
    {
        QJsonValue value; // null when `error` is set
        QStringList notes; // trace sentences from the sampler
        QString error; // empty unless the schema cannot be sampled (impossible, or over the SampleBudget)
        qint64 retryAtMs = 0; // a time-limit error: the steady clock (ms) from which it is tried again
    };
    // Errors are cached like values: an impossible or over-size schema is not retried on every request (a reload,
    // which builds a new pipeline, tries again). A time-limit error may come from a busy machine rather than the
    // schema, so it is kept for kTimeoutRetryMs only: one load spike does not make an operation answer 500 until the
    // next reload, and a schema that is truly too slow costs one try per interval, not one per request.
    // `seed` seeds realistic values; `cache` false for dynamic draws, which are never reused.
    Sample generate(const QString& cacheKey, const QString& schemaPointer, const QJsonValue& schema, quint64 seed,
        bool cache = true) const;

    DefinitionPtr m_definition;
    std::shared_ptr<GenerationControl> m_generation;
    mutable QReadWriteLock m_cacheLock;
    mutable QHash<QString, Sample> m_generated; // schema pointer -> sample (or why there is none)
    mutable QHash<QString, QByteArray> m_bytes; // cacheKey + media type -> bytes
};
