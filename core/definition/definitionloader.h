// SPDX-License-Identifier: MIT
// Reads a definition file (YAML or JSON, with external $refs) into a Definition plus diagnostics.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include "core/definition/definition.h"
#include "core/json/diagnostic.h"

struct LoadOptions
{
    int maxDepth = 256; // nesting depth of any document
    qint64 maxNodes = 5'000'000; // total nodes produced across all files (alias expansion included)
    qint64 maxFileBytes = 256ll << 20; // refuse files larger than this
    qint64 maxReferencedFileBytes = 64ll << 20; // and files read for `$ref` or `externalValue` larger than this
    int maxFiles = 500; // external files per definition
    // Files and folders outside the definition's project that `$ref` and `externalValue` may still read
    // (--allow-file); see ProjectFiles. Anything else outside is a "ref-outside-project" error.
    QStringList allowedPaths;
    // OpenAPI Overlay files (--overlay, File > Apply overlay) applied in order to the document before its operations
    // are read. The user named them, so they may lie outside the project; they are watched like the definition.
    QStringList overlays;
};

struct LoadResult
{
    DefinitionPtr definition; // null when loading failed (see diagnostics)
    Diagnostics diagnostics; // errors and warnings, with file/line/column/pointer filled where known
    bool ok() const
    {
        return definition != nullptr && !hasErrors(diagnostics);
    }
};

class DefinitionLoader
{
public:
    explicit DefinitionLoader(LoadOptions options = {});

    // Thread-safe: may run on any thread (the GUI loads in QtConcurrent).
    LoadResult loadFile(const QString& path) const;
    // `path` names the document for diagnostics and is the base for relative $refs.
    LoadResult loadData(const QByteArray& data, const QString& path) const;

    // The bundled example definition (a Qt resource).
    static QString bundledExamplePath();

private:
    LoadOptions m_options;
};
