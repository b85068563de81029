// SPDX-License-Identifier: MIT
// Tests the seed and dynamic mode of generated bodies through MockPipeline: stable per seed and path parameter,
// fresh per request when dynamic (--dynamic or Prefer: dynamic=true), and said so in the trace.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

#include "core/definition/definitionloader.h"
#include "core/engine/mockpipeline.h"
#include "core/generation/generationcontrol.h"
#include "testutils.h"

namespace {

HttpRequest get(const QString& path, const HeaderList& headers = {})
{
    HttpRequest r;
    r.method = "GET";
    r.path = path;
    r.headers = headers;
    r.headers.append(qMakePair(QByteArray("Host"), QByteArray("localhost")));
    return r;
}

} // namespace

class TestGenerationControl : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void parseSeed_data();
    void parseSeed();
    void sameSeedSameBody();
    void seedChangesTheBody();
    void samePathParameterSameItem();
    void otherPathParameterOtherItem();
    void arrayItemsDiffer();
    void dynamicDrawsFreshValues();
    void preferDynamicPerRequest();
    void traceNamesTheSeed();

private:
    QByteArray body(const HttpRequest& request, quint64 seed = 0, bool dynamic = false);
    DefinitionPtr m_definition;
};

void TestGenerationControl::initTestCase()
{
    const LoadResult loaded = DefinitionLoader().loadFile(TestUtils::dataPath("engine/realistic.yaml"));
    QVERIFY(loaded.definition);
    m_definition = loaded.definition;
}

QByteArray TestGenerationControl::body(const HttpRequest& request, quint64 seed, bool dynamic)
{
    auto control = std::make_shared<GenerationControl>();
    control->setSeed(seed);
    control->setDynamic(dynamic);
    const MockPipeline pipeline(m_definition, MockConfig(), nullptr, nullptr, nullptr, control);
    const MockResult result = pipeline.handle(request);
    if (result.response.status != 200)
        qWarning("status %d: %s", result.response.status, qPrintable(result.trace.join(QLatin1Char(' '))));
    return result.response.body;
}

void TestGenerationControl::parseSeed_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<quint64>("seed");
    QTest::addRow("zero") << "0" << true << quint64(0);
    QTest::addRow("forty-two") << "42" << true << quint64(42);
    QTest::addRow("largest") << "18446744073709551615" << true << quint64(18446744073709551615ULL);
    QTest::addRow("negative") << "-1" << false << quint64(0);
    QTest::addRow("too large") << "18446744073709551616" << false << quint64(0);
    QTest::addRow("not a number") << "abc" << false << quint64(0);
    QTest::addRow("empty") << "" << false << quint64(0);
}

void TestGenerationControl::parseSeed()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(quint64, seed);
    quint64 parsed = 0;
    QString error;
    QCOMPARE(GenerationControl::parseSeed(text, &parsed, &error), ok);
    if (ok)
        QCOMPARE(parsed, seed);
    else
        QVERIFY(error.contains(QLatin1String("not a seed")));
}

void TestGenerationControl::sameSeedSameBody()
{
    const QByteArray first = body(get(QStringLiteral("/users")), 7);
    QVERIFY(!first.isEmpty());
    QCOMPARE(body(get(QStringLiteral("/users")), 7), first);
}

void TestGenerationControl::seedChangesTheBody()
{
    QVERIFY(body(get(QStringLiteral("/users")), 1) != body(get(QStringLiteral("/users")), 2));
}

// `/users/7` is always the same user (and the path value fills its id), so a UI does not flicker on refresh.
void TestGenerationControl::samePathParameterSameItem()
{
    auto control = std::make_shared<GenerationControl>();
    const MockPipeline pipeline(m_definition, MockConfig(), nullptr, nullptr, nullptr, control);
    const QByteArray first = pipeline.handle(get(QStringLiteral("/users/7"))).response.body;
    const QByteArray again = pipeline.handle(get(QStringLiteral("/users/7"))).response.body;
    QCOMPARE(again, first);
    QCOMPARE(body(get(QStringLiteral("/users/7"))), first); // and in another pipeline (a restart)
    const QJsonObject user = QJsonDocument::fromJson(first).object();
    QVERIFY2(user.value(QLatin1String("email")).toString().contains(QLatin1Char('@')), first.constData());
}

