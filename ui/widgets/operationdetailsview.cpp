// SPDX-License-Identifier: MIT
#include "ui/widgets/operationdetailsview.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QEvent>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTextCursor>
#include <QTextDocument>
#include <QUrl>

#include "ui/models/specformat.h"
#include "ui/theme.h"

namespace {

QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}

QString colorName(const QColor& c)
{
    return c.name(QColor::HexRgb);
}

// A section heading; colours come from the palette at render time.
QString heading(const QString& text)
{
    return QStringLiteral("<h3 style='margin-top:14px; margin-bottom:4px'>%1</h3>").arg(esc(text));
}

QString pre(const QString& text)
{
    // pre-wrap: long JSON strings wrap at the page's edge instead of scrolling it sideways.
    return QStringLiteral("<pre style='margin-left:8px; white-space:pre-wrap'>%1</pre>").arg(esc(text));
}

// Markdown as an HTML fragment, so descriptions read the same in tables as in the operation's text.
QString markdown(const QString& text)
{
    if (text.isEmpty())
        return {};
    QTextDocument doc;
    doc.setMarkdown(text);
    QString html = doc.toHtml();
    const qsizetype body = html.indexOf(QLatin1String("<body"));
    const qsizetype start = body < 0 ? -1 : html.indexOf(QLatin1Char('>'), body);
    const qsizetype end = html.lastIndexOf(QLatin1String("</body>"));
    if (start < 0 || end < start)
        return text.toHtmlEscaped();
    html = html.mid(start + 1, end - start - 1).trimmed();
    // A single paragraph needs no block of its own inside a table cell.
    static const QRegularExpression single(
        QStringLiteral("^<p[^>]*>(.*)</p>$"), QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch m = single.match(html);
    if (m.hasMatch() && !m.captured(1).contains(QLatin1String("<p")))
        return m.captured(1);
    return html;
}

// A schema as a tree of properties: name (indented by depth), type, required and description.
QString schemaTable(const QJsonValue& schema, const QJsonObject& document, const QPalette& pal)
{
    const QList<SpecFormat::SchemaProperty> rows = SpecFormat::schemaProperties(schema, document);
    if (rows.isEmpty())
        return {};
    const QString red = colorName(Theme::statusColor(500, pal));
    const QString dim = colorName(Theme::dimmedTextColor(pal));
    QString html = QStringLiteral("<table cellspacing='0' cellpadding='3' border='0' style='margin-left:8px'>"
                                  "<tr><th align='left'>%1</th><th align='left'>%2</th><th align='left'>%3</th>"
                                  "<th align='left'>%4</th></tr>")
                       .arg(QCoreApplication::translate("OperationDetailsView", "Property"),
                           QCoreApplication::translate("OperationDetailsView", "Type"),
                           QCoreApplication::translate("OperationDetailsView", "Required"),
                           QCoreApplication::translate("OperationDetailsView", "Description"));
    for (const SpecFormat::SchemaProperty& row : rows) {
        QString type = esc(row.type);
        if (row.missingRef)
            type = QStringLiteral("<span style='color:%1'><b>%2</b></span>")
                       .arg(red, QCoreApplication::translate("OperationDetailsView", "missing $ref"));
        html += QStringLiteral("<tr><td>%1<code>%2</code></td><td style='color:%3'>%4</td><td>%5</td><td>%6</td></tr>")
                    .arg(QStringLiteral("&nbsp;&nbsp;&nbsp;&nbsp;").repeated(row.depth), esc(row.name), dim, type,
                        row.required ? QStringLiteral("<span style='color:%1'>%2</span>")
                                           .arg(red, QCoreApplication::translate("OperationDetailsView", "required"))
                                     : QString(),
                        markdown(row.description));
    }
    return html + QStringLiteral("</table>");
}

QString badgeHtml(const QString& method, const QPalette& palette)
{
    const QColor fill = Theme::methodBadgeColor(method, palette);
    return QStringLiteral("<span style='background-color:%1; color:%2; font-weight:bold'>&nbsp;%3&nbsp;</span>")
        .arg(colorName(fill), colorName(Theme::badgeTextColor(fill)), esc(method));
}

QString statusSpan(const QString& code, const QPalette& palette)
{
    bool ok = false;
    int status = code.left(1).toInt(&ok) * 100;
    if (!ok)
        status = 0;
    return QStringLiteral("<span style='color:%1; font-weight:bold'>%2</span>")
        .arg(colorName(Theme::statusColor(status, palette)), esc(code));
}

} // namespace

