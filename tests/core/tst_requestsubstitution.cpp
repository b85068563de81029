// SPDX-License-Identifier: MIT
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "core/generation/requestsubstitution.h"

namespace {

// Any JSON text, scalars included; Undefined for empty text.
QJsonValue json(const QString& text)
{
    if (text.isEmpty())
        return QJsonValue::Undefined;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson((QLatin1Char('[') + text + QLatin1Char(']')).toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(text));
    return doc.array().first();
}

// "id=1&tag=a&tag=b" -> {id: [1], tag: [a, b]}
QHash<QString, QStringList> params(const QString& text)
{
    QHash<QString, QStringList> out;
    for (const QString& pair : text.split(QLatin1Char('&'), Qt::SkipEmptyParts)) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        out[pair.left(eq)].append(pair.mid(eq + 1));
    }
    return out;
}

QString compact(const QJsonValue& value)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact));
}

} // namespace

// Request body and parameter values flowing into responses (Redocly's strictExamples: false).
class TestRequestSubstitution : public QObject
{
    Q_OBJECT

private slots:
    void apply_data();
    void apply();
    void deepAndLargeInput();
};

void TestRequestSubstitution::apply_data()
{
    QTest::addColumn<QString>("response");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QStringList>("trace");

    // body: same types
    QTest::addRow("string from body") << R"({"name":"Rex","id":1})"
                                      << R"({"name":"Fido"})"
                                      << ""
                                      << ""
                                      << R"({"name":"Fido","id":1})" << QStringList { "body/name -> response /name" };
    QTest::addRow("bool from body") << R"({"done":false})"
                                    << R"({"done":true})"
                                    << ""
                                    << ""
                                    << R"({"done":true})" << QStringList { "body/done -> response /done" };
    QTest::addRow("number into non-integral number")
        << R"({"price":1.5})"
        << R"({"price":3})"
        << ""
        << ""
        << R"({"price":3})" << QStringList { "body/price -> response /price" };
    QTest::addRow("integer into integer") << R"({"count":1})"
                                          << R"({"count":7})"
                                          << ""
                                          << ""
                                          << R"({"count":7})" << QStringList { "body/count -> response /count" };
    QTest::addRow("fraction not into integer") << R"({"count":1})"
                                               << R"({"count":7.5})"
                                               << ""
                                               << ""
                                               << R"({"count":1})" << QStringList();
    QTest::addRow("nested object recursion")
        << R"({"owner":{"name":"A","address":{"city":"X","zip":"1"}},"id":1})"
        << R"({"owner":{"address":{"city":"Paris"}}})"
        << ""
        << ""
        << R"({"owner":{"name":"A","address":{"city":"Paris","zip":"1"}},"id":1})"
        << QStringList { "body/owner/address/city -> response /owner/address/city" };
    QTest::addRow("same name at another path ignored") << R"({"name":"A","owner":{"title":"x"}})"
                                                       << R"({"owner":{"name":"B"}})"
                                                       << ""
                                                       << ""
                                                       << R"({"name":"A","owner":{"title":"x"}})" << QStringList();
    QTest::addRow("pointer tokens escaped") << R"({"a/b":"x"})"
                                            << R"({"a/b":"y"})"
                                            << ""
                                            << ""
                                            << R"({"a/b":"y"})" << QStringList { "body/a~1b -> response /a~1b" };

    // body: mismatches and nulls
    QTest::addRow("string into number skipped") << R"({"id":1})"
                                                << R"({"id":"7"})"
                                                << ""
                                                << ""
                                                << R"({"id":1})" << QStringList();
    QTest::addRow("number into string skipped") << R"({"name":"a"})"
                                                << R"({"name":5})"
                                                << ""
                                                << ""
                                                << R"({"name":"a"})" << QStringList();
    QTest::addRow("object into string skipped") << R"({"name":"a"})"
                                                << R"({"name":{"x":1}})"
                                                << ""
                                                << ""
                                                << R"({"name":"a"})" << QStringList();
    QTest::addRow("null never overrides a value") << R"({"name":"a"})"
                                                  << R"({"name":null})"
                                                  << ""
                                                  << ""
                                                  << R"({"name":"a"})" << QStringList();
    QTest::addRow("null response takes request value")
        << R"({"nick":null})"
        << R"({"nick":"bo"})"
        << ""
        << ""
        << R"({"nick":"bo"})" << QStringList { "body/nick -> response /nick" };
    QTest::addRow("equal value not traced") << R"({"name":"a"})"
                                            << R"({"name":"a"})"
                                            << ""
                                            << ""
                                            << R"({"name":"a"})" << QStringList();

    // arrays
    QTest::addRow("array replaced whole") << R"({"tags":["a","b","c"]})"
                                          << R"({"tags":["z"]})"
                                          << ""
                                          << ""
                                          << R"({"tags":["z"]})" << QStringList { "body/tags -> response /tags" };
    QTest::addRow("array not into object") << R"({"tags":{"a":1}})"
                                           << R"({"tags":["z"]})"
                                           << ""
                                           << ""
                                           << R"({"tags":{"a":1}})" << QStringList();
    QTest::addRow("response array untouched by body") << R"([{"name":"a"}])"
                                                      << R"({"name":"b"})"
                                                      << ""
                                                      << ""
                                                      << R"([{"name":"a"}])" << QStringList();
    QTest::addRow("response array untouched by params") << R"([{"id":1}])"
                                                        << ""
                                                        << "id=2"
                                                        << "id=3"
                                                        << R"([{"id":1}])" << QStringList();
    QTest::addRow("array body untouched") << R"({"name":"a"})"
                                          << R"([{"name":"b"}])"
                                          << ""
                                          << ""
                                          << R"({"name":"a"})" << QStringList();
    QTest::addRow("scalar response untouched") << R"("text")"
                                               << R"({"x":1})"
                                               << "x=2"
                                               << ""
                                               << R"("text")" << QStringList();

    // never adds
    QTest::addRow("no additions from body") << R"({"id":1})"
                                            << R"({"extra":"x","id":2})"
                                            << ""
                                            << ""
                                            << R"({"id":2})" << QStringList { "body/id -> response /id" };
    QTest::addRow("no additions from params") << R"({"id":1})"
                                              << ""
                                              << "other=2"
                                              << "more=x"
                                              << R"({"id":1})" << QStringList();
    QTest::addRow("undefined body") << R"({"id":1})"
                                    << ""
                                    << ""
                                    << ""
                                    << R"({"id":1})" << QStringList();

    // parameters coerced
    QTest::addRow("path parameter to integer")
        << R"({"id":1,"name":"a"})"
        << ""
        << "id=42"
        << ""
        << R"({"id":42,"name":"a"})" << QStringList { "path parameter id -> /id" };
    QTest::addRow("path parameter to string") << R"({"id":"abc"})"
                                              << ""
                                              << "id=42"
                                              << ""
                                              << R"({"id":"42"})" << QStringList { "path parameter id -> /id" };
    QTest::addRow("query parameter to bool")
        << R"({"active":false})"
        << ""
        << ""
        << "active=true"
        << R"({"active":true})" << QStringList { "query parameter active -> /active" };
    QTest::addRow("query parameter to number")
        << R"({"ratio":0.5})"
        << ""
        << ""
        << "ratio=2.25"
        << R"({"ratio":2.25})" << QStringList { "query parameter ratio -> /ratio" };
    QTest::addRow("non-numeric parameter skipped") << R"({"id":1})"
                                                   << ""
                                                   << "id=abc"
                                                   << ""
                                                   << R"({"id":1})" << QStringList();
    QTest::addRow("fraction parameter not into integer") << R"({"id":1})"
                                                         << ""
                                                         << "id=1.5"
                                                         << ""
                                                         << R"({"id":1})" << QStringList();
    QTest::addRow("non-boolean parameter skipped") << R"({"active":true})"
                                                   << ""
                                                   << ""
                                                   << "active=yes"
                                                   << R"({"active":true})" << QStringList();
    QTest::addRow("parameter not into object") << R"({"owner":{"id":1}})"
                                               << ""
                                               << "owner=5"
                                               << ""
                                               << R"({"owner":{"id":1}})" << QStringList();
    QTest::addRow("parameter not into null") << R"({"id":null})"
                                             << ""
                                             << "id=5"
                                             << ""
                                             << R"({"id":null})" << QStringList();
    QTest::addRow("parameter only at top level") << R"({"owner":{"id":1}})"
                                                 << ""
                                                 << "id=5"
                                                 << ""
                                                 << R"({"owner":{"id":1}})" << QStringList();
    QTest::addRow("repeated query fills array")
        << R"({"tags":[1]})"
        << ""
        << ""
        << "tags=2&tags=3"
        << R"({"tags":[2,3]})" << QStringList { "query parameter tags -> /tags" };
    QTest::addRow("repeated query with bad item skipped") << R"({"tags":[1]})"
                                                          << ""
                                                          << ""
                                                          << "tags=2&tags=x"
                                                          << R"({"tags":[1]})" << QStringList();
    QTest::addRow("first value for a scalar") << R"({"limit":1})"
                                              << ""
                                              << ""
                                              << "limit=5&limit=9"
                                              << R"({"limit":5})" << QStringList { "query parameter limit -> /limit" };

    // precedence
    QTest::addRow("path beats query and body") << R"({"id":1})"
                                               << R"({"id":3})"
                                               << "id=7"
                                               << "id=9"
                                               << R"({"id":7})" << QStringList { "path parameter id -> /id" };
    QTest::addRow("query beats body") << R"({"id":1})"
                                      << R"({"id":3})"
                                      << ""
                                      << "id=9"
                                      << R"({"id":9})" << QStringList { "query parameter id -> /id" };
    QTest::addRow("body used when parameter does not coerce")
        << R"({"id":1})"
        << R"({"id":3})"
        << "id=x"
        << ""
        << R"({"id":3})" << QStringList { "body/id -> response /id" };
    QTest::addRow("everything together, stable trace order")
        << R"({"id":0,"limit":10,"name":"a","tags":["t"],"meta":{"v":1}})"
        << R"({"name":"n","meta":{"v":2}})"
        << "id=5"
        << "limit=20&zzz=1"
        << R"({"id":5,"limit":20,"name":"n","tags":["t"],"meta":{"v":2}})"
        << QStringList { "path parameter id -> /id", "query parameter limit -> /limit",
               "body/meta/v -> response /meta/v", "body/name -> response /name" };
}

