// SPDX-License-Identifier: MIT
#include "ui/models/definitionkey.h"

#include <QCryptographicHash>
#include <QFileInfo>

namespace DefinitionKey {

QString group(const QString& prefix, const QString& definitionPath)
{
    const QString absolute =
        definitionPath.startsWith(QLatin1Char(':')) ? definitionPath : QFileInfo(definitionPath).absoluteFilePath();
    return prefix
        + QString::fromLatin1(QCryptographicHash::hash(absolute.toUtf8(), QCryptographicHash::Sha1).toHex().left(16));
}

} // namespace DefinitionKey
