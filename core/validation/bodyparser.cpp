// SPDX-License-Identifier: MIT
#include "core/validation/bodyparser.h"

#include <QByteArrayMatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QUrl>

#include "core/json/jsontext.h"
#include "core/json/sourcelocator.h"
#include "core/negotiation/mediatypenegotiator.h"
#include "core/schema/xmlcodec.h"

namespace {

ProblemError bodyError(const QString& code, const QString& message, const QString& location = QStringLiteral("body"))
{
    return ProblemError { location, code, message };
}

ParsedBody failed(const QString& code, const QString& message)
{
    ParsedBody parsed;
    parsed.errors.append(bodyError(code, message));
    return parsed;
}

ParsedBody tooLarge(qint64 size, qint64 limit)
{
    return failed(QStringLiteral("size"),
        QStringLiteral("the body is %1 bytes; the mock validates bodies up to %2 bytes").arg(size).arg(limit));
}

QByteArray formDecode(QByteArray text)
{
    text.replace('+', ' ');
    return QByteArray::fromPercentEncoding(text);
}

// The delimiter a property's `encoding` entry asks for when arrays are not exploded; 0 when they are.
QChar arrayDelimiter(const QJsonObject& encoding, const QString& property)
{
    const QJsonObject entry = encoding.value(property).toObject();
    const QString style = entry.value(QLatin1String("style")).toString(QStringLiteral("form"));
    const bool explode = entry.value(QLatin1String("explode")).toBool(style == QLatin1String("form"));
    if (explode)
        return QChar();
    if (style == QLatin1String("spaceDelimited"))
        return QLatin1Char(' ');
    if (style == QLatin1String("pipeDelimited"))
        return QLatin1Char('|');
    return QLatin1Char(',');
}

NameValueList splitDelimitedArrays(const NameValueList& pairs, const ValueShape& shape, const QJsonObject& encoding)
{
    if (encoding.isEmpty())
        return pairs;
    NameValueList out;
    for (const auto& p : pairs) {
        const auto property = shape.properties.constFind(p.first);
        const QChar delimiter = property != shape.properties.constEnd() && property->isArray && !property->isObject
            ? arrayDelimiter(encoding, p.first)
            : QChar();
        if (delimiter.isNull()) {
            out.append(p);
            continue;
        }
        for (const QString& item : p.second.split(delimiter))
            out.append({ p.first, item });
    }
    return out;
}

// `name="a b"; filename=x` parameters of a Content-Disposition header (names lower case).
QHash<QString, QString> dispositionParameters(const QByteArray& value)
{
    QHash<QString, QString> out;
    int i = value.indexOf(';');
    while (i >= 0 && i < value.size()) {
        ++i;
        while (i < value.size() && value.at(i) == ' ')
            ++i;
        const int eq = value.indexOf('=', i);
        if (eq < 0)
            break;
        const QString key = QString::fromLatin1(value.mid(i, eq - i)).trimmed().toLower();
        i = eq + 1;
        QByteArray v;
        if (i < value.size() && value.at(i) == '"') {
            ++i;
            while (i < value.size() && value.at(i) != '"') {
                if (value.at(i) == '\\' && i + 1 < value.size())
                    ++i;
                v += value.at(i++);
            }
            i = value.indexOf(';', i);
        } else {
            const int end = value.indexOf(';', i);
            v = value.mid(i, end < 0 ? -1 : end - i).trimmed();
            i = end;
        }
        out.insert(key, QString::fromUtf8(v));
    }
    return out;
}

bool typeAllowedByEncoding(const QString& partType, const QString& allowed)
{
    for (const QString& candidate : allowed.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (MediaTypeNegotiator::matches(partType, candidate.trimmed()))
            return true;
    return false;
}

bool allowsReserved(const QJsonObject& encoding, const QString& property)
{
    return encoding.value(property).toObject().value(QLatin1String("allowReserved")).toBool();
}

ProblemError reservedError(const QString& name, char c)
{
    return bodyError(QStringLiteral("allowReserved"),
        QStringLiteral("field '%1' has the reserved character '%2' unencoded; percent-encode it or set "
                       "encoding.%1.allowReserved: true")
            .arg(name, QString(QLatin1Char(c))),
        QStringLiteral("body/") + name);
}

ProblemError emptyError(const QString& name)
{
    return bodyError(QStringLiteral("allowEmptyValue"),
        QStringLiteral("form field '%1' is empty and allowEmptyValue is not set").arg(name),
        QStringLiteral("body/") + name);
}

} // namespace

char BodyParser::unencodedReserved(const QByteArray& raw, QChar delimiter)
{
    static const QByteArray reserved(":/?#[]@!$'()*,;=&");
    for (const char c : raw)
        if (reserved.contains(c) && QLatin1Char(c) != delimiter)
            return c;
    return 0;
}

ParsedBody BodyParser::parseJson(const QByteArray& body, const BodyLimits& limits)
{
    if (body.size() > limits.maxBytes)
        return tooLarge(body.size(), limits.maxBytes);
    const qint64 deep = JsonText::nestingExceededAt(body, limits.maxDepth);
    if (deep >= 0) {
        const SourceLocator::Position pos = SourceLocator::fromOffset(body, deep);
        ParsedBody parsed = failed(QStringLiteral("depth"),
            QStringLiteral("JSON nested deeper than %1 levels at offset %2 (line %3, column %4)")
                .arg(limits.maxDepth)
                .arg(deep)
                .arg(pos.line)
                .arg(pos.column));
        parsed.errorOffset = deep;
        parsed.errorLine = pos.line;
        parsed.errorColumn = pos.column;
        return parsed;
    }
    qsizetype first = 0;
    while (first < body.size() && QChar::isSpace(static_cast<uchar>(body.at(first))))
        ++first;
    const bool container = first < body.size() && (body.at(first) == '{' || body.at(first) == '[');
    QJsonParseError error;
    QJsonValue value;
    qint64 offset = 0;
    if (container) {
        const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
        offset = error.offset;
        if (error.error == QJsonParseError::NoError)
            value = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
    } else {
        // QJsonDocument only takes objects and arrays: wrap scalars, then map the offset back.
        const QJsonDocument doc = QJsonDocument::fromJson("[" + body + "]", &error);
        offset = qBound(qint64(0), qint64(error.offset) - 1, qint64(body.size()));
        if (error.error == QJsonParseError::NoError) {
            if (doc.array().size() == 1) {
                value = doc.array().first();
            } else {
                error.error = QJsonParseError::IllegalValue;
                offset = doc.array().isEmpty() ? first : body.indexOf(',');
            }
        }
    }
    if (error.error == QJsonParseError::NoError) {
        ParsedBody parsed;
        parsed.value = value;
        return parsed;
    }
    const SourceLocator::Position pos = SourceLocator::fromOffset(body, offset);
    ParsedBody parsed = failed(QStringLiteral("syntax"),
        QStringLiteral("invalid JSON at offset %1 (line %2, column %3): %4")
            .arg(offset)
            .arg(pos.line)
            .arg(pos.column)
            .arg(first >= body.size() ? QStringLiteral("the body is blank") : error.errorString()));
    parsed.errorOffset = offset;
    parsed.errorLine = pos.line;
    parsed.errorColumn = pos.column;
    return parsed;
}

ParsedBody BodyParser::parseUrlEncoded(const QByteArray& body, const ValueShape& shape, const QJsonObject& encoding,
    const BodyLimits& limits, const FormRules& rules)
{
    if (body.size() > limits.maxBytes)
        return tooLarge(body.size(), limits.maxBytes);
    NameValueList pairs;
    ParsedBody parsed;
    QSet<QString> reported;
    for (const QByteArray& field : body.split('&')) {
        if (field.isEmpty())
            continue;
        if (pairs.size() >= limits.maxParts)
            return failed(
                QStringLiteral("fields"), QStringLiteral("the form has more than %1 fields").arg(limits.maxParts));
        const int eq = field.indexOf('=');
        const QString name = QString::fromUtf8(formDecode(eq < 0 ? field : field.left(eq)));
        const QByteArray raw = eq < 0 ? QByteArray() : field.mid(eq + 1);
        if (rules.checkReserved && !allowsReserved(encoding, name) && !reported.contains(name)) {
            const auto property = shape.properties.constFind(name);
            const bool array = property != shape.properties.constEnd() && property->isArray && !property->isObject;
            if (const char c = unencodedReserved(raw, array ? arrayDelimiter(encoding, name) : QChar())) {
                parsed.errors.append(reservedError(name, c));
                reported.insert(name);
            }
        }
        if (raw.isEmpty() && rules.nonEmpty.contains(name) && !reported.contains(name)) {
            parsed.errors.append(emptyError(name));
            reported.insert(name);
        }
        pairs.append({ name, QString::fromUtf8(formDecode(raw)) });
    }
    parsed.value = ParameterDeserializer::fromPairs(splitDelimitedArrays(pairs, shape, encoding), shape);
    return parsed;
}

QList<MultipartPart> BodyParser::splitMultipart(
    const QByteArray& body, const QString& contentType, QList<ProblemError>* errors, const BodyLimits& limits)
{
    QList<MultipartPart> parts;
    const auto fail = [&](const QString& message) {
        errors->append(bodyError(QStringLiteral("multipart"), message));
        return QList<MultipartPart>();
    };
    if (body.size() > limits.maxBytes)
        return fail(QStringLiteral("the body is %1 bytes; the mock validates bodies up to %2 bytes")
                        .arg(body.size())
                        .arg(limits.maxBytes));
    const auto range = MediaRange::parseCached(contentType);
    const QString boundary = range ? range->parameter(QStringLiteral("boundary")) : QString();
    if (boundary.isEmpty())
        return fail(QStringLiteral("the Content-Type has no boundary parameter"));
    const QByteArray dash = "--" + boundary.toLatin1();
    const QByteArray delimiter = "\r\n" + dash;
    const QByteArrayMatcher delimiterMatcher(delimiter);
    // The first boundary may start the body directly (no preceding CRLF).
    qsizetype pos = body.startsWith(dash) ? 0 : body.indexOf(delimiter);
    if (pos < 0)
        return fail(QStringLiteral("the body does not contain the boundary '%1'").arg(boundary));
    pos += body.startsWith(dash) && pos == 0 ? dash.size() : delimiter.size();
    while (true) {
        if (body.mid(pos, 2) == "--")
            return parts; // closing delimiter
        // Rest of the boundary line (transport padding) and its line break.
        const qsizetype lineEnd = body.indexOf('\n', pos);
        if (lineEnd < 0)
            return fail(QStringLiteral("the body ends without the closing boundary '--%1--'").arg(boundary));
        pos = lineEnd + 1;
        if (parts.size() >= limits.maxParts)
            return fail(QStringLiteral("the body has more than %1 parts").arg(limits.maxParts));
        qsizetype headersEnd = body.indexOf("\r\n\r\n", pos);
        qsizetype contentStart = headersEnd + 4;
        if (body.mid(pos, 2) == "\r\n") { // no part headers at all
            headersEnd = pos;
            contentStart = pos + 2;
        }
        if (headersEnd < 0)
            return fail(QStringLiteral("part %1 has no end of headers").arg(parts.size() + 1));
        const qsizetype next = delimiterMatcher.indexIn(body, contentStart);
        if (next < 0)
            return fail(QStringLiteral("the body ends without the closing boundary '--%1--'").arg(boundary));
        MultipartPart part;
        part.contentType = QStringLiteral("text/plain");
        for (const QByteArray& line : body.mid(pos, headersEnd - pos).split('\n')) {
            const int colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name.compare("Content-Disposition", Qt::CaseInsensitive) == 0) {
                const QHash<QString, QString> params = dispositionParameters(value);
                part.name = params.value(QStringLiteral("name"));
                if (params.contains(QStringLiteral("filename")))
                    part.filename = params.value(QStringLiteral("filename"), QStringLiteral(""));
            } else if (name.compare("Content-Type", Qt::CaseInsensitive) == 0) {
                part.contentType = QString::fromLatin1(value);
            }
        }
        if (part.name.isEmpty())
            return fail(QStringLiteral("part %1 has no Content-Disposition name").arg(parts.size() + 1));
        part.data = body.mid(contentStart, next - contentStart);
        parts.append(part);
        pos = next + delimiter.size();
    }
}

