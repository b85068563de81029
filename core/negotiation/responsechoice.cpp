// SPDX-License-Identifier: MIT
#include "core/negotiation/responsechoice.h"

#include "core/negotiation/responseselector.h"

namespace {

// The forced example's part of the choice, once `choice.response` is known.
void applyForcedExample(const ResponseChoiceInput& input, ResponseChoice* choice)
{
    const ForcedRequest& forced = input.forced.request;
    if (forced.example.isEmpty())
        return;
    if (!ResponseSelector::ownerOfExample(input.operation, forced.example, nullptr)) {
        if (input.errorIfForcedExampleNotFound) {
            choice->forced = true;
            choice->outcome = ResponseChoice::Outcome::Problem;
            choice->response = nullptr;
            choice->problem = Problem::exampleNotFound(forced.example, ResponseSelector::exampleNames(input.operation));
            return;
        }
        choice->trace.append(QStringLiteral("%1 asked for example '%2', which %3 does not have; serving the normal "
                                            "example (errorIfForcedExampleNotFound: false).")
                                 .arg(forced.exampleSource, forced.example, input.operation.id));
    } else if (!ResponseSelector::owns(*choice->response, forced.example)) {
        choice->trace.append(
            QStringLiteral("Response %1 has no example '%2' (another response does); serving its normal example.")
                .arg(choice->response->code, forced.example));
    } else {
        choice->example = forced.example;
        choice->forced = true;
        choice->trace.append(QStringLiteral("%1 forced the example '%2'.").arg(forced.exampleSource, forced.example));
    }
}

} // namespace

ResponseChoice ResponseChoice::choose(const ResponseChoiceInput& input)
{
    ResponseChoice choice;
    const Operation& op = input.operation;
    if (input.forced.response) {
        choice.response = input.forced.response;
        choice.status = input.forced.request.status;
        choice.forced = true;
    } else if (input.rejectedStatus != 0) {
        const StatusChoice rejection = ResponseSelector::forRejection(op, input.rejectedStatus);
        choice.rejected = true;
        choice.response = rejection.response;
        choice.status = rejection.status;
        choice.trace.append(rejection.reason);
        if (!choice.response)
            choice.outcome = Outcome::GeneratedRejection;
        return choice;
    } else {
        StatusChoice normal = ResponseSelector::normal(op);
        const QString& example = input.forced.request.example;
        if (!example.isEmpty() && normal.response && !ResponseSelector::owns(*normal.response, example)) {
            if (const Response* owner = ResponseSelector::ownerOfExample(op, example, nullptr)) {
                normal.response = owner;
                normal.status = owner->isDefault() ? 200 : owner->status();
                normal.reason = QStringLiteral("Chose %1 because it owns the example '%2'.").arg(owner->code, example);
            }
        }
        if (!normal.reason.isEmpty())
            choice.trace.append(normal.reason);
        if (!normal.response) {
            choice.outcome = Outcome::Problem;
            choice.problem = Problem::noResponseDefined(op.id);
            return choice;
        }
        choice.response = normal.response;
        choice.status = normal.status;
    }
    applyForcedExample(input, &choice);
    return choice;
}
