// SPDX-License-Identifier: MIT
#include <QTest>

#include "core/negotiation/mediatypenegotiator.h"

// Accept parsing, response media type choice, and the JSON/text/Content-Type helpers.
class TestMediaTypeNegotiator : public QObject
{
    Q_OBJECT

private slots:
    void parseRange_data();
    void parseRange();
    void parseAccept();
    void choose_data();
    void choose();
    void isJson_data();
    void isJson();
    void isText_data();
    void isText();
    void isXml_data();
    void isXml();
    void matches_data();
    void matches();
    void hostileInput();
};

void TestMediaTypeNegotiator::parseRange_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("essence");
    QTest::addColumn<double>("quality");
    QTest::addColumn<QString>("charset"); // null when absent

    QTest::addRow("plain type") << "application/json" << true << "application/json" << 1.0 << QString();
    QTest::addRow("upper case is folded") << "Application/JSON" << true << "application/json" << 1.0 << QString();
    QTest::addRow("q and spaces") << "  text/html ; q=0.5 " << true << "text/html" << 0.5 << QString();
    QTest::addRow("parameter before q") << "text/plain;charset=UTF-8;q=0.2" << true << "text/plain" << 0.2 << "UTF-8";
    QTest::addRow("quoted parameter") << "text/plain; charset=\"utf-8\"" << true << "text/plain" << 1.0 << "utf-8";
    QTest::addRow("type wildcard") << "image/*" << true << "image/*" << 1.0 << QString();
    QTest::addRow("full wildcard q=0") << "*/*;q=0" << true << "*/*" << 0.0 << QString();
    QTest::addRow("no slash") << "json" << false << QString() << 0.0 << QString();
    QTest::addRow("empty subtype") << "application/" << false << QString() << 0.0 << QString();
    QTest::addRow("empty type") << "/json" << false << QString() << 0.0 << QString();
    QTest::addRow("wildcard type with subtype") << "*/json" << false << QString() << 0.0 << QString();
    QTest::addRow("q above one") << "text/html;q=2" << false << QString() << 0.0 << QString();
    QTest::addRow("q not a number") << "text/html;q=high" << false << QString() << 0.0 << QString();
    QTest::addRow("space inside type") << "text /html" << false << QString() << 0.0 << QString();
    QTest::addRow("two slashes") << "a/b/c" << false << QString() << 0.0 << QString();
}

void TestMediaTypeNegotiator::parseRange()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, essence);
    QFETCH(double, quality);
    QFETCH(QString, charset);

    const auto range = MediaRange::parse(text);
    QCOMPARE(range.has_value(), valid);
    if (!valid)
        return;
    QCOMPARE(range->essence(), essence);
    QCOMPARE(range->quality, quality);
    QCOMPARE(range->parameter(QStringLiteral("charset")), charset);
    QCOMPARE(range->parameter(QStringLiteral("charset")).isNull(), charset.isNull());
}

void TestMediaTypeNegotiator::parseAccept()
{
    const auto ranges = MediaTypeNegotiator::parseAccept(
        QStringLiteral("text/html, nonsense, application/xml;q=0.9, ,*/*;q=0.8, a/b;q=9"));
    QCOMPARE(ranges.size(), 3);
    QCOMPARE(ranges.at(0).essence(), QStringLiteral("text/html"));
    QCOMPARE(ranges.at(1).quality, 0.9);
    QCOMPARE(ranges.at(2).essence(), QStringLiteral("*/*"));

    // a comma inside a quoted parameter does not split the range
    const auto quoted = MediaTypeNegotiator::parseAccept(QStringLiteral("text/plain;x=\"a,b\", text/html"));
    QCOMPARE(quoted.size(), 2);
    QCOMPARE(quoted.at(0).parameter(QStringLiteral("x")), QStringLiteral("a,b"));
}

