// SPDX-License-Identifier: MIT
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTcpServer>
#include <QTest>

#include "core/definition/definitionloader.h"
#include "core/engine/mockservice.h"
#include "ui/widgets/tryitpanel.h"

using namespace Qt::StringLiterals;

class TestTryItPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void prefill_data();
    void prefill();
    void controlHeaderChoices();
    void namedBodyExamplesAreSelectable();
    void sendShowsResponse();
    void forcedStatus();
    void forcedExample();
    void editedParametersAreSent();
    void stoppedMockDisablesSend();
    void cancelAndTimeout();
    void copyAsCurl();
    void unknownOperationShowsEmptyState();
    void screenshot();

private:
    // Clicks Send and waits for the answer; returns the status (0 on failure).
    int sendAndWait(TryItPanel& panel);
    QString header(const RequestDraft& draft, const QByteArray& name) const;

    DefinitionPtr m_definition;
    MockService* m_service = nullptr;
};

void TestTryItPanel::initTestCase()
{
    const LoadResult loaded = DefinitionLoader().loadFile(DefinitionLoader::bundledExamplePath());
    QVERIFY2(loaded.ok(), "the bundled example must load");
    m_definition = loaded.definition;
    m_service = new MockService(this);
    m_service->setDefinition(m_definition);
    const StartResult started = m_service->start(QHostAddress::LocalHost, 0);
    QVERIFY2(started, qPrintable(started.message));
}

void TestTryItPanel::cleanupTestCase()
{
    m_service->stop();
}

int TestTryItPanel::sendAndWait(TryItPanel& panel)
{
    QSignalSpy received(&panel, &TryItPanel::responseReceived);
    auto* sendButton = panel.findChild<QPushButton*>(QStringLiteral("tryItSend"));
    if (!sendButton || !sendButton->isEnabled())
        return -1;
    QTest::mouseClick(sendButton, Qt::LeftButton);
    if (!received.wait(10000))
        return -2;
    return received.first().at(0).toInt();
}

QString TestTryItPanel::header(const RequestDraft& draft, const QByteArray& name) const
{
    for (const auto& h : draft.headers())
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return QString::fromUtf8(h.second);
    return {};
}

void TestTryItPanel::prefill_data()
{
    QTest::addColumn<QString>("operationId");
    QTest::addColumn<QString>("urlPattern"); // regex over path + query of the URL
    QTest::addColumn<QString>("headerName"); // a header that must be sent ("" = none checked)
    QTest::addColumn<QString>("headerValue");
    QTest::addColumn<QString>("bodyContains"); // "" = no body

    QTest::addRow("path parameter from a pattern") << u"getUser"_s << u"^/v1/users/[a-z][a-z0-9_-]{2,31}$"_s
                                                   << u"Authorization"_s << u"Bearer <token>"_s << QString();
    QTest::addRow("integer path parameter, anonymous operation")
        << u"getBook"_s << u"^/v1/books/[1-9][0-9]*$"_s << QString() << QString() << QString();
    QTest::addRow("optional query parameters stay off")
        << u"listBooks"_s << u"^/v1/books$"_s << QString() << QString() << QString();
    QTest::addRow("body from the media type example, global bearer")
        << u"createBook"_s << u"^/v1/books$"_s << u"Authorization"_s << u"Bearer <token>"_s
        << u"\"title\": \"The Hobbit\""_s;
    QTest::addRow("apiKey header scheme")
        << u"listAuthors"_s << u"^/v1/authors$"_s << u"X-API-Key"_s << u"<api-key>"_s << QString();
    QTest::addRow("first of alternative requirements")
        << u"deleteBook"_s << u"^/v1/books/[1-9][0-9]*$"_s << u"Authorization"_s << u"Bearer <token>"_s << QString();
    QTest::addRow("body generated from the schema")
        << u"updateBook"_s << u"^/v1/books/[1-9][0-9]*$"_s << u"Content-Type"_s << u"application/json"_s
        << u"\"isbn\": \"97"_s;
    QTest::addRow("uuid path parameter")
        << u"getLoan"_s << u"^/v1/loans/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"_s << QString()
        << QString() << QString();
}

