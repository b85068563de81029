// SPDX-License-Identifier: MIT
// The request log shows XML bodies indented and stream bodies as their items, for requests to the real mock.
#include <QTcpSocket>
#include <QTest>

#include "core/definition/definitionloader.h"
#include "core/engine/mockservice.h"
#include "httpclient.h"
#include "testutils.h"
#include "ui/models/requestlogfiltermodel.h"
#include "ui/models/requestlogmodel.h"
#include "ui/models/specformat.h"
#include "ui/widgets/requestlogview.h"

class TestLogBodies : public QObject
{
    Q_OBJECT

private slots:
    void prettyBody_data();
    void prettyBody();
    void logShowsServedBodies_data();
    void logShowsServedBodies();
};

namespace {

// Sends `request` with Connection: close and reads until the server closes: the whole answer, chunked or not.
QByteArray exchange(quint16 port, const QByteArray& request)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(3000))
        return {};
    socket.write(request);
    QByteArray all;
    QElapsedTimer timer;
    timer.start();
    while (socket.state() == QAbstractSocket::ConnectedState && timer.elapsed() < 5000)
        if (socket.waitForReadyRead(100))
            all += socket.readAll();
    return all + socket.readAll();
}

} // namespace

void TestLogBodies::prettyBody_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QString>("expected");

    QTest::addRow("XML indented") << QByteArray(R"(<?xml version="1.0"?><a x="1"><b>t</b><c/></a>)")
                                  << QByteArray("application/xml")
                                  << "<?xml version=\"1.0\"?>\n<a x=\"1\">\n  <b>t</b>\n  <c/>\n</a>";
    QTest::addRow("+xml with parameters indented")
        << QByteArray("<feed><t>1</t></feed>") << QByteArray("application/atom+xml; charset=utf-8")
        << "<feed>\n  <t>1</t>\n</feed>";
    QTest::addRow("malformed XML shown as it is")
        << QByteArray("<a><b></a>") << QByteArray("text/xml") << QStringLiteral("<a><b></a>");
    QTest::addRow("SSE events listed, JSON data indented")
        << QByteArray("event: tick\nid: 1\ndata: {\"t\":21}\n\ndata: plain\ndata: text\n\n")
        << QByteArray("text/event-stream")
        << "Stream of 2 items\n\nItem 1\nevent: tick\nid: 1\ndata: {\n    \"t\": 21\n}\n\nItem 2\ndata: plain\ntext";
    QTest::addRow("JSON Lines listed, each indented")
        << QByteArray("{\"a\":1}\n[2]\n") << QByteArray("application/x-ndjson")
        << "Stream of 2 items\n\nItem 1\n{\n    \"a\": 1\n}\n\nItem 2\n[\n    2\n]";
    QTest::addRow("JSON unchanged") << QByteArray("{\"a\":1}") << QByteArray("application/json")
                                    << "{\n    \"a\": 1\n}";
}

void TestLogBodies::prettyBody()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(QString, expected);
    QCOMPARE(SpecFormat::prettyBody(body, contentType), expected);
}

void TestLogBodies::logShowsServedBodies_data()
{
    QTest::addColumn<QString>("definition");
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("tab"); // 0 response, 1 request
    QTest::addColumn<QStringList>("shown");

    QTest::addRow("XML response indented")
        << "xml/pets.yaml"
        << QByteArray("GET /pets/1 HTTP/1.1\r\nHost: localhost\r\nAccept: application/xml\r\nConnection: close\r\n\r\n")
        << 0
        << QStringList { "Content-Type: application/xml", "<pt:pet xmlns:pt=\"urn:example:pets\" id=\"1\">\n",
               "\n    <photoUrl>rex.png</photoUrl>\n" };
    const QByteArray xmlBody = R"(<pet id="4"><name>Fido</name></pet>)";
    QTest::addRow("XML request body indented")
        << "xml/pets.yaml"
        << QByteArray("POST /pets HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/xml\r\nConnection: "
                      "close\r\nContent-Length: ")
            + QByteArray::number(xmlBody.size()) + "\r\n\r\n" + xmlBody
        << 1 << QStringList { "<pet id=\"4\">\n  <name>Fido</name>\n</pet>" };
    QTest::addRow("SSE stream listed item by item")
        << "streams/streams.yaml" << QByteArray("GET /events HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        << 0
        << QStringList { "Transfer-Encoding: chunked", "Stream of 4 items", "Item 1\nevent: tick\nid: 1\ndata: {",
               "Item 4\n", "\"temperature\": 21" };
    QTest::addRow("JSON Lines stream listed item by item")
        << "streams/streams.yaml" << QByteArray("GET /logs HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        << 0 << QStringList { "Stream of 3 items", "Item 3\n{\n    \"level\": \"info\",\n    \"msg\": \"done\"\n}" };
}

void TestLogBodies::logShowsServedBodies()
{
    QFETCH(QString, definition);
    QFETCH(QByteArray, request);
    QFETCH(int, tab);
    QFETCH(QStringList, shown);

    const LoadResult loaded = DefinitionLoader().loadFile(TestUtils::dataPath(definition));
    QVERIFY(loaded.definition);
    MockService service;
    service.setDefinition(loaded.definition);
    QVERIFY(service.start(QHostAddress::LocalHost, 0));
    RequestLogView log;
    connect(&service, &MockService::requestHandled, log.model(), &RequestLogModel::handleRequest);
    log.show();

    QVERIFY(!exchange(service.port(), request).isEmpty());
    QTRY_COMPARE(log.filterModel()->rowCount(), 1);
    log.selectRow(0);
    const QString text = log.detailsText(tab);
    for (const QString& part : shown)
        QVERIFY2(text.contains(part), qPrintable(text));
}

QTEST_MAIN(TestLogBodies)
#include "tst_logbodies.moc"
