// SPDX-License-Identifier: MIT
#include "core/scenarios/scenariowriter.h"

#include <exception>

#include <yaml-cpp/yaml.h>

#include <QRegularExpression>

namespace {

struct Lines
{
    QList<QByteArray> lines; // without their '\n'
    bool finalNewline = true;

    explicit Lines(const QByteArray& text)
    {
        lines = text.split('\n');
        finalNewline = text.isEmpty() || text.endsWith('\n');
        if (finalNewline && !lines.isEmpty())
            lines.removeLast();
    }
    QByteArray join() const
    {
        QByteArray out = lines.join('\n');
        if (finalNewline || !lines.isEmpty())
            out += '\n';
        return out;
    }
};

bool isFiller(const QByteArray& line)
{
    const QByteArray t = line.trimmed();
    return t.isEmpty() || t.startsWith('#');
}

// Lines [start, end) of entry `index` of a block mapping whose own entries end at `parentEnd`; trailing blank and
// comment lines belong to what follows.
QPair<int, int> entryRange(const YAML::Node& map, std::size_t index, int parentEnd, const Lines& text)
{
    int start = -1, end = parentEnd;
    std::size_t i = 0;
    for (auto it = map.begin(); it != map.end(); ++it, ++i) {
        if (i == index)
            start = it->first.Mark().line;
        else if (i == index + 1)
            end = it->first.Mark().line;
    }
    while (end > start + 1 && isFiller(text.lines.value(end - 1)))
        --end;
    return { start, end };
}

// The end of a mapping's last entry: the parent's end, trimmed of trailing fillers.
int contentEnd(int parentEnd, int floor, const Lines& text)
{
    int end = parentEnd;
    while (end > floor + 1 && isFiller(text.lines.value(end - 1)))
        --end;
    return end;
}

QString keyText(const QString& key)
{
    return ScenarioWriter::scalar(key);
}

// `field: value` lines at `indent`; a value starting with a newline is a block, each line indented further.
QList<QByteArray> fieldLines(const QString& field, const QString& value, int indent)
{
    const QByteArray pad(indent, ' ');
    if (!value.startsWith(QLatin1Char('\n')))
        return { pad + field.toUtf8() + ": " + value.toUtf8() };
    QList<QByteArray> out { pad + field.toUtf8() + ':' };
    for (const QString& line : value.mid(1).split(QLatin1Char('\n')))
        out << QByteArray(indent + 2, ' ') + line.toUtf8();
    return out;
}

int parentEndOf(const YAML::Node& root, const QString& name, int total, int* keyLine)
{
    int end = total;
    bool found = false;
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (found) {
            end = it->first.Mark().line;
            break;
        }
        if (it->first.IsScalar() && QString::fromStdString(it->first.Scalar()) == name) {
            found = true;
            *keyLine = it->first.Mark().line;
        }
    }
    return found ? end : -1;
}

} // namespace

QString ScenarioWriter::quoted(const QString& text)
{
    QString q = text;
    q.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""));
    q.replace(QLatin1Char('\n'), QLatin1String("\\n")).replace(QLatin1Char('\t'), QLatin1String("\\t"));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

QString ScenarioWriter::scalar(const QString& text)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./][A-Za-z0-9_./ -]*$"));
    static const QRegularExpression special(
        QStringLiteral("^(true|false|yes|no|on|off|null|~|y|n)$"), QRegularExpression::CaseInsensitiveOption);
    if (plain.match(text).hasMatch() && !text.endsWith(QLatin1Char(' ')) && !special.match(text).hasMatch())
        return text;
    return quoted(text);
}

QString ScenarioWriter::delayText(const DelaySpec& d)
{
    switch (d.kind) {
    case DelaySpec::Kind::None:
        return QString();
    case DelaySpec::Kind::Fixed:
        return DelaySpec::formatMs(d.a);
    case DelaySpec::Kind::Uniform:
        return QStringLiteral("{ uniform: [%1, %2] }").arg(DelaySpec::formatMs(d.a), DelaySpec::formatMs(d.b));
    case DelaySpec::Kind::LogNormal:
        return QStringLiteral("{ lognormal: { median: %1, p99: %2 } }")
            .arg(DelaySpec::formatMs(d.a), DelaySpec::formatMs(d.b));
    }
    return QString();
}

QString ScenarioWriter::faultText(const FaultSpec& f)
{
    if (f.isNone())
        return QString();
    return QStringLiteral("{ kind: %1, rate: %2% }").arg(f.kindName(), QString::number(f.rate * 100, 'g', 6));
}

