// SPDX-License-Identifier: MIT
#include "core/engine/requestlogentry.h"

namespace {
QByteArray findHeader(const HeaderList& headers, const QByteArray& name)
{
    for (const auto& h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}
} // namespace

QByteArray RequestLogEntry::requestHeader(const QByteArray& name) const
{
    return findHeader(requestHeaders, name);
}

QByteArray RequestLogEntry::responseHeader(const QByteArray& name) const
{
    return findHeader(responseHeaders, name);
}
