// SPDX-License-Identifier: MIT
// Stateful mode in the window: the Data view (list, edit, reset, clear, live), the server bar toggle, the inference
// line.
#include <QAction>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

#include "core/definition/definitionloader.h"
#include "core/engine/mocksession.h"
#include "core/state/statestore.h"
#include "ui/models/statefulsettings.h"
#include "ui/widgets/operationpage.h"
#include "ui/widgets/serverbar.h"
#include "ui/widgets/stateview.h"

namespace {

std::shared_ptr<StateStore> bookshelfStore()
{
    auto store = std::make_shared<StateStore>();
    store->adopt(StateModel::infer(DefinitionLoader().loadFile(DefinitionLoader::bundledExamplePath()).definition));
    return store;
}

QStringList rows(const QListWidget* list)
{
    QStringList out;
    for (int i = 0; i < list->count(); ++i)
        out.append(list->item(i)->text());
    return out;
}

} // namespace

class TestStateView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void listsCollectionsWithCounts();
    void editsApplyToTheStore();
    void badEditsAreRefused_data();
    void badEditsAreRefused();
    void resetAndClear();
    void followsTheStoreLive();
    void serverBarToggleReachesTheSession();
    void rememberedPerDefinition();
    void operationPageSaysWhatWasInferred();
};

void TestStateView::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("UnderstudyTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_stateview"));
    QSettings().clear();
}

void TestStateView::listsCollectionsWithCounts()
{
    StateView view;
    view.setStore(bookshelfStore());
    QCOMPARE(rows(view.collectionList()),
        QStringList({ QStringLiteral("authors (2)"), QStringLiteral("books (3)"), QStringLiteral("loans (2)") }));
    QVERIFY(view.selectCollection(QStringLiteral("books")));
    const QJsonArray shown = QJsonDocument::fromJson(view.editor()->toPlainText().toUtf8()).array();
    QCOMPARE(shown.size(), 3);
    QCOMPARE(shown.at(2).toObject().value(QStringLiteral("title")).toString(), QStringLiteral("The Hobbit"));
    QVERIFY(view.statusLabel()->text().contains(QStringLiteral("'id'")));
    QVERIFY(!view.selectCollection(QStringLiteral("dragons")));
}

void TestStateView::editsApplyToTheStore()
{
    StateView view;
    const auto store = bookshelfStore();
    view.setStore(store);
    view.selectCollection(QStringLiteral("books"));
    view.editor()->setPlainText(QStringLiteral(R"([{"id": 5, "title": "Edited"}])"));
    QTest::mouseClick(view.applyButton(), Qt::LeftButton);
    QCOMPARE(store->items(QStringLiteral("books"), {}).size(), 1);
    QCOMPARE(store->items(QStringLiteral("books"), {}).first().value(QStringLiteral("title")).toString(),
        QStringLiteral("Edited"));
    QVERIFY(rows(view.collectionList()).contains(QStringLiteral("books (1)")));
}

void TestStateView::badEditsAreRefused_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("status");
    QTest::addRow("not JSON") << QStringLiteral("[{") << QStringLiteral("Not JSON");
    QTest::addRow("no ids") << QStringLiteral(R"([{"title": "x"}])") << QStringLiteral("Not applied");
}

void TestStateView::badEditsAreRefused()
{
    QFETCH(QString, text);
    QFETCH(QString, status);
    StateView view;
    const auto store = bookshelfStore();
    view.setStore(store);
    view.selectCollection(QStringLiteral("books"));
    view.editor()->setPlainText(text);
    QTest::mouseClick(view.applyButton(), Qt::LeftButton);
    QVERIFY2(view.statusLabel()->text().startsWith(status), qPrintable(view.statusLabel()->text()));
    QCOMPARE(store->items(QStringLiteral("books"), {}).size(), 3);
    QCOMPARE(view.editor()->toPlainText(), text); // kept for the user to fix
}

