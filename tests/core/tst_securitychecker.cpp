// SPDX-License-Identifier: MIT
// SecurityChecker: the format of every scheme's credentials, OR/AND of requirements and the challenges.
#include <QJsonDocument>
#include <QTest>

#include "core/validation/securitychecker.h"

namespace {

const QJsonObject& schemes()
{
    static const QJsonObject s = QJsonDocument::fromJson(R"({
        "bearer": {"type": "http", "scheme": "bearer"},
        "basic": {"type": "http", "scheme": "Basic"},
        "digest": {"type": "http", "scheme": "digest"},
        "negotiate": {"type": "http", "scheme": "Negotiate"},
        "hoba": {"type": "http", "scheme": "HOBA"},
        "mutual": {"type": "http", "scheme": "Mutual"},
        "scram": {"type": "http", "scheme": "SCRAM-SHA-256"},
        "vapid": {"type": "http", "scheme": "vapid"},
        "dpop": {"type": "http", "scheme": "DPoP"},
        "privateToken": {"type": "http", "scheme": "PrivateToken"},
        "concealed": {"type": "http", "scheme": "Concealed"},
        "gnap": {"type": "http", "scheme": "GNAP"},
        "oauth1": {"type": "http", "scheme": "OAuth"},
        "headerKey": {"type": "apiKey", "in": "header", "name": "X-Key"},
        "queryKey": {"type": "apiKey", "in": "query", "name": "key"},
        "cookieKey": {"type": "apiKey", "in": "cookie", "name": "sid"},
        "oauth": {"type": "oauth2", "flows": {}},
        "oidc": {"type": "openIdConnect", "openIdConnectUrl": "urn:example:oidc"},
        "tls": {"type": "mutualTLS"}})")
                                     .object();
    return s;
}

// "a+b|c" -> [{a, b}, {c}]; "{}" -> an anonymous requirement.
QList<SecurityRequirement> requirements(const QString& text)
{
    QList<SecurityRequirement> out;
    for (const QString& alternative : text.split(QLatin1Char('|'), Qt::SkipEmptyParts)) {
        SecurityRequirement r;
        if (alternative != QLatin1String("{}"))
            for (const QString& name : alternative.split(QLatin1Char('+')))
                r.schemes.append({ name, {} });
        out.append(r);
    }
    return out;
}

} // namespace

class TestSecurityChecker : public QObject
{
    Q_OBJECT

private slots:
    void check_data();
    void check();
};