void TestMediaTypeNegotiator::choose_data()
{
    QTest::addColumn<QString>("accept");
    QTest::addColumn<QStringList>("available");
    QTest::addColumn<bool>("acceptable");
    QTest::addColumn<QString>("declared");
    QTest::addColumn<QString>("contentType");

    const QStringList jsonXml = { QStringLiteral("application/json"), QStringLiteral("application/xml") };
    const QStringList xmlJson = { QStringLiteral("application/xml"), QStringLiteral("application/json") };
    const QStringList textHtml = { QStringLiteral("text/plain"), QStringLiteral("text/html") };

    // no Accept
    QTest::addRow("empty accept picks first json") << "" << xmlJson << true << "application/json"
                                                   << "application/json";
    QTest::addRow("empty accept picks +json")
        << "" << QStringList { "text/plain", "application/problem+json" } << true << "application/problem+json"
        << "application/problem+json";
    QTest::addRow("empty accept without json picks first") << "" << textHtml << true << "text/plain"
                                                           << "text/plain";
    QTest::addRow("only malformed parts act as empty") << "garbage, ;;" << xmlJson << true << "application/json"
                                                       << "application/json";
    QTest::addRow("nothing available") << "" << QStringList() << false << QString() << QString();

    // q-values
    QTest::addRow("exact match") << "application/xml" << jsonXml << true << "application/xml"
                                 << "application/xml";
    QTest::addRow("higher q wins over order")
        << "application/json;q=0.4, application/xml;q=0.9" << jsonXml << true << "application/xml"
        << "application/xml";
    QTest::addRow("equal q keeps declared order")
        << "application/xml, application/json" << jsonXml << true << "application/json"
        << "application/json";
    QTest::addRow("q=0 excludes") << "application/json;q=0, */*" << jsonXml << true << "application/xml"
                                  << "application/xml";
    QTest::addRow("q=0 excludes the only type")
        << "application/json;q=0" << QStringList { "application/json" } << false << QString() << QString();
    QTest::addRow("specific q=0 beats broader range") << "text/*, text/html;q=0" << textHtml << true << "text/plain"
                                                      << "text/plain";
    QTest::addRow("most specific range sets q") << "text/*;q=0.3, text/html;q=0.7" << textHtml << true << "text/html"
                                                << "text/html";

    // wildcards in Accept
    QTest::addRow("bare wildcard prefers json") << "*/*" << xmlJson << true << "application/json"
                                                << "application/json";
    QTest::addRow("bare wildcard without json keeps order") << "*/*" << textHtml << true << "text/plain"
                                                            << "text/plain";
    QTest::addRow("browser accept falls back to json")
        << "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
        << QStringList { "application/json", "text/csv" } << true << "application/json"
        << "application/json";
    QTest::addRow("type wildcard") << "text/*" << QStringList { "application/json", "text/csv" } << true << "text/csv"
                                   << "text/csv";
    QTest::addRow("exact beats wildcard at same q")
        << "*/*, text/csv" << QStringList { "application/json", "text/csv" } << true << "text/csv"
        << "text/csv";

    // wildcards in the declaration
    QTest::addRow("declared any type gets the accepted type") << "image/png" << QStringList { "*/*" } << true << "*/*"
                                                              << "image/png";
    QTest::addRow("declared any type, bare accept") << "*/*" << QStringList { "*/*" } << true << "*/*"
                                                    << "application/json";
    QTest::addRow("declared any type, no accept") << "" << QStringList { "*/*" } << true << "*/*"
                                                  << "application/json";
    QTest::addRow("declared type wildcard")
        << "application/xml" << QStringList { "application/*" } << true << "application/*"
        << "application/xml";
    QTest::addRow("declared type wildcard, text accept") << "text/*" << QStringList { "*/*" } << true << "*/*"
                                                         << "text/plain";
    QTest::addRow("declared wildcard outside accept")
        << "text/html" << QStringList { "application/*" } << false << QString() << QString();
    QTest::addRow("concrete declaration beats declared wildcard")
        << "application/json" << QStringList { "*/*", "application/json" } << true << "application/json"
        << "application/json";
    QTest::addRow("declared wildcard ignores q=0 of one type")
        << "application/json;q=0, application/xml;q=0.5" << QStringList { "application/*" } << true << "application/*"
        << "application/xml";

    // parameters
    QTest::addRow("declared parameters kept as written")
        << "application/json" << QStringList { "application/json; charset=utf-8" } << true
        << "application/json; charset=utf-8"
        << "application/json; charset=utf-8";
    QTest::addRow("accept parameter unknown to declaration")
        << "application/json;charset=utf-8" << jsonXml << true << "application/json"
        << "application/json";
    QTest::addRow("charset compared case-insensitively")
        << "text/plain;charset=UTF-8" << QStringList { "text/plain;charset=utf-8" } << true
        << "text/plain;charset=utf-8"
        << "text/plain;charset=utf-8";
    QTest::addRow("conflicting parameter does not match")
        << "text/html;level=1" << QStringList { "text/html;level=2" } << false << QString() << QString();
    QTest::addRow("matching parameter is more specific")
        << "text/html;level=1;q=1, text/html;q=0.5" << QStringList { "text/html;level=2", "text/html;level=1" } << true
        << "text/html;level=1"
        << "text/html;level=1";

    // structured syntax suffix
    QTest::addRow("json accept takes +json")
        << "application/json" << QStringList { "application/xml", "application/vnd.api+json" } << true
        << "application/vnd.api+json"
        << "application/vnd.api+json";
    QTest::addRow("exact beats +json") << "application/json"
                                       << QStringList { "application/problem+json", "application/json" } << true
                                       << "application/json"
                                       << "application/json";
    QTest::addRow("+json accept does not take plain json")
        << "application/vnd.api+json" << QStringList { "application/json" } << false << QString() << QString();

    // none acceptable
    QTest::addRow("none acceptable") << "image/png" << jsonXml << false << QString() << QString();
    QTest::addRow("case-insensitive match") << "APPLICATION/XML" << jsonXml << true << "application/xml"
                                            << "application/xml";
    QTest::addRow("malformed declaration skipped")
        << "*/*" << QStringList { "nonsense", "text/plain" } << true << "text/plain"
        << "text/plain";
}

