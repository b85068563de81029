// SPDX-License-Identifier: MIT
// Scenario latency never holds up other requests: 1,000 concurrent requests each delayed 1 s finish in about 1 s,
// while undelayed requests meanwhile answer as fast as without them. Also the scenario stage's cost per request.
#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTcpSocket>

#include "core/definition/definitionloader.h"
#include "core/engine/mockpipeline.h"
#include "core/engine/mockservice.h"
#include "core/scenarios/scenarioloader.h"

namespace {

QByteArray request(const QByteArray& target, const QByteArray& headers = {})
{
    return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + headers + "\r\n";
}

// Reads one Content-Length framed answer; its status, or 0.
int readStatus(QTcpSocket& socket)
{
    QByteArray in;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 30000) {
        const qsizetype end = in.indexOf("\r\n\r\n");
        if (end >= 0) {
            const qsizetype at = in.indexOf("Content-Length: ");
            const int length = at >= 0 ? in.mid(at + 16, in.indexOf('\r', at) - at - 16).toInt() : 0;
            if (in.size() >= end + 4 + length)
                return in.mid(9, 3).toInt();
        }
        if (!socket.waitForReadyRead(100) && socket.state() != QAbstractSocket::ConnectedState)
            return 0;
        in += socket.readAll();
    }
    return 0;
}

// Milliseconds of `count` undelayed requests, one after the other on one connection: median and maximum.
QPair<double, double> probe(quint16 port, int count)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    socket.waitForConnected(3000);
    QList<double> ms;
    for (int i = 0; i < count; ++i) {
        QElapsedTimer t;
        t.start();
        socket.write(request("/v1/health"));
        if (readStatus(socket) != 200)
            return { -1, -1 };
        ms << t.nsecsElapsed() / 1e6;
    }
    std::sort(ms.begin(), ms.end());
    return { ms.at(ms.size() / 2), ms.last() };
}

void stageCost(const DefinitionPtr& definition)
{
    const ScenarioResult file = ScenarioLoader::parse("operations:\n"
                                                      "  getBook:\n"
                                                      "    rules:\n"
                                                      "      - when: { path: { bookId: 42 } }\n"
                                                      "        then: { status: 404 }\n"
                                                      "      - when: { header: { X-Tier: { regex: \"^gold$\" } } }\n"
                                                      "        then: { status: 404 }\n"
                                                      "    delay: { lognormal: { median: 80ms, p99: 1.5s } }\n"
                                                      "    faults: { kind: reset, rate: 5% }\n",
        QStringLiteral("bench.yaml"), definition.get());
    HttpRequest get;
    get.method = "GET";
    get.path = QStringLiteral("/v1/books/7");
    for (const bool withScenarios : { false, true }) {
        auto store = std::make_shared<ScenarioStore>();
        store->setSeed(1);
        if (withScenarios)
            store->setScenarios(file.scenarios);
        const MockPipeline pipeline(definition, MockConfig(), nullptr, nullptr, store);
        pipeline.handle(get);
        int n = 0;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 1000) {
            for (int i = 0; i < 200; ++i)
                pipeline.handle(get);
            n += 200;
        }
        std::printf("GET /books/7 through the pipeline, %-26s %7.1f us/request\n",
            withScenarios ? "2 rules + delay + faults:" : "no scenarios:", timer.nsecsElapsed() / 1e3 / n);
    }
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? QByteArray(argv[1]).toInt() : 1000;
    // Each request is two descriptors here (client and server side).
    rlimit files;
    if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < rlim_t(2 * n + 64)) {
        files.rlim_cur = std::min<rlim_t>(files.rlim_max, rlim_t(2 * n + 64));
        setrlimit(RLIMIT_NOFILE, &files);
    }
    const LoadResult loaded = DefinitionLoader().loadFile(DefinitionLoader::bundledExamplePath());
    if (!loaded.definition)
        return 1;
    stageCost(loaded.definition);

    MockService service;
    service.setDefinition(loaded.definition);
    ServerLimits limits;
    limits.maxConnections = n + 64;
    service.setLimits(limits);
    if (!service.start(QHostAddress::LocalHost, 0))
        return 1;
    const quint16 port = service.port();
    const auto quiet = probe(port, 200);
    std::printf("undelayed GET /health, idle server:        median %.2f ms, max %.2f ms\n", quiet.first, quiet.second);

    QList<QTcpSocket*> sockets;
    for (int i = 0; i < n; ++i) {
        auto* s = new QTcpSocket;
        s->connectToHost(QHostAddress::LocalHost, port);
        sockets << s;
    }
    for (QTcpSocket* s : sockets)
        if (s->state() != QAbstractSocket::ConnectedState && !s->waitForConnected(5000)) {
            std::printf("could not open %d connections\n", n);
            return 1;
        }
    QElapsedTimer all;
    all.start();
    for (QTcpSocket* s : sockets) {
        s->write(request("/v1/books/7", "x-understudy-delay: 1s\r\n"));
        s->flush();
    }
    const double writtenMs = all.nsecsElapsed() / 1e6;
    const auto busy = probe(port, 100);
    const double probedMs = all.nsecsElapsed() / 1e6;
    int ok = 0;
    for (QTcpSocket* s : sockets)
        ok += readStatus(*s) == 200 ? 1 : 0;
    const double allMs = all.nsecsElapsed() / 1e6;
    std::printf("%d requests delayed 1 s each, concurrent:    %d answered 200, all within %.0f ms (sent in %.0f ms)\n",
        n, ok, allMs, writtenMs);
    std::printf("undelayed GET /health meanwhile (100):     median %.2f ms, max %.2f ms (done after %.0f ms)\n",
        busy.first, busy.second, probedMs);
    qDeleteAll(sockets);
    return ok == n ? 0 : 1;
}
