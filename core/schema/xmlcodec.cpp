// SPDX-License-Identifier: MIT
#include "core/schema/xmlcodec.h"

#include <cmath>
#include <vector>

#include <QJsonArray>
#include <QSet>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include "core/json/jsonpointer.h"

namespace {

constexpr int maxRefHops = 16;
constexpr int maxMergeDepth = 8; // allOf/oneOf/anyOf nesting looked into for properties
constexpr int maxWriteDepth = 256;

const QLatin1String kXml("xml");
const QLatin1String kName("name");
const QLatin1String kNamespace("namespace");
const QLatin1String kPrefix("prefix");
const QLatin1String kAttribute("attribute");
const QLatin1String kWrapped("wrapped");

// What the codec needs to know about a schema, with $refs followed and composition branches merged.
struct View
{
    QString type; // object, array, string, number, integer, boolean; empty when unknown
    bool nullable = false;
    QJsonObject properties;
    QJsonValue items = QJsonValue(QJsonValue::Undefined);
    QJsonValue additional = QJsonValue(QJsonValue::Undefined);
};

void collect(const QJsonObject& document, const QJsonValue& schema, View* view, int depth)
{
    if (depth > maxMergeDepth)
        return;
    const QJsonObject o = JsonPointer::followRefs(document, schema, maxRefHops);
    const QJsonValue type = o.value(QLatin1String("type"));
    if (type.isString()) {
        if (type.toString() == QLatin1String("null"))
            view->nullable = true;
        else if (view->type.isEmpty())
            view->type = type.toString();
    } else if (type.isArray()) {
        for (const QJsonValue& t : type.toArray()) {
            if (t.toString() == QLatin1String("null"))
                view->nullable = true;
            else if (view->type.isEmpty())
                view->type = t.toString();
        }
    }
    if (o.value(QLatin1String("nullable")).toBool())
        view->nullable = true;
    const QJsonObject properties = o.value(QLatin1String("properties")).toObject();
    for (auto it = properties.constBegin(); it != properties.constEnd(); ++it)
        if (!view->properties.contains(it.key()))
            view->properties.insert(it.key(), it.value());
    if (view->items.isUndefined() && o.contains(QLatin1String("items")))
        view->items = o.value(QLatin1String("items"));
    if (view->additional.isUndefined() && o.value(QLatin1String("additionalProperties")).isObject())
        view->additional = o.value(QLatin1String("additionalProperties"));
    for (const char* key : { "allOf", "oneOf", "anyOf" })
        for (const QJsonValue& branch : o.value(QLatin1String(key)).toArray())
            collect(document, branch, view, depth + 1);
}

View viewOf(const QJsonObject& document, const QJsonValue& schema)
{
    View view;
    if (schema.isObject())
        collect(document, schema, &view, 0);
    if (view.type.isEmpty()) {
        if (!view.properties.isEmpty())
            view.type = QStringLiteral("object");
        else if (!view.items.isUndefined())
            view.type = QStringLiteral("array");
    }
    return view;
}

// The schema's own `xml` object, else the first one along its $ref chain.
QJsonObject xmlOf(const QJsonObject& document, const QJsonValue& schema)
{
    QJsonValue v = schema;
    for (int hop = 0; hop < maxRefHops && v.isObject(); ++hop) {
        const QJsonObject o = v.toObject();
        const QJsonValue xml = o.value(kXml);
        if (xml.isObject())
            return xml.toObject();
        const QString ref = o.value(QLatin1String("$ref")).toString();
        if (ref.isEmpty() || !JsonPointer::isLocalRef(ref))
            break;
        v = JsonPointer::value(document, JsonPointer::fromFragment(ref));
    }
    return {};
}

// "Pet" for a schema reached through "#/components/schemas/Pet" (or "#/definitions/Pet").
QString componentName(const QJsonObject& document, const QJsonValue& schema)
{
    QJsonValue v = schema;
    for (int hop = 0; hop < maxRefHops && v.isObject(); ++hop) {
        const QString ref = v.toObject().value(QLatin1String("$ref")).toString();
        if (ref.isEmpty() || !JsonPointer::isLocalRef(ref))
            break;
        const QString pointer = JsonPointer::fromFragment(ref);
        const QStringList tokens = JsonPointer::split(pointer);
        if (tokens.size() >= 2
            && (tokens.at(tokens.size() - 2) == QLatin1String("schemas")
                || tokens.at(tokens.size() - 2) == QLatin1String("definitions")))
            return tokens.last();
        v = JsonPointer::value(document, pointer);
    }
    return {};
}

bool nameStart(QChar c)
{
    return c.isLetter() || c == QLatin1Char('_');
}

bool nameChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-') || c == QLatin1Char('.');
}