void TestRequestSubstitution::apply()
{
    QFETCH(QString, response);
    QFETCH(QString, body);
    QFETCH(QString, path);
    QFETCH(QString, query);
    QFETCH(QString, expected);
    QFETCH(QStringList, trace);

    RequestValues request;
    request.body = json(body);
    request.pathParameters = params(path);
    request.queryParameters = params(query);
    const SubstitutionResult result = RequestSubstitution::apply(json(response), request);
    QCOMPARE(compact(result.response), compact(json(expected)));
    QCOMPARE(result.trace, trace);
}

void TestRequestSubstitution::deepAndLargeInput()
{
    // deeply nested matching objects: bounded recursion, no crash
    QJsonObject deepResponse { { QStringLiteral("v"), 1 } };
    QJsonObject deepBody { { QStringLiteral("v"), 2 } };
    for (int i = 0; i < 600; ++i) {
        deepResponse = QJsonObject { { QStringLiteral("a"), deepResponse } };
        deepBody = QJsonObject { { QStringLiteral("a"), deepBody } };
    }
    RequestValues deep;
    deep.body = deepBody;
    const SubstitutionResult deepResult = RequestSubstitution::apply(deepResponse, deep);
    QVERIFY(deepResult.response.isObject());
    QVERIFY(deepResult.trace.isEmpty()); // the leaf is beyond the depth limit

    // a wide object: fast enough for every request (generous bound, only catches pathological behaviour)
    QJsonObject wideResponse;
    QJsonObject wideBody;
    for (int i = 0; i < 5000; ++i) {
        wideResponse.insert(QStringLiteral("p%1").arg(i), i);
        wideBody.insert(QStringLiteral("p%1").arg(i), i + 1);
    }
    RequestValues wide;
    wide.body = wideBody;
    QElapsedTimer timer;
    timer.start();
    const SubstitutionResult wideResult = RequestSubstitution::apply(wideResponse, wide);
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(wideResult.trace.size(), 5000);
    QCOMPARE(wideResult.response.toObject().value(QStringLiteral("p10")).toInt(), 11);
}

QTEST_GUILESS_MAIN(TestRequestSubstitution)
#include "tst_requestsubstitution.moc"
