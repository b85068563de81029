// SPDX-License-Identifier: MIT
// Permissive CORS for every mock response, and the preflight answer.
#pragma once

#include "core/http/httpresponse.h"

namespace Cors {

// Adds allow-origin (the request's Origin, or *), allow-credentials, allow-headers, allow-methods and
// expose-headers (the response's own header names) to `response`.
void decorate(const HttpRequest& request, HttpResponse* response);

// True for OPTIONS (with or without Access-Control-Request-Method): answered as a preflight when the definition has
// no OPTIONS operation for the path.
bool isPreflight(const HttpRequest& request);

// True for a real preflight (OPTIONS with Origin and Access-Control-Request-Method): answered before routing, even
// where the definition defines OPTIONS.
bool isPreflightRequest(const HttpRequest& request);

// 204 with the CORS headers and a max-age. `allowedMethods` (the path's methods) replaces the generic list; the
// requested headers are echoed.
HttpResponse preflight(const HttpRequest& request, const QStringList& allowedMethods = {});

} // namespace Cors
