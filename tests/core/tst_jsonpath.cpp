// SPDX-License-Identifier: MIT
// JsonPath: the RFC 9535 subset overlays use, selecting JSON pointers in document order; unsupported text is an error.
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "core/json/jsonpath.h"

using namespace Qt::StringLiterals;

class TestJsonPath : public QObject
{
    Q_OBJECT

private slots:
    void select_data();
    void select();
    void unsupported_data();
    void unsupported();
    void fromPointerSelectsThePointer_data();
    void fromPointerSelectsThePointer();
};

namespace {

QJsonValue document()
{
    return QJsonDocument::fromJson(R"({
        "paths": {
            "/books/{id}": {"get": {"operationId": "getBook", "tags": ["books", "read"]}},
            "/authors": {"get": {"operationId": "listAuthors", "x-it's": 1}, "post": {"operationId": "addAuthor"}}
        },
        "tags": [{"name": "books", "n": 1}, {"name": "authors", "n": 2}]
    })")
        .object();
}

} // namespace

void TestJsonPath::select_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("pointers");
    QTest::addRow("root") << u"$"_s << QStringList { QString() };
    QTest::addRow("dot name") << u"$.tags"_s << QStringList { u"/tags"_s };
    QTest::addRow("quoted name with slash and braces")
        << u"$.paths['/books/{id}'].get"_s << QStringList { u"/paths/~1books~1{id}/get"_s };
    QTest::addRow("double-quoted name") << u"$[\"paths\"][\"/authors\"].post.operationId"_s
                                        << QStringList { u"/paths/~1authors/post/operationId"_s };
    QTest::addRow("escaped quote") << u"$.paths['/authors'].get['x-it\\'s']"_s
                                   << QStringList { u"/paths/~1authors/get/x-it's"_s };
    QTest::addRow("wildcard over an object")
        << u"$.paths['/authors'].*"_s << QStringList { u"/paths/~1authors/get"_s, u"/paths/~1authors/post"_s };
    QTest::addRow("bracket wildcard over an array")
        << u"$.tags[*].name"_s << QStringList { u"/tags/0/name"_s, u"/tags/1/name"_s };
    QTest::addRow("index") << u"$.tags[1].name"_s << QStringList { u"/tags/1/name"_s };
    QTest::addRow("negative index") << u"$.tags[-1]"_s << QStringList { u"/tags/1"_s };
    QTest::addRow("index out of range") << u"$.tags[5]"_s << QStringList {};
    QTest::addRow("union") << u"$.tags[0,1].n"_s << QStringList { u"/tags/0/n"_s, u"/tags/1/n"_s };
    QTest::addRow("recursive descent") << u"$..operationId"_s
                                       << QStringList { u"/paths/~1authors/get/operationId"_s,
                                              u"/paths/~1authors/post/operationId"_s,
                                              u"/paths/~1books~1{id}/get/operationId"_s };
    QTest::addRow("filter without parentheses") << u"$.tags[?@.name == 'authors']"_s << QStringList { u"/tags/1"_s };
    QTest::addRow("filter in parentheses, number") << u"$.tags[?(@.n==1)].name"_s << QStringList { u"/tags/0/name"_s };
    QTest::addRow("filter not equal") << u"$.tags[?@.name != 'authors']"_s << QStringList { u"/tags/0"_s };
    QTest::addRow("filter on an object's members")
        << u"$.paths.*[?@.operationId == 'addAuthor']"_s << QStringList { u"/paths/~1authors/post"_s };
    QTest::addRow("existence filter") << u"$.paths['/authors'][?@['x-it\\'s']]"_s
                                      << QStringList { u"/paths/~1authors/get"_s };
    QTest::addRow("missing name") << u"$.paths.nope.get"_s << QStringList {};
}

void TestJsonPath::select()
{
    QFETCH(QString, path);
    QFETCH(QStringList, pointers);
    QString error;
    const JsonPath parsed = JsonPath::parse(path, &error);
    QVERIFY2(parsed.isValid(), qPrintable(error));
    QCOMPARE(parsed.select(document()), pointers);
}

void TestJsonPath::unsupported_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("column");
    QTest::addRow("no dollar") << u"paths"_s << 1;
    QTest::addRow("slice") << u"$.tags[0:1]"_s << 9;
    QTest::addRow("function") << u"$.tags[?length(@) > 1]"_s << 9;
    QTest::addRow("unclosed string") << u"$['abc"_s << 7;
    QTest::addRow("two comparisons") << u"$.tags[?(@.n == 1 && @.n == 2)]"_s << 19;
    QTest::addRow("trailing dot") << u"$.tags."_s << 8;
}

void TestJsonPath::unsupported()
{
    QFETCH(QString, path);
    QFETCH(int, column);
    QString error;
    int at = 0;
    const JsonPath parsed = JsonPath::parse(path, &error, &at);
    QVERIFY(!parsed.isValid());
    QVERIFY(!error.isEmpty());
    QCOMPARE(at, column);
    QVERIFY(parsed.select(document()).isEmpty());
}

void TestJsonPath::fromPointerSelectsThePointer_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("path");
    QTest::addRow("media type") << u"/paths/~1books~1{id}/get/responses/200/content/application~1json"_s
                                << u"$.paths['/books/{id}'].get.responses['200'].content['application/json']"_s;
    QTest::addRow("array index") << u"/tags/1/name"_s << u"$.tags[1].name"_s;
    QTest::addRow("quote escaped") << u"/paths/~1authors/get/x-it's"_s << u"$.paths['/authors'].get['x-it\\'s']"_s;
}

void TestJsonPath::fromPointerSelectsThePointer()
{
    QFETCH(QString, pointer);
    QFETCH(QString, path);
    const QString made = JsonPath::fromPointer(pointer, document());
    QCOMPARE(made, path);
    QString error;
    const QStringList selected = JsonPath::parse(made, &error).select(document());
    if (pointer.startsWith(QLatin1String("/paths/~1books")))
        return; // the document has no responses: only the text is compared
    QCOMPARE(selected, QStringList { pointer });
}

QTEST_GUILESS_MAIN(TestJsonPath)
#include "tst_jsonpath.moc"
