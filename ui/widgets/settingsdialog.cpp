// SPDX-License-Identifier: MIT
#include "ui/widgets/settingsdialog.h"

#include <algorithm>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

#include "core/callbacks/callbackallowlist.h"
#include "core/engine/mockservice.h"
#include "ui/models/requestlogmodel.h"
#include "ui/theme.h"

namespace {
const QString localHost = SettingsKeys::defaultHost();
const QString anyHost = QStringLiteral("0.0.0.0");
constexpr int minimumLogRows = 100;
constexpr int maximumLogRowsLimit = 1000000;
} // namespace

SettingsDialog::SettingsDialog(QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));

    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->addItem(tr("System default"), QString());
    // Language names are shown in their own language, so that a user stuck in a language they cannot read still
    // finds theirs; that is why they are not passed through tr().
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->addItem(QStringLiteral("Français"), QStringLiteral("fr"));
    auto* restartNote = new QLabel(tr("The language takes effect after a restart."), this);
    restartNote->setObjectName(QStringLiteral("restartNote"));
    restartNote->setWordWrap(true);
    QPalette dimmed = restartNote->palette();
    dimmed.setColor(QPalette::WindowText, Theme::dimmedTextColor(palette()));
    restartNote->setPalette(dimmed);

    auto* languageBox = new QGroupBox(tr("Language"), this);
    auto* languageForm = new QFormLayout(languageBox);
    languageForm->addRow(tr("&Language:"), m_language);
    languageForm->addRow(QString(), restartNote);

    m_host = new QComboBox(this);
    m_host->setObjectName(QStringLiteral("hostCombo"));
    m_host->addItem(tr("127.0.0.1 (this computer)"), localHost);
    m_host->addItem(tr("0.0.0.0 (all interfaces)"), anyHost);
    m_host->setToolTip(tr("Where the mock listens. All interfaces makes it reachable from your network."));
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("portSpin"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("any free port"));
    m_port->setToolTip(tr("TCP port (0 = any free port)"));
    m_autoStart = new QCheckBox(tr("&Start the mock automatically after opening a definition"), this);
    m_autoStart->setObjectName(QStringLiteral("autoStartCheck"));

    auto* serverBox = new QGroupBox(tr("Mock server"), this);
    auto* serverForm = new QFormLayout(serverBox);
    serverForm->addRow(tr("&Host:"), m_host);
    serverForm->addRow(tr("&Port:"), m_port);
    serverForm->addRow(m_autoStart);

    m_logRows = new QSpinBox(this);
    m_logRows->setObjectName(QStringLiteral("logRowsSpin"));
    m_logRows->setRange(minimumLogRows, maximumLogRowsLimit);
    m_logRows->setSingleStep(1000);
    m_logRows->setGroupSeparatorShown(true);
    m_logRows->setSuffix(tr(" requests"));
    m_logRows->setToolTip(tr("Older requests are dropped from the log when it is full."));
    const auto seconds = [this](const QString& name, const QString& tip) {
        auto* spin = new QSpinBox(this);
        spin->setObjectName(name);
        spin->setRange(1, 24 * 3600);
        spin->setSuffix(tr(" s"));
        spin->setToolTip(tip);
        return spin;
    };
    m_maxBody = new QSpinBox(this);
    m_maxBody->setObjectName(QStringLiteral("maxBodySpin"));
    m_maxBody->setRange(1, 4096);
    m_maxBody->setSuffix(tr(" MiB"));
    m_maxBody->setToolTip(tr("Larger request bodies are refused with 413."));
    m_headerTimeout =
        seconds(QStringLiteral("headerTimeoutSpin"), tr("Time a client has to send a request's headers."));
    m_bodyTimeout = seconds(QStringLiteral("bodyTimeoutSpin"), tr("Longest pause while a request body arrives."));
    m_idleTimeout =
        seconds(QStringLiteral("idleTimeoutSpin"), tr("An unused keep-alive connection is closed after this."));
    m_allowedHosts = new QLineEdit(this);
    m_allowedHosts->setObjectName(QStringLiteral("allowedHostsEdit"));
    m_allowedHosts->setPlaceholderText(tr("e.g. mock.test, my-laptop.local (* = any)"));
    m_allowedHosts->setToolTip(
        tr("Host names the mock answers besides localhost and its own addresses. Other names get "
           "421, which keeps web pages from reaching the mock through DNS rebinding."));
    m_callbackHosts = new QLineEdit(this);
    m_callbackHosts->setObjectName(QStringLiteral("callbackHostsEdit"));
    m_callbackHosts->setPlaceholderText(tr("e.g. hooks.test, 192.168.1.20:8080 (* = any)"));
    m_callbackHosts->setToolTip(
        tr("Hosts that callbacks may call besides this computer (host or host:port, like --callback-allow). Calls "
           "to other hosts are logged as refused and not sent."));
    m_maxConnections = new QSpinBox(this);
    m_maxConnections->setObjectName(QStringLiteral("maxConnectionsSpin"));
    m_maxConnections->setRange(1, 1000000);
    m_maxConnections->setGroupSeparatorShown(true);
    m_maxConnections->setToolTip(tr("Open connections over all serving threads; more are answered 503 and closed."));
    m_threads = new QSpinBox(this);
    m_threads->setObjectName(QStringLiteral("threadsSpin"));
    m_threads->setRange(0, MockService::kMaxThreads);
    m_threads->setSpecialValueText(tr("one per core"));
    m_threads->setToolTip(tr("Threads that serve requests, all on the same port (like --threads). Used from the next "
                             "start of the mock."));
    auto* limitsBox = new QGroupBox(tr("Limits"), this);
    auto* limitsForm = new QFormLayout(limitsBox);
    limitsForm->addRow(tr("Largest request body:"), m_maxBody);
    limitsForm->addRow(tr("Header timeout:"), m_headerTimeout);
    limitsForm->addRow(tr("Body timeout:"), m_bodyTimeout);
    limitsForm->addRow(tr("Idle timeout:"), m_idleTimeout);
    limitsForm->addRow(tr("Allowed host names:"), m_allowedHosts);
    limitsForm->addRow(tr("Allowed callback hosts:"), m_callbackHosts);
    limitsForm->addRow(tr("Most open connections:"), m_maxConnections);
    limitsForm->addRow(tr("Serving threads:"), m_threads);

    auto* logBox = new QGroupBox(tr("Request log"), this);
    auto* logForm = new QFormLayout(logBox);
    logForm->addRow(tr("&Keep the newest:"), m_logRows);

    auto* buttons =
        new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
        &SettingsDialog::restoreDefaults);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(languageBox);
    layout->addWidget(serverBox);
    layout->addWidget(limitsBox);
    layout->addWidget(logBox);
    layout->addStretch(1);
    layout->addWidget(buttons);

    restoreDefaults();
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::load(const QSettings& settings)
{
    selectLanguage(settings.value(SettingsKeys::language()).toString());
    selectHost(settings.value(SettingsKeys::host(), localHost).toString());
    m_port->setValue(settings.value(SettingsKeys::port(), defaultPort).toInt());
    m_autoStart->setChecked(settings.value(SettingsKeys::autoStart(), true).toBool());
    m_logRows->setValue(settings.value(SettingsKeys::maximumLogRows(), RequestLogModel::defaultMaximumRows).toInt());
    const ServerLimits limits = limitsFrom(settings);
    m_maxBody->setValue(int(limits.maxBodyBytes >> 20));
    m_headerTimeout->setValue(limits.headerTimeoutMs / 1000);
    m_bodyTimeout->setValue(limits.bodyTimeoutMs / 1000);
    m_idleTimeout->setValue(limits.idleTimeoutMs / 1000);
    m_allowedHosts->setText(limits.allowedHosts.join(QStringLiteral(", ")));
    m_callbackHosts->setText(limits.callbackHosts.join(QStringLiteral(", ")));
    m_maxConnections->setValue(limits.maxConnections);
    m_threads->setValue(threadsFrom(settings));
}