// A JSON key as an XML name: characters XML names cannot hold become '_'.
QString safeName(const QString& name)
{
    if (name.isEmpty())
        return QStringLiteral("_");
    QString out = name;
    for (qsizetype i = 0; i < out.size(); ++i)
        if (!(i == 0 ? nameStart(out.at(i)) : nameChar(out.at(i))))
            out[i] = QLatin1Char('_');
    return out;
}

bool validXmlChar(char32_t c)
{
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
}

// Text XML can carry: characters it forbids (controls, lone surrogates) become U+FFFD.
QString safeText(const QString& text)
{
    bool clean = true;
    for (const char32_t c : text.toUcs4())
        if (!validXmlChar(c)) {
            clean = false;
            break;
        }
    if (clean)
        return text;
    QList<uint> codes = text.toUcs4();
    for (uint& c : codes)
        if (!validXmlChar(c))
            c = 0xFFFD;
    return QString::fromUcs4(reinterpret_cast<const char32_t*>(codes.constData()), codes.size());
}

QString scalarText(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return safeText(value.toString());
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9007199254740992.0)
            return QString::number(qint64(d));
        return QString::number(d, 'g', 17);
    }
    default:
        return {};
    }
}

bool isScalar(const QJsonValue& value)
{
    return value.isString() || value.isDouble() || value.isBool();
}

class Writer
{
public:
    Writer(const QJsonObject& document, QByteArray* out, int indent)
        : m_document(document)
        , m_writer(out)
    {
        if (indent > 0) {
            m_writer.setAutoFormatting(true);
            m_writer.setAutoFormattingIndent(indent);
        }
    }

    void run(const QJsonValue& schema, const QJsonValue& value)
    {
        m_w = &m_writer;
        m_w->writeStartDocument(); // on a byte array: version 1.0, encoding UTF-8
        element(XmlCodec::rootName(m_document, schema), schema, value, 0, true);
        m_w->writeEndDocument();
    }

private:
    struct Binding
    {
        QString prefix;
        QString ns;
    };

    bool inScope(const QString& prefix, const QString& ns) const
    {
        for (auto it = m_scope.crbegin(); it != m_scope.crend(); ++it)
            if (it->prefix == prefix)
                return it->ns == ns;
        return false;
    }
    bool prefixKnown(const QString& prefix) const
    {
        for (const Binding& b : m_scope)
            if (b.prefix == prefix)
                return true;
        return false;
    }

    // The qualified name for `local` under `xml`; a namespace not yet in scope is added to `declare`.
    QString qualify(const QString& local, const QJsonObject& xml, bool attribute, QList<Binding>* declare) const
    {
        const QString ns = xml.value(kNamespace).toString();
        const QString prefix = xml.value(kPrefix).toString();
        if (!prefix.isEmpty()) {
            const QString safePrefix = safeName(prefix);
            if (!ns.isEmpty()) {
                if (!inScope(safePrefix, ns))
                    declare->append({ safePrefix, ns });
                return safePrefix + QLatin1Char(':') + local;
            }
            // A prefix without a namespace is only well-formed where an ancestor declared it.
            return prefixKnown(safePrefix) ? safePrefix + QLatin1Char(':') + local : local;
        }
        if (!ns.isEmpty() && !attribute && !inScope(QString(), ns))
            declare->append({ QString(), ns });
        return local;
    }

    void declareAll(const QList<Binding>& bindings)
    {
        for (const Binding& b : bindings) {
            m_w->writeAttribute(
                b.prefix.isEmpty() ? QStringLiteral("xmlns") : QStringLiteral("xmlns:") + b.prefix, b.ns);
            m_scope.append(b);
        }
    }

