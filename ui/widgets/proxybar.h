// SPDX-License-Identifier: MIT
// The proxy controls of the server toolbar: Mock / Proxy / Proxy with mock fallback, and the upstream URL.
#pragma once

#include <QWidget>

#include "core/proxy/proxysettings.h"

class QComboBox;
class QLineEdit;

class ProxyBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProxyBar)

public:
    explicit ProxyBar(QWidget* parent = nullptr);
    ~ProxyBar() override;

    // Shows `settings` without emitting settingsChanged.
    void setSettings(const ProxySettings& settings);
    // What the controls say; the mode is Mock in effect (ProxySettings::active false) while the URL is unusable.
    ProxySettings settings() const;

    QComboBox* modeCombo() const
    {
        return m_mode;
    }
    QLineEdit* upstreamField() const
    {
        return m_upstream;
    }

signals:
    // The user chose a mode or finished editing the URL.
    void settingsChanged(const ProxySettings& settings);

private:
    void refresh();

    QComboBox* m_mode = nullptr;
    QLineEdit* m_upstream = nullptr;
    ProxySettings m_base; // what the bar does not show (timeout, --proxy-reject-invalid, body cap) is kept from here
};
