// SPDX-License-Identifier: MIT
#include "ui/widgets/behaviourpanel.h"

#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include "core/engine/mockservice.h"
#include "core/engine/mocksession.h"
#include "core/scenarios/scenarioloader.h"
#include "core/scenarios/scenariowriter.h"
#include "ui/models/scenarioforcing.h"
#include "ui/widgets/forcedresponsepanel.h"

namespace {

const FaultSpec::Kind faultKinds[] = { FaultSpec::Kind::None, FaultSpec::Kind::Reset, FaultSpec::Kind::Close,
    FaultSpec::Kind::Empty, FaultSpec::Kind::Garbage, FaultSpec::Kind::Timeout, FaultSpec::Kind::Status };
const DelaySpec::Kind delayKinds[] = { DelaySpec::Kind::None, DelaySpec::Kind::Fixed, DelaySpec::Kind::Uniform,
    DelaySpec::Kind::LogNormal };

QLabel* sectionTitle(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    return label;
}

} // namespace

BehaviourPanel::BehaviourPanel(QWidget* parent)
    : QWidget(parent)
{
    m_forcing = new ForcedResponsePanel(this);
    m_forcing->setObjectName(QStringLiteral("forcingPanel"));
    m_rules = new QTableWidget(0, 2, this);
    m_rules->setObjectName(QStringLiteral("behaviourRules"));
    m_rules->setHorizontalHeaderLabels({ tr("When (path, query, header, body)"), tr("Then (status, example, ...)") });
    m_rules->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_rules->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_rules->setSelectionMode(QAbstractItemView::SingleSelection);
    m_rules->setToolTip(tr("First match wins. Cells use the scenario file's syntax, e.g. { path: { bookId: 42 } } and "
                           "{ status: 404 }."));
    const QString labels[] = { tr("Add rule"), tr("Remove"), tr("Up"), tr("Down") };
    auto* buttons = new QHBoxLayout;
    for (int i = 0; i < 4; ++i) {
        m_buttons[i] = new QPushButton(labels[i], this);
        buttons->addWidget(m_buttons[i]);
    }
    buttons->addStretch(1);
    connect(m_buttons[0], &QPushButton::clicked, this, &BehaviourPanel::addRule);
    connect(m_buttons[1], &QPushButton::clicked, this, &BehaviourPanel::removeRule);
    connect(m_buttons[2], &QPushButton::clicked, this, [this] { moveRule(-1); });
    connect(m_buttons[3], &QPushButton::clicked, this, [this] { moveRule(1); });

    m_latencyKind = new QComboBox(this);
    m_latencyKind->setObjectName(QStringLiteral("latencyKind"));
    m_latencyKind->addItems({ tr("None"), tr("Fixed"), tr("Range"), tr("Realistic (median, p99)") });
    m_latencyA = new QLineEdit(this);
    m_latencyB = new QLineEdit(this);
    m_latencyA->setPlaceholderText(tr("e.g. 250ms"));
    m_latencyB->setPlaceholderText(tr("e.g. 1.5s"));
    auto* latency = new QHBoxLayout;
    latency->addWidget(m_latencyKind);
    latency->addWidget(m_latencyA);
    latency->addWidget(m_latencyB);

    m_faultKind = new QComboBox(this);
    m_faultKind->setObjectName(QStringLiteral("faultKind"));
    m_faultKind->addItems({ tr("None"), tr("Reset (RST)"), tr("Close after headers"), tr("Empty answer"), tr("Garbage"),
        tr("Timeout"), tr("Status") });
    m_faultStatus = new QSpinBox(this);
    m_faultStatus->setRange(100, 599);
    m_faultStatus->setValue(503);
    m_faultRate = new QDoubleSpinBox(this);
    m_faultRate->setRange(0, 100);
    m_faultRate->setDecimals(1);
    m_faultRate->setSuffix(QStringLiteral(" %"));
    m_faultRate->setValue(5);
    auto* faults = new QHBoxLayout;
    faults->addWidget(m_faultKind);
    faults->addWidget(m_faultStatus);
    faults->addWidget(m_faultRate);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* form = new QFormLayout;
    form->addRow(tr("Latency"), latency);
    form->addRow(tr("Faults"), faults);
    // Forcing first: a forced status or example wins over the rules and sequence below it.
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(sectionTitle(tr("Forced answer"), this));
    layout->addWidget(m_forcing);
    layout->addSpacing(6);
    layout->addWidget(sectionTitle(tr("Rules"), this));
    layout->addWidget(m_rules, 1);
    layout->addLayout(buttons);
    layout->addLayout(form);
    layout->addWidget(m_status);

    connect(m_rules, &QTableWidget::itemChanged, this, &BehaviourPanel::onEdited);
    connect(m_latencyKind, &QComboBox::activated, this, [this] {
        updateEnabled();
        onEdited();
    });
    connect(m_latencyA, &QLineEdit::editingFinished, this, &BehaviourPanel::onEdited);
    connect(m_latencyB, &QLineEdit::editingFinished, this, &BehaviourPanel::onEdited);
    connect(m_faultKind, &QComboBox::activated, this, [this] {
        updateEnabled();
        onEdited();
    });
    connect(m_faultStatus, &QSpinBox::editingFinished, this, &BehaviourPanel::onEdited);
    connect(m_faultRate, &QDoubleSpinBox::editingFinished, this, &BehaviourPanel::onEdited);
    updateEnabled();
}

