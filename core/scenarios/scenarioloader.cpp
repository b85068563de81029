// SPDX-License-Identifier: MIT
#include "core/scenarios/scenarioloader.h"

#include <exception>

#include <yaml-cpp/yaml.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include "core/definition/projectfiles.h"
#include "core/definition/yamlreader.h"
#include "core/json/jsonpointer.h"
#include "core/negotiation/responseselector.h"

namespace {

constexpr qint64 maxFileBytes = 4 * 1024 * 1024;
constexpr int maxRules = 10000; // over the whole file, aliases counted at their expanded size

const QString codeUnreadable = QStringLiteral("scenario-unreadable");
const QString codeSyntax = QStringLiteral("scenario-syntax");
const QString codeUnknownKey = QStringLiteral("scenario-unknown-key");
const QString codeInvalid = QStringLiteral("scenario-invalid");
const QString codeUnknownOperation = QStringLiteral("scenario-unknown-operation");
const QString codeUndefinedStatus = QStringLiteral("scenario-undefined-status");

QString text(const YAML::Node& node)
{
    return QString::fromStdString(node.Scalar());
}

QString describe(const YAML::Node& node)
{
    if (!node.IsDefined() || node.IsNull())
        return QStringLiteral("nothing");
    if (node.IsMap())
        return QStringLiteral("a mapping");
    if (node.IsSequence())
        return QStringLiteral("a list");
    return QLatin1Char('\'') + text(node).left(60) + QLatin1Char('\'');
}

class Reader
{
public:
    Reader(const QString& file, const Definition* definition, Diagnostics* diagnostics,
        QHash<QString, ScenarioForced>* forced)
        : m_file(file)
        , m_definition(definition)
        , m_diagnostics(diagnostics)
        , m_forced(forced)
    { }

    void read(const YAML::Node& root, ScenarioSet* set)
    {
        if (!root.IsDefined() || root.IsNull())
            return;
        if (!root.IsMap()) {
            report(Diagnostic::Severity::Error, root, QString(), codeInvalid,
                QStringLiteral("a scenario file is a mapping with 'operations' and 'sequence'; got %1")
                    .arg(describe(root)));
            return;
        }
        for (auto it = root.begin(); it != root.end(); ++it) {
            const QString key = it->first.IsScalar() ? text(it->first) : QString();
            const QString at = JsonPointer::append(QString(), key);
            if (key == QLatin1String("operations"))
                readOperations(it->second, at, set);
            else if (key == QLatin1String("sequence"))
                readSequences(it->second, at, set);
            else
                report(Diagnostic::Severity::Warning, it->first, at, codeUnknownKey,
                    QStringLiteral("unknown key '%1' (known: operations, sequence); ignored").arg(key));
        }
    }

private:
    // The scenario an operation key names (created on first use); null (with a diagnostic) when there is none.
    OperationScenario* target(
        const YAML::Node& keyNode, const QString& at, ScenarioSet* set, const Operation** operation)
    {
        *operation = nullptr;
        const QString key = keyNode.IsScalar() ? text(keyNode).trimmed() : QString();
        if (key == QLatin1String("*")) {
            set->all.key = key;
            if (!set->all.line)
                set->all.line = keyNode.Mark().line + 1;
            return &set->all;
        }
        const Operation* op = m_definition ? ScenarioLoader::findOperation(*m_definition, key) : nullptr;
        if (!op) {
            report(Diagnostic::Severity::Warning, keyNode, at, codeUnknownOperation,
                m_definition ? QStringLiteral("the definition has no operation '%1' (name it by operationId or "
                                              "\"METHOD /path/template\", or \"*\" for all); ignored")
                                   .arg(key)
                             : QStringLiteral("no definition to look up operation '%1' in; ignored").arg(key));
            return nullptr;
        }
        *operation = op;
        OperationScenario& scenario = set->operations[op->id];
        if (scenario.key.isEmpty()) {
            scenario.key = key;
            scenario.line = keyNode.Mark().line + 1;
        }
        return &scenario;
    }

