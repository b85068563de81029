// SPDX-License-Identifier: MIT
#include "core/json/diagnostic.h"

#include <algorithm>

QString Diagnostic::severityName(Severity s)
{
    switch (s) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Info:
        return QStringLiteral("note");
    }
    return {};
}

QString Diagnostic::toString() const
{
    QString out = file.isEmpty() ? QStringLiteral("<input>") : file;
    if (line > 0) {
        out += QLatin1Char(':') + QString::number(line);
        if (column > 0)
            out += QLatin1Char(':') + QString::number(column);
    }
    out += QLatin1String(": ") + severityName(severity) + QLatin1String(": ") + message;
    if (!pointer.isNull())
        out += QLatin1String(" (at ") + (pointer.isEmpty() ? QStringLiteral("/") : pointer) + QLatin1Char(')');
    return out;
}

Diagnostic Diagnostic::error(const QString& message, const QString& file, const QString& pointer, const QString& code)
{
    Diagnostic d;
    d.severity = Severity::Error;
    d.message = message;
    d.file = file;
    d.pointer = pointer;
    d.code = code;
    return d;
}

Diagnostic Diagnostic::warning(const QString& message, const QString& file, const QString& pointer, const QString& code)
{
    Diagnostic d = error(message, file, pointer, code);
    d.severity = Severity::Warning;
    return d;
}

bool hasErrors(const Diagnostics& diagnostics)
{
    return std::any_of(diagnostics.cbegin(), diagnostics.cend(),
        [](const Diagnostic& d) { return d.severity == Diagnostic::Severity::Error; });
}
