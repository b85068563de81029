// SPDX-License-Identifier: MIT
#include "ui/models/curlcommand.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QUrlQuery>

#include "ui/models/specformat.h"

namespace CurlCommand {

namespace {

// A parameter value as text: strings raw, everything else as compact JSON.
QString scalarText(const QJsonValue& value)
{
    if (value.isString())
        return value.toString();
    if (value.isArray()) {
        QStringList parts;
        for (const auto& v : value.toArray())
            parts << scalarText(v);
        return parts.join(QLatin1Char(','));
    }
    if (value.isUndefined() || value.isNull())
        return {};
    return SpecFormat::prettyJson(value.isObject() ? QJsonValue(value.toObject()) : value).simplified();
}

QString baseText(const QUrl& baseUrl)
{
    QString base = baseUrl.isEmpty() ? QStringLiteral("http://127.0.0.1:4010") : baseUrl.toString();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return base;
}

} // namespace

QString shellQuote(const QString& text)
{
    QString out = text;
    out.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

QString forOperation(const Operation& operation, const Definition& definition, const QUrl& baseUrl)
{
    const QJsonObject& doc = definition.document;
    QString path = definition.basePath() + operation.path;
    QUrlQuery query;
    QStringList headerArgs;
    for (const Parameter& p : operation.parameters) {
        const QString value = scalarText(SpecFormat::parameterSample(p, doc));
        if (p.in == QLatin1String("path")) {
            const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(value.isEmpty() ? p.name : value));
            path.replace(QLatin1Char('{') + p.name + QLatin1Char('}'), encoded);
        } else if (p.in == QLatin1String("query") && p.required) {
            query.addQueryItem(p.name, value);
        } else if (p.in == QLatin1String("header") && p.required) {
            headerArgs << QStringLiteral("-H %1").arg(shellQuote(p.name + QStringLiteral(": ") + value));
        }
    }
    QString url = baseText(baseUrl) + path;
    if (!query.isEmpty())
        url += QLatin1Char('?') + query.toString(QUrl::FullyEncoded);

    QStringList args { QStringLiteral("curl") };
    if (operation.method != QLatin1String("GET"))
        args << QStringLiteral("-X %1").arg(operation.method);
    args << shellQuote(url);

    // Ask for the first declared response media type, which is what the negotiator would pick anyway.
    for (const Response& r : operation.responses) {
        if (!r.content.isEmpty() && r.content.first().name != QLatin1String("*/*")) {
            args << QStringLiteral("-H %1").arg(shellQuote(QStringLiteral("Accept: ") + r.content.first().name));
            break;
        }
    }
    args << headerArgs;
    if (operation.requestBody.present && !operation.requestBody.content.isEmpty()) {
        const MediaType& mt = operation.requestBody.content.first();
        args << QStringLiteral("-H %1").arg(shellQuote(QStringLiteral("Content-Type: ") + mt.name));
        const QJsonValue sample = SpecFormat::mediaTypeSample(mt, doc);
        QString body;
        if (sample.isObject())
            body = QString::fromUtf8(QJsonDocument(sample.toObject()).toJson(QJsonDocument::Compact));
        else if (sample.isArray())
            body = QString::fromUtf8(QJsonDocument(sample.toArray()).toJson(QJsonDocument::Compact));
        else if (mt.name.contains(QLatin1String("json")) && !sample.isUndefined())
            body = SpecFormat::prettyJson(sample);
        else
            body = scalarText(sample);
        args << QStringLiteral("-d %1").arg(shellQuote(body));
    }
    return args.join(QLatin1Char(' '));
}

QString forLogEntry(const RequestLogEntry& entry, const QUrl& baseUrl)
{
    QString url = baseText(baseUrl) + entry.path;
    if (!entry.query.isEmpty())
        url += QLatin1Char('?') + QString::fromUtf8(entry.query);
    QStringList args { QStringLiteral("curl") };
    const QString method = QString::fromLatin1(entry.method);
    if (method == QLatin1String("HEAD"))
        args << QStringLiteral("-I");
    else if (method != QLatin1String("GET") || !entry.requestBody.isEmpty())
        args << QStringLiteral("-X %1").arg(method);
    args << shellQuote(url);
    for (const auto& h : entry.requestHeaders) {
        // curl computes these itself; copying them would break the replay.
        const QByteArray name = h.first.toLower();
        if (name == "host" || name == "content-length" || name == "connection" || name == "accept-encoding")
            continue;
        args << QStringLiteral("-H %1").arg(
            shellQuote(QString::fromLatin1(h.first) + QStringLiteral(": ") + QString::fromUtf8(h.second)));
    }
    if (!entry.requestBody.isEmpty())
        args << QStringLiteral("--data-binary %1").arg(shellQuote(QString::fromUtf8(entry.requestBody)));
    return args.join(QLatin1Char(' '));
}

} // namespace CurlCommand
