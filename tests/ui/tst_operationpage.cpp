// SPDX-License-Identifier: MIT
// OperationPage: what it shows for an operation, the overview and a placeholder; the curl command and its copy.
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>

#include "core/definition/definitionloader.h"
#include "core/negotiation/forcedresponsestore.h"
#include "ui/widgets/behaviourpanel.h"
#include "ui/widgets/forcedresponsepanel.h"
#include "ui/widgets/operationdetailsview.h"
#include "ui/widgets/operationpage.h"
#include "ui/widgets/tryitpanel.h"

class TestOperationPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void shows_data();
    void shows();
    void copiesCurl();
    void placeholderWithoutDefinition();
    void markdownAndSchemaTree_data();
    void markdownAndSchemaTree();
    void forcingIsTheBehaviourTabsFirstSection();

private:
    DefinitionPtr m_definition;
};

void TestOperationPage::initTestCase()
{
    const LoadResult loaded = DefinitionLoader().loadFile(DefinitionLoader::bundledExamplePath());
    QVERIFY(loaded.definition);
    m_definition = loaded.definition;
}

void TestOperationPage::shows_data()
{
    QTest::addColumn<QString>("operationId");
    QTest::addColumn<QString>("shownId"); // empty: the overview
    QTest::addColumn<QString>("curlStart"); // empty: no command
    QTest::addRow("an operation") << QStringLiteral("listBooks") << QStringLiteral("listBooks")
                                  << QStringLiteral("curl 'http://127.0.0.1:4321/v1/books");
    QTest::addRow("nothing selected") << QString() << QString() << QString();
    QTest::addRow("an operation the definition does not have") << QStringLiteral("gone") << QString() << QString();
}

void TestOperationPage::shows()
{
    QFETCH(QString, operationId);
    QFETCH(QString, shownId);
    QFETCH(QString, curlStart);
    OperationPage page;
    page.setDefinition(m_definition);
    page.showOperation(operationId, QUrl(QStringLiteral("http://127.0.0.1:4321")));
    QCOMPARE(page.operationId(), shownId);
    QCOMPARE(page.tryItPanel()->operationId(), shownId);
    if (curlStart.isEmpty())
        QVERIFY(page.curlField()->text().isEmpty());
    else
        QVERIFY2(page.curlField()->text().startsWith(curlStart), qPrintable(page.curlField()->text()));
    const QString shown = page.detailsView()->toPlainText();
    if (shownId.isEmpty())
        QVERIFY2(shown.contains(m_definition->title), qPrintable(shown));
    else
        QVERIFY2(shown.contains(QLatin1String("/books")), qPrintable(shown));
}

void TestOperationPage::markdownAndSchemaTree_data()
{
    QTest::addColumn<QByteArray>("spec");
    QTest::addColumn<QStringList>("shown"); // texts the page contains
    QTest::addColumn<QStringList>("hidden"); // raw text it must not show
    const QByteArray head = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /u:\n    post:\n"
                            "      operationId: op\n";
    QTest::addRow("parameter description is Markdown")
        << head
            + "      parameters:\n        - {name: q, in: query, description: 'Use **bold** or `code`', "
              "schema: {type: string}}\n      responses: {'200': {description: '*fine*'}}\n"
        << QStringList { "Use bold or code", "fine" } << QStringList { "**bold**", "`code`", "*fine*" };
    QTest::addRow("request body as a property tree")
        << head
            + "      requestBody:\n        content:\n          application/json:\n            schema:\n"
              "              type: object\n              required: [email]\n              properties:\n"
              "                email: {type: string, format: email, description: 'Where we **write**'}\n"
              "      responses: {'204': {description: done}}\n"
        << QStringList { "Property", "email", "string (email)", "required", "Where we write", "JSON Schema:" }
        << QStringList { "Where we **write**</td>" };
}

