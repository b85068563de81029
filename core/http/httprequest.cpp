// SPDX-License-Identifier: MIT
#include "core/http/httprequest.h"

#include <QUrl>

QByteArray HttpRequest::header(const QByteArray& name) const
{
    QByteArray out;
    bool found = false;
    for (const auto& h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            if (found)
                out += ", ";
            out += h.second;
            found = true;
        }
    }
    return found ? (out.isNull() ? QByteArray("") : out) : QByteArray();
}

bool HttpRequest::hasHeader(const QByteArray& name) const
{
    for (const auto& h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
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