BehaviourPanel::~BehaviourPanel() = default;

QPushButton* BehaviourPanel::ruleButton(int which) const
{
    return which >= 0 && which < 4 ? m_buttons[which] : nullptr;
}

void BehaviourPanel::setSession(MockSession* session)
{
    m_session = session;
    // A reload (the watcher, or our own save) shows what the file says now.
    connect(session, &MockSession::definitionLoaded, this, [this] { reload(); });
    connect(session, &MockSession::scenariosLoaded, this, [this] { reload(); });
}

void BehaviourPanel::setSaveLocationChooser(std::function<QString(const QString&)> chooser)
{
    m_chooser = std::move(chooser);
}

void BehaviourPanel::setOperation(const DefinitionPtr& definition, const QString& operationId)
{
    const bool same = definition == m_definition && operationId == m_operationId;
    m_definition = definition;
    m_operationId = definition && definition->operation(operationId) ? operationId : QString();
    m_forcing->setOperation(definition, m_operationId); // always: it re-reads the store
    if (!same)
        reload();
}

void BehaviourPanel::reload()
{
    m_before = OperationScenario();
    const ScenarioSetPtr set = m_session ? m_session->service()->scenarios()->scenarios() : nullptr;
    if (set && !m_operationId.isEmpty())
        if (const OperationScenario* s = set->forOperation(m_operationId))
            m_before = *s;
    fill(m_before);
    const QString file = m_session ? m_session->scenarioSource() : QString();
    showStatus(file.isEmpty() ? tr("No scenario file yet: the first change asks where to save one.")
                              : tr("Saved in %1").arg(QFileInfo(file).fileName()),
        false);
    setEnabled(!m_operationId.isEmpty());
}

void BehaviourPanel::fill(const OperationScenario& s)
{
    m_filling = true;
    m_rules->setRowCount(0);
    for (const Rule& r : s.rules) {
        const int row = m_rules->rowCount();
        m_rules->insertRow(row);
        m_rules->setItem(row, 0, new QTableWidgetItem(ScenarioWriter::conditionsText(r.when)));
        m_rules->setItem(row, 1, new QTableWidgetItem(ScenarioWriter::answerText(r.then)));
    }
    int delay = 0;
    while (delayKinds[delay] != s.delay.kind)
        ++delay;
    m_latencyKind->setCurrentIndex(delay);
    m_latencyA->setText(s.delay.isNone() ? QString() : DelaySpec::formatMs(s.delay.a));
    m_latencyB->setText(s.delay.kind == DelaySpec::Kind::Uniform || s.delay.kind == DelaySpec::Kind::LogNormal
            ? DelaySpec::formatMs(s.delay.b)
            : QString());
    int fault = 0;
    while (faultKinds[fault] != s.faults.kind)
        ++fault;
    m_faultKind->setCurrentIndex(fault);
    if (s.faults.kind == FaultSpec::Kind::Status)
        m_faultStatus->setValue(s.faults.status);
    if (!s.faults.isNone())
        m_faultRate->setValue(s.faults.rate * 100);
    updateEnabled();
    m_filling = false;
}

