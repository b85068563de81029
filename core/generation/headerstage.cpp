// SPDX-License-Identifier: MIT
#include "core/generation/headerstage.h"

HeaderStage::HeaderStage(const BodyBuilder& values)
    : m_values(values)
{ }

HeaderResult HeaderStage::build(const HeaderInput& input) const
{
    HeaderResult result;
    for (const QByteArray& challenge : input.challenges)
        result.headers.append(qMakePair(QByteArray("WWW-Authenticate"), challenge));
    for (const HeaderDef& header : input.response.headers) {
        if (header.name.compare(QLatin1String("Content-Type"), Qt::CaseInsensitive) == 0)
            continue;
        result.headers.append(qMakePair(header.name.toUtf8(), BodyBuilder::headerText(m_values.headerValue(header))));
    }
    if (input.deprecated) {
        // Replaces a declared Deprecation header: the operation's flag is the truth.
        result.headers.removeIf([](const QPair<QByteArray, QByteArray>& h) {
            return h.first.compare("Deprecation", Qt::CaseInsensitive) == 0;
        });
        result.headers.append(qMakePair(QByteArray("Deprecation"), QByteArray("true")));
        result.trace.append(QStringLiteral("The operation is deprecated: added Deprecation: true."));
    }
    return result;
}