int SettingsDialog::threadsFrom(const QSettings& settings)
{
    return std::clamp(settings.value(SettingsKeys::servingThreads(), 0).toInt(), 0, int(MockService::kMaxThreads));
}

int SettingsDialog::threads() const
{
    return m_threads->value();
}

ServerLimits SettingsDialog::limitsFrom(const QSettings& settings)
{
    ServerLimits limits;
    limits.maxBodyBytes = settings.value(SettingsKeys::maxBodyMiB(), int(limits.maxBodyBytes >> 20)).toLongLong() << 20;
    limits.headerTimeoutMs =
        settings.value(SettingsKeys::headerTimeout(), limits.headerTimeoutMs / 1000).toInt() * 1000;
    limits.bodyTimeoutMs = settings.value(SettingsKeys::bodyTimeout(), limits.bodyTimeoutMs / 1000).toInt() * 1000;
    limits.idleTimeoutMs = settings.value(SettingsKeys::idleTimeout(), limits.idleTimeoutMs / 1000).toInt() * 1000;
    limits.allowedHosts = settings.value(SettingsKeys::allowedHosts()).toStringList();
    limits.callbackHosts = settings.value(SettingsKeys::callbackHosts()).toStringList();
    limits.maxConnections = std::max(1, settings.value(SettingsKeys::maxConnections(), limits.maxConnections).toInt());
    return limits.clamped();
}

