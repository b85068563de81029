// SPDX-License-Identifier: MIT
// Reads understudy.yaml into a ScenarioSet checked against a definition; every bad entry is a diagnostic.
#pragma once

#include "core/definition/definition.h"
#include "core/json/diagnostic.h"
#include "core/scenarios/scenario.h"

// An operation's `forced:` entry: the window's forcing panel, kept in the file (status 0 / empty = automatic).
struct ScenarioForced
{
    int status = 0;
    QString example;
};

struct ScenarioResult
{
    ScenarioSetPtr scenarios; // null when there is no file or it could not be read; may be empty
    Diagnostics diagnostics; // bad entries are dropped with an error, unknown keys are warnings
    QString sourceFile; // the file read (absolute); empty when none
    QHash<QString, ScenarioForced> forced; // by operationId: `operations/<key>/forced`
};

class ScenarioLoader
{
public:
    // `{ status: 404, example: Name }` for an operation's `forced:` entry; empty when nothing is forced.
    static QString forcedText(const ScenarioForced& forced);

    static QString fileName()
    {
        return QStringLiteral("understudy.yaml");
    }
    // understudy.yaml next to the definition, else in a parent folder up to the project root (the nearest folder
    // holding .git or redocly.yaml); empty when there is none or the definition is a resource.
    static QString discover(const QString& definitionPath);
    // Where a new scenario file for `definitionPath` goes by default: understudy.yaml next to it.
    static QString defaultPath(const QString& definitionPath);
    // `explicitPath` (--scenarios) when given, else the discovered file; no file is not an error.
    static ScenarioResult loadFor(
        const QString& definitionPath, const QString& explicitPath, const Definition* definition);
    static ScenarioResult load(const QString& path, const Definition* definition);
    static ScenarioResult parse(const QByteArray& text, const QString& file, const Definition* definition);

    // Finds the operation a scenario key names: "*" is not one; an operationId, or "METHOD /path/template".
    static const Operation* findOperation(const Definition& definition, const QString& key);
};