void BehaviourPanel::updateEnabled()
{
    const int delay = m_latencyKind->currentIndex();
    m_latencyA->setEnabled(delay > 0);
    m_latencyB->setEnabled(delay > 1);
    m_latencyA->setToolTip(delay == 3 ? tr("Median") : delay == 2 ? tr("From") : tr("Delay"));
    m_latencyB->setToolTip(delay == 3 ? tr("99th percentile") : tr("To"));
    m_faultStatus->setEnabled(m_faultKind->currentIndex() == 6);
    m_faultRate->setEnabled(m_faultKind->currentIndex() > 0);
}

bool BehaviourPanel::current(OperationScenario* out, QString* error) const
{
    OperationScenario s = m_before;
    s.key = m_before.key.isEmpty() ? m_operationId : m_before.key;
    // The rules read back through the loader: the same checks (defined statuses, regexes) as the file gets.
    s.rules.clear();
    if (m_rules->rowCount() > 0) {
        QByteArray text = "operations:\n  " + ScenarioWriter::scalar(m_operationId).toUtf8() + ":\n    rules:\n";
        for (int row = 0; row < m_rules->rowCount(); ++row) {
            const QString when = m_rules->item(row, 0) ? m_rules->item(row, 0)->text().trimmed() : QString();
            const QString then = m_rules->item(row, 1) ? m_rules->item(row, 1)->text().trimmed() : QString();
            text += "      - when: " + (when.isEmpty() ? QStringLiteral("{}") : when).toUtf8() + '\n';
            text += "        then: " + (then.isEmpty() ? QStringLiteral("{}") : then).toUtf8() + '\n';
        }
        const ScenarioResult r = ScenarioLoader::parse(text, QString(), m_definition.get());
        for (const Diagnostic& d : r.diagnostics) {
            if (d.severity == Diagnostic::Severity::Error) {
                // Rule n is written on lines 2n + 2 and 2n + 3 of the text above.
                *error = tr("Rule %1: %2").arg(qMax(1, (d.line - 2) / 2)).arg(d.message);
                return false;
            }
        }
        const OperationScenario* read = r.scenarios ? r.scenarios->forOperation(m_operationId) : nullptr;
        if (read)
            s.rules = read->rules;
    }
    s.delay = DelaySpec();
    s.delay.kind = delayKinds[m_latencyKind->currentIndex()];
    if (!s.delay.isNone()) {
        s.delay.a = DelaySpec::parseDurationMs(m_latencyA->text());
        s.delay.b = s.delay.kind == DelaySpec::Kind::Fixed ? 0 : DelaySpec::parseDurationMs(m_latencyB->text());
        if (s.delay.a < 0 || s.delay.b < 0) {
            *error = tr("Latency: write durations like 250ms or 1.5s");
            return false;
        }
        if (s.delay.kind != DelaySpec::Kind::Fixed && s.delay.b < s.delay.a) {
            *error = tr("Latency: the second value must not be below the first");
            return false;
        }
    }
    s.faults = FaultSpec();
    s.faults.kind = faultKinds[m_faultKind->currentIndex()];
    if (!s.faults.isNone()) {
        s.faults.status = s.faults.kind == FaultSpec::Kind::Status ? m_faultStatus->value() : 0;
        s.faults.rate = m_faultRate->value() / 100.0;
    }
    *out = s;
    return true;
}

