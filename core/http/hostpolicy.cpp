// SPDX-License-Identifier: MIT
#include "core/http/hostpolicy.h"

HostPolicy::HostPolicy(const QHostAddress& bound, const QStringList& allowed, const QList<QHostAddress>& localAddresses)
    : m_bound(bound)
    , m_local(localAddresses)
{
    for (const QString& name : allowed) {
        const QString n = name.trimmed().toLower();
        if (n == QLatin1String("*"))
            m_any = true;
        else if (!n.isEmpty())
            m_allowed.append(n.endsWith(QLatin1Char('.')) ? n.chopped(1) : n);
    }
}

QString HostPolicy::hostName(QByteArrayView host, bool* valid)
{
    if (valid)
        *valid = false;
    QByteArrayView h = host.trimmed();
    QByteArrayView port;
    if (h.startsWith('[')) {
        const qsizetype close = h.indexOf(']');
        if (close < 0)
            return {};
        port = h.sliced(close + 1);
        h = h.sliced(1, close - 1);
        if (!port.isEmpty() && !port.startsWith(':'))
            return {};
    } else {
        const qsizetype colon = h.lastIndexOf(':');
        if (colon >= 0) {
            if (h.first(colon).contains(':'))
                return {}; // an IPv6 address must be in brackets
            port = h.sliced(colon);
            h = h.first(colon);
        }
    }
    if (!port.isEmpty()) {
        port = port.sliced(1);
        if (port.size() > 5)
            return {};
        for (char c : port)
            if (c < '0' || c > '9')
                return {};
    }
    if (h.isEmpty())
        return {};
    for (char c : h)
        if (uchar(c) <= 0x20 || c == '/' || c == '@' || c == '\\' || uchar(c) >= 0x7f)
            return {};
    QString name = QString::fromLatin1(h).toLower();
    if (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    if (valid)
        *valid = !name.isEmpty();
    return name;
}

bool HostPolicy::allows(QByteArrayView host) const
{
    if (host.trimmed().isEmpty())
        return true;
    if (m_any)
        return true;
    bool valid = false;
    const QString name = hostName(host, &valid);
    if (!valid)
        return false;
    if (name == QLatin1String("localhost") || name.endsWith(QLatin1String(".localhost")))
        return true;
    if (m_allowed.contains(name))
        return true;
    QHostAddress address;
    if (!address.setAddress(name))
        return false; // a DNS name nobody allowed: what a rebinding attack sends
    if (address.isLoopback())
        return true;
    if (address.isEqual(m_bound, QHostAddress::TolerantConversion))
        return true;
    const bool boundToAny = m_bound == QHostAddress(QHostAddress::Any) || m_bound == QHostAddress(QHostAddress::AnyIPv4)
        || m_bound == QHostAddress(QHostAddress::AnyIPv6);
    if (boundToAny)
        for (const QHostAddress& local : m_local)
            if (address.isEqual(local, QHostAddress::TolerantConversion))
                return true;
    return false;
}
