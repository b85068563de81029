// SPDX-License-Identifier: MIT
// The certificate and key of the HTTPS listener: read from the user's files, or a self-signed certificate for
// localhost made once (OpenSSL's libcrypto) and kept in the application's data folder.
#pragma once

#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QString>

struct TlsIdentity
{
    QSslCertificate certificate;
    QSslKey key;
    QString certificateFile;
    QString keyFile;
    bool generated = false; // made just now (not read from an earlier run or the user's files)

    bool isNull() const
    {
        return certificate.isNull() || key.isNull();
    }
    // SHA-256 of the certificate, as browsers show it: "AB:CD:...".
    QString fingerprint() const;
    // What the listener's sockets use: this certificate and key, TLS 1.2 or later, no client certificate asked for.
    QSslConfiguration serverConfiguration() const;
};

// Errors are values: `identity` is null and `error` says why (which file, what is wrong with it).
struct TlsIdentityResult
{
    TlsIdentity identity;
    QString error;

    bool ok() const
    {
        return error.isEmpty() && !identity.isNull();
    }
};

namespace TlsIdentityStore {
// Reads a PEM (or DER) certificate and an unencrypted PEM (or DER) RSA, EC or DSA key that belongs to it.
TlsIdentityResult load(const QString& certificateFile, const QString& keyFile);
// The self-signed certificate for localhost, 127.0.0.1 and ::1 in `folder` (empty: defaultFolder()); made there on
// first use (written atomically, the key readable by the user only) and reused while it can be read and is valid.
TlsIdentityResult selfSigned(const QString& folder = {});
// <AppDataLocation>/tls
QString defaultFolder();
// A new self-signed certificate and key (PEM) for the given names; empty on failure. Valid for `days`.
bool generate(QByteArray* certificatePem, QByteArray* keyPem, int days = 825);
} // namespace TlsIdentityStore
