// SPDX-License-Identifier: MIT
#include "core/generation/requestsubstitution.h"

#include <algorithm>
#include <cmath>

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

#include "core/json/jsonpointer.h"

namespace {

// Deeper bodies are legal JSON but nothing a mock response mirrors; stop before the stack matters.
constexpr int maxDepth = 256;

bool isIntegral(double d)
{
    return std::isfinite(d) && std::floor(d) == d && std::fabs(d) < 9007199254740992.0; // 2^53
}

// Whether a request body value may stand in for a response value of the same name.
bool bodyValueFits(const QJsonValue& responseValue, const QJsonValue& requestValue)
{
    if (requestValue.isUndefined() || requestValue.isNull())
        return false;
    if (responseValue.isNull())
        return true;
    if (responseValue.type() != requestValue.type())
        return false;
    if (responseValue.isDouble() && isIntegral(responseValue.toDouble()))
        return isIntegral(requestValue.toDouble());
    return true;
}

void mergeBody(QJsonObject& target, const QJsonObject& source, const QString& pointer, const QSet<QString>& skip,
    int depth, QStringList* trace)
{
    if (depth > maxDepth)
        return;
    for (auto it = source.constBegin(); it != source.constEnd(); ++it) {
        const QString& key = it.key();
        if (skip.contains(key))
            continue;
        const auto existing = target.constFind(key);
        if (existing == target.constEnd())
            continue; // never add what the response does not have
        const QJsonValue responseValue = existing.value();
        const QJsonValue requestValue = it.value();
        const QString path = JsonPointer::append(pointer, key);
        if (responseValue.isObject() && requestValue.isObject()) {
            QJsonObject nested = responseValue.toObject();
            mergeBody(nested, requestValue.toObject(), path, {}, depth + 1, trace);
            target.insert(key, nested);
            continue;
        }
        if (!bodyValueFits(responseValue, requestValue) || responseValue == requestValue)
            continue;
        target.insert(key, requestValue);
        trace->append(QStringLiteral("body%1 -> response %1").arg(path));
    }
}

// `text` as a value of the same JSON type as `like`; Undefined when it does not convert.
QJsonValue coerceScalar(const QString& text, const QJsonValue& like)
{
    switch (like.type()) {
    case QJsonValue::String:
        return text;
    case QJsonValue::Bool:
        if (text.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
            return true;
        if (text.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0)
            return false;
        return QJsonValue::Undefined;
    case QJsonValue::Double: {
        bool ok = false;
        const double d = text.trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(d))
            return QJsonValue::Undefined;
        if (isIntegral(like.toDouble()) && !isIntegral(d))
            return QJsonValue::Undefined;
        return d;
    }
    default:
        return QJsonValue::Undefined; // null, objects and arrays of objects carry no type to coerce to
    }
}

QJsonValue coerceParameter(const QStringList& values, const QJsonValue& like)
{
    if (values.isEmpty())
        return QJsonValue::Undefined;
    if (!like.isArray())
        return coerceScalar(values.first(), like);
    const QJsonArray current = like.toArray();
    if (current.isEmpty())
        return QJsonValue::Undefined; // no element to learn the item type from
    QJsonArray out;
    for (const QString& v : values) {
        const QJsonValue item = coerceScalar(v, current.first());
        if (item.isUndefined())
            return QJsonValue::Undefined;
        out.append(item);
    }
    return out;
}

void applyParameters(QJsonObject& target, const QHash<QString, QStringList>& parameters, const QString& kind,
    QSet<QString>* taken, QStringList* trace)
{
    QStringList names = parameters.keys();
    std::sort(names.begin(), names.end()); // QHash order is random; the trace must be stable
    for (const QString& name : names) {
        if (taken->contains(name))
            continue;
        const auto existing = target.constFind(name);
        if (existing == target.constEnd())
            continue;
        const QJsonValue value = coerceParameter(parameters.value(name), existing.value());
        if (value.isUndefined())
            continue;
        taken->insert(name);
        if (value == existing.value())
            continue;
        target.insert(name, value);
        trace->append(QStringLiteral("%1 parameter %2 -> %3").arg(kind, name, JsonPointer::append(QString(), name)));
    }
}

} // namespace

SubstitutionResult RequestSubstitution::apply(const QJsonValue& response, const RequestValues& request)
{
    SubstitutionResult result;
    result.response = response;
    if (!response.isObject())
        return result;

    QJsonObject object = response.toObject();
    QSet<QString> taken;
    applyParameters(object, request.pathParameters, QStringLiteral("path"), &taken, &result.trace);
    applyParameters(object, request.queryParameters, QStringLiteral("query"), &taken, &result.trace);
    if (request.body.isObject())
        mergeBody(object, request.body.toObject(), QString(), taken, 0, &result.trace);
    result.response = object;
    return result;
}
