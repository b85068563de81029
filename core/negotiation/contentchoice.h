// SPDX-License-Identifier: MIT
// Pipeline stage: which media type of the chosen response answers the request's Accept header.
#pragma once

#include "core/definition/definition.h"

struct ContentChoice
{
    enum class Outcome
    {
        NoContent, // the response declares no content, or its status allows no body
        NotAcceptable, // Accept matches none of `available`: the pipeline answers 406
        Chosen, // `media` answers, sent as `contentType`
    };

    Outcome outcome = Outcome::NoContent;
    const MediaType* media = nullptr; // set when Chosen
    QString contentType; // the Content-Type to send (a wildcard declaration made concrete)
    QString accept; // the request's Accept header as sent
    QStringList available; // the declared media types, in order
    QString trace; // one sentence; empty when NotAcceptable (the 406 problem says why)

    /**
     * `forcedExample` (owned by `response`, or empty) moves the choice to another acceptable media type of the
     * response when the negotiated one lacks that example.
     */
    static ContentChoice choose(
        const Response& response, int status, const QString& accept, const QString& forcedExample);
};