void TestSecurityChecker::check_data()
{
    QTest::addColumn<QString>("requirements");
    QTest::addColumn<QByteArray>("authorization"); // empty = no header
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QByteArray>("extraHeader"); // "Name: value" or empty
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QStringList>("locations");
    QTest::addColumn<QList<QByteArray>>("challenges");

    const QList<QByteArray> none;
    QTest::addRow("no requirements") << "" << QByteArray() << QByteArray() << QByteArray() << true << QStringList()
                                     << none;
    QTest::addRow("anonymous alternative")
        << "bearer|{}" << QByteArray() << QByteArray() << QByteArray() << true << QStringList() << none;
    QTest::addRow("bearer") << "bearer" << QByteArray("Bearer abc.def") << QByteArray() << QByteArray() << true
                            << QStringList() << none;
    QTest::addRow("bearer scheme is case-insensitive")
        << "bearer" << QByteArray("bEaReR x") << QByteArray() << QByteArray() << true << QStringList() << none;
    QTest::addRow("bearer without token") << "bearer" << QByteArray("Bearer") << QByteArray() << QByteArray() << false
                                          << QStringList { "header/Authorization" } << QList<QByteArray> { "Bearer" };
    QTest::addRow("bearer given basic") << "bearer" << QByteArray("Basic dTpw") << QByteArray() << QByteArray() << false
                                        << QStringList { "header/Authorization" } << QList<QByteArray> { "Bearer" };
    QTest::addRow("basic") << "basic" << QByteArray("Basic dXNlcjpwYXNz") << QByteArray() << QByteArray() << true
                           << QStringList() << none;
    QTest::addRow("basic empty user and password")
        << "basic" << QByteArray("Basic Og==") << QByteArray() << QByteArray() << true << QStringList() << none;
    QTest::addRow("basic not base64") << "basic" << QByteArray("Basic !!!") << QByteArray() << QByteArray() << false
                                      << QStringList { "header/Authorization" }
                                      << QList<QByteArray> { "Basic realm=\"understudy\"" };
    QTest::addRow("basic without colon") << "basic" << QByteArray("Basic dXNlcg==") << QByteArray() << QByteArray()
                                         << false << QStringList { "header/Authorization" }
                                         << QList<QByteArray> { "Basic realm=\"understudy\"" };
    QTest::addRow("digest complete")
        << "digest"
        << QByteArray(
               "Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"/x\", response=\"abc\", qop=auth, nc=00000001")
        << QByteArray() << QByteArray() << true << QStringList() << none;
    // Format only: parameters that are present but empty are well-formed (values are never judged).
    QTest::addRow("digest with every parameter empty")
        << "digest" << QByteArray("Digest username=\"\", realm=\"\", nonce=\"\", uri=\"\", response=\"\"")
        << QByteArray() << QByteArray() << true << QStringList() << none;
    QTest::addRow("digest with an empty unquoted parameter")
        << "digest" << QByteArray("Digest username=\"\", realm=r, nonce=n, uri=/, response=") << QByteArray()
        << QByteArray() << true << QStringList() << none;
    QTest::addRow("digest with username* (RFC 8187)")
        << "digest"
        << QByteArray("Digest username*=UTF-8''J%C3%A4s, realm=\"r\", nonce=\"n\", uri=\"/\", response=\"x\"")
        << QByteArray() << QByteArray() << true << QStringList() << none;
    QTest::addRow("digest lacking response")
        << "digest" << QByteArray("Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"/\"") << QByteArray()
        << QByteArray() << false << QStringList { "header/Authorization" }
        << QList<QByteArray> { "Digest realm=\"understudy\", qop=\"auth\", nonce=\"dW5kZXJzdHVkeQ\"" };
    // The other http schemes of the IANA registry: their parameters' values (even empty ones) are never judged.
    QTest::addRow("Negotiate token") << "negotiate" << QByteArray("Negotiate YIIB") << QByteArray() << QByteArray()
                                     << true << QStringList() << none;
    QTest::addRow("HOBA with an empty result")
        << "hoba" << QByteArray("HOBA result=\"\"") << QByteArray() << QByteArray() << true << QStringList() << none;
    QTest::addRow("Mutual with empty parameters")
        << "mutual" << QByteArray("Mutual sid=\"\", reqnum=\"\", ver=\"\", kd1=\"\"") << QByteArray() << QByteArray()
        << true << QStringList() << none;
    QTest::addRow("SCRAM-SHA-256 with an empty realm")
        << "scram" << QByteArray("SCRAM-SHA-256 realm=\"\", data=biwsbj0=") << QByteArray() << QByteArray() << true
        << QStringList() << none;
    QTest::addRow("vapid with empty t and k") << "vapid" << QByteArray("vapid t=\"\", k=\"\"") << QByteArray()
                                              << QByteArray() << true << QStringList() << none;
    QTest::addRow("DPoP token") << "dpop" << QByteArray("DPoP eyJ0") << QByteArray() << QByteArray() << true
                                << QStringList() << none;
    QTest::addRow("PrivateToken with an empty token") << "privateToken" << QByteArray("PrivateToken token=\"\"")
                                                      << QByteArray() << QByteArray() << true << QStringList() << none;
    QTest::addRow("Concealed with empty parameters")
        << "concealed" << QByteArray("Concealed k=\"\", a=\"\", s=\"\", v=\"\", p=\"\"") << QByteArray() << QByteArray()
        << true << QStringList() << none;
    QTest::addRow("GNAP token") << "gnap" << QByteArray("GNAP OS9M2PMHKUR64TB8N6BW7OZB8CDFONP219RP1LT0") << QByteArray()
                                << QByteArray() << true << QStringList() << none;
    QTest::addRow("OAuth 1 with an empty oauth_token")
        << "oauth1" << QByteArray("OAuth oauth_consumer_key=\"k\", oauth_token=\"\", oauth_signature=\"\"")
        << QByteArray() << QByteArray() << true << QStringList() << none;
    QTest::addRow("SCRAM given no credentials")
        << "scram" << QByteArray("SCRAM-SHA-256") << QByteArray() << QByteArray() << false
        << QStringList { "header/Authorization" } << QList<QByteArray> { "SCRAM-SHA-256" };
    QTest::addRow("HOBA given Bearer") << "hoba" << QByteArray("Bearer t") << QByteArray() << QByteArray() << false
                                       << QStringList { "header/Authorization" } << QList<QByteArray> { "HOBA" };
    QTest::addRow("apiKey header") << "headerKey" << QByteArray() << QByteArray() << QByteArray("x-key: 1") << true
                                   << QStringList() << none;
    QTest::addRow("apiKey header missing") << "headerKey" << QByteArray() << QByteArray() << QByteArray() << false
                                           << QStringList { "header/X-Key" } << none;
    QTest::addRow("apiKey query") << "queryKey" << QByteArray() << QByteArray("a=1&key=") << QByteArray() << true
                                  << QStringList() << none;
    QTest::addRow("apiKey query missing") << "queryKey" << QByteArray() << QByteArray("keys=1") << QByteArray() << false
                                          << QStringList { "query/key" } << none;
    QTest::addRow("apiKey cookie") << "cookieKey" << QByteArray() << QByteArray() << QByteArray("Cookie: a=1; sid=2")
                                   << true << QStringList() << none;
    QTest::addRow("apiKey cookie missing")
        << "cookieKey" << QByteArray() << QByteArray() << QByteArray("Cookie: sidx=2") << false
        << QStringList { "cookie/sid" } << none;
    QTest::addRow("oauth2 is bearer") << "oauth" << QByteArray("Bearer t") << QByteArray() << QByteArray() << true
                                      << QStringList() << none;
    QTest::addRow("openIdConnect missing") << "oidc" << QByteArray() << QByteArray() << QByteArray() << false
                                           << QStringList { "header/Authorization" } << QList<QByteArray> { "Bearer" };
    QTest::addRow("mutualTLS cannot be checked")
        << "tls" << QByteArray() << QByteArray() << QByteArray() << true << QStringList() << none;
    QTest::addRow("undefined scheme cannot be checked")
        << "nope" << QByteArray() << QByteArray() << QByteArray() << true << QStringList() << none;
    QTest::addRow("OR: second satisfied") << "bearer|headerKey" << QByteArray() << QByteArray()
                                          << QByteArray("X-Key: k") << true << QStringList() << none;
    QTest::addRow("OR: none, challenges deduplicated")
        << "bearer|oauth|headerKey" << QByteArray() << QByteArray() << QByteArray() << false
        << QStringList { "header/Authorization", "header/Authorization", "header/X-Key" }
        << QList<QByteArray> { "Bearer" };
    QTest::addRow("AND: both") << "basic+headerKey" << QByteArray("Basic dTpw") << QByteArray()
                               << QByteArray("X-Key: k") << true << QStringList() << none;
    QTest::addRow("AND: one missing") << "basic+headerKey" << QByteArray("Basic dTpw") << QByteArray() << QByteArray()
                                      << false << QStringList { "header/X-Key" } << none;
    QTest::addRow("AND then OR") << "basic+headerKey|queryKey" << QByteArray() << QByteArray("key=1") << QByteArray()
                                 << true << QStringList() << none;
}

