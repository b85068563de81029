// SPDX-License-Identifier: MIT
// WelcomePage: its message and the two ways on (open a file, open the example).
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include "ui/widgets/welcomepage.h"

class TestWelcomePage : public QObject
{
    Q_OBJECT

private slots:
    void showsMessage();
    void buttons_data();
    void buttons();
};

void TestWelcomePage::showsMessage()
{
    WelcomePage page;
    page.showMessage(QStringLiteral("Could not open a.yaml"), QStringLiteral("line 3: <b>bad</b>"));
    QCOMPARE(page.title(), QStringLiteral("Could not open a.yaml"));
    QCOMPARE(page.text(), QStringLiteral("line 3: <b>bad</b>"));
}

void TestWelcomePage::buttons_data()
{
    QTest::addColumn<QString>("button");
    QTest::addColumn<bool>("opens"); // true: openRequested, false: exampleRequested
    QTest::addRow("open a definition") << QStringLiteral("Open definition…") << true;
    QTest::addRow("open the example") << QStringLiteral("Open the Bookshelf example") << false;
}

void TestWelcomePage::buttons()
{
    QFETCH(QString, button);
    QFETCH(bool, opens);
    WelcomePage page;
    QSignalSpy open(&page, &WelcomePage::openRequested);
    QSignalSpy example(&page, &WelcomePage::exampleRequested);
    QPushButton* clicked = nullptr;
    for (QPushButton* b : page.findChildren<QPushButton*>())
        if (b->text() == button)
            clicked = b;
    QVERIFY(clicked);
    clicked->click();
    QCOMPARE(open.count(), opens ? 1 : 0);
    QCOMPARE(example.count(), opens ? 0 : 1);
}

QTEST_MAIN(TestWelcomePage)
#include "tst_welcomepage.moc"
