// SPDX-License-Identifier: MIT
// The header stage: challenges, the response's declared headers (never Content-Type), Deprecation.
#include <QTest>

#include "core/definition/definitionloader.h"
#include "core/generation/headerstage.h"
#include "testutils.h"

class TestHeaderStage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void build_data();
    void build();

private:
    DefinitionPtr m_definition;
};

void TestHeaderStage::initTestCase()
{
    const LoadResult loaded = DefinitionLoader().loadFile(TestUtils::dataPath("engine/stages.yaml"));
    QVERIFY(loaded.definition);
    m_definition = loaded.definition;
}

void TestHeaderStage::build_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QByteArrayList>("challenges");
    QTest::addColumn<bool>("deprecated");
    QTest::addColumn<QStringList>("headers"); // "Name: value", in order
    QTest::addColumn<int>("traceSize");
    QTest::addRow("declared headers, Content-Type skipped")
        << "200" << QByteArrayList {} << false << QStringList { "X-Rate-Limit: 30", "Deprecation: false" } << 0;
    QTest::addRow("deprecated operation replaces a declared Deprecation")
        << "200" << QByteArrayList {} << true << QStringList { "X-Rate-Limit: 30", "Deprecation: true" } << 1;
    QTest::addRow("challenges come first")
        << "406" << QByteArrayList { "Bearer", "Basic realm=\"x\"" } << false
        << QStringList { "WWW-Authenticate: Bearer", "WWW-Authenticate: Basic realm=\"x\"", "X-Reason: picky" } << 0;
    QTest::addRow("no headers declared") << "404" << QByteArrayList {} << false << QStringList {} << 0;
}

void TestHeaderStage::build()
{
    QFETCH(QString, code);
    QFETCH(QByteArrayList, challenges);
    QFETCH(bool, deprecated);
    QFETCH(QStringList, headers);
    QFETCH(int, traceSize);
    const BodyBuilder values(m_definition);
    const HeaderStage stage(values);
    const Response* response = m_definition->operation(QStringLiteral("getWidget"))->response(code);
    QVERIFY(response);
    const QList<QByteArray> list(challenges.begin(), challenges.end());
    const HeaderResult result = stage.build({ *response, list, deprecated });
    QStringList actual;
    for (const auto& h : result.headers)
        actual.append(QString::fromUtf8(h.first + ": " + h.second));
    QCOMPARE(actual, headers);
    QCOMPARE(result.trace.size(), traceSize);
}

QTEST_GUILESS_MAIN(TestHeaderStage)
#include "tst_headerstage.moc"
