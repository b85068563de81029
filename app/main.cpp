// SPDX-License-Identifier: MIT
// Entry point: picks the window, --headless or --check, and wires them to core/ and ui/.
#include <cstdio>
#include <cstring>
#include <memory>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include "app/headless.h"
#include "app/singleinstance.h"
#include "core/callbacks/callbackallowlist.h"
#include "core/definition/definitionloader.h"
#include "core/engine/mockservice.h"
#include "core/engine/mocksession.h"
#include "core/generation/generationcontrol.h"
#include "core/scenarios/scenariostore.h"
#include "core/state/statestore.h"

#ifdef UNDERSTUDY_WITH_GUI
#if __has_include("ui/widgets/mainwindow.h")
#define UNDERSTUDY_HAS_WINDOW 1
#include <QApplication>

#include "ui/translation.h"
#include "ui/widgets/mainwindow.h"
#include "ui/widgets/serverbar.h"
#endif
#endif

namespace {

bool hasFlag(int argc, char** argv, const char* flag)
{
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], flag) == 0)
            return true;
    return false;
}

bool displayAvailable()
{
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY")
        || qEnvironmentVariableIsSet("QT_QPA_PLATFORM");
}

void setupParser(QCommandLineParser& parser)
{
    parser.setApplicationDescription(QStringLiteral(
        "Understudy: a desktop OpenAPI mock server.\n"
        "Opens DEFINITION (OpenAPI 3.0/3.1 or Swagger 2.0, YAML or JSON) in a window and serves it as a mock;\n"
        "without DEFINITION it uses the bundled Bookshelf example."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        { QStringLiteral("headless"), QStringLiteral("Run the mock without a window; one log line per request.") },
        { QStringLiteral("check"),
            QStringLiteral("Print the diagnostics of DEFINITION and exit (0 valid, 1 errors, 2 unreadable).") },
        { QStringLiteral("host"), QStringLiteral("Address to listen on (default 127.0.0.1)."), QStringLiteral("H") },
        { QStringLiteral("port"), QStringLiteral("Port to listen on (default 4010; 0 = any free port)."),
            QStringLiteral("N") },
        { QStringLiteral("config"), QStringLiteral("redocly.yaml to read the mockServer settings from."),
            QStringLiteral("FILE") },
        { QStringLiteral("verbose"), QStringLiteral("Headless: print the decision trace of every request.") },
        { QStringLiteral("quiet"),
            QStringLiteral("Headless: no line per request (start, reloads, errors and the count at the end stay).") },
        { QStringLiteral("no-autostart"), QStringLiteral("Window: open the definition without starting the mock.") },
        { QStringLiteral("no-watch"), QStringLiteral("Do not reload when the definition or its files change.") },
        { QStringLiteral("allow-file"),
            QStringLiteral("Let $ref and externalValue read PATH (a file or folder) outside the definition's project "
                           "(the nearest folder up with .git or redocly.yaml). Repeatable."),
            QStringLiteral("PATH") },
        { QStringLiteral("max-body"),
            QStringLiteral("Headless: largest request body (default 16MiB); larger ones get 413."),
            QStringLiteral("SIZE") },
        { QStringLiteral("timeouts"),
            QStringLiteral("Headless: connection timeouts (default header=10s,body=30s,idle=60s)."),
            QStringLiteral("LIST") },
        { QStringLiteral("max-connections"),
            QStringLiteral("Headless: open connections at most (default 1024); more get 503."), QStringLiteral("N") },
        { QStringLiteral("threads"),
            QStringLiteral("Serving threads (default: one per core, at most 8), all on the same port; the window "
                           "also has it under Settings > Limits."),
            QStringLiteral("N") },
        { QStringLiteral("stateful"),
            QStringLiteral("Remember what clients create: collections inferred from the paths answer POST, GET, PUT, "
                           "PATCH and DELETE from memory.") },
        { QStringLiteral("seed-items"),
            QStringLiteral("Stateful: generated items per collection without examples (default 3)."),
            QStringLiteral("N") },
        { QStringLiteral("state-file"),
            QStringLiteral("Stateful: keep the state in FILE across restarts (written at most every second)."),
            QStringLiteral("FILE") },
        { QStringLiteral("scenarios"),
            QStringLiteral("Scenario file with per-request rules, latency and faults (default: understudy.yaml next to "
                           "DEFINITION or above it)."),
            QStringLiteral("FILE") },
        { QStringLiteral("seed"),
            QStringLiteral("Random seed for generated data and scenario fault rates and delays (reproducible runs)."),
            QStringLiteral("N") },
        { QStringLiteral("network"),
            QStringLiteral("Headless: a network profile on top of the scenarios: off, slow-3g or flaky."),
            QStringLiteral("PROFILE") },
        { QStringLiteral("dynamic"),
            QStringLiteral("Draw fresh generated values for every request (per request: 'Prefer: dynamic=true').") },
        { QStringLiteral("generation-limit"),
            QStringLiteral("Longest time and largest size of one generated body (default time=100ms,size=8MiB; 'off' "
                           "lifts one); past them the answer is a 500 problem saying so."),
            QStringLiteral("LIST") },
        { QStringLiteral("allowed-host"),
            QStringLiteral("Headless: also answer requests whose Host is NAME (repeatable; '*' = any host). Others "
                           "than loopback and the bound address get 421."),
            QStringLiteral("NAME") },
        { QStringLiteral("callback-allow"),
            QStringLiteral("Headless: callbacks may also call HOST (host or host:port, repeatable; '*' = any host). "
                           "Loopback is always allowed; other hosts are logged as refused."),
            QStringLiteral("HOST") },
        { QStringLiteral("proxy"),
            QStringLiteral("Forward every request to URL (http or https) and check its answers against the "
                           "definition (the window starts with its proxy bar set so)."),
            QStringLiteral("URL") },
        { QStringLiteral("proxy-fallback"),
            QStringLiteral("Proxy: the mock answers what the upstream has not built (501, 404 for a defined route, "
                           "unreachable).") },
        { QStringLiteral("proxy-timeout"),
            QStringLiteral("Proxy: time an upstream answer may take (default 10s; e.g. 2500ms)."),
            QStringLiteral("TIME") },
        { QStringLiteral("proxy-reject-invalid"),
            QStringLiteral("Proxy: answer requests that break the definition with the usual 4xx, not forwarded.") },
        { QStringLiteral("proxy-report"),
            QStringLiteral("Proxy: on exit, write the per-operation drift report to FILE as JSON."),
            QStringLiteral("FILE") },
        { QStringLiteral("record"),
            QStringLiteral("Proxy: keep each distinct upstream answer as a named example in FILE, an OpenAPI "
                           "Overlay (read first when it exists; the definition is never changed)."),
            QStringLiteral("FILE") },
        { QStringLiteral("overlay"),
            QStringLiteral("Apply the OpenAPI Overlay FILE to the definition before serving it (e.g. recorded "
                           "examples). Repeatable, applied in order."),
            QStringLiteral("FILE") },
        { QStringLiteral("tls"),
            QStringLiteral("Headless: serve HTTPS instead of HTTP on --port, with --cert/--key or a self-signed "
                           "certificate for localhost made on first use. The window turns its HTTPS switch on (HTTP "
                           "stays, HTTPS on --tls-port or the next free port).") },
        { QStringLiteral("tls-port"),
            QStringLiteral("Headless: serve HTTPS on N as well, HTTP staying on --port (0 = any free port)."),
            QStringLiteral("N") },
        { QStringLiteral("cert"), QStringLiteral("HTTPS certificate (PEM or DER; needs --key)."),
            QStringLiteral("FILE") },
        { QStringLiteral("key"), QStringLiteral("HTTPS private key (unencrypted PEM or DER; needs --cert)."),
            QStringLiteral("FILE") },
    });
    parser.addPositionalArgument(QStringLiteral("DEFINITION"), QStringLiteral("The OpenAPI definition to serve."),
        QStringLiteral("[DEFINITION]"));
}