void TestTryItPanel::prefill()
{
    QFETCH(QString, operationId);
    QFETCH(QString, urlPattern);
    QFETCH(QString, headerName);
    QFETCH(QString, headerValue);
    QFETCH(QString, bodyContains);

    TryItPanel panel;
    panel.setDefinition(m_definition);
    panel.setBaseUrl(m_service->url());
    panel.setOperation(operationId);
    const RequestDraft draft = panel.currentDraft();
    QCOMPARE(draft.operationId, operationId);

    const QUrl url = draft.url(m_service->url());
    QCOMPARE(url.host(), m_service->url().host());
    QCOMPARE(url.port(), m_service->url().port());
    QString target = url.path(QUrl::FullyEncoded);
    if (url.hasQuery())
        target += QLatin1Char('?') + url.query(QUrl::FullyEncoded);
    QVERIFY2(QRegularExpression(urlPattern).match(target).hasMatch(), qPrintable(target));
    // The preview line shows the same URL.
    auto* preview = panel.findChild<QLineEdit*>(QStringLiteral("tryItUrl"));
    QVERIFY(preview->text().endsWith(QUrl::fromPercentEncoding(target.toUtf8())));

    if (!headerName.isEmpty())
        QCOMPARE(header(draft, headerName.toLatin1()), headerValue);
    QCOMPARE(draft.bodyBytes().isEmpty(), bodyContains.isEmpty());
    if (!bodyContains.isEmpty()) {
        QVERIFY2(draft.body.contains(bodyContains), qPrintable(draft.body));
        QCOMPARE(panel.findChild<QPlainTextEdit*>(QStringLiteral("tryItBody"))->toPlainText(), draft.body);
    }
}

void TestTryItPanel::controlHeaderChoices()
{
    TryItPanel panel;
    panel.setDefinition(m_definition);
    panel.setOperation(QStringLiteral("getUser"));
    auto* statuses = panel.findChild<QComboBox*>(QStringLiteral("tryItForceStatusCombo"));
    auto* examples = panel.findChild<QComboBox*>(QStringLiteral("tryItForceExampleCombo"));
    QStringList statusItems, exampleItems;
    for (int i = 0; i < statuses->count(); ++i)
        statusItems << statuses->itemText(i);
    for (int i = 0; i < examples->count(); ++i)
        exampleItems << examples->itemText(i);
    QCOMPARE(statusItems, QStringList({ u"200"_s, u"401"_s, u"404"_s, u"429"_s }));
    QCOMPARE(exampleItems, QStringList({ u"UserSummary"_s, u"UserObject"_s }));
    // Off by default: no control header goes out.
    QVERIFY(header(panel.currentDraft(), "x-redocly-response-status").isEmpty());

    // The table lists the query parameter "all" (default false) switched off, the path parameter on.
    auto* table = panel.findChild<QTableWidget*>(QStringLiteral("tryItParameters"));
    QCOMPARE(table->item(0, 0)->text(), u"username"_s);
    QCOMPARE(table->item(0, 0)->checkState(), Qt::Checked);
    QCOMPARE(table->item(1, 0)->text(), u"all"_s);
    QCOMPARE(table->item(1, 1)->text(), u"false"_s);
    QCOMPARE(table->item(1, 0)->checkState(), Qt::Unchecked);
    QCOMPARE(table->item(2, 1)->text(), u"Bearer <token>"_s);
}

