// SPDX-License-Identifier: MIT
// ECMA-262 flavoured patterns (as JSON Schema specifies) on top of QRegularExpression/PCRE2.
#pragma once

#include <QRegularExpression>
#include <QString>

namespace EcmaRegex {

// Rewrites the ECMA-only parts of a pattern for PCRE: \d is ASCII, \s is Unicode white space, \uXXXX and
// \u{X} escapes, and `$` only matches at the very end (no "before a final newline").
QString toPcre(const QString& ecmaPattern);

// The compiled, unanchored expression (search semantics, like ECMA `test`). Compiled once per pattern in a
// process-wide, thread-safe cache (the validator, the sampler and the regex sampler share it); invalid patterns
// give an invalid expression (check isValid()).
QRegularExpression compile(const QString& ecmaPattern);

bool isValidPattern(const QString& ecmaPattern);

// True when a quantified group itself contains an unbounded quantifier, e.g. "^(a+)+$". Such patterns can
// backtrack exponentially; PCRE's match limit bounds them, but the schema author deserves a warning.
bool mayBacktrackCatastrophically(const QString& ecmaPattern);

} // namespace EcmaRegex
