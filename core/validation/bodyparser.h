// SPDX-License-Identifier: MIT
// Parses a request body (JSON, urlencoded or multipart form, text) into a JSON value the schema validator checks.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include "core/http/problem.h"
#include "core/validation/parameterdeserializer.h"

// Bounds that keep hostile bodies cheap: anything beyond them is an error, never a long wait.
struct BodyLimits
{
    qint64 maxBytes = 16ll << 20; // bodies larger than this are refused, not parsed
    int maxDepth = 128; // JSON nesting
    int maxParts = 1000; // multipart parts and urlencoded fields
};

// Checks on form field values that the schema cannot express, applied while a form body is parsed.
struct FormRules
{
    // OpenAPI 3 `encoding.allowReserved` (default false): a reserved character (RFC 3986 gen-delims and sub-delims,
    // but `+`, `&` and `=` that frame the form) left unencoded in a field value is a violation. Always for urlencoded
    // bodies; for multipart parts only where the field's encoding spells out style, explode or allowReserved.
    bool checkReserved = false;
    // Swagger 2 formData fields without `allowEmptyValue: true`: "id" or "id=" (an empty part) is a violation.
    QStringList nonEmpty;
};

// One parsed body: the value to validate, or the reasons it could not be read.
struct ParsedBody
{
    QJsonValue value = QJsonValue(QJsonValue::Undefined); // Undefined when nothing could be read
    QList<ProblemError> errors; // syntax errors, multipart framing, per-part content types
    qint64 errorOffset = -1; // JSON errors: byte offset as QJsonParseError reports it, 1-based line and column
    int errorLine = 0;
    int errorColumn = 0;
    bool ok() const
    {
        return errors.isEmpty();
    }
};

// One part of a multipart/form-data body.
struct MultipartPart
{
    QString name; // Content-Disposition name
    QString filename; // null when the part is not a file
    QString contentType; // the part's Content-Type ("text/plain" when absent)
    QByteArray data;
};

class BodyParser
{
public:
    // JSON text of any top-level kind; syntax errors carry offset and line/column.
    static ParsedBody parseJson(const QByteArray& body, const BodyLimits& limits = {});

    // "a=1&b=x+y" into an object shaped by `shape`: typed fields coerced, repeated fields become arrays.
    // `encoding` is the media type's `encoding` map (per property: style, explode, contentType).
    static ParsedBody parseUrlEncoded(const QByteArray& body, const ValueShape& shape, const QJsonObject& encoding = {},
        const BodyLimits& limits = {}, const FormRules& rules = {});

    // Splits a multipart body by the boundary of `contentType`; errors for a missing boundary or closing line.
    static QList<MultipartPart> splitMultipart(
        const QByteArray& body, const QString& contentType, QList<ProblemError>* errors, const BodyLimits& limits = {});
    // Parts become properties: files as (binary) strings, JSON parts parsed, typed fields coerced; a part whose
    // Content-Type does not match its `encoding` contentType is an error at body/<name>.
    static ParsedBody parseMultipart(const QByteArray& body, const QString& contentType, const ValueShape& shape,
        const QJsonObject& encoding = {}, const BodyLimits& limits = {}, const FormRules& rules = {});

    // The first reserved character of `raw` a field value must not carry unencoded (see FormRules), or 0.
    // `delimiter` (a non-exploded array's separator) is allowed.
    static char unencodedReserved(const QByteArray& raw, QChar delimiter = QChar());

    // XML (application/xml, text/xml, +xml) read into the value the schema describes (see XmlCodec: elements and
    // attributes by their `xml` names, wrapped and repeated arrays); syntax errors carry the parser's line/column.
    static ParsedBody parseXml(
        const QByteArray& body, const QJsonObject& document, const QJsonValue& schema, const BodyLimits& limits = {});

    // text/plain and other text: a string, coerced when the schema is a number, integer or boolean.
    static ParsedBody parseText(const QByteArray& body, const ValueShape& shape);
};
