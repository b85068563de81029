// SPDX-License-Identifier: MIT
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include "core/definition/definitionloader.h"
#include "ui/models/requestdraft.h"

using namespace Qt::StringLiterals;

namespace {

Parameter parameter(const QString& name, const QString& in, const QJsonValue& schema, bool required = false)
{
    Parameter p;
    p.name = name;
    p.in = in;
    p.schema = schema;
    p.required = required;
    p.style = in == u"query"_s || in == u"cookie"_s ? u"form"_s : u"simple"_s;
    p.explode = p.style == u"form"_s;
    return p;
}

QJsonObject json(const char* text)
{
    return QJsonDocument::fromJson(text).object();
}

// A definition with one operation per security scheme shape and parameter style worth checking.
Definition makeDefinition()
{
    Definition def;
    def.servers = { Server { u"http://localhost/api"_s, {}, u"/api"_s } };
    def.securitySchemes = json(R"({"basic": {"type": "http", "scheme": "basic"},
        "queryKey": {"type": "apiKey", "in": "query", "name": "api_key"},
        "cookieKey": {"type": "apiKey", "in": "cookie", "name": "session"}})");

    Operation search;
    search.id = u"search"_s;
    search.method = u"GET"_s;
    search.path = u"/files/{name}"_s;
    Parameter name = parameter(u"name"_s, u"path"_s, json(R"({"type": "string"})"), true);
    name.example = u"a b/ü"_s;
    name.hasExample = true;
    search.parameters = { name,
        parameter(u"tags"_s, u"query"_s, json(R"({"type": "array", "items": {"type": "string",
                              "enum": ["x&y", "z"]}, "example": ["x&y", "z"]})"),
            true),
        parameter(u"count"_s, u"query"_s, json(R"({"type": "integer", "minimum": 5})"), true),
        parameter(u"theme"_s, u"cookie"_s, json(R"({"type": "string", "default": "dark"})"), true),
        parameter(u"untyped"_s, u"header"_s, QJsonValue(QJsonValue::Undefined)),
        parameter(u"anything"_s, u"header"_s, QJsonObject()) };
    search.security = { SecurityRequirement { { { u"queryKey"_s, {} }, { u"cookieKey"_s, {} } } } };

    Operation upload;
    upload.id = u"upload"_s;
    upload.method = u"POST"_s;
    upload.path = u"/upload"_s;
    upload.requestBody.present = true;
    MediaType multipart;
    multipart.name = u"multipart/form-data"_s;
    multipart.example = json(R"({"note": "hi"})");
    multipart.hasExample = true;
    upload.requestBody.content = { multipart };
    upload.security = { SecurityRequirement { { { u"basic"_s, {} } } }, SecurityRequirement {} };

    def.operations = { search, upload };
    return def;
}

} // namespace

class TestRequestDraft : public QObject
{
    Q_OBJECT

private slots:
    void urlEncodesPathAndExplodesArrays();
    void parametersDrawValuesByName();
    void cookiesAndApiKeys();
    void multipartAndOptionalBasicAuth();
    void curlQuotesForTheShell();
    void loggedRequestRefills_data();
    void loggedRequestRefills();
    void browsablePath_data();
    void browsablePath();
};

void TestRequestDraft::loggedRequestRefills_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<HeaderList>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("body2");
    QTest::addRow("path, exploded array and an extra query")
        << u"search"_s << u"/api/files/x%20y"_s << QByteArray("tags=z&tags=x%26y&count=9&extra=1")
        << HeaderList { { "Cookie", "theme=light; session=abc" } } << QByteArray()
        << u"http://m/api/files/x%20y?tags=z&tags=x%26y&count=9&extra=1"_s << QString();
    QTest::addRow("unsent optional lines are switched off")
        << u"search"_s << u"/api/files/a"_s << QByteArray("count=5") << HeaderList { { "X-Trace", "7" } }
        << QByteArray() << u"http://m/api/files/a?count=5"_s << QString();
    QTest::addRow("body and content type")
        << u"upload"_s << u"/api/upload"_s << QByteArray()
        << HeaderList { { "Content-Type", "multipart/form-data; boundary=zz" }, { "Authorization", "Basic eDp5" } }
        << QByteArray("--zz--") << u"http://m/api/upload"_s << u"--zz--"_s;
}

