// SPDX-License-Identifier: MIT
#include <cmath>
#include <limits>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "core/json/jsonwriter.h"

namespace {

QByteArray viaDocument(const QJsonValue& v)
{
    // QJsonDocument writes only objects and arrays: wrap and unwrap.
    const QByteArray wrapped = QJsonDocument(QJsonArray { v }).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

} // namespace

class TestJsonWriter : public QObject
{
    Q_OBJECT

private slots:
    void sameBytesAsQJsonDocument_data();
    void sameBytesAsQJsonDocument();
    void everyCodeUnit();
};

void TestJsonWriter::sameBytesAsQJsonDocument_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addRow("null") << QJsonValue(QJsonValue::Null);
    QTest::addRow("true") << QJsonValue(true);
    QTest::addRow("false") << QJsonValue(false);
    QTest::addRow("int") << QJsonValue(422);
    QTest::addRow("negative int") << QJsonValue(-7);
    QTest::addRow("big int") << QJsonValue(qint64(9007199254740993LL));
    QTest::addRow("min int") << QJsonValue(std::numeric_limits<qint64>::min());
    QTest::addRow("double") << QJsonValue(0.1);
    QTest::addRow("integral double") << QJsonValue(1e15);
    QTest::addRow("huge double") << QJsonValue(1.5e300);
    QTest::addRow("tiny double") << QJsonValue(5e-324);
    QTest::addRow("negative zero") << QJsonValue(-0.0);
    QTest::addRow("infinity") << QJsonValue(std::numeric_limits<double>::infinity());
    QTest::addRow("nan") << QJsonValue(std::numeric_limits<double>::quiet_NaN());
    QTest::addRow("empty string") << QJsonValue(QString());
    QTest::addRow("escapes") << QJsonValue(QStringLiteral("a\"b\\c\nd\re\tf\bg\fh\x01i\x1fj/k"));
    QTest::addRow("unicode") << QJsonValue(QStringLiteral("Grüße, 日本, \U0001F600"));
    QTest::addRow("lone high surrogate") << QJsonValue(QString(QChar(0xD800)) + QStringLiteral("x"));
    QTest::addRow("lone low surrogate") << QJsonValue(QString(QChar(0xDC00)));
    QTest::addRow("U+2028 and DEL") << QJsonValue(QString(QChar(0x2028)) + QChar(0x7f));
    QTest::addRow("array") << QJsonValue(QJsonArray { 1, QStringLiteral("two"), QJsonValue::Null, QJsonArray {} });
    QTest::addRow("object in key order") << QJsonValue(
        QJsonObject { { QStringLiteral("zeta"), 1 }, { QStringLiteral("alpha"), QJsonObject {} },
            { QStringLiteral("Beta"), QJsonArray { true } }, { QStringLiteral("ä"), 2.5 } });
    QTest::addRow("problem-like") << QJsonValue(
        QJsonObject { { QStringLiteral("type"), QStringLiteral("https://x/y") }, { QStringLiteral("status"), 422 },
            { QStringLiteral("errors"),
                QJsonArray { QJsonObject { { QStringLiteral("location"), QStringLiteral("body/sku") } } } } });
}

void TestJsonWriter::sameBytesAsQJsonDocument()
{
    QFETCH(QJsonValue, value);
    QCOMPARE(JsonWriter::compact(value), viaDocument(value));
}

void TestJsonWriter::everyCodeUnit()
{
    // Every UTF-16 code unit alone, and every BMP character after a letter, as QJsonDocument writes them.
    for (char32_t u = 0; u < 0x10000; ++u) {
        const QString text = QStringLiteral("a") + QChar(char16_t(u));
        QByteArray mine;
        JsonWriter::appendString(&mine, text);
        const QByteArray theirs = viaDocument(QJsonValue(text));
        if (mine != theirs)
            QFAIL(qPrintable(QStringLiteral("U+%1: %2 vs %3")
                                 .arg(uint(u), 4, 16, QLatin1Char('0'))
                                 .arg(QString::fromLatin1(mine.toHex()), QString::fromLatin1(theirs.toHex()))));
    }
}

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "tst_jsonwriter.moc"
