// SPDX-License-Identifier: MIT
#include "core/validation/parameterdeserializer.h"

#include <cmath>

#include <QJsonArray>
#include <QJsonDocument>

#include "core/json/jsonpointer.h"

namespace {

constexpr int kMaxRefHops = 32;
constexpr int kMaxCombinatorDepth = 4;

QStringList typesOf(const QJsonObject& document, const QJsonObject& schema, int depth);

QStringList declaredTypes(const QJsonObject& schema)
{
    const QJsonValue type = schema.value(QLatin1String("type"));
    if (type.isString())
        return { type.toString() };
    QStringList out;
    for (const QJsonValue& t : type.toArray())
        out.append(t.toString());
    return out;
}

// A schema without `type` may still say what it is through allOf/oneOf/anyOf members, `properties` or `items`.
QStringList typesOf(const QJsonObject& document, const QJsonObject& schema, int depth)
{
    QStringList types = declaredTypes(schema);
    if (!types.isEmpty() || depth > kMaxCombinatorDepth)
        return types;
    for (const QLatin1String key : { QLatin1String("allOf"), QLatin1String("oneOf"), QLatin1String("anyOf") }) {
        for (const QJsonValue& member : schema.value(key).toArray()) {
            for (const QString& t : typesOf(document, ValueShape::resolve(document, member), depth + 1))
                if (!types.contains(t))
                    types.append(t);
        }
        if (!types.isEmpty())
            return types;
    }
    if (schema.contains(QLatin1String("properties")) || schema.contains(QLatin1String("additionalProperties")))
        return { QStringLiteral("object") };
    if (schema.contains(QLatin1String("items")))
        return { QStringLiteral("array") };
    return types;
}

bool has(const QStringList& types, const char* type)
{
    return types.contains(QLatin1String(type));
}

void collectProperties(
    const QJsonObject& document, const QJsonObject& schema, int depth, QHash<QString, PropertyShape>* out)
{
    const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
    for (auto it = properties.constBegin(); it != properties.constEnd(); ++it) {
        if (out->contains(it.key()))
            continue;
        const QJsonObject property = ValueShape::resolve(document, it.value());
        PropertyShape shape;
        QStringList types = typesOf(document, property, 0);
        shape.format = property.value(QLatin1String("format")).toString();
        if (has(types, "array")) {
            shape.isArray = true;
            const QJsonObject items = ValueShape::resolve(document, property.value(QLatin1String("items")));
            types = typesOf(document, items, 0);
            shape.isObject = has(types, "object") || has(types, "array");
            if (shape.format.isEmpty())
                shape.format = items.value(QLatin1String("format")).toString();
        } else {
            shape.isObject = has(types, "object");
        }
        shape.types = types;
        out->insert(it.key(), shape);
    }
    if (depth > kMaxCombinatorDepth)
        return;
    for (const QLatin1String key : { QLatin1String("allOf"), QLatin1String("oneOf"), QLatin1String("anyOf") })
        for (const QJsonValue& member : schema.value(key).toArray())
            collectProperties(document, ValueShape::resolve(document, member), depth + 1, out);
}

QStringList split(const QString& text, QChar separator)
{
    if (text.isEmpty())
        return {};
    return text.split(separator);
}

QString stripPrefix(const QString& text, const QString& prefix, bool* ok)
{
    *ok = text.startsWith(prefix);
    return *ok ? text.mid(prefix.size()) : text;
}

QJsonValue parseJsonText(const QString& text)
{
    return ParameterDeserializer::parseJsonText(text);
}

} // namespace

QJsonValue ParameterDeserializer::parseJsonText(const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    QJsonParseError error;
    // QJsonDocument takes only objects and arrays; wrapping accepts scalars as well.
    const QJsonDocument doc = QJsonDocument::fromJson("[" + utf8 + "]", &error);
    if (error.error != QJsonParseError::NoError || doc.array().size() != 1)
        return text;
    return doc.array().first();
}

namespace {

// Groups name/value pairs into an object of `shape`: repeated names make arrays for array properties.
QJsonValue objectFromPairs(const NameValueList& pairs, const ValueShape& shape)
{
    QStringList order;
    QHash<QString, QStringList> values;
    for (const auto& p : pairs) {
        if (!values.contains(p.first))
            order.append(p.first);
        values[p.first].append(p.second);
    }
    QJsonObject object;
    for (const QString& key : std::as_const(order)) {
        const QStringList& texts = values[key];
        const auto property = shape.properties.constFind(key);
        if (property == shape.properties.constEnd()) {
            if (texts.size() == 1)
                object.insert(key, texts.first());
            else
                object.insert(key, QJsonArray::fromStringList(texts));
            continue;
        }
        if (property->isArray) {
            QJsonArray array;
            for (const QString& t : texts)
                array.append(property->isObject ? parseJsonText(t) : ParameterDeserializer::coerce(t, property->types));
            object.insert(key, array);
        } else {
            const QString& t = texts.first();
            object.insert(
                key, property->isObject ? parseJsonText(t) : ParameterDeserializer::coerce(t, property->types));
        }
    }
    return object;
}

NameValueList pairsFrom(const QStringList& items, bool keyValuePairs)
{
    NameValueList pairs;
    if (keyValuePairs) {
        for (const QString& item : items) {
            const int eq = item.indexOf(QLatin1Char('='));
            pairs.append(eq < 0 ? qMakePair(item, QString()) : qMakePair(item.left(eq), item.mid(eq + 1)));
        }
    } else {
        for (int i = 0; i < items.size(); i += 2)
            pairs.append({ items.at(i), i + 1 < items.size() ? items.at(i + 1) : QString() });
    }
    return pairs;
}

const QString* findValue(const NameValueList& list, const QString& name)
{
    for (const auto& p : list)
        if (p.first == name)
            return &p.second;
    return nullptr;
}

} // namespace

