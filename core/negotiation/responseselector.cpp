// SPDX-License-Identifier: MIT
#include "core/negotiation/responseselector.h"

bool ResponseSelector::owns(const MediaType& media, const QString& name)
{
    for (const NamedExample& example : media.examples)
        if (example.name == name)
            return true;
    return false;
}

bool ResponseSelector::owns(const Response& response, const QString& name)
{
    for (const MediaType& media : response.content)
        if (owns(media, name))
            return true;
    return false;
}

StatusChoice ResponseSelector::normal(const Operation& operation)
{
    StatusChoice choice;
    // An explicit code beats a range of its class ("201" before "2XX", which would answer 200); a range beats default.
    const Response* lowest = nullptr;
    int lowestStatus = 0; // kept, so that no code is parsed twice on this hot path
    const Response* range = nullptr;
    for (const Response& r : operation.responses) {
        if (r.isDefault())
            continue;
        const int s = r.status();
        if (s < 200 || s >= 300)
            continue;
        if (r.isRange()) {
            if (!range)
                range = &r;
        } else if (!lowest || s < lowestStatus) {
            lowest = &r;
            lowestStatus = s;
        }
    }
    if (lowest) {
        choice.response = lowest;
        choice.status = lowestStatus;
        choice.reason = range
            ? QStringLiteral("Chose %1, the lowest explicit 2xx code (an explicit code beats the %2 range).")
                  .arg(lowest->code, range->code)
            : QStringLiteral("Chose %1, the lowest 2xx response.").arg(lowest->code);
        return choice;
    }
    if (range) {
        choice.response = range;
        choice.status = range->status();
        choice.reason =
            QStringLiteral("Chose the %1 range, answering %2 (no explicit 2xx code; a range beats default).")
                .arg(range->code)
                .arg(range->status());
        return choice;
    }
    if (const Response* d = operation.response(QStringLiteral("default"))) {
        choice.response = d;
        choice.status = 200;
        choice.reason = QStringLiteral("No 2xx response is defined; answering 200 with the default response.");
        return choice;
    }
    if (!operation.responses.isEmpty()) {
        const Response& first = operation.responses.first();
        choice.response = &first;
        choice.status = first.status();
        choice.reason =
            QStringLiteral("No 2xx or default response is defined; using the first one, %1.").arg(first.code);
        return choice;
    }
    choice.reason = QStringLiteral("The operation defines no responses.");
    return choice;
}

const Response* ResponseSelector::defined(const Operation& operation, int status)
{
    const Response* range = nullptr;
    for (const Response& r : operation.responses) {
        if (r.isDefault())
            continue;
        if (!r.isRange() && r.status() == status)
            return &r;
        if (r.isRange() && r.covers(status) && !range)
            range = &r;
    }
    return range;
}

StatusChoice ResponseSelector::forRejection(const Operation& operation, int status)
{
    StatusChoice choice;
    QList<int> candidates { status };
    if (status == 422)
        candidates.append(400);
    for (const int code : std::as_const(candidates)) {
        if (const Response* r = defined(operation, code)) {
            choice.response = r;
            choice.status = code;
            choice.reason = r->isRange()
                ? QStringLiteral("Answering %1 with the definition's %2 range (no explicit %1 response).")
                      .arg(code)
                      .arg(r->code)
                : QStringLiteral("Answering %1 with the definition's response %2.").arg(code).arg(r->code);
            return choice;
        }
    }
    if (status == 422 || status == 400) {
        if (const Response* r = operation.response(QStringLiteral("default"))) {
            choice.response = r;
            choice.status = status;
            choice.reason = QStringLiteral("Answering %1 with the definition's default response.").arg(status);
            return choice;
        }
    }
    choice.status = status;
    choice.reason =
        QStringLiteral("The operation defines no response for %1; answering with a generated problem.").arg(status);
    return choice;
}

const Response* ResponseSelector::ownerOfExample(
    const Operation& operation, const QString& name, const Response* preferred)
{
    if (preferred && owns(*preferred, name))
        return preferred;
    for (const Response& r : operation.responses)
        if (owns(r, name))
            return &r;
    return nullptr;
}

QStringList ResponseSelector::exampleNames(const Operation& operation)
{
    QStringList names;
    for (const Response& r : operation.responses)
        for (const MediaType& media : r.content)
            for (const NamedExample& example : media.examples)
                if (!names.contains(example.name))
                    names.append(example.name);
    return names;
}