void TestMediaTypeNegotiator::choose()
{
    QFETCH(QString, accept);
    QFETCH(QStringList, available);
    QFETCH(bool, acceptable);
    QFETCH(QString, declared);
    QFETCH(QString, contentType);

    const MediaTypeChoice choice = MediaTypeNegotiator::choose(accept, available);
    QCOMPARE(choice.acceptable, acceptable);
    QCOMPARE(choice.declared, declared);
    QCOMPARE(choice.contentType, contentType);
    if (acceptable)
        QVERIFY(choice.quality > 0.0);
}

void TestMediaTypeNegotiator::isJson_data()
{
    QTest::addColumn<QString>("mediaType");
    QTest::addColumn<bool>("json");

    QTest::addRow("application/json") << "application/json" << true;
    QTest::addRow("with charset") << "application/json; charset=utf-8" << true;
    QTest::addRow("+json suffix") << "application/problem+json" << true;
    QTest::addRow("text/json") << "text/json" << true;
    QTest::addRow("upper case") << "Application/JSON" << true;
    QTest::addRow("xml") << "application/xml" << false;
    QTest::addRow("jsonp is not json") << "application/jsonp" << false;
    QTest::addRow("wildcard") << "*/*" << false;
    QTest::addRow("garbage") << "json" << false;
}

void TestMediaTypeNegotiator::isXml_data()
{
    QTest::addColumn<QString>("mediaType");
    QTest::addColumn<bool>("xml");

    QTest::addRow("application/xml") << "application/xml" << true;
    QTest::addRow("text/xml with charset") << "text/xml; charset=utf-8" << true;
    QTest::addRow("+xml suffix") << "application/atom+xml" << true;
    QTest::addRow("upper case") << "Application/XML" << true;
    QTest::addRow("json") << "application/json" << false;
    QTest::addRow("image/svg is not xml without +xml") << "image/svg" << false;
    QTest::addRow("xml-ish subtype") << "application/xml-dtd" << false;
    QTest::addRow("wildcard") << "*/*" << false;
    QTest::addRow("garbage") << "xml" << false;
}

void TestMediaTypeNegotiator::isXml()
{
    QFETCH(QString, mediaType);
    QFETCH(bool, xml);
    QCOMPARE(MediaTypeNegotiator::isXml(mediaType), xml);
}