bool BehaviourPanel::save()
{
    if (!m_session || m_operationId.isEmpty())
        return false;
    OperationScenario after;
    QString error;
    if (!current(&after, &error)) {
        showStatus(error, true);
        return false;
    }
    QString path = m_session->scenarioSource();
    const bool creating = path.isEmpty();
    if (creating) {
        const QString definitionPath = m_session->path();
        QString suggested = ScenarioLoader::defaultPath(definitionPath);
        if (suggested.isEmpty())
            suggested = QDir::home().filePath(ScenarioLoader::fileName());
        path = m_chooser ? m_chooser(suggested)
                         : QFileDialog::getSaveFileName(
                             this, tr("Save the scenario file"), suggested, tr("Scenario files (*.yaml *.yml)"));
        if (path.isEmpty()) {
            fill(m_before); // cancelled: show what is in force
            return false;
        }
        path = QFileInfo(path).absoluteFilePath();
        if (path != ScenarioLoader::discover(definitionPath) && path != m_session->scenarioFile())
            m_session->setScenarioFile(path);
    }
    QByteArray text;
    QFile in(path);
    if (in.exists()) {
        if (!in.open(QIODevice::ReadOnly)) {
            showStatus(tr("Cannot read %1: %2").arg(path, in.errorString()), true);
            return false;
        }
        text = in.readAll();
    }
    const QByteArray edited = ScenarioWriter::apply(text, after.key, m_before, after, &error);
    if (!error.isEmpty()) {
        showStatus(error, true);
        return false;
    }
    if (edited != text || !in.exists()) {
        QSaveFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(edited) != edited.size() || !out.commit()) {
            showStatus(tr("Cannot save %1: %2").arg(path, out.errorString()), true);
            return false;
        }
    }
    // A new file takes over the forcing panel's choices too (from then on they live in the file).
    if (creating && !ScenarioForcing::save(path, m_definition, m_session->forcedResponses()->all(), &error)) {
        showStatus(error, true);
        return false;
    }
    m_session->reloadScenarios();
    emit saved(path);
    return true;
}

void BehaviourPanel::onEdited()
{
    if (!m_filling)
        save();
}

void BehaviourPanel::addRule()
{
    m_filling = true;
    const int row = m_rules->rowCount();
    m_rules->insertRow(row);
    m_rules->setItem(row, 0, new QTableWidgetItem(QStringLiteral("{}")));
    const Operation* op = m_definition ? m_definition->operation(m_operationId) : nullptr;
    const QString code = op && !op->responses.isEmpty() ? op->responses.first().code : QString();
    bool numeric = false;
    code.toInt(&numeric);
    m_rules->setItem(
        row, 1, new QTableWidgetItem(numeric ? QStringLiteral("{ status: %1 }").arg(code) : QStringLiteral("{}")));
    m_filling = false;
    m_rules->setCurrentCell(row, 0);
    save();
}

void BehaviourPanel::removeRule()
{
    const int row = m_rules->currentRow();
    if (row < 0)
        return;
    m_filling = true;
    m_rules->removeRow(row);
    m_filling = false;
    save();
}

void BehaviourPanel::moveRule(int by)
{
    const int row = m_rules->currentRow();
    const int to = row + by;
    if (row < 0 || to < 0 || to >= m_rules->rowCount())
        return;
    m_filling = true;
    for (int column = 0; column < 2; ++column) {
        QTableWidgetItem* a = m_rules->takeItem(row, column);
        QTableWidgetItem* b = m_rules->takeItem(to, column);
        m_rules->setItem(row, column, b);
        m_rules->setItem(to, column, a);
    }
    m_filling = false;
    m_rules->setCurrentCell(to, 0);
    save();
}

void BehaviourPanel::showStatus(const QString& text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: palette(highlight)") : QString());
    m_status->setProperty("error", error);
}
