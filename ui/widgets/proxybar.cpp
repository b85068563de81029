// SPDX-License-Identifier: MIT
#include "ui/widgets/proxybar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>

#include "ui/theme.h"

ProxyBar::ProxyBar(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("proxyBar"));
    m_mode = new QComboBox(this);
    m_mode->setObjectName(QStringLiteral("proxyModeCombo"));
    m_mode->addItem(tr("Mock"), int(ProxyMode::Mock));
    m_mode->addItem(tr("Proxy"), int(ProxyMode::Proxy));
    m_mode->addItem(tr("Proxy with mock fallback"), int(ProxyMode::ProxyWithFallback));
    m_mode->setToolTip(tr("Mock answers every request itself. Proxy forwards every request to the upstream and "
                          "checks its answers against the definition (drift). With mock fallback, what the upstream "
                          "has not built (501, 404 for a defined route, unreachable) is answered by the mock."));
    m_upstream = new QLineEdit(this);
    m_upstream->setObjectName(QStringLiteral("upstreamField"));
    m_upstream->setPlaceholderText(tr("Upstream, e.g. http://localhost:8080"));
    m_upstream->setFont(Theme::monospaceFont());
    m_upstream->setClearButtonEnabled(true);
    // Narrow enough for the menu bar's corner at 1024 px; the mode combo is as wide as the mode it shows.
    m_upstream->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("http://localhost:8080")));
    m_mode->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_mode);
    auto* label = new QLabel(tr(" Upstream "), this);
    label->setBuddy(m_upstream);
    layout->addWidget(label);
    layout->addWidget(m_upstream, 1);

    connect(m_mode, &QComboBox::activated, this, [this] {
        refresh();
        emit settingsChanged(settings());
    });
    connect(m_upstream, &QLineEdit::editingFinished, this, [this] {
        refresh();
        emit settingsChanged(settings());
    });
    refresh();
}

ProxyBar::~ProxyBar() = default;

void ProxyBar::setSettings(const ProxySettings& settings)
{
    const QSignalBlocker blockMode(m_mode);
    const QSignalBlocker blockUrl(m_upstream);
    m_mode->setCurrentIndex(std::max(0, m_mode->findData(int(settings.mode))));
    m_upstream->setText(settings.upstream.toString());
    m_base = settings;
    refresh();
}

ProxySettings ProxyBar::settings() const
{
    ProxySettings s = m_base;
    s.mode = ProxyMode(m_mode->currentData().toInt());
    const QString text = m_upstream->text().trimmed();
    s.upstream = text.isEmpty() ? QUrl() : QUrl::fromUserInput(text);
    return s;
}

void ProxyBar::refresh()
{
    const ProxySettings s = settings();
    const bool proxying = s.mode != ProxyMode::Mock;
    const QString problem = ProxySettings::checkUpstream(s.upstream);
    // The URL matters only while proxying; an unusable one is pointed out rather than silently mocked.
    QPalette palette = m_upstream->palette();
    palette.setColor(QPalette::Text,
        proxying && !problem.isEmpty() ? Theme::statusColor(400, this->palette())
                                       : this->palette().color(QPalette::Text));
    m_upstream->setPalette(palette);
    m_upstream->setToolTip(proxying && !problem.isEmpty()
            ? tr("Not proxying: %1").arg(problem)
            : tr("The real server that requests are forwarded to; its path replaces the definition's base path"));
}
