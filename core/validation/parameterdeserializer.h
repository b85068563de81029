// SPDX-License-Identifier: MIT
// Turns raw parameter text (path, query, header, cookie) into typed JSON values per OpenAPI style and explode.
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QSet>
#include <QString>
#include <QStringList>

#include "core/definition/definition.h"
#include "core/http/httprequest.h"

using NameValueList = QList<QPair<QString, QString>>;

// The shape of a property of an object value: enough to coerce text into it.
struct PropertyShape
{
    bool isArray = false; // arrays of primitives come from repeated fields or delimited text
    bool isObject = false; // objects (and arrays of objects) only come as JSON text
    QStringList types; // primitive types of the value (of its items for arrays); empty = any
    QString format; // "binary", "byte", ... (for form fields sent as files)
};

// What a parameter's (or a form body's) schema looks like once its $ref chain is followed.
struct ValueShape
{
    enum class Kind
    {
        Primitive,
        Array,
        Object
    };

    Kind kind = Kind::Primitive;
    QStringList types; // primitive: the value's types; array: the items' types
    QHash<QString, PropertyShape> properties; // object: declared properties (allOf members merged)
    bool itemsAreObjects = false; // array of objects/arrays (items only as JSON text)

    // Follows $refs (and looks into allOf/oneOf/anyOf) against `document`; a missing schema is "any primitive".
    static ValueShape of(const QJsonObject& document, const QJsonValue& schema);
    static QJsonObject resolve(const QJsonObject& document, const QJsonValue& schema);
};

// Every raw value of one request, read once and shared by all parameters of the operation.
struct RequestParameters
{
    NameValueList path; // percent-decoded path variables
    NameValueList query; // decoded query items, in order
    const HeaderList* headers = nullptr;
    NameValueList cookies; // from every Cookie header, in order

    static RequestParameters from(const HttpRequest& request, const NameValueList& pathParameters);
    // "a=1; b=2" -> {a: 1, b: 2}; values are not decoded (RFC 6265 leaves encoding to the application).
    static NameValueList parseCookies(const QByteArray& header);
};

// One parameter read from the request.
struct ParameterValue
{
    bool present = false;
    bool empty = false; // present with an empty value ("?q=", "?q")
    QJsonValue value; // coerced to the schema's types where the text allows it; Undefined when absent
};

class ParameterDeserializer
{
public:
    /**
     * Reads `parameter` from `in` according to its style/explode and `shape`. `otherQueryNames` are the names of the
     * operation's other query parameters: a form-exploded object takes every remaining query item when its schema
     * declares no properties. `content`-based parameters are read as text and parsed as JSON when `jsonContent`.
     */
    static ParameterValue read(const Parameter& parameter, const ValueShape& shape, const RequestParameters& in,
        const QSet<QString>& otherQueryNames = {}, bool jsonContent = false);

    // "42" -> 42 for integer/number, "true"/"false" for boolean, "null" for null; anything else stays a string
    // (so schema validation reports `type`). With "string" among `types` (or no types), the text is kept.
    static QJsonValue coerce(const QString& text, const QStringList& types);

    // Text split into a value of `shape`: items for arrays, name/value pairs for objects (flat or `exploded`
    // "k=v" entries). Used for delimited parameter text and for form fields.
    static QJsonValue fromItems(const QStringList& items, const ValueShape& shape, bool keyValuePairs);

    // Name/value pairs into an object of `shape`: repeated names make arrays for array properties, JSON text for
    // object properties is parsed, other declared properties are coerced, undeclared ones stay strings.
    static QJsonValue fromPairs(const NameValueList& pairs, const ValueShape& shape);
    // Any JSON text (scalars too); text that is not JSON stays a string.
    static QJsonValue parseJsonText(const QString& text);
};