void TestMediaTypeNegotiator::isJson()
{
    QFETCH(QString, mediaType);
    QFETCH(bool, json);
    QCOMPARE(MediaTypeNegotiator::isJson(mediaType), json);
}

void TestMediaTypeNegotiator::isText_data()
{
    QTest::addColumn<QString>("mediaType");
    QTest::addColumn<bool>("text");

    QTest::addRow("text/plain") << "text/plain" << true;
    QTest::addRow("text/csv with charset") << "text/csv; charset=utf-8" << true;
    QTest::addRow("json") << "application/json" << true;
    QTest::addRow("+json") << "application/hal+json" << true;
    QTest::addRow("xml") << "application/xml" << true;
    QTest::addRow("+xml") << "image/svg+xml" << true;
    QTest::addRow("yaml") << "application/x-yaml" << true;
    QTest::addRow("form") << "application/x-www-form-urlencoded" << true;
    QTest::addRow("octet stream") << "application/octet-stream" << false;
    QTest::addRow("png") << "image/png" << false;
    QTest::addRow("multipart") << "multipart/form-data" << false;
    QTest::addRow("wildcard") << "text/*" << false;
}

void TestMediaTypeNegotiator::isText()
{
    QFETCH(QString, mediaType);
    QFETCH(bool, text);
    QCOMPARE(MediaTypeNegotiator::isText(mediaType), text);
}

void TestMediaTypeNegotiator::matches_data()
{
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<QString>("declared");
    QTest::addColumn<bool>("match");

    QTest::addRow("same type") << "application/json"
                               << "application/json" << true;
    QTest::addRow("request charset ignored") << "application/json; charset=utf-8"
                                             << "application/json" << true;
    QTest::addRow("case-insensitive") << "Application/Json"
                                      << "application/json" << true;
    QTest::addRow("declared any") << "image/png"
                                  << "*/*" << true;
    QTest::addRow("declared type wildcard") << "application/xml"
                                            << "application/*" << true;
    QTest::addRow("declared type wildcard, other type") << "text/xml"
                                                        << "application/*" << false;
    QTest::addRow("other subtype") << "application/xml"
                                   << "application/json" << false;
    QTest::addRow("+json is not json") << "application/merge-patch+json"
                                       << "application/json" << false;
    QTest::addRow("declared charset required") << "text/plain"
                                               << "text/plain; charset=utf-8" << false;
    QTest::addRow("declared charset equal") << "text/plain;charset=UTF-8"
                                            << "text/plain; charset=utf-8" << true;
    QTest::addRow("declared charset different") << "text/plain;charset=latin1"
                                                << "text/plain; charset=utf-8" << false;
    QTest::addRow("multipart boundary ignored") << "multipart/form-data; boundary=xyz"
                                                << "multipart/form-data" << true;
    QTest::addRow("empty content type") << ""
                                        << "application/json" << false;
    QTest::addRow("malformed content type") << "json"
                                            << "*/*" << false;
    QTest::addRow("wildcard request") << "*/*"
                                      << "application/json" << false;
}

void TestMediaTypeNegotiator::matches()
{
    QFETCH(QString, contentType);
    QFETCH(QString, declared);
    QFETCH(bool, match);
    QCOMPARE(MediaTypeNegotiator::matches(contentType, declared), match);
}

void TestMediaTypeNegotiator::hostileInput()
{
    // long, quote-unbalanced and separator-heavy headers parse without hanging or crashing
    QString accept;
    for (int i = 0; i < 2000; ++i)
        accept += QStringLiteral("application/x%1;q=0.%2;a=\"b,").arg(i).arg(i % 10);
    accept += QStringLiteral(",,,;;;===///");
    const MediaTypeChoice choice =
        MediaTypeNegotiator::choose(accept, { QStringLiteral("application/json"), QStringLiteral("text/plain") });
    Q_UNUSED(choice);
    const auto ranges = MediaTypeNegotiator::parseAccept(QString(100000, QLatin1Char(',')));
    QVERIFY(ranges.isEmpty());
}

QTEST_GUILESS_MAIN(TestMediaTypeNegotiator)
#include "tst_mediatypenegotiator.moc"
