// SPDX-License-Identifier: MIT
#include "ui/widgets/proxybar.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QSignalBlocker>
#include <QToolButton>

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
    // Narrow enough for the menu bar's corner at 1024 px (which gives its widgets their size hints, never more): the
    // mode combo is as wide as the mode it shows, the URL field as wide as the URL (see refresh()).
    m_mode->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_upstream, &QLineEdit::textChanged, this, [this] { fitWidths(); });

    m_record = new QAction(tr("Record"), this);
    m_record->setObjectName(QStringLiteral("recordAction"));
    m_record->setCheckable(true);
    m_record->setIcon(recordIcon());
    m_recordButton = new QToolButton(this);
    m_recordButton->setObjectName(QStringLiteral("recordButton"));
    m_recordButton->setDefaultAction(m_record);
    m_recordButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_recordButton->setAutoRaise(true);
    // Small enough for the button to be no taller than its text: the menu bar keeps the height of its menus.
    const int dot = fontMetrics().height() * 3 / 4;
    m_recordButton->setIconSize(QSize(dot, dot));

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_mode);
    auto* label = new QLabel(tr(" Upstream "), this);
    label->setBuddy(m_upstream);
    layout->addWidget(label);
    layout->addWidget(m_upstream, 1);
    layout->addWidget(m_recordButton);

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

QIcon ProxyBar::recordIcon() const
{
    // A red dot, as recorders show; drawn, so it looks the same on every platform and theme.
    const int size = fontMetrics().height();
    QPixmap pixmap(size * 2, size * 2);
    pixmap.setDevicePixelRatio(2);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0xd0, 0x30, 0x30));
    const qreal d = size * 0.6;
    painter.drawEllipse(QRectF((size - d) / 2, (size - d) / 2, d, d));
    painter.end();
    QIcon icon(pixmap);
    return icon;
}

void ProxyBar::setRecording(bool on, const QString& file, int count)
{
    const QSignalBlocker block(m_record);
    m_record->setChecked(on);
    m_recordFile = file;
    m_recordCount = count;
    refresh();
}

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

void ProxyBar::fitWidths()
{
    // The combo's size hint fits its longest mode; it is kept to the one it shows (layouts bound hints by the maximum).
    const QFontMetrics modeMetrics(m_mode->font());
    int longest = 0;
    for (int i = 0; i < m_mode->count(); ++i)
        longest = std::max(longest, modeMetrics.horizontalAdvance(m_mode->itemText(i)));
    m_mode->setMaximumWidth(QWIDGETSIZE_MAX);
    m_mode->setMaximumWidth(
        m_mode->sizeHint().width() - longest + modeMetrics.horizontalAdvance(m_mode->currentText()) + 4);
    const QFontMetrics fm(m_upstream->font());
    const QString text = m_upstream->text().size() > QStringLiteral("http://localhost:8080").size()
        ? m_upstream->text()
        : QStringLiteral("http://localhost:8080");
    const int clearButton = fm.height() + 8;
    const int cap = fm.horizontalAdvance(QLatin1Char('x')) * 32;
    m_upstream->setMinimumWidth(std::min(cap, fm.horizontalAdvance(text) + clearButton + 8));
}

void ProxyBar::refresh()
{
    fitWidths();
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

    // Recording keeps upstream answers, so it needs a proxy mode; stopping stays possible in any mode.
    const bool on = m_record->isChecked();
    m_record->setEnabled(proxying || on);
    m_record->setText(!on ? tr("Record") : m_recordCount == 0 ? tr("Recording") : tr("Recorded %1").arg(m_recordCount));
    const QString file = QDir::toNativeSeparators(m_recordFile);
    if (on)
        m_record->setToolTip(tr("Recording every new upstream answer as an example into %1 (%2 in this session). "
                                "Click to stop; the overlay is then applied, so the mock serves them.")
                                 .arg(file)
                                 .arg(m_recordCount));
    else if (!proxying)
        m_record->setToolTip(tr("Record upstream answers as examples: choose Proxy first"));
    else
        m_record->setToolTip(file.isEmpty()
                ? tr("Record every distinct upstream answer as a named example into an OpenAPI Overlay file "
                     "(the definition is not changed)")
                : tr("Record every distinct upstream answer as a named example into %1").arg(file));
}
