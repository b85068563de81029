// SPDX-License-Identifier: MIT
#include "ui/models/requestdraft.h"

#include <cmath>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include "core/schema/schemasampler.h"
#include "ui/models/curlcommand.h"
#include "ui/models/specformat.h"

namespace {

const QString multipartBoundary = QStringLiteral("understudy-try-it-boundary");

bool isJsonMediaType(const QString& name)
{
    return name.contains(QLatin1String("json"), Qt::CaseInsensitive);
}

// Numbers without a trailing ".0" for integral values, so "20" stays "20" in a query string.
QString numberText(double value)
{
    if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 9.0e15)
        return QString::number(static_cast<qint64>(value));
    return QString::number(value, 'g', 17);
}

QString compactJson(const QJsonValue& value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    // QJsonDocument cannot hold a scalar, so wrap it and strip the brackets.
    const QByteArray wrapped = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

// A value as it appears in a URL, header or form field: strings raw, arrays comma-joined (style simple/form).
QString plainText(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return numberText(value.toDouble());
    case QJsonValue::Array: {
        QStringList parts;
        for (const QJsonValue& item : value.toArray())
            parts << plainText(item);
        return parts.join(QLatin1Char(','));
    }
    case QJsonValue::Object:
        return compactJson(value);
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

QString schemaType(const QJsonValue& schema, const QJsonObject& document)
{
    const QJsonObject object = SpecFormat::resolveRef(schema, document).toObject();
    const QJsonValue type = object.value(QLatin1String("type"));
    if (type.isArray()) {
        // OpenAPI 3.1 ["string", "null"]: the first non-null type describes the value.
        for (const QJsonValue& t : type.toArray())
            if (t.toString() != QLatin1String("null"))
                return t.toString();
        return {};
    }
    return type.toString();
}

// `pointer` locates the schema in the document, so the sampler uses the definition's compiled schemas; `name` (a
// parameter's) gives a top-level value its meaning, as a property name does (`email` -> an email address).
QJsonValue sampleSchema(
    const Definition& definition, const QJsonValue& schema, const QString& pointer, const QString& name = QString())
{
    if (schema.isUndefined() || schema.isNull())
        return QJsonValue(QJsonValue::Undefined);
    SampleOptions options;
    options.forResponse = false;
    options.name = name;
    options.cache = &definition.schemas();
    return SchemaSampler::sample(QJsonValue(definition.document), schema, definition.dialect, options, nullptr,
        pointer.isEmpty() ? QString() : pointer);
}

// Example, first named example, a content parameter's example, else a sample of the schema (which itself
// prefers schema examples, defaults and enums), else a typed placeholder.
QString parameterValue(const Definition& definition, const Parameter& parameter)
{
    if (parameter.hasExample)
        return plainText(parameter.example);
    for (const NamedExample& example : parameter.examples)
        if (example.hasValue)
            return plainText(example.value);
    QJsonValue schema = parameter.schema;
    if (!parameter.content.isEmpty()) {
        const MediaType& media = parameter.content.first();
        if (media.hasExample)
            return compactJson(media.example);
        for (const NamedExample& example : media.examples)
            if (example.hasValue)
                return compactJson(example.value);
        const QJsonValue sample = sampleSchema(definition, media.schema, media.schemaPointer, parameter.name);
        return sample.isUndefined() ? QString() : compactJson(sample);
    }
    const QJsonValue sample = sampleSchema(definition, schema, parameter.schemaPointer, parameter.name);
    // An untyped schema samples to {}, which says less than a placeholder.
    const bool emptyObject = sample.isObject() && sample.toObject().isEmpty();
    if (!sample.isUndefined() && !sample.isNull() && !emptyObject)
        return plainText(sample);
    return RequestDraft::placeholder(schema, definition.document);
}

QString formEncode(const QJsonValue& value)
{
    if (!value.isObject())
        return plainText(value);
    QStringList pairs;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it)
        pairs << QString::fromLatin1(
            QUrl::toPercentEncoding(it.key()) + '=' + QUrl::toPercentEncoding(plainText(it.value())));
    return pairs.join(QLatin1Char('&'));
}

// Lines end in "\n" for editing; bodyBytes() turns them into CRLF when sending.
QString multipartEncode(const QJsonValue& value)
{
    QString out;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        out += QStringLiteral("--%1\nContent-Disposition: form-data; name=\"%2\"\n\n%3\n")
                   .arg(multipartBoundary, it.key(), plainText(it.value()));
    }
    out += QStringLiteral("--%1--\n").arg(multipartBoundary);
    return out;
}