void TestTryItPanel::namedBodyExamplesAreSelectable()
{
    TryItPanel panel;
    panel.setDefinition(m_definition);
    panel.setOperation(QStringLiteral("createLoan"));
    auto* mediaTypes = panel.findChild<QComboBox*>(QStringLiteral("tryItMediaType"));
    QCOMPARE(mediaTypes->count(), 2);
    QCOMPARE(mediaTypes->itemText(0), u"application/json"_s);
    QCOMPARE(mediaTypes->itemText(1), u"application/x-www-form-urlencoded"_s);

    // Switching the media type re-serialises the sample for it.
    mediaTypes->setCurrentIndex(1);
    emit mediaTypes->activated(1);
    const RequestDraft form = panel.currentDraft();
    QCOMPARE(form.contentType, u"application/x-www-form-urlencoded"_s);
    QVERIFY2(QRegularExpression(u"(^|&)bookId=[0-9]+(&|$)"_s).match(form.body).hasMatch(), qPrintable(form.body));
    QCOMPARE(header(form, "Content-Type"), u"application/x-www-form-urlencoded"_s);

    // A request body with named examples offers them in the example combo.
    auto definition = std::make_shared<Definition>(*m_definition);
    Operation& op = definition->operations[definition->operation(QStringLiteral("createBook"))->index];
    MediaType& media = op.requestBody.content.first();
    media.examples = { NamedExample { u"tolkien"_s, u"A Tolkien"_s, {}, QJsonObject { { u"title"_s, u"The Hobbit"_s } },
                           true, {}, {} },
        NamedExample { u"austen"_s, {}, {}, QJsonObject { { u"title"_s, u"Emma"_s } }, true, {}, {} } };
    panel.setDefinition(definition);
    panel.setOperation(QStringLiteral("createBook"));
    auto* bodyExamples = panel.findChild<QComboBox*>(QStringLiteral("tryItBodyExample"));
    QCOMPARE(bodyExamples->count(), 3); // two named examples and the inline one
    QCOMPARE(bodyExamples->itemText(0), u"tolkien — A Tolkien"_s);
    bodyExamples->setCurrentIndex(1);
    emit bodyExamples->activated(1);
    QVERIFY(panel.currentDraft().body.contains(u"\"Emma\""_s));
}

