// SPDX-License-Identifier: MIT
// Finds the value a response body (or header) answers with: named example, example, schema example, or generated.
#pragma once

#include <QHash>
#include <QMutex>

#include "core/definition/definition.h"

struct BodySource
{
    QJsonValue value;
    bool present = false; // false: the media type has nothing to send (no example, no schema)
    QString exampleName; // the named example used, if any
    bool generated = false;
    QString reason; // one trace sentence
    QString cacheKey; // identifies the value for serialisation caching (empty: do not cache)
    QString error; // generation failed (impossible schema, over the SampleBudget): `value` is null, answer a 500
};

class BodyBuilder
{
public:
    explicit BodyBuilder(DefinitionPtr definition);

    // `forcedExample` names an example of `media` (the caller checked that it exists), or is empty.
    BodySource choose(const MediaType& media, const QString& forcedExample = {}) const;

    // serialize(source.value, mediaType), computed once per source and media type: examples and generated
    // bodies never change, so the bytes are reused for every request that does not substitute values.
    QByteArray bytes(const BodySource& source, const QString& mediaType) const;

    // The value of one response header: its example(s), the schema's example, or generated.
    QJsonValue headerValue(const HeaderDef& header) const;

    // Bytes on the wire: compact JSON for JSON media types; strings as text for everything else.
    static QByteArray serialize(const QJsonValue& value, const QString& mediaType);
    // Header text: scalars as text, arrays comma-joined, objects as compact JSON.
    static QByteArray headerText(const QJsonValue& value);

private:
    // The schema with its $ref chain followed (to read a top-level example).
    QJsonObject resolvedSchema(const QJsonValue& schema) const;
    QJsonValue generate(const QString& cacheKey, const QString& schemaPointer, const QJsonValue& schema,
        QStringList* notes, QString* error = nullptr) const;

    DefinitionPtr m_definition;
    mutable QMutex m_cacheMutex;
    struct Generated
    {
        QJsonValue value;
        QStringList notes;
        QString error;
    };
    mutable QHash<QString, Generated> m_generated; // schema pointer -> sample (or why there is none), notes
    mutable QHash<QString, QByteArray> m_bytes; // cacheKey + media type -> bytes
};