    void readOperations(const YAML::Node& node, const QString& at, ScenarioSet* set)
    {
        if (node.IsNull())
            return;
        if (!node.IsMap()) {
            report(Diagnostic::Severity::Error, node, at, codeInvalid,
                QStringLiteral("'operations' must map operation names to their behaviour; got %1").arg(describe(node)));
            return;
        }
        QSet<QString> seen;
        for (auto it = node.begin(); it != node.end(); ++it) {
            const QString name = it->first.IsScalar() ? text(it->first) : QString();
            const QString opAt = JsonPointer::append(at, name);
            if (seen.contains(name))
                report(Diagnostic::Severity::Warning, it->first, opAt, codeInvalid,
                    QStringLiteral("operation '%1' is given twice; both blocks apply, in order").arg(name));
            seen.insert(name);
            const Operation* op = nullptr;
            OperationScenario* scenario = target(it->first, opAt, set, &op);
            if (!scenario)
                continue;
            readOperation(it->second, opAt, op, scenario);
        }
    }

    void readOperation(const YAML::Node& node, const QString& at, const Operation* op, OperationScenario* scenario)
    {
        if (node.IsNull())
            return;
        if (!node.IsMap()) {
            report(Diagnostic::Severity::Error, node, at, codeInvalid,
                QStringLiteral("an operation's behaviour is a mapping (rules, delay, faults, sequence); got %1")
                    .arg(describe(node)));
            return;
        }
        for (auto it = node.begin(); it != node.end(); ++it) {
            const QString key = it->first.IsScalar() ? text(it->first) : QString();
            const QString keyAt = JsonPointer::append(at, key);
            const YAML::Node value = it->second;
            if (key == QLatin1String("rules")) {
                readRules(value, keyAt, op, scenario);
            } else if (key == QLatin1String("delay")) {
                DelaySpec delay;
                if (readDelay(value, keyAt, &delay))
                    scenario->delay = delay;
            } else if (key == QLatin1String("faults") || key == QLatin1String("fault")) {
                FaultSpec fault;
                if (readFault(value, keyAt, &fault))
                    scenario->faults = fault;
            } else if (key == QLatin1String("sequence")) {
                readSequence(value, keyAt, op, scenario);
            } else if (key == QLatin1String("forced")) {
                readForced(value, keyAt, op);
            } else {
                report(Diagnostic::Severity::Warning, it->first, keyAt, codeUnknownKey,
                    QStringLiteral("unknown key '%1' (known: rules, delay, faults, sequence, forced); ignored")
                        .arg(key));
            }
        }
    }

    // `forced: { status: 404, example: Name }`: what the window's forcing panel forces for the operation.
    void readForced(const YAML::Node& node, const QString& at, const Operation* op)
    {
        if (!op) {
            report(Diagnostic::Severity::Warning, node, at, codeInvalid,
                QStringLiteral("'forced' applies to one operation, not to \"*\"; ignored"));
            return;
        }
        Answer answer;
        if (!readAnswer(node, at, op, &answer))
            return;
        if (!answer.headers.isEmpty() || !answer.delay.isNone() || !answer.fault.isNone())
            report(Diagnostic::Severity::Warning, node, at, codeInvalid,
                QStringLiteral("'forced' takes only status and example; the rest is ignored"));
        (*m_forced)[op->id] = ScenarioForced { answer.status, answer.example };
    }

    void readSequences(const YAML::Node& node, const QString& at, ScenarioSet* set)
    {
        if (node.IsNull())
            return;
        if (!node.IsMap()) {
            report(Diagnostic::Severity::Error, node, at, codeInvalid,
                QStringLiteral("'sequence' must map operation names to lists of answers; got %1").arg(describe(node)));
            return;
        }
        for (auto it = node.begin(); it != node.end(); ++it) {
            const QString opAt = JsonPointer::append(at, it->first.IsScalar() ? text(it->first) : QString());
            const Operation* op = nullptr;
            OperationScenario* scenario = target(it->first, opAt, set, &op);
            if (scenario)
                readSequence(it->second, opAt, op, scenario);
        }
    }

