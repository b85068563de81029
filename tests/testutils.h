// SPDX-License-Identifier: MIT
// Small helpers shared by the tests: paths to test data and the shared material.
#pragma once

#include <QDir>
#include <QFile>
#include <QString>

namespace TestUtils {

inline QString dataPath(const QString& relative)
{
    return QStringLiteral(UNDERSTUDY_TEST_DATA "/") + relative;
}

inline QString sharedPath(const QString& relative)
{
    return QDir::cleanPath(QStringLiteral(UNDERSTUDY_SHARED_DIR "/") + relative);
}

inline QByteArray readFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

} // namespace TestUtils
