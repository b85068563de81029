// SPDX-License-Identifier: MIT
#include "core/proxy/upstreammapping.h"

#include <QSet>

namespace {

// Names listed in Connection headers ("Connection: close, X-Trace") are hop-by-hop for this message too.
QSet<QByteArray> connectionOptions(const HeaderList& headers)
{
    QSet<QByteArray> names;
    for (const auto& h : headers) {
        if (h.first.compare("Connection", Qt::CaseInsensitive) != 0)
            continue;
        for (const QByteArray& token : h.second.split(','))
            if (const QByteArray name = token.trimmed().toLower(); !name.isEmpty())
                names.insert(name);
    }
    return names;
}

HeaderList without(const HeaderList& headers, std::initializer_list<const char*> alsoDropped)
{
    const QSet<QByteArray> listed = connectionOptions(headers);
    HeaderList kept;
    kept.reserve(headers.size());
    for (const auto& h : headers) {
        const QByteArray name = h.first.toLower();
        bool drop = UpstreamMapping::isHopByHop(name) || listed.contains(name);
        for (const char* other : alsoDropped)
            drop = drop || name == other;
        if (!drop)
            kept.append(h);
    }
    return kept;
}

} // namespace

bool UpstreamMapping::isHopByHop(const QByteArray& name)
{
    static const QSet<QByteArray> names { "connection", "keep-alive", "proxy-authenticate", "proxy-authorization",
        "proxy-connection", "te", "trailer", "trailers", "transfer-encoding", "upgrade" };
    return names.contains(name.toLower());
}

QUrl UpstreamMapping::target(
    const QUrl& upstream, const QString& basePath, const QString& rawPath, const QByteArray& rawQuery)
{
    QString rest = rawPath.isEmpty() ? QStringLiteral("/") : rawPath;
    if (!basePath.isEmpty() && basePath != QLatin1String("/")) {
        const QString base = basePath.endsWith(QLatin1Char('/')) ? basePath.chopped(1) : basePath;
        if (rest == base)
            rest = QStringLiteral("/");
        else if (rest.startsWith(base + QLatin1Char('/')))
            rest = rest.mid(base.size());
    }
    QString prefix = upstream.path(QUrl::FullyEncoded);
    while (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    QUrl url = upstream;
    // The path is already percent-encoded as the client sent it: keep its bytes (an encoded slash stays encoded).
    url.setPath(prefix + rest, QUrl::TolerantMode);
    if (rawQuery.isEmpty())
        url.setQuery(QString());
    else
        url.setQuery(QString::fromUtf8(rawQuery), QUrl::TolerantMode);
    url.setFragment(QString());
    return url;
}

HeaderList UpstreamMapping::forwardedRequestHeaders(const HeaderList& headers)
{
    return without(headers, { "host", "content-length", "expect" });
}

HeaderList UpstreamMapping::returnedResponseHeaders(const HeaderList& headers)
{
    return without(headers, { "content-length" });
}