    void readSequence(const YAML::Node& node, const QString& at, const Operation* op, OperationScenario* scenario)
    {
        if (!node.IsSequence()) {
            report(Diagnostic::Severity::Error, node, at, codeInvalid,
                QStringLiteral("a sequence is a list of answers ({ status: 201 }, ...); got %1").arg(describe(node)));
            return;
        }
        QList<Answer> steps;
        for (std::size_t i = 0; i < node.size(); ++i) {
            if (!budget(node[i]))
                return;
            Answer answer;
            if (readAnswer(node[i], JsonPointer::append(at, int(i)), op, &answer))
                steps.append(answer);
        }
        if (!steps.isEmpty())
            scenario->sequence = steps;
    }

    void readRules(const YAML::Node& node, const QString& at, const Operation* op, OperationScenario* scenario)
    {
        if (!node.IsSequence()) {
            report(Diagnostic::Severity::Error, node, at, codeInvalid,
                QStringLiteral("'rules' is a list of { when: ..., then: ... }; got %1").arg(describe(node)));
            return;
        }
        for (std::size_t i = 0; i < node.size(); ++i) {
            const YAML::Node ruleNode = node[i];
            if (!budget(ruleNode))
                return;
            const QString ruleAt = JsonPointer::append(at, int(i));
            if (!ruleNode.IsMap()) {
                report(Diagnostic::Severity::Error, ruleNode, ruleAt, codeInvalid,
                    QStringLiteral("a rule is a mapping { when: ..., then: ... }; got %1; rule ignored")
                        .arg(describe(ruleNode)));
                continue;
            }
            Rule rule;
            rule.line = ruleNode.Mark().line + 1;
            bool ok = true;
            bool hasThen = false;
            for (auto it = ruleNode.begin(); it != ruleNode.end(); ++it) {
                const QString key = it->first.IsScalar() ? text(it->first) : QString();
                const QString keyAt = JsonPointer::append(ruleAt, key);
                if (key == QLatin1String("when")) {
                    ok = readWhen(it->second, keyAt, &rule.when) && ok;
                } else if (key == QLatin1String("then")) {
                    hasThen = true;
                    ok = readAnswer(it->second, keyAt, op, &rule.then) && ok;
                } else {
                    report(Diagnostic::Severity::Warning, it->first, keyAt, codeUnknownKey,
                        QStringLiteral("unknown key '%1' in a rule (known: when, then); ignored").arg(key));
                }
            }
            if (!hasThen) {
                report(Diagnostic::Severity::Error, ruleNode, ruleAt, codeInvalid,
                    QStringLiteral("a rule needs 'then' (what to answer); rule ignored"));
                continue;
            }
            if (!ok)
                continue; // the reason was reported; a half-read rule would answer wrongly
            rule.index = int(scenario->rules.size()) + 1;
            scenario->rules.append(rule);
        }
    }

    bool readWhen(const YAML::Node& node, const QString& at, QList<Condition>* out)
    {
        if (node.IsNull())
            return true;
        if (!node.IsMap()) {
            report(Diagnostic::Severity::Error, node, at, codeInvalid,
                QStringLiteral("'when' maps path, query, header or body to name: value pairs; got %1; rule ignored")
                    .arg(describe(node)));
            return false;
        }
        bool ok = true;
        for (auto it = node.begin(); it != node.end(); ++it) {
            const QString key = it->first.IsScalar() ? text(it->first) : QString();
            const QString keyAt = JsonPointer::append(at, key);
            Condition::Source source;
            if (key == QLatin1String("path"))
                source = Condition::Source::Path;
            else if (key == QLatin1String("query"))
                source = Condition::Source::Query;
            else if (key == QLatin1String("header") || key == QLatin1String("headers"))
                source = Condition::Source::Header;
            else if (key == QLatin1String("body"))
                source = Condition::Source::Body;
            else {
                report(Diagnostic::Severity::Error, it->first, keyAt, codeInvalid,
                    QStringLiteral("unknown condition '%1' (known: path, query, header, body); rule ignored").arg(key));
                ok = false;
                continue;
            }
            const YAML::Node values = it->second;
            if (!values.IsMap()) {
                report(Diagnostic::Severity::Error, values, keyAt, codeInvalid,
                    QStringLiteral("'%1' maps names to values; got %2; rule ignored").arg(key, describe(values)));
                ok = false;
                continue;
            }
            for (auto v = values.begin(); v != values.end(); ++v) {
                Condition c;
                c.source = source;
                c.name = v->first.IsScalar() ? text(v->first) : QString();
                const QString valueAt = JsonPointer::append(keyAt, c.name);
                if (c.name.isEmpty()) {
                    report(Diagnostic::Severity::Error, v->first, valueAt, codeInvalid,
                        QStringLiteral("a condition needs a name; rule ignored"));
                    ok = false;
                    continue;
                }
                if (source == Condition::Source::Body && !c.name.startsWith(QLatin1Char('/'))) {
                    report(Diagnostic::Severity::Error, v->first, valueAt, codeInvalid,
                        QStringLiteral("a body condition is named by a JSON pointer such as /quantity; got '%1'; "
                                       "rule ignored")
                            .arg(c.name));
                    ok = false;
                    continue;
                }
                ok = readValue(v->second, valueAt, &c) && ok;
                out->append(c);
            }
        }
        return ok;
    }

