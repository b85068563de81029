// SPDX-License-Identifier: MIT
#include "core/definition/projectfiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace {

bool isResource(const QString& path)
{
    return path.startsWith(QLatin1Char(':'));
}

bool isUnder(const QString& path, const QString& folder)
{
    if (folder.isEmpty())
        return false;
    if (folder == QLatin1String("/"))
        return path.startsWith(QLatin1Char('/'));
    return path == folder || (path.startsWith(folder) && path.at(folder.size()) == QLatin1Char('/'));
}

// The path with every symlink resolved, or the cleaned absolute path when it does not exist.
QString canonicalOf(const QString& path)
{
    if (isResource(path))
        return path;
    const QFileInfo info(path);
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? QDir::cleanPath(info.absoluteFilePath()) : canonical;
}

} // namespace

ProjectFiles::ProjectFiles(const QString& definitionFile, const QStringList& allowedPaths)
    : m_root(projectRoot(definitionFile))
    , m_resourceDefinition(isResource(definitionFile))
{
    for (const QString& allowed : allowedPaths) {
        if (allowed.isEmpty())
            continue;
        const QFileInfo info(allowed);
        const QString canonical = canonicalOf(allowed);
        if (info.isDir())
            m_allowedFolders.append(canonical);
        else
            m_allowedFiles.append(canonical);
    }
}

QString ProjectFiles::definitionFolder(const QString& definitionFile)
{
    // The folder the definition is named in (its relative refs resolve there), with symlinks resolved.
    const QString folder = QFileInfo(definitionFile).absolutePath();
    const QString canonical = QFileInfo(folder).canonicalFilePath();
    return canonical.isEmpty() ? QDir::cleanPath(folder) : canonical;
}

QString ProjectFiles::projectRoot(const QString& definitionFile)
{
    if (definitionFile.isEmpty() || isResource(definitionFile))
        return QString();
    const QString start = definitionFolder(definitionFile);
    QDir dir(start);
    for (;;) {
        if (QFileInfo::exists(dir.filePath(QStringLiteral(".git")))
            || QFileInfo::exists(dir.filePath(QStringLiteral("redocly.yaml"))))
            return dir.path();
        if (dir.isRoot() || !dir.cdUp())
            break;
    }
    return start;
}

bool ProjectFiles::permits(const QString& canonicalPath) const
{
    if (isResource(canonicalPath))
        return m_resourceDefinition;
    if (isUnder(canonicalPath, m_root))
        return true;
    for (const QString& file : m_allowedFiles)
        if (canonicalPath == file)
            return true;
    for (const QString& folder : m_allowedFolders)
        if (isUnder(canonicalPath, folder))
            return true;
    return false;
}

ProjectFiles::Read ProjectFiles::read(const QString& path, qint64 maxBytes) const
{
    Read result;
    result.canonical = canonicalOf(path);
    if (!isResource(path)) {
        // stat() first, never open(): opening a FIFO blocks and opening a device may have effects.
        const QFileInfo info(result.canonical);
        if (!info.exists()) {
            result.status = Status::Missing;
            return result;
        }
        if (!info.isFile()) {
            result.status = Status::NotRegular;
            return result;
        }
    }
    if (!permits(result.canonical)) {
        result.status = Status::Outside;
        return result;
    }
    Read read = readRegularFile(result.canonical, maxBytes);
    read.canonical = result.canonical;
    return read;
}

ProjectFiles::Read ProjectFiles::readRegularFile(const QString& path, qint64 maxBytes)
{
    Read result;
    result.canonical = path;
    if (isResource(path)) {
        QFile f(path);
        if (!f.exists()) {
            result.status = Status::Missing;
        } else if (f.size() > maxBytes) {
            result.status = Status::TooLarge;
            result.size = f.size();
        } else if (!f.open(QIODevice::ReadOnly)) {
            result.status = Status::Unreadable;
            result.error = f.errorString();
        } else {
            result.data = f.readAll();
        }
        return result;
    }
    const QFileInfo info(path);
    if (!info.exists()) {
        result.status = Status::Missing;
        return result;
    }
    if (!info.isFile()) {
        result.status = Status::NotRegular;
        return result;
    }
    if (info.size() > maxBytes) {
        result.status = Status::TooLarge;
        result.size = info.size();
        return result;
    }
    QFile f;
#ifdef Q_OS_UNIX
    // Between the stat() above and the open() the file may have been swapped for a FIFO: open without blocking
    // and look again at what was opened.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        result.status = errno == ENOENT ? Status::Missing : Status::Unreadable;
        result.error = QString::fromLocal8Bit(std::strerror(errno));
        return result;
    }
    struct stat st;
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        result.status = Status::NotRegular;
        return result;
    }
    if (!f.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        result.status = Status::Unreadable;
        result.error = f.errorString();
        return result;
    }
#else
    f.setFileName(path);
    if (!f.open(QIODevice::ReadOnly)) {
        result.status = Status::Unreadable;
        result.error = f.errorString();
        return result;
    }
#endif
    // The file may grow after the size check: never read more than the cap (and never allocate it up front).
    result.data.reserve(static_cast<qsizetype>(info.size()));
    for (;;) {
        const qint64 want = qMin<qint64>(qint64(1) << 20, maxBytes + 1 - result.data.size());
        if (want <= 0)
            break;
        const QByteArray chunk = f.read(want);
        if (chunk.isEmpty())
            break;
        result.data += chunk;
    }
    if (f.error() != QFileDevice::NoError) {
        result.status = Status::Unreadable;
        result.error = f.errorString();
        result.data.clear();
    } else if (result.data.size() > maxBytes) {
        result.status = Status::TooLarge;
        result.size = result.data.size();
        result.data.clear();
    }
    return result;
}

QString ProjectFiles::Read::leadsToNote(const QString& path) const
{
    return canonical == path ? QString() : QStringLiteral(" (it leads to %1)").arg(QDir::toNativeSeparators(canonical));
}