void TestTryItPanel::sendShowsResponse()
{
    TryItPanel panel;
    panel.setDefinition(m_definition);
    panel.setBaseUrl(m_service->url());
    panel.setOperation(QStringLiteral("getUser"));
    QSignalSpy sent(&panel, &TryItPanel::requestSent);
    QSignalSpy handled(m_service, &MockService::requestHandled);

    QCOMPARE(sendAndWait(panel), 200);
    QCOMPARE(sent.count(), 1);
    QCOMPARE(sent.first().at(0).toString(), u"getUser"_s);
    QCOMPARE(panel.lastStatus(), 200);
    const QString text = panel.responseText();
    QVERIFY2(text.startsWith(u"HTTP/1.1 200"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Content-Type: application/json"_s, Qt::CaseInsensitive), qPrintable(text));
    // Pretty-printed JSON: one property per line, indented.
    QVERIFY2(text.contains(u"\n    \"name\": \"Red Ocker\""_s), qPrintable(text));
    QVERIFY(panel.findChild<QLabel*>(QStringLiteral("tryItStatus"))->text().startsWith(u"200"_s));
    QVERIFY(panel.findChild<QLabel*>(QStringLiteral("tryItDetails"))->text().contains(u"ms"_s));

    // The same request reached the app's live log through the mock (entries come in batches: wait for ours).
    QTRY_VERIFY_WITH_TIMEOUT(
        !handled.isEmpty() && !handled.last().at(0).value<RequestLogEntry>().requestHeader("Authorization").isEmpty(),
        5000);
    const auto entry = handled.last().at(0).value<RequestLogEntry>();
    QCOMPARE(entry.operationId, u"getUser"_s);
    QCOMPARE(entry.status, 200);
    QCOMPARE(entry.requestHeader("Authorization"), QByteArray("Bearer <token>"));
}

void TestTryItPanel::forcedStatus()
{
    TryItPanel panel;
    panel.setDefinition(m_definition);
    panel.setBaseUrl(m_service->url());
    panel.setOperation(QStringLiteral("getUser"));
    QSignalSpy handled(m_service, &MockService::requestHandled);
    panel.findChild<QCheckBox*>(QStringLiteral("tryItForceStatus"))->setChecked(true);
    auto* statuses = panel.findChild<QComboBox*>(QStringLiteral("tryItForceStatusCombo"));
    QVERIFY(statuses->isEnabled());
    statuses->setCurrentText(u"429"_s);

    QCOMPARE(sendAndWait(panel), 429);
    QVERIFY(panel.responseText().startsWith(u"HTTP/1.1 429"_s));
    QVERIFY(panel.responseText().contains(u"Too many requests"_s));
    QVERIFY(panel.responseText().contains(u"Retry-After: 30"_s, Qt::CaseInsensitive));
    QTRY_VERIFY_WITH_TIMEOUT(!handled.isEmpty() && handled.last().at(0).value<RequestLogEntry>().status == 429, 5000);
    const auto entry = handled.last().at(0).value<RequestLogEntry>();
    QCOMPARE(entry.status, 429);
    QVERIFY(entry.forced);
}

void TestTryItPanel::forcedExample()
{
    TryItPanel panel;
    panel.setDefinition(m_definition);
    panel.setBaseUrl(m_service->url());
    panel.setOperation(QStringLiteral("getUser"));
    panel.findChild<QCheckBox*>(QStringLiteral("tryItForceExample"))->setChecked(true);
    panel.findChild<QComboBox*>(QStringLiteral("tryItForceExampleCombo"))->setCurrentText(u"UserObject"_s);
    QCOMPARE(sendAndWait(panel), 200);
    QVERIFY2(panel.responseText().contains(u"\"loans\""_s), qPrintable(panel.responseText()));

    panel.findChild<QComboBox*>(QStringLiteral("tryItForceExampleCombo"))->setCurrentText(u"UserSummary"_s);
    QCOMPARE(sendAndWait(panel), 200);
    QVERIFY(!panel.responseText().contains(u"\"loans\""_s));
}

void TestTryItPanel::editedParametersAreSent()
{
    TryItPanel panel;
    panel.setDefinition(m_definition);
    panel.setBaseUrl(m_service->url());
    panel.setOperation(QStringLiteral("getUser"));
    auto* table = panel.findChild<QTableWidget*>(QStringLiteral("tryItParameters"));
    table->item(0, 1)->setText(u"alice_w"_s); // username
    table->item(1, 0)->setCheckState(Qt::Checked); // all=false
    table->item(1, 1)->setText(u"true"_s);
    auto* preview = panel.findChild<QLineEdit*>(QStringLiteral("tryItUrl"));
    QVERIFY2(preview->text().endsWith(u"/v1/users/alice_w?all=true"_s), qPrintable(preview->text()));

    QSignalSpy handled(m_service, &MockService::requestHandled);
    QCOMPARE(sendAndWait(panel), 200);
    // Log entries arrive in batches, possibly after late ones of earlier sends: wait for ours.
    QTRY_VERIFY_WITH_TIMEOUT(
        !handled.isEmpty() && handled.last().at(0).value<RequestLogEntry>().path == u"/v1/users/alice_w"_s, 5000);
    const auto entry = handled.last().at(0).value<RequestLogEntry>();
    QCOMPARE(entry.query, QByteArray("all=true"));

    // Without the credential the mock asks for one.
    table->item(2, 0)->setCheckState(Qt::Unchecked);
    QCOMPARE(sendAndWait(panel), 401);
}

void TestTryItPanel::stoppedMockDisablesSend()
{
    TryItPanel panel;
    panel.setDefinition(m_definition);
    panel.setOperation(QStringLiteral("getUser"));
    auto* sendButton = panel.findChild<QPushButton*>(QStringLiteral("tryItSend"));
    auto* hint = panel.findChild<QLabel*>(QStringLiteral("tryItStoppedHint"));
    QVERIFY(!sendButton->isEnabled());
    QVERIFY(hint->isVisibleTo(&panel));
    QVERIFY(!sendButton->toolTip().isEmpty());
    QSignalSpy sent(&panel, &TryItPanel::requestSent);
    panel.send(); // ignored while stopped
    QCOMPARE(sent.count(), 0);

    panel.setBaseUrl(m_service->url());
    QVERIFY(sendButton->isEnabled());
    QVERIFY(!hint->isVisibleTo(&panel));
    panel.setBaseUrl(QUrl());
    QVERIFY(!sendButton->isEnabled());
}

void TestTryItPanel::cancelAndTimeout()
{
    // A server that accepts connections and never answers keeps the request in flight.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    TryItPanel panel;
    panel.setDefinition(m_definition);
    panel.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort())));
    panel.setOperation(QStringLiteral("getUser"));
    auto* sendButton = panel.findChild<QPushButton*>(QStringLiteral("tryItSend"));
    auto* cancelButton = panel.findChild<QPushButton*>(QStringLiteral("tryItCancel"));

    QSignalSpy received(&panel, &TryItPanel::responseReceived);
    panel.send();
    QVERIFY(panel.isBusy());
    QVERIFY(!sendButton->isEnabled());
    QVERIFY(cancelButton->isVisibleTo(&panel));
    QTest::qWait(50); // let the connection open so the abort hits a real socket
    QTest::mouseClick(cancelButton, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(received.count(), 1, 5000);
    QCOMPARE(received.first().at(0).toInt(), 0);
    QCOMPARE(received.first().at(1).toString(), TryItPanel::tr("Cancelled"));
    QVERIFY(!panel.isBusy());
    QVERIFY(sendButton->isEnabled());
    QVERIFY(!cancelButton->isVisibleTo(&panel));

    panel.setTimeout(200);
    received.clear();
    panel.send();
    // Generous bound: only "it does not hang".
    QTRY_COMPARE_WITH_TIMEOUT(received.count(), 1, 10000);
    QCOMPARE(received.first().at(0).toInt(), 0);
    QVERIFY(received.first().at(1).toString().contains(u"0.2 s"_s));
    QCOMPARE(panel.lastStatus(), 0);
    QVERIFY(sendButton->isEnabled());
}

