// SPDX-License-Identifier: MIT
#include "ui/models/specformat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStringDecoder>

#include "core/generation/streambody.h"
#include "core/json/jsonpointer.h"
#include "core/negotiation/mediatypenegotiator.h"
#include "core/schema/xmlcodec.h"

namespace SpecFormat {

namespace {

QString refOf(const QJsonValue& value)
{
    if (!value.isObject())
        return {};
    return value.toObject().value(QLatin1String("$ref")).toString();
}

QJsonValue inlineImpl(const QJsonValue& value, const QJsonObject& document, int depth, QSet<QString>& active)
{
    const QString ref = refOf(value);
    if (!ref.isEmpty()) {
        if (depth <= 0 || active.contains(ref) || !JsonPointer::isLocalRef(ref))
            return value;
        const QJsonValue target = JsonPointer::value(document, JsonPointer::fromFragment(ref));
        if (target.isUndefined())
            return value;
        active.insert(ref);
        const QJsonValue out = inlineImpl(target, document, depth - 1, active);
        active.remove(ref);
        return out;
    }
    if (value.isObject()) {
        QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            *it = inlineImpl(*it, document, depth, active);
        return o;
    }
    if (value.isArray()) {
        QJsonArray a = value.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            a[i] = inlineImpl(a.at(i), document, depth, active);
        return a;
    }
    return value;
}

QString schemaType(const QJsonObject& schema)
{
    const QJsonValue t = schema.value(QLatin1String("type"));
    if (t.isString())
        return t.toString();
    // 3.1 type arrays: the first non-null type is the interesting one.
    for (const auto& v : t.toArray())
        if (v.toString() != QLatin1String("null"))
            return v.toString();
    if (schema.contains(QLatin1String("properties")))
        return QStringLiteral("object");
    if (schema.contains(QLatin1String("items")))
        return QStringLiteral("array");
    return {};
}

} // namespace

QJsonValue resolveRef(const QJsonValue& value, const QJsonObject& document)
{
    QJsonValue current = value;
    for (int hops = 0; hops < 32; ++hops) {
        const QString ref = refOf(current);
        if (ref.isEmpty() || !JsonPointer::isLocalRef(ref))
            return current;
        const QJsonValue next = JsonPointer::value(document, JsonPointer::fromFragment(ref));
        if (next.isUndefined())
            return current;
        current = next;
    }
    return current;
}

QJsonValue inlineRefs(const QJsonValue& value, const QJsonObject& document, int depth)
{
    QSet<QString> active;
    return inlineImpl(value, document, depth, active);
}

QString prettyJson(const QJsonValue& value)
{
    if (value.isUndefined())
        return {};
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented)).trimmed();
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented)).trimmed();
    // Scalars: wrap in an array to reuse the serializer, then strip the brackets.
    const QByteArray json = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

namespace {

// JSON text indented, or the text as it is.
QString indentedJson(const QByteArray& text)
{
    const QByteArray trimmed = text.trimmed();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(trimmed, &err);
        if (err.error == QJsonParseError::NoError)
            return QString::fromUtf8(doc.toJson(QJsonDocument::Indented)).trimmed();
    }
    return QString::fromUtf8(text);
}

// A stream body as its numbered items: SSE events with their fields (JSON data indented), or JSON Lines.
QString prettyStream(const QByteArray& body, StreamBody::Format format)
{
    QByteArray text = body;
    text.replace("\r\n", "\n");
    QByteArrayList items;
    for (const QByteArray& item : text.split('\n')) {
        if (format == StreamBody::Format::JsonLines) {
            if (!item.trimmed().isEmpty())
                items.append(item);
        } else if (item.isEmpty()) {
            if (!items.isEmpty() && !items.last().isEmpty())
                items.append(QByteArray());
        } else {
            if (items.isEmpty())
                items.append(QByteArray());
            items.last() += item + '\n';
        }
    }
    if (!items.isEmpty() && items.last().isEmpty())
        items.removeLast();
    QString out = QObject::tr("Stream of %1 items").arg(items.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        out += QStringLiteral("\n\n") + QObject::tr("Item %1").arg(i + 1) + QLatin1Char('\n');
        if (format == StreamBody::Format::JsonLines) {
            out += indentedJson(items.at(i));
            continue;
        }
        QStringList fields;
        QByteArray data;
        for (const QByteArray& line : items.at(i).split('\n')) {
            if (line.startsWith("data:"))
                data +=
                    (data.isEmpty() ? QByteArray() : QByteArray("\n")) + line.mid(line.startsWith("data: ") ? 6 : 5);
            else if (!line.isEmpty())
                fields.append(QString::fromUtf8(line));
        }
        if (!data.isEmpty() || items.at(i).contains("data:"))
            fields.append(QStringLiteral("data: ") + indentedJson(data));
        out += fields.join(QLatin1Char('\n'));
    }
    return out;
}

} // namespace

