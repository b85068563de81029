// SPDX-License-Identifier: MIT
#include "ui/widgets/serverbar.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSpinBox>
#include <QStyle>

#include "core/engine/mockservice.h"
#include "core/engine/mocksession.h"
#include "core/engine/tlsidentity.h"
#include "ui/models/requestdraft.h"
#include "ui/settingskeys.h"
#include "ui/theme.h"
#include "ui/widgets/messagebanner.h"

ServerBar::ServerBar(MockSession* session, QWidget* parent)
    : QToolBar(tr("Server"), parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("serverToolBar"));
    setMovable(false);
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    m_startStopAction = new QAction(tr("&Start"), this);
    m_startStopAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_startStopAction->setObjectName(QStringLiteral("startStopAction"));
    connect(m_startStopAction, &QAction::triggered, this, &ServerBar::onStartStopTriggered);
    m_copyUrlAction = new QAction(tr("&Copy URL"), this);
    m_copyUrlAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    connect(m_copyUrlAction, &QAction::triggered, this, &ServerBar::onCopyUrlTriggered);
    m_openBrowserAction = new QAction(tr("Open in &browser"), this);
    connect(m_openBrowserAction, &QAction::triggered, this, &ServerBar::onOpenInBrowserTriggered);

    m_statefulAction = new QAction(tr("Stateful"), this);
    m_statefulAction->setObjectName(QStringLiteral("statefulAction"));
    m_statefulAction->setCheckable(true);
    m_statefulAction->setToolTip(tr("Remember what clients create: collections inferred from the paths answer "
                                    "from the Data view instead of examples"));
    connect(m_statefulAction, &QAction::toggled, this, [this](bool on) {
        m_session->setStateful(on);
        emit statefulToggled(on);
        emit message(on ? tr("Stateful: the mock remembers what clients create") : tr("Stateful mode is off"), 3000);
    });

    m_httpsAction = new QAction(tr("&HTTPS"), this);
    m_httpsAction->setObjectName(QStringLiteral("httpsAction"));
    m_httpsAction->setCheckable(true);
    m_httpsAction->setChecked(QSettings().value(SettingsKeys::https(), false).toBool());
    m_httpsAction->setToolTip(tr("Also serve HTTPS, on the next free port, with a self-signed certificate for "
                                 "localhost"));
    connect(m_httpsAction, &QAction::toggled, this, [this](bool on) {
        QSettings().setValue(SettingsKeys::https(), on);
        if (m_session->isRunning())
            startServer(); // the listeners change: start again on the same port
        else
            updateState(m_stoppedReason);
    });

    m_hostCombo = new QComboBox(this);
    m_hostCombo->setObjectName(QStringLiteral("hostCombo"));
    m_hostCombo->addItem(tr("127.0.0.1 (this computer)"), QStringLiteral("127.0.0.1"));
    m_hostCombo->addItem(tr("0.0.0.0 (all interfaces)"), QStringLiteral("0.0.0.0"));
    m_hostCombo->setToolTip(tr("Where the mock listens. All interfaces makes it reachable from your network."));
    m_portSpin = new QSpinBox(this);
    m_portSpin->setObjectName(QStringLiteral("portSpin"));
    m_portSpin->setRange(0, 65535);
    m_portSpin->setValue(SettingsKeys::defaultPort);
    m_portSpin->setSpecialValueText(tr("any"));
    m_portSpin->setToolTip(tr("TCP port (0 = any free port)"));
    m_urlField = new QLineEdit(this);
    m_urlField->setObjectName(QStringLiteral("urlField"));
    m_urlField->setReadOnly(true);
    m_urlField->setFont(Theme::monospaceFont());
    m_urlField->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("http://127.0.0.1:65535/__")));
    m_urlField->setPlaceholderText(tr("not running"));

    addAction(m_startStopAction);
    addWidget(new QLabel(tr(" Host "), this));
    addWidget(m_hostCombo);
    addWidget(new QLabel(tr(" Port "), this));
    addWidget(m_portSpin);
    addSeparator();
    addWidget(m_urlField);
    addAction(m_copyUrlAction);
    addAction(m_openBrowserAction);
    m_modeBar = new QToolBar(tr("Modes"), this);
    m_modeBar->setObjectName(QStringLiteral("modeToolBar"));
    m_modeBar->setMovable(false);
    m_modeBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_modeBar->addAction(m_statefulAction);
    m_modeBar->addAction(m_httpsAction);
    m_networkCombo = new QComboBox(m_modeBar);
    m_networkCombo->setObjectName(QStringLiteral("networkCombo"));
    m_networkCombo->addItem(tr("Network: normal"), int(NetworkProfile::Off));
    m_networkCombo->addItem(tr("Network: slow 3G"), int(NetworkProfile::Slow3G));
    m_networkCombo->addItem(tr("Network: flaky"), int(NetworkProfile::Flaky));
    m_networkCombo->setToolTip(tr("Adds latency (and, when flaky, 10% failed requests) to every operation, on top of "
                                  "the scenario file"));
    m_modeBar->addSeparator();
    m_modeBar->addWidget(m_networkCombo);
    connect(m_networkCombo, &QComboBox::activated, this, [this] {
        const auto profile = NetworkProfile(m_networkCombo->currentData().toInt());
        m_session->service()->scenarios()->setNetwork(profile);
        emit networkChanged(profile);
    });

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("serverStatus"));
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    connect(m_hostCombo, &QComboBox::activated, this, &ServerBar::onHostChanged);
    connect(m_portSpin, &QSpinBox::editingFinished, this, &ServerBar::onPortEdited);
    connect(m_session, &MockSession::started, this, [this] { updateState(); });
    connect(m_session, &MockSession::stopped, this, [this] { updateState(m_stoppedReason); });
}