QJsonObject ValueShape::resolve(const QJsonObject& document, const QJsonValue& schema)
{
    return JsonPointer::followRefs(document, schema, kMaxRefHops - 1);
}

ValueShape ValueShape::of(const QJsonObject& document, const QJsonValue& schema)
{
    ValueShape shape;
    const QJsonObject resolved = resolve(document, schema);
    const QStringList types = typesOf(document, resolved, 0);
    if (has(types, "array")) {
        shape.kind = Kind::Array;
        const QJsonObject items = resolve(document, resolved.value(QLatin1String("items")));
        shape.types = typesOf(document, items, 0);
        shape.itemsAreObjects = has(shape.types, "object") || has(shape.types, "array");
    } else if (has(types, "object")) {
        shape.kind = Kind::Object;
        collectProperties(document, resolved, 0, &shape.properties);
    } else {
        shape.types = types;
    }
    return shape;
}

RequestParameters RequestParameters::from(const HttpRequest& request, const NameValueList& pathParameters)
{
    RequestParameters in;
    in.path = pathParameters;
    in.query = request.queryItems();
    in.headers = &request.headers;
    for (const auto& h : request.headers)
        if (h.first.compare("Cookie", Qt::CaseInsensitive) == 0)
            in.cookies.append(parseCookies(h.second));
    return in;
}

NameValueList RequestParameters::parseCookies(const QByteArray& header)
{
    NameValueList out;
    for (const QByteArray& part : header.split(';')) {
        const QByteArray trimmed = part.trimmed();
        if (trimmed.isEmpty())
            continue;
        const int eq = trimmed.indexOf('=');
        QByteArray value = eq < 0 ? QByteArray() : trimmed.mid(eq + 1).trimmed();
        if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
            value = value.mid(1, value.size() - 2);
        out.append({ QString::fromUtf8(eq < 0 ? trimmed : trimmed.left(eq).trimmed()), QString::fromUtf8(value) });
    }
    return out;
}

QJsonValue ParameterDeserializer::coerce(const QString& text, const QStringList& types)
{
    if (types.isEmpty() || has(types, "string"))
        return text;
    bool ok = false;
    if (has(types, "integer")) {
        const qlonglong n = text.toLongLong(&ok);
        if (ok)
            return QJsonValue(n);
        const double d = text.toDouble(&ok);
        if (ok && std::isfinite(d) && std::floor(d) == d && !text.trimmed().isEmpty())
            return d;
    }
    if (has(types, "number")) {
        const double d = text.toDouble(&ok);
        if (ok && std::isfinite(d) && !text.trimmed().isEmpty())
            return d;
    }
    if (has(types, "boolean")) {
        if (text == QLatin1String("true"))
            return true;
        if (text == QLatin1String("false"))
            return false;
    }
    if (has(types, "null") && text == QLatin1String("null"))
        return QJsonValue(QJsonValue::Null);
    return text;
}

QJsonValue ParameterDeserializer::fromPairs(const NameValueList& pairs, const ValueShape& shape)
{
    return objectFromPairs(pairs, shape);
}

QJsonValue ParameterDeserializer::fromItems(const QStringList& items, const ValueShape& shape, bool keyValuePairs)
{
    switch (shape.kind) {
    case ValueShape::Kind::Array: {
        QJsonArray array;
        for (const QString& item : items)
            array.append(shape.itemsAreObjects ? parseJsonText(item) : coerce(item, shape.types));
        return array;
    }
    case ValueShape::Kind::Object:
        return objectFromPairs(pairsFrom(items, keyValuePairs), shape);
    case ValueShape::Kind::Primitive:
        break;
    }
    return coerce(items.join(QLatin1Char(',')), shape.types);
}

