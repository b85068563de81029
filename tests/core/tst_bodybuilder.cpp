// SPDX-License-Identifier: MIT
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>
#include <QThread>

#include "core/definition/definitionloader.h"
#include "core/generation/bodybuilder.h"
#include "core/generation/generationcontrol.h"
#include "testutils.h"

class TestBodyBuilder : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sourceOrder_data();
    void sourceOrder();
    void generatedIsCachedAndStable();
    void limitErrors_data();
    void limitErrors();
    void serialize_data();
    void serialize();
    void headerText_data();
    void headerText();

private:
    const MediaType& media(const QString& operationId, const QString& code, int index = 0) const;
    DefinitionPtr m_definition;
};

void TestBodyBuilder::initTestCase()
{
    const LoadResult loaded = DefinitionLoader().loadFile(TestUtils::dataPath("engine/engine.yaml"));
    QVERIFY(loaded.definition);
    m_definition = loaded.definition;
}

const MediaType& TestBodyBuilder::media(const QString& operationId, const QString& code, int index) const
{
    return m_definition->operation(operationId)->response(code)->content.at(index);
}

void TestBodyBuilder::sourceOrder_data()
{
    QTest::addColumn<QString>("operationId");
    QTest::addColumn<QString>("forced");
    QTest::addColumn<QString>("exampleName");
    QTest::addColumn<bool>("generated");
    QTest::addColumn<QString>("reasonContains");
    QTest::addRow("first named example, in document order") << "examples"
                                                            << ""
                                                            << "referenced" << false << "first named example";
    QTest::addRow("forced named example") << "examples"
                                          << "external"
                                          << "external" << false << "forced example";
    QTest::addRow("unknown forced name falls back to the first") << "examples"
                                                                 << "nope"
                                                                 << "referenced" << false << "first named";
    QTest::addRow("media type example") << "defaultOnly"
                                        << ""
                                        << "" << false << "example of application/json";
    QTest::addRow("schema example") << "schemaExample"
                                    << ""
                                    << "" << false << "schema's example";
    QTest::addRow("generated from the schema") << "generated"
                                               << ""
                                               << "" << true << "generated";
}

void TestBodyBuilder::sourceOrder()
{
    QFETCH(QString, operationId);
    QFETCH(QString, forced);
    QFETCH(QString, exampleName);
    QFETCH(bool, generated);
    QFETCH(QString, reasonContains);
    const Operation* op = m_definition->operation(operationId);
    QVERIFY(op);
    const BodyBuilder builder(m_definition);
    const BodySource source = builder.choose(op->responses.first().content.first(), forced);
    QVERIFY(source.present);
    QCOMPARE(source.exampleName, exampleName);
    QCOMPARE(source.generated, generated);
    QVERIFY2(source.reason.contains(reasonContains), qPrintable(source.reason));
    QVERIFY(!source.cacheKey.isEmpty());
}

void TestBodyBuilder::generatedIsCachedAndStable()
{
    const BodyBuilder builder(m_definition);
    const MediaType& m = media(QStringLiteral("generated"), QStringLiteral("200"));
    const BodySource first = builder.choose(m);
    const BodySource second = builder.choose(m);
    QCOMPARE(first.value, second.value);
    QCOMPARE(first.value.toArray().size(), 3);
    const QByteArray bytes = builder.bytes(first, QStringLiteral("application/json"));
    QCOMPARE(builder.bytes(second, QStringLiteral("application/json")), bytes);
    QCOMPARE(bytes, BodyBuilder::serialize(first.value, QStringLiteral("application/json")));
}

void TestBodyBuilder::limitErrors_data()
{
    QTest::addColumn<qint64>("timeLimitMs");
    QTest::addColumn<qint64>("byteLimit");
    QTest::addColumn<QString>("errorContains");
    QTest::addColumn<bool>("triedAgain"); // after BodyBuilder::kTimeoutRetryMs, once the limit is lifted
    // A busy machine can make a schema miss the time limit once; the operation must not answer 500 until a reload.
    QTest::addRow("time limit: tried again after a while")
        << qint64(1) << qint64(0) << "took longer than the limit" << true;
    // The size a schema demands does not depend on the machine: the error is final for this pipeline.
    QTest::addRow("size limit: kept") << qint64(0) << qint64(1024) << "over the generation limit of" << false;
}