ServerBar::~ServerBar() = default;

void ServerBar::setStateful(bool enabled)
{
    const QSignalBlocker blocker(m_statefulAction);
    m_statefulAction->setChecked(enabled);
    m_session->setStateful(enabled);
}

void ServerBar::setNetwork(NetworkProfile profile)
{
    const int index = m_networkCombo->findData(int(profile));
    m_networkCombo->setCurrentIndex(qMax(0, index));
    m_session->service()->scenarios()->setNetwork(NetworkProfile(m_networkCombo->currentData().toInt()));
}

void ServerBar::setHttpsFromCommandLine(const QString& certFile, const QString& keyFile, int tlsPort)
{
    m_certFile = certFile;
    m_keyFile = keyFile;
    m_tlsPort = tlsPort;
    const QSignalBlocker notSaved(m_httpsAction);
    m_httpsAction->setChecked(true);
}

void ServerBar::setBanner(MessageBanner* banner)
{
    m_banner = banner;
}

QHostAddress ServerBar::host() const
{
    return QHostAddress(m_hostCombo->currentData().toString());
}

void ServerBar::selectHost(const QString& host)
{
    int index = m_hostCombo->findData(host);
    if (index < 0) {
        m_hostCombo->addItem(host, host);
        index = m_hostCombo->count() - 1;
    }
    m_hostCombo->setCurrentIndex(index);
}

quint16 ServerBar::port() const
{
    return quint16(m_portSpin->value());
}

void ServerBar::setPort(quint16 port)
{
    m_portSpin->setValue(port);
}

QUrl ServerBar::targetUrl() const
{
    QUrl base = m_session->url();
    if (base.isEmpty()) {
        base.setScheme(QStringLiteral("http"));
        base.setHost(host() == QHostAddress(QHostAddress::AnyIPv4) ? QStringLiteral("127.0.0.1") : host().toString());
        base.setPort(m_portSpin->value());
    }
    return base;
}

