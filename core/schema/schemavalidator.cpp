// SPDX-License-Identifier: MIT
#include "core/schema/schemavalidator.h"

#include <cmath>
#include <limits>
#include <mutex>

#include <QJsonDocument>
#include <QJsonObject>
#include <QVarLengthArray>

#include "core/json/jsonpointer.h"
#include "core/schema/schemanode_p.h"
#include "core/schema/schemanumbers.h"

using namespace SchemaInternal;

namespace {

// Which properties/items the successful parts of a schema looked at (for unevaluated*).
struct Annotations
{
    bool allProperties = false;
    QSet<QString> properties;
    bool allItems = false;
    int prefix = 0;
    QSet<int> items;

    void merge(const Annotations& other)
    {
        allProperties = allProperties || other.allProperties;
        if (!allProperties)
            properties.unite(other.properties);
        allItems = allItems || other.allItems;
        prefix = std::max(prefix, other.prefix);
        if (!allItems)
            items.unite(other.items);
    }
    bool hasProperty(const QString& key) const
    {
        return allProperties || properties.contains(key);
    }
    bool hasItem(int index) const
    {
        return allItems || index < prefix || items.contains(index);
    }
};

struct PathStep
{
    QString key;
    int index = -1;
};

quint8 instanceBits(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return TypeNull;
    case QJsonValue::Bool:
        return TypeBoolean;
    case QJsonValue::Double: {
        const double d = v.toDouble();
        return std::isfinite(d) && std::floor(d) == d ? quint8(TypeNumber | TypeInteger) : quint8(TypeNumber);
    }
    case QJsonValue::String:
        return TypeString;
    case QJsonValue::Array:
        return TypeArray;
    case QJsonValue::Object:
        return TypeObject;
    default:
        return 0;
    }
}

QString typeNames(quint8 mask, bool nullable)
{
    static const std::pair<quint8, QLatin1String> names[] = {
        { TypeObject, QLatin1String("object") },
        { TypeArray, QLatin1String("array") },
        { TypeString, QLatin1String("string") },
        { TypeNumber, QLatin1String("number") },
        { TypeInteger, QLatin1String("integer") },
        { TypeBoolean, QLatin1String("boolean") },
        { TypeNull, QLatin1String("null") },
    };
    QStringList out;
    for (const auto& [bit, name] : names) {
        if ((mask & bit) || (bit == TypeNull && nullable))
            out.append(name);
    }
    return out.join(QLatin1String(" or "));
}

QString formatNumber(double d)
{
    if (std::isfinite(d) && std::floor(d) == d && std::fabs(d) < 1e15)
        return QString::number(qint64(d));
    return QString::number(d, 'g', 15);
}

QString describe(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Double:
        return formatNumber(v.toDouble());
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    default:
        return QString();
    }
}

bool jsonEqual(const QJsonValue& a, const QJsonValue& b)
{
    if (a.type() != b.type())
        return false;
    switch (a.type()) {
    case QJsonValue::Double:
        return a.toDouble() == b.toDouble();
    case QJsonValue::String:
        return a.toString() == b.toString();
    case QJsonValue::Bool:
        return a.toBool() == b.toBool();
    case QJsonValue::Array: {
        const QJsonArray x = a.toArray();
        const QJsonArray y = b.toArray();
        if (x.size() != y.size())
            return false;
        for (int i = 0; i < x.size(); ++i) {
            if (!jsonEqual(x.at(i), y.at(i)))
                return false;
        }
        return true;
    }
    case QJsonValue::Object: {
        const QJsonObject x = a.toObject();
        const QJsonObject y = b.toObject();
        if (x.size() != y.size())
            return false;
        for (auto it = x.constBegin(); it != x.constEnd(); ++it) {
            auto other = y.constFind(it.key());
            if (other == y.constEnd() || !jsonEqual(it.value(), other.value()))
                return false;
        }
        return true;
    }
    default:
        return true;
    }
}

