// SPDX-License-Identifier: MIT
#include "ui/models/curlcommand.h"

#include <QStringList>

#include "ui/models/requestdraft.h"

namespace CurlCommand {

namespace {

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
    // Try-it's prefilled draft is the one request built for an operation, so both show the same command.
    return RequestDraft::fromOperation(definition, operation).curlCommand(baseUrl);
}

QString forLogEntry(const RequestLogEntry& entry, const QUrl& baseUrl)
{
    // An outgoing callback is replayed to its own target.
    QString url = entry.isCallback() ? entry.target : baseText(baseUrl) + entry.path;
    if (!entry.isCallback() && !entry.query.isEmpty())
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