// "Open in Try it" on a log row: the draft carries what was sent, not the prefill.
void TestRequestDraft::loggedRequestRefills()
{
    QFETCH(QString, operation);
    QFETCH(QString, path);
    QFETCH(QByteArray, query);
    QFETCH(HeaderList, headers);
    QFETCH(QByteArray, body);
    QFETCH(QString, url);
    QFETCH(QString, body2);
    const Definition def = makeDefinition();
    RequestDraft draft = RequestDraft::fromOperation(def, *def.operation(operation));
    RequestLogEntry entry;
    entry.path = path;
    entry.query = query;
    entry.requestHeaders = headers;
    entry.requestBody = body;
    draft.applyLoggedRequest(entry);
    QCOMPARE(draft.url(QUrl(u"http://m"_s)).toString(QUrl::FullyEncoded), url);
    QCOMPARE(draft.body, body2);
    for (const auto& h : headers) {
        if (h.first == "Cookie" || h.first == "Content-Type")
            continue;
        bool sent = false;
        for (const auto& out : draft.headers())
            sent = sent || (out.first.compare(h.first, Qt::CaseInsensitive) == 0 && out.second == h.second);
        QVERIFY2(sent, h.first.constData());
    }
    if (headers.value(0).first == "Cookie") {
        bool cookie = false;
        for (const auto& out : draft.headers())
            cookie = cookie || (out.first == "Cookie" && out.second == "theme=light; session=abc");
        QVERIFY(cookie);
    }
}

void TestRequestDraft::browsablePath_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("path");
    const QString noGet = uR"({"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {
        "/a": {"post": {"responses": {"201": {"description": "ok"}}}}}})"_s;
    const QString securedFirst = uR"({"openapi": "3.0.3", "info": {"title": "t", "version": "1"},
        "servers": [{"url": "/v2"}],
        "components": {"securitySchemes": {"k": {"type": "apiKey", "in": "header", "name": "K"}}},
        "paths": {
        "/secret": {"get": {"security": [{"k": []}], "responses": {"200": {"description": "ok"}}}},
        "/search": {"get": {"parameters": [{"name": "q", "in": "query", "required": true,
            "schema": {"type": "string"}}], "responses": {"200": {"description": "ok"}}}},
        "/gone": {"get": {"responses": {"404": {"description": "no"}}}},
        "/items/{id}": {"get": {"parameters": [{"name": "id", "in": "path", "required": true,
            "schema": {"type": "integer", "example": 7}}], "responses": {"200": {"description": "ok"}}}}}})"_s;
    QTest::addRow("no GET at all") << noGet << QString();
    QTest::addRow("skips secured, required query and non-2xx") << securedFirst << u"/v2/items/7"_s;
}

// The first request the empty log and "Open in browser" suggest is one the mock answers with 2xx.
void TestRequestDraft::browsablePath()
{
    QFETCH(QString, spec);
    QFETCH(QString, path);
    const LoadResult loaded = DefinitionLoader().loadData(spec.toUtf8(), u"/tmp/api.json"_s);
    QVERIFY(loaded.definition);
    QCOMPARE(RequestDraft::browsablePath(*loaded.definition), path);
}

void TestRequestDraft::urlEncodesPathAndExplodesArrays()
{
    const Definition def = makeDefinition();
    const RequestDraft draft = RequestDraft::fromOperation(def, def.operations.at(0));
    QCOMPARE(draft.resolvedPath(), u"/api/files/a%20b%2F%C3%BC"_s);
    const QUrl url = draft.url(QUrl(u"http://127.0.0.1:4010/"_s));
    QCOMPARE(url.toEncoded(),
        QByteArray("http://127.0.0.1:4010/api/files/a%20b%2F%C3%BC"
                   "?tags=x%26y&tags=z&count=178&api_key=%3Capi-key%3E"));
    // A header without a schema gets a typed placeholder, and being optional it is not sent.
    QCOMPARE(draft.parameters.at(3).value, u"<value>"_s);
    QVERIFY(!draft.parameters.at(3).enabled);
    QCOMPARE(draft.parameters.at(4).value, u"<value>"_s);
}

