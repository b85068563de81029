// SPDX-License-Identifier: MIT
// The decisions of proxy mode, as plain values: what is forwarded where, what the mock answers instead, and why.
#pragma once

#include <QStringList>
#include <QUrl>

#include "core/definition/definition.h"
#include "core/proxy/proxysettings.h"
#include "core/routing/router.h"
#include "core/validation/requestvalidator.h"

struct ProxyPlan
{
    const Operation* operation = nullptr; // null: the request matches no operation (forwarded as drift)
    QString operationKey; // "GET /books/{id}", or the method and raw path when nothing matched
    QList<ProblemError> requestErrors; // every violation of the request
    bool invalid = false;
    bool reject = false; // --proxy-reject-invalid: the mock answers with its 4xx, nothing is forwarded
    QUrl target; // where the request goes
    HeaderList headers; // the headers it goes with
    QStringList trace;
};

class ProxyStage
{
public:
    // Routes and validates `request` (the pipeline's Router and RequestValidator) and maps it to the upstream.
    static ProxyPlan plan(const Router& router, const RequestValidator& validator, const Definition& definition,
        const ProxySettings& settings, const HttpRequest& request);

    // In fallback mode, why the mock answers instead of the upstream; empty when the upstream's answer stands.
    // `status` 0 with `networkError` set: the upstream could not be reached (refused, timeout, TLS, ...).
    static QString fallbackReason(
        const ProxySettings& settings, const ProxyPlan& plan, int status, const QString& networkError);
};
