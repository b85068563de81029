// SPDX-License-Identifier: MIT
// Decides which files a definition may read (inside its project, or allowed by the user) and reads them.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// The project of a definition is the nearest ancestor of its folder that holds `.git` or `redocly.yaml`, else
// its own folder. `$ref` and `externalValue` may read regular files in it, or files and folders the user allowed;
// symlinks count where they lead. Files are read without ever blocking (a FIFO is never opened) and size-capped.
class ProjectFiles
{
public:
    enum class Status
    {
        Ok,
        Missing,
        NotRegular, // a device, FIFO, socket or folder: never read, even when allowed
        Outside, // outside the project and not allowed
        TooLarge,
        Unreadable,
    };

    struct Read
    {
        Status status = Status::Ok;
        QByteArray data;
        QString canonical; // where the path leads (symlinks resolved); the path itself when it does not exist
        qint64 size = 0; // bytes on disk (for TooLarge)
        QString error; // the system's words (for Unreadable)

        // " (it leads to /real/path)" when `path` is a link that resolves elsewhere, else empty: for messages.
        QString leadsToNote(const QString& path) const;
    };

    ProjectFiles() = default;
    // `definitionFile` is the absolute path of the root definition (":/..." for a resource: then only resources
    // are inside). `allowedPaths` are files or folders the user allowed, absolute or relative to the working folder.
    ProjectFiles(const QString& definitionFile, const QStringList& allowedPaths);

    static QString projectRoot(const QString& definitionFile);
    // The folder the definition is named in, with symlinks resolved: where the walk up to projectRoot starts.
    static QString definitionFolder(const QString& definitionFile);
    QString root() const
    {
        return m_root;
    }

    // Whether `canonicalPath` (see Read::canonical) is inside the project or allowed.
    bool permits(const QString& canonicalPath) const;

    // Checks and reads `path` for a reference: regular file, inside or allowed, at most `maxBytes`.
    Read read(const QString& path, qint64 maxBytes) const;

    // Reads a regular file without blocking, at most `maxBytes` (no project rule: for the root definition).
    static Read readRegularFile(const QString& path, qint64 maxBytes);

private:
    QString m_root; // canonical, no trailing slash (except "/"); empty = nothing on disk is inside
    bool m_resourceDefinition = false;
    QStringList m_allowedFiles; // canonical
    QStringList m_allowedFolders; // canonical
};
