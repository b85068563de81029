// SPDX-License-Identifier: MIT
#include "core/scenarios/scenariostage.h"

#include <optional>

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "core/json/jsonpointer.h"

namespace {

// The text a body value is compared as: strings as they are, numbers and booleans as JSON writes them.
QString scalarText(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Double: {
        const double d = v.toDouble();
        if (d == double(qint64(d)) && std::abs(d) < 9e15)
            return QString::number(qint64(d));
        return QString::number(d, 'g', 17);
    }
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    default:
        return QString();
    }
}

bool valueMatches(const Condition& c, const QString& value)
{
    if (c.isRegex)
        return c.regex.match(value).hasMatch();
    return value == c.text;
}

// The request body parsed once per request, and only when a body condition asks for it.
class LazyBody
{
public:
    explicit LazyBody(const QByteArray& bytes)
        : m_bytes(bytes)
    { }
    const std::optional<QJsonValue>& value()
    {
        if (!m_parsed) {
            m_parsed = true;
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(m_bytes, &error);
            if (error.error == QJsonParseError::NoError) {
                if (doc.isObject())
                    m_value = QJsonValue(doc.object());
                else if (doc.isArray())
                    m_value = QJsonValue(doc.array());
            }
        }
        return m_value;
    }

private:
    const QByteArray& m_bytes;
    bool m_parsed = false;
    std::optional<QJsonValue> m_value;
};

bool conditionHolds(
    const Condition& c, const HttpRequest& request, const ScenarioStage::PathParameters& path, LazyBody* body)
{
    switch (c.source) {
    case Condition::Source::Path:
        for (const auto& p : path)
            if (p.first == c.name)
                return valueMatches(c, p.second);
        return false;
    case Condition::Source::Query:
        for (const auto& q : request.queryItems())
            if (q.first == c.name && valueMatches(c, q.second))
                return true;
        return false;
    case Condition::Source::Header: {
        const QByteArray value = request.header(c.name.toUtf8());
        return !value.isNull() && valueMatches(c, QString::fromUtf8(value));
    }
    case Condition::Source::Body: {
        const std::optional<QJsonValue>& root = body->value();
        if (!root)
            return false;
        QJsonValue found;
        if (!JsonPointer::resolve(*root, c.name, &found))
            return false;
        if (!c.isRegex && !c.json.isString() && !c.json.isUndefined() && found == c.json)
            return true;
        return valueMatches(c, scalarText(found));
    }
    }
    return false;
}

QString where(const ScenarioSet& set, int line)
{
    if (set.sourceFile.isEmpty() || line <= 0)
        return QString();
    return QStringLiteral(" (%1:%2)").arg(QFileInfo(set.sourceFile).fileName()).arg(line);
}

QString displayKey(const OperationScenario& scenario, const Operation& op)
{
    return scenario.key == QLatin1String("*") ? QStringLiteral("\"*\"") : op.id;
}

} // namespace

bool ScenarioStage::matches(const Rule& rule, const HttpRequest& request, const PathParameters& pathParameters)
{
    LazyBody body(request.body);
    for (const Condition& c : rule.when)
        if (!conditionHolds(c, request, pathParameters, &body))
            return false;
    return true;
}