// Descriptions render the same way everywhere; bodies show as a tree of properties (raw JSON below).
void TestOperationPage::markdownAndSchemaTree()
{
    QFETCH(QByteArray, spec);
    QFETCH(QStringList, shown);
    QFETCH(QStringList, hidden);
    const LoadResult loaded = DefinitionLoader().loadData(spec, QStringLiteral("/tmp/md.yaml"));
    QVERIFY(loaded.definition);
    OperationPage page;
    page.setDefinition(loaded.definition);
    page.showOperation(QStringLiteral("op"), QUrl(QStringLiteral("http://127.0.0.1:4321")));
    const QString text = page.detailsView()->toPlainText();
    for (const QString& s : shown)
        QVERIFY2(text.contains(s), qPrintable(s + QStringLiteral(" in:\n") + text));
    for (const QString& s : hidden)
        QVERIFY2(!text.contains(s), qPrintable(s));
}

void TestOperationPage::copiesCurl()
{
    OperationPage page;
    page.setDefinition(m_definition);
    QSignalSpy message(&page, &OperationPage::message);
    QApplication::clipboard()->clear();
    page.showOperation(QStringLiteral("getBook"), QUrl(QStringLiteral("http://127.0.0.1:4010")));
    QToolButton* copy = nullptr;
    for (QToolButton* b : page.findChildren<QToolButton*>())
        if (b->text() == QLatin1String("Copy curl"))
            copy = b;
    QVERIFY(copy);
    copy->click();
    QCOMPARE(QApplication::clipboard()->text(), page.curlField()->text());
    QCOMPARE(message.count(), 1);
    QCOMPARE(message.first().first().toString(), QStringLiteral("Copied the curl command"));
}

void TestOperationPage::placeholderWithoutDefinition()
{
    OperationPage page;
    page.showPlaceholder(QStringLiteral("Could not open x.yaml"), QStringLiteral("It is broken"));
    page.showOperation(QStringLiteral("listBooks"), QUrl(QStringLiteral("http://127.0.0.1:4010")));
    QVERIFY(page.operationId().isEmpty());
    QVERIFY(page.curlField()->text().isEmpty());
    QVERIFY(page.detailsView()->toPlainText().contains(QLatin1String("Could not open x.yaml")));
}

// Issue 14: the forcing panel grew into the Behaviour tab; it is no longer a card above the tabs.
void TestOperationPage::forcingIsTheBehaviourTabsFirstSection()
{
    OperationPage page;
    page.resize(700, 500);
    auto store = std::make_shared<ForcedResponseStore>();
    store->set(QStringLiteral("getBook"), ForcedResponse { 404, QString() });
    page.forcingPanel()->setStore(store);
    page.setDefinition(m_definition);
    page.showOperation(QStringLiteral("getBook"), QUrl(QStringLiteral("http://127.0.0.1:4010")));
    QWidget* behaviourTab = page.tabs()->widget(page.tabs()->count() - 1);
    QCOMPARE(page.tabs()->tabText(page.tabs()->count() - 1), QStringLiteral("Behaviour"));
    QVERIFY(behaviourTab->isAncestorOf(page.forcingPanel()));
    QCOMPARE(page.forcingPanel(), page.behaviourPanel()->forcingPanel());
    QVERIFY(!page.tabs()->isAncestorOf(page.curlField()));
    // Shown for the page's operation, and above the rules.
    QCOMPARE(page.forcingPanel()->statusCombo()->currentData().toInt(), 404);
    QVERIFY(page.forcingPanel()->isEnabled());
    page.show();
    page.tabs()->setCurrentWidget(behaviourTab);
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(page.forcingPanel()->isVisible());
    QVERIFY(page.forcingPanel()->mapTo(&page, QPoint(0, 0)).y()
        < page.behaviourPanel()->rulesTable()->mapTo(&page, QPoint(0, 0)).y());
    // Another operation: the section follows the page.
    page.showOperation(QStringLiteral("listBooks"), QUrl(QStringLiteral("http://127.0.0.1:4010")));
    QCOMPARE(page.forcingPanel()->statusCombo()->currentData().toInt(), 0);
}

QTEST_MAIN(TestOperationPage)
#include "tst_operationpage.moc"