    bool readValue(const YAML::Node& node, const QString& at, Condition* c)
    {
        if (node.IsMap()) {
            const YAML::Node regex = node["regex"];
            if (node.size() != 1 || !regex.IsDefined() || !regex.IsScalar()) {
                report(Diagnostic::Severity::Error, node, at, codeInvalid,
                    QStringLiteral("a condition value is exact (42, gold) or { regex: \"...\" }; rule ignored"));
                return false;
            }
            c->isRegex = true;
            c->regex.setPattern(text(regex));
            if (!c->regex.isValid()) {
                report(Diagnostic::Severity::Error, regex, at, codeInvalid,
                    QStringLiteral("invalid regular expression '%1': %2; rule ignored")
                        .arg(text(regex), c->regex.errorString()));
                return false;
            }
            c->text = c->regex.pattern();
            return true;
        }
        if (!node.IsScalar() && !node.IsNull()) {
            report(Diagnostic::Severity::Error, node, at, codeInvalid,
                QStringLiteral("a condition value is a single value or { regex: \"...\" }; got %1; rule ignored")
                    .arg(describe(node)));
            return false;
        }
        c->text = node.IsNull() ? QString() : text(node);
        // Plain scalars mean what YAML says (0 is a number, true a boolean); quoted ones are strings.
        if (node.IsNull())
            c->json = QJsonValue(QJsonValue::Null);
        else if (node.Tag() == "?")
            c->json = YamlReader::resolvePlainScalar(QByteArray::fromStdString(node.Scalar()));
        else
            c->json = c->text;
        return true;
    }

    bool readAnswer(const YAML::Node& node, const QString& at, const Operation* op, Answer* answer)
    {
        if (!node.IsMap()) {
            report(Diagnostic::Severity::Error, node, at, codeInvalid,
                QStringLiteral("an answer is a mapping of status, example, headers, delay, fault; got %1; ignored")
                    .arg(describe(node)));
            return false;
        }
        bool ok = true;
        for (auto it = node.begin(); it != node.end(); ++it) {
            const QString key = it->first.IsScalar() ? text(it->first) : QString();
            const QString keyAt = JsonPointer::append(at, key);
            const YAML::Node value = it->second;
            if (key == QLatin1String("status")) {
                bool isInt = false;
                const int status = value.IsScalar() ? text(value).toInt(&isInt) : 0;
                if (!isInt || status < 100 || status > 599) {
                    report(Diagnostic::Severity::Error, value, keyAt, codeInvalid,
                        QStringLiteral("status must be an HTTP status code (100-599); got %1; ignored")
                            .arg(describe(value)));
                    ok = false;
                } else if (op && !ResponseSelector::defined(*op, status)) {
                    report(Diagnostic::Severity::Error, value, keyAt, codeUndefinedStatus,
                        QStringLiteral("%1 does not define status %2 (defined: %3); ignored")
                            .arg(op->id)
                            .arg(status)
                            .arg(op->responseCodes().join(QStringLiteral(", "))));
                    ok = false;
                } else {
                    answer->status = status;
                }
            } else if (key == QLatin1String("example")) {
                if (value.IsScalar() && !text(value).isEmpty()) {
                    answer->example = text(value);
                } else {
                    report(Diagnostic::Severity::Error, value, keyAt, codeInvalid,
                        QStringLiteral("example names one of the response's examples; got %1; ignored")
                            .arg(describe(value)));
                    ok = false;
                }
            } else if (key == QLatin1String("headers")) {
                ok = readHeaders(value, keyAt, &answer->headers) && ok;
            } else if (key == QLatin1String("delay")) {
                ok = readDelay(value, keyAt, &answer->delay) && ok;
            } else if (key == QLatin1String("fault")) {
                ok = readFault(value, keyAt, &answer->fault) && ok;
            } else {
                report(Diagnostic::Severity::Warning, it->first, keyAt, codeUnknownKey,
                    QStringLiteral("unknown key '%1' in an answer (known: status, example, headers, delay, fault); "
                                   "ignored")
                        .arg(key));
            }
        }
        return ok;
    }

