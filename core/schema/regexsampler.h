// SPDX-License-Identifier: MIT
// Builds a deterministic string matching a common subset of ECMA-262 regular expressions.
#pragma once

#include <QRegularExpression>
#include <QString>

namespace RegexSampler {

// Finds a string that contains a match of `pattern` (JSON Schema "pattern" semantics: unanchored search)
// with a code-point length in [minLength, maxLength] (maxLength < 0: unbounded). `variant` > 0 yields other
// characters so callers can build distinct values. Supported: literals, escapes, classes, `.`, groups,
// alternation, quantifiers `? * + {n} {n,} {n,m}` and anchors. Every result is checked with
// QRegularExpression before it is returned; returns false (with a reason in `why`) when none was found.
bool sample(const QString& pattern, int minLength, int maxLength, int variant, QString* out, QString* why = nullptr);

// ECMA-262 to PCRE2 spelling (\uXXXX -> \x{XXXX}, \u{X} -> \x{X}) so QRegularExpression accepts the pattern.
QString toPcre(const QString& pattern);

// A compiled, cached (process-wide, thread-safe) QRegularExpression for an ECMA-262 pattern; invalid
// patterns give an invalid expression (check isValid()).
QRegularExpression compile(const QString& pattern);

// Length in Unicode code points, as JSON Schema counts minLength/maxLength.
int codePointLength(const QString& s);

} // namespace RegexSampler
