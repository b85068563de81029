// SPDX-License-Identifier: MIT
#include "core/negotiation/forcedchoice.h"

#include "core/negotiation/responseselector.h"

ForcedChoice ForcedChoice::resolve(const Operation& operation, ForcedRequest forced)
{
    ForcedChoice choice;
    choice.request = std::move(forced);
    choice.trace = choice.request.trace;
    const ForcedRequest& request = choice.request;
    if (request.error || request.status == 0)
        return choice;
    choice.response = ResponseSelector::defined(operation, request.status);
    if (choice.response)
        choice.trace.append(
            QStringLiteral("%1 forced status %2 (response %3); request validation and authentication skipped.")
                .arg(request.statusSource)
                .arg(request.status)
                .arg(choice.response->code));
    else
        choice.trace.append(QStringLiteral(
            "%1 asked for status %2, which %3 does not define (defined: %4); answering as if it had not.")
                                .arg(request.statusSource)
                                .arg(request.status)
                                .arg(operation.id, operation.responseCodes().join(QStringLiteral(", "))));
    return choice;
}