bool ServerBar::startServer()
{
    if (!m_session->definition()) {
        updateState(tr("no definition loaded"));
        return false;
    }
    const QHostAddress host = this->host();
    const quint16 port = this->port();
    m_stoppedReason.clear();
    prepareTls(host, port);
    const StartResult started = m_session->start(host, port);
    if (started) {
        if (m_banner && m_banner->isVisible() && m_banner->kind() != MessageBanner::Kind::Warning)
            m_banner->hide();
        if (m_banner && host == QHostAddress(QHostAddress::AnyIPv4)) {
            m_banner->showMessage(MessageBanner::Kind::Warning,
                tr("The mock listens on all interfaces: other computers on your network can reach it."));
            m_banner->addAction(tr("Only this computer"), [this] {
                m_hostCombo->setCurrentIndex(m_hostCombo->findData(QStringLiteral("127.0.0.1")));
                onHostChanged();
            });
        }
        updateState();
        return true;
    }
    switch (started.error) {
    case StartError::ConfigOff:
        m_stoppedReason =
            tr("turned off by %1 (mockServer.off: true)").arg(QFileInfo(m_session->config().sourceFile).fileName());
        break;
    case StartError::PortTaken:
        // A way out: the next free port.
        m_stoppedReason = tr("port %1 is already in use").arg(port);
        offerFreePort(port);
        break;
    default:
        m_stoppedReason = started.message;
        if (m_banner)
            m_banner->showMessage(
                MessageBanner::Kind::Error, tr("Could not start the mock: %1").arg(started.message.toHtmlEscaped()));
        break;
    }
    updateState(m_stoppedReason);
    return false;
}

void ServerBar::prepareTls(const QHostAddress& host, quint16 port)
{
    m_httpsError.clear();
    if (!m_httpsAction->isChecked()) {
        m_session->service()->setTls(TlsIdentity());
        return;
    }
    // Reading (or, the first time, making) a small certificate and an EC key takes a few milliseconds.
    const TlsIdentityResult tls =
        m_certFile.isEmpty() ? TlsIdentityStore::selfSigned() : TlsIdentityStore::load(m_certFile, m_keyFile);
    if (!tls.ok()) {
        m_httpsError = tls.error;
        m_session->service()->setTls(TlsIdentity());
        if (m_banner)
            m_banner->showMessage(MessageBanner::Kind::Error, tr("HTTPS is off: %1").arg(tls.error.toHtmlEscaped()));
        return;
    }
    // Next to the HTTP port when that is fixed, so the https URL stays the same from one start to the next.
    const quint16 tlsPort = m_tlsPort >= 0 ? quint16(m_tlsPort)
        : port == 0                        ? 0
                                           : MockService::findFreePort(host, quint16(std::min(65535, port + 1)));
    m_session->service()->setTls(tls.identity, tlsPort);
}

void ServerBar::offerFreePort(quint16 takenPort)
{
    if (!m_banner)
        return;
    const quint16 free = MockService::findFreePort(host(), quint16(std::min(65535, takenPort + 1)));
    m_banner->showMessage(MessageBanner::Kind::Error,
        tr("Port <b>%1</b> is already in use by another program, so the mock could not start.").arg(takenPort));
    if (free != 0) {
        m_banner->addAction(tr("Use port %1").arg(free), [this, free] {
            m_portSpin->setValue(free);
            startServer();
        });
    }
}

void ServerBar::stopServer()
{
    m_session->stop();
    updateState(m_stoppedReason.isEmpty() ? tr("stopped by you") : m_stoppedReason);
}

void ServerBar::setStoppedReason(const QString& reason)
{
    m_stoppedReason = reason;
}

QString ServerBar::statusText() const
{
    return m_statusLabel ? m_statusLabel->text() : QString();
}

