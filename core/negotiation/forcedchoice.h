// SPDX-License-Identifier: MIT
// Pipeline stage: which defined response a forced status names, read from the request and the forcing panel.
#pragma once

#include "core/definition/definition.h"
#include "core/negotiation/forcedrequest.h"

// What the tester forced for one operation, resolved against its responses.
struct ForcedChoice
{
    ForcedRequest request; // the forced status and example as asked for, with their sources
    const Response* response = nullptr; // the defined response of a forced status; null: nothing usable forced
    QStringList trace; // the request's sentences, then one for the forced status (if any)

    // A defined status was forced: request validation and authentication are skipped.
    bool skipsValidation() const
    {
        return response != nullptr;
    }

    // A forced status the operation does not define is traced and then behaves as if nothing was forced.
    static ForcedChoice resolve(const Operation& operation, ForcedRequest request);
};
