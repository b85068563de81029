// SPDX-License-Identifier: MIT
#include "core/state/statelists.h"

namespace {

QString normalised(const QString& name)
{
    QString n = name.toLower();
    n.remove(QLatin1Char('_'));
    n.remove(QLatin1Char('-'));
    n.remove(QLatin1Char('['));
    n.remove(QLatin1Char(']'));
    return n;
}

bool isNumeric(const QString& type)
{
    return type == QLatin1String("integer") || type == QLatin1String("number");
}

} // namespace

ListShape ListShape::of(const QJsonObject& document, const QJsonValue& schema, const QString& pointer)
{
    ListShape list;
    list.schema = SchemaShape::resolve(document, schema, pointer);
    const SchemaShape shape = SchemaShape::of(document, schema, pointer);
    if (shape.isArray()) {
        list.items = shape.items;
        list.valid = SchemaShape::of(document, shape.items.schema, shape.items.pointer).isObject();
        return list;
    }
    if (!shape.isObject())
        return list;
    static const QStringList preferred = { QStringLiteral("items"), QStringLiteral("data"), QStringLiteral("results"),
        QStringLiteral("content"), QStringLiteral("records"), QStringLiteral("entries"), QStringLiteral("values"),
        QStringLiteral("list"), QStringLiteral("elements") };
    QString chosen;
    for (const QString& name : shape.propertyOrder) {
        const SchemaRef& property = shape.properties.value(name);
        const SchemaShape inner = SchemaShape::of(document, property.schema, property.pointer);
        if (!inner.isArray() || !SchemaShape::of(document, inner.items.schema, inner.items.pointer).isObject())
            continue;
        if (chosen.isEmpty() || (preferred.contains(name.toLower()) && !preferred.contains(chosen.toLower())))
            chosen = name;
    }
    if (chosen.isEmpty())
        return list;
    const SchemaRef& property = shape.properties.value(chosen);
    list.items = SchemaShape::of(document, property.schema, property.pointer).items;
    list.valid = true;
    list.envelope = true;
    list.arrayProperty = chosen;
    list.envelopeShape = shape;
    for (const QString& name : shape.propertyOrder) {
        const QString n = normalised(name);
        const SchemaRef& p = shape.properties.value(name);
        if ((n.contains(QLatin1String("total")) || n.contains(QLatin1String("count")))
            && isNumeric(SchemaShape::of(document, p.schema, p.pointer).type)) {
            list.totalProperty = name;
            break;
        }
    }
    return list;
}

QJsonArray ListShape::itemsOf(const QJsonValue& example) const
{
    if (!envelope)
        return example.toArray();
    return example.toObject().value(arrayProperty).toArray();
}

Pagination Pagination::of(const Operation& operation, const QJsonObject& document)
{
    Pagination p;
    for (const Parameter& parameter : operation.parameters) {
        if (parameter.in != QLatin1String("query"))
            continue;
        const QString n = normalised(parameter.name);
        const SchemaShape shape = SchemaShape::of(document, parameter.schema, parameter.schemaPointer);
        const SchemaRef resolved = SchemaShape::resolve(document, parameter.schema, parameter.schemaPointer);
        if (p.limit.isEmpty()
            && (n == QLatin1String("limit") || n == QLatin1String("perpage") || n == QLatin1String("pagesize")
                || n == QLatin1String("size") || n == QLatin1String("maxresults") || n == QLatin1String("pagelimit"))) {
            p.limit = parameter.name;
            p.defaultLimit = resolved.schema.value(QStringLiteral("default")).toInt(0);
        } else if (p.offset.isEmpty()
            && (n == QLatin1String("offset") || n == QLatin1String("skip") || n == QLatin1String("start"))) {
            p.offset = parameter.name;
        } else if (p.page.isEmpty()
            && (n == QLatin1String("page") || n == QLatin1String("pagenumber") || n == QLatin1String("pageno")
                || n == QLatin1String("pageindex"))) {
            p.page = parameter.name;
            p.firstPage = shape.hasMinimum && shape.minimum == 0 ? 0 : 1;
        } else if (p.cursor.isEmpty()
            && (n == QLatin1String("cursor") || n == QLatin1String("after") || n == QLatin1String("startingafter")
                || n == QLatin1String("pagetoken") || n == QLatin1String("continuation")
                || n == QLatin1String("nextcursor"))) {
            p.cursor = parameter.name;
        }
    }
    return p;
}

bool Pagination::isPaging(const QString& parameter) const
{
    return !parameter.isEmpty()
        && (parameter == limit || parameter == offset || parameter == page || parameter == cursor);
}
