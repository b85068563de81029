// SPDX-License-Identifier: MIT
#include "ui/widgets/forcedresponsepanel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

#include "ui/theme.h"

ForcedResponsePanel::ForcedResponsePanel(QWidget* parent)
    : QWidget(parent)
    , m_status(new QComboBox(this))
    , m_example(new QComboBox(this))
    , m_reset(new QPushButton(tr("Reset"), this))
    , m_resetAll(new QPushButton(tr("Reset all"), this))
    , m_caption(new QLabel(tr("Mock answers with"), this))
    , m_exampleCaption(new QLabel(tr("example"), this))
{
    m_status->setObjectName(QStringLiteral("forcedStatus"));
    m_example->setObjectName(QStringLiteral("forcedExample"));
    m_status->setToolTip(tr("Force the status the mock answers this operation with (applies to the next request)"));
    m_example->setToolTip(tr("Force one of the named examples of that status"));
    m_status->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_example->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_reset->setToolTip(tr("Let the mock choose the response for this operation again"));
    m_resetAll->setToolTip(tr("Remove every forced response of this definition"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_caption);
    layout->addWidget(m_status);
    layout->addWidget(m_exampleCaption);
    layout->addWidget(m_example);
    layout->addWidget(m_reset);
    layout->addStretch(1);
    layout->addWidget(m_resetAll);
    connect(m_status, &QComboBox::activated, this, &ForcedResponsePanel::onStatusActivated);
    connect(m_example, &QComboBox::activated, this, &ForcedResponsePanel::onExampleActivated);
    connect(m_reset, &QPushButton::clicked, this, [this] {
        if (!m_store || m_operationId.isEmpty())
            return;
        m_store->clear(m_operationId);
        refresh();
        emit forcedChanged();
    });
    connect(m_resetAll, &QPushButton::clicked, this, [this] {
        if (!m_store)
            return;
        m_store->clearAll();
        refresh();
        emit forcedChanged();
    });
    setOperation(nullptr, {});
}

ForcedResponsePanel::~ForcedResponsePanel() = default;

void ForcedResponsePanel::setStore(std::shared_ptr<ForcedResponseStore> store)
{
    m_store = std::move(store);
    refresh();
}

void ForcedResponsePanel::setOperation(const DefinitionPtr& definition, const QString& operationId)
{
    m_definition = definition;
    m_operationId = operationId;
    refresh();
}

const Operation* ForcedResponsePanel::operation() const
{
    return m_definition && !m_operationId.isEmpty() ? m_definition->operation(m_operationId) : nullptr;
}

void ForcedResponsePanel::refresh()
{
    const Operation* op = operation();
    const ForcedResponse forced = (m_store && op) ? m_store->lookup(op->id) : ForcedResponse();
    m_status->clear();
    m_status->addItem(tr("Automatic"), 0);
    if (op) {
        for (const Response& r : op->responses) {
            const int status = r.status();
            if (status <= 0 || m_status->findData(status) >= 0)
                continue;
            QString label = r.code;
            if (!r.description.isEmpty())
                label += QStringLiteral(" — ") + r.description.section(QLatin1Char('\n'), 0, 0).left(40);
            m_status->addItem(label, status);
            m_status->setItemData(m_status->count() - 1, Theme::statusColor(status, palette()), Qt::ForegroundRole);
        }
        if (forced.status != 0 && m_status->findData(forced.status) < 0)
            m_status->addItem(QString::number(forced.status), forced.status);
        m_status->setCurrentIndex(std::max(0, m_status->findData(forced.status)));
    }
    fillExamples(forced.status);
    if (!forced.example.isEmpty()) {
        if (m_example->findData(forced.example) < 0)
            m_example->addItem(forced.example, forced.example);
        m_example->setCurrentIndex(m_example->findData(forced.example));
    }
    m_status->setEnabled(op != nullptr);
    m_example->setEnabled(op != nullptr && m_example->count() > 1);
    m_reset->setEnabled(!forced.isEmpty());
    m_resetAll->setEnabled(m_store && !m_store->all().isEmpty());
    m_caption->setEnabled(op != nullptr);
    m_exampleCaption->setEnabled(op != nullptr);
}

void ForcedResponsePanel::fillExamples(int status)
{
    m_example->clear();
    m_example->addItem(tr("Automatic"), QString());
    const Operation* op = operation();
    if (!op)
        return;
    // With an automatic status, offer the examples of the response the mock picks by default (lowest 2xx).
    const Response* response = nullptr;
    for (const Response& r : op->responses) {
        if (status != 0 ? r.covers(status) && !r.isDefault()
                        : (r.status() >= 200 && r.status() < 300 && (!response || r.status() < response->status())))
            response = &r;
        if (status != 0 && response)
            break;
    }
    if (!response && status != 0)
        response = op->response(QStringLiteral("default"));
    if (!response)
        return;
    for (const MediaType& mt : response->content)
        for (const NamedExample& ex : mt.examples)
            if (m_example->findData(ex.name) < 0)
                m_example->addItem(
                    ex.summary.isEmpty() ? ex.name : QStringLiteral("%1 — %2").arg(ex.name, ex.summary), ex.name);
}

void ForcedResponsePanel::onStatusActivated()
{
    fillExamples(m_status->currentData().toInt());
    apply();
}

void ForcedResponsePanel::onExampleActivated()
{
    apply();
}

void ForcedResponsePanel::apply()
{
    const Operation* op = operation();
    if (!m_store || !op)
        return;
    const ForcedResponse forced { m_status->currentData().toInt(), m_example->currentData().toString() };
    m_store->set(op->id, forced);
    m_example->setEnabled(m_example->count() > 1);
    m_reset->setEnabled(!forced.isEmpty());
    m_resetAll->setEnabled(!m_store->all().isEmpty());
    emit forcedChanged();
}
