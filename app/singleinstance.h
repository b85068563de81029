// SPDX-License-Identifier: MIT
// One running window process per user: a second `understudy FILE` hands FILE to it and exits.
#pragma once

#include <QObject>
#include <QString>

class QLocalServer;

class SingleInstance final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SingleInstance)

public:
    explicit SingleInstance(const QString& name = defaultName(), QObject* parent = nullptr);
    ~SingleInstance() override;

    // True when another instance took `path` (the caller should exit). Otherwise starts listening and
    // returns false: this process is the one that opens files from now on.
    bool handOver(const QString& path);

    static QString defaultName();

signals:
    void openRequested(const QString& path);

private:
    QString m_name;
    QLocalServer* m_server = nullptr;
};