// A string that is equal for JSON-equal values (1 and 1.0 included); object keys come sorted from QJsonObject.
void appendCanonical(QString* out, const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Double:
        *out += QLatin1Char('d') + QString::number(v.toDouble(), 'g', 17) + QLatin1Char(';');
        break;
    case QJsonValue::String: {
        const QString s = v.toString();
        *out += QLatin1Char('s') + QString::number(s.size()) + QLatin1Char(':') + s;
        break;
    }
    case QJsonValue::Bool:
        *out += v.toBool() ? QLatin1Char('t') : QLatin1Char('f');
        break;
    case QJsonValue::Array:
        *out += QLatin1Char('[');
        for (const QJsonValue& item : v.toArray())
            appendCanonical(out, item);
        *out += QLatin1Char(']');
        break;
    case QJsonValue::Object: {
        const QJsonObject obj = v.toObject();
        *out += QLatin1Char('{');
        for (auto it = obj.constBegin(); it != obj.constEnd(); ++it) {
            *out += QString::number(it.key().size()) + QLatin1Char(':') + it.key();
            appendCanonical(out, it.value());
        }
        *out += QLatin1Char('}');
        break;
    }
    default:
        *out += QLatin1Char('n');
        break;
    }
}

int codePoints(const QString& s)
{
    int n = int(s.size());
    for (QChar c : s) {
        if (c.isLowSurrogate())
            --n;
    }
    return n;
}

QLatin1String falseKeyword(const QString& pointer)
{
    static const QLatin1String known[] = {
        QLatin1String("additionalProperties"),
        QLatin1String("unevaluatedProperties"),
        QLatin1String("items"),
        QLatin1String("additionalItems"),
        QLatin1String("unevaluatedItems"),
        QLatin1String("propertyNames"),
        QLatin1String("contains"),
        QLatin1String("not"),
    };
    for (const QLatin1String& k : known) {
        if (pointer.endsWith(k) && pointer.size() > k.size()
            && pointer.at(pointer.size() - k.size() - 1) == QLatin1Char('/'))
            return k;
    }
    return QLatin1String("false");
}

// One validation pass over one instance: keeps the instance path, the dynamic scope and the error sink.
class Run
{
public:
    Run(const Graph& graph, ValidationDirection direction, QList<SchemaError>* errors)
        : m_graph(graph)
        , m_direction(direction)
        , m_errors(errors)
    { }

    bool validate(const Node* n, const QJsonValue& v, Annotations* ann);

private:
    bool validateObject(const Node* n, const QJsonObject& obj, Annotations* mine);
    bool validateArray(const Node* n, const QJsonArray& arr, Annotations* mine);
    bool applicators(const Node* n, const QJsonValue& v, Annotations* mine);
    bool unevaluated(const Node* n, const QJsonValue& v, Annotations* mine);

    bool quietly(const Node* n, const QJsonValue& v, Annotations* ann)
    {
        QList<SchemaError>* saved = m_errors;
        m_errors = nullptr;
        const bool ok = validate(n, v, ann);
        m_errors = saved;
        return ok;
    }
    bool at(const QString& key, const Node* n, const QJsonValue& v)
    {
        m_path.append(PathStep { key, -1 });
        const bool ok = validate(n, v, nullptr);
        m_path.removeLast();
        return ok;
    }
    bool at(int index, const Node* n, const QJsonValue& v)
    {
        m_path.append(PathStep { QString(), index });
        const bool ok = validate(n, v, nullptr);
        m_path.removeLast();
        return ok;
    }
    QString instancePointer() const
    {
        QString out;
        for (const PathStep& step : m_path) {
            out += QLatin1Char('/');
            out += step.index >= 0 ? QString::number(step.index) : JsonPointer::escape(step.key);
        }
        return out;
    }
    void error(const Node* n, QLatin1String keyword, const QString& message)
    {
        m_errors->append(SchemaError { instancePointer(), n->pointer + QLatin1Char('/') + keyword, keyword, message });
    }

    const Graph& m_graph;
    ValidationDirection m_direction;
    QList<SchemaError>* m_errors;
    int m_depth = 0;
    QVarLengthArray<PathStep, 16> m_path;
    QVarLengthArray<int, 16> m_scope;
    QVarLengthArray<std::pair<const Node*, int>, 32> m_active; // nodes being evaluated, with their path depth
};

