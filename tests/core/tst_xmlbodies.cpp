// SPDX-License-Identifier: MIT
// XML bodies through the real server: negotiation both ways, the xml object's names, request bodies read and judged.
#include <QTest>
#include <QXmlStreamReader>

#include "core/definition/definitionloader.h"
#include "core/engine/mockservice.h"
#include "httpclient.h"
#include "testutils.h"

using namespace TestHttp;

class TestXmlBodies : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void responses_data();
    void responses();
    void requestBodies_data();
    void requestBodies();

private:
    MockService* m_service = nullptr;
    quint16 m_port = 0;
};

namespace {

// The root element as "{namespace}local", or the parser's error.
QString rootOf(const QByteArray& xml)
{
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement())
            return QLatin1Char('{') + reader.namespaceUri().toString() + QLatin1Char('}') + reader.name().toString();
    }
    return QStringLiteral("error: ") + reader.errorString();
}

} // namespace

void TestXmlBodies::initTestCase()
{
    const LoadResult loaded = DefinitionLoader().loadFile(TestUtils::dataPath("xml/pets.yaml"));
    QVERIFY2(loaded.definition,
        loaded.diagnostics.isEmpty() ? "no definition" : qPrintable(loaded.diagnostics.first().toString()));
    m_service = new MockService;
    m_service->setDefinition(loaded.definition);
    const StartResult started = m_service->start(QHostAddress::LocalHost, 0);
    QVERIFY2(started, qPrintable(started.message));
    m_port = m_service->port();
}

void TestXmlBodies::cleanupTestCase()
{
    delete m_service;
}

void TestXmlBodies::responses_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("accept");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QString>("root"); // empty: not XML
    QTest::addColumn<QByteArray>("bodyContains");

    // The same value as the JSON answer, the path's id put in included (strictExamples: false).
    QTest::addRow("Accept: application/xml gets XML")
        << QByteArray("/pets/3") << QByteArray("application/xml") << QByteArray("application/xml")
        << "{urn:example:pets}pet" << QByteArray(R"(<pt:pet xmlns:pt="urn:example:pets" id="3">)");
    QTest::addRow("Accept: application/json gets JSON")
        << QByteArray("/pets/3") << QByteArray("application/json") << QByteArray("application/json") << QString()
        << QByteArray(R"("name":"Rex")");
    QTest::addRow("no Accept prefers JSON") << QByteArray("/pets/3") << QByteArray() << QByteArray("application/json")
                                            << QString() << QByteArray(R"("id":)");
    QTest::addRow("q values pick XML over JSON")
        << QByteArray("/pets/3") << QByteArray("application/json;q=0.2, application/xml")
        << QByteArray("application/xml") << "{urn:example:pets}pet" << QByteArray("<pt:name>Rex</pt:name>");
    QTest::addRow("q values pick JSON over XML")
        << QByteArray("/pets/3") << QByteArray("application/xml;q=0.2, application/json")
        << QByteArray("application/json") << QString() << QByteArray(R"("tags":["dog","good"])");
    QTest::addRow("wrapped and repeated arrays")
        << QByteArray("/pets/3") << QByteArray("application/xml") << QByteArray("application/xml")
        << "{urn:example:pets}pet"
        << QByteArray("<photoUrls><photoUrl>rex.png</photoUrl></photoUrls><tag>dog</tag><tag>good</tag>");
    QTest::addRow("array example: root named by xml.name, items by the component's")
        << QByteArray("/pets") << QByteArray("application/xml") << QByteArray("application/xml") << "{}pets"
        << QByteArray(R"(<pets><pt:pet xmlns:pt="urn:example:pets" id="1"><pt:name>Rex</pt:name>)");
    QTest::addRow("root named after the component without xml.name")
        << QByteArray("/owner") << QByteArray("application/xml") << QByteArray("application/xml") << "{}Owner"
        << QByteArray("<Owner><name>Ann</name></Owner>");
    QTest::addRow("inline schema: the default root element")
        << QByteArray("/inline") << QByteArray() << QByteArray("application/xml") << "{}root"
        << QByteArray("<root><n>3</n></root>");
    QTest::addRow("a string example is served verbatim")
        << QByteArray("/legacy") << QByteArray("*/*") << QByteArray("text/xml") << "{}legacy"
        << QByteArray("<legacy><ok>true</ok></legacy>");
    QTest::addRow("+xml type with a default namespace")
        << QByteArray("/feed") << QByteArray("application/atom+xml") << QByteArray("application/atom+xml")
        << "{http://www.w3.org/2005/Atom}feed" << QByteArray("<title>News</title>");
}

void TestXmlBodies::responses()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, accept);
    QFETCH(QByteArray, contentType);
    QFETCH(QString, root);
    QFETCH(QByteArray, bodyContains);
    const RawResponse r =
        roundTrip(m_port, request("GET", target, accept.isEmpty() ? QByteArray() : "Accept: " + accept + "\r\n"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("Content-Type"), contentType);
    QVERIFY2(r.body.contains(bodyContains), r.body.constData());
    if (!root.isEmpty())
        QCOMPARE(rootOf(r.body), root);
}

void TestXmlBodies::requestBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArrayList>("bodyContains");

    QTest::addRow("valid XML body is accepted")
        << QByteArray(R"(<pet xmlns="urn:example:pets" id="4"><name>Fido</name>)"
                      R"(<photoUrls><photoUrl>f.png</photoUrl></photoUrls><tag>dog</tag></pet>)")
        << 201 << QByteArrayList { R"(<pt:pet xmlns:pt="urn:example:pets" id="4"><pt:name>Fido</pt:name>)" };
    QTest::addRow("malformed XML is 400 with the parser's position")
        << QByteArray("<pet id=\"4\">\n<name>Fido</nam>\n</pet>") << 400
        << QByteArrayList { "invalid XML at line 2, column 16", "malformed-request" };
    QTest::addRow("a body that is no XML at all is 400")
        << QByteArray("{\"id\": 4}") << 400 << QByteArrayList { "invalid XML at line 1, column 1" };
    QTest::addRow("invalid XML body is 422 naming each violation")
        << QByteArray(R"(<pet id="0"><colour>red</colour></pet>)") << 422
        << QByteArrayList { "body/id", "minimum", "body/name", "required", "additionalProperties" };
    QTest::addRow("attribute text that is no integer is a type violation")
        << QByteArray(R"(<pet id="seven"><name>x</name></pet>)") << 422 << QByteArrayList { "body/id", "type" };
}

void TestXmlBodies::requestBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QByteArrayList, bodyContains);
    const RawResponse r = roundTrip(m_port, request("POST", "/pets", "Content-Type: application/xml\r\n", body));
    QCOMPARE(r.status, status);
    for (const QByteArray& part : bodyContains)
        QVERIFY2(r.body.contains(part), r.body.constData());
}

QTEST_GUILESS_MAIN(TestXmlBodies)
#include "tst_xmlbodies.moc"