void TestTryItPanel::copyAsCurl()
{
    TryItPanel panel;
    panel.setDefinition(m_definition);
    panel.setBaseUrl(m_service->url());
    panel.setOperation(QStringLiteral("createBook"));
    auto* body = panel.findChild<QPlainTextEdit*>(QStringLiteral("tryItBody"));
    body->setPlainText(u"{\"isbn\": \"978-0-261-10221-7\", \"title\": \"Tolkien's Hobbit\", \"authorId\": 3}"_s);
    QTest::mouseClick(panel.findChild<QWidget*>(QStringLiteral("tryItCurl")), Qt::LeftButton);
    const QString base = m_service->url().toString(QUrl::StripTrailingSlash);
    const QString expected = u"curl -X POST '"_s + base
        + u"/v1/books' -H 'Authorization: Bearer <token>' -H 'Content-Type: application/json' "
          "--data-binary '{\"isbn\": \"978-0-261-10221-7\", \"title\": \"Tolkien'\\''s Hobbit\", \"authorId\": 3}'"_s;
    QCOMPARE(QGuiApplication::clipboard()->text(), expected);

    // The command really is what a shell runs: the mock answers it with the created book.
    const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
    if (curl.isEmpty())
        QSKIP("curl is not installed; the quoting was checked textually");
    QProcess shell;
    shell.start(QStringLiteral("/bin/sh"), { QStringLiteral("-c"), expected + u" -s -w ' %{http_code}'"_s });
    // The mock runs on its own thread, so this event-loop-free wait is fine.
    QVERIFY(shell.waitForFinished(15000));
    const QString out = QString::fromUtf8(shell.readAllStandardOutput());
    QVERIFY2(out.endsWith(u" 201"_s), qPrintable(out));
}

void TestTryItPanel::unknownOperationShowsEmptyState()
{
    TryItPanel panel;
    panel.setDefinition(m_definition);
    auto* empty = panel.findChild<QLabel*>(QStringLiteral("tryItEmpty"));
    QVERIFY(empty->isVisibleTo(&panel));
    panel.setOperation(QStringLiteral("getUser"));
    QVERIFY(!empty->isVisibleTo(&panel));
    panel.setOperation(QStringLiteral("noSuchOperation"));
    QVERIFY(empty->isVisibleTo(&panel));
    QVERIFY(panel.operationId().isEmpty());
    panel.copyAsCurl(); // nothing to copy, must not crash
    panel.send();
    QVERIFY(!panel.isBusy());
}

void TestTryItPanel::screenshot()
{
    TryItPanel panel;
    panel.resize(860, 620);
    panel.setDefinition(m_definition);
    panel.setBaseUrl(m_service->url());
    panel.setOperation(QStringLiteral("getUser"));
    panel.findChild<QTableWidget*>(QStringLiteral("tryItParameters"))->item(0, 1)->setText(u"redocker"_s);
    panel.findChild<QCheckBox*>(QStringLiteral("tryItForceExample"))->setChecked(true);
    panel.findChild<QComboBox*>(QStringLiteral("tryItForceExampleCombo"))->setCurrentText(u"UserObject"_s);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QCOMPARE(sendAndWait(panel), 200);
    QTest::qWait(100); // let the layout settle after the Cancel button hides
    QVERIFY(panel.grab().save(QStringLiteral("/tmp/tryit.png")));
}

QTEST_MAIN(TestTryItPanel)
#include "tst_tryitpanel.moc"
