// SPDX-License-Identifier: MIT
// Proxy decisions without sockets: what is forwarded where with which headers, what is rejected, when the mock
// falls in for the upstream.
#include <QTest>

#include "core/definition/definitionloader.h"
#include "core/proxy/proxystage.h"

class TestProxyStage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void validRequestIsForwarded();
    void invalidRequestIsForwardedUnlessRejected();
    void undefinedPathIsForwardedWithoutOperation();
    void fallbackReason_data();
    void fallbackReason();

private:
    ProxyPlan plan(const HttpRequest& request, bool rejectInvalid = false) const;

    DefinitionPtr m_definition;
    std::unique_ptr<Router> m_router;
    std::unique_ptr<RequestValidator> m_validator;
};

void TestProxyStage::initTestCase()
{
    const LoadResult loaded = DefinitionLoader().loadFile(QStringLiteral(UNDERSTUDY_TEST_DATA "/proxy/books.yaml"));
    QVERIFY(loaded.definition);
    m_definition = loaded.definition;
    m_router = std::make_unique<Router>(m_definition);
    m_validator = std::make_unique<RequestValidator>(m_definition);
}

ProxyPlan TestProxyStage::plan(const HttpRequest& request, bool rejectInvalid) const
{
    ProxySettings settings;
    settings.mode = ProxyMode::Proxy;
    settings.upstream = QUrl(QStringLiteral("http://up:9000/api"));
    settings.rejectInvalid = rejectInvalid;
    return ProxyStage::plan(*m_router, *m_validator, *m_definition, settings, request);
}

namespace {
HttpRequest makeRequest(const QByteArray& method, const QString& path, const QByteArray& body = {})
{
    HttpRequest r;
    r.method = method;
    r.path = path;
    r.headers = { { "Host", "localhost:4010" }, { "Connection", "keep-alive" } };
    if (!body.isEmpty()) {
        r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        r.body = body;
    }
    return r;
}
} // namespace

void TestProxyStage::validRequestIsForwarded()
{
    HttpRequest request = makeRequest("GET", QStringLiteral("/v1/books/3"));
    request.query = "fields=title";
    const ProxyPlan p = plan(request);
    QVERIFY(p.operation);
    QCOMPARE(p.operation->id, QStringLiteral("getBook"));
    QCOMPARE(p.operationKey, QStringLiteral("GET /books/{id}"));
    QVERIFY(!p.invalid);
    QVERIFY(!p.reject);
    QCOMPARE(p.target.toString(), QStringLiteral("http://up:9000/api/books/3?fields=title"));
    QVERIFY(p.headers.isEmpty()); // Host and Connection are the proxy's own
    QVERIFY(p.trace.last().startsWith(QLatin1String("Forwarded to http://up:9000/api/books/3")));
}

void TestProxyStage::invalidRequestIsForwardedUnlessRejected()
{
    const HttpRequest request = makeRequest("POST", QStringLiteral("/v1/books"), R"({"title":3})");
    ProxyPlan p = plan(request);
    QVERIFY(p.invalid);
    QVERIFY(!p.reject);
    QCOMPARE(p.requestErrors.value(0).location, QStringLiteral("body/title"));
    p = plan(request, true);
    QVERIFY(p.reject);
    QVERIFY(!p.trace.last().startsWith(QLatin1String("Forwarded")));
}

void TestProxyStage::undefinedPathIsForwardedWithoutOperation()
{
    const ProxyPlan p = plan(makeRequest("DELETE", QStringLiteral("/v1/authors")));
    QVERIFY(!p.operation);
    QCOMPARE(p.operationKey, QStringLiteral("DELETE /v1/authors"));
    QCOMPARE(p.target.toString(), QStringLiteral("http://up:9000/api/authors"));
    QVERIFY(p.trace.first().startsWith(QLatin1String("Not in the definition")));
}

void TestProxyStage::fallbackReason_data()
{
    QTest::addColumn<bool>("fallback");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("reason"); // a word of the reason, empty: the upstream's answer stands
    QTest::newRow("fallback off") << false << "/v1/authors" << 501 << ""
                                  << "";
    QTest::newRow("501") << true << "/v1/authors" << 501 << ""
                         << "501";
    QTest::newRow("unreachable") << true << "/v1/authors" << 0 << "Connection refused"
                                 << "Connection refused";
    QTest::newRow("404 where the operation defines none") << true << "/v1/authors" << 404 << ""
                                                          << "defines no 404";
    QTest::newRow("404 the operation defines") << true << "/v1/books/1" << 404 << ""
                                               << "";
    QTest::newRow("500 stands") << true << "/v1/authors" << 500 << ""
                                << "";
    QTest::newRow("200 stands") << true << "/v1/authors" << 200 << ""
                                << "";
    QTest::newRow("undefined path: no mock to fall back to") << true << "/v1/nothing" << 501 << ""
                                                             << "";
}

void TestProxyStage::fallbackReason()
{
    QFETCH(bool, fallback);
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(QString, error);
    QFETCH(QString, reason);
    ProxySettings settings;
    settings.mode = fallback ? ProxyMode::ProxyWithFallback : ProxyMode::Proxy;
    settings.upstream = QUrl(QStringLiteral("http://up"));
    const ProxyPlan p = ProxyStage::plan(*m_router, *m_validator, *m_definition, settings, makeRequest("GET", path));
    const QString why = ProxyStage::fallbackReason(settings, p, status, error);
    if (reason.isEmpty())
        QVERIFY2(why.isEmpty(), qPrintable(why));
    else
        QVERIFY2(why.contains(reason), qPrintable(why));
}

QTEST_GUILESS_MAIN(TestProxyStage)
#include "tst_proxystage.moc"