// Fails the current keyword: returns at once when nobody collects errors, otherwise records and goes on.
#define FAIL(keyword, message)                                                                                         \
    do {                                                                                                               \
        ok = false;                                                                                                    \
        if (!m_errors)                                                                                                 \
            return false;                                                                                              \
        error(n, QLatin1String(keyword), message);                                                                     \
    } while (false)

#define FAIL_SILENT()                                                                                                  \
    do {                                                                                                               \
        ok = false;                                                                                                    \
        if (!m_errors)                                                                                                 \
            return false;                                                                                              \
    } while (false)

bool Run::validate(const Node* n, const QJsonValue& v, Annotations* ann)
{
    if (n->kind == Node::Kind::AlwaysTrue)
        return true;
    if (n->kind == Node::Kind::AlwaysFalse) {
        if (m_errors) {
            QString message = QStringLiteral("no value is allowed here");
            if (!m_path.isEmpty() && m_path.last().index < 0)
                message = QStringLiteral("property '%1' is not allowed").arg(m_path.last().key);
            else if (!m_path.isEmpty())
                message = QStringLiteral("item %1 is not allowed").arg(m_path.last().index);
            const QLatin1String keyword = falseKeyword(n->pointer);
            m_errors->append(SchemaError { instancePointer(), n->pointer, keyword, message });
        }
        return false;
    }
    if (m_depth >= m_graph.options.maxDepth) {
        if (m_errors)
            error(n, QLatin1String("$ref"),
                QStringLiteral("schema nesting exceeds %1 levels (recursive schema?)").arg(m_graph.options.maxDepth));
        return false;
    }
    // The same node re-entered on the same instance (Cat: allOf [Pet], Pet: oneOf [Cat, Dog]; or a bare ref
    // cycle) adds nothing the outer evaluation is not already checking, and would otherwise never end.
    const int pathDepth = int(m_path.size());
    for (int i = int(m_active.size()) - 1; i >= 0 && m_active[i].second == pathDepth; --i) {
        if (m_active[i].first == n)
            return true;
    }
    struct Guard
    {
        Run* run;
        bool pushed;
        ~Guard()
        {
            --run->m_depth;
            run->m_active.removeLast();
            if (pushed)
                run->m_scope.removeLast();
        }
    };
    ++m_depth;
    m_active.append({ n, pathDepth });
    const bool enter = m_scope.isEmpty() || m_scope.last() != n->resource;
    if (enter)
        m_scope.append(n->resource);
    Guard guard { this, enter };

    Annotations local;
    Annotations* mine = (ann || n->tracksAnnotations()) ? &local : nullptr;
    bool ok = true;

    if (n->ref) {
        if (!validate(n->ref, v, mine))
            FAIL_SILENT();
        if (n->refOnly) {
            if (ok && ann)
                ann->merge(local);
            return ok;
        }
    }

    const quint8 bits = instanceBits(v);
    const bool nullAllowed = n->nullable && v.isNull();
    if (n->typeMask && !(n->typeMask & bits) && !nullAllowed)
        FAIL("type", QStringLiteral("must be ") + typeNames(n->typeMask, n->nullable));
    if (n->hasEnum && !nullAllowed) {
        bool found = false;
        for (const QJsonValue& e : n->enumValues) {
            if (jsonEqual(e, v)) {
                found = true;
                break;
            }
        }
        if (!found) {
            QStringList values;
            for (int i = 0; i < n->enumValues.size() && i < 10; ++i)
                values.append(describe(n->enumValues.at(i)));
            if (n->enumValues.size() > 10)
                values.append(QStringLiteral("..."));
            FAIL("enum", QStringLiteral("must be one of: ") + values.join(QLatin1String(", ")));
        }
    }
    if (n->hasConst && !jsonEqual(n->constValue, v))
        FAIL("const", QStringLiteral("must be equal to ") + describe(n->constValue));

    switch (v.type()) {
    case QJsonValue::Double: {
        const double d = v.toDouble();
        if (n->hasMinimum && !(d >= n->minimum))
            FAIL("minimum", QStringLiteral("must be >= ") + formatNumber(n->minimum));
        if (n->hasExclusiveMinimum && !(d > n->exclusiveMinimum))
            FAIL("exclusiveMinimum", QStringLiteral("must be > ") + formatNumber(n->exclusiveMinimum));
        if (n->hasMaximum && !(d <= n->maximum))
            FAIL("maximum", QStringLiteral("must be <= ") + formatNumber(n->maximum));
        if (n->hasExclusiveMaximum && !(d < n->exclusiveMaximum))
            FAIL("exclusiveMaximum", QStringLiteral("must be < ") + formatNumber(n->exclusiveMaximum));
        if (n->multipleOf > 0 && !SchemaNumbers::isMultipleOf(d, n->multipleOf))
            FAIL("multipleOf", QStringLiteral("must be a multiple of ") + formatNumber(n->multipleOf));
        break;
    }
    case QJsonValue::String:
        if (n->minLength >= 0 || n->maxLength >= 0 || n->pattern) {
            const QString s = v.toString();
            if (n->minLength >= 0 || n->maxLength >= 0) {
                const int length =
                    (n->maxLength >= 0 && s.size() > n->maxLength) || n->minLength >= 0 ? codePoints(s) : int(s.size());
                if (n->minLength >= 0 && length < n->minLength)
                    FAIL("minLength", QStringLiteral("must be at least %1 characters long").arg(n->minLength));
                if (n->maxLength >= 0 && length > n->maxLength)
                    FAIL("maxLength", QStringLiteral("must be at most %1 characters long").arg(n->maxLength));
            }
            if (n->pattern && !n->pattern->regex.match(s).hasMatch())
                FAIL("pattern", QStringLiteral("must match pattern '%1'").arg(n->pattern->source));
        }
        break;
    case QJsonValue::Array:
        if (!validateArray(n, v.toArray(), mine))
            FAIL_SILENT();
        break;
    case QJsonValue::Object:
        if (!validateObject(n, v.toObject(), mine))
            FAIL_SILENT();
        break;
    default:
        break;
    }
    if (n->format != SchemaFormats::Kind::Unknown && !SchemaFormats::check(n->format, v))
        FAIL("format", QStringLiteral("must be a valid %1").arg(n->formatName));

    if (!applicators(n, v, mine))
        FAIL_SILENT();
    if ((n->unevaluatedItems || n->unevaluatedProperties) && !unevaluated(n, v, mine))
        FAIL_SILENT();
    if (ok && ann)
        ann->merge(local);
    return ok;
}

