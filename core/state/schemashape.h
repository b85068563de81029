// SPDX-License-Identifier: MIT
// The object shape of a schema for stateful mode: properties, required, id extension, with $ref and allOf followed.
#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// A schema with the $ref chain followed, and where it lives in the document.
struct SchemaRef
{
    QJsonObject schema;
    QString pointer; // empty when unknown (a schema built in code)
    QJsonValue value() const
    {
        return schema.isEmpty() && pointer.isEmpty() ? QJsonValue() : QJsonValue(schema);
    }
};

// What stateful mode needs to know about one schema (allOf parts merged).
struct SchemaShape
{
    QString type; // "object", "array", "integer", "string", ... (empty when not declared)
    QString format;
    QHash<QString, SchemaRef> properties;
    QStringList propertyOrder; // as merged from the parts, in document order
    QStringList required;
    QStringList readOnly; // property names
    QStringList writeOnly;
    SchemaRef items; // for arrays
    QString idExtension; // x-understudy-id on the schema or one of its allOf parts
    double minimum = 0;
    bool hasMinimum = false;

    bool isObject() const
    {
        return type == QLatin1String("object") || (type.isEmpty() && !properties.isEmpty());
    }
    bool isArray() const
    {
        return type == QLatin1String("array");
    }

    // Follows local $refs from `value` (sitting at `pointer`); bounded, so a cycle ends.
    static SchemaRef resolve(const QJsonObject& document, const QJsonValue& value, const QString& pointer);
    static SchemaShape of(const QJsonObject& document, const QJsonValue& value, const QString& pointer);
    // `value` as a response shows it: every `writeOnly` property removed, in nested objects and array items too.
    static QJsonValue withoutWriteOnly(const QJsonObject& document, const SchemaRef& schema, const QJsonValue& value);
    // The same for every item of a list, merging each schema once for the whole list.
    static QJsonArray withoutWriteOnly(
        const QJsonObject& document, const SchemaRef& itemSchema, const QList<QJsonObject>& items);
};
