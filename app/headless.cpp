// SPDX-License-Identifier: MIT
#include "app/headless.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <sys/socket.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QSocketNotifier>
#include <QTextStream>
#include <QTimer>

#include "core/definition/definitionloader.h"
#include "core/engine/boundedwriter.h"
#include "core/engine/mockservice.h"
#include "core/engine/mocksession.h"
#include "core/engine/tlsidentity.h"
#include "core/generation/generationcontrol.h"
#include "core/proxy/driftreport.h"
#include "core/proxy/responserecorder.h"
#include "core/scenarios/scenarioloader.h"
#include "core/state/statefile.h"
#include "core/state/statestore.h"

namespace {

int g_signalPipe[2] = { -1, -1 };

void onSignal(int)
{
    const char byte = 1;
    // Only async-signal-safe work here: wake the event loop through the pipe.
    [[maybe_unused]] const ssize_t written = ::write(g_signalPipe[1], &byte, 1);
}

void installSignalHandlers(QObject* context)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return;
    auto* notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, context);
    QObject::connect(notifier, &QSocketNotifier::activated, context, [notifier] {
        notifier->setEnabled(false);
        char byte;
        [[maybe_unused]] const ssize_t got = ::read(g_signalPipe[0], &byte, 1);
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream& err()
{
    static QTextStream stream(stderr);
    return stream;
}

void printDiagnostics(QTextStream& stream, const Diagnostics& diagnostics)
{
    for (const Diagnostic& d : diagnostics)
        stream << d.toString() << Qt::endl;
}

QString formatDuration(qint64 us)
{
    if (us < 1000)
        return QStringLiteral("%1 µs").arg(us);
    return QStringLiteral("%1 ms").arg(double(us) / 1000.0, 0, 'f', 1);
}

QString requestLine(const RequestLogEntry& e)
{
    QString target = e.path;
    if (!e.query.isEmpty())
        target += QLatin1Char('?') + QString::fromUtf8(e.query);
    QString line =
        QStringLiteral("%1 %2 %3 %4 %5")
            .arg(QString::fromLatin1(e.method), target)
            .arg(e.status)
            .arg(formatDuration(e.durationUs), e.operationId.isEmpty() ? QStringLiteral("-") : e.operationId);
    if (e.forced)
        line += QStringLiteral(" [forced]");
    // Scenarios: which rule fired, and whether the answer was delayed or faulted.
    if (!e.scenarioRule.isEmpty())
        line += QStringLiteral(" [rule %1]").arg(e.scenarioRule);
    if (e.delayMs > 0)
        line += QStringLiteral(" [delay %1 ms]").arg(e.delayMs);
    if (!e.fault.isEmpty())
        line += QStringLiteral(" [fault %1]").arg(e.fault);
    // Proxy mode: who answered, and where the upstream's answer breaks the definition.
    if (!e.answeredBy.isEmpty())
        line += QStringLiteral(" [%1]").arg(e.answeredBy);
    if (!e.drift.isEmpty()) {
        const ProblemError& first = e.drift.first();
        line += QStringLiteral(" [drift %1] %2: %3").arg(e.drift.size()).arg(first.location, first.message);
    }
    if (e.status >= 400 && e.status < 500) {
        // A short reason for client errors: the first violation, or the last trace sentence.
        QString reason;
        if (!e.validationErrors.isEmpty()) {
            const ProblemError& first = e.validationErrors.first();
            reason = first.location + QLatin1String(": ") + first.message;
            if (e.validationErrors.size() > 1)
                reason += QStringLiteral(" (+%1 more)").arg(e.validationErrors.size() - 1);
        } else if (!e.trace.isEmpty()) {
            reason = e.trace.last();
        }
        if (!reason.isEmpty())
            line += QStringLiteral(" — ") + reason;
    }
    return line;
}

// "  ↪ callback onEvent POST http://127.0.0.1:9000/hook → 200 (3.1 ms)"
QString callbackLine(const RequestLogEntry& e)
{
    QString outcome;
    if (e.callbackRefused)
        outcome = QStringLiteral("refused: ") + e.callbackError;
    else if (e.status >= 200 && e.status < 300)
        outcome = QStringLiteral("%1 (%2)").arg(e.status).arg(formatDuration(e.durationUs));
    else if (e.status > 0)
        outcome = QStringLiteral("%1 (%2, not a 2xx)").arg(e.status).arg(formatDuration(e.durationUs));
    else
        outcome = QStringLiteral("failed: %1 (%2)").arg(e.callbackError, formatDuration(e.durationUs));
    return QStringLiteral("  ↪ callback %1 %2 %3 → %4")
        .arg(e.callbackName, QString::fromLatin1(e.method), e.target, outcome);
}

} // namespace

namespace Headless {

int check(
    const QString& file, const QStringList& allowedFiles, const QString& scenarioFile, const QStringList& overlays)
{
    const QFileInfo info(file);
    if (!info.exists() || !info.isFile() || !info.isReadable()) {
        err() << QStringLiteral("%1: error: cannot read the file").arg(file) << Qt::endl;
        return 2;
    }
    LoadOptions loadOptions;
    loadOptions.allowedPaths = allowedFiles;
    loadOptions.overlays = overlays;
    LoadResult result = DefinitionLoader(loadOptions).loadFile(file);
    const ScenarioResult scenarios = ScenarioLoader::loadFor(file, scenarioFile, result.definition.get());
    result.diagnostics += scenarios.diagnostics;
    printDiagnostics(out(), result.diagnostics);
    int errors = 0, warnings = 0;
    for (const Diagnostic& d : result.diagnostics) {
        if (d.severity == Diagnostic::Severity::Error)
            ++errors;
        else if (d.severity == Diagnostic::Severity::Warning)
            ++warnings;
    }
    if (result.definition) {
        out() << QStringLiteral("%1: %2 %3 (OpenAPI %4), %5 operations, %6 errors, %7 warnings")
                     .arg(file, result.definition->title, result.definition->version, result.definition->specVersion)
                     .arg(result.definition->operations.size())
                     .arg(errors)
                     .arg(warnings)
              << Qt::endl;
    }
    for (const Diagnostic& d : result.diagnostics)
        if (d.code == QLatin1String("file-unreadable"))
            return 2;
    return errors > 0 || !result.definition ? 1 : 0;
}

int run(const CommandLineOptions& options)
{
    const QString path = options.definition.isEmpty() ? DefinitionLoader::bundledExamplePath() : options.definition;
    MockSession session;
    LoadOptions loadOptions;
    loadOptions.allowedPaths = options.allowedFiles;
    loadOptions.overlays = options.overlays;
    session.setLoadOptions(loadOptions);
    session.setConfigFile(options.configFile);
    session.setScenarioFile(options.scenarioFile);
    session.service()->scenarios()->setSeed(options.seed);
    NetworkProfile network = NetworkProfile::Off;
    ScenarioStore::parseNetwork(options.network, &network);
    session.service()->scenarios()->setNetwork(network);
    session.setWatchEnabled(options.watch);
    session.setStateful(options.stateful);
    session.state()->setSeedCount(options.seedItems);
    if (!options.stateFile.isEmpty()) {
        const QString error = session.setStateFile(options.stateFile);
        if (!error.isEmpty()) {
            err() << QStringLiteral("understudy: %1").arg(error) << Qt::endl;
            return 2;
        }
    }
    // A (re)loaded definition keeps the collections that still exist; say what went.
    QObject::connect(
        session.state().get(), &StateStore::adopted, &session, [](const QStringList&, const QStringList& dropped) {
            if (!dropped.isEmpty())
                err() << QStringLiteral("State: dropped %1 (not in the definition any more)")
                             .arg(dropped.join(QStringLiteral(", ")))
                      << Qt::endl;
        });
    session.generationControl()->setSeed(options.seed.value_or(0));
    session.generationControl()->setDynamic(options.dynamic);
    session.generationControl()->setBudget(options.generationLimit);

    // The first load, before anything is served.
    SessionLoad first;
    {
        QEventLoop waiting;
        const auto done = [&first, &waiting](const SessionLoad& load) {
            first = load;
            waiting.quit();
        };
        const auto loaded = QObject::connect(&session, &MockSession::definitionLoaded, &waiting, done);
        const auto failed = QObject::connect(&session, &MockSession::loadFailed, &waiting, done);
        session.open(path);
        waiting.exec();
        QObject::disconnect(loaded);
        QObject::disconnect(failed);
    }
    printDiagnostics(err(), first.definitionDiagnostics);
    if (!first.definition) {
        err() << QStringLiteral("understudy: cannot serve %1: the definition did not load").arg(path) << Qt::endl;
        return 1;
    }
    printDiagnostics(err(), first.configDiagnostics);
    if (!options.configFile.isEmpty() && hasErrors(first.configDiagnostics))
        return 2;
    if (!first.config.sourceFile.isEmpty())
        out() << QStringLiteral("Using mock configuration from %1").arg(first.config.sourceFile) << Qt::endl;
    printDiagnostics(err(), first.scenarios.diagnostics);
    if (first.scenarios.scenarios)
        out() << QStringLiteral("Using scenarios from %1").arg(first.scenarios.sourceFile) << Qt::endl;

    session.service()->setLimits(options.limits);
    session.service()->setThreads(options.threads);
    session.service()->setProxy(options.proxy);
    if (!options.recordFile.isEmpty()) {
        const QString error = session.setRecordFile(options.recordFile);
        if (!error.isEmpty()) {
            err() << QStringLiteral("understudy: %1").arg(error) << Qt::endl;
            return 2;
        }
    }
    if (options.tls) {
        const TlsIdentityResult tls = options.certFile.isEmpty()
            ? TlsIdentityStore::selfSigned()
            : TlsIdentityStore::load(options.certFile, options.keyFile);
        if (!tls.ok()) {
            err() << QStringLiteral("understudy: HTTPS: %1").arg(tls.error) << Qt::endl;
            return 2;
        }
        session.service()->setTls(tls.identity, options.tlsPort);
    }
    const StartResult started = session.start(options.host, options.port);
    if (!started) {
        err() << QStringLiteral("understudy: %1").arg(started.message) << Qt::endl;
        return started.error == StartError::ConfigOff ? 3 : 1;
    }
    const bool verbose = options.verbose;
    // Request lines go through a writer that never blocks: when stdout is not read (a full pipe), lines beyond a
    // few MiB are dropped and counted instead of piling up, and the mock keeps serving. Lines are flushed as they
    // come and retried a few times a second, so a terminal sees each request at once.
    out().flush();
    BoundedWriter log(STDOUT_FILENO);
    QObject logContext; // declared after `log`, so its connections end before `log` does
    QTimer flushTimer;
    flushTimer.setInterval(100);
    QObject::connect(&flushTimer, &QTimer::timeout, &logContext, [&log] { log.flush(); });
    flushTimer.start();
    qint64 served = 0;
    DriftReport report;
    QObject::connect(&session, &MockSession::requestHandled, &logContext,
        [verbose, quiet = options.quiet, &log, &served, &report](const RequestLogEntry& e) {
            if (e.isCallback()) {
                if (quiet)
                    return;
                log.writeLine(callbackLine(e).toUtf8());
                if (verbose)
                    for (const QString& sentence : e.trace)
                        log.writeLine(QByteArrayLiteral("      ") + sentence.toUtf8());
                return;
            }
            ++served;
            if (!e.answeredBy.isEmpty()) {
                const QString key = e.operationId.isEmpty()
                    ? QString::fromLatin1(e.method) + QLatin1Char(' ') + e.path
                    : QString::fromLatin1(e.method == "HEAD" ? "GET" : e.method) + QLatin1Char(' ') + e.operationPath;
                report.add(key, e.operationId, e.answeredBy, e.drift);
            }
            if (quiet)
                return;
            log.writeLine(requestLine(e).toUtf8());
            if (verbose)
                for (const QString& sentence : e.trace)
                    log.writeLine(QByteArrayLiteral("    ") + sentence.toUtf8());
        });
    // Live reload: same host and port, the new definition swapped in between two requests.
    QObject::connect(&session, &MockSession::definitionLoaded, &logContext, [&log](const SessionLoad& load) {
        printDiagnostics(err(), load.definitionDiagnostics);
        printDiagnostics(err(), load.scenarios.diagnostics);
        log.writeLine(QStringLiteral("Reloaded %1: %2 operations")
                          .arg(load.definition->title)
                          .arg(load.definition->operations.size())
                          .toUtf8());
    });
    QObject::connect(&session, &MockSession::loadFailed, &logContext, [&log](const SessionLoad& load) {
        int errors = 0;
        for (const Diagnostic& d : load.definitionDiagnostics)
            errors += d.severity == Diagnostic::Severity::Error ? 1 : 0;
        log.writeLine(QStringLiteral("Reload failed with %1 error(s); still serving the previous definition")
                          .arg(errors)
                          .toUtf8());
        printDiagnostics(err(), load.definitionDiagnostics);
    });
    QObject::connect(session.state().get(), &StateStore::stateReset, &logContext,
        [&log] { log.writeLine(QByteArrayLiteral("State reset to the seed")); });
    installSignalHandlers(&session);
    const int threads = session.service()->servingThreads();
    log.writeLine(
        QStringLiteral("Mock server for %1 listening on %2 (%3)")
            .arg(first.definition->title, session.url().toString(),
                threads == 1 ? QStringLiteral("1 serving thread") : QStringLiteral("%1 serving threads").arg(threads))
            .toUtf8());
    if (const QUrl https = session.service()->httpsUrl(); !https.isEmpty()) {
        const TlsIdentity& tls = session.service()->tlsIdentity();
        log.writeLine(QStringLiteral("HTTPS on %1, certificate %2%3")
                          .arg(https.toString(), tls.certificateFile,
                              tls.generated ? QStringLiteral(" (made just now)") : QString())
                          .toUtf8());
        log.writeLine(QStringLiteral("Certificate SHA-256 fingerprint: %1").arg(tls.fingerprint()).toUtf8());
    }
    if (options.stateful) {
        QStringList names;
        if (const auto model = session.state()->model())
            for (const Resource& r : model->resources())
                names.append(r.name);
        log.writeLine(
            QStringLiteral("Stateful: %1 collection(s)%2%3")
                .arg(names.size())
                .arg(names.isEmpty() ? QString() : QStringLiteral(": ") + names.join(QStringLiteral(", ")))
                .arg(options.stateFile.isEmpty() ? QString() : QStringLiteral(", kept in ") + options.stateFile)
                .toUtf8());
    }
    if (options.proxy.active())
        log.writeLine(
            QStringLiteral("Proxy: forwarding to %1 (%2, timeout %3 ms%4)")
                .arg(options.proxy.upstream.toString(QUrl::RemoveUserInfo),
                    options.proxy.fallback() ? QStringLiteral("mock fallback") : QStringLiteral("no fallback"))
                .arg(options.proxy.timeoutMs)
                .arg(options.proxy.rejectInvalid ? QStringLiteral(", invalid requests rejected") : QString())
                .toUtf8());
    if (session.recorder())
        log.writeLine(QStringLiteral("Recording: new upstream answers become examples in %1")
                          .arg(session.recorder()->file())
                          .toUtf8());
    for (const QString& overlay : first.definition->overlays)
        log.writeLine(QStringLiteral("Overlay applied: %1").arg(overlay).toUtf8());
    int code = QCoreApplication::exec();
    session.stop();
    if (options.proxy.active()) {
        for (const QString& line : report.summary())
            log.writeLine(line.toUtf8());
        if (!options.proxyReport.isEmpty()) {
            const QString error = report.writeTo(options.proxyReport);
            if (!error.isEmpty()) {
                err() << QStringLiteral("understudy: cannot write the proxy report %1: %2")
                             .arg(options.proxyReport, error)
                      << Qt::endl;
                code = code == 0 ? 1 : code;
            }
        }
    }
    if (const auto recorder = session.recorder()) {
        if (recorder->flush())
            log.writeLine(QStringLiteral("Recorded %1 new example(s) in %2")
                              .arg(recorder->recordedCount())
                              .arg(recorder->file())
                              .toUtf8());
        else
            err() << QStringLiteral("understudy: cannot write the record file %1: %2")
                         .arg(recorder->file(), recorder->error())
                  << Qt::endl;
    }
    if (session.stateFile() && !session.stateFile()->flush())
        err() << QStringLiteral("understudy: cannot write the state file: %1").arg(session.stateFile()->error())
              << Qt::endl;
    log.writeLine(QStringLiteral("Mock server stopped after %1 request(s)").arg(served).toUtf8());
    log.flush(true);
    // An answer still being generated cannot be interrupted: end at once instead of waiting for it.
    if (MockService::answersInFlight() > 0) {
        err().flush();
        std::fflush(nullptr);
        std::_Exit(code);
    }
    return code;
}

} // namespace Headless