bool Run::validateArray(const Node* n, const QJsonArray& arr, Annotations* mine)
{
    bool ok = true;
    const int size = int(arr.size());
    if (n->minItems >= 0 && size < n->minItems)
        FAIL("minItems", QStringLiteral("must have at least %1 items").arg(n->minItems));
    if (n->maxItems >= 0 && size > n->maxItems)
        FAIL("maxItems", QStringLiteral("must have at most %1 items").arg(n->maxItems));
    if (n->uniqueItems && size > 1) {
        int dupA = -1, dupB = -1;
        if (size <= 16) {
            for (int i = 0; i < size && dupA < 0; ++i) {
                for (int j = i + 1; j < size; ++j) {
                    if (jsonEqual(arr.at(i), arr.at(j))) {
                        dupA = i;
                        dupB = j;
                        break;
                    }
                }
            }
        } else {
            QHash<QString, int> seen;
            for (int i = 0; i < size; ++i) {
                QString key;
                appendCanonical(&key, arr.at(i));
                auto it = seen.constFind(key);
                if (it != seen.constEnd()) {
                    dupA = it.value();
                    dupB = i;
                    break;
                }
                seen.insert(key, i);
            }
        }
        if (dupA >= 0)
            FAIL("uniqueItems",
                QStringLiteral("must not contain duplicate items (items %1 and %2 are equal)").arg(dupA).arg(dupB));
    }
    const int prefix = std::min(size, int(n->prefixItems.size()));
    for (int i = 0; i < prefix; ++i) {
        if (!at(i, n->prefixItems[size_t(i)], arr.at(i)))
            FAIL_SILENT();
    }
    if (n->items) {
        if (n->items->kind != Node::Kind::AlwaysTrue) {
            for (int i = prefix; i < size; ++i) {
                if (!at(i, n->items, arr.at(i)))
                    FAIL_SILENT();
            }
        }
        if (mine)
            mine->allItems = true;
    } else if (mine) {
        mine->prefix = std::max(mine->prefix, prefix);
    }
    if (n->contains) {
        int matches = 0;
        for (int i = 0; i < size; ++i) {
            if (quietly(n->contains, arr.at(i), nullptr)) {
                ++matches;
                if (mine)
                    mine->items.insert(i);
            }
        }
        if (matches < n->minContains) {
            FAIL("contains",
                n->minContains == 1 ? QStringLiteral("must contain at least one matching item")
                                    : QStringLiteral("must contain at least %1 matching items (found %2)")
                                          .arg(n->minContains)
                                          .arg(matches));
        }
        if (n->maxContains >= 0 && matches > n->maxContains)
            FAIL("maxContains",
                QStringLiteral("must contain at most %1 matching items (found %2)").arg(n->maxContains).arg(matches));
    }
    return ok;
}