QString prettyBody(const QByteArray& body, const QByteArray& contentType)
{
    if (body.isEmpty())
        return {};
    const QString type = QString::fromLatin1(contentType);
    const StreamBody::Format stream = StreamBody::formatOf(type);
    if (stream != StreamBody::Format::None)
        return prettyStream(body, stream);
    if (MediaTypeNegotiator::isXml(type))
        return XmlCodec::pretty(body);
    const bool looksJson = contentType.contains("json") || body.startsWith('{') || body.startsWith('[');
    if (looksJson) {
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
        if (err.error == QJsonParseError::NoError)
            return QString::fromUtf8(doc.toJson(QJsonDocument::Indented)).trimmed();
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder(body);
    if (decoder.hasError())
        return QObject::tr("(%1 bytes of binary data)").arg(body.size());
    return text;
}

QJsonValue declaredValue(const QJsonValue& schemaValue, const QJsonObject& document)
{
    const QJsonObject schema = resolveRef(schemaValue, document).toObject();
    for (const char* key : { "example", "const", "default" })
        if (schema.contains(QLatin1String(key)))
            return schema.value(QLatin1String(key));
    const QJsonArray examples = schema.value(QLatin1String("examples")).toArray();
    if (!examples.isEmpty())
        return examples.first();
    const QJsonArray enumValues = schema.value(QLatin1String("enum")).toArray();
    if (!enumValues.isEmpty())
        return enumValues.first();
    return QJsonValue(QJsonValue::Undefined);
}

QJsonValue parameterSample(const Parameter& parameter, const QJsonObject& document)
{
    if (parameter.hasExample)
        return parameter.example;
    for (const auto& ex : parameter.examples)
        if (ex.hasValue)
            return ex.value;
    if (!parameter.content.isEmpty())
        return declaredValue(parameter.content.first().schema, document);
    return declaredValue(parameter.schema, document);
}

namespace {

bool refResolves(const QJsonValue& value, const QJsonObject& document)
{
    const QString ref = refOf(value);
    if (ref.isEmpty() || !ref.startsWith(QLatin1String("#/")))
        return true;
    const QJsonValue target = resolveRef(value, document);
    return !(target.isObject() && target.toObject().contains(QLatin1String("$ref")))
        && !(target.isUndefined() || target.isNull());
}

void collectProperties(const QJsonValue& schemaValue, const QJsonObject& document, int depth, int maxDepth, int maxRows,
    QStringList& seen, QList<SchemaProperty>& out)
{
    const QString ref = refOf(schemaValue);
    if (!ref.isEmpty()) {
        if (seen.contains(ref))
            return;
        seen.append(ref);
    }
    const QJsonObject schema = resolveRef(schemaValue, document).toObject();
    if (schemaType(schema) == QLatin1String("array")) {
        collectProperties(schema.value(QLatin1String("items")), document, depth, maxDepth, maxRows, seen, out);
    } else {
        for (const QJsonValue& member : schema.value(QLatin1String("allOf")).toArray())
            collectProperties(member, document, depth, maxDepth, maxRows, seen, out);
        QStringList required;
        for (const QJsonValue& r : schema.value(QLatin1String("required")).toArray())
            required << r.toString();
        const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
        for (auto it = properties.begin(); it != properties.end() && out.size() < maxRows; ++it) {
            const QJsonObject property = resolveRef(it.value(), document).toObject();
            SchemaProperty row;
            row.depth = depth;
            row.name = it.key();
            row.type = typeSummary(it.value(), document);
            row.format = property.value(QLatin1String("format")).toString();
            row.required = required.contains(it.key());
            row.description = property.value(QLatin1String("description")).toString();
            row.missingRef = !refResolves(it.value(), document);
            out.append(row);
            if (depth + 1 < maxDepth)
                collectProperties(it.value(), document, depth + 1, maxDepth, maxRows, seen, out);
        }
    }
    if (!ref.isEmpty())
        seen.removeLast();
}

} // namespace

bool refMissing(const QJsonValue& schema, const QJsonObject& document)
{
    return !refResolves(schema, document);
}

QList<SchemaProperty> schemaProperties(const QJsonValue& schema, const QJsonObject& document, int maxDepth, int maxRows)
{
    QList<SchemaProperty> out;
    QStringList seen;
    collectProperties(schema, document, 0, maxDepth, maxRows, seen, out);
    return out;
}

QString typeSummary(const QJsonValue& schemaValue, const QJsonObject& document)
{
    const QString ref = refOf(schemaValue);
    const QJsonObject schema = resolveRef(schemaValue, document).toObject();
    if (!ref.isEmpty())
        return ref.section(QLatin1Char('/'), -1);
    const QString type = schemaType(schema);
    if (type == QLatin1String("array"))
        return QObject::tr("array of %1").arg(typeSummary(schema.value(QLatin1String("items")), document));
    const QString format = schema.value(QLatin1String("format")).toString();
    QString out = type.isEmpty() ? QObject::tr("any") : type;
    if (!format.isEmpty())
        out += QStringLiteral(" (%1)").arg(format);
    return out;
}

} // namespace SpecFormat
