// SPDX-License-Identifier: MIT
// Baseline for throughput figures: the smallest QAbstractHttpServer that answers a fixed JSON body,
// on a worker thread like the mock. `bench_helloserver PORT`
#include <QAbstractHttpServer>
#include <QCoreApplication>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QThread>

namespace {
class HelloServer final : public QAbstractHttpServer
{
protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override
    {
        static const QByteArray body = QByteArrayLiteral(R"({"status":"ok","service":"hello","version":1})");
        auto responder = makeResponder(request, socket);
        responder.writeStatusLine(QHttpServerResponder::StatusCode::Ok);
        responder.writeHeader("Content-Type", "application/json");
        responder.writeHeader("Content-Length", QByteArray::number(body.size()));
        responder.writeBody(body);
        return true;
    }
    void missingHandler(const QHttpServerRequest&, QTcpSocket*) override { }
};
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const quint16 port = argc > 1 ? quint16(QByteArray(argv[1]).toUShort()) : 4099;
    QThread worker;
    worker.start();
    auto* server = new HelloServer;
    server->moveToThread(&worker);
    quint16 bound = 0;
    QMetaObject::invokeMethod(
        server, [&] { bound = server->listen(QHostAddress::LocalHost, port); }, Qt::BlockingQueuedConnection);
    if (!bound)
        return 1;
    printf("hello server listening on %u\n", bound);
    fflush(stdout);
    return app.exec();
}