bool Run::validateObject(const Node* n, const QJsonObject& obj, Annotations* mine)
{
    bool ok = true;
    const int size = int(obj.size());
    if (n->minProperties >= 0 && size < n->minProperties)
        FAIL("minProperties", QStringLiteral("must have at least %1 properties").arg(n->minProperties));
    if (n->maxProperties >= 0 && size > n->maxProperties)
        FAIL("maxProperties", QStringLiteral("must have at most %1 properties").arg(n->maxProperties));
    const bool perProperty =
        !n->properties.isEmpty() || !n->patternProperties.empty() || n->additionalProperties || n->propertyNames;
    // Required errors come first in the report, but are only known after the pass over the object.
    const qsizetype requiredErrorsAt = m_errors ? m_errors->size() : 0;
    int requiredSeen = 0;
    if (perProperty) {
        for (auto it = obj.constBegin(); it != obj.constEnd(); ++it) {
            const QString key = it.key();
            bool matched = false;
            if (!n->properties.isEmpty()) {
                auto rule = n->properties.constFind(key);
                if (rule != n->properties.constEnd()) {
                    matched = true;
                    requiredSeen += rule->required ? 1 : 0;
                    if (rule->writeOnly && m_direction == ValidationDirection::UpstreamResponse)
                        FAIL("writeOnly", QStringLiteral("writeOnly property '%1' must not be in a response").arg(key));
                    if (!at(key, rule->schema, it.value()))
                        FAIL_SILENT();
                }
            }
            for (const auto& [pattern, schema] : n->patternProperties) {
                if (pattern->regex.match(key).hasMatch()) {
                    matched = true;
                    if (!at(key, schema, it.value()))
                        FAIL_SILENT();
                }
            }
            if (matched && mine)
                mine->properties.insert(key);
            if (!matched && n->additionalProperties && !at(key, n->additionalProperties, it.value()))
                FAIL_SILENT();
            if (n->propertyNames && !quietly(n->propertyNames, QJsonValue(key), nullptr))
                FAIL("propertyNames", QStringLiteral("property name '%1' is not valid").arg(key));
        }
        if (n->additionalProperties && mine)
            mine->allProperties = true;
    }
    const bool allPresent = perProperty && n->allRequiredAreProperties && requiredSeen == int(n->required.size());
    if (!allPresent) {
        QList<SchemaError> missing;
        for (const RequiredRule& rule : n->required) {
            if ((rule.readOnly && m_direction == ValidationDirection::Request)
                || (rule.writeOnly
                    && (m_direction == ValidationDirection::Response
                        || m_direction == ValidationDirection::UpstreamResponse)))
                continue;
            if (!obj.contains(rule.name)) {
                ok = false;
                if (!m_errors)
                    return false;
                missing.append(SchemaError { instancePointer(), n->pointer + QLatin1String("/required"),
                    QStringLiteral("required"), QStringLiteral("missing required property '%1'").arg(rule.name) });
            }
        }
        for (qsizetype i = 0; i < missing.size(); ++i)
            m_errors->insert(requiredErrorsAt + i, missing.at(i));
    }
    for (const auto& [name, needed] : n->dependentRequired) {
        if (!obj.contains(name))
            continue;
        for (const QString& other : needed) {
            if (!obj.contains(other))
                FAIL("dependentRequired",
                    QStringLiteral("property '%1' is required when '%2' is present").arg(other, name));
        }
    }
    for (const auto& [name, schema] : n->dependentSchemas) {
        if (obj.contains(name) && !validate(schema, obj, mine))
            FAIL_SILENT();
    }
    return ok;
}

