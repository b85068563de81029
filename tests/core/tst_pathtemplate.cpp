// SPDX-License-Identifier: MIT
#include <QTest>

#include "core/routing/pathtemplate.h"

class TestPathTemplate : public QObject
{
    Q_OBJECT

private slots:
    void match_data();
    void match();
    void typedVariables_data();
    void typedVariables();
    void invalidTemplate();
};

void TestPathTemplate::match_data()
{
    QTest::addColumn<QString>("pathTemplate");
    QTest::addColumn<QStringList>("segments");
    QTest::addColumn<bool>("matches");
    QTest::addColumn<QStringList>("variables"); // name=value pairs

    QTest::addRow("root") << "/" << QStringList() << true << QStringList();
    QTest::addRow("literal") << "/books" << QStringList { "books" } << true << QStringList();
    QTest::addRow("literal mismatch") << "/books" << QStringList { "authors" } << false << QStringList();
    QTest::addRow("one variable") << "/books/{id}" << QStringList { "books", "42" } << true << QStringList { "id=42" };
    QTest::addRow("segment count differs") << "/books/{id}" << QStringList { "books" } << false << QStringList();
    QTest::addRow("two variables") << "/repos/{owner}/{repo}" << QStringList { "repos", "qt", "qtbase" } << true
                                   << QStringList { "owner=qt", "repo=qtbase" };
    QTest::addRow("variable with suffix")
        << "/files/{name}.json" << QStringList { "files", "report.json" } << true << QStringList { "name=report" };
    QTest::addRow("two variables in a segment")
        << "/files/{name}.{ext}" << QStringList { "files", "a.b.tar" } << true << QStringList { "name=a.b", "ext=tar" };
    QTest::addRow("prefix literal in segment")
        << "/v{version}/ping" << QStringList { "v2", "ping" } << true << QStringList { "version=2" };
    QTest::addRow("suffix missing") << "/files/{name}.json" << QStringList { "files", "report.xml" } << false
                                    << QStringList();
    // An empty segment still matches a whole-segment variable: validation reports the missing path parameter.
    QTest::addRow("empty segment for a whole-segment variable")
        << "/books/{id}/pages" << QStringList { "books", "", "pages" } << true << QStringList { "id=" };
    QTest::addRow("empty value inside a segment")
        << "/files/{name}.json" << QStringList { "files", ".json" } << false << QStringList();
    QTest::addRow("decoded value with slash")
        << "/books/{id}" << QStringList { "books", "a/b" } << true << QStringList { "id=a/b" };
}

void TestPathTemplate::match()
{
    QFETCH(QString, pathTemplate);
    QFETCH(QStringList, segments);
    QFETCH(bool, matches);
    QFETCH(QStringList, variables);

    const PathTemplate t(pathTemplate);
    QList<QPair<QString, QString>> captured;
    const int score = t.match(segments, false, &captured);
    QCOMPARE(score >= 0, matches);
    QStringList got;
    for (const auto& v : captured)
        got.append(v.first + QLatin1Char('=') + v.second);
    QCOMPARE(got, variables);
}

void TestPathTemplate::typedVariables_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("matches");
    QTest::addRow("integer accepts digits") << int(PathTemplate::VariableType::Integer) << "42" << true;
    QTest::addRow("integer rejects word") << int(PathTemplate::VariableType::Integer) << "me" << false;
    QTest::addRow("number accepts decimal") << int(PathTemplate::VariableType::Number) << "4.5" << true;
    QTest::addRow("boolean accepts true") << int(PathTemplate::VariableType::Boolean) << "true" << true;
    QTest::addRow("boolean rejects yes") << int(PathTemplate::VariableType::Boolean) << "yes" << false;
    QTest::addRow("any accepts word") << int(PathTemplate::VariableType::Any) << "me" << true;
}

void TestPathTemplate::typedVariables()
{
    QFETCH(int, type);
    QFETCH(QString, value);
    QFETCH(bool, matches);
    PathTemplate t(QStringLiteral("/users/{id}"));
    t.setVariableType(QStringLiteral("id"), PathTemplate::VariableType(type));
    QCOMPARE(t.match({ QStringLiteral("users"), value }, true, nullptr) >= 0, matches);
    // Untyped matching always accepts, so a wrongly typed value can still reach validation.
    QVERIFY(t.match({ QStringLiteral("users"), value }, false, nullptr) >= 0);
}

void TestPathTemplate::invalidTemplate()
{
    const PathTemplate t(QStringLiteral("/books/{id"));
    QVERIFY(!t.isValid());
    QCOMPARE(t.match({ QStringLiteral("books"), QStringLiteral("1") }, false, nullptr), -1);
}

QTEST_GUILESS_MAIN(TestPathTemplate)
#include "tst_pathtemplate.moc"
