// SPDX-License-Identifier: MIT
// Permissive CORS for every mock response, and the preflight answer.
#pragma once

#include "core/http/httpresponse.h"

namespace Cors {

// Adds allow-origin (the request's Origin, or *), allow-credentials, allow-headers, allow-methods and
// expose-headers (the response's own header names) to `response`.
void decorate(const HttpRequest& request, HttpResponse* response);

// True for a preflight: OPTIONS (with or without Access-Control-Request-Method).
bool isPreflight(const HttpRequest& request);

// 204 with the CORS headers and a max-age.
HttpResponse preflight(const HttpRequest& request);

} // namespace Cors
