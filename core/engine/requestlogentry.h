// SPDX-License-Identifier: MIT
// One handled request as a plain value: what came in, what went out, and why.
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include "core/http/httprequest.h"
#include "core/http/problem.h"

struct RequestLogEntry
{
    // Request: one the mock answered. Callback: a call the mock made itself (then `method`, `path`, `query`, the
    // request headers and body are what it sent, the response fields what came back; status 0 when nothing did).
    enum class Kind
    {
        Request,
        Callback,
    };
    Kind kind = Kind::Request;
    quint64 id = 0; // increasing per MockService
    QDateTime time; // when the request arrived (local time)
    QByteArray method;
    QString path; // raw path as sent
    QByteArray query; // raw query, no '?'
    QByteArray httpVersion;
    HeaderList requestHeaders;
    QByteArray requestBody;
    QString remoteAddress;

    QString operationId; // empty when no operation matched (404/405)
    QString operationPath; // the matched path template
    int status = 0;
    HeaderList responseHeaders; // as sent, Content-Length included
    QByteArray responseBody; // empty for HEAD
    qint64 durationUs = 0; // time spent in the pipeline

    QStringList trace; // the decision trace, one sentence per step
    QList<ProblemError> validationErrors; // every violation found in the request
    bool forced = false; // status or example forced by header or by the forcing panel
    bool invalid = false; // the request violated the definition
    QString exampleName; // the named example served, if any
    qint64 delayMs = 0; // scenario latency added before the answer was sent
    QString fault; // the scenario fault acted out ("reset", "close", "empty", "garbage", "timeout", "status 503")
    QString scenarioRule; // the scenario rule or sequence step that fired ("getBook#1"), if any
    QList<ProblemError> drift; // proxy mode: where the upstream's answer breaks the definition
    QString answeredBy; // proxy mode: "upstream", "mock" or "proxy" (the upstream failed: 502/504); else empty
    QString callbackName; // Callback: the callback's name ("onEvent"); operationId names the operation that fired it
    QString target; // Callback: the URL called
    QString callbackError; // Callback: why there is no answer (refused, timed out, connection refused, ...)
    bool callbackRefused = false; // Callback: the allow list forbade the host, so nothing was sent

    bool isCallback() const
    {
        return kind == Kind::Callback;
    }

    QByteArray requestHeader(const QByteArray& name) const;
    QByteArray responseHeader(const QByteArray& name) const;
};

Q_DECLARE_METATYPE(RequestLogEntry)
