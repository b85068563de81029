// SPDX-License-Identifier: MIT
// OpenAPI runtime expressions ($url, $request.body#/id, ...) and URL templates that embed them, evaluated against one
// exchange.
#pragma once

#include <QList>
#include <QPair>
#include <QString>

#include "core/http/httprequest.h"
#include "core/http/httpresponse.h"

// The exchange an expression reads. The pointers must outlive the evaluation; a null response makes every
// $response.* and $statusCode expression unresolvable.
struct RuntimeContext
{
    QString url; // the request's full URL: "http://localhost:4010/v1/subscriptions?x=1"
    const HttpRequest* request = nullptr;
    QList<QPair<QString, QString>> pathParameters; // name -> decoded value, from the route
    const HttpResponse* response = nullptr;
};

// A resolved value, or why there is none ("the request body has no /callbackUrl").
struct RuntimeValue
{
    QString value;
    QString error;
    bool ok() const
    {
        return error.isEmpty();
    }
};

namespace RuntimeExpression {

// One expression, "$request.header.X-Id" (header names case-insensitive). A body pointer's value that is a string
// comes back as is; any other JSON value as compact JSON text. `$request.body` alone is the body as sent.
RuntimeValue evaluate(const QString& expression, const RuntimeContext& context);
// Literal text with {expression} parts ("{$request.body#/url}/events?id={$request.query.id}"); a template that is
// one bare expression ("$request.query.url") works too. Fails on the first part that does not resolve.
RuntimeValue expand(const QString& text, const RuntimeContext& context);
// Syntax only: empty when `expression` (or every part of the template `text`) is well-formed, else why not.
QString check(const QString& expression);
QString checkTemplate(const QString& text);

} // namespace RuntimeExpression