OperationDetailsView::OperationDetailsView(QWidget* parent)
    : QTextBrowser(parent)
{
    // Web links open in the browser; the "problems:" link of a broken operation opens the Problems pane.
    setOpenLinks(false);
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        if (url.scheme() == QLatin1String("problems"))
            emit problemsRequested();
        else
            QDesktopServices::openUrl(url);
    });
    setFrameShape(QFrame::NoFrame);
    document()->setDocumentMargin(12);
}

OperationDetailsView::~OperationDetailsView() = default;

void OperationDetailsView::showOperation(const DefinitionPtr& definition, const Operation* operation)
{
    m_definition = definition;
    m_operationId = operation ? operation->id : QString();
    m_placeholderTitle.clear();
    render();
}

void OperationDetailsView::showOverview(const DefinitionPtr& definition)
{
    showOperation(definition, nullptr);
}

void OperationDetailsView::showPlaceholder(const QString& title, const QString& text)
{
    m_definition.reset();
    m_operationId.clear();
    m_placeholderTitle = title;
    m_placeholderText = text;
    render();
}

void OperationDetailsView::setProblems(const QHash<QString, QStringList>& problems)
{
    if (problems == m_problems)
        return;
    m_problems = problems;
    render();
}

void OperationDetailsView::changeEvent(QEvent* event)
{
    QTextBrowser::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        render();
}

