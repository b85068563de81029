// SPDX-License-Identifier: MIT
// Pipeline stage: the response headers after the body: challenges, the response's own headers, Deprecation.
#pragma once

#include "core/generation/bodybuilder.h"
#include "core/http/httpresponse.h"

struct HeaderInput
{
    const Response& response; // its declared headers are sent (Content-Type excepted: the body decides it)
    const QList<QByteArray>& challenges; // WWW-Authenticate values of a refused request
    bool deprecated = false; // the operation is deprecated: add Deprecation: true
};

struct HeaderResult
{
    HeaderList headers; // in order, to be appended after Content-Type
    QStringList trace;
};

// Thread-safe; header values come from `values` (examples, schema examples or cached generated samples).
class HeaderStage
{
public:
    explicit HeaderStage(const BodyBuilder& values);

    HeaderResult build(const HeaderInput& input) const;

private:
    const BodyBuilder& m_values;
};