ParameterValue ParameterDeserializer::read(const Parameter& parameter, const ValueShape& shape,
    const RequestParameters& in, const QSet<QString>& otherQueryNames, bool jsonContent)
{
    ParameterValue out;
    const QString& name = parameter.name;
    const QString& where = parameter.in;
    const QString style = parameter.style;
    const bool explode = parameter.explode;
    const bool contentBased = !parameter.content.isEmpty();
    const auto finishText = [&](const QString& text) {
        out.present = true;
        out.empty = text.isEmpty();
        if (contentBased)
            out.value = jsonContent ? parseJsonText(text) : QJsonValue(text);
    };

    if (where == QLatin1String("query")) {
        if (contentBased) {
            if (const QString* text = findValue(in.query, name))
                finishText(*text);
            return out;
        }
        if (style == QLatin1String("deepObject")) {
            NameValueList pairs;
            const QString prefix = name + QLatin1Char('[');
            for (const auto& q : in.query) {
                if (!q.first.startsWith(prefix))
                    continue;
                const int close = q.first.indexOf(QLatin1Char(']'), prefix.size());
                if (close < 0)
                    continue;
                pairs.append({ q.first.mid(prefix.size(), close - prefix.size()), q.second });
            }
            if (pairs.isEmpty())
                return out;
            out.present = true;
            out.value = shape.kind == ValueShape::Kind::Object ? objectFromPairs(pairs, shape)
                                                               : coerce(pairs.first().second, shape.types);
            return out;
        }
        if (shape.kind == ValueShape::Kind::Object && explode) {
            // form (and the delimited styles, which explode like form) spread the properties over the query.
            NameValueList pairs;
            for (const auto& q : in.query) {
                const bool mine = shape.properties.isEmpty() ? (q.first != name && !otherQueryNames.contains(q.first))
                                                             : shape.properties.contains(q.first);
                if (mine)
                    pairs.append(q);
            }
            if (pairs.isEmpty())
                return out;
            out.present = true;
            out.value = objectFromPairs(pairs, shape);
            return out;
        }
        QStringList texts;
        for (const auto& q : in.query)
            if (q.first == name)
                texts.append(q.second);
        if (texts.isEmpty())
            return out;
        out.present = true;
        out.empty = texts.size() == 1 && texts.first().isEmpty();
        if (shape.kind == ValueShape::Kind::Array && explode) {
            out.value = fromItems(texts, shape, false);
            return out;
        }
        const QString& text = texts.first();
        if (shape.kind == ValueShape::Kind::Primitive) {
            out.value = coerce(text, shape.types);
            return out;
        }
        QChar separator = QLatin1Char(',');
        if (style == QLatin1String("spaceDelimited"))
            separator = QLatin1Char(' ');
        else if (style == QLatin1String("pipeDelimited"))
            separator = QLatin1Char('|');
        out.value = fromItems(split(text, separator), shape, false);
        return out;
    }

    QString text;
    if (where == QLatin1String("header")) {
        bool found = false;
        for (const auto& h : *in.headers) {
            if (QString::fromLatin1(h.first).compare(name, Qt::CaseInsensitive) != 0)
                continue;
            if (found)
                text += QLatin1Char(',');
            text += QString::fromUtf8(h.second).trimmed();
            found = true;
        }
        if (!found)
            return out;
    } else if (where == QLatin1String("cookie")) {
        QStringList texts;
        for (const auto& c : in.cookies)
            if (c.first == name)
                texts.append(c.second);
        if (texts.isEmpty())
            return out;
        if (!contentBased && shape.kind == ValueShape::Kind::Array && explode && texts.size() > 1) {
            out.present = true;
            out.value = fromItems(texts, shape, false);
            return out;
        }
        text = texts.first();
    } else { // path
        const QString* value = findValue(in.path, name);
        if (!value || value->isEmpty())
            return out; // an empty segment ("/a//b" for "/a/{id}/b") leaves the parameter missing
        text = *value;
    }
    finishText(text);
    if (contentBased)
        return out;

    // simple (headers and paths), form (cookies), label and matrix (paths).
    QChar separator = QLatin1Char(',');
    bool ok = true;
    if (style == QLatin1String("label")) {
        text = stripPrefix(text, QStringLiteral("."), &ok);
        if (explode)
            separator = QLatin1Char('.');
    } else if (style == QLatin1String("matrix")) {
        if (shape.kind == ValueShape::Kind::Object && explode) {
            text = stripPrefix(text, QStringLiteral(";"), &ok);
            separator = QLatin1Char(';');
        } else if (shape.kind == ValueShape::Kind::Array && explode) {
            // ";id=3;id=4" -> "3", "4"
            const QString prefix = QLatin1Char(';') + name + QLatin1Char('=');
            QStringList items;
            for (const QString& part : text.split(QLatin1Char(';'), Qt::SkipEmptyParts))
                items.append(part.startsWith(name + QLatin1Char('=')) ? part.mid(name.size() + 1) : part);
            ok = text.startsWith(prefix);
            out.value = ok ? fromItems(items, shape, false) : QJsonValue(text);
            return out;
        } else {
            text = stripPrefix(text, QLatin1Char(';') + name + QLatin1Char('='), &ok);
            if (!ok && text == QLatin1Char(';') + name) { // ";flag" = empty value
                text.clear();
                ok = true;
            }
        }
    }
    if (!ok) {
        // Not in the declared style: keep the raw text so validation reports it.
        out.value = text;
        return out;
    }
    if (shape.kind == ValueShape::Kind::Primitive)
        out.value = coerce(text, shape.types);
    else
        out.value = fromItems(split(text, separator), shape, shape.kind == ValueShape::Kind::Object && explode);
    return out;
}