    bool readHeaders(const YAML::Node& node, const QString& at, HeaderList* out)
    {
        if (!node.IsMap()) {
            report(Diagnostic::Severity::Error, node, at, codeInvalid,
                QStringLiteral("headers map names to values; got %1; ignored").arg(describe(node)));
            return false;
        }
        for (auto it = node.begin(); it != node.end(); ++it) {
            const QByteArray name = it->first.IsScalar() ? text(it->first).toUtf8() : QByteArray();
            const bool nameOk = !name.isEmpty()
                && std::all_of(name.cbegin(), name.cend(), [](char ch) { return ch > 32 && ch < 127 && ch != ':'; });
            const QByteArray value = it->second.IsScalar() ? text(it->second).toUtf8() : QByteArray();
            if (!nameOk || !it->second.IsScalar() || value.contains('\r') || value.contains('\n')) {
                report(Diagnostic::Severity::Error, it->first, JsonPointer::append(at, QString::fromUtf8(name)),
                    codeInvalid, QStringLiteral("a header is a token name with a one-line text value; ignored"));
                return false;
            }
            out->append({ name, value });
        }
        return true;
    }

    bool readDuration(const YAML::Node& node, const QString& at, double* ms)
    {
        *ms = node.IsScalar() ? DelaySpec::parseDurationMs(text(node)) : -1;
        if (*ms >= 0)
            return true;
        report(Diagnostic::Severity::Error, node, at, codeInvalid,
            QStringLiteral("a duration is like 250ms, 1.5s or 2m (at most 10 minutes); got %1; ignored")
                .arg(describe(node)));
        return false;
    }

    bool readDelay(const YAML::Node& node, const QString& at, DelaySpec* out)
    {
        DelaySpec d;
        if (node.IsScalar()) {
            if (!readDuration(node, at, &d.a))
                return false;
            d.kind = DelaySpec::Kind::Fixed;
            *out = d;
            return true;
        }
        const auto bad = [&](const QString& why) {
            report(Diagnostic::Severity::Error, node, at, codeInvalid,
                QStringLiteral("%1 (a delay is 250ms, { uniform: [100ms, 400ms] } or "
                               "{ lognormal: { median: 80ms, p99: 1.5s } }); ignored")
                    .arg(why));
            return false;
        };
        if (!node.IsMap() || node.size() != 1)
            return bad(QStringLiteral("got %1").arg(describe(node)));
        const QString kind = text(node.begin()->first);
        const YAML::Node value = node.begin()->second;
        const QString valueAt = JsonPointer::append(at, kind);
        if (kind == QLatin1String("fixed")) {
            if (!readDuration(value, valueAt, &d.a))
                return false;
            d.kind = DelaySpec::Kind::Fixed;
        } else if (kind == QLatin1String("uniform")) {
            if (!value.IsSequence() || value.size() != 2)
                return bad(QStringLiteral("uniform takes two durations, [low, high]"));
            if (!readDuration(value[0], valueAt, &d.a) || !readDuration(value[1], valueAt, &d.b))
                return false;
            if (d.b < d.a)
                return bad(QStringLiteral("the range's high end is below its low end"));
            d.kind = DelaySpec::Kind::Uniform;
        } else if (kind == QLatin1String("lognormal")) {
            if (!value.IsMap() || !value["median"].IsDefined() || !value["p99"].IsDefined())
                return bad(QStringLiteral("lognormal takes { median: ..., p99: ... }"));
            if (!readDuration(value["median"], valueAt, &d.a) || !readDuration(value["p99"], valueAt, &d.b))
                return false;
            if (d.a <= 0 || d.b < d.a)
                return bad(QStringLiteral("lognormal needs 0 < median <= p99"));
            d.kind = DelaySpec::Kind::LogNormal;
        } else {
            return bad(QStringLiteral("unknown delay kind '%1'").arg(kind));
        }
        *out = d;
        return true;
    }

