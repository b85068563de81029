// SPDX-License-Identifier: MIT
// Checks that a request carries credentials in the shape its security requirements ask for (never their values).
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include "core/definition/definition.h"
#include "core/http/problem.h"
#include "core/validation/parameterdeserializer.h"

// The outcome of checking an operation's security requirements against one request.
struct SecurityOutcome
{
    bool ok = true;
    QList<QByteArray> challenges; // one WWW-Authenticate value per failed http-like scheme, no duplicates
    QList<ProblemError> errors; // one per failed scheme: where the credential was expected and why it failed
    QString trace; // one sentence: which schemes were tried and why they failed
};

class SecurityChecker
{
public:
    /**
     * OR across `requirements`, AND inside each. An empty list needs nothing; an empty requirement ({}) allows
     * anonymous access. apiKey: present in its header, query item or cookie. http basic: "Basic <base64 of
     * user:pass>" (the decoded text must contain ':'); bearer, oauth2, openIdConnect: "Bearer <token>"; digest:
     * "Digest" with username, realm, nonce, uri and response. Schemes missing from `schemes` and mutualTLS cannot
     * be checked and pass.
     */
    static SecurityOutcome check(const QList<SecurityRequirement>& requirements, const QJsonObject& schemes,
        const HttpRequest& request, const NameValueList& cookies, const NameValueList& queryItems);

    // Why `scheme` is not satisfied by the request, or an empty string when it is.
    static QString failure(const QJsonObject& scheme, const HttpRequest& request, const NameValueList& cookies,
        const NameValueList& queryItems, QString* location);
    // The WWW-Authenticate challenge for a failed scheme; empty for apiKey.
    static QByteArray challenge(const QJsonObject& scheme);
};
