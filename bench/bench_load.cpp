// SPDX-License-Identifier: MIT
// Loads definition files and prints load time (best of 3), operation and diagnostic counts and peak RSS;
// for YAML files also the YAML reading alone, whole and split over 1, 2 and all cores (YamlSplitter).
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

#include "core/definition/definitionloader.h"
#include "core/definition/yamlreader.h"

namespace {

QString peakRss()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray& line : lines)
        if (line.startsWith("VmHWM:"))
            return QString::fromLatin1(line.mid(6).trimmed());
    return QStringLiteral("?");
}

// Best of 3 of YamlReader::read with `limits`, in ms.
double yamlReadMs(const QByteArray& data, const QString& file, const YamlReader::Limits& limits)
{
    qint64 best = -1;
    for (int run = 0; run < 3; ++run) {
        QElapsedTimer timer;
        timer.start();
        const YamlReadResult r = YamlReader::read(data, file, limits);
        const qint64 ns = timer.nsecsElapsed();
        if (!r.ok)
            return -1;
        if (best < 0 || ns < best)
            best = ns;
    }
    return best / 1e6;
}

void printYamlReading(QTextStream& out, const QString& file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return;
    const QByteArray data = f.readAll();
    YamlReader::Limits whole;
    whole.splitAboveBytes = 0;
    out << "  YAML reading: whole " << QString::number(yamlReadMs(data, file, whole), 'f', 1) << " ms";
    for (int threads : { 1, 2, 0 }) {
        YamlReader::Limits split;
        split.splitAboveBytes = 1;
        split.threads = threads;
        out << ", split on " << (threads ? QString::number(threads) : QStringLiteral("all cores")) << " "
            << QString::number(yamlReadMs(data, file, split), 'f', 1) << " ms";
    }
    out << "\n";
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList files = app.arguments().mid(1);
    if (files.isEmpty()) {
        out << "usage: bench_load FILE...\n";
        return 2;
    }
    const DefinitionLoader loader;
    for (const QString& file : files) {
        qint64 best = -1;
        LoadResult result;
        for (int run = 0; run < 3; ++run) {
            QElapsedTimer timer;
            timer.start();
            result = loader.loadFile(file);
            const qint64 ns = timer.nsecsElapsed();
            if (best < 0 || ns < best)
                best = ns;
        }
        int errors = 0;
        int warnings = 0;
        for (const Diagnostic& d : std::as_const(result.diagnostics)) {
            if (d.severity == Diagnostic::Severity::Error)
                ++errors;
            else if (d.severity == Diagnostic::Severity::Warning)
                ++warnings;
        }
        out << file << ": " << QString::number(best / 1e6, 'f', 1) << " ms (best of 3), "
            << (result.definition ? result.definition->operations.size() : 0) << " operations, " << errors
            << " errors, " << warnings << " warnings, peak RSS " << peakRss() << "\n";
        for (int i = 0; i < result.diagnostics.size() && i < 5; ++i)
            out << "  " << result.diagnostics.at(i).toString() << "\n";
        if (file.endsWith(QLatin1String(".yaml")) || file.endsWith(QLatin1String(".yml")))
            printYamlReading(out, file);
        out.flush();
    }
    return 0;
}
