// SPDX-License-Identifier: MIT
// GitHub's and Stripe's definitions end to end: load, route a request to every operation, answer each one.
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

#include "core/definition/definitionloader.h"
#include "core/engine/mockpipeline.h"
#include "core/negotiation/responseselector.h"
#include "core/routing/router.h"
#include "testutils.h"

namespace {

// A concrete request path for an operation: integers for integer path parameters, a word otherwise.
QString concretePath(const Operation& op)
{
    QString path = op.path;
    static const QRegularExpression variable(QStringLiteral(R"(\{([^}]+)\})"));
    QRegularExpressionMatchIterator it = variable.globalMatch(op.path);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        QString value = QStringLiteral("zq9");
        for (const Parameter& p : op.parameters)
            if (p.in == QLatin1String("path") && p.name == m.captured(1)
                && p.schema.toObject().value(QLatin1String("type")).toString() == QLatin1String("integer"))
                value = QStringLiteral("7");
        path.replace(m.captured(0), value);
    }
    return path;
}

} // namespace

class TestRealSpecs : public QObject
{
    Q_OBJECT

private slots:
    void everyOperation_data();
    void everyOperation();
};

void TestRealSpecs::everyOperation_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("operations");
    QTest::addRow("GitHub (JSON, 3.0.3)") << TestUtils::sharedPath("testdata/specs/api.github.com.json") << 771;
    QTest::addRow("Stripe (YAML, 3.0.0)") << TestUtils::sharedPath("testdata/specs/spec3.yaml") << 468;
}

void TestRealSpecs::everyOperation()
{
    QFETCH(QString, file);
    QFETCH(int, operations);
    if (!QFile::exists(file))
        QSKIP("the shared test definitions are not available");

    QElapsedTimer timer;
    timer.start();
    const LoadResult loaded = DefinitionLoader().loadFile(file);
    const qint64 loadMs = timer.elapsed();
    QVERIFY(loaded.definition);
    QVERIFY(!hasErrors(loaded.diagnostics));
    const Definition& def = *loaded.definition;
    QCOMPARE(def.operations.size(), operations);

    const Router router(loaded.definition);
    const MockPipeline pipeline(loaded.definition, MockConfig(), nullptr);
    timer.restart();
    int answered = 0, generated = 0, overTime = 0;
    for (const Operation& op : def.operations) {
        const QString path = concretePath(op);
        const RouteResult route = router.match(op.method.toLatin1(), path);
        QVERIFY2(
            route.ok(), qPrintable(op.method + QLatin1Char(' ') + path + QLatin1String(": ") + route.problem.detail));
        // Either this very operation, or one at an equally concrete path template with the same shape.
        if (route.match->operation->id != op.id)
            QCOMPARE(route.match->operation->path.count(QLatin1Char('{')), op.path.count(QLatin1Char('{')));

        // The plain request goes through security and validation (usually a 4xx here: no credentials, no body);
        // the forced one takes the normal success response, so every success body is built too.
        HttpRequest request;
        request.method = op.method.toLatin1();
        request.path = path;
        const MockResult plain = pipeline.handle(request);
        QVERIFY2(plain.response.status >= 100 && plain.response.status < 600, qPrintable(op.id));
        const StatusChoice normal = ResponseSelector::normal(op);
        if (normal.status != 0)
            request.headers.append(
                qMakePair(QByteArray("x-redocly-response-status"), QByteArray::number(normal.status)));
        const MockResult result = pipeline.handle(request);
        // The body budget is wall-clock time (100 ms): the sanitizer build, several times slower, may run out of it
        // on Stripe's largest bodies; that answer is the budget's 500, which is right, only not the one asked for.
        const bool overBudget = TestUtils::sanitized() && result.response.status == 500
            && (result.response.body.contains("longer than the limit")
                || result.trace.join(QLatin1Char(' ')).contains(QLatin1String("longer than the limit")));
        if (overBudget)
            ++overTime;
        else if (normal.status != 0 && !normal.response->isDefault())
            QCOMPARE(result.response.status, normal.status);
        QVERIFY2(result.response.status >= 100 && result.response.status < 600, qPrintable(op.id));
        QVERIFY2(!result.trace.isEmpty(), qPrintable(op.id));
        const QByteArray contentType = result.response.header("Content-Type");
        if (contentType.contains("json") && !result.response.body.isEmpty()) {
            QJsonParseError error;
            QJsonDocument::fromJson(result.response.body, &error);
            // Scalars are valid JSON too but QJsonDocument only takes objects and arrays.
            if (result.response.body.startsWith('{') || result.response.body.startsWith('['))
                QVERIFY2(error.error == QJsonParseError::NoError,
                    qPrintable(op.id + QLatin1String(": ") + error.errorString()));
        }
        QVERIFY2(result.response.body.size() < 8 * 1024 * 1024, qPrintable(op.id));
        ++answered;
        if (result.trace.join(QLatin1Char(' ')).contains(QLatin1String("generated")))
            ++generated;
    }
    qInfo("%s: loaded in %lld ms; %d operations routed and answered in %lld ms (%d generated bodies, %d over the "
          "time budget)",
        qPrintable(QFileInfo(file).fileName()), loadMs, answered, timer.elapsed(), generated, overTime);
    QVERIFY2(overTime * 10 <= answered, "most bodies fit the time budget even in the sanitizer build");
}

QTEST_GUILESS_MAIN(TestRealSpecs)
#include "tst_realspecs.moc"