QString ScenarioWriter::conditionsText(const QList<Condition>& when)
{
    QStringList groups;
    for (Condition::Source source :
        { Condition::Source::Path, Condition::Source::Query, Condition::Source::Header, Condition::Source::Body }) {
        QStringList pairs;
        for (const Condition& c : when) {
            if (c.source != source)
                continue;
            QString value;
            if (c.isRegex)
                value = QStringLiteral("{ regex: %1 }").arg(quoted(c.regex.pattern()));
            else if (source == Condition::Source::Body && !c.json.isString() && !c.json.isUndefined())
                value = c.text.isEmpty() ? QStringLiteral("null") : c.text;
            else if (source == Condition::Source::Body)
                value = quoted(c.text);
            else
                value = scalar(c.text);
            pairs << QStringLiteral("%1: %2").arg(scalar(c.name), value);
        }
        if (!pairs.isEmpty())
            groups << QStringLiteral("%1: { %2 }").arg(Condition::sourceName(source), pairs.join(QStringLiteral(", ")));
    }
    return groups.isEmpty() ? QStringLiteral("{}") : QStringLiteral("{ %1 }").arg(groups.join(QStringLiteral(", ")));
}

QString ScenarioWriter::answerText(const Answer& a)
{
    QStringList parts;
    if (a.status)
        parts << QStringLiteral("status: %1").arg(a.status);
    if (!a.example.isEmpty())
        parts << QStringLiteral("example: %1").arg(scalar(a.example));
    if (!a.headers.isEmpty()) {
        QStringList headers;
        for (const auto& h : a.headers)
            headers << QStringLiteral("%1: %2").arg(
                scalar(QString::fromUtf8(h.first)), quoted(QString::fromUtf8(h.second)));
        parts << QStringLiteral("headers: { %1 }").arg(headers.join(QStringLiteral(", ")));
    }
    if (!a.delay.isNone())
        parts << QStringLiteral("delay: %1").arg(delayText(a.delay));
    if (!a.fault.isNone())
        parts << (a.fault.rate >= 1.0 ? QStringLiteral("fault: %1").arg(a.fault.kindName())
                                      : QStringLiteral("fault: %1").arg(faultText(a.fault)));
    return parts.isEmpty() ? QStringLiteral("{}") : QStringLiteral("{ %1 }").arg(parts.join(QStringLiteral(", ")));
}

QString ScenarioWriter::rulesText(const QList<Rule>& rules)
{
    if (rules.isEmpty())
        return QString();
    QString out;
    for (const Rule& r : rules) {
        out += QStringLiteral("\n- when: %1").arg(conditionsText(r.when));
        out += QStringLiteral("\n  then: %1").arg(answerText(r.then));
    }
    return out;
}

