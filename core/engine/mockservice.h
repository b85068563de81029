// SPDX-License-Identifier: MIT
// Owns the mock's thread and server; the one object the GUI and headless mode talk to.
#pragma once

#include <functional>
#include <memory>

#include <QHostAddress>
#include <QObject>
#include <QUrl>

#include "core/config/mockconfig.h"
#include "core/definition/definition.h"
#include "core/engine/requestlogentry.h"
#include "core/engine/serverlimits.h"
#include "core/engine/startresult.h"
#include "core/generation/generationcontrol.h"
#include "core/negotiation/forcedresponsestore.h"

class MockServer;
class QThread;

class MockService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MockService)

public:
    explicit MockService(QObject* parent = nullptr);
    ~MockService() override;

    // Swaps the definition (and configuration) the mock answers from; safe while running:
    // requests in flight finish with the old one, the next request sees the new one.
    void setDefinition(DefinitionPtr definition, const MockConfig& config = {});
    DefinitionPtr definition() const;
    MockConfig config() const;

    std::shared_ptr<ForcedResponseStore> forcedResponses() const;
    // The seed and dynamic mode of generated bodies (--seed, --dynamic, the window's settings); takes effect at once.
    std::shared_ptr<GenerationControl> generationControl() const;

    // Body, header and connection limits, timeouts and allowed hosts. Takes effect for new connections at once,
    // also while running.
    void setLimits(const ServerLimits& limits);
    ServerLimits limits() const;
    // Tests only: runs on a worker thread before each request is answered (e.g. to make one slow).
    void setRequestHookForTesting(std::function<void(const HttpRequest&)> hook);

    // Listens on host:port (port 0 = any free port). Blocks only for the bind itself (a few
    // microseconds on the mock thread). On failure says why (port taken, permission, address not
    // available, turned off by the configuration, ...) with a readable message.
    StartResult start(const QHostAddress& host, quint16 port);
    void stop();
    bool isRunning() const;
    quint16 port() const;
    QHostAddress host() const;
    QUrl url() const; // "http://127.0.0.1:4010" (empty when stopped)

    // Requests being answered on worker threads right now (in every MockService of the process).
    static int answersInFlight();

    // A free TCP port on `host` near `preferred`, or 0.
    static quint16 findFreePort(const QHostAddress& host, quint16 preferred);

signals:
    void requestHandled(const RequestLogEntry& entry); // queued from the mock thread
    void started(const QUrl& url);
    void stopped();

private:
    QThread* m_thread = nullptr;
    MockServer* m_server = nullptr; // lives on m_thread
    std::shared_ptr<ForcedResponseStore> m_forced;
    std::shared_ptr<GenerationControl> m_generation;
    DefinitionPtr m_definition;
    MockConfig m_config;
    ServerLimits m_limits;
    QHostAddress m_host;
    quint16 m_port = 0;
};