// The limits come from the GenerationControl (--generation-limit); an error is kept like a value, except that a
// time-limit error is tried again once kTimeoutRetryMs has passed.
void TestBodyBuilder::limitErrors()
{
    QFETCH(qint64, timeLimitMs);
    QFETCH(qint64, byteLimit);
    QFETCH(QString, errorContains);
    QFETCH(bool, triedAgain);
    // 15,000 strings of 200 characters: about 3 MB and well over a millisecond to generate, in any build.
    const QByteArray yaml = R"(openapi: 3.1.0
info: { title: t, version: '1' }
paths:
  /big:
    get:
      operationId: big
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { type: array, minItems: 15000, items: { type: string, minLength: 200 } }
)";
    const LoadResult loaded = DefinitionLoader().loadData(yaml, QStringLiteral("big.yaml"));
    QVERIFY(loaded.definition);
    auto control = std::make_shared<GenerationControl>();
    control->setBudget({ timeLimitMs, byteLimit });
    const BodyBuilder builder(loaded.definition, control);
    const MediaType& m =
        loaded.definition->operation(QStringLiteral("big"))->response(QStringLiteral("200"))->content.at(0);
    const BodySource failed = builder.choose(m);
    QVERIFY2(failed.error.contains(errorContains), qPrintable(failed.error));
    control->setBudget({ 0, 0 });
    QCOMPARE(builder.choose(m).error, failed.error); // not retried on every request
    QThread::msleep(BodyBuilder::kTimeoutRetryMs + 50);
    const BodySource later = builder.choose(m);
    if (triedAgain) {
        QVERIFY2(later.error.isEmpty(), qPrintable(later.error));
        QCOMPARE(later.value.toArray().size(), 15000);
        QCOMPARE(builder.choose(m).value, later.value); // and the value is kept from then on
    } else {
        QCOMPARE(later.error, failed.error);
    }
}

void TestBodyBuilder::serialize_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("mediaType");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addRow("object compact") << QJsonValue(QJsonObject { { "a", 1 } }) << "application/json"
                                    << QByteArray(R"({"a":1})");
    QTest::addRow("string as JSON string") << QJsonValue("ok") << "application/json" << QByteArray(R"("ok")");
    QTest::addRow("string as text") << QJsonValue("ok") << "text/plain" << QByteArray("ok");
    QTest::addRow("number scalar") << QJsonValue(42) << "application/json" << QByteArray("42");
    QTest::addRow("+json suffix is JSON") << QJsonValue("x") << "application/problem+json" << QByteArray(R"("x")");
    QTest::addRow("object under text type stays JSON")
        << QJsonValue(QJsonObject { { "a", true } }) << "text/plain" << QByteArray(R"({"a":true})");
}

void TestBodyBuilder::serialize()
{
    QFETCH(QJsonValue, value);
    QFETCH(QString, mediaType);
    QFETCH(QByteArray, bytes);
    QCOMPARE(BodyBuilder::serialize(value, mediaType), bytes);
}

void TestBodyBuilder::headerText_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QByteArray>("text");
    QTest::addRow("string") << QJsonValue("abc") << QByteArray("abc");
    QTest::addRow("integer") << QJsonValue(30) << QByteArray("30");
    QTest::addRow("boolean") << QJsonValue(true) << QByteArray("true");
    QTest::addRow("array comma-joined") << QJsonValue(QJsonArray { 1, "b" }) << QByteArray("1,b");
}

void TestBodyBuilder::headerText()
{
    QFETCH(QJsonValue, value);
    QFETCH(QByteArray, text);
    QCOMPARE(BodyBuilder::headerText(value), text);
}

QTEST_GUILESS_MAIN(TestBodyBuilder)
#include "tst_bodybuilder.moc"