    bool readFault(const YAML::Node& node, const QString& at, FaultSpec* out)
    {
        const QString help = QStringLiteral(
            "a fault is reset, close, empty, garbage, timeout or status N, optionally as { kind: ..., rate: 5% }");
        FaultSpec f;
        if (node.IsScalar()) {
            if (!FaultSpec::parseKind(text(node), &f)) {
                report(Diagnostic::Severity::Error, node, at, codeInvalid,
                    QStringLiteral("unknown fault %1 (%2); ignored").arg(describe(node), help));
                return false;
            }
            *out = f;
            return true;
        }
        if (!node.IsMap() || !node["kind"].IsDefined()) {
            report(Diagnostic::Severity::Error, node, at, codeInvalid,
                QStringLiteral("got %1 (%2); ignored").arg(describe(node), help));
            return false;
        }
        for (auto it = node.begin(); it != node.end(); ++it) {
            const QString key = it->first.IsScalar() ? text(it->first) : QString();
            const QString keyAt = JsonPointer::append(at, key);
            if (key == QLatin1String("kind")) {
                const double rate = f.rate;
                if (!it->second.IsScalar() || !FaultSpec::parseKind(text(it->second), &f)) {
                    report(Diagnostic::Severity::Error, it->second, keyAt, codeInvalid,
                        QStringLiteral("unknown fault %1 (%2); ignored").arg(describe(it->second), help));
                    return false;
                }
                f.rate = rate;
            } else if (key == QLatin1String("rate")) {
                QString rateText = it->second.IsScalar() ? text(it->second).trimmed() : QString();
                if (rateText.endsWith(QLatin1Char('%')))
                    rateText.chop(1);
                bool ok = false;
                const double percent = rateText.trimmed().toDouble(&ok);
                if (!ok || percent < 0 || percent > 100) {
                    report(Diagnostic::Severity::Error, it->second, keyAt, codeInvalid,
                        QStringLiteral("rate is a percentage from 0% to 100%; got %1; ignored")
                            .arg(describe(it->second)));
                    return false;
                }
                f.rate = percent / 100.0;
            } else {
                report(Diagnostic::Severity::Warning, it->first, keyAt, codeUnknownKey,
                    QStringLiteral("unknown key '%1' in a fault (known: kind, rate); ignored").arg(key));
            }
        }
        *out = f;
        return true;
    }

    bool budget(const YAML::Node& node)
    {
        if (++m_entries <= maxRules)
            return true;
        if (m_entries == maxRules + 1)
            report(Diagnostic::Severity::Error, node, QString(), codeInvalid,
                QStringLiteral("more than %1 rules and sequence steps; the rest is ignored").arg(maxRules));
        return false;
    }

    void report(Diagnostic::Severity severity, const YAML::Node& node, const QString& pointer, const QString& code,
        const QString& message)
    {
        Diagnostic d = severity == Diagnostic::Severity::Error ? Diagnostic::error(message, m_file, pointer, code)
                                                               : Diagnostic::warning(message, m_file, pointer, code);
        if (node.IsDefined() && node.Mark().line >= 0) {
            d.line = node.Mark().line + 1;
            d.column = node.Mark().column + 1;
        }
        m_diagnostics->append(d);
    }

    QString m_file;
    const Definition* m_definition;
    Diagnostics* m_diagnostics;
    QHash<QString, ScenarioForced>* m_forced;
    int m_entries = 0;
};

bool isResource(const QString& path)
{
    return path.startsWith(QLatin1Char(':')) || path.startsWith(QLatin1String("qrc:"));
}

} // namespace