void TestStateView::resetAndClear()
{
    StateView view;
    const auto store = bookshelfStore();
    view.setStore(store);
    view.selectCollection(QStringLiteral("books"));
    QTest::mouseClick(view.clearButton(), Qt::LeftButton);
    QVERIFY(store->items(QStringLiteral("books"), {}).isEmpty());
    QCOMPARE(store->items(QStringLiteral("authors"), {}).size(), 2); // only the selected one
    QCOMPARE(QJsonDocument::fromJson(view.editor()->toPlainText().toUtf8()).array().size(), 0);
    QTest::mouseClick(view.resetButton(), Qt::LeftButton);
    QCOMPARE(store->items(QStringLiteral("books"), {}).size(), 3);
    QCOMPARE(QJsonDocument::fromJson(view.editor()->toPlainText().toUtf8()).array().size(), 3);
}

void TestStateView::followsTheStoreLive()
{
    StateView view;
    const auto store = bookshelfStore();
    view.setStore(store);
    view.selectCollection(QStringLiteral("books"));
    store->insert(QStringLiteral("books"), {}, QJsonObject { { QStringLiteral("title"), QStringLiteral("new") } });
    QTRY_VERIFY(rows(view.collectionList()).contains(QStringLiteral("books (4)")));
    QTRY_COMPARE(QJsonDocument::fromJson(view.editor()->toPlainText().toUtf8()).array().size(), 4);
    // Unapplied edits are not overwritten by a live change.
    view.editor()->selectAll();
    view.editor()->insertPlainText(QStringLiteral("[] // typing")); // as typed: the document is modified
    store->insert(QStringLiteral("books"), {}, QJsonObject { { QStringLiteral("title"), QStringLiteral("newer") } });
    QTRY_VERIFY(rows(view.collectionList()).contains(QStringLiteral("books (5)")));
    QCOMPARE(view.editor()->toPlainText(), QStringLiteral("[] // typing"));
}

void TestStateView::serverBarToggleReachesTheSession()
{
    MockSession session;
    ServerBar bar(&session);
    QSignalSpy toggled(&bar, &ServerBar::statefulToggled);
    QVERIFY(!session.isStateful());
    bar.statefulAction()->trigger();
    QVERIFY(session.isStateful());
    QCOMPARE(toggled.count(), 1);
    bar.setStateful(false); // programmatic: no signal
    QVERIFY(!session.isStateful());
    QCOMPARE(toggled.count(), 1);
    QVERIFY(!bar.statefulAction()->isChecked());
}

void TestStateView::rememberedPerDefinition()
{
    QSettings settings;
    StatefulSettings::save(settings, QStringLiteral("/a/one.yaml"), true);
    QVERIFY(StatefulSettings::load(settings, QStringLiteral("/a/one.yaml")));
    QVERIFY(!StatefulSettings::load(settings, QStringLiteral("/a/two.yaml")));
    StatefulSettings::save(settings, QStringLiteral("/a/one.yaml"), false);
    QVERIFY(!StatefulSettings::load(settings, QStringLiteral("/a/one.yaml")));
}

void TestStateView::operationPageSaysWhatWasInferred()
{
    const DefinitionPtr definition = DefinitionLoader().loadFile(DefinitionLoader::bundledExamplePath()).definition;
    OperationPage page;
    page.setDefinition(definition);
    page.showOperation(QStringLiteral("getBook"), QUrl());
    QVERIFY(page.stateLabel()->isHidden()); // no model yet
    page.setStateModel(StateModel::infer(definition));
    QVERIFY(page.stateLabel()->isHidden()); // stateful mode is off: the line would only take room
    page.setStatefulEnabled(true);
    QVERIFY(!page.stateLabel()->isHidden());
    QVERIFY2(page.stateLabel()->text().contains(QStringLiteral("Reads an item of the collection 'books'")),
        qPrintable(page.stateLabel()->text()));
    page.showOperation(QStringLiteral("getStats"), QUrl());
    QVERIFY2(page.stateLabel()->text().contains(QStringLiteral("stays static")), qPrintable(page.stateLabel()->text()));
    // A model of another definition is not shown.
    page.setStateModel(
        StateModel::infer(DefinitionLoader().loadFile(DefinitionLoader::bundledExamplePath()).definition));
    QVERIFY(page.stateLabel()->isHidden());
}

QTEST_MAIN(TestStateView)
#include "tst_stateview.moc"
