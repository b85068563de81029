// SPDX-License-Identifier: MIT
// The proxy controls of the server toolbar: Mock / Proxy / Proxy with mock fallback, the upstream URL and Record.
#pragma once

#include <QWidget>

#include "core/proxy/proxysettings.h"

class QAction;
class QComboBox;
class QLineEdit;
class QToolButton;

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
    // Record (checkable): on while the upstream's answers are kept in an overlay; usable only while proxying.
    QAction* recordAction() const
    {
        return m_record;
    }
    QToolButton* recordButton() const
    {
        return m_recordButton;
    }
    // Shows whether answers are being recorded, into which file and how many so far, without emitting anything.
    void setRecording(bool on, const QString& file, int count);

signals:
    // The user chose a mode or finished editing the URL.
    void settingsChanged(const ProxySettings& settings);

private:
    void refresh();
    void fitWidths();
    QIcon recordIcon() const;

    QComboBox* m_mode = nullptr;
    QLineEdit* m_upstream = nullptr;
    QAction* m_record = nullptr;
    QToolButton* m_recordButton = nullptr;
    QString m_recordFile;
    int m_recordCount = 0;
    ProxySettings m_base; // what the bar does not show (timeout, --proxy-reject-invalid, body cap) is kept from here
};
