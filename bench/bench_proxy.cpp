// SPDX-License-Identifier: MIT
// Measures what proxy mode adds per request: sequential keep-alive GETs straight to an upstream, then through
// the mock as a proxy to the same upstream (the difference is the proxy's overhead: routing, validation,
// forwarding with QNetworkAccessManager, drift detection), and the drift check alone.
// The upstream is an Understudy mock itself (bench/data/bench.yaml), on its own thread.
#include <cstdio>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTcpSocket>

#include "core/definition/definitionloader.h"
#include "core/engine/mockpipeline.h"
#include "core/engine/mockservice.h"
#include "core/proxy/responsedrift.h"

namespace {

// Sends `count` keep-alive requests one after another; microseconds per request, or -1 on a failed answer.
double sequential(quint16 port, const QByteArray& path, int count)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(3000))
        return -1;
    const QByteArray request = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
    QByteArray pending;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < count; ++i) {
        socket.write(request);
        for (;;) {
            const int end = pending.indexOf("\r\n\r\n");
            if (end >= 0) {
                const int at = pending.indexOf("Content-Length: ");
                const int length = at >= 0 && at < end ? pending.mid(at + 16, 12).split('\r').value(0).toInt() : 0;
                if (pending.size() >= end + 4 + length) {
                    if (!pending.startsWith("HTTP/1.1 200"))
                        return -1;
                    pending.remove(0, end + 4 + length);
                    break;
                }
            }
            if (!socket.waitForReadyRead(5000))
                return -1;
            pending += socket.readAll();
        }
    }
    return double(timer.nsecsElapsed()) / count / 1000.0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const LoadResult loaded =
        DefinitionLoader().loadFile(QStringLiteral(UNDERSTUDY_SOURCE_DIR "/bench/data/bench.yaml"));
    if (!loaded.definition) {
        std::printf("cannot load bench/data/bench.yaml\n");
        return 1;
    }
    const int count = argc > 1 ? QByteArray(argv[1]).toInt() : 3000;
    MockService upstream;
    upstream.setThreads(1);
    upstream.setDefinition(loaded.definition);
    if (!upstream.start(QHostAddress::LocalHost, 0)) {
        std::printf("cannot start the upstream\n");
        return 1;
    }
    MockService proxy;
    proxy.setThreads(1);
    proxy.setDefinition(loaded.definition);
    ProxySettings settings;
    settings.mode = ProxyMode::Proxy;
    settings.upstream = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(upstream.port()));
    proxy.setProxy(settings);
    if (!proxy.start(QHostAddress::LocalHost, 0)) {
        std::printf("cannot start the proxy\n");
        return 1;
    }
    for (const QByteArray& path : { QByteArray("/hello"), QByteArray("/orders/42") }) {
        sequential(upstream.port(), path, 200); // warm up both
        sequential(proxy.port(), path, 200);
        const double direct = sequential(upstream.port(), path, count);
        const double proxied = sequential(proxy.port(), path, count);
        std::printf("GET %-12s direct %7.1f us/request   through the proxy %7.1f us/request   overhead %7.1f us\n",
            path.constData(), direct, proxied, proxied - direct);
    }

    // The drift check alone, on the answer the upstream gives for /orders/42.
    const Operation* op = nullptr;
    for (const Operation& o : loaded.definition->operations)
        if (o.path == QLatin1String("/orders/{orderId}") && o.method == QLatin1String("GET"))
            op = &o;
    if (op) {
        MockPipeline pipeline(loaded.definition, MockConfig(), nullptr);
        HttpRequest request;
        request.method = "GET";
        request.path = QStringLiteral("/orders/42");
        const MockResult answer = pipeline.handle(request);
        const UpstreamAnswer upstreamAnswer { answer.response.status, answer.response.headers, answer.response.body };
        int iterations = 0;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 500) {
            for (int i = 0; i < 100; ++i)
                ResponseDrift::check(*loaded.definition, op, upstreamAnswer);
            iterations += 100;
        }
        std::printf("drift check of GET /orders/{orderId} (%lld bytes): %.1f us\n",
            qlonglong(answer.response.body.size()), double(timer.nsecsElapsed()) / iterations / 1000.0);
    }
    return 0;
}