QString bodyText(const QJsonValue& value, const QString& mediaType)
{
    if (value.isUndefined())
        return {};
    if (isJsonMediaType(mediaType))
        return value.isObject() || value.isArray() ? SpecFormat::prettyJson(value) : compactJson(value);
    if (mediaType.startsWith(QLatin1String("application/x-www-form-urlencoded"), Qt::CaseInsensitive))
        return formEncode(value);
    if (mediaType.startsWith(QLatin1String("multipart/form-data"), Qt::CaseInsensitive) && value.isObject())
        return multipartEncode(value);
    if (value.isString())
        return value.toString();
    return value.isObject() || value.isArray() ? SpecFormat::prettyJson(value) : plainText(value);
}

DraftMediaType mediaTypeDraft(const Definition& definition, const MediaType& media)
{
    DraftMediaType draft;
    draft.name = media.name;
    for (const NamedExample& example : media.examples) {
        if (!example.hasValue)
            continue;
        const QString label =
            example.summary.isEmpty() ? example.name : QStringLiteral("%1 — %2").arg(example.name, example.summary);
        draft.examples.append({ example.name, label, bodyText(example.value, media.name) });
    }
    if (media.hasExample)
        draft.examples.append(
            { {}, QCoreApplication::translate("RequestDraft", "Example"), bodyText(media.example, media.name) });
    if (draft.examples.isEmpty()) {
        const QJsonValue sample = sampleSchema(definition, media.schema, media.schemaPointer);
        if (!sample.isUndefined())
            draft.examples.append({ {}, QCoreApplication::translate("RequestDraft", "Generated from the schema"),
                bodyText(sample, media.name) });
        else
            draft.examples.append({ {}, QCoreApplication::translate("RequestDraft", "Empty"), QString() });
    }
    return draft;
}

// Credentials for every scheme of the first requirement that needs any; switched off when anonymous access
// is also allowed, so the default request is the simplest valid one.
QList<DraftParameter> credentials(const Definition& definition, const Operation& operation)
{
    QList<DraftParameter> out;
    bool anonymousAllowed = false;
    const SecurityRequirement* chosen = nullptr;
    for (const SecurityRequirement& requirement : operation.security) {
        if (requirement.schemes.isEmpty())
            anonymousAllowed = true;
        else if (!chosen)
            chosen = &requirement;
    }
    if (!chosen)
        return out;
    for (const SecurityRequirement::Item& item : chosen->schemes) {
        const QJsonObject scheme = definition.securitySchemes.value(item.scheme).toObject();
        const QString type = scheme.value(QLatin1String("type")).toString();
        DraftParameter line;
        line.enabled = !anonymousAllowed;
        line.credential = true;
        line.description =
            QCoreApplication::translate("RequestDraft", "Credential for the security scheme %1").arg(item.scheme);
        if (type == QLatin1String("apiKey")) {
            line.name = scheme.value(QLatin1String("name")).toString();
            line.in = scheme.value(QLatin1String("in")).toString(QStringLiteral("header"));
            line.value = QStringLiteral("<api-key>");
        } else if (type == QLatin1String("http")) {
            const QString httpScheme = scheme.value(QLatin1String("scheme")).toString().toLower();
            line.name = QStringLiteral("Authorization");
            line.in = QStringLiteral("header");
            if (httpScheme == QLatin1String("basic"))
                line.value = QStringLiteral("Basic dXNlcjpwYXNz"); // user:pass
            else if (httpScheme.isEmpty() || httpScheme == QLatin1String("bearer"))
                line.value = QStringLiteral("Bearer <token>");
            else
                line.value = scheme.value(QLatin1String("scheme")).toString() + QStringLiteral(" <credentials>");
        } else if (type == QLatin1String("oauth2") || type == QLatin1String("openIdConnect")) {
            line.name = QStringLiteral("Authorization");
            line.in = QStringLiteral("header");
            line.value = QStringLiteral("Bearer <token>");
        } else {
            continue; // mutualTLS and unknown schemes have nothing to send in the request
        }
        if (line.name.isEmpty())
            continue;
        out.append(line);
    }
    return out;
}

} // namespace

