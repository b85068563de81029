// SPDX-License-Identifier: MIT
// Pure rules of forwarding: where a request goes upstream, and which headers cross the proxy either way.
#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

#include "core/http/httprequest.h"

class UpstreamMapping
{
public:
    // The upstream URL of a request: the definition's base path ("/v1", may be empty) is cut off the raw path
    // (when the path starts with it) and the upstream URL's path put in its place; the raw query is kept as sent.
    // "http://up:8080/api" + "/v1" + "/v1/books/1" + "a=1" -> "http://up:8080/api/books/1?a=1".
    static QUrl target(
        const QUrl& upstream, const QString& basePath, const QString& rawPath, const QByteArray& rawQuery);

    // RFC 9110 7.6.1: hop-by-hop headers (Connection and the names it lists, Keep-Alive, Proxy-*, TE, Trailer,
    // Transfer-Encoding, Upgrade) never cross a proxy. Host names the mock and Content-Length is recomputed, so
    // they go as well on the way up; Expect is answered by neither side.
    static HeaderList forwardedRequestHeaders(const HeaderList& headers);
    // The upstream's answer as it goes back: the same minus hop-by-hop headers (the body is sent whole, with a
    // fresh Content-Length).
    static HeaderList returnedResponseHeaders(const HeaderList& headers);

    static bool isHopByHop(const QByteArray& name);
};
