// SPDX-License-Identifier: MIT
// The `mockServer` settings of redocly.yaml, and where they were found.
#pragma once

#include <QString>

#include "core/json/diagnostic.h"

struct MockConfig
{
    bool off = false;
    bool strictExamples = false; // false: request values are substituted into responses
    bool errorIfForcedExampleNotFound = true; // false: a missing forced example falls back to the normal one
    QString position = QStringLiteral("first");
    QString description = QStringLiteral("Mock Server");

    QString sourceFile; // the redocly.yaml used; empty when none was found (all defaults)
    QString apiName; // the `apis:` entry that applied, if any
};

struct MockConfigResult
{
    MockConfig config;
    Diagnostics diagnostics; // unknown keys and wrong types are warnings; unreadable file is an error
};

class MockConfigLoader
{
public:
    // Looks for redocly.yaml (or .redocly.yaml) next to the definition, then in each parent folder.
    static MockConfigResult discover(const QString& definitionPath);
    // Reads `configPath`; `definitionPath` selects the per-API block under `apis:` that points to it.
    static MockConfigResult load(const QString& configPath, const QString& definitionPath);
};
