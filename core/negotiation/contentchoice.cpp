// SPDX-License-Identifier: MIT
#include "core/negotiation/contentchoice.h"

#include "core/http/httpresponse.h"
#include "core/negotiation/mediatypenegotiator.h"
#include "core/negotiation/responseselector.h"

ContentChoice ContentChoice::choose(
    const Response& response, int status, const QString& accept, const QString& forcedExample)
{
    ContentChoice choice;
    choice.accept = accept;
    if (response.content.isEmpty() || !HttpResponse::statusAllowsBody(status)) {
        choice.trace = QStringLiteral("Response %1 has no content: no body.").arg(response.code);
        return choice;
    }
    for (const MediaType& media : response.content)
        choice.available.append(media.name);
    MediaTypeChoice chosen = MediaTypeNegotiator::choose(accept, choice.available);
    if (!chosen.acceptable) {
        choice.outcome = Outcome::NotAcceptable;
        return choice;
    }
    const MediaType* media = nullptr;
    for (const MediaType& m : response.content)
        if (m.name == chosen.declared)
            media = &m;
    if (!forcedExample.isEmpty() && media && !ResponseSelector::owns(*media, forcedExample)) {
        for (const MediaType& m : response.content) {
            if (!ResponseSelector::owns(m, forcedExample))
                continue;
            const MediaTypeChoice alternative = MediaTypeNegotiator::choose(accept, { m.name });
            if (alternative.acceptable) {
                media = &m;
                chosen = alternative;
                break;
            }
        }
    }
    choice.outcome = Outcome::Chosen;
    choice.media = media;
    choice.contentType = chosen.contentType;
    choice.trace = accept.isEmpty() ? QStringLiteral("No Accept header: chose %1.").arg(chosen.contentType)
                                    : QStringLiteral("Accept: %1 chose %2.").arg(accept, chosen.contentType);
    return choice;
}
