// SPDX-License-Identifier: MIT
// Edits understudy.yaml as text: rewrites one operation's rules, delay or faults and leaves every other line as
// written.
#pragma once

#include <QByteArray>
#include <QString>

#include "core/scenarios/scenario.h"

/**
 * The window's Behaviour panel edits the scenario file through this. Only the entries whose value changed are
 * rewritten (`operations/<key>/rules`, `/delay`, `/faults`), in block style at the indentation the file uses; every
 * other line (comments, order, other operations, sequences, blank lines) stays byte for byte. What is lost: comments
 * inside a rewritten entry (e.g. between two of its rules) and a comment at the end of its first line. An operation
 * (or `operations:`) written in flow style (`getBook: { delay: 1s }`) cannot be edited this way: an error says so.
 */
class ScenarioWriter
{
public:
    // The file text with `after`'s rules, delay and faults for operation `key` (as written in the file, or the
    // operationId for a new entry); fields equal to `before`'s keep their text. Empty + `error` when impossible.
    static QByteArray apply(const QByteArray& text, const QString& key, const OperationScenario& before,
        const OperationScenario& after, QString* error);
    // Sets `operations/<key>/<field>` to `value` (YAML text for the value; multi-line values start with a newline
    // and are indented relative to the field), or removes it when `value` is null.
    static QByteArray setField(
        const QByteArray& text, const QString& key, const QString& field, const QString& value, QString* error);

    static QString delayText(const DelaySpec& delay); // "250ms", "{ uniform: [100ms, 400ms] }", ...
    static QString faultText(const FaultSpec& fault); // "{ kind: reset, rate: 5% }"
    static QString rulesText(const QList<Rule>& rules); // "\n- when: {...}\n  then: {...}" (relative indentation)
    static QString conditionsText(const QList<Condition>& when); // "{ path: { bookId: 42 } }"
    static QString answerText(const Answer& answer); // "{ status: 404, delay: 1s }"
    static QString scalar(const QString& text); // plain when safe, else double-quoted
    static QString quoted(const QString& text); // always double-quoted, with escapes
};
