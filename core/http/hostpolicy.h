// SPDX-License-Identifier: MIT
// Which Host header values the mock answers (DNS rebinding defence): loopback, the bound address, names the user
// allowed.
#pragma once

#include <QByteArrayView>
#include <QHostAddress>
#include <QList>
#include <QStringList>

class HostPolicy
{
public:
    // `bound` is the listening address; when it is "any", `localAddresses` (this machine's interface addresses) are
    // accepted as well. `allowed` are extra names (case-insensitive); "*" allows every host.
    HostPolicy() = default;
    HostPolicy(const QHostAddress& bound, const QStringList& allowed, const QList<QHostAddress>& localAddresses = {});

    // `host` is the raw Host value ("localhost:4010", "[::1]:80", "example.test"). An empty value (HTTP/1.0
    // without Host) is allowed: browsers always send one.
    bool allows(QByteArrayView host) const;

    // The host part of a Host value without the port, lower-cased and without a trailing dot; empty when invalid.
    static QString hostName(QByteArrayView host, bool* valid = nullptr);

private:
    QHostAddress m_bound;
    QStringList m_allowed; // lower case
    QList<QHostAddress> m_local;
    bool m_any = false;
};