    void element(const QString& name, const QJsonValue& schema, const QJsonValue& value, int depth, bool root = false)
    {
        const QJsonObject xml = xmlOf(m_document, schema);
        const QString local = safeName(xml.value(kName).toString(name));
        const qsizetype mark = m_scope.size();
        QList<Binding> declare;
        m_w->writeStartElement(qualify(local, xml, false, &declare));
        declareAll(declare);
        if (depth < maxWriteDepth) {
            const View view = viewOf(m_document, schema);
            if (value.isObject())
                objectContent(view, value.toObject(), depth);
            else if (value.isArray())
                arrayItems(root ? QString() : name, view, value.toArray(), depth);
            else if (isScalar(value))
                m_w->writeCharacters(scalarText(value));
        }
        m_w->writeEndElement();
        m_scope.resize(mark);
    }

    QJsonValue propertySchema(const View& view, const QString& key) const
    {
        const auto it = view.properties.constFind(key);
        if (it != view.properties.constEnd())
            return it.value();
        return view.additional;
    }

    void objectContent(const View& view, const QJsonObject& object, int depth)
    {
        QSet<QString> attributes;
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            const QJsonValue schema = propertySchema(view, it.key());
            const QJsonObject xml = xmlOf(m_document, schema);
            if (!xml.value(kAttribute).toBool() || !isScalar(it.value()))
                continue;
            QList<Binding> declare;
            const QString qname = qualify(safeName(xml.value(kName).toString(it.key())), xml, true, &declare);
            declareAll(declare);
            m_w->writeAttribute(qname, scalarText(it.value()));
            attributes.insert(it.key());
        }
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (attributes.contains(it.key()))
                continue;
            const QJsonValue schema = propertySchema(view, it.key());
            if (it.value().isArray())
                arrayProperty(it.key(), schema, it.value().toArray(), depth + 1);
            else
                element(it.key(), schema, it.value(), depth + 1);
        }
    }

    // An array property: its items repeated in place, or inside one wrapping element.
    void arrayProperty(const QString& key, const QJsonValue& schema, const QJsonArray& items, int depth)
    {
        const QJsonObject xml = xmlOf(m_document, schema);
        const View view = viewOf(m_document, schema);
        if (!xml.value(kWrapped).toBool()) {
            for (const QJsonValue& item : items)
                element(key, view.items, item, depth);
            return;
        }
        const qsizetype mark = m_scope.size();
        QList<Binding> declare;
        m_w->writeStartElement(qualify(safeName(xml.value(kName).toString(key)), xml, false, &declare));
        declareAll(declare);
        for (const QJsonValue& item : items)
            element(key, view.items, item, depth + 1);
        m_w->writeEndElement();
        m_scope.resize(mark);
    }

    // Items of an array that is itself an element (the root, or an array inside an array).
    void arrayItems(const QString& name, const View& view, const QJsonArray& items, int depth)
    {
        QString itemName = componentName(m_document, view.items);
        if (itemName.isEmpty())
            itemName = name.isEmpty() ? QStringLiteral("item") : name;
        for (const QJsonValue& item : items)
            element(itemName, view.items, item, depth + 1);
    }

    const QJsonObject& m_document;
    QXmlStreamWriter m_writer;
    QXmlStreamWriter* m_w = nullptr;
    QList<Binding> m_scope;
};

// One element of a parsed document.
struct Node
{
    QString name; // local name
    QList<QPair<QString, QString>> attributes; // local name -> value (namespace declarations excluded)
    std::vector<Node> children;
    QString text;
};

QJsonValue scalarFrom(const QString& text, const View& view)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() && view.nullable && view.type != QLatin1String("string"))
        return QJsonValue(QJsonValue::Null);
    if (view.type == QLatin1String("integer") || view.type == QLatin1String("number")) {
        bool ok = false;
        const double d = trimmed.toDouble(&ok);
        if (ok && std::isfinite(d))
            return d;
    } else if (view.type == QLatin1String("boolean")) {
        if (trimmed == QLatin1String("true") || trimmed == QLatin1String("1"))
            return true;
        if (trimmed == QLatin1String("false") || trimmed == QLatin1String("0"))
            return false;
    } else if (view.type == QLatin1String("null") && trimmed.isEmpty()) {
        return QJsonValue(QJsonValue::Null);
    }
    return text;
}

class Mapper
{
public:
    explicit Mapper(const QJsonObject& document)
        : m_document(document)
    { }

