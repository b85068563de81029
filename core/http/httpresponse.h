// SPDX-License-Identifier: MIT
// A plain value for one HTTP response, written back to the socket by MockServer.
#pragma once

#include <QByteArrayList>
#include <QDateTime>

#include "core/http/httprequest.h"

struct HttpResponse
{
    int status = 200;
    HeaderList headers; // Content-Length is added by the server, never stored here
    QByteArray body;
    // A streamed body (text/event-stream, JSON Lines): sent chunk by chunk, `chunkIntervalMs` apart, with chunked
    // transfer coding; `body` holds the same bytes joined (sent at once for HEAD and HTTP/1.0, and logged).
    QByteArrayList chunks;
    int chunkIntervalMs = 0;
    // For a HEAD request: the Content-Length a GET would get, when the body is not at hand (a proxied HEAD keeps the
    // upstream's); -1: the body's size.
    qint64 headContentLength = -1;
    // The Content-Length to send: the body's size, or headContentLength for a HEAD request when it is known.
    QByteArray contentLength(bool headRequest) const;

    QByteArray header(const QByteArray& name) const;
    // Replaces every header of that name (case-insensitive).
    void setHeader(const QByteArray& name, const QByteArray& value);
    void addHeader(const QByteArray& name, const QByteArray& value);
    void removeHeader(const QByteArray& name);

    // 1xx, 204 and 304 never carry a body.
    static bool statusAllowsBody(int status);
    static QByteArray reasonPhrase(int status);
    // RFC 9110 IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT") of `utc`, and of now (formatted once a second).
    static QByteArray httpDate(const QDateTime& utc);
    static QByteArray currentHttpDate();
    // Adds `Date: <now>` unless the response already has one.
    void ensureDate();
};
