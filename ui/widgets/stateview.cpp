// SPDX-License-Identifier: MIT
#include "ui/widgets/stateview.h"

#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

#include "core/state/statestore.h"
#include "ui/theme.h"

namespace {

// The part of a collection's snapshot that the editor shows and PUT takes: its items, or its scopes.
QJsonValue editable(const QJsonObject& entry)
{
    return entry.contains(QStringLiteral("scopes")) ? entry.value(QStringLiteral("scopes"))
                                                    : entry.value(QStringLiteral("items"));
}

int countOf(const QJsonObject& entry)
{
    if (!entry.contains(QStringLiteral("scopes")))
        return int(entry.value(QStringLiteral("items")).toArray().size());
    int n = 0;
    const QJsonObject scopes = entry.value(QStringLiteral("scopes")).toObject();
    for (auto it = scopes.begin(); it != scopes.end(); ++it)
        n += int(it.value().toArray().size());
    return n;
}

} // namespace

StateView::StateView(QWidget* parent)
    : QWidget(parent)
    , m_refreshTimer(new QTimer(this))
{
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("stateCollections"));
    m_editor = new QPlainTextEdit(this);
    m_editor->setObjectName(QStringLiteral("stateEditor"));
    m_editor->setFont(Theme::monospaceFont());
    m_editor->setPlaceholderText(tr("Turn on Stateful in the server bar: what clients create shows here."));
    m_apply = new QPushButton(tr("Apply"), this);
    m_apply->setToolTip(tr("Replace the collection's items with the JSON above"));
    m_reset = new QPushButton(tr("Reset to seed"), this);
    m_reset->setToolTip(tr("Every collection back to the definition's examples (or generated items)"));
    m_clear = new QPushButton(tr("Clear"), this);
    m_clear->setToolTip(tr("Remove every item of the selected collection"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("stateStatus"));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_apply);
    buttons->addWidget(m_clear);
    buttons->addWidget(m_reset);
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_editor, 1);
    rightLayout->addLayout(buttons);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(m_list);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    // Requests change the store on worker threads; the view reads it a moment later, once per burst.
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(150);
    connect(m_refreshTimer, &QTimer::timeout, this, &StateView::refresh);
    connect(m_list, &QListWidget::currentRowChanged, this, &StateView::onSelectionChanged);
    connect(m_apply, &QPushButton::clicked, this, &StateView::onApplyClicked);
    connect(m_reset, &QPushButton::clicked, this, &StateView::onResetClicked);
    connect(m_clear, &QPushButton::clicked, this, &StateView::onClearClicked);
}

StateView::~StateView() = default;

void StateView::setStore(std::shared_ptr<StateStore> store)
{
    if (m_store)
        disconnect(m_store.get(), nullptr, this, nullptr);
    m_store = std::move(store);
    if (m_store)
        connect(
            m_store.get(), &StateStore::changed, this,
            [this] {
                if (!m_refreshTimer->isActive())
                    m_refreshTimer->start();
            },
            Qt::QueuedConnection);
    refresh();
}

void StateView::refresh()
{
    const QString selected = selectedCollection();
    const QJsonObject all = m_store ? m_store->snapshot() : QJsonObject();
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (auto it = all.begin(); it != all.end(); ++it) {
        auto* item = new QListWidgetItem(tr("%1 (%2)").arg(it.key()).arg(countOf(it.value().toObject())), m_list);
        item->setData(Qt::UserRole, it.key());
        item->setToolTip(it.value().toObject().value(QStringLiteral("path")).toString());
    }
    if (!selectCollection(selected) && m_list->count() > 0)
        m_list->setCurrentRow(0);
    const bool any = m_list->count() > 0;
    m_apply->setEnabled(any);
    m_clear->setEnabled(any);
    m_reset->setEnabled(any);
    if (!any)
        m_status->setText(tr("No collections: nothing in this definition pairs a collection with its items."));
    // The user's unapplied edits are never overwritten.
    if (!m_editor->document()->isModified() || m_shown != selectedCollection())
        showSelected();
}

bool StateView::selectCollection(const QString& name)
{
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->data(Qt::UserRole).toString() == name) {
            m_list->setCurrentRow(i);
            return true;
        }
    return false;
}

QString StateView::selectedCollection() const
{
    const QListWidgetItem* item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void StateView::showSelected()
{
    m_shown = selectedCollection();
    if (m_shown.isEmpty() || !m_store) {
        m_editor->clear();
        return;
    }
    const QJsonObject entry = m_store->snapshot().value(m_shown).toObject();
    const QJsonValue value = editable(entry);
    const QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    m_editor->setPlainText(QString::fromUtf8(doc.toJson(QJsonDocument::Indented)));
    m_editor->document()->setModified(false);
    m_status->setText(entry.contains(QStringLiteral("scopes"))
            ? tr("Scoped by %1; id field '%2'")
                  .arg(entry.value(QStringLiteral("scopedBy")).toVariant().toStringList().join(QStringLiteral(", ")),
                      entry.value(QStringLiteral("idField")).toString())
            : tr("Id field '%1'").arg(entry.value(QStringLiteral("idField")).toString()));
}

void StateView::onSelectionChanged()
{
    if (selectedCollection() != m_shown)
        showSelected();
}

void StateView::onApplyClicked()
{
    if (!m_store || m_shown.isEmpty())
        return;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(m_editor->toPlainText().toUtf8(), &error);
    if (error.error != QJsonParseError::NoError) {
        m_status->setText(tr("Not JSON: %1").arg(error.errorString()));
        return;
    }
    const QString refused =
        m_store->replace(m_shown, doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()));
    if (!refused.isEmpty()) {
        m_status->setText(tr("Not applied: %1").arg(refused));
        return;
    }
    m_editor->document()->setModified(false);
    refresh();
}

void StateView::onResetClicked()
{
    if (!m_store)
        return;
    m_store->reset();
    m_editor->document()->setModified(false);
    refresh();
}

void StateView::onClearClicked()
{
    if (!m_store || m_shown.isEmpty())
        return;
    m_store->clear(m_shown);
    m_editor->document()->setModified(false);
    refresh();
}
