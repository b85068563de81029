// SPDX-License-Identifier: MIT
#include "ui/models/harexporter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStringDecoder>
#include <QUrlQuery>

namespace HarExporter {

namespace {

QJsonArray headersToJson(const HeaderList& headers)
{
    QJsonArray out;
    for (const auto& h : headers)
        out.append(QJsonObject { { QStringLiteral("name"), QString::fromLatin1(h.first) },
            { QStringLiteral("value"), QString::fromUtf8(h.second) } });
    return out;
}

QByteArray findHeader(const HeaderList& headers, const QByteArray& name)
{
    for (const auto& h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

// HAR stores text; bodies that are not valid UTF-8 go in base64 with "encoding": "base64".
void putBody(QJsonObject& target, const QByteArray& body)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder(body);
    if (decoder.hasError()) {
        target.insert(QStringLiteral("text"), QString::fromLatin1(body.toBase64()));
        target.insert(QStringLiteral("encoding"), QStringLiteral("base64"));
    } else {
        target.insert(QStringLiteral("text"), text);
    }
}

QString httpVersion(const QByteArray& version)
{
    return QStringLiteral("HTTP/") + (version.isEmpty() ? QStringLiteral("1.1") : QString::fromLatin1(version));
}

QJsonObject entryToJson(const RequestLogEntry& e, const QUrl& baseUrl)
{
    // An outgoing callback went to its own target, not to the mock.
    QUrl url = e.isCallback() ? QUrl(e.target) : baseUrl;
    if (!e.isCallback()) {
        url.setPath(e.path.isEmpty() ? QStringLiteral("/") : e.path, QUrl::TolerantMode);
        if (!e.query.isEmpty())
            url.setQuery(QString::fromUtf8(e.query), QUrl::TolerantMode);
    }

    QJsonArray query;
    for (const auto& item : QUrlQuery(QString::fromUtf8(e.query)).queryItems(QUrl::FullyDecoded))
        query.append(QJsonObject { { QStringLiteral("name"), item.first }, { QStringLiteral("value"), item.second } });

    QJsonObject request {
        { QStringLiteral("method"), QString::fromLatin1(e.method) },
        { QStringLiteral("url"), url.toString(QUrl::FullyEncoded) },
        { QStringLiteral("httpVersion"), httpVersion(e.httpVersion) },
        { QStringLiteral("cookies"), QJsonArray() },
        { QStringLiteral("headers"), headersToJson(e.requestHeaders) },
        { QStringLiteral("queryString"), query },
        { QStringLiteral("headersSize"), -1 },
        { QStringLiteral("bodySize"), qint64(e.requestBody.size()) },
    };
    if (!e.requestBody.isEmpty()) {
        QJsonObject postData { { QStringLiteral("mimeType"),
            QString::fromLatin1(findHeader(e.requestHeaders, "Content-Type")) } };
        putBody(postData, e.requestBody);
        request.insert(QStringLiteral("postData"), postData);
    }

    QJsonObject content {
        { QStringLiteral("size"), qint64(e.responseBody.size()) },
        { QStringLiteral("mimeType"), QString::fromLatin1(findHeader(e.responseHeaders, "Content-Type")) },
    };
    if (!e.responseBody.isEmpty())
        putBody(content, e.responseBody);
    const QJsonObject response {
        { QStringLiteral("status"), e.status },
        { QStringLiteral("statusText"), QString() },
        { QStringLiteral("httpVersion"), httpVersion(e.httpVersion) },
        { QStringLiteral("cookies"), QJsonArray() },
        { QStringLiteral("headers"), headersToJson(e.responseHeaders) },
        { QStringLiteral("content"), content },
        { QStringLiteral("redirectURL"), QString::fromUtf8(findHeader(e.responseHeaders, "Location")) },
        { QStringLiteral("headersSize"), -1 },
        { QStringLiteral("bodySize"), qint64(e.responseBody.size()) },
    };

    const double ms = double(e.durationUs) / 1000.0;
    QJsonObject entry {
        { QStringLiteral("startedDateTime"),
            e.time.toOffsetFromUtc(e.time.offsetFromUtc()).toString(Qt::ISODateWithMs) },
        { QStringLiteral("time"), ms },
        { QStringLiteral("request"), request },
        { QStringLiteral("response"), response },
        { QStringLiteral("cache"), QJsonObject() },
        { QStringLiteral("timings"),
            QJsonObject {
                { QStringLiteral("send"), 0 }, { QStringLiteral("wait"), ms }, { QStringLiteral("receive"), 0 } } },
    };
    // Custom fields start with an underscore, as HAR 1.2 allows.
    if (!e.operationId.isEmpty())
        entry.insert(QStringLiteral("_operationId"), e.operationId);
    if (!e.trace.isEmpty())
        entry.insert(QStringLiteral("_trace"), QJsonArray::fromStringList(e.trace));
    if (e.forced)
        entry.insert(QStringLiteral("_forced"), true);
    if (!e.validationErrors.isEmpty()) {
        QJsonArray errors;
        for (const auto& err : e.validationErrors)
            errors.append(QJsonObject { { QStringLiteral("location"), err.location },
                { QStringLiteral("code"), err.code }, { QStringLiteral("message"), err.message } });
        entry.insert(QStringLiteral("_validationErrors"), errors);
    }
    return entry;
}

} // namespace

QJsonObject toHar(const QList<RequestLogEntry>& entries, const QUrl& baseUrl)
{
    QJsonArray list;
    for (const auto& e : entries)
        list.append(entryToJson(e, baseUrl));
    const QJsonObject log {
        { QStringLiteral("version"), QStringLiteral("1.2") },
        { QStringLiteral("creator"),
            QJsonObject { { QStringLiteral("name"), QStringLiteral("Understudy") },
                { QStringLiteral("version"), QStringLiteral(UNDERSTUDY_VERSION) } } },
        { QStringLiteral("pages"), QJsonArray() },
        { QStringLiteral("entries"), list },
    };
    return QJsonObject { { QStringLiteral("log"), log } };
}

QByteArray toJson(const QList<RequestLogEntry>& entries, const QUrl& baseUrl)
{
    return QJsonDocument(toHar(entries, baseUrl)).toJson(QJsonDocument::Indented);
}

bool writeFile(const QString& path, const QList<RequestLogEntry>& entries, const QUrl& baseUrl, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    file.write(toJson(entries, baseUrl));
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace HarExporter
