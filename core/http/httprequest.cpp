// SPDX-License-Identifier: MIT
#include "core/http/httprequest.h"

#include <QUrl>

QByteArray HttpRequest::header(const QByteArray& name) const
{
    QByteArray out;
    bool found = false;
    for (const auto& h : headers) {
        if (sameHeaderName(h.first, name)) {
            if (found) {
                out += ", ";
                out += h.second;
            } else {
                out = h.second; // shared, not copied: most headers come once
            }
            found = true;
        }
    }
    return found ? (out.isNull() ? QByteArray("") : out) : QByteArray();
}

bool HttpRequest::hasHeader(const QByteArray& name) const
{
    for (const auto& h : headers)
        if (sameHeaderName(h.first, name))
            return true;
    return false;
}

QList<QPair<QString, QString>> HttpRequest::queryItems() const
{
    QList<QPair<QString, QString>> items;
    if (query.isEmpty())
        return items;
    const QList<QByteArray> parts = query.split('&');
    for (const QByteArray& part : parts) {
        if (part.isEmpty())
            continue;
        const int eq = part.indexOf('=');
        const QByteArray key = eq < 0 ? part : part.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : part.mid(eq + 1);
        items.append({ QUrl::fromPercentEncoding(key), QUrl::fromPercentEncoding(value) });
    }
    return items;
}

namespace {

// Characters QUrl leaves as they are in a fully encoded path (unreserved, sub-delims, ":", "@", "/"), and in a query
// (the same and "?"). "%" is not among them: QUrl may rewrite an escape, so a target with one takes QUrl's way.
bool plainUrlChar(char c, bool inQuery)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '-':
    case '.':
    case '_':
    case '~':
    case '!':
    case '$':
    case '&':
    case '\'':
    case '(':
    case ')':
    case '*':
    case '+':
    case ',':
    case ';':
    case '=':
    case ':':
    case '@':
    case '/':
        return true;
    case '?':
        return inQuery;
    default:
        return false;
    }
}

bool plainUrlPart(QByteArrayView part, bool inQuery)
{
    for (char c : part)
        if (!plainUrlChar(c, inQuery))
            return false;
    return true;
}

} // namespace

void HttpRequest::setTarget(QByteArrayView target)
{
    // A fragment is never sent by a client that follows the rules; Qt's parser drops it, and so does this.
    const qsizetype hash = target.indexOf('#');
    if (hash >= 0)
        target = target.first(hash);
    const qsizetype mark = target.indexOf('?');
    const QByteArrayView rawPath = mark < 0 ? target : target.first(mark);
    const QByteArrayView rawQuery = mark < 0 ? QByteArrayView() : target.sliced(mark + 1);
    if (plainUrlPart(rawPath, false)) {
        path = QString::fromLatin1(rawPath);
    } else {
        QUrl url;
        url.setPath(QString::fromUtf8(rawPath), QUrl::TolerantMode);
        path = url.path(QUrl::FullyEncoded);
    }
    if (path.isEmpty())
        path = QStringLiteral("/");
    if (mark < 0) {
        query.clear();
    } else if (plainUrlPart(rawQuery, true)) {
        query = rawQuery.toByteArray();
    } else {
        QUrl url;
        url.setQuery(QString::fromUtf8(rawQuery));
        query = url.query(QUrl::FullyEncoded).toUtf8();
    }
}
