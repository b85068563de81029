// SPDX-License-Identifier: MIT
// Tests for RegexSampler: strings built from patterns match them, respect lengths and vary on request.
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include "core/schema/ecmaregex.h"
#include "core/schema/regexsampler.h"

class TestRegexSampler : public QObject
{
    Q_OBJECT

private slots:
    void matches_data();
    void matches();
    void lengths_data();
    void lengths();
    void variantsDiffer();
    void unsupported_data();
    void unsupported();
    void toPcre();
    void hostileInputDoesNotHang();
};

void TestRegexSampler::matches_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addRow("literal") << QStringLiteral("^abc$");
    QTest::addRow("class with ranges and dash") << QStringLiteral("^[a-z0-9_-]+$");
    QTest::addRow("digits fixed count") << QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$");
    QTest::addRow("word and space escapes") << QStringLiteral("^\\w+\\s\\w+$");
    QTest::addRow("dot") << QStringLiteral("^a.c$");
    QTest::addRow("escaped metacharacters") << QStringLiteral("^\\$\\.\\(\\)\\[\\]\\{\\}\\*\\+\\?\\|\\\\$");
    QTest::addRow("group with alternation") << QStringLiteral("^(foo|bar)+baz$");
    QTest::addRow("non-capturing group") << QStringLiteral("^(?:ab){2,3}$");
    QTest::addRow("optional part") << QStringLiteral("^v?\\d+(\\.\\d+)?$");
    QTest::addRow("negated class") << QStringLiteral("^[^a-z]{3}$");
    QTest::addRow("unanchored") << QStringLiteral("[A-Z]{2}");
    QTest::addRow("sha hex") << QStringLiteral("^[0-9a-f]{40}$");
    QTest::addRow("github repo name") << QStringLiteral("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$");
    QTest::addRow("hex colour") << QStringLiteral("^#?[0-9a-fA-F]{6}$");
    QTest::addRow("unicode escape") << QStringLiteral("^\\u00e9+$");
    QTest::addRow("named group") << QStringLiteral("^(?<year>\\d{4})$");
    QTest::addRow("lazy quantifier") << QStringLiteral("^a+?b$");
    QTest::addRow("literal brace") << QStringLiteral("^a{b}$");
    QTest::addRow("class with escapes") << QStringLiteral("^[\\w.+-]+@[\\w-]+\\.[a-z]{2,}$");
    QTest::addRow("non-digit class") << QStringLiteral("^\\D\\W\\S$");
}

void TestRegexSampler::matches()
{
    QFETCH(QString, pattern);
    QString out;
    QString why;
    QVERIFY2(RegexSampler::sample(pattern, 0, -1, 0, &out, &why), qPrintable(why));
    const QRegularExpression re = EcmaRegex::compile(pattern);
    QVERIFY(re.isValid());
    QVERIFY2(re.match(out).hasMatch(), qPrintable(out));
    QString again;
    QVERIFY(RegexSampler::sample(pattern, 0, -1, 0, &again));
    QCOMPARE(again, out); // deterministic
}

void TestRegexSampler::lengths_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<int>("minLength");
    QTest::addColumn<int>("maxLength");
    QTest::addColumn<bool>("possible");
    QTest::addRow("grow an anchored repetition") << QStringLiteral("^[a-z]+$") << 10 << 12 << true;
    QTest::addRow("pad an unanchored match") << QStringLiteral("^\\d") << 8 << -1 << true;
    QTest::addRow("bounded repetition reaches its max") << QStringLiteral("^x{2,5}$") << 5 << 5 << true;
    QTest::addRow("fixed length too short") << QStringLiteral("^\\d{3}$") << 5 << -1 << false;
    QTest::addRow("fixed length too long") << QStringLiteral("^\\d{8}$") << 0 << 4 << false;
    QTest::addRow("two repetitions grow together") << QStringLiteral("^[a-z]+-[0-9]+$") << 9 << 20 << true;
    QTest::addRow("code points, not UTF-16 units") << QStringLiteral("^\\u{1F600}+$") << 3 << 3 << true;
}

void TestRegexSampler::lengths()
{
    QFETCH(QString, pattern);
    QFETCH(int, minLength);
    QFETCH(int, maxLength);
    QFETCH(bool, possible);
    QString out;
    QCOMPARE(RegexSampler::sample(pattern, minLength, maxLength, 0, &out), possible);
    if (!possible)
        return;
    const int len = RegexSampler::codePointLength(out);
    QVERIFY2(len >= minLength && (maxLength < 0 || len <= maxLength), qPrintable(out));
    QVERIFY(EcmaRegex::compile(pattern).match(out).hasMatch());
}

void TestRegexSampler::variantsDiffer()
{
    QSet<QString> seen;
    for (int v = 0; v < 10; ++v) {
        QString out;
        QVERIFY(RegexSampler::sample(QStringLiteral("^[a-z]{3}$"), 0, -1, v, &out));
        QVERIFY(QRegularExpression(QStringLiteral("^[a-z]{3}$")).match(out).hasMatch());
        seen.insert(out);
    }
    QCOMPARE(seen.size(), 10);
}

void TestRegexSampler::unsupported_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addRow("lookahead") << QStringLiteral("^(?=.*\\d)\\w+$");
    QTest::addRow("back-reference") << QStringLiteral("^(a)\\1$");
    QTest::addRow("does not compile") << QStringLiteral("^(abc$");
}

void TestRegexSampler::unsupported()
{
    QFETCH(QString, pattern);
    QString out;
    QString why;
    const bool ok = RegexSampler::sample(pattern, 0, -1, 0, &out, &why);
    if (ok) // when the plain reading happens to match, the result must still be verified
        QVERIFY(EcmaRegex::compile(pattern).match(out).hasMatch());
    else
        QVERIFY(!why.isEmpty());
}

void TestRegexSampler::toPcre()
{
    QVERIFY(EcmaRegex::compile(QStringLiteral("^\\u0041\\d$")).match(QStringLiteral("A1")).hasMatch());
    QVERIFY(!EcmaRegex::compile(QStringLiteral("^\\u0041\\d$")).match(QStringLiteral("A1\n")).hasMatch());
    QVERIFY(EcmaRegex::compile(QStringLiteral("^\\\\u$")).match(QStringLiteral("\\u")).hasMatch());
    QCOMPARE(RegexSampler::codePointLength(QString::fromUtf8("a\xF0\x9F\x98\x80")), 2);
}

void TestRegexSampler::hostileInputDoesNotHang()
{
    QString out;
    RegexSampler::sample(QString(5000, QLatin1Char('(')), 0, -1, 0, &out);
    RegexSampler::sample(QStringLiteral("^(a{1000}){1000}$"), 0, -1, 0, &out);
    RegexSampler::sample(QStringLiteral("^[a-z]{100000}$"), 0, 10, 0, &out);
    QVERIFY(true); // reaching here is the assertion
}

QTEST_GUILESS_MAIN(TestRegexSampler)
#include "tst_regexsampler.moc"