bool Run::applicators(const Node* n, const QJsonValue& v, Annotations* mine)
{
    bool ok = true;
    for (const Node* sub : n->allOf) {
        if (!validate(sub, v, mine))
            FAIL_SILENT();
    }
    bool discriminated = false;
    if (n->discriminator && v.isObject()) {
        discriminated = true;
        const Discriminator& d = *n->discriminator;
        const QJsonValue value = v.toObject().value(d.propertyName);
        const Node* branch = value.isString() ? d.branches.value(value.toString()) : nullptr;
        if (!branch && d.defaultBranch) {
            // OpenAPI 3.2: a missing or unmapped value takes the defaultMapping schema.
            if (!validate(d.defaultBranch, v, mine))
                FAIL_SILENT();
        } else if (value.isUndefined()) {
            FAIL("discriminator", QStringLiteral("missing discriminator property '%1'").arg(d.propertyName));
        } else if (!branch) {
            FAIL("discriminator",
                QStringLiteral("discriminator property '%1' must be one of: %2")
                    .arg(d.propertyName, d.values.join(QLatin1String(", "))));
        } else if (!validate(branch, v, mine)) {
            FAIL_SILENT();
        }
    }
    if (!discriminated) {
        if (!n->anyOf.empty()) {
            bool any = false;
            for (const Node* sub : n->anyOf) {
                if (quietly(sub, v, mine)) {
                    any = true;
                    if (!mine)
                        break;
                }
            }
            if (!any)
                FAIL("anyOf", QStringLiteral("must match at least one schema in anyOf"));
        }
        if (!n->oneOf.empty()) {
            int matches = 0;
            int first = -1, second = -1;
            Annotations matched;
            for (int i = 0; i < int(n->oneOf.size()); ++i) {
                Annotations branch;
                if (quietly(n->oneOf[size_t(i)], v, mine ? &branch : nullptr)) {
                    ++matches;
                    (first < 0 ? first : second) = i;
                    if (mine)
                        matched = branch;
                    if (matches > 1)
                        break;
                }
            }
            if (matches == 1 && mine)
                mine->merge(matched);
            if (matches == 0)
                FAIL("oneOf", QStringLiteral("must match exactly one schema in oneOf (matched none)"));
            else if (matches > 1)
                FAIL("oneOf",
                    QStringLiteral("must match exactly one schema in oneOf (matched %1 and %2)")
                        .arg(first)
                        .arg(second));
        }
    }
    if (n->notSchema && quietly(n->notSchema, v, nullptr))
        FAIL("not", QStringLiteral("must not match the schema in 'not'"));
    if (n->ifSchema) {
        if (quietly(n->ifSchema, v, mine)) {
            if (n->thenSchema && !validate(n->thenSchema, v, mine))
                FAIL_SILENT();
        } else if (n->elseSchema && !validate(n->elseSchema, v, mine)) {
            FAIL_SILENT();
        }
    }
    if (n->dynamicRef) {
        const Node* target = n->dynamicRef;
        if (!n->dynamicTargets.empty()) {
            bool found = false;
            for (int resource : m_scope) { // outermost first
                for (const auto& [candidate, schema] : n->dynamicTargets) {
                    if (candidate == resource) {
                        target = schema;
                        found = true;
                        break;
                    }
                }
                if (found)
                    break;
            }
        }
        if (!validate(target, v, mine))
            FAIL_SILENT();
    }
    return ok;
}

