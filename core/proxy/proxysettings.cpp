// SPDX-License-Identifier: MIT
#include "core/proxy/proxysettings.h"

QString ProxySettings::checkUpstream(const QUrl& url)
{
    if (url.isEmpty())
        return QStringLiteral("no upstream URL is set");
    if (!url.isValid())
        return QStringLiteral("'%1' is not a valid URL").arg(url.toString());
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return QStringLiteral("'%1' is not an http:// or https:// URL").arg(url.toString());
    if (url.host().isEmpty())
        return QStringLiteral("'%1' names no host").arg(url.toString());
    if (url.hasQuery() || url.hasFragment())
        return QStringLiteral("'%1' has a query or fragment (only scheme, host, port and path are used)")
            .arg(url.toString());
    return {};
}

QString ProxySettings::modeName(ProxyMode mode)
{
    switch (mode) {
    case ProxyMode::Proxy:
        return QStringLiteral("proxy");
    case ProxyMode::ProxyWithFallback:
        return QStringLiteral("fallback");
    case ProxyMode::Mock:
        break;
    }
    return QStringLiteral("mock");
}

std::optional<ProxyMode> ProxySettings::parseMode(const QString& name)
{
    for (ProxyMode mode : { ProxyMode::Mock, ProxyMode::Proxy, ProxyMode::ProxyWithFallback })
        if (name.compare(modeName(mode), Qt::CaseInsensitive) == 0)
            return mode;
    return std::nullopt;
}

std::optional<int> ProxySettings::parseTimeout(const QString& text)
{
    QString t = text.trimmed().toLower();
    double factor = 1.0;
    if (t.endsWith(QLatin1String("ms"))) {
        t.chop(2);
    } else if (t.endsWith(QLatin1Char('s'))) {
        t.chop(1);
        factor = 1000.0;
    }
    bool ok = false;
    const double value = t.toDouble(&ok) * factor;
    if (!ok || !(value >= 1.0) || value > 3600.0 * 1000.0)
        return std::nullopt;
    return int(value);
}