void OperationDetailsView::render()
{
    clear();
    QTextCursor cursor(document());
    const QPalette pal = palette();
    const QString dim = colorName(Theme::dimmedTextColor(pal));
    if (!m_definition) {
        cursor.insertHtml(
            QStringLiteral("<div align='center'><br><br><h2 style='color:%1'>%2</h2><p style='color:%1'>%3</p></div>")
                .arg(dim, esc(m_placeholderTitle), m_placeholderText));
        return;
    }
    const Definition& def = *m_definition;
    const Operation* op = m_operationId.isEmpty() ? nullptr : def.operation(m_operationId);
    if (!op) {
        cursor.insertHtml(
            QStringLiteral("<h2>%1 <span style='color:%2'>%3</span></h2><p style='color:%2'>%4 · %5 · %6</p>")
                .arg(esc(def.title), dim, esc(def.version), tr("OpenAPI %1").arg(esc(def.specVersion)),
                    (def.operations.size() == 1 ? tr("1 operation") : tr("%1 operations").arg(def.operations.size())),
                    esc(def.file)));
        if (!def.description.isEmpty()) {
            cursor.insertBlock();
            cursor.insertMarkdown(def.description);
        }
        if (def.operations.isEmpty()) {
            cursor.insertBlock();
            cursor.insertHtml(QStringLiteral("<p><b>%1</b><br>%2</p>")
                                  .arg(tr("This definition has no operations."),
                                      tr("Add entries under <code>paths:</code> and reload (Ctrl+R); every request "
                                         "is answered with 404 until then.")));
        } else {
            cursor.insertBlock();
            cursor.insertHtml(QStringLiteral("<p style='color:%1'>%2</p>")
                                  .arg(dim,
                                      tr("Select an operation on the left to see its parameters, responses and "
                                         "a ready-to-run curl command.")));
        }
        return;
    }

    QString head = QStringLiteral("<h2>%1&nbsp;&nbsp;<span style='font-family:monospace'>%2</span></h2>")
                       .arg(badgeHtml(op->method, pal), esc(op->path));
    if (!op->summary.isEmpty())
        head += QStringLiteral("<p style='font-size:large'>%1</p>").arg(esc(op->summary));
    QString meta = QStringLiteral("operationId <code>%1</code>").arg(esc(op->id));
    if (op->idSynthesized)
        meta += QStringLiteral(" (%1)").arg(tr("generated"));
    if (!op->tags.isEmpty())
        meta += QStringLiteral(" · %1").arg(esc(op->tags.join(QStringLiteral(", "))));
    head += QStringLiteral("<p style='color:%1'>%2</p>").arg(dim, meta);
    if (op->deprecated)
        head += QStringLiteral("<p style='color:%1'><b>%2</b></p>")
                    .arg(colorName(Theme::statusColor(400, pal)),
                        tr("Deprecated: clients should stop using this operation."));
    // What is broken in this operation, where the page would otherwise show it as if all were well.
    const QStringList problems = m_problems.value(op->id);
    if (!problems.isEmpty()) {
        QString box = QStringLiteral("<table width='100%' cellpadding='6' style='background-color:%1'><tr><td>"
                                     "<b style='color:%2'>%3</b><ul>")
                          .arg(colorName(Theme::statusColor(500, pal).lighter(190)),
                              colorName(Theme::statusColor(500, pal).darker(130)),
                              problems.size() == 1 ? tr("This operation has a load error; the mock's answers may "
                                                        "not follow the definition:")
                                                   : tr("This operation has %1 load errors; the mock's answers may "
                                                        "not follow the definition:")
                                                         .arg(problems.size()));
        for (const QString& p : problems)
            box += QStringLiteral("<li>%1</li>").arg(esc(p));
        box += QStringLiteral("</ul><a href='problems:'>%1</a></td></tr></table>").arg(tr("Show in Problems"));
        head += box;
    }
    cursor.insertHtml(head);

    if (!op->description.isEmpty()) {
        cursor.insertBlock();
        cursor.insertMarkdown(op->description);
    }

    const QJsonObject& doc = def.document;
    if (!op->parameters.isEmpty()) {
        cursor.insertBlock();
        QString html = heading(tr("Parameters"));
        html += QStringLiteral("<table cellspacing='0' cellpadding='4' border='0' width='100%'>"
                               "<tr><th align='left'>%1</th><th align='left'>%2</th><th align='left'>%3</th>"
                               "<th align='left'>%4</th><th align='left'>%5</th></tr>")
                    .arg(tr("Name"), tr("In"), tr("Type"), tr("Example"), tr("Description"));
        for (const Parameter& p : op->parameters) {
            QString name = QStringLiteral("<code>%1</code>").arg(esc(p.name));
            if (p.required)
                name += QStringLiteral(" <span style='color:%1'>*</span>").arg(colorName(Theme::statusColor(500, pal)));
            if (p.deprecated)
                name = QStringLiteral("<s>%1</s>").arg(name);
            const QString sample = SpecFormat::prettyJson(SpecFormat::parameterSample(p, doc)).simplified();
            html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td><code>%4</code></td><td>%5</td></tr>")
                        .arg(name, esc(p.in), esc(SpecFormat::typeSummary(p.schema, doc)), esc(sample.left(60)),
                            markdown(p.description));
        }
        html += QStringLiteral("</table>");
        cursor.insertHtml(html);
    }

    if (op->requestBody.present) {
        cursor.insertBlock();
        QString html = heading(op->requestBody.required ? tr("Request body (required)") : tr("Request body"));
        if (!op->requestBody.description.isEmpty())
            html += markdown(op->requestBody.description);
        for (const MediaType& mt : op->requestBody.content) {
            html += QStringLiteral("<p><code><b>%1</b></code> %2</p>")
                        .arg(esc(mt.name),
                            SpecFormat::refMissing(mt.schema, doc)
                                ? QStringLiteral("<b style='color:%1'>%2</b>")
                                      .arg(colorName(Theme::statusColor(500, pal)), tr("missing $ref"))
                                : esc(SpecFormat::typeSummary(mt.schema, doc)));
            html += schemaTable(mt.schema, doc, pal);
            if (!mt.schema.isUndefined()) {
                html += QStringLiteral("<p style='color:%1'>%2</p>").arg(dim, tr("JSON Schema:"));
                html += pre(SpecFormat::prettyJson(SpecFormat::inlineRefs(mt.schema, doc, 4)));
            }
        }
        cursor.insertHtml(html);
    }

    cursor.insertBlock();
    QString responses = heading(tr("Responses"));
    if (op->responses.isEmpty())
        responses += QStringLiteral("<p style='color:%1'>%2</p>")
                         .arg(dim, tr("No responses are defined: the mock answers 500."));
    for (const Response& r : op->responses) {
        responses += QStringLiteral("<p>%1&nbsp;&nbsp;%2</p>").arg(statusSpan(r.code, pal), markdown(r.description));
        for (const HeaderDef& h : r.headers)
            responses += QStringLiteral("<p style='margin-left:8px; color:%1'>%2: <code>%3</code> %4</p>")
                             .arg(dim, tr("header"), esc(h.name), esc(h.description));
        for (const MediaType& mt : r.content) {
            responses += QStringLiteral("<p style='margin-left:8px'><code><b>%1</b></code> %2</p>")
                             .arg(esc(mt.name),
                                 SpecFormat::refMissing(mt.schema, doc)
                                     ? QStringLiteral("<b style='color:%1'>%2</b>")
                                           .arg(colorName(Theme::statusColor(500, pal)), tr("missing $ref"))
                                     : esc(SpecFormat::typeSummary(mt.schema, doc)));
            responses += schemaTable(mt.schema, doc, pal);
            if (mt.hasExample)
                responses += pre(SpecFormat::prettyJson(mt.example));
            for (const NamedExample& ex : mt.examples) {
                responses += QStringLiteral("<p style='margin-left:8px; color:%1'>%2 <b>%3</b> %4</p>")
                                 .arg(dim, tr("example"), esc(ex.name), esc(ex.summary));
                if (ex.hasValue)
                    responses += pre(SpecFormat::prettyJson(ex.value));
                else if (!ex.externalValue.isEmpty())
                    responses += QStringLiteral("<p style='margin-left:8px'>%1</p>").arg(esc(ex.externalValue));
            }
            if (!mt.hasExample && mt.examples.isEmpty() && !mt.schema.isUndefined())
                responses += QStringLiteral("<p style='margin-left:8px; color:%1'>%2</p>")
                                 .arg(dim, tr("No example: the mock generates a body from the schema."));
        }
    }
    cursor.insertHtml(responses);

    cursor.insertBlock();
    QString security = heading(tr("Security"));
    if (op->security.isEmpty()) {
        security += QStringLiteral("<p style='color:%1'>%2</p>").arg(dim, tr("None: anyone may call this operation."));
    } else {
        QStringList alternatives;
        for (const SecurityRequirement& req : op->security) {
            if (req.schemes.isEmpty()) {
                alternatives << tr("anonymous");
                continue;
            }
            QStringList all;
            for (const auto& item : req.schemes) {
                const QJsonObject scheme = def.securitySchemes.value(item.scheme).toObject();
                QString text = QStringLiteral("<code>%1</code>").arg(esc(item.scheme));
                const QString type = scheme.value(QLatin1String("type")).toString();
                if (type == QLatin1String("apiKey"))
                    text += QStringLiteral(" (%1 %2 <code>%3</code>)")
                                .arg(tr("API key in"), esc(scheme.value(QLatin1String("in")).toString()),
                                    esc(scheme.value(QLatin1String("name")).toString()));
                else if (type == QLatin1String("http"))
                    text += QStringLiteral(" (HTTP %1)").arg(esc(scheme.value(QLatin1String("scheme")).toString()));
                else if (!type.isEmpty())
                    text += QStringLiteral(" (%1)").arg(esc(type));
                if (!item.scopes.isEmpty())
                    text += QStringLiteral(" %1: %2").arg(tr("scopes"), esc(item.scopes.join(QStringLiteral(", "))));
                all << text;
            }
            alternatives << all.join(QStringLiteral(" <b>%1</b> ").arg(tr("and")));
        }
        security += QStringLiteral("<p>%1</p>").arg(alternatives.join(QStringLiteral("<br><b>%1</b> ").arg(tr("or"))));
    }
    cursor.insertHtml(security);
    moveCursor(QTextCursor::Start);
}