RequestDraft RequestDraft::fromOperation(const Definition& definition, const Operation& operation)
{
    RequestDraft draft;
    draft.operationId = operation.id;
    draft.method = operation.method;
    draft.basePath = definition.basePath();
    draft.pathTemplate = operation.path;

    // Path first, then query, header and cookie: the order a reader scans a request in.
    static const char* const locations[] = { "path", "query", "header", "cookie" };
    for (const char* location : locations) {
        for (const Parameter& p : operation.parameters) {
            if (p.in != QLatin1String(location))
                continue;
            DraftParameter line;
            line.name = p.name;
            line.in = p.in;
            line.required = p.required || p.in == QLatin1String("path");
            line.enabled = line.required;
            line.description = p.description;
            line.value = parameterValue(definition, p);
            line.explodeArray = p.in == QLatin1String("query") && p.explode && p.style == QLatin1String("form")
                && schemaType(p.schema, definition.document) == QLatin1String("array");
            draft.parameters.append(line);
        }
    }
    draft.parameters.append(credentials(definition, operation));

    draft.hasBody = operation.requestBody.present;
    for (const MediaType& media : operation.requestBody.content)
        draft.mediaTypes.append(mediaTypeDraft(definition, media));
    if (!draft.mediaTypes.isEmpty()) {
        draft.contentType = draft.mediaTypes.first().name;
        draft.body = draft.mediaTypes.first().examples.first().text;
    }

    QSet<QString> seenExamples;
    for (const Response& response : operation.responses) {
        const int status = response.status();
        if (status > 0 && !draft.responseStatuses.contains(QString::number(status)))
            draft.responseStatuses.append(QString::number(status));
        for (const MediaType& media : response.content) {
            for (const NamedExample& example : media.examples) {
                if (!seenExamples.contains(example.name)) {
                    seenExamples.insert(example.name);
                    draft.responseExamples.append(example.name);
                }
            }
        }
    }
    return draft;
}

