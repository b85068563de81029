// SPDX-License-Identifier: MIT
// Turns an answered request's callbacks into the outgoing calls to make: URL, method, headers and body of each.
#pragma once

#include <QList>
#include <QStringList>
#include <QUrl>

#include "core/callbacks/callbackallowlist.h"
#include "core/definition/definition.h"
#include "core/http/httprequest.h"
#include "core/http/runtimeexpression.h"

// One outgoing call; `refusal` set: the allow list forbids it, so it is logged and never sent.
struct CallbackCall
{
    QString name; // the callback's name ("onEvent")
    QString expression; // its URL template
    QString operationId; // the operation whose answer triggered it
    QByteArray method;
    QUrl url;
    HeaderList headers;
    QByteArray body;
    QString refusal;
    QStringList trace; // how the call was built
};

struct CallbackPlan
{
    QList<CallbackCall> calls;
    QStringList trace; // for the trigger's decision trace: what was scheduled, refused or skipped, and why
};

// Pure and thread-safe. Callbacks fire only after a 2xx answer. A URL expression that does not resolve skips that
// callback (the trace says why). The body is the callback operation's request example (its named examples first,
// then `example`), else generated from its schema with the sampler (`seed`, request direction); header parameters
// take their example, else a generated value.
class CallbackPlanner
{
public:
    static CallbackPlan plan(const Definition& definition, const Operation& operation, const RuntimeContext& context,
        const CallbackAllowList& allowed, quint64 seed);
};
