// SPDX-License-Identifier: MIT
// The content-choice stage: the media type of the chosen response, "not acceptable" as a value, forced examples.
#include <QTest>

#include "core/negotiation/contentchoice.h"
#include "stagetestutils.h"

namespace {

constexpr int NoContent = int(ContentChoice::Outcome::NoContent);
constexpr int NotAcceptable = int(ContentChoice::Outcome::NotAcceptable);
constexpr int Chosen = int(ContentChoice::Outcome::Chosen);

} // namespace

class TestContentChoice : public QObject
{
    Q_OBJECT

private slots:
    void choose_data();
    void choose();
};

void TestContentChoice::choose_data()
{
    QTest::addColumn<QString>("response"); // one StageTestUtils spec
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("accept");
    QTest::addColumn<QString>("forcedExample");
    QTest::addColumn<int>("outcome");
    QTest::addColumn<QString>("declared"); // the chosen media type's name; empty: none
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<QString>("trace");

    QTest::addRow("no Accept: JSON first") << "200 text/plain application/json" << 200 << ""
                                           << "" << Chosen << "application/json"
                                           << "application/json"
                                           << "No Accept header: chose application/json.";
    QTest::addRow("Accept picks the declared type")
        << "200 application/json application/xml" << 200 << "application/xml"
        << "" << Chosen << "application/xml"
        << "application/xml"
        << "Accept: application/xml chose application/xml.";
    QTest::addRow("wildcard declaration made concrete") << "200 */*" << 200 << "text/html"
                                                        << "" << Chosen << "*/*"
                                                        << "text/html"
                                                        << "Accept: text/html chose text/html.";
    QTest::addRow("nothing acceptable is a value, not a status") << "200 application/json" << 200 << "image/png"
                                                                 << "" << NotAcceptable << ""
                                                                 << ""
                                                                 << "";
    QTest::addRow("no content declared") << "200" << 200 << "*/*"
                                         << "" << NoContent << ""
                                         << ""
                                         << "Response 200 has no content: no body.";
    QTest::addRow("status that allows no body") << "204 application/json" << 204 << "*/*"
                                                << "" << NoContent << ""
                                                << ""
                                                << "Response 204 has no content: no body.";
    QTest::addRow("forced example moves to an acceptable media type")
        << "200 application/json:small text/xml:doc" << 200 << "*/*"
        << "doc" << Chosen << "text/xml"
        << "text/xml"
        << "Accept: */* chose text/xml.";
    QTest::addRow("forced example in an unacceptable media type stays put")
        << "200 application/json:small text/xml:doc" << 200 << "application/json"
        << "doc" << Chosen << "application/json"
        << "application/json"
        << "Accept: application/json chose application/json.";
    QTest::addRow("forced example already in the negotiated type")
        << "200 application/json:small text/xml:small" << 200 << "text/xml"
        << "small" << Chosen << "text/xml"
        << "text/xml"
        << "Accept: text/xml chose text/xml.";
}

void TestContentChoice::choose()
{
    QFETCH(QString, response);
    QFETCH(int, status);
    QFETCH(QString, accept);
    QFETCH(QString, forcedExample);
    QFETCH(int, outcome);
    QFETCH(QString, declared);
    QFETCH(QString, contentType);
    QFETCH(QString, trace);

    const Operation op = StageTestUtils::operation({ response });
    const Response& r = op.responses.first();
    const ContentChoice choice = ContentChoice::choose(r, status, accept, forcedExample);
    QCOMPARE(int(choice.outcome), outcome);
    QCOMPARE(choice.media ? choice.media->name : QString(), declared);
    QCOMPARE(choice.contentType, contentType);
    QCOMPARE(choice.trace, trace);
    QCOMPARE(choice.accept, accept);
    if (outcome == NotAcceptable) {
        QStringList names;
        for (const MediaType& m : r.content)
            names.append(m.name);
        QCOMPARE(choice.available, names);
    }
}

QTEST_GUILESS_MAIN(TestContentChoice)
#include "tst_contentchoice.moc"
