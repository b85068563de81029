// SPDX-License-Identifier: MIT
#include "core/state/schemashape.h"

#include <QJsonArray>

#include "core/json/jsonpointer.h"

namespace {

constexpr int kMaxDepth = 16;

QString typeOf(const QJsonObject& schema)
{
    const QJsonValue type = schema.value(QStringLiteral("type"));
    if (type.isString())
        return type.toString();
    if (type.isArray())
        for (const QJsonValue& t : type.toArray())
            if (t.toString() != QLatin1String("null"))
                return t.toString();
    return {};
}

void merge(const QJsonObject& document, const SchemaRef& part, SchemaShape* shape, int depth)
{
    if (depth > kMaxDepth)
        return;
    const QJsonObject& s = part.schema;
    if (shape->type.isEmpty())
        shape->type = typeOf(s);
    if (shape->format.isEmpty())
        shape->format = s.value(QStringLiteral("format")).toString();
    if (!shape->hasMinimum && s.value(QStringLiteral("minimum")).isDouble()) {
        shape->minimum = s.value(QStringLiteral("minimum")).toDouble();
        shape->hasMinimum = true;
    }
    if (shape->idExtension.isEmpty())
        shape->idExtension = s.value(QStringLiteral("x-understudy-id")).toString();
    const QJsonObject properties = s.value(QStringLiteral("properties")).toObject();
    const QString propertiesPointer = JsonPointer::append(part.pointer, QStringLiteral("properties"));
    for (auto it = properties.begin(); it != properties.end(); ++it) {
        const SchemaRef property = SchemaShape::resolve(document, it.value(),
            part.pointer.isEmpty() ? QString() : JsonPointer::append(propertiesPointer, it.key()));
        if (!shape->properties.contains(it.key()))
            shape->propertyOrder.append(it.key());
        shape->properties.insert(it.key(), property);
        if (property.schema.value(QStringLiteral("readOnly")).toBool() && !shape->readOnly.contains(it.key()))
            shape->readOnly.append(it.key());
        if (property.schema.value(QStringLiteral("writeOnly")).toBool() && !shape->writeOnly.contains(it.key()))
            shape->writeOnly.append(it.key());
    }
    for (const QJsonValue& r : s.value(QStringLiteral("required")).toArray())
        if (!shape->required.contains(r.toString()))
            shape->required.append(r.toString());
    if (s.contains(QStringLiteral("items")) && shape->items.schema.isEmpty())
        shape->items = SchemaShape::resolve(document, s.value(QStringLiteral("items")),
            part.pointer.isEmpty() ? QString() : JsonPointer::append(part.pointer, QStringLiteral("items")));
    const QJsonArray allOf = s.value(QStringLiteral("allOf")).toArray();
    for (int i = 0; i < allOf.size(); ++i) {
        const QString p = part.pointer.isEmpty()
            ? QString()
            : JsonPointer::append(JsonPointer::append(part.pointer, QStringLiteral("allOf")), i);
        merge(document, SchemaShape::resolve(document, allOf.at(i), p), shape, depth + 1);
    }
}

} // namespace

SchemaRef SchemaShape::resolve(const QJsonObject& document, const QJsonValue& value, const QString& pointer)
{
    SchemaRef r;
    r.schema = value.toObject();
    r.pointer = pointer;
    for (int hop = 0; hop < kMaxDepth; ++hop) {
        const QString ref = r.schema.value(QStringLiteral("$ref")).toString();
        if (ref.isEmpty() || !JsonPointer::isLocalRef(ref))
            return r;
        r.pointer = JsonPointer::fromFragment(ref);
        r.schema = JsonPointer::value(document, r.pointer).toObject();
    }
    return {};
}

SchemaShape SchemaShape::of(const QJsonObject& document, const QJsonValue& value, const QString& pointer)
{
    SchemaShape shape;
    merge(document, resolve(document, value, pointer), &shape, 0);
    return shape;
}

namespace {

// Shapes by schema pointer for one stripping pass: the items of a list share their schema, so it is merged once.
using ShapeCache = QHash<QString, SchemaShape>;

const SchemaShape& shapeOf(
    const QJsonObject& document, const SchemaRef& schema, ShapeCache* cache, SchemaShape* scratch)
{
    if (schema.pointer.isEmpty()) {
        *scratch = SchemaShape::of(document, schema.schema, schema.pointer);
        return *scratch;
    }
    auto it = cache->find(schema.pointer);
    if (it == cache->end())
        it = cache->insert(schema.pointer, SchemaShape::of(document, schema.schema, schema.pointer));
    return *it;
}

QJsonValue stripWriteOnly(
    const QJsonObject& document, const SchemaRef& schema, const QJsonValue& value, int depth, ShapeCache* cache)
{
    if (depth > kMaxDepth || !(value.isObject() || value.isArray()))
        return value;
    SchemaShape scratch;
    const SchemaShape& shape = shapeOf(document, schema, cache, &scratch);
    if (value.isArray()) {
        if (shape.items.schema.isEmpty())
            return value;
        QJsonArray items = value.toArray();
        for (qsizetype i = 0; i < items.size(); ++i)
            items[i] = stripWriteOnly(document, shape.items, items.at(i), depth + 1, cache);
        return items;
    }
    QJsonObject object = value.toObject();
    for (const QString& hidden : shape.writeOnly)
        object.remove(hidden);
    for (auto it = object.begin(); it != object.end(); ++it) {
        const auto property = shape.properties.constFind(it.key());
        if (property != shape.properties.constEnd() && (it.value().isObject() || it.value().isArray()))
            it.value() = stripWriteOnly(document, *property, it.value(), depth + 1, cache);
    }
    return object;
}

} // namespace

QJsonValue SchemaShape::withoutWriteOnly(const QJsonObject& document, const SchemaRef& schema, const QJsonValue& value)
{
    ShapeCache cache;
    return stripWriteOnly(document, schema, value, 0, &cache);
}

QJsonArray SchemaShape::withoutWriteOnly(
    const QJsonObject& document, const SchemaRef& itemSchema, const QList<QJsonObject>& items)
{
    ShapeCache cache;
    QJsonArray out;
    for (const QJsonObject& item : items)
        out.append(stripWriteOnly(document, itemSchema, item, 0, &cache));
    return out;
}
