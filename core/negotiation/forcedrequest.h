// SPDX-License-Identifier: MIT
// What the tester forces for one request: control headers (Redocly's, Prism's Prefer) over the forcing panel.
#pragma once

#include <optional>

#include <QStringList>

#include "core/http/httprequest.h"
#include "core/http/problem.h"
#include "core/negotiation/forcedresponsestore.h"

struct ForcedRequest
{
    int status = 0; // 0 = not forced
    QString statusSource; // "x-redocly-response-status", "Prefer", "the forcing panel"
    QString example; // empty = not forced
    QString exampleSource;
    std::optional<bool> dynamic; // Prism's `Prefer: dynamic=true|false`: fresh generated values (or not) this time
    std::optional<Problem> error; // a malformed Prefer header (Prism answers 422)
    QStringList trace;

    bool isEmpty() const
    {
        return status == 0 && example.isEmpty();
    }

    // Headers win over the stored (panel) choice, field by field.
    static ForcedRequest read(const HttpRequest& request, const ForcedResponse& stored);
};