void RequestDraft::applyLoggedRequest(const RequestLogEntry& entry)
{
    // Path parameters: match the template's segments against the sent path, after the base path.
    QString sentPath = entry.path;
    if (!basePath.isEmpty() && sentPath.startsWith(basePath))
        sentPath = sentPath.mid(basePath.size());
    const QStringList templateSegments = pathTemplate.split(QLatin1Char('/'));
    const QStringList sentSegments = sentPath.split(QLatin1Char('/'));
    QHash<QString, QString> pathValues;
    if (templateSegments.size() == sentSegments.size()) {
        for (int i = 0; i < templateSegments.size(); ++i) {
            const QString& t = templateSegments.at(i);
            if (t.startsWith(QLatin1Char('{')) && t.endsWith(QLatin1Char('}')))
                pathValues.insert(t.mid(1, t.size() - 2), QUrl::fromPercentEncoding(sentSegments.at(i).toUtf8()));
        }
    }
    // Query items in order; repeated names (exploded arrays) join with commas, as the draft holds them.
    QList<QPair<QString, QString>> query;
    for (const QByteArray& item : entry.query.split('&')) {
        if (item.isEmpty())
            continue;
        const qsizetype eq = item.indexOf('=');
        QByteArray name = eq < 0 ? item : item.left(eq);
        QByteArray value = eq < 0 ? QByteArray() : item.mid(eq + 1);
        name.replace('+', ' ');
        value.replace('+', ' ');
        const QString n = QUrl::fromPercentEncoding(name);
        const QString v = QUrl::fromPercentEncoding(value);
        auto it = std::find_if(query.begin(), query.end(), [&n](const auto& p) { return p.first == n; });
        if (it != query.end())
            it->second += QLatin1Char(',') + v;
        else
            query.append({ n, v });
    }
    QList<QPair<QString, QString>> cookies;
    for (const QByteArray& part : entry.requestHeader("Cookie").split(';')) {
        const QByteArray trimmed = part.trimmed();
        const qsizetype eq = trimmed.indexOf('=');
        if (eq > 0)
            cookies.append({ QString::fromUtf8(trimmed.left(eq)), QString::fromUtf8(trimmed.mid(eq + 1)) });
    }
    // Headers the mock or the transport adds, and the forcing headers the draft has fields for.
    static const QSet<QByteArray> skipped { "host", "content-length", "connection", "accept-encoding", "cookie",
        "content-type", "user-agent", "accept", "accept-language", "x-redocly-response-status",
        "x-redocly-response-body-example" };

    QSet<QString> taken;
    for (DraftParameter& p : parameters) {
        const QString key = p.in + QLatin1Char(':') + p.name.toLower();
        if (p.in == QLatin1String("path")) {
            if (pathValues.contains(p.name))
                p.value = pathValues.value(p.name);
            continue;
        }
        bool found = false;
        QString value;
        if (p.in == QLatin1String("query")) {
            for (const auto& q : query)
                if (q.first == p.name) {
                    found = true;
                    value = q.second;
                }
        } else if (p.in == QLatin1String("cookie")) {
            for (const auto& c : cookies)
                if (c.first == p.name) {
                    found = true;
                    value = c.second;
                }
        } else if (p.in == QLatin1String("header")) {
            for (const auto& h : entry.requestHeaders)
                if (QString::fromLatin1(h.first).compare(p.name, Qt::CaseInsensitive) == 0) {
                    found = true;
                    value = QString::fromUtf8(h.second);
                }
        }
        p.enabled = found;
        if (found)
            p.value = value;
        taken.insert(key);
    }
    for (const auto& q : query) {
        if (taken.contains(QStringLiteral("query:") + q.first.toLower()))
            continue;
        DraftParameter line;
        line.name = q.first;
        line.value = q.second;
        line.in = QStringLiteral("query");
        line.enabled = true;
        parameters.append(line);
    }
    for (const auto& h : entry.requestHeaders) {
        const QByteArray lower = h.first.toLower();
        if (skipped.contains(lower) || taken.contains(QStringLiteral("header:") + QString::fromLatin1(lower)))
            continue;
        DraftParameter line;
        line.name = QString::fromLatin1(h.first);
        line.value = QString::fromUtf8(h.second);
        line.in = QStringLiteral("header");
        line.enabled = true;
        parameters.append(line);
    }
    forcedStatus = QString::fromUtf8(entry.requestHeader("x-redocly-response-status"));
    forcedExample = QString::fromUtf8(entry.requestHeader("x-redocly-response-body-example"));
    if (hasBody) {
        const QString sentType = QString::fromUtf8(entry.requestHeader("Content-Type")).section(QLatin1Char(';'), 0, 0);
        if (!sentType.trimmed().isEmpty())
            contentType = sentType.trimmed();
        body = QString::fromUtf8(entry.requestBody);
    }
}

QString RequestDraft::resolvedPath() const
{
    QString path = basePath + pathTemplate;
    for (const DraftParameter& p : parameters) {
        if (p.in == QLatin1String("path"))
            path.replace(
                QLatin1Char('{') + p.name + QLatin1Char('}'), QString::fromLatin1(QUrl::toPercentEncoding(p.value)));
    }
    return path;
}

QUrl RequestDraft::url(const QUrl& baseUrl) const
{
    QByteArray text = baseUrl.toEncoded(QUrl::RemoveQuery | QUrl::RemoveFragment);
    // StripTrailingSlash keeps the lone "/" of "http://host:4010/", which would double up with the path.
    while (text.endsWith('/'))
        text.chop(1);
    text += resolvedPath().toUtf8();
    QByteArrayList items;
    for (const DraftParameter& p : parameters) {
        if (!p.enabled || p.in != QLatin1String("query") || p.name.isEmpty())
            continue;
        const QByteArray name = QUrl::toPercentEncoding(p.name);
        const QStringList values =
            p.explodeArray ? p.value.split(QLatin1Char(','), Qt::SkipEmptyParts) : QStringList { p.value };
        for (const QString& value : values)
            items << name + '=' + QUrl::toPercentEncoding(value);
    }
    if (!items.isEmpty())
        text += '?' + items.join('&');
    return QUrl::fromEncoded(text, QUrl::StrictMode);
}