QString ScenarioLoader::forcedText(const ScenarioForced& forced)
{
    QStringList parts;
    if (forced.status)
        parts << QStringLiteral("status: %1").arg(forced.status);
    if (!forced.example.isEmpty()) {
        QString quoted = forced.example;
        quoted.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""));
        parts << QStringLiteral("example: \"%1\"").arg(quoted);
    }
    return parts.isEmpty() ? QString() : QStringLiteral("{ %1 }").arg(parts.join(QStringLiteral(", ")));
}

const Operation* ScenarioLoader::findOperation(const Definition& definition, const QString& key)
{
    for (const Operation& op : definition.operations)
        if (op.id == key)
            return &op;
    const qsizetype space = key.indexOf(QLatin1Char(' '));
    if (space <= 0)
        return nullptr;
    const QString method = key.left(space).toUpper();
    const QString path = key.mid(space + 1).trimmed();
    for (const Operation& op : definition.operations)
        if (op.method == method && op.path == path)
            return &op;
    return nullptr;
}

QString ScenarioLoader::defaultPath(const QString& definitionPath)
{
    if (definitionPath.isEmpty() || isResource(definitionPath))
        return QString();
    return QFileInfo(definitionPath).absoluteDir().filePath(fileName());
}

QString ScenarioLoader::discover(const QString& definitionPath)
{
    if (definitionPath.isEmpty() || isResource(definitionPath))
        return QString();
    // From the definition's folder up to its project root (ProjectFiles: the nearest folder up holding .git or
    // redocly.yaml, else the definition's own folder), never above it: a scenario file of another project, or one
    // lying in a shared folder such as /tmp above a loose definition, must never apply.
    const QString root = ProjectFiles::projectRoot(definitionPath);
    QDir dir(ProjectFiles::definitionFolder(definitionPath));
    for (int level = 0; level < 512; ++level) {
        const QString candidate = dir.filePath(fileName());
        if (QFileInfo(candidate).isFile())
            return candidate;
        if (dir.path() == root || dir.isRoot() || !dir.cdUp())
            break;
    }
    return QString();
}

ScenarioResult ScenarioLoader::loadFor(
    const QString& definitionPath, const QString& explicitPath, const Definition* definition)
{
    const QString path = explicitPath.isEmpty() ? discover(definitionPath) : explicitPath;
    if (path.isEmpty())
        return {};
    return load(path, definition);
}

ScenarioResult ScenarioLoader::load(const QString& path, const Definition* definition)
{
    const QFileInfo info(path);
    const QString absolute = isResource(path) ? path : info.absoluteFilePath();
    QFile file(absolute);
    if (!info.isFile() || info.size() > maxFileBytes || !file.open(QIODevice::ReadOnly)) {
        const QString reason = !info.exists() ? QStringLiteral("no such file")
            : info.isDir()                    ? QStringLiteral("it is a folder")
            : info.size() > maxFileBytes      ? QStringLiteral("larger than 4 MiB")
                                              : file.errorString();
        ScenarioResult result;
        result.sourceFile = absolute;
        result.diagnostics.append(Diagnostic::error(
            QStringLiteral("cannot read scenario file: %1").arg(reason), absolute, QString(), codeUnreadable));
        return result;
    }
    return parse(file.readAll(), absolute, definition);
}

ScenarioResult ScenarioLoader::parse(const QByteArray& data, const QString& file, const Definition* definition)
{
    ScenarioResult result;
    result.sourceFile = file;
    auto set = std::make_shared<ScenarioSet>();
    set->sourceFile = file;
    try {
        const YAML::Node root = YAML::Load(data.toStdString());
        Reader(file, definition, &result.diagnostics, &result.forced).read(root, set.get());
    } catch (const YAML::Exception& e) {
        Diagnostic d = Diagnostic::error(
            QStringLiteral("invalid YAML: %1").arg(QString::fromStdString(e.msg)), file, QString(), codeSyntax);
        if (e.mark.line >= 0) {
            d.line = e.mark.line + 1;
            d.column = e.mark.column + 1;
        }
        result.diagnostics.append(d);
        return result;
    } catch (const std::exception& e) {
        result.diagnostics.append(
            Diagnostic::error(QStringLiteral("cannot read scenario file: %1").arg(QString::fromUtf8(e.what())), file,
                QString(), codeSyntax));
        return result;
    }
    result.scenarios = std::move(set);
    return result;
}
