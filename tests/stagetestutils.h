// SPDX-License-Identifier: MIT
// Builds small Operation values in code for the negotiation stage tests.
#pragma once

#include <QStringList>

#include "core/definition/definition.h"

namespace StageTestUtils {

/**
 * One response per spec, in order: "200" (no content), "404 application/json" (a media type without examples),
 * "200 application/json:small,large text/xml:doc" (media types with named examples).
 */
inline Operation operation(const QStringList& specs)
{
    Operation op;
    op.id = QStringLiteral("op");
    for (const QString& spec : specs) {
        const QStringList parts = spec.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        Response r;
        r.code = parts.value(0);
        for (const QString& mediaSpec : parts.mid(1)) {
            const qsizetype colon = mediaSpec.indexOf(QLatin1Char(':'));
            MediaType media;
            media.name = colon < 0 ? mediaSpec : mediaSpec.left(colon);
            if (colon >= 0) {
                for (const QString& name : mediaSpec.mid(colon + 1).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                    NamedExample e;
                    e.name = name;
                    e.hasValue = true;
                    e.value = name;
                    media.examples.append(e);
                }
            }
            r.content.append(media);
        }
        op.responses.append(r);
    }
    return op;
}

} // namespace StageTestUtils
