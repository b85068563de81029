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
// EcmaRegex (the validator's reading of the pattern) before it is returned; returns false (with a reason in `why`) when
// none was found.
bool sample(const QString& pattern, int minLength, int maxLength, int variant, QString* out, QString* why = nullptr);

// Length in Unicode code points, as JSON Schema counts minLength/maxLength.
int codePointLength(const QString& s);

} // namespace RegexSampler
