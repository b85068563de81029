// SPDX-License-Identifier: MIT
// The Settings dialog: language, mock server defaults and the request log cap, read from and written to QSettings.
#pragma once

#include <QDialog>
#include <QHostAddress>
#include <QString>

#include "core/engine/serverlimits.h"
#include "ui/settingskeys.h"

class QCheckBox;
class QLineEdit;
class QComboBox;
class QSettings;
class QSpinBox;

class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    static constexpr quint16 defaultPort = SettingsKeys::defaultPort;

    explicit SettingsDialog(QWidget* parent = nullptr);
    ~SettingsDialog() override;

    // Fills the fields from `settings` (missing keys give the defaults).
    void load(const QSettings& settings);
    // Writes every field to `settings`.
    void save(QSettings& settings) const;
    // Puts the defaults back into the fields (not into QSettings until save()).
    void restoreDefaults();

    // "" (follow the system), "en", "de" or "fr".
    QString language() const;
    QString host() const;
    quint16 port() const;
    bool autoStart() const;
    int maximumLogRows() const;
    // Body limit, timeouts, allowed hosts and allowed callback hosts as the mock server takes them.
    ServerLimits limits() const;
    // The same, read from `settings` (missing keys give the defaults).
    static ServerLimits limitsFrom(const QSettings& settings);
    // Serving threads of the mock (0 = one per core, at most MockService::kMaxThreads); applies from the next start.
    int threads() const;
    static int threadsFrom(const QSettings& settings);

    QComboBox* languageCombo() const
    {
        return m_language;
    }
    QComboBox* hostCombo() const
    {
        return m_host;
    }
    QSpinBox* portSpin() const
    {
        return m_port;
    }
    QCheckBox* autoStartCheck() const
    {
        return m_autoStart;
    }
    QSpinBox* logRowsSpin() const
    {
        return m_logRows;
    }
    QLineEdit* callbackHostsEdit() const
    {
        return m_callbackHosts;
    }
    QSpinBox* threadsSpin() const
    {
        return m_threads;
    }

private:
    void selectLanguage(const QString& code);
    void selectHost(const QString& host);

    QComboBox* m_language = nullptr;
    QComboBox* m_host = nullptr;
    QSpinBox* m_port = nullptr;
    QCheckBox* m_autoStart = nullptr;
    QSpinBox* m_logRows = nullptr;
    QSpinBox* m_maxBody = nullptr;
    QSpinBox* m_headerTimeout = nullptr;
    QSpinBox* m_bodyTimeout = nullptr;
    QSpinBox* m_idleTimeout = nullptr;
    QLineEdit* m_allowedHosts = nullptr;
    QLineEdit* m_callbackHosts = nullptr;
    QSpinBox* m_maxConnections = nullptr;
    QSpinBox* m_threads = nullptr;
};
