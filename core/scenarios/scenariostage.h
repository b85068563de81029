// SPDX-License-Identifier: MIT
// Pipeline stage: which scenario rule or sequence step answers a request, and its delay and fault.
#pragma once

#include <QStringList>

#include "core/definition/definition.h"
#include "core/http/httprequest.h"
#include "core/scenarios/scenariostore.h"

struct ScenarioDecision
{
    int status = 0; // 0 = not set by a scenario
    QString example;
    HeaderList headers; // added to (or replacing those of) the answer
    QString answerSource; // "rule 1 of getBook (understudy.yaml:5)", "step 2 of createOrder's sequence"
    qint64 delayMs = 0;
    FaultSpec fault; // a fault that fires for this request (None otherwise); rate is irrelevant here
    QString faultSource;
    QString rule; // short name of the rule or step that fired, for the log ("getBook#1", "createOrder seq 2")
    QStringList trace;
};

class ScenarioStage
{
public:
    using PathParameters = QList<QPair<QString, QString>>;

    // Reads x-understudy-delay and x-understudy-fault (they win over the file), then the operation's rules (first
    // match wins), "*" rules, the operation's sequence, delays and faults, and the global network profile.
    static ScenarioDecision decide(const ScenarioStore& store, const Operation& operation, const HttpRequest& request,
        const PathParameters& pathParameters);

    // True when every condition holds for the request.
    static bool matches(const Rule& rule, const HttpRequest& request, const PathParameters& pathParameters);
};
