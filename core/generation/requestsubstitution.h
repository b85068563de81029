// SPDX-License-Identifier: MIT
// Puts request values into a generated response, as Redocly does with `strictExamples: false`.
#pragma once

#include <QHash>
#include <QJsonValue>
#include <QString>
#include <QStringList>

// The parts of a request whose values may flow into the response.
struct RequestValues
{
    QJsonValue body; // the parsed JSON body; Undefined when absent or not JSON
    QHash<QString, QStringList> pathParameters; // name -> decoded value(s)
    QHash<QString, QStringList> queryParameters; // name -> decoded value(s), in request order
};

// The response after substitution and one readable sentence per value that was put in.
struct SubstitutionResult
{
    QJsonValue response;
    QStringList trace; // "body/address/city -> response /address/city", "path parameter id -> /id"
};

class RequestSubstitution
{
public:
    /**
     * Only existing properties change; nothing is ever added, and a response that is not an object
     * (an array, a scalar) is returned untouched.
     * - Body: each property of an object body replaces the response property of the same name at the same
     *   path when the types agree: string, boolean, number (an integral response value only takes an
     *   integral one), array for array (replaced whole), object into object (recursively). A null response
     *   value takes any request value; a request null never replaces a non-null value.
     * - Parameters: each path and query parameter replaces the top-level response property of the same name,
     *   coerced to that property's type ("42" -> 42, "true" -> true; skipped when it does not coerce). Several
     *   values fill an array property when all of them coerce to the type of its first element.
     * - Precedence on the same top-level name: path parameter, then query parameter, then body.
     * Values equal to the response value are left alone and not traced.
     */
    static SubstitutionResult apply(const QJsonValue& response, const RequestValues& request);
};