void TestGenerationControl::otherPathParameterOtherItem()
{
    QSet<QString> names;
    for (int id = 1; id <= 6; ++id)
        names.insert(QJsonDocument::fromJson(body(get(QStringLiteral("/users/%1").arg(id))))
                         .object()
                         .value(QLatin1String("name"))
                         .toString());
    QVERIFY2(names.size() >= 5, "six users should (almost all) have their own names");
}

void TestGenerationControl::arrayItemsDiffer()
{
    const QJsonArray users = QJsonDocument::fromJson(body(get(QStringLiteral("/users")))).array();
    QCOMPARE(users.size(), 3);
    QSet<double> ids;
    QSet<QString> emails;
    for (const QJsonValue& u : users) {
        ids.insert(u.toObject().value(QLatin1String("id")).toDouble());
        emails.insert(u.toObject().value(QLatin1String("email")).toString());
    }
    QCOMPARE(ids.size(), 3);
    QCOMPARE(emails.size(), 3);
}

void TestGenerationControl::dynamicDrawsFreshValues()
{
    auto control = std::make_shared<GenerationControl>();
    control->setDynamic(true);
    const MockPipeline pipeline(m_definition, MockConfig(), nullptr, nullptr, nullptr, control);
    QSet<QByteArray> bodies;
    for (int i = 0; i < 4; ++i)
        bodies.insert(pipeline.handle(get(QStringLiteral("/users"))).response.body);
    QVERIFY2(bodies.size() >= 3, "dynamic mode should draw new values for (almost) every request");
    // Turned off again, the seeded body is back.
    control->setDynamic(false);
    QCOMPARE(pipeline.handle(get(QStringLiteral("/users"))).response.body, body(get(QStringLiteral("/users"))));
}

void TestGenerationControl::preferDynamicPerRequest()
{
    const HeaderList fresh { { "Prefer", "dynamic=true" } };
    const MockPipeline pipeline(
        m_definition, MockConfig(), nullptr, nullptr, nullptr, std::make_shared<GenerationControl>());
    const QByteArray seeded = pipeline.handle(get(QStringLiteral("/users"))).response.body;
    const QByteArray a = pipeline.handle(get(QStringLiteral("/users"), fresh)).response.body;
    const QByteArray b = pipeline.handle(get(QStringLiteral("/users"), fresh)).response.body;
    QVERIFY(a != seeded || b != seeded);
    QVERIFY(a != b);
    // dynamic=false wins over a dynamic mock for this one request.
    auto dynamicControl = std::make_shared<GenerationControl>();
    dynamicControl->setDynamic(true);
    const MockPipeline dynamicPipeline(m_definition, MockConfig(), nullptr, nullptr, nullptr, dynamicControl);
    const HeaderList stable { { "Prefer", "dynamic=false" } };
    QCOMPARE(dynamicPipeline.handle(get(QStringLiteral("/users"), stable)).response.body, seeded);
}

void TestGenerationControl::traceNamesTheSeed()
{
    auto control = std::make_shared<GenerationControl>();
    control->setSeed(42);
    const MockPipeline pipeline(m_definition, MockConfig(), nullptr, nullptr, nullptr, control);
    const QString trace = pipeline.handle(get(QStringLiteral("/users"))).trace.join(QLatin1Char(' '));
    QVERIFY2(trace.contains(QLatin1String("generated (realistic, seed 42)")), qPrintable(trace));
    const QString itemTrace = pipeline.handle(get(QStringLiteral("/users/7"))).trace.join(QLatin1Char(' '));
    QVERIFY2(itemTrace.contains(QLatin1String("the same for userId=7")), qPrintable(itemTrace));
    const QString dynamicTrace =
        pipeline.handle(get(QStringLiteral("/users"), { { "Prefer", "dynamic=true" } })).trace.join(QLatin1Char(' '));
    QVERIFY2(dynamicTrace.contains(QLatin1String("dynamic")), qPrintable(dynamicTrace));
}

QTEST_GUILESS_MAIN(TestGenerationControl)
#include "tst_generationcontrol.moc"
