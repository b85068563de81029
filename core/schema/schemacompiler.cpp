// SPDX-License-Identifier: MIT
// Compiles schema JSON into SchemaInternal::Node graphs (see schemanode_p.h).
#include <cmath>

#include <QJsonObject>
#include <QUrl>

#include "core/json/jsonpointer.h"
#include "core/schema/ecmaregex.h"
#include "core/schema/schemanode_p.h"

namespace SchemaInternal {

namespace {

const QLatin1String kDefaultBase("https://understudy.invalid/document.json");
constexpr int kMaxCompileDepth = 400;
constexpr int kMaxScanDepth = 600;

// Absolute URI without fragment for `reference` resolved against `base`.
QString resolveUri(const QString& base, const QString& reference)
{
    if (reference.isEmpty())
        return base;
    QUrl url = QUrl(base).resolved(QUrl(reference));
    url.setFragment(QString());
    QString out = url.toString();
    if (out.endsWith(QLatin1Char('#')))
        out.chop(1);
    return out;
}

void splitRef(const QString& ref, QString* uriPart, QString* fragment)
{
    const int hash = ref.indexOf(QLatin1Char('#'));
    *uriPart = hash < 0 ? ref : ref.left(hash);
    *fragment = hash < 0 ? QString() : ref.mid(hash + 1);
}

QString parentPointer(const QString& pointer)
{
    const int slash = pointer.lastIndexOf(QLatin1Char('/'));
    return slash <= 0 ? QString() : pointer.left(slash);
}

int toCount(const QJsonValue& v)
{
    if (!v.isDouble())
        return -1;
    const double d = v.toDouble();
    if (!(d >= 0))
        return -1;
    return d > 2147483647.0 ? 2147483647 : int(d);
}

quint8 typeBitFor(const QString& name)
{
    if (name == QLatin1String("null"))
        return TypeNull;
    if (name == QLatin1String("boolean"))
        return TypeBoolean;
    if (name == QLatin1String("object"))
        return TypeObject;
    if (name == QLatin1String("array"))
        return TypeArray;
    if (name == QLatin1String("number"))
        return TypeNumber;
    if (name == QLatin1String("integer"))
        return TypeInteger;
    if (name == QLatin1String("string"))
        return TypeString;
    return 0;
}

} // namespace

Compiler::Compiler(QJsonValue root, SchemaDialect dialect, const SchemaOptions& options)
    : m_root(std::move(root))
    , m_dialect(dialect)
    , m_modern(isModernDialect(dialect))
    , m_graph(std::make_shared<Graph>())
{
    m_graph->dialect = dialect;
    m_graph->options = options;
    m_graph->alwaysTrue.kind = Node::Kind::AlwaysTrue;
    m_graph->alwaysFalse.kind = Node::Kind::AlwaysFalse;
    m_resourceByUri.insert(kDefaultBase, QString());
    resourceIndex(kDefaultBase);
    // In an OpenAPI document the component schemas are the places $id/$anchor may be declared: register
    // them up front so refs from anywhere in the document can find them.
    const QJsonValue schemas =
        m_root.toObject().value(QLatin1String("components")).toObject().value(QLatin1String("schemas"));
    if (isOpenApiDialect(dialect) && schemas.isObject()) {
        const QJsonObject obj = schemas.toObject();
        for (auto it = obj.constBegin(); it != obj.constEnd(); ++it) {
            const QString pointer = JsonPointer::append(QStringLiteral("/components/schemas"), it.key());
            scan(it.value(), pointer, kDefaultBase, 0);
            m_scannedRoots.insert(pointer);
        }
    }
}

const Node* Compiler::compileAt(const QString& pointer)
{
    QJsonValue value;
    if (!JsonPointer::resolve(m_root, pointer, &value)) {
        warn(QStringLiteral("schema location '%1' does not exist; accepting anything").arg(pointer), pointer,
            QStringLiteral("schema-ref-unresolved"));
        return &m_graph->alwaysTrue;
    }
    return nodeAt(pointer, 0, &value);
}

void Compiler::warn(const QString& message, const QString& pointer, const QString& code)
{
    const QString key = code + QLatin1Char('|') + pointer + QLatin1Char('|') + message;
    if (m_warned.contains(key))
        return;
    m_warned.insert(key);
    m_warnings.append(Diagnostic::warning(message, QString(), pointer, code));
}

int Compiler::resourceIndex(const QString& uri)
{
    auto it = m_resourceIndex.constFind(uri);
    if (it != m_resourceIndex.constEnd())
        return it.value();
    const int index = int(m_resourceIndex.size());
    m_resourceIndex.insert(uri, index);
    return index;
}

QString Compiler::baseAt(const QString& pointer) const
{
    QString p = pointer;
    while (true) {
        auto it = m_baseAt.constFind(p);
        if (it != m_baseAt.constEnd())
            return it.value();
        if (p.isEmpty())
            return kDefaultBase;
        p = parentPointer(p);
    }
}

void Compiler::ensureScanned(const QString& pointer)
{
    if (m_baseAt.contains(pointer))
        return;
    QString p = pointer;
    while (true) {
        if (m_scannedRoots.contains(p))
            return;
        if (p.isEmpty())
            break;
        p = parentPointer(p);
    }
    scan(JsonPointer::value(m_root, pointer), pointer, baseAt(pointer), 0);
    m_scannedRoots.insert(pointer);
}

void Compiler::scan(const QJsonValue& schema, const QString& pointer, QString base, int depth)
{
    if (depth > kMaxScanDepth)
        return;
    if (!schema.isObject()) {
        m_baseAt.insert(pointer, base);
        return;
    }
    const QJsonObject obj = schema.toObject();
    const bool hasRef = obj.contains(QLatin1String("$ref"));
    const QJsonValue id = obj.value(m_modern ? QLatin1String("$id") : QLatin1String("id"));
    // draft 4: $ref replaces the whole object, its sibling `id` included
    if (id.isString() && !id.toString().isEmpty() && (m_modern || !hasRef)) {
        QString uriPart, fragment;
        splitRef(id.toString(), &uriPart, &fragment);
        if (!uriPart.isEmpty()) {
            base = resolveUri(base, uriPart);
            if (!m_resourceByUri.contains(base))
                m_resourceByUri.insert(base, pointer);
            resourceIndex(base);
        }
        if (!fragment.isEmpty() && !m_modern)
            m_anchors.insert(base + QLatin1Char('#') + fragment, pointer);
    }
    if (m_modern) {
        const QJsonValue anchor = obj.value(QLatin1String("$anchor"));
        if (anchor.isString())
            m_anchors.insert(base + QLatin1Char('#') + anchor.toString(), pointer);
        const QJsonValue dynamicAnchor = obj.value(QLatin1String("$dynamicAnchor"));
        if (dynamicAnchor.isString()) {
            const QString key = base + QLatin1Char('#') + dynamicAnchor.toString();
            if (!m_anchors.contains(key))
                m_anchors.insert(key, pointer);
            m_dynamicAnchors[base].insert(dynamicAnchor.toString(), pointer);
        }
    }
    m_baseAt.insert(pointer, base);

    static const QLatin1String singles[] = {
        QLatin1String("additionalProperties"),
        QLatin1String("additionalItems"),
        QLatin1String("items"),
        QLatin1String("not"),
        QLatin1String("if"),
        QLatin1String("then"),
        QLatin1String("else"),
        QLatin1String("contains"),
        QLatin1String("propertyNames"),
        QLatin1String("unevaluatedProperties"),
        QLatin1String("unevaluatedItems"),
    };
    static const QLatin1String maps[] = {
        QLatin1String("properties"),
        QLatin1String("patternProperties"),
        QLatin1String("definitions"),
        QLatin1String("$defs"),
        QLatin1String("dependentSchemas"),
        QLatin1String("dependencies"),
    };
    static const QLatin1String lists[] = {
        QLatin1String("allOf"),
        QLatin1String("anyOf"),
        QLatin1String("oneOf"),
        QLatin1String("prefixItems"),
        QLatin1String("items"),
    };
    for (const QLatin1String& key : singles) {
        const QJsonValue v = obj.value(key);
        if (v.isObject() || v.isBool())
            scan(v, JsonPointer::append(pointer, key), base, depth + 1);
    }
    for (const QLatin1String& key : maps) {
        const QJsonValue v = obj.value(key);
        if (!v.isObject())
            continue;
        const QJsonObject m = v.toObject();
        const QString at = JsonPointer::append(pointer, key);
        for (auto it = m.constBegin(); it != m.constEnd(); ++it) {
            if (it.value().isObject() || it.value().isBool())
                scan(it.value(), JsonPointer::append(at, it.key()), base, depth + 1);
        }
    }
    for (const QLatin1String& key : lists) {
        const QJsonValue v = obj.value(key);
        if (!v.isArray())
            continue;
        const QJsonArray a = v.toArray();
        const QString at = JsonPointer::append(pointer, key);
        for (int i = 0; i < a.size(); ++i)
            scan(a.at(i), JsonPointer::append(at, i), base, depth + 1);
    }
}

bool Compiler::resolveRefTo(const QString& ref, const QString& base, QString* target) const
{
    QString uriPart, fragment;
    splitRef(ref, &uriPart, &fragment);
    const QString uri = resolveUri(base, uriPart);
    auto res = m_resourceByUri.constFind(uri);
    if (res == m_resourceByUri.constEnd()) {
        // An OpenAPI "#/components/..." written under a nested $id still means the document.
        if (uriPart.isEmpty() && fragment.startsWith(QLatin1Char('/'))) {
            const QString p = JsonPointer::fromFragment(fragment);
            if (JsonPointer::resolve(m_root, p, nullptr)) {
                *target = p;
                return true;
            }
        }
        return false;
    }
    if (fragment.isEmpty()) {
        *target = res.value();
        return true;
    }
    if (fragment.startsWith(QLatin1Char('/'))) {
        const QString p = res.value() + JsonPointer::fromFragment(fragment);
        if (!JsonPointer::resolve(m_root, p, nullptr))
            return false;
        *target = p;
        return true;
    }
    auto anchor = m_anchors.constFind(uri + QLatin1Char('#') + fragment);
    if (anchor == m_anchors.constEnd())
        return false;
    *target = anchor.value();
    return true;
}

const Node* Compiler::compileRef(const QString& ref, const QString& base, const QString& at, int depth, QString* target)
{
    QString pointer;
    if (!resolveRefTo(ref, base, &pointer)) {
        warn(QStringLiteral("cannot resolve $ref '%1'; accepting anything there").arg(ref), at,
            QStringLiteral("schema-ref-unresolved"));
        return &m_graph->alwaysTrue;
    }
    if (target)
        *target = pointer;
    return nodeAt(pointer, depth + 1);
}

Node* Compiler::nodeAt(const QString& pointer, int depth, const QJsonValue* known)
{
    auto memo = m_memo.constFind(pointer);
    if (memo != m_memo.constEnd())
        return memo.value();
    m_graph->nodes.push_back(std::make_unique<Node>());
    Node* node = m_graph->nodes.back().get();
    m_memo.insert(pointer, node);
    node->pointer = pointer;
    if (depth > kMaxCompileDepth) {
        warn(QStringLiteral("schema nested too deeply; accepting anything below"), pointer,
            QStringLiteral("schema-too-deep"));
        node->kind = Node::Kind::AlwaysTrue;
        return node;
    }
    ensureScanned(pointer);
    const QJsonValue value = known ? *known : JsonPointer::value(m_root, pointer);
    if (value.isBool()) {
        node->kind = value.toBool() ? Node::Kind::AlwaysTrue : Node::Kind::AlwaysFalse;
        return node;
    }
    if (!value.isObject()) {
        node->kind = Node::Kind::AlwaysTrue;
        return node;
    }
    const QString base = baseAt(pointer);
    node->resource = resourceIndex(base);
    fill(node, value.toObject(), base, depth);
    return node;
}

const Node* Compiler::child(const QString& pointer, const QJsonValue& value, int depth)
{
    return nodeAt(pointer, depth + 1, &value);
}

std::unique_ptr<Pattern> Compiler::makePattern(const QString& source, const QString& at)
{
    auto pattern = std::make_unique<Pattern>();
    pattern->source = source;
    pattern->regex = EcmaRegex::compile(source);
    if (!pattern->regex.isValid()) {
        warn(QStringLiteral("invalid pattern '%1' (%2); it is ignored").arg(source, pattern->regex.errorString()), at,
            QStringLiteral("schema-pattern-invalid"));
        return nullptr;
    }
    if (EcmaRegex::mayBacktrackCatastrophically(source)) {
        warn(QStringLiteral("pattern '%1' has nested repetition and may backtrack catastrophically; matching is "
                            "cut off at PCRE's match limit")
                 .arg(source),
            at, QStringLiteral("schema-pattern-backtracking"));
    }
    return pattern;
}

bool Compiler::flagOf(const QJsonValue& schema, const QString& key, int depth) const
{
    if (!schema.isObject() || depth > 16)
        return false;
    const QJsonObject obj = schema.toObject();
    if (obj.value(key).toBool())
        return true;
    const QJsonValue ref = obj.value(QLatin1String("$ref"));
    if (ref.isString()) {
        QString target;
        if (resolveRefTo(ref.toString(), kDefaultBase, &target)
            && flagOf(JsonPointer::value(m_root, target), key, depth + 1))
            return true;
    }
    const QJsonArray allOf = obj.value(QLatin1String("allOf")).toArray();
    for (const QJsonValue& part : allOf) {
        if (flagOf(part, key, depth + 1))
            return true;
    }
    return false;
}

void Compiler::fill(Node* n, const QJsonObject& obj, const QString& base, int depth)
{
    const QString& at = n->pointer;
    const QJsonValue ref = obj.value(QLatin1String("$ref"));
    if (ref.isString()) {
        n->ref =
            compileRef(ref.toString(), base, JsonPointer::append(at, QStringLiteral("$ref")), depth, &n->refPointer);
        if (!m_modern) {
            n->refOnly = true;
            return;
        }
    }
    if (m_modern) {
        const QJsonValue dynamicRef = obj.value(QLatin1String("$dynamicRef"));
        if (dynamicRef.isString()) {
            const QString refAt = JsonPointer::append(at, QStringLiteral("$dynamicRef"));
            QString target;
            n->dynamicRef = compileRef(dynamicRef.toString(), base, refAt, depth, &target);
            QString uriPart, fragment;
            splitRef(dynamicRef.toString(), &uriPart, &fragment);
            // Only a ref to a plain-name fragment that lands on a matching $dynamicAnchor is dynamic.
            const bool dynamic = !fragment.isEmpty() && !fragment.startsWith(QLatin1Char('/')) && !target.isNull()
                && JsonPointer::value(m_root, target).toObject().value(QLatin1String("$dynamicAnchor")).toString()
                    == fragment;
            if (dynamic) {
                for (auto it = m_dynamicAnchors.constBegin(); it != m_dynamicAnchors.constEnd(); ++it) {
                    auto anchor = it.value().constFind(fragment);
                    if (anchor != it.value().constEnd())
                        n->dynamicTargets.emplace_back(resourceIndex(it.key()), nodeAt(anchor.value(), depth + 1));
                }
            }
        }
    }

    // any instance type
    const QJsonValue type = obj.value(QLatin1String("type"));
    if (type.isString()) {
        n->typeMask = typeBitFor(type.toString());
    } else if (type.isArray()) {
        for (const QJsonValue& t : type.toArray())
            n->typeMask |= typeBitFor(t.toString());
    }
    if (!type.isUndefined() && n->typeMask == 0)
        warn(QStringLiteral("unknown type; ignored"), JsonPointer::append(at, QStringLiteral("type")),
            QStringLiteral("schema-type-unknown"));
    if (m_dialect == SchemaDialect::OpenApi30)
        n->nullable = obj.value(QLatin1String("nullable")).toBool();
    const QJsonValue enumValue = obj.value(QLatin1String("enum"));
    if (enumValue.isArray()) {
        n->hasEnum = true;
        n->enumValues = enumValue.toArray();
    }
    if (m_dialect != SchemaDialect::Draft4 && obj.contains(QLatin1String("const"))) {
        n->hasConst = true;
        n->constValue = obj.value(QLatin1String("const"));
    }

    // numbers
    const QJsonValue minimum = obj.value(QLatin1String("minimum"));
    const QJsonValue maximum = obj.value(QLatin1String("maximum"));
    const QJsonValue exclusiveMinimum = obj.value(QLatin1String("exclusiveMinimum"));
    const QJsonValue exclusiveMaximum = obj.value(QLatin1String("exclusiveMaximum"));
    if (minimum.isDouble()) {
        // draft 4 / OpenAPI 3.0: a boolean exclusiveMinimum turns `minimum` into an exclusive bound
        if (exclusiveMinimum.isBool() && exclusiveMinimum.toBool()) {
            n->hasExclusiveMinimum = true;
            n->exclusiveMinimum = minimum.toDouble();
        } else {
            n->hasMinimum = true;
            n->minimum = minimum.toDouble();
        }
    }
    if (maximum.isDouble()) {
        if (exclusiveMaximum.isBool() && exclusiveMaximum.toBool()) {
            n->hasExclusiveMaximum = true;
            n->exclusiveMaximum = maximum.toDouble();
        } else {
            n->hasMaximum = true;
            n->maximum = maximum.toDouble();
        }
    }
    if (exclusiveMinimum.isDouble()) {
        n->hasExclusiveMinimum = true;
        n->exclusiveMinimum = exclusiveMinimum.toDouble();
    }
    if (exclusiveMaximum.isDouble()) {
        n->hasExclusiveMaximum = true;
        n->exclusiveMaximum = exclusiveMaximum.toDouble();
    }
    const double multipleOf = obj.value(QLatin1String("multipleOf")).toDouble(0);
    if (multipleOf > 0 && std::isfinite(multipleOf))
        n->multipleOf = multipleOf;

    // strings
    n->minLength = toCount(obj.value(QLatin1String("minLength")));
    n->maxLength = toCount(obj.value(QLatin1String("maxLength")));
    const QJsonValue pattern = obj.value(QLatin1String("pattern"));
    if (pattern.isString())
        n->pattern = makePattern(pattern.toString(), JsonPointer::append(at, QStringLiteral("pattern")));
    const QJsonValue format = obj.value(QLatin1String("format"));
    if (format.isString()) {
        n->formatName = format.toString();
        if (m_graph->options.assertFormats)
            n->format = SchemaFormats::kindOf(n->formatName);
    }

    // arrays
    n->minItems = toCount(obj.value(QLatin1String("minItems")));
    n->maxItems = toCount(obj.value(QLatin1String("maxItems")));
    n->uniqueItems = obj.value(QLatin1String("uniqueItems")).toBool();
    const QJsonValue items = obj.value(QLatin1String("items"));
    const QJsonValue prefixItems = m_modern ? obj.value(QLatin1String("prefixItems")) : QJsonValue();
    const QString tupleKey = prefixItems.isArray() ? QStringLiteral("prefixItems") : QStringLiteral("items");
    const QJsonValue tuple = prefixItems.isArray() ? prefixItems : items;
    if (tuple.isArray()) {
        const QJsonArray tupleItems = tuple.toArray();
        const QString tupleAt = JsonPointer::append(at, tupleKey);
        for (int i = 0; i < tupleItems.size(); ++i)
            n->prefixItems.push_back(child(JsonPointer::append(tupleAt, i), tupleItems.at(i), depth));
    }
    if (items.isObject() || items.isBool()) {
        n->items = child(JsonPointer::append(at, QStringLiteral("items")), obj.value(QLatin1String("items")), depth);
    } else if (!m_modern && items.isArray()) {
        const QJsonValue additionalItems = obj.value(QLatin1String("additionalItems"));
        if (additionalItems.isObject() || additionalItems.isBool())
            n->items = child(JsonPointer::append(at, QStringLiteral("additionalItems")),
                obj.value(QLatin1String("additionalItems")), depth);
    }
    if (m_modern) {
        const QJsonValue contains = obj.value(QLatin1String("contains"));
        if (contains.isObject() || contains.isBool()) {
            n->contains =
                child(JsonPointer::append(at, QStringLiteral("contains")), obj.value(QLatin1String("contains")), depth);
            const int minContains = toCount(obj.value(QLatin1String("minContains")));
            if (minContains >= 0)
                n->minContains = minContains;
            n->maxContains = toCount(obj.value(QLatin1String("maxContains")));
        }
        const QJsonValue unevaluatedItems = obj.value(QLatin1String("unevaluatedItems"));
        if (unevaluatedItems.isObject() || unevaluatedItems.isBool())
            n->unevaluatedItems = child(JsonPointer::append(at, QStringLiteral("unevaluatedItems")),
                obj.value(QLatin1String("unevaluatedItems")), depth);
    }

    // objects
    n->minProperties = toCount(obj.value(QLatin1String("minProperties")));
    n->maxProperties = toCount(obj.value(QLatin1String("maxProperties")));
    const QJsonObject properties = obj.value(QLatin1String("properties")).toObject();
    const QString propertiesAt = JsonPointer::append(at, QStringLiteral("properties"));
    for (auto it = properties.constBegin(); it != properties.constEnd(); ++it) {
        PropertyRule rule;
        rule.schema = child(JsonPointer::append(propertiesAt, it.key()), it.value(), depth);
        rule.readOnly = flagOf(it.value(), QStringLiteral("readOnly"), 0);
        rule.writeOnly = flagOf(it.value(), QStringLiteral("writeOnly"), 0);
        n->properties.insert(it.key(), rule);
    }
    const QJsonArray required = obj.value(QLatin1String("required")).toArray();
    for (const QJsonValue& r : required) {
        if (!r.isString())
            continue;
        RequiredRule rule;
        rule.name = r.toString();
        auto property = n->properties.find(rule.name);
        if (property != n->properties.end()) {
            if (property->required)
                continue; // listed twice
            property->required = true;
            rule.readOnly = property->readOnly;
            rule.writeOnly = property->writeOnly;
        } else {
            n->allRequiredAreProperties = false;
        }
        n->required.push_back(rule);
    }
    const QJsonObject patternProperties = obj.value(QLatin1String("patternProperties")).toObject();
    for (auto it = patternProperties.constBegin(); it != patternProperties.constEnd(); ++it) {
        const QString patternAt =
            JsonPointer::append(JsonPointer::append(at, QStringLiteral("patternProperties")), it.key());
        auto compiled = makePattern(it.key(), patternAt);
        if (compiled)
            n->patternProperties.emplace_back(std::move(compiled), child(patternAt, it.value(), depth));
    }
    const QJsonValue additionalProperties = obj.value(QLatin1String("additionalProperties"));
    if (additionalProperties.isObject() || additionalProperties.isBool())
        n->additionalProperties = child(JsonPointer::append(at, QStringLiteral("additionalProperties")),
            obj.value(QLatin1String("additionalProperties")), depth);
    if (m_dialect != SchemaDialect::Draft4 && m_dialect != SchemaDialect::OpenApi30) {
        const QJsonValue propertyNames = obj.value(QLatin1String("propertyNames"));
        if (propertyNames.isObject() || propertyNames.isBool())
            n->propertyNames = child(JsonPointer::append(at, QStringLiteral("propertyNames")),
                obj.value(QLatin1String("propertyNames")), depth);
    }
    auto addDependencies = [&](const QString& keyword, bool namesAllowed, bool schemasAllowed) {
        const QJsonObject deps = obj.value(keyword).toObject();
        for (auto it = deps.constBegin(); it != deps.constEnd(); ++it) {
            if (namesAllowed && it.value().isArray()) {
                QStringList names;
                for (const QJsonValue& name : it.value().toArray())
                    names.append(name.toString());
                n->dependentRequired.emplace_back(it.key(), names);
            } else if (schemasAllowed && (it.value().isObject() || it.value().isBool())) {
                n->dependentSchemas.emplace_back(it.key(),
                    child(JsonPointer::append(JsonPointer::append(at, keyword), it.key()), it.value(), depth));
            }
        }
    };
    addDependencies(QStringLiteral("dependencies"), true, true);
    if (m_modern) {
        addDependencies(QStringLiteral("dependentRequired"), true, false);
        addDependencies(QStringLiteral("dependentSchemas"), false, true);
        const QJsonValue unevaluatedProperties = obj.value(QLatin1String("unevaluatedProperties"));
        if (unevaluatedProperties.isObject() || unevaluatedProperties.isBool())
            n->unevaluatedProperties = child(JsonPointer::append(at, QStringLiteral("unevaluatedProperties")),
                obj.value(QLatin1String("unevaluatedProperties")), depth);
    }

    // applicators
    auto list = [&](const QString& keyword, std::vector<const Node*>* out) {
        const QJsonArray a = obj.value(keyword).toArray();
        for (int i = 0; i < a.size(); ++i)
            out->push_back(child(JsonPointer::append(JsonPointer::append(at, keyword), i), a.at(i), depth));
    };
    list(QStringLiteral("allOf"), &n->allOf);
    list(QStringLiteral("anyOf"), &n->anyOf);
    list(QStringLiteral("oneOf"), &n->oneOf);
    const QJsonValue notSchema = obj.value(QLatin1String("not"));
    if (notSchema.isObject() || notSchema.isBool())
        n->notSchema = child(JsonPointer::append(at, QStringLiteral("not")), obj.value(QLatin1String("not")), depth);
    if (m_modern) {
        const QJsonValue ifSchema = obj.value(QLatin1String("if"));
        if (ifSchema.isObject() || ifSchema.isBool()) {
            n->ifSchema = child(JsonPointer::append(at, QStringLiteral("if")), obj.value(QLatin1String("if")), depth);
            if (obj.contains(QLatin1String("then")))
                n->thenSchema =
                    child(JsonPointer::append(at, QStringLiteral("then")), obj.value(QLatin1String("then")), depth);
            if (obj.contains(QLatin1String("else")))
                n->elseSchema =
                    child(JsonPointer::append(at, QStringLiteral("else")), obj.value(QLatin1String("else")), depth);
        }
    }
    if (isOpenApiDialect(m_dialect) && obj.value(QLatin1String("discriminator")).isObject())
        fillDiscriminator(n, obj, depth);
}

void Compiler::fillDiscriminator(Node* n, const QJsonObject& obj, int depth)
{
    const QJsonObject d = obj.value(QLatin1String("discriminator")).toObject();
    const QString propertyName = d.value(QLatin1String("propertyName")).toString();
    const std::vector<const Node*>& branches = n->oneOf.empty() ? n->anyOf : n->oneOf;
    const QString at = JsonPointer::append(n->pointer, QStringLiteral("discriminator"));
    if (propertyName.isEmpty() || branches.empty())
        return; // without oneOf/anyOf the discriminator is only a hint for code generators
    auto discriminator = std::make_unique<Discriminator>();
    discriminator->propertyName = propertyName;
    // A mapping target is a schema name ("Cat") or a reference ("#/components/schemas/Cat"); null when unresolvable.
    const auto targetNode = [&](const QString& key, const QString& target) -> const Node* {
        QString pointer;
        const bool bareName = !target.contains(QLatin1Char('#')) && !target.contains(QLatin1Char('/'));
        if (bareName)
            pointer = JsonPointer::append(QStringLiteral("/components/schemas"), target);
        if ((bareName && !JsonPointer::resolve(m_root, pointer, nullptr))
            || (!bareName && !resolveRefTo(target, baseAt(n->pointer), &pointer))) {
            warn(QStringLiteral("discriminator mapping '%1' -> '%2' cannot be resolved").arg(key, target), at,
                QStringLiteral("schema-ref-unresolved"));
            return nullptr;
        }
        for (const Node* b : branches) {
            if (b->refPointer == pointer)
                return b;
        }
        return nodeAt(pointer, depth + 1);
    };
    const QJsonObject mapping = d.value(QLatin1String("mapping")).toObject();
    for (auto it = mapping.constBegin(); it != mapping.constEnd(); ++it) {
        const Node* schema = targetNode(it.key(), it.value().toString());
        if (!schema)
            continue;
        discriminator->branches.insert(it.key(), schema);
        discriminator->values.append(it.key());
    }
    const QJsonValue defaultMapping = d.value(QLatin1String("defaultMapping"));
    if (defaultMapping.isString())
        discriminator->defaultBranch = targetNode(QStringLiteral("defaultMapping"), defaultMapping.toString());
    // Implicit mapping: a branch "$ref: '#/components/schemas/Cat'" answers to the value "Cat".
    for (const Node* b : branches) {
        if (b->refPointer.isEmpty())
            continue;
        const QStringList tokens = JsonPointer::split(b->refPointer);
        if (tokens.isEmpty() || discriminator->branches.contains(tokens.last()))
            continue;
        discriminator->branches.insert(tokens.last(), b);
        discriminator->values.append(tokens.last());
    }
    n->discriminator = std::move(discriminator);
}

} // namespace SchemaInternal
