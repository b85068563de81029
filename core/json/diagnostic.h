// SPDX-License-Identifier: MIT
// A problem found while loading a definition or configuration: a value, never an exception.
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

struct Diagnostic
{
    enum class Severity
    {
        Error,
        Warning,
        Info
    };

    Severity severity = Severity::Error;
    QString message;
    QString file; // absolute path, or ":/..." for bundled resources
    int line = 0; // 1-based; 0 when unknown
    int column = 0; // 1-based; 0 when unknown
    QString pointer; // JSON pointer inside `file` ("" = document root)
    QString code; // short machine-readable kind, e.g. "yaml-syntax", "ref-missing"
    // What the problem is about when it is not the location: for "ref-outside-project" the absolute path of the
    // referenced file (symlinks resolved), which the user may allow (LoadOptions::allowedPaths, --allow-file).
    QString target;

    // "file:line:col: error: message (at /json/pointer)"
    QString toString() const;
    static QString severityName(Severity s);

    static Diagnostic error(
        const QString& message, const QString& file = {}, const QString& pointer = {}, const QString& code = {});
    static Diagnostic warning(
        const QString& message, const QString& file = {}, const QString& pointer = {}, const QString& code = {});
};

using Diagnostics = QList<Diagnostic>;

bool hasErrors(const Diagnostics& diagnostics);

Q_DECLARE_METATYPE(Diagnostic)
