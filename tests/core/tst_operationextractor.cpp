// SPDX-License-Identifier: MIT
#include "core/spec/operationextractor.h"

#include <QTest>

class TestOperationExtractor : public QObject
{
    Q_OBJECT

private slots:
    void synthesizeId_data();
    void synthesizeId();
};

void TestOperationExtractor::synthesizeId_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("id");
    QTest::addRow("template parameter") << QStringLiteral("GET") << QStringLiteral("/users/{id}") << QStringLiteral("get_users_id");
    QTest::addRow("root path") << QStringLiteral("POST") << QStringLiteral("/") << QStringLiteral("post");
    QTest::addRow("dashes and dots") << QStringLiteral("DELETE") << QStringLiteral("/a-b/c.json") << QStringLiteral("delete_a_b_c_json");
    QTest::addRow("trailing slash") << QStringLiteral("PUT") << QStringLiteral("/x/{y}/") << QStringLiteral("put_x_y");
}

void TestOperationExtractor::synthesizeId()
{
    QFETCH(QString, method);
    QFETCH(QString, path);
    QFETCH(QString, id);
    QCOMPARE(OperationExtractor::synthesizeId(method, path), id);
}

QTEST_GUILESS_MAIN(TestOperationExtractor)
#include "tst_operationextractor.moc"
