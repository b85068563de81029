// SPDX-License-Identifier: MIT
// Pipeline stage: which response answers (forced, rejection or normal), and whether it serves a forced example.
#pragma once

#include "core/definition/definition.h"
#include "core/http/problem.h"
#include "core/negotiation/forcedchoice.h"

// Everything the response choice depends on. `rejectedStatus` is the verdict's 401/415/400/422, 0 when accepted.
struct ResponseChoiceInput
{
    const Operation& operation;
    const ForcedChoice& forced;
    int rejectedStatus = 0;
    bool errorIfForcedExampleNotFound = false; // Redocly's option: an unknown forced example is a 500
};

struct ResponseChoice
{
    enum class Outcome
    {
        Respond, // answer with `response` and `status`
        GeneratedRejection, // refused, and the operation has no fitting response: generate the verdict's problem
        Problem, // answer with `problem` (no response defined, forced example not found)
    };

    Outcome outcome = Outcome::Respond;
    const Response* response = nullptr; // set when outcome is Respond
    int status = 0; // the status line to send
    QString example; // the forced example `response` owns; empty: its normal body source
    bool forced = false; // a forced status or example decided the answer
    bool rejected = false; // the request was refused by validation
    QStringList trace;
    ::Problem problem; // set when outcome is Problem

    /**
     * A defined forced status wins; else a refused request gets the definition's error response (forced examples
     * are ignored); else the normal response, or the response that owns a forced example. This is the one place
     * that decides which response owns a forced example: an example no response has is a 500 or is traced and
     * ignored, and a forced status whose response lacks it serves that response's normal body.
     */
    static ResponseChoice choose(const ResponseChoiceInput& input);
};