void ServerBar::updateState(const QString& shownReason)
{
    const bool running = m_session->isRunning();
    const QUrl url = m_session->url();
    m_startStopAction->setText(running ? tr("&Stop") : tr("&Start"));
    m_startStopAction->setIcon(style()->standardIcon(running ? QStyle::SP_MediaStop : QStyle::SP_MediaPlay));
    m_startStopAction->setToolTip(running ? tr("Stop the mock (F5)") : tr("Start the mock (F5)"));
    m_startStopAction->setEnabled(m_session->definition() != nullptr);
    m_copyUrlAction->setEnabled(running);
    m_openBrowserAction->setEnabled(running);
    m_urlField->setText(running ? url.toString() : QString());
    m_urlField->setCursorPosition(0);
    const QUrl https = m_session->service()->httpsUrl();
    const QString fingerprint = https.isEmpty() ? QString() : m_session->service()->tlsIdentity().fingerprint();
    m_urlField->setToolTip(https.isEmpty()
            ? QString()
            : tr("Also HTTPS: %1\nCertificate SHA-256 fingerprint: %2\nCertificate file: %3")
                  .arg(https.toString(), fingerprint,
                      QDir::toNativeSeparators(m_session->service()->tlsIdentity().certificateFile)));
    m_httpsAction->setStatusTip(
        fingerprint.isEmpty() ? QString() : tr("Certificate SHA-256 fingerprint: %1").arg(fingerprint));
    if (m_statusLabel) {
        const QPalette pal = palette();
        if (running) {
            const QString listening = https.isEmpty() || https == url
                ? tr("Listening on %1").arg(url.toString())
                : tr("Listening on %1 and %2").arg(url.toString(), https.toString());
            m_statusLabel->setText(QStringLiteral("<span style='color:%1'>●</span> %2")
                                       .arg(Theme::statusColor(200, pal).name(), listening));
            m_statusLabel->setToolTip(
                fingerprint.isEmpty() ? QString() : tr("HTTPS certificate SHA-256 fingerprint: %1").arg(fingerprint));
        } else {
            m_statusLabel->setToolTip(QString());
            const QString reason = shownReason.isEmpty() ? m_stoppedReason : shownReason;
            m_statusLabel->setText(
                QStringLiteral("<span style='color:%1'>●</span> %2")
                    .arg(Theme::dimmedTextColor(pal).name(),
                        reason.isEmpty() ? tr("Stopped") : tr("Stopped: %1").arg(reason.toHtmlEscaped())));
        }
    }
    emit stateChanged(url);
}

void ServerBar::onStartStopTriggered()
{
    if (m_session->isRunning()) {
        m_stoppedReason.clear();
        stopServer();
    } else {
        startServer();
    }
}

void ServerBar::onCopyUrlTriggered()
{
    if (!m_session->isRunning())
        return;
    // With HTTPS on, the https URL: that is what a page served over HTTPS can call.
    const QUrl https = m_session->service()->httpsUrl();
    const QString url = (https.isEmpty() ? m_session->url() : https).toString();
    QApplication::clipboard()->setText(url);
    emit message(tr("Copied %1").arg(url), 3000);
}

QUrl ServerBar::browserUrl() const
{
    const QUrl base = targetUrl();
    const DefinitionPtr definition = m_session->definition();
    const QString path = definition ? RequestDraft::browsablePath(*definition) : QString();
    QString text = base.toString();
    while (text.endsWith(QLatin1Char('/')))
        text.chop(1);
    return QUrl(text + (path.isEmpty() ? QStringLiteral("/") : path));
}

void ServerBar::setUrlOpener(std::function<bool(const QUrl&)> opener)
{
    m_urlOpener = std::move(opener);
}

void ServerBar::onOpenInBrowserTriggered()
{
    if (!m_session->isRunning())
        return;
    const QUrl url = browserUrl();
    const bool opened = m_urlOpener ? m_urlOpener(url) : QDesktopServices::openUrl(url);
    if (opened) {
        emit message(tr("Opened %1 in the browser").arg(url.toString()), 3000);
        return;
    }
    if (m_banner) {
        m_banner->showMessage(MessageBanner::Kind::Warning,
            tr("No web browser could be started to open <code>%1</code>. Copy the address and open it yourself.")
                .arg(url.toString().toHtmlEscaped()));
        m_banner->addAction(tr("Copy address"), [url] { QApplication::clipboard()->setText(url.toString()); });
    }
}

void ServerBar::onHostChanged()
{
    if (m_session->isRunning())
        startServer();
    else if (m_banner && host() == QHostAddress(QHostAddress::AnyIPv4))
        m_banner->showMessage(MessageBanner::Kind::Warning,
            tr("When started, the mock will be reachable from other computers on your network."));
    emit addressChanged();
}

void ServerBar::onPortEdited()
{
    // Restart only when the port really changed, so focus changes do not bounce the server.
    if (m_session->isRunning() && m_portSpin->value() != 0 && m_portSpin->value() != m_session->port())
        startServer();
    emit addressChanged();
}

void ServerBar::changeEvent(QEvent* event)
{
    QToolBar::changeEvent(event);
    // The status dot is rich text with a palette-derived colour; recompute it for the new theme.
    if (event->type() == QEvent::PaletteChange && m_statusLabel)
        updateState(m_stoppedReason);
}
