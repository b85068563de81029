// SPDX-License-Identifier: MIT
// Small helpers shared by the tests: paths to test data and the shared material, running child processes.
#pragma once

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace TestUtils {

// True in the ASan + UBSan build (scripts/sanitize-build.sh), where code runs several times slower: wall-clock
// bounds in tests are multiplied by timeScale() there, and a wall-clock budget of the product may run out.
constexpr bool sanitized()
{
#if defined(__SANITIZE_ADDRESS__)
    return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
    return true;
#else
    return false;
#endif
#else
    return false;
#endif
}

constexpr int timeScale()
{
    return sanitized() ? 5 : 1;
}

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

// What a finished child process left behind.
struct ProcessRun
{
    int exitCode = -1; // -1: did not start or timed out; -2: crashed
    QString out;
    QString err;
};

// Runs `program` on a `process` the caller has already set up (environment, working directory) and waits for
// it; a run that outlives `timeoutMs` is killed and reported with exit code -1.
inline ProcessRun runProcess(QProcess& process, const QString& program, const QStringList& arguments, int timeoutMs)
{
    process.start(program, arguments);
    ProcessRun run;
    if (!process.waitForStarted(5000))
        return run;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace TestUtils
