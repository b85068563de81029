// SPDX-License-Identifier: MIT
#include "core/callbacks/callbackplanner.h"

#include <algorithm>

#include <QJsonArray>
#include <QJsonDocument>

#include "core/generation/bodybuilder.h"
#include "core/schema/schemasampler.h"

namespace {

struct Value
{
    QJsonValue value = QJsonValue(QJsonValue::Undefined);
    QString source; // "example 'created'", "example", "generated from the schema"
};

// Examples first (named ones in document order, then `example`), else a sample of the schema.
Value exampleOrSample(const Definition& definition, const QList<NamedExample>& examples, const QJsonValue& example,
    bool hasExample, const QJsonValue& schema, const QString& schemaPointer, const QString& name, quint64 seed)
{
    for (const NamedExample& named : examples)
        if (named.hasValue)
            return { named.value, QStringLiteral("example '%1'").arg(named.name) };
    if (hasExample)
        return { example, QStringLiteral("example") };
    if (schema.isUndefined())
        return {};
    SampleOptions options;
    options.forResponse = false;
    options.seed = seed;
    options.name = name;
    options.cache = schemaPointer.isEmpty() ? nullptr : &definition.schemas();
    const SampleResult sample = SchemaSampler::generate(
        QJsonValue(definition.document), schema, definition.dialect, options, nullptr, schemaPointer);
    if (!sample.ok())
        return { QJsonValue(QJsonValue::Undefined), sample.error };
    return { sample.value, QStringLiteral("generated from the schema") };
}

QByteArray headerText(const QJsonValue& value)
{
    if (value.isString())
        return value.toString().toUtf8();
    const QByteArray text = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
    return text.mid(1, text.size() - 2);
}

void addHeaders(const Definition& definition, const CallbackOperation& op, quint64 seed, CallbackCall* call)
{
    for (const Parameter& p : op.parameters) {
        if (p.in != QLatin1String("header") || p.name.isEmpty())
            continue;
        const Value v =
            exampleOrSample(definition, p.examples, p.example, p.hasExample, p.schema, p.schemaPointer, p.name, seed);
        if (v.value.isUndefined())
            continue;
        call->headers.append({ p.name.toLatin1(), headerText(v.value) });
    }
}

void addBody(const Definition& definition, const CallbackOperation& op, quint64 seed, CallbackCall* call)
{
    if (!op.requestBody.present || op.requestBody.content.isEmpty())
        return;
    const MediaType& media = op.requestBody.content.first();
    const Value v = exampleOrSample(definition, media.examples, media.example, media.hasExample, media.schema,
        media.schemaPointer, QString(), seed);
    if (v.value.isUndefined()) {
        call->trace.append(v.source.isEmpty()
                ? QStringLiteral("The %1 body has neither an example nor a schema; sent empty.").arg(media.name)
                : QStringLiteral("No %1 body could be generated (%2); sent empty.").arg(media.name, v.source));
        return;
    }
    call->headers.append({ QByteArrayLiteral("Content-Type"), media.name.toUtf8() });
    call->body = BodyBuilder::serialize(v.value, media.name);
    call->trace.append(QStringLiteral("Body: %1 %2.").arg(media.name, v.source));
}

} // namespace

CallbackPlan CallbackPlanner::plan(const Definition& definition, const Operation& operation,
    const RuntimeContext& context, const CallbackAllowList& allowed, quint64 seed)
{
    CallbackPlan plan;
    if (operation.callbacks.isEmpty())
        return plan;
    const int status = context.response ? context.response->status : 0;
    if (status < 200 || status > 299) {
        plan.trace.append(QStringLiteral("Callbacks not fired: the answer is %1, not a 2xx.").arg(status));
        return plan;
    }
    for (const Callback& callback : operation.callbacks) {
        const RuntimeValue url = RuntimeExpression::expand(callback.expression, context);
        if (!url.ok()) {
            plan.trace.append(QStringLiteral("Callback %1 skipped: its URL %2 does not resolve (%3).")
                                  .arg(callback.name, callback.expression, url.error));
            continue;
        }
        const QUrl target(url.value, QUrl::StrictMode);
        for (const CallbackOperation& op : callback.operations) {
            CallbackCall call;
            call.name = callback.name;
            call.expression = callback.expression;
            call.operationId = operation.id;
            call.method = op.method.toLatin1();
            call.url = target;
            call.trace.append(QStringLiteral("Callback %1 of %2: %3 -> %4 %5.")
                                  .arg(callback.name, operation.id, callback.expression, op.method, url.value));
            call.refusal = allowed.refusal(target);
            if (!call.refusal.isEmpty()) {
                call.trace.append(QStringLiteral("Not called: %1.").arg(call.refusal));
                plan.trace.append(QStringLiteral("Callback %1 refused: %2 %3: %4.")
                                      .arg(callback.name, op.method, url.value, call.refusal));
                plan.calls.append(call);
                continue;
            }
            addHeaders(definition, op, seed, &call);
            addBody(definition, op, seed, &call);
            // The receiver can tell the mock's calls from others (unless the callback declares its own).
            const bool hasAgent = std::any_of(call.headers.cbegin(), call.headers.cend(),
                [](const auto& h) { return h.first.compare("User-Agent", Qt::CaseInsensitive) == 0; });
            if (!hasAgent)
                call.headers.append({ QByteArrayLiteral("User-Agent"), QByteArrayLiteral("Understudy") });
            plan.trace.append(QStringLiteral("Callback %1 scheduled: %2 %3.").arg(callback.name, op.method, url.value));
            plan.calls.append(call);
        }
    }
    return plan;
}
