// SPDX-License-Identifier: MIT
// Tests SpecFormat's schema property tree (the body view of an operation's page).
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "ui/models/specformat.h"

class TestSpecFormat : public QObject
{
    Q_OBJECT

private slots:
    void schemaProperties_data();
    void schemaProperties();
};

void TestSpecFormat::schemaProperties_data()
{
    QTest::addColumn<QByteArray>("schema");
    QTest::addColumn<QStringList>("rows"); // "depth name type required? description"
    QTest::addRow("flat object with required and format")
        << QByteArray(R"({"type": "object", "required": ["id"], "properties": {
               "id": {"type": "integer", "description": "The **id**"},
               "email": {"type": "string", "format": "email"}}})")
        << QStringList { "0 email string (email)  ", "0 id integer required The **id**" };
    QTest::addRow("array of a referenced object, nested")
        << QByteArray(R"({"type": "array", "items": {"$ref": "#/components/schemas/Pet"}})")
        << QStringList { "0 name string required ", "0 owner Owner  ", "1 nick string  " };
    QTest::addRow("allOf merged") << QByteArray(R"({"allOf": [{"$ref": "#/components/schemas/Owner"},
               {"properties": {"extra": {"type": "boolean"}}}]})")
                                  << QStringList { "0 nick string  ", "0 extra boolean  " };
    QTest::addRow("a cycle is expanded once") << QByteArray(R"({"$ref": "#/components/schemas/Node"})")
                                              << QStringList { "0 next Node  ", "0 value number  " };
    QTest::addRow("missing ref is marked")
        << QByteArray(R"({"properties": {"ghost": {"$ref": "#/components/schemas/Nope"}}})")
        << QStringList { "0 ghost Nope  missing" };
    QTest::addRow("scalar has no properties") << QByteArray(R"({"type": "string"})") << QStringList {};
}

void TestSpecFormat::schemaProperties()
{
    QFETCH(QByteArray, schema);
    QFETCH(QStringList, rows);
    const QJsonObject document = QJsonDocument::fromJson(R"({"components": {"schemas": {
        "Pet": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"},
            "owner": {"$ref": "#/components/schemas/Owner"}}},
        "Owner": {"type": "object", "properties": {"nick": {"type": "string"}}},
        "Node": {"type": "object", "properties": {"next": {"$ref": "#/components/schemas/Node"},
            "value": {"type": "number"}}}}}})")
                                     .object();
    QStringList got;
    for (const SpecFormat::SchemaProperty& p :
        SpecFormat::schemaProperties(QJsonDocument::fromJson(schema).object(), document))
        got << QStringLiteral("%1 %2 %3 %4 %5")
                   .arg(p.depth)
                   .arg(p.name, p.type, p.required ? QStringLiteral("required") : QString(),
                       p.missingRef ? QStringLiteral("missing") : p.description);
    QCOMPARE(got, rows);
}

QTEST_GUILESS_MAIN(TestSpecFormat)
#include "tst_specformat.moc"