ServerLimits SettingsDialog::limits() const
{
    ServerLimits limits;
    limits.maxBodyBytes = qint64(m_maxBody->value()) << 20;
    limits.headerTimeoutMs = m_headerTimeout->value() * 1000;
    limits.bodyTimeoutMs = m_bodyTimeout->value() * 1000;
    limits.idleTimeoutMs = m_idleTimeout->value() * 1000;
    for (const QString& name : m_allowedHosts->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!name.trimmed().isEmpty())
            limits.allowedHosts.append(name.trimmed());
    // Malformed entries are left out (the field's tooltip says what an entry looks like).
    for (const QString& host : m_callbackHosts->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (CallbackAllowList::checkEntry(host).isEmpty())
            limits.callbackHosts.append(host.trimmed());
    limits.maxConnections = m_maxConnections->value();
    return limits;
}

void SettingsDialog::save(QSettings& settings) const
{
    settings.setValue(SettingsKeys::language(), language());
    settings.setValue(SettingsKeys::host(), host());
    settings.setValue(SettingsKeys::port(), int(port()));
    settings.setValue(SettingsKeys::autoStart(), autoStart());
    settings.setValue(SettingsKeys::maximumLogRows(), maximumLogRows());
    const ServerLimits l = limits();
    settings.setValue(SettingsKeys::maxBodyMiB(), int(l.maxBodyBytes >> 20));
    settings.setValue(SettingsKeys::headerTimeout(), l.headerTimeoutMs / 1000);
    settings.setValue(SettingsKeys::bodyTimeout(), l.bodyTimeoutMs / 1000);
    settings.setValue(SettingsKeys::idleTimeout(), l.idleTimeoutMs / 1000);
    settings.setValue(SettingsKeys::allowedHosts(), l.allowedHosts);
    settings.setValue(SettingsKeys::callbackHosts(), l.callbackHosts);
    settings.setValue(SettingsKeys::maxConnections(), l.maxConnections);
    settings.setValue(SettingsKeys::servingThreads(), threads());
}

void SettingsDialog::restoreDefaults()
{
    selectLanguage(QString());
    selectHost(localHost);
    m_port->setValue(defaultPort);
    m_autoStart->setChecked(true);
    m_logRows->setValue(RequestLogModel::defaultMaximumRows);
    const ServerLimits defaults;
    m_maxBody->setValue(int(defaults.maxBodyBytes >> 20));
    m_headerTimeout->setValue(defaults.headerTimeoutMs / 1000);
    m_bodyTimeout->setValue(defaults.bodyTimeoutMs / 1000);
    m_idleTimeout->setValue(defaults.idleTimeoutMs / 1000);
    m_allowedHosts->clear();
    m_callbackHosts->clear();
    m_maxConnections->setValue(defaults.maxConnections);
    m_threads->setValue(0);
}

QString SettingsDialog::language() const
{
    return m_language->currentData().toString();
}

QString SettingsDialog::host() const
{
    return m_host->currentData().toString();
}

quint16 SettingsDialog::port() const
{
    return quint16(m_port->value());
}

bool SettingsDialog::autoStart() const
{
    return m_autoStart->isChecked();
}

int SettingsDialog::maximumLogRows() const
{
    return m_logRows->value();
}

void SettingsDialog::selectLanguage(const QString& code)
{
    int index = m_language->findData(code);
    if (index < 0) {
        // A language set by a newer version (or by hand): keep it rather than silently switching to the system one.
        const QString name = QLocale(code).nativeLanguageName();
        m_language->addItem(name.isEmpty() ? code : name, code);
        index = m_language->count() - 1;
    }
    m_language->setCurrentIndex(index);
}

void SettingsDialog::selectHost(const QString& host)
{
    int index = m_host->findData(host);
    if (index < 0 && !QHostAddress(host).isNull()) {
        // An address given with --host stays selectable.
        m_host->addItem(host, host);
        index = m_host->count() - 1;
    }
    m_host->setCurrentIndex(index < 0 ? 0 : index);
}
