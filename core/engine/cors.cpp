// SPDX-License-Identifier: MIT
#include "core/engine/cors.h"

namespace Cors {

void decorate(const HttpRequest& request, HttpResponse* response)
{
    const QByteArray origin = request.header(QByteArrayLiteral("Origin"));
    QByteArrayList exposed;
    for (const auto& h : std::as_const(response->headers))
        if (!h.first.startsWith("Access-Control-") && !exposed.contains(h.first))
            exposed.append(h.first);
    if (origin.isEmpty()) {
        response->setHeader(QByteArrayLiteral("Access-Control-Allow-Origin"), QByteArrayLiteral("*"));
    } else {
        // Echoing the origin (instead of *) lets credentialed browser requests through.
        response->setHeader(QByteArrayLiteral("Access-Control-Allow-Origin"), origin);
        response->setHeader(QByteArrayLiteral("Access-Control-Allow-Credentials"), QByteArrayLiteral("true"));
        response->setHeader(QByteArrayLiteral("Vary"), QByteArrayLiteral("Origin"));
    }
    QByteArray allowHeaders("*");
    const QByteArray requested = request.header(QByteArrayLiteral("Access-Control-Request-Headers"));
    if (!requested.isEmpty())
        allowHeaders += ", " + requested;
    response->setHeader(QByteArrayLiteral("Access-Control-Allow-Headers"), allowHeaders);
    response->setHeader(QByteArrayLiteral("Access-Control-Allow-Methods"),
        QByteArrayLiteral("GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS"));
    if (!exposed.isEmpty())
        response->setHeader(QByteArrayLiteral("Access-Control-Expose-Headers"), exposed.join(", "));
}

bool isPreflight(const HttpRequest& request)
{
    return request.method == "OPTIONS";
}

bool isPreflightRequest(const HttpRequest& request)
{
    return request.method == "OPTIONS" && request.hasHeader("Origin")
        && request.hasHeader("Access-Control-Request-Method");
}

HttpResponse preflight(const HttpRequest& request, const QStringList& allowedMethods)
{
    HttpResponse response;
    response.status = 204;
    decorate(request, &response);
    if (!allowedMethods.isEmpty())
        response.setHeader(
            QByteArrayLiteral("Access-Control-Allow-Methods"), allowedMethods.join(QStringLiteral(", ")).toLatin1());
    const QByteArray requested = request.header(QByteArrayLiteral("Access-Control-Request-Headers"));
    if (!requested.isEmpty())
        response.setHeader(QByteArrayLiteral("Access-Control-Allow-Headers"), requested);
    response.setHeader(QByteArrayLiteral("Access-Control-Max-Age"), QByteArrayLiteral("86400"));
    return response;
}

} // namespace Cors
