// SPDX-License-Identifier: MIT
#include "core/callbacks/callbackallowlist.h"

#include <QHostAddress>

namespace {

// An address in one spelling ("::1", "127.0.0.1"), a name in lower case.
QString canonicalHost(QString host)
{
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    QHostAddress address;
    if (address.setAddress(host))
        return address.toString();
    return host.toLower();
}

} // namespace

CallbackAllowList::CallbackAllowList(QStringList entries)
{
    for (const QString& text : entries) {
        if (text.trimmed() == QLatin1String("*")) {
            m_any = true;
            continue;
        }
        Entry entry;
        if (parseEntry(text.trimmed(), &entry))
            m_entries.append(entry);
    }
}

bool CallbackAllowList::parseEntry(const QString& text, Entry* entry)
{
    if (text.isEmpty())
        return false;
    QString host = text;
    QString port;
    if (text.startsWith(QLatin1Char('['))) {
        const qsizetype close = text.indexOf(QLatin1Char(']'));
        if (close < 0)
            return false;
        host = text.left(close + 1);
        if (close + 1 < text.size()) {
            if (text.at(close + 1) != QLatin1Char(':'))
                return false;
            port = text.mid(close + 2);
        }
    } else if (text.count(QLatin1Char(':')) == 1) {
        host = text.section(QLatin1Char(':'), 0, 0);
        port = text.section(QLatin1Char(':'), 1);
    }
    if (host.isEmpty())
        return false;
    entry->host = canonicalHost(host);
    // A name is letters, digits, '-', '_' and '.'; anything else must be an address.
    if (QHostAddress(entry->host).isNull())
        for (const QChar c : entry->host)
            if (!(c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_') || c == QLatin1Char('.')))
                return false;
    entry->port = -1;
    if (!port.isNull()) {
        bool ok = false;
        const uint n = port.toUInt(&ok);
        if (!ok || n == 0 || n > 65535)
            return false;
        entry->port = int(n);
    }
    return true;
}

QString CallbackAllowList::checkEntry(const QString& entry)
{
    Entry parsed;
    if (entry.trimmed() == QLatin1String("*") || parseEntry(entry.trimmed(), &parsed))
        return {};
    return QStringLiteral("'%1' is not a host, host:port or *").arg(entry);
}

QString CallbackAllowList::refusal(const QUrl& url) const
{
    if (!url.isValid() || url.host().isEmpty())
        return QStringLiteral("'%1' is not an absolute URL").arg(url.toString());
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return QStringLiteral("only http and https URLs are called, not %1").arg(url.scheme());
    const QString host = canonicalHost(url.host());
    QHostAddress address;
    if (host == QLatin1String("localhost") || (address.setAddress(host) && address.isLoopback()))
        return {};
    if (m_any)
        return {};
    const int port = url.port(scheme == QLatin1String("https") ? 443 : 80);
    for (const Entry& entry : m_entries)
        if (entry.host == host && (entry.port < 0 || entry.port == port))
            return {};
    return QStringLiteral("the host %1 is not allowed (only loopback and the hosts given with --callback-allow or "
                          "in Settings › Limits)")
        .arg(url.port() > 0 ? QStringLiteral("%1:%2").arg(url.host()).arg(url.port()) : url.host());
}
