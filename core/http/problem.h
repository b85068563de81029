// SPDX-License-Identifier: MIT
// RFC 7807 problem details: the catalogue of errors the mock answers with, as values.
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include "core/http/httpresponse.h"

struct ProblemError
{
    QString location; // "body/name", "query/limit", "header/X-Id"
    QString code; // the failing keyword: "required", "type", ...
    QString message;
};

struct Problem
{
    int status = 500;
    QString type; // "https://understudy.dev/problems/no-path-matched"
    QString title;
    QString detail;
    QList<ProblemError> errors;
    HeaderList headers; // extra headers, e.g. Allow, WWW-Authenticate
    QJsonObject extra; // extra members, e.g. "available": [...]
    // A generated 401's challenges, repeated in the body as Prism does: {"headers": {"WWW-Authenticate": ...}}.
    // A field of its own rather than an `extra` member: 401s are a hot path, and `extra` costs a QJsonObject.
    QByteArray wwwAuthenticate;

    QJsonObject toJson() const;
    QByteArray body() const; // toJson() as compact JSON, written directly (the same bytes, a fraction of the time)
    HttpResponse toResponse() const; // application/problem+json

    static Problem make(int status, const QString& slug, const QString& title, const QString& detail);
    static Problem noPathMatched(const QString& path); // 404
    static Problem methodNotAllowed(const QString& method, const QString& path, const QStringList& allowed); // 405
    static Problem notAcceptable(const QString& accept, const QStringList& available); // 406
    static Problem unsupportedMediaType(const QString& contentType, const QStringList& supported); // 415
    static Problem invalidRequest(const QList<ProblemError>& errors); // 422
    static Problem unauthorized(const QString& detail, const QList<QByteArray>& wwwAuthenticate); // 401
    static Problem noResponseDefined(const QString& operationId); // 500
    static Problem exampleNotFound(const QString& name, const QStringList& available); // 500
    static Problem generationFailed(const QString& detail); // 500: a response body could not be generated
    static Problem mockOff(const QString& reason); // 503
};
