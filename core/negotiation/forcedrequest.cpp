// SPDX-License-Identifier: MIT
#include "core/negotiation/forcedrequest.h"

#include "core/negotiation/preferheader.h"

ForcedRequest ForcedRequest::read(const HttpRequest& request, const ForcedResponse& stored)
{
    ForcedRequest forced;
    const QByteArray statusHeader = request.header("x-redocly-response-status").trimmed();
    if (!statusHeader.isNull()) {
        bool ok = false;
        const int code = statusHeader.toInt(&ok);
        if (ok && code >= 100 && code <= 599) {
            forced.status = code;
            forced.statusSource = QStringLiteral("x-redocly-response-status");
        } else {
            forced.trace.append(QStringLiteral("Ignored x-redocly-response-status: '%1' is not a status code.")
                                    .arg(QString::fromUtf8(statusHeader)));
        }
    }
    const QByteArray exampleHeader = request.header("x-redocly-response-body-example").trimmed();
    if (!exampleHeader.isEmpty()) {
        forced.example = QString::fromUtf8(exampleHeader);
        forced.exampleSource = QStringLiteral("x-redocly-response-body-example");
    }

    const QByteArray preferHeader = request.header("Prefer");
    if (!preferHeader.isNull()) {
        const PreferHeader prefer = PreferHeader::parse(QString::fromUtf8(preferHeader));
        if (!prefer.valid) {
            Problem p = Problem::make(
                422, QStringLiteral("invalid-prefer-header"), QStringLiteral("Invalid Prefer header"), prefer.error);
            forced.error = p;
            return forced;
        }
        if (prefer.code != 0 && forced.status == 0) {
            forced.status = prefer.code;
            forced.statusSource = QStringLiteral("Prefer");
        }
        if (prefer.hasDynamic)
            forced.dynamic = prefer.dynamic;
        if (!prefer.example.isEmpty() && forced.example.isEmpty()) {
            forced.example = prefer.example;
            forced.exampleSource = QStringLiteral("Prefer");
        }
    }

    if (forced.status == 0 && stored.status != 0) {
        forced.status = stored.status;
        forced.statusSource = QStringLiteral("the forcing panel");
    }
    if (forced.example.isEmpty() && !stored.example.isEmpty()) {
        forced.example = stored.example;
        forced.exampleSource = QStringLiteral("the forcing panel");
    }
    return forced;
}