int usageError(const QCommandLineParser& parser, const QString& message)
{
    QTextStream err(stderr);
    err << "understudy: " << message << Qt::endl << Qt::endl << parser.helpText();
    return 2;
}

} // namespace

int main(int argc, char** argv)
{
    const bool commandLineOnly = hasFlag(argc, argv, "--headless") || hasFlag(argc, argv, "--check")
        || hasFlag(argc, argv, "--help") || hasFlag(argc, argv, "-h") || hasFlag(argc, argv, "--version")
        || hasFlag(argc, argv, "-v");
    bool noDisplay = false;
    std::unique_ptr<QCoreApplication> app;
#ifdef UNDERSTUDY_HAS_WINDOW
    if (!commandLineOnly && displayAvailable())
        app = std::make_unique<QApplication>(argc, argv);
    else
        noDisplay = !commandLineOnly;
#else
    noDisplay = !commandLineOnly;
#endif
    if (!app)
        app = std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Understudy"));
    QCoreApplication::setApplicationName(QStringLiteral("understudy"));
    QCoreApplication::setApplicationVersion(QStringLiteral(UNDERSTUDY_VERSION));

    QCommandLineParser parser;
    setupParser(parser);
    if (!parser.parse(QCoreApplication::arguments()))
        return usageError(parser, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        QTextStream(stdout) << "understudy " << QCoreApplication::applicationVersion() << Qt::endl;
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return usageError(parser, QStringLiteral("expected at most one DEFINITION, got %1").arg(positional.size()));

    if (parser.isSet(QStringLiteral("check"))) {
        if (positional.isEmpty())
            return usageError(parser, QStringLiteral("--check needs a DEFINITION file"));
        return Headless::check(positional.first(), parser.values(QStringLiteral("allow-file")),
            parser.value(QStringLiteral("scenarios")), parser.values(QStringLiteral("overlay")));
    }

    CommandLineOptions options;
    options.definition = positional.value(0);
    options.configFile = parser.value(QStringLiteral("config"));
    options.verbose = parser.isSet(QStringLiteral("verbose"));
    options.quiet = parser.isSet(QStringLiteral("quiet"));
    options.noAutoStart = parser.isSet(QStringLiteral("no-autostart"));
    options.watch = !parser.isSet(QStringLiteral("no-watch"));
    options.allowedFiles = parser.values(QStringLiteral("allow-file"));
    if (parser.isSet(QStringLiteral("host"))) {
        const QString host = parser.value(QStringLiteral("host"));
        QHostAddress address;
        if (host == QLatin1String("localhost"))
            address = QHostAddress(QHostAddress::LocalHost);
        else if (!address.setAddress(host))
            return usageError(parser, QStringLiteral("--host: '%1' is not an IP address").arg(host));
        options.host = address;
        options.hostGiven = true;
    }
    if (parser.isSet(QStringLiteral("port"))) {
        bool ok = false;
        const uint port = parser.value(QStringLiteral("port")).toUInt(&ok);
        if (!ok || port > 65535)
            return usageError(parser,
                QStringLiteral("--port: '%1' is not a port number (0-65535)")
                    .arg(parser.value(QStringLiteral("port"))));
        options.port = static_cast<quint16>(port);
        options.portGiven = true;
    }

    if (parser.isSet(QStringLiteral("max-body"))) {
        QString error;
        if (!ServerLimits::parseSize(parser.value(QStringLiteral("max-body")), &options.limits.maxBodyBytes, &error))
            return usageError(parser, QStringLiteral("--max-body: %1").arg(error));
    }
    if (parser.isSet(QStringLiteral("timeouts"))) {
        QString error;
        if (!ServerLimits::parseTimeouts(parser.value(QStringLiteral("timeouts")), &options.limits, &error))
            return usageError(parser, QStringLiteral("--timeouts: %1").arg(error));
    }
    if (parser.isSet(QStringLiteral("max-connections"))) {
        bool ok = false;
        const int n = parser.value(QStringLiteral("max-connections")).toInt(&ok);
        if (!ok || n < 1)
            return usageError(parser,
                QStringLiteral("--max-connections: '%1' is not a positive number")
                    .arg(parser.value(QStringLiteral("max-connections"))));
        options.limits.maxConnections = n;
    }
    options.limits.allowedHosts = parser.values(QStringLiteral("allowed-host"));
    for (const QString& host : parser.values(QStringLiteral("callback-allow"))) {
        const QString error = CallbackAllowList::checkEntry(host);
        if (!error.isEmpty())
            return usageError(parser, QStringLiteral("--callback-allow: %1").arg(error));
        options.limits.callbackHosts.append(host.trimmed());
    }
    if (parser.isSet(QStringLiteral("threads"))) {
        bool ok = false;
        const int n = parser.value(QStringLiteral("threads")).toInt(&ok);
        if (!ok || n < 1 || n > MockService::kMaxThreads)
            return usageError(parser,
                QStringLiteral("--threads: '%1' is not a number from 1 to %2")
                    .arg(parser.value(QStringLiteral("threads")))
                    .arg(MockService::kMaxThreads));
        options.threads = n;
    }
    options.stateful = parser.isSet(QStringLiteral("stateful"));
    options.stateFile = parser.value(QStringLiteral("state-file"));
    if (parser.isSet(QStringLiteral("seed-items"))) {
        bool ok = false;
        const int n = parser.value(QStringLiteral("seed-items")).toInt(&ok);
        if (!ok || n < 0 || n > 1000)
            return usageError(parser,
                QStringLiteral("--seed-items: '%1' is not a number from 0 to 1000")
                    .arg(parser.value(QStringLiteral("seed-items"))));
        options.seedItems = n;
    }
    options.scenarioFile = parser.value(QStringLiteral("scenarios"));
    // --seed is parsed here only; generation and scenarios both read CommandLineOptions::seed.
    if (parser.isSet(QStringLiteral("seed"))) {
        QString error;
        quint64 seed = 0;
        if (!GenerationControl::parseSeed(parser.value(QStringLiteral("seed")), &seed, &error))
            return usageError(parser, QStringLiteral("--seed: %1").arg(error));
        options.seed = seed;
    }
    options.dynamic = parser.isSet(QStringLiteral("dynamic"));
    if (parser.isSet(QStringLiteral("generation-limit"))) {
        QString error;
        if (!ServerLimits::parseGenerationLimit(
                parser.value(QStringLiteral("generation-limit")), &options.generationLimit, &error))
            return usageError(parser, QStringLiteral("--generation-limit: %1").arg(error));
    }
    if (parser.isSet(QStringLiteral("network"))) {
        NetworkProfile profile;
        if (!ScenarioStore::parseNetwork(parser.value(QStringLiteral("network")), &profile))
            return usageError(parser,
                QStringLiteral("--network: '%1' is not one of off, slow-3g, flaky")
                    .arg(parser.value(QStringLiteral("network"))));
        options.network = ScenarioStore::networkName(profile);
    }

    if (parser.isSet(QStringLiteral("proxy"))) {
        const QUrl upstream = QUrl::fromUserInput(parser.value(QStringLiteral("proxy")));
        const QString error = ProxySettings::checkUpstream(upstream);
        if (!error.isEmpty())
            return usageError(parser, QStringLiteral("--proxy: %1").arg(error));
        options.proxy.upstream = upstream;
        options.proxy.mode =
            parser.isSet(QStringLiteral("proxy-fallback")) ? ProxyMode::ProxyWithFallback : ProxyMode::Proxy;
    }
    if (parser.isSet(QStringLiteral("proxy-timeout"))) {
        const std::optional<int> ms = ProxySettings::parseTimeout(parser.value(QStringLiteral("proxy-timeout")));
        if (!ms)
            return usageError(parser,
                QStringLiteral("--proxy-timeout: '%1' is not a duration such as 10s or 2500ms")
                    .arg(parser.value(QStringLiteral("proxy-timeout"))));
        options.proxy.timeoutMs = *ms;
    }
    options.proxy.rejectInvalid = parser.isSet(QStringLiteral("proxy-reject-invalid"));
    options.proxyReport = parser.value(QStringLiteral("proxy-report"));
    options.recordFile = parser.value(QStringLiteral("record"));
    if (parser.isSet(QStringLiteral("record")) && options.recordFile.isEmpty())
        return usageError(parser, QStringLiteral("--record: the FILE is empty"));
    if (!options.recordFile.isEmpty() && !options.proxy.active())
        return usageError(parser,
            QStringLiteral("--record needs --proxy URL: it records the upstream's answers (replay them with "
                           "--overlay FILE)"));
    options.overlays = parser.values(QStringLiteral("overlay"));
    for (const QString& overlay : std::as_const(options.overlays))
        if (overlay.isEmpty())
            return usageError(parser, QStringLiteral("--overlay: the FILE is empty"));
    options.certFile = parser.value(QStringLiteral("cert"));
    options.keyFile = parser.value(QStringLiteral("key"));
    if (options.certFile.isEmpty() != options.keyFile.isEmpty())
        return usageError(parser, QStringLiteral("--cert and --key go together"));
    if (parser.isSet(QStringLiteral("tls-port"))) {
        bool ok = false;
        const uint port = parser.value(QStringLiteral("tls-port")).toUInt(&ok);
        if (!ok || port > 65535)
            return usageError(parser,
                QStringLiteral("--tls-port: '%1' is not a port number (0-65535)")
                    .arg(parser.value(QStringLiteral("tls-port"))));
        options.tlsPort = int(port);
    }
    options.tls = parser.isSet(QStringLiteral("tls")) || options.tlsPort >= 0 || !options.certFile.isEmpty();

    if (parser.isSet(QStringLiteral("headless")) || noDisplay) {
        if (noDisplay)
            QTextStream(stderr) << "understudy: no display found; running the mock headless (use --headless to say so)"
                                << Qt::endl;
        return Headless::run(options);
    }

#ifdef UNDERSTUDY_HAS_WINDOW
    // Only the window is translated; command line output stays English for scripts and logs.
    Translation::installTranslations(*app, Translation::configuredLanguage());
    // Double-clicking a second definition while the app runs opens it in a new window of the running
    // process, with its own mock on the next free port.
    SingleInstance instance;
    if (!qEnvironmentVariableIsSet("UNDERSTUDY_NO_SINGLE_INSTANCE") && instance.handOver(options.definition))
        return 0;
    auto* window = new MainWindow;
    window->setAttribute(Qt::WA_DeleteOnClose);
    if (options.hostGiven || options.portGiven)
        window->setInitialServer(options.host, options.port);
    if (!options.watch)
        window->setWatchEnabled(false);
    // As in headless mode, for this run only (Settings ▸ Limits keeps the window's own choice).
    if (options.threads > 0)
        window->service()->setThreads(options.threads);
    if (options.tls)
        window->serverBar()->setHttpsFromCommandLine(options.certFile, options.keyFile, options.tlsPort);
    if (options.proxy.active())
        window->setInitialProxy(options.proxy);
    window->setInitialRecordFile(options.recordFile);
    window->setAllowedFiles(options.allowedFiles);
    window->setCommandLineOverlays(options.overlays);
    if (options.stateful)
        window->setStateful(true);
    window->session()->state()->setSeedCount(options.seedItems);
    if (!options.stateFile.isEmpty()) {
        const QString error = window->setStateFile(options.stateFile);
        if (!error.isEmpty()) {
            QTextStream(stderr) << "understudy: " << error << Qt::endl;
            return 2;
        }
    }
    window->session()->setScenarioFile(options.scenarioFile);
    window->session()->service()->scenarios()->setSeed(options.seed);
    if (options.seed)
        window->setGenerationSeed(*options.seed);
    if (options.dynamic)
        window->setDynamicGeneration(true);
    window->session()->generationControl()->setBudget(options.generationLimit);
    window->show();
    window->openDefinition(options.definition.isEmpty() ? DefinitionLoader::bundledExamplePath() : options.definition,
        !options.noAutoStart);
    QObject::connect(&instance, &SingleInstance::openRequested, &instance, [host = options.host](const QString& path) {
        auto* another = new MainWindow;
        another->setAttribute(Qt::WA_DeleteOnClose);
        another->setInitialServer(host, MockService::findFreePort(host, 4010));
        another->show();
        another->raise();
        another->activateWindow();
        another->openDefinition(path.isEmpty() ? DefinitionLoader::bundledExamplePath() : path, true);
    });
    return QCoreApplication::exec();
#else
    return Headless::run(options);
#endif
}