void TestSecurityChecker::check()
{
    QFETCH(QString, requirements);
    QFETCH(QByteArray, authorization);
    QFETCH(QByteArray, query);
    QFETCH(QByteArray, extraHeader);
    QFETCH(bool, ok);
    QFETCH(QStringList, locations);
    QFETCH(QList<QByteArray>, challenges);

    HttpRequest request;
    if (!authorization.isNull())
        request.headers.append(qMakePair(QByteArray("Authorization"), authorization));
    if (!extraHeader.isEmpty()) {
        const int colon = extraHeader.indexOf(':');
        request.headers.append(qMakePair(extraHeader.left(colon), extraHeader.mid(colon + 1).trimmed()));
    }
    request.query = query;
    const RequestParameters in = RequestParameters::from(request, {});
    const SecurityOutcome outcome =
        SecurityChecker::check(::requirements(requirements), schemes(), request, in.cookies, in.query);
    QCOMPARE(outcome.ok, ok);
    QStringList found;
    for (const ProblemError& e : outcome.errors) {
        found.append(e.location);
        QCOMPARE(e.code, QStringLiteral("security"));
    }
    QCOMPARE(found, locations);
    QCOMPARE(outcome.challenges, challenges);
    if (!requirements.isEmpty())
        QVERIFY(!outcome.trace.isEmpty());
}

QTEST_GUILESS_MAIN(TestSecurityChecker)
#include "tst_securitychecker.moc"