    QJsonValue value(const Node& node, const QJsonValue& schema) const
    {
        const View view = viewOf(m_document, schema);
        if (view.type == QLatin1String("object"))
            return object(node, view);
        if (view.type == QLatin1String("array")) {
            QJsonArray array;
            for (const Node& child : node.children)
                array.append(value(child, view.items));
            return array;
        }
        if (!view.type.isEmpty())
            return scalarFrom(node.text, view);
        return generic(node);
    }

private:
    // Without a schema: text alone is a string; attributes and children make an object.
    QJsonValue generic(const Node& node) const
    {
        if (node.children.empty() && node.attributes.isEmpty())
            return node.text;
        QJsonObject out;
        for (const auto& a : node.attributes)
            out.insert(a.first, a.second);
        std::vector<bool> used(node.children.size(), false);
        addLeftovers(node, {}, &used, &out);
        return out;
    }

    void addLeftovers(const Node& node, const View& view, std::vector<bool>* used, QJsonObject* out) const
    {
        for (size_t i = 0; i < node.children.size(); ++i) {
            if (used->at(i))
                continue;
            const QString& name = node.children[i].name;
            QJsonArray group;
            for (size_t j = i; j < node.children.size(); ++j) {
                if (!used->at(j) && node.children[j].name == name) {
                    (*used)[j] = true;
                    group.append(value(node.children[j], view.additional));
                }
            }
            if (!out->contains(name))
                out->insert(name, group.size() == 1 ? group.first() : QJsonValue(group));
        }
    }

    QJsonValue object(const Node& node, const View& view) const
    {
        QJsonObject out;
        std::vector<bool> used(node.children.size(), false);
        QSet<QString> usedAttributes;
        const auto takeChild = [&](const QString& name) -> const Node* {
            for (size_t i = 0; i < node.children.size(); ++i) {
                if (!used[i] && node.children[i].name == name) {
                    used[i] = true;
                    return &node.children[i];
                }
            }
            return nullptr;
        };
        for (auto it = view.properties.constBegin(); it != view.properties.constEnd(); ++it) {
            const QString& key = it.key();
            const QJsonObject xml = xmlOf(m_document, it.value());
            const QString name = safeName(xml.value(kName).toString(key));
            const View property = viewOf(m_document, it.value());
            if (xml.value(kAttribute).toBool()) {
                for (const auto& a : node.attributes) {
                    if (a.first == name) {
                        out.insert(key, scalarFrom(a.second, property));
                        usedAttributes.insert(name);
                        break;
                    }
                }
                continue;
            }
            if (property.type == QLatin1String("array")) {
                QJsonArray items;
                if (xml.value(kWrapped).toBool()) {
                    const Node* wrapper = takeChild(name);
                    if (!wrapper)
                        continue;
                    for (const Node& child : wrapper->children)
                        items.append(value(child, property.items));
                } else {
                    const QString itemName = safeName(xmlOf(m_document, property.items).value(kName).toString(key));
                    while (const Node* child = takeChild(itemName))
                        items.append(value(*child, property.items));
                    if (items.isEmpty())
                        continue;
                }
                out.insert(key, items);
                continue;
            }
            if (const Node* child = takeChild(name))
                out.insert(key, value(*child, it.value()));
        }
        for (const auto& a : node.attributes)
            if (!usedAttributes.contains(a.first) && !out.contains(a.first))
                out.insert(a.first, a.second);
        addLeftovers(node, view, &used, &out);
        return out;
    }

    const QJsonObject& m_document;
};

} // namespace

QString XmlCodec::rootName(const QJsonObject& document, const QJsonValue& schema)
{
    const QString name = xmlOf(document, schema).value(kName).toString();
    if (!name.isEmpty())
        return safeName(name);
    const QString component = componentName(document, schema);
    return component.isEmpty() ? QStringLiteral("root") : safeName(component);
}

QByteArray XmlCodec::write(const QJsonObject& document, const QJsonValue& schema, const QJsonValue& value, int indent)
{
    QByteArray out;
    Writer writer(document, &out, indent);
    writer.run(schema, value);
    return out;
}

