// SPDX-License-Identifier: MIT
#include "core/schema/schemachecks.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QStringList>

#include "core/json/jsonpointer.h"
#include "core/schema/ecmaregex.h"

namespace SchemaChecks {

namespace {

constexpr int kMaxDepth = 32;

QJsonObject resolved(const QJsonValue& root, const QJsonValue& schema)
{
    return JsonPointer::followRefs(root, schema);
}

// The type names a schema allows, through its $ref chain and allOf parts; `known` false: unconstrained.
QSet<QString> allowedTypes(
    const QJsonValue& root, const QJsonValue& schema, SchemaDialect dialect, int depth, bool* known)
{
    *known = false;
    if (depth > kMaxDepth || !schema.isObject())
        return {};
    const QJsonObject s = resolved(root, schema);
    QSet<QString> out;
    const QJsonValue type = s.value(QLatin1String("type"));
    if (type.isString() || type.isArray()) {
        *known = true;
        if (type.isString())
            out.insert(type.toString());
        for (const QJsonValue& t : type.toArray())
            out.insert(t.toString());
        if (out.contains(QLatin1String("number")))
            out.insert(QStringLiteral("integer"));
        if (dialect == SchemaDialect::OpenApi30 && s.value(QLatin1String("nullable")).toBool())
            out.insert(QStringLiteral("null"));
    }
    for (const QJsonValue& part : s.value(QLatin1String("allOf")).toArray()) {
        bool partKnown = false;
        const QSet<QString> partTypes = allowedTypes(root, part, dialect, depth + 1, &partKnown);
        if (!partKnown)
            continue;
        if (*known) {
            out.intersect(partTypes);
        } else {
            out = partTypes;
            *known = true;
        }
    }
    return out;
}

QString number(double d)
{
    return QString::number(d, 'g', 15);
}

} // namespace

QList<SchemaProblem> impossibilities(
    const QJsonValue& root, const QString& pointer, const QJsonValue& schema, SchemaDialect dialect)
{
    QList<SchemaProblem> problems;
    if (!schema.isObject())
        return problems;
    const QJsonObject s = schema.toObject();
    if (s.contains(QLatin1String("$ref")) && !isModernDialect(dialect))
        return problems; // siblings of $ref are ignored; the target is checked where it is declared
    const auto add = [&](const QString& key, const QString& message) {
        problems.append(SchemaProblem { JsonPointer::append(pointer, key), message });
    };

    if (s.value(QLatin1String("allOf")).isArray()) {
        bool known = false;
        if (allowedTypes(root, schema, dialect, 0, &known).isEmpty() && known)
            add(QStringLiteral("allOf"), QStringLiteral("its allOf parts allow no common type"));
    }
    const QJsonValue notSchema = s.value(QLatin1String("not"));
    if ((notSchema.isObject() && notSchema.toObject().isEmpty()) || (notSchema.isBool() && notSchema.toBool()))
        add(QStringLiteral("not"), QStringLiteral("`not` of a schema that accepts everything rules out every value"));
    const QJsonValue enumValue = s.value(QLatin1String("enum"));
    if (enumValue.isArray() && enumValue.toArray().isEmpty())
        add(QStringLiteral("enum"), QStringLiteral("an empty enum allows no value"));

    static const char* const pairs[][2] = {
        { "minLength", "maxLength" },
        { "minimum", "maximum" },
        { "minItems", "maxItems" },
        { "minProperties", "maxProperties" },
    };
    for (const auto& pair : pairs) {
        const QJsonValue lo = s.value(QLatin1String(pair[0]));
        if (!lo.isDouble())
            continue; // most schemas have no bounds: one lookup instead of two
        const QJsonValue hi = s.value(QLatin1String(pair[1]));
        if (hi.isDouble() && lo.toDouble() > hi.toDouble())
            add(QLatin1String(pair[0]),
                QStringLiteral("%1 %2 is above %3 %4")
                    .arg(QLatin1String(pair[0]), number(lo.toDouble()), QLatin1String(pair[1]), number(hi.toDouble())));
    }
    const QJsonValue exclusiveMinimum = s.value(QLatin1String("exclusiveMinimum"));
    const QJsonValue exclusiveMaximum =
        exclusiveMinimum.isDouble() ? s.value(QLatin1String("exclusiveMaximum")) : QJsonValue();
    if (exclusiveMaximum.isDouble() && exclusiveMinimum.toDouble() >= exclusiveMaximum.toDouble())
        add(QStringLiteral("exclusiveMinimum"), QStringLiteral("exclusiveMinimum is not below exclusiveMaximum"));

    const QJsonValue pattern = s.value(QLatin1String("pattern"));
    if (pattern.isString() && !EcmaRegex::isValidPattern(pattern.toString()))
        add(QStringLiteral("pattern"),
            QStringLiteral("pattern '%1' is not a valid ECMA-262 regular expression").arg(pattern.toString()));

    if (s.value(QLatin1String("uniqueItems")).toBool() && s.value(QLatin1String("minItems")).isDouble()
        && s.value(QLatin1String("items")).isObject()) {
        const double minItems = s.value(QLatin1String("minItems")).toDouble();
        const QJsonObject items = resolved(root, s.value(QLatin1String("items")));
        double distinct = -1; // how many different values the items allow (-1: many)
        const QJsonValue itemEnum = items.value(QLatin1String("enum"));
        const QJsonValue itemType = items.value(QLatin1String("type"));
        if (items.contains(QLatin1String("const")))
            distinct = 1;
        else if (itemEnum.isArray())
            distinct = double(itemEnum.toArray().size());
        else if (itemType == QJsonValue(QStringLiteral("boolean")))
            distinct = dialect == SchemaDialect::OpenApi30 && items.value(QLatin1String("nullable")).toBool() ? 3 : 2;
        else if (itemType == QJsonValue(QStringLiteral("null")))
            distinct = 1;
        if (distinct >= 0 && minItems > distinct)
            add(QStringLiteral("uniqueItems"),
                QStringLiteral("uniqueItems with minItems %1, but the items allow only %2 distinct values")
                    .arg(number(minItems), number(distinct)));
    }
    return problems;
}

} // namespace SchemaChecks