ParsedBody BodyParser::parseMultipart(const QByteArray& body, const QString& contentType, const ValueShape& shape,
    const QJsonObject& encoding, const BodyLimits& limits, const FormRules& rules)
{
    ParsedBody parsed;
    const QList<MultipartPart> parts = splitMultipart(body, contentType, &parsed.errors, limits);
    if (!parsed.ok())
        return parsed;
    QStringList order;
    QHash<QString, QJsonArray> values;
    QSet<QString> reported;
    for (const MultipartPart& part : parts) {
        const auto property = shape.properties.constFind(part.name);
        const bool declared = property != shape.properties.constEnd();
        const QJsonObject entry = encoding.value(part.name).toObject();
        const bool isFile = !part.filename.isNull() || (declared && property->format == QLatin1String("binary"));
        // Only a part serialised RFC 6570 style (its encoding spells out style, explode or allowReserved) is held to
        // allowReserved; a plain multipart text part is sent as it is.
        const bool styled = entry.contains(QLatin1String("style")) || entry.contains(QLatin1String("explode"))
            || entry.contains(QLatin1String("allowReserved"));
        if (rules.checkReserved && styled && !isFile && !entry.value(QLatin1String("allowReserved")).toBool()
            && !reported.contains(part.name)) {
            const bool array = declared && property->isArray && !property->isObject;
            if (const char c = unencodedReserved(part.data, array ? arrayDelimiter(encoding, part.name) : QChar())) {
                parsed.errors.append(reservedError(part.name, c));
                reported.insert(part.name);
            }
        }
        if (part.data.isEmpty() && !isFile && rules.nonEmpty.contains(part.name) && !reported.contains(part.name)) {
            parsed.errors.append(emptyError(part.name));
            reported.insert(part.name);
        }
        const QString allowed = entry.value(QLatin1String("contentType")).toString();
        if (!allowed.isEmpty() && !typeAllowedByEncoding(part.contentType, allowed))
            parsed.errors.append(bodyError(QStringLiteral("contentType"),
                QStringLiteral("part '%1' is %2; the encoding allows %3").arg(part.name, part.contentType, allowed),
                QStringLiteral("body/") + part.name));
        QJsonValue value;
        if (MediaTypeNegotiator::isJson(part.contentType) || (declared && property->isObject)) {
            value = ParameterDeserializer::parseJsonText(QString::fromUtf8(part.data));
        } else if (!part.filename.isNull() || (declared && property->format == QLatin1String("binary"))) {
            // Files are binary strings: one character per byte, whatever their encoding.
            value = QString::fromLatin1(part.data);
        } else {
            const QString text = QString::fromUtf8(part.data);
            value = declared ? ParameterDeserializer::coerce(text, property->types) : QJsonValue(text);
        }
        if (!values.contains(part.name))
            order.append(part.name);
        values[part.name].append(value);
    }
    QJsonObject object;
    for (const QString& name : std::as_const(order)) {
        const auto property = shape.properties.constFind(name);
        const QJsonArray& list = values[name];
        if (property != shape.properties.constEnd() && property->isArray)
            object.insert(name, list);
        else
            object.insert(name, list.size() == 1 ? list.first() : QJsonValue(list));
    }
    parsed.value = object;
    return parsed;
}

ParsedBody BodyParser::parseXml(
    const QByteArray& body, const QJsonObject& document, const QJsonValue& schema, const BodyLimits& limits)
{
    if (body.size() > limits.maxBytes)
        return tooLarge(body.size(), limits.maxBytes);
    XmlReadLimits xmlLimits;
    xmlLimits.maxDepth = limits.maxDepth;
    const XmlReadResult read = XmlCodec::read(body, document, schema, xmlLimits);
    if (read.ok()) {
        ParsedBody parsed;
        parsed.value = read.value;
        return parsed;
    }
    ParsedBody parsed = failed(QStringLiteral("syntax"),
        QStringLiteral("invalid XML at line %1, column %2: %3").arg(read.line).arg(read.column).arg(read.error));
    parsed.errorLine = read.line;
    parsed.errorColumn = read.column;
    return parsed;
}

ParsedBody BodyParser::parseText(const QByteArray& body, const ValueShape& shape)
{
    ParsedBody parsed;
    const QString text = QString::fromUtf8(body);
    parsed.value =
        shape.kind == ValueShape::Kind::Primitive ? ParameterDeserializer::coerce(text, shape.types) : QJsonValue(text);
    return parsed;
}