ScenarioDecision ScenarioStage::decide(
    const ScenarioStore& store, const Operation& op, const HttpRequest& request, const PathParameters& pathParameters)
{
    ScenarioDecision d;
    const ScenarioStore::Snapshot snap = store.take();
    const ScenarioSet* set = snap.scenarios.get();
    const OperationScenario* own = set ? set->forOperation(op.id) : nullptr;
    const OperationScenario* all = set && !set->all.isEmpty() ? &set->all : nullptr;

    // The answer: the first rule that matches (the operation's, then "*"'s), else the next sequence step.
    const Answer* answer = nullptr;
    for (const OperationScenario* scenario : { own, all }) {
        if (!scenario || answer)
            continue;
        LazyBody body(request.body);
        for (const Rule& rule : scenario->rules) {
            bool holds = true;
            for (const Condition& c : rule.when)
                holds = holds && conditionHolds(c, request, pathParameters, &body);
            if (!holds)
                continue;
            answer = &rule.then;
            d.answerSource = QStringLiteral("rule %1 of %2%3")
                                 .arg(rule.index)
                                 .arg(displayKey(*scenario, op), where(*set, rule.line));
            d.rule = QStringLiteral("%1#%2").arg(scenario->key).arg(rule.index);
            QStringList conditions;
            for (const Condition& c : rule.when)
                conditions << c.describe();
            d.trace.append(
                QStringLiteral("Scenario %1 matched (%2): %3.")
                    .arg(d.answerSource,
                        conditions.isEmpty() ? QStringLiteral("no conditions") : conditions.join(QStringLiteral(", ")),
                        rule.then.describe()));
            break;
        }
    }
    if (!answer) {
        for (const OperationScenario* scenario : { own, all }) {
            if (!scenario || scenario->sequence.isEmpty())
                continue;
            const QString key = scenario == own ? op.id : QStringLiteral("*:") + op.id;
            const int steps = int(scenario->sequence.size());
            bool restarted = false;
            const int step = store.nextStep(key, steps, &restarted);
            answer = &scenario->sequence.at(step);
            d.answerSource = QStringLiteral("step %1 of %2 of %3's sequence")
                                 .arg(step + 1)
                                 .arg(steps)
                                 .arg(displayKey(*scenario, op));
            d.rule = QStringLiteral("%1 step %2").arg(scenario->key).arg(step + 1);
            d.trace.append(QStringLiteral("Scenario %1%2: %3.")
                               .arg(d.answerSource,
                                   restarted ? QStringLiteral(" (started again: the scenario file changed it)")
                                       : step + 1 == steps && steps > 1 ? QStringLiteral(" (the last repeats)")
                                                                        : QString(),
                                   answer->describe()));
            break;
        }
    }
    if (answer) {
        d.status = answer->status;
        d.example = answer->example;
        d.headers = answer->headers;
    }

    // The delay: the control header, else the answer's, the operation's, "*"'s; the network profile adds its own.
    DelaySpec delay;
    QString delaySource;
    const QByteArray delayHeader = request.header("x-understudy-delay").trimmed();
    if (!delayHeader.isNull()) {
        const double ms = DelaySpec::parseDurationMs(QString::fromUtf8(delayHeader));
        if (ms >= 0) {
            delay.kind = DelaySpec::Kind::Fixed;
            delay.a = ms;
            delaySource = QStringLiteral("x-understudy-delay");
        } else {
            d.trace.append(QStringLiteral("Ignored x-understudy-delay: '%1' is not a duration like 250ms or 1.5s "
                                          "(at most 10 minutes).")
                               .arg(QString::fromUtf8(delayHeader.left(60))));
        }
    }
    if (delay.isNone() && answer && !answer->delay.isNone()) {
        delay = answer->delay;
        delaySource = d.answerSource;
    }
    if (delay.isNone() && own && !own->delay.isNone()) {
        delay = own->delay;
        delaySource = QStringLiteral("%1's delay%2").arg(op.id, where(*set, own->line));
    }
    if (delay.isNone() && all && !all->delay.isNone()) {
        delay = all->delay;
        delaySource = QStringLiteral("the delay of \"*\"%1").arg(where(*set, all->line));
    }
    if (!delay.isNone()) {
        d.delayMs = delay.sample(snap.draws[1]);
        d.trace.append(
            QStringLiteral("Scenario delay %1 ms (%2 from %3).").arg(d.delayMs).arg(delay.describe(), delaySource));
    }
    const DelaySpec network = ScenarioStore::networkDelay(snap.network);
    if (!network.isNone()) {
        const qint64 extra = network.sample(snap.draws[2]);
        d.delayMs = std::min<qint64>(d.delayMs + extra, DelaySpec::maxMs);
        d.trace.append(QStringLiteral("Network profile '%1' adds %2 ms (%3).")
                           .arg(ScenarioStore::networkName(snap.network))
                           .arg(extra)
                           .arg(network.describe()));
    }

    // The fault: the control header (always), else the answer's, the operation's, "*"'s (each at its rate).
    FaultSpec fault;
    QString faultSource;
    const QByteArray faultHeader = request.header("x-understudy-fault").trimmed();
    if (!faultHeader.isNull()) {
        if (FaultSpec::parseKind(QString::fromUtf8(faultHeader), &fault)) {
            fault.rate = 1.0;
            faultSource = QStringLiteral("x-understudy-fault");
        } else {
            d.trace.append(QStringLiteral("Ignored x-understudy-fault: '%1' is not one of reset, close, empty, "
                                          "garbage, timeout, status N.")
                               .arg(QString::fromUtf8(faultHeader.left(60))));
        }
    }
    if (fault.isNone() && answer && !answer->fault.isNone()) {
        fault = answer->fault;
        faultSource = d.answerSource;
    }
    if (fault.isNone() && own && !own->faults.isNone()) {
        fault = own->faults;
        faultSource = QStringLiteral("%1's faults%2").arg(op.id, where(*set, own->line));
    }
    if (fault.isNone() && all && !all->faults.isNone()) {
        fault = all->faults;
        faultSource = QStringLiteral("the faults of \"*\"%1").arg(where(*set, all->line));
    }
    if (fault.isNone() && ScenarioStore::networkFaultRate(snap.network) > 0) {
        // Flaky: a tenth of the requests fail, a third each by reset, close and 503.
        static const FaultSpec::Kind kinds[] = { FaultSpec::Kind::Reset, FaultSpec::Kind::Close,
            FaultSpec::Kind::Status };
        const double rate = ScenarioStore::networkFaultRate(snap.network);
        fault.rate = rate;
        fault.kind = kinds[std::min(2, int(snap.draws[0] / rate * 3))];
        fault.status = fault.kind == FaultSpec::Kind::Status ? 503 : 0;
        faultSource = QStringLiteral("network profile '%1'").arg(ScenarioStore::networkName(snap.network));
    }
    if (!fault.isNone()) {
        if (snap.draws[0] < fault.rate) {
            d.fault = fault;
            d.faultSource = faultSource;
            d.trace.append(
                QStringLiteral("Scenario fault '%1' fired (%2%3).")
                    .arg(fault.kindName(), faultSource,
                        fault.rate < 1.0 ? QStringLiteral(", %1% of requests").arg(fault.rate * 100) : QString()));
            if (d.rule.isEmpty())
                d.rule = faultSource == QLatin1String("x-understudy-fault") ? faultSource : QString();
        } else {
            d.trace.append(QStringLiteral("Scenario fault '%1' did not fire this time (%2% of requests, from %3).")
                               .arg(fault.kindName())
                               .arg(fault.rate * 100)
                               .arg(faultSource));
        }
    }
    return d;
}