HeaderList RequestDraft::headers() const
{
    HeaderList out;
    QStringList cookies;
    for (const DraftParameter& p : parameters) {
        if (!p.enabled || p.name.isEmpty())
            continue;
        if (p.in == QLatin1String("header"))
            out.append({ p.name.toLatin1(), p.value.toUtf8() });
        else if (p.in == QLatin1String("cookie"))
            cookies << p.name + QLatin1Char('=') + p.value;
    }
    if (!cookies.isEmpty())
        out.append({ QByteArrayLiteral("Cookie"), cookies.join(QStringLiteral("; ")).toUtf8() });
    if (hasBody && !contentType.isEmpty() && !body.isEmpty())
        out.append({ QByteArrayLiteral("Content-Type"), contentTypeHeader(contentType).toUtf8() });
    if (!forcedStatus.isEmpty())
        out.append({ QByteArrayLiteral("x-redocly-response-status"), forcedStatus.toUtf8() });
    if (!forcedExample.isEmpty())
        out.append({ QByteArrayLiteral("x-redocly-response-body-example"), forcedExample.toUtf8() });
    return out;
}

QByteArray RequestDraft::bodyBytes() const
{
    if (!hasBody || body.isEmpty())
        return {};
    if (contentType.startsWith(QLatin1String("multipart/"), Qt::CaseInsensitive)) {
        QString crlf = body;
        crlf.replace(QLatin1String("\r\n"), QLatin1String("\n"));
        crlf.replace(QLatin1String("\n"), QLatin1String("\r\n"));
        return crlf.toUtf8();
    }
    return body.toUtf8();
}

QString RequestDraft::curlCommand(const QUrl& baseUrl) const
{
    QStringList args { QStringLiteral("curl") };
    const QByteArray bytes = bodyBytes();
    if (method == QLatin1String("HEAD"))
        args << QStringLiteral("-I");
    else if (method != QLatin1String("GET") || !bytes.isEmpty())
        args << QStringLiteral("-X") << method;
    args << CurlCommand::shellQuote(QString::fromUtf8(url(baseUrl).toEncoded()));
    for (const auto& header : headers())
        args << QStringLiteral("-H")
             << CurlCommand::shellQuote(
                    QString::fromLatin1(header.first) + QStringLiteral(": ") + QString::fromUtf8(header.second));
    if (!bytes.isEmpty())
        args << QStringLiteral("--data-binary") << CurlCommand::shellQuote(QString::fromUtf8(bytes));
    return args.join(QLatin1Char(' '));
}

QString RequestDraft::browsablePath(const Definition& definition)
{
    for (const Operation& op : definition.operations) {
        if (op.method.compare(QLatin1String("GET"), Qt::CaseInsensitive) != 0)
            continue;
        bool anonymous = op.security.isEmpty();
        for (const SecurityRequirement& requirement : op.security)
            anonymous = anonymous || requirement.schemes.isEmpty();
        bool success = false;
        for (const Response& response : op.responses)
            success = success || (response.status() >= 200 && response.status() < 300);
        bool needsMore = false;
        for (const Parameter& p : op.parameters)
            needsMore = needsMore || (p.required && p.in != QLatin1String("path"));
        if (!anonymous || !success || needsMore)
            continue;
        return fromOperation(definition, op).resolvedPath();
    }
    return {};
}

QString RequestDraft::contentTypeHeader(const QString& mediaType)
{
    if (mediaType.contains(QLatin1Char('*')))
        return QStringLiteral("application/octet-stream"); // "*/*" or "image/*" name no concrete type
    if (mediaType.compare(QLatin1String("multipart/form-data"), Qt::CaseInsensitive) == 0)
        return mediaType + QStringLiteral("; boundary=") + multipartBoundary;
    return mediaType;
}

QString RequestDraft::placeholder(const QJsonValue& schema, const QJsonObject& document)
{
    const QString type = schemaType(schema, document);
    return QStringLiteral("<%1>").arg(type.isEmpty() ? QStringLiteral("value") : type);
}
