// SPDX-License-Identifier: MIT
// A plain value for one HTTP request, independent of the HTTP server that received it.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// Header names compare case-insensitively; names of different lengths (most pairs) are told apart without a loop.
inline bool sameHeaderName(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && qstrnicmp(a.data(), a.size(), b.data(), b.size()) == 0;
}

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

    // Fills `path` and `query` from an origin-form request target ("/a%20b?x=1") exactly as QtHttpServer 6.4 does
    // (QUrl in tolerant mode, read back fully encoded): characters a URL may not hold are percent-encoded, a stray
    // "%" becomes "%25". Targets of plain URL characters, nearly all of them, skip QUrl.
    void setTarget(QByteArrayView target);
};