bool Run::unevaluated(const Node* n, const QJsonValue& v, Annotations* mine)
{
    bool ok = true;
    if (n->unevaluatedProperties && v.isObject()) {
        const QJsonObject obj = v.toObject();
        for (auto it = obj.constBegin(); it != obj.constEnd(); ++it) {
            if (!mine->hasProperty(it.key()) && !at(it.key(), n->unevaluatedProperties, it.value()))
                FAIL_SILENT();
        }
        mine->allProperties = true;
    }
    if (n->unevaluatedItems && v.isArray()) {
        const QJsonArray arr = v.toArray();
        for (int i = 0; i < arr.size(); ++i) {
            if (!mine->hasItem(i) && !at(i, n->unevaluatedItems, arr.at(i)))
                FAIL_SILENT();
        }
        mine->allItems = true;
    }
    return ok;
}

#undef FAIL
#undef FAIL_SILENT

} // namespace

QString SchemaError::toString() const
{
    return (instancePointer.isEmpty() ? QStringLiteral("(root)") : instancePointer) + QStringLiteral(": ") + message;
}

SchemaOptions SchemaOptions::forDialect(SchemaDialect dialect)
{
    SchemaOptions options;
    options.assertFormats = isOpenApiDialect(dialect);
    return options;
}

CompiledSchema::CompiledSchema(std::shared_ptr<const Graph> graph, const Node* root)
    : m_graph(std::move(graph))
    , m_root(root)
{ }

bool CompiledSchema::validate(
    const QJsonValue& instance, ValidationDirection direction, QList<SchemaError>* errors) const
{
    Run run(*m_graph, direction, errors);
    return run.validate(m_root, instance, nullptr);
}

QString CompiledSchema::pointer() const
{
    return m_root->pointer;
}

SchemaDialect CompiledSchema::dialect() const
{
    return m_graph->dialect;
}

CompiledSchemaPtr SchemaValidator::compile(
    const QJsonValue& root, const QString& schemaPointer, SchemaDialect dialect, Diagnostics* warnings)
{
    return compile(root, schemaPointer, dialect, SchemaOptions::forDialect(dialect), warnings);
}

CompiledSchemaPtr SchemaValidator::compile(const QJsonValue& root, const QString& schemaPointer, SchemaDialect dialect,
    const SchemaOptions& options, Diagnostics* warnings)
{
    Compiler compiler(root, dialect, options);
    const Node* node = compiler.compileAt(schemaPointer);
    if (warnings)
        warnings->append(compiler.warnings());
    return std::make_shared<CompiledSchema>(compiler.graph(), node);
}

SchemaCache::SchemaCache(QJsonValue root, SchemaDialect dialect)
    : SchemaCache(std::move(root), dialect, SchemaOptions::forDialect(dialect))
{ }

SchemaCache::SchemaCache(QJsonValue root, SchemaDialect dialect, const SchemaOptions& options)
    : m_compiler(std::make_unique<Compiler>(std::move(root), dialect, options))
{ }

SchemaCache::~SchemaCache() = default;

CompiledSchemaPtr SchemaCache::get(const QString& pointer) const
{
    {
        std::shared_lock<std::shared_mutex> lock(m_mutex);
        auto it = m_compiled.constFind(pointer);
        if (it != m_compiled.constEnd())
            return it.value();
    }
    std::unique_lock<std::shared_mutex> lock(m_mutex);
    auto it = m_compiled.constFind(pointer);
    if (it != m_compiled.constEnd())
        return it.value();
    // Nodes already handed out are never modified: compiling more only appends new nodes to the graph.
    const Node* node = m_compiler->compileAt(pointer);
    auto compiled = std::make_shared<CompiledSchema>(m_compiler->graph(), node);
    m_compiled.insert(pointer, compiled);
    return compiled;
}

Diagnostics SchemaCache::warnings() const
{
    std::shared_lock<std::shared_mutex> lock(m_mutex);
    return m_compiler->warnings();
}