QByteArray ScenarioWriter::setField(
    const QByteArray& text, const QString& key, const QString& field, const QString& value, QString* error)
{
    Lines lines(text);
    YAML::Node root;
    try {
        root = YAML::Load(text.toStdString());
    } catch (const std::exception& e) {
        if (error)
            *error = QStringLiteral("the scenario file is not valid YAML (%1); fix it by hand first")
                         .arg(QString::fromUtf8(e.what()));
        return {};
    }
    const auto fail = [error](const QString& why) {
        if (error)
            *error = why;
        return QByteArray();
    };
    if (root.IsDefined() && !root.IsNull() && !root.IsMap())
        return fail(QStringLiteral("the scenario file is not a mapping; fix it by hand first"));
    if (value.isNull() && (!root.IsDefined() || root.IsNull()))
        return text;

    int opsKeyLine = -1;
    const int opsEnd =
        root.IsMap() ? parentEndOf(root, QStringLiteral("operations"), int(lines.lines.size()), &opsKeyLine) : -1;
    if (opsEnd < 0) {
        if (value.isNull())
            return text;
        // No `operations:` yet: add it at the end.
        while (!lines.lines.isEmpty() && lines.lines.last().trimmed().isEmpty())
            lines.lines.removeLast();
        if (!lines.lines.isEmpty())
            lines.lines << QByteArray();
        lines.lines << QByteArrayLiteral("operations:") << "  " + keyText(key).toUtf8() + ':';
        lines.lines << fieldLines(field, value, 4);
        lines.finalNewline = true;
        return lines.join();
    }
    YAML::Node ops;
    for (auto it = root.begin(); it != root.end(); ++it)
        if (it->first.IsScalar() && it->first.Scalar() == "operations")
            ops.reset(it->second);
    if (ops.IsDefined() && !ops.IsNull() && (!ops.IsMap() || ops.Style() == YAML::EmitterStyle::Flow))
        return fail(QStringLiteral("'operations' is written in flow style ({ ... }); write it as a block to edit it "
                                   "here"));
    const int opsBodyEnd = contentEnd(opsEnd, opsKeyLine, lines);

    // The operation's entry.
    std::size_t index = 0;
    int opIndex = -1;
    int opIndent = 2;
    if (ops.IsMap()) {
        bool first = true;
        for (auto it = ops.begin(); it != ops.end(); ++it, ++index) {
            if (first)
                opIndent = it->first.Mark().column;
            first = false;
            if (opIndex < 0 && it->first.IsScalar() && QString::fromStdString(it->first.Scalar()).trimmed() == key)
                opIndex = int(index);
        }
    }
    if (opIndex < 0) {
        if (value.isNull())
            return text;
        QList<QByteArray> add { QByteArray(opIndent, ' ') + keyText(key).toUtf8() + ':' };
        add << fieldLines(field, value, opIndent + 2);
        for (int i = 0; i < add.size(); ++i)
            lines.lines.insert(opsBodyEnd + i, add[i]);
        return lines.join();
    }
    const QPair<int, int> opRange = entryRange(ops, std::size_t(opIndex), opsBodyEnd, lines);
    YAML::Node op;
    {
        std::size_t i = 0;
        for (auto it = ops.begin(); it != ops.end(); ++it, ++i)
            if (int(i) == opIndex)
                op.reset(it->second);
    }
    if (op.IsDefined() && !op.IsNull() && (!op.IsMap() || op.Style() == YAML::EmitterStyle::Flow))
        return fail(QStringLiteral("operation '%1' is written in flow style ({ ... }); write it as a block to edit it "
                                   "here")
                        .arg(key));

    int fieldIndex = -1;
    int fieldIndent = opIndent + 2;
    if (op.IsMap()) {
        std::size_t i = 0;
        bool first = true;
        for (auto it = op.begin(); it != op.end(); ++it, ++i) {
            if (first)
                fieldIndent = it->first.Mark().column;
            first = false;
            if (it->first.IsScalar() && QString::fromStdString(it->first.Scalar()) == field)
                fieldIndex = int(i);
        }
    }
    if (fieldIndex < 0) {
        if (value.isNull())
            return text;
        const QList<QByteArray> add = fieldLines(field, value, fieldIndent);
        for (int i = 0; i < add.size(); ++i)
            lines.lines.insert(opRange.second + i, add[i]);
        // `getBook:` followed by nothing, or `getBook: {}` / `~`, now has a block value.
        if (!op.IsMap())
            lines.lines[opRange.first] = QByteArray(opIndent, ' ') + keyText(key).toUtf8() + ':';
        return lines.join();
    }
    const QPair<int, int> fieldRange = entryRange(op, std::size_t(fieldIndex), opRange.second, lines);
    for (int i = fieldRange.second - 1; i >= fieldRange.first; --i)
        lines.lines.removeAt(i);
    if (!value.isNull()) {
        const QList<QByteArray> add = fieldLines(field, value, fieldIndent);
        for (int i = 0; i < add.size(); ++i)
            lines.lines.insert(fieldRange.first + i, add[i]);
    } else if (op.size() == 1) {
        // The last field went: keep the operation as an empty mapping rather than a dangling key.
        lines.lines[opRange.first] = QByteArray(opIndent, ' ') + keyText(key).toUtf8() + ": {}";
    }
    return lines.join();
}

QByteArray ScenarioWriter::apply(const QByteArray& text, const QString& key, const OperationScenario& before,
    const OperationScenario& after, QString* error)
{
    QByteArray out = text;
    QString failure;
    const auto update = [&](const QString& field, const QString& oldValue, const QString& newValue) {
        if (!failure.isEmpty() || oldValue == newValue)
            return;
        out = setField(out, key, field, newValue.isEmpty() ? QString() : newValue, &failure);
    };
    update(QStringLiteral("rules"), rulesText(before.rules), rulesText(after.rules));
    update(QStringLiteral("delay"), delayText(before.delay), delayText(after.delay));
    update(QStringLiteral("faults"), faultText(before.faults), faultText(after.faults));
    if (!failure.isEmpty()) {
        if (error)
            *error = failure;
        return {};
    }
    return out;
}
