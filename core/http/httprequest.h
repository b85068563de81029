// SPDX-License-Identifier: MIT
// A plain value for one HTTP request, independent of the HTTP server that received it.
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

struct HttpRequest
{
    QByteArray method; // upper case as sent: "GET"
    QString path; // raw path as sent (still percent-encoded), no query: "/users/a%20b"
    QByteArray query; // raw query string without '?': "a=1&b=2"
    HeaderList headers; // order, duplicates and case as sent
    QByteArray body;
    QString remoteAddress;
    QByteArray httpVersion = "1.1";

    // Case-insensitive; duplicates joined with ", ". Null when absent.
    QByteArray header(const QByteArray& name) const;
    bool hasHeader(const QByteArray& name) const;
    // Decoded query items, in order ("+" is kept literally, as QtHttpServer does).
    QList<QPair<QString, QString>> queryItems() const;
};