void TestRequestDraft::parametersDrawValuesByName()
{
    // A parameter's schema says only "string": its name gives the draft (and the curl line) a value that reads real.
    Definition def;
    Operation find;
    find.id = u"find"_s;
    find.method = u"GET"_s;
    find.path = u"/people"_s;
    find.parameters = { parameter(u"email"_s, u"query"_s, json(R"({"type": "string"})"), true),
        parameter(u"city"_s, u"query"_s, json(R"({"type": "string"})"), true),
        parameter(u"code"_s, u"query"_s, json(R"({"type": "string", "pattern": "^[0-9]{3}$"})"), true) };
    def.operations = { find };
    const RequestDraft draft = RequestDraft::fromOperation(def, def.operations.at(0));
    QCOMPARE(draft.parameters.size(), 3);
    const QString email = draft.parameters.at(0).value;
    QVERIFY2(email.contains(u'@') && email != u"user@example.com"_s, qPrintable(email));
    const QString city = draft.parameters.at(1).value;
    QVERIFY2(!city.isEmpty() && city != u"string"_s && city.at(0).isUpper(), qPrintable(city));
    // A pattern the name's value would break still wins.
    QVERIFY(QRegularExpression(u"^[0-9]{3}$"_s).match(draft.parameters.at(2).value).hasMatch());
}

void TestRequestDraft::cookiesAndApiKeys()
{
    const Definition def = makeDefinition();
    const RequestDraft draft = RequestDraft::fromOperation(def, def.operations.at(0));
    const HeaderList headers = draft.headers();
    QCOMPARE(headers.size(), 1); // the optional headers are off
    QCOMPARE(headers.first().first, QByteArray("Cookie"));
    QCOMPARE(headers.first().second, QByteArray("theme=dark; session=<api-key>"));
    QVERIFY(draft.bodyBytes().isEmpty());
}

void TestRequestDraft::multipartAndOptionalBasicAuth()
{
    const Definition def = makeDefinition();
    RequestDraft draft = RequestDraft::fromOperation(def, def.operations.at(1));
    QCOMPARE(draft.parameters.size(), 1);
    QCOMPARE(draft.parameters.first().value, u"Basic dXNlcjpwYXNz"_s);
    // Anonymous access is allowed too, so the credential starts switched off.
    QVERIFY(!draft.parameters.first().enabled);
    QCOMPARE(draft.bodyBytes(),
        QByteArray("--understudy-try-it-boundary\r\nContent-Disposition: form-data; "
                   "name=\"note\"\r\n\r\nhi\r\n--understudy-try-it-boundary--\r\n"));
    QCOMPARE(draft.headers().first().second, QByteArray("multipart/form-data; boundary=understudy-try-it-boundary"));

    draft.forcedStatus = u"409"_s;
    draft.forcedExample = u"conflict"_s;
    const HeaderList headers = draft.headers();
    QCOMPARE(headers.at(1), qMakePair(QByteArray("x-redocly-response-status"), QByteArray("409")));
    QCOMPARE(headers.at(2), qMakePair(QByteArray("x-redocly-response-body-example"), QByteArray("conflict")));
}

void TestRequestDraft::curlQuotesForTheShell()
{
    const Definition def = makeDefinition();
    RequestDraft draft = RequestDraft::fromOperation(def, def.operations.at(1));
    draft.contentType = u"text/plain"_s;
    draft.body = u"it's $HOME `x`"_s;
    QCOMPARE(draft.curlCommand(QUrl(u"http://127.0.0.1:4010"_s)),
        u"curl -X POST 'http://127.0.0.1:4010/api/upload' -H 'Content-Type: text/plain' "
        "--data-binary 'it'\\''s $HOME `x`'"_s);
}

QTEST_MAIN(TestRequestDraft)
#include "tst_requestdraft.moc"
