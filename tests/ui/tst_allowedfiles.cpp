// SPDX-License-Identifier: MIT
// AllowedFiles: which refused files the window offers to allow, and what it remembers per definition.
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

#include "ui/models/allowedfiles.h"

namespace {

Diagnostic refused(const QString& code, const QString& target)
{
    Diagnostic d = Diagnostic::error(QStringLiteral("refused"), QStringLiteral("/p/openapi.yaml"));
    d.code = code;
    d.target = target;
    return d;
}

} // namespace

class TestAllowedFiles : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void refusedTargets_data();
    void refusedTargets();
    void rememberedPerDefinition();
};

void TestAllowedFiles::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("UnderstudyUiTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_allowedfiles"));
    QSettings().clear();
}

void TestAllowedFiles::refusedTargets_data()
{
    QTest::addColumn<Diagnostics>("diagnostics");
    QTest::addColumn<QStringList>("expected");
    const QString a = QStringLiteral("/home/me/shared/a.yaml");
    const QString b = QStringLiteral("/etc/passwd");
    QTest::addRow("no diagnostics") << Diagnostics {} << QStringList {};
    QTest::addRow("one outside file") << Diagnostics { refused(QStringLiteral("ref-outside-project"), a) }
                                      << QStringList { a };
    QTest::addRow("the same file twice is offered once")
        << Diagnostics { refused(QStringLiteral("ref-outside-project"), a),
               refused(QStringLiteral("ref-outside-project"), b), refused(QStringLiteral("ref-outside-project"), a) }
        << QStringList { a, b };
    QTest::addRow("a device is never offered")
        << Diagnostics { refused(QStringLiteral("ref-not-regular-file"), QStringLiteral("/dev/zero")) }
        << QStringList {};
    QTest::addRow("a missing ref is not an outside file")
        << Diagnostics { refused(QStringLiteral("ref-missing"), QString()) } << QStringList {};
}

void TestAllowedFiles::refusedTargets()
{
    QFETCH(Diagnostics, diagnostics);
    QFETCH(QStringList, expected);
    QCOMPARE(AllowedFiles::refusedTargets(diagnostics), expected);
}

void TestAllowedFiles::rememberedPerDefinition()
{
    QSettings settings;
    const QString one = QStringLiteral("/work/api/openapi.yaml");
    const QString other = QStringLiteral("/work/other/openapi.yaml");
    QVERIFY(AllowedFiles::load(settings, one).isEmpty());
    AllowedFiles::allow(settings, one, { QStringLiteral("/shared/b.yaml"), QStringLiteral("/shared/a.yaml") });
    AllowedFiles::allow(settings, one, { QStringLiteral("/shared/a.yaml") });
    QCOMPARE(AllowedFiles::load(settings, one),
        (QStringList { QStringLiteral("/shared/a.yaml"), QStringLiteral("/shared/b.yaml") }));
    QVERIFY2(AllowedFiles::load(settings, other).isEmpty(), "another definition is not allowed anything");
    AllowedFiles::clear(settings, one);
    QVERIFY(AllowedFiles::load(settings, one).isEmpty());
}

QTEST_GUILESS_MAIN(TestAllowedFiles)
#include "tst_allowedfiles.moc"
