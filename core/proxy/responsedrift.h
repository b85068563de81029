// SPDX-License-Identifier: MIT
// Checks a real server's answer against the definition: where it drifts from what the operation promises.
#pragma once

#include <QList>
#include <QStringList>

#include "core/definition/definition.h"
#include "core/http/httprequest.h"
#include "core/http/problem.h"

struct UpstreamAnswer
{
    int status = 0;
    HeaderList headers;
    QByteArray body;
    bool headRequest = false; // a HEAD answer has no body to check
};

struct DriftResult
{
    QList<ProblemError> errors; // every drift found: location ("status", "header/X-Rate", "body/name"), code, message
    QStringList trace; // one sentence per check that found something, or one saying the answer fits
    bool ok() const
    {
        return errors.isEmpty();
    }
};

class ResponseDrift
{
public:
    // `operation` null: the request matched no operation ("not-in-definition"). Checks the status (defined for the
    // operation, exactly, by range or by `default`), the declared headers (required ones present, values against
    // their schema), the media type (declared for that response) and a JSON body against its schema with the
    // response-side rules (writeOnly properties must be absent, readOnly ones are normal).
    static DriftResult check(const Definition& definition, const Operation* operation, const UpstreamAnswer& answer);

    // The response of `operation` that covers `status`: exact code, then a range ("4XX"), then `default`.
    static const Response* responseFor(const Operation& operation, int status);
    // The media type of `response` that an answer's Content-Type names: an exact one before a wildcard; null if none.
    static const MediaType* mediaFor(const Response& response, const QString& contentType);
};