XmlReadResult XmlCodec::read(
    const QByteArray& xml, const QJsonObject& document, const QJsonValue& schema, const XmlReadLimits& limits)
{
    XmlReadResult result;
    QXmlStreamReader reader(xml);
    std::vector<Node> stack;
    Node root;
    bool haveRoot = false;
    qint64 count = 0;
    const auto fail = [&](const QString& message) {
        result.error = message;
        result.line = int(reader.lineNumber());
        result.column = int(reader.columnNumber());
        return result;
    };
    // XML 1.0 has no NUL and no other C0 control character but tab, LF and CR, yet QXmlStreamReader lets them
    // through inside a name; what is read must be writable again.
    for (qsizetype i = 0; i < xml.size(); ++i) {
        const uchar c = uchar(xml.at(i));
        if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r')
            continue;
        const qsizetype lineStart = xml.lastIndexOf('\n', i) + 1;
        result.error = c == 0 ? QStringLiteral("NUL character (not allowed in XML)")
                              : QStringLiteral("control character U+%1 (not allowed in XML)")
                                    .arg(QString::number(c, 16).toUpper().rightJustified(4, QLatin1Char('0')));
        result.line = int(xml.first(i).count('\n')) + 1;
        result.column = int(i - lineStart) + 1;
        return result;
    }
    while (!reader.atEnd()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::StartElement: {
            if (int(stack.size()) >= limits.maxDepth)
                return fail(QStringLiteral("elements nested deeper than %1 levels").arg(limits.maxDepth));
            Node node;
            node.name = reader.name().toString();
            const QXmlStreamAttributes attributes = reader.attributes();
            count += 1 + attributes.size();
            if (count > limits.maxElements)
                return fail(QStringLiteral("more than %1 elements and attributes").arg(limits.maxElements));
            for (const QXmlStreamAttribute& a : attributes)
                node.attributes.append({ a.name().toString(), a.value().toString() });
            stack.push_back(std::move(node));
            break;
        }
        case QXmlStreamReader::EndElement: {
            if (stack.empty())
                break;
            Node node = std::move(stack.back());
            stack.pop_back();
            if (stack.empty()) {
                root = std::move(node);
                haveRoot = true;
            } else {
                stack.back().children.push_back(std::move(node));
            }
            break;
        }
        case QXmlStreamReader::Characters:
            if (!stack.empty())
                stack.back().text += reader.text();
            break;
        default:
            break;
        }
    }
    if (reader.hasError())
        return fail(reader.errorString());
    if (!haveRoot)
        return fail(QStringLiteral("the document has no root element"));
    result.value = Mapper(document).value(root, schema);
    return result;
}

QString XmlCodec::pretty(const QByteArray& xml)
{
    QXmlStreamReader reader(xml);
    QString out;
    QXmlStreamWriter writer(&out);
    writer.setAutoFormatting(true);
    writer.setAutoFormattingIndent(2);
    // Tokens are copied by their written (qualified) names, so prefixes and declarations stay as the body has them.
    while (!reader.atEnd()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::StartDocument:
            if (!reader.documentVersion().isEmpty())
                writer.writeStartDocument(reader.documentVersion().toString());
            break;
        case QXmlStreamReader::EndDocument:
            writer.writeEndDocument();
            break;
        case QXmlStreamReader::StartElement:
            writer.writeStartElement(reader.qualifiedName().toString());
            for (const QXmlStreamNamespaceDeclaration& d : reader.namespaceDeclarations())
                writer.writeAttribute(
                    d.prefix().isEmpty() ? QStringLiteral("xmlns") : QStringLiteral("xmlns:") + d.prefix().toString(),
                    d.namespaceUri().toString());
            for (const QXmlStreamAttribute& a : reader.attributes())
                writer.writeAttribute(a.qualifiedName().toString(), a.value().toString());
            break;
        case QXmlStreamReader::EndElement:
            writer.writeEndElement();
            break;
        case QXmlStreamReader::Characters:
            // Whitespace between elements is re-made by the writer's indentation.
            if (reader.isCDATA())
                writer.writeCDATA(reader.text().toString());
            else if (!reader.isWhitespace())
                writer.writeCharacters(reader.text().toString());
            break;
        case QXmlStreamReader::Comment:
            writer.writeComment(reader.text().toString());
            break;
        case QXmlStreamReader::ProcessingInstruction:
            writer.writeProcessingInstruction(
                reader.processingInstructionTarget().toString(), reader.processingInstructionData().toString());
            break;
        case QXmlStreamReader::DTD:
            writer.writeDTD(reader.text().toString());
            break;
        case QXmlStreamReader::EntityReference:
            writer.writeEntityReference(reader.name().toString());
            break;
        default:
            break;
        }
    }
    if (reader.hasError())
        return QString::fromUtf8(xml);
    return out.trimmed();
}
