<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>BehaviourPanel</name>
    <message>
        <source>When (path, query, header, body)</source>
        <translation>Wenn (Pfad, Query, Header, Body)</translation>
    </message>
    <message>
        <source>Then (status, example, ...)</source>
        <translation>Dann (Status, Beispiel, …)</translation>
    </message>
    <message>
        <source>First match wins. Cells use the scenario file&apos;s syntax, e.g. { path: { bookId: 42 } } and { status: 404 }.</source>
        <translation>Die erste passende Regel gewinnt. Die Zellen verwenden die Syntax der Szenariodatei, z. B. { path: { bookId: 42 } } und { status: 404 }.</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>Regel hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Fixed</source>
        <translation>Fest</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Realistic (median, p99)</source>
        <translation>Realistisch (Median, p99)</translation>
    </message>
    <message>
        <source>e.g. 250ms</source>
        <translation>z. B. 250ms</translation>
    </message>
    <message>
        <source>e.g. 1.5s</source>
        <translation>z. B. 1.5s</translation>
    </message>
    <message>
        <source>Reset (RST)</source>
        <translation>Zurücksetzen (RST)</translation>
    </message>
    <message>
        <source>Close after headers</source>
        <translation>Nach den Headern schließen</translation>
    </message>
    <message>
        <source>Empty answer</source>
        <translation>Leere Antwort</translation>
    </message>
    <message>
        <source>Garbage</source>
        <translation>Datenmüll</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Faults</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>No scenario file yet: the first change asks where to save one.</source>
        <translation>Noch keine Szenariodatei: Bei der ersten Änderung werden Sie gefragt, wo sie gespeichert werden soll.</translation>
    </message>
    <message>
        <source>Saved in %1</source>
        <translation>Gespeichert in %1</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>Verzögerung</translation>
    </message>
    <message>
        <source>99th percentile</source>
        <translation>99. Perzentil</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Rule %1: %2</source>
        <translation>Regel %1: %2</translation>
    </message>
    <message>
        <source>Latency: write durations like 250ms or 1.5s</source>
        <translation>Latenz: Dauer wie 250ms oder 1.5s angeben</translation>
    </message>
    <message>
        <source>Latency: the second value must not be below the first</source>
        <translation>Latenz: Der zweite Wert darf nicht kleiner als der erste sein</translation>
    </message>
    <message>
        <source>Save the scenario file</source>
        <translation>Szenariodatei speichern</translation>
    </message>
    <message>
        <source>Scenario files (*.yaml *.yml)</source>
        <translation>Szenariodateien (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>%1 kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Forced answer</source>
        <translation>Erzwungene Antwort</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regeln</translation>
    </message>
</context>
<context>
    <name>DiagnosticsView</name>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Pointer</source>
        <translation>Zeiger</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Hinweis</translation>
    </message>
</context>
<context>
    <name>ForcedResponsePanel</name>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Reset all</source>
        <translation>Alle zurücksetzen</translation>
    </message>
    <message>
        <source>Mock answers with</source>
        <translation>Der Mock antwortet mit</translation>
    </message>
    <message>
        <source>example</source>
        <translation>Beispiel</translation>
    </message>
    <message>
        <source>Force the status the mock answers this operation with (applies to the next request)</source>
        <translation>Den Status erzwingen, mit dem der Mock diese Operation beantwortet (gilt ab der nächsten Anfrage)</translation>
    </message>
    <message>
        <source>Force one of the named examples of that status</source>
        <translation>Eines der benannten Beispiele dieses Status erzwingen</translation>
    </message>
    <message>
        <source>Let the mock choose the response for this operation again</source>
        <translation>Den Mock die Antwort für diese Operation wieder selbst wählen lassen</translation>
    </message>
    <message>
        <source>Remove every forced response of this definition</source>
        <translation>Alle erzwungenen Antworten dieser Definition entfernen</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>No definition open</source>
        <translation>Keine Definition geöffnet</translation>
    </message>
    <message>
        <source>Open an OpenAPI 3.x or Swagger 2.0 file (YAML or JSON) with &lt;b&gt;Ctrl+O&lt;/b&gt;, drop one onto this window, or start with the bundled example.</source>
        <translation>Öffnen Sie eine OpenAPI-3.x- oder Swagger-2.0-Datei (YAML oder JSON) mit &lt;b&gt;Strg+O&lt;/b&gt;, ziehen Sie eine in dieses Fenster oder beginnen Sie mit dem mitgelieferten Beispiel.</translation>
    </message>
    <message>
        <source>no definition loaded</source>
        <translation>keine Definition geladen</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open Recen&amp;t</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Open the Bookshelf &amp;example</source>
        <translation>B&amp;eispiel „Bookshelf“ öffnen</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>Export log as &amp;HAR…</source>
        <translation>Protokoll als &amp;HAR exportieren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <source>Start &amp;automatically after opening</source>
        <translation>Nach dem Öffnen &amp;automatisch starten</translation>
    </message>
    <message>
        <source>&amp;Reset all forced responses</source>
        <translation>Alle erzwungenen Antworten &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Filter operations</source>
        <translation>Operationen &amp;filtern</translation>
    </message>
    <message>
        <source>Filter the &amp;log</source>
        <translation>&amp;Protokoll filtern</translation>
    </message>
    <message>
        <source>&amp;Clear log</source>
        <translation>Protokoll &amp;leeren</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Understudy</source>
        <translation>&amp;Über Understudy</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <source>%1 loaded with 1 error; some operations may behave unexpectedly.</source>
        <translation>%1 wurde mit 1 Fehler geladen; manche Operationen verhalten sich womöglich unerwartet.</translation>
    </message>
    <message>
        <source>%1 loaded with %2 errors; some operations may behave unexpectedly.</source>
        <translation>%1 wurde mit %2 Fehlern geladen; manche Operationen verhalten sich womöglich unerwartet.</translation>
    </message>
    <message>
        <source>Show problems</source>
        <translation>Probleme anzeigen</translation>
    </message>
    <message>
        <source>Reloaded %1</source>
        <translation>%1 neu geladen</translation>
    </message>
    <message>
        <source>turned off by %1 (mockServer.off: true)</source>
        <translation>abgeschaltet durch %1 (mockServer.off: true)</translation>
    </message>
    <message>
        <source>The mock is turned off by &lt;b&gt;%1&lt;/b&gt; (&lt;code&gt;mockServer.off: true&lt;/code&gt;).</source>
        <translation>Der Mock ist durch &lt;b&gt;%1&lt;/b&gt; abgeschaltet (&lt;code&gt;mockServer.off: true&lt;/code&gt;).</translation>
    </message>
    <message>
        <source>press F5 to start</source>
        <translation>F5 zum Starten drücken</translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation>Die Datei konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Reloading %1 failed; still serving the previous version.&lt;br&gt;%2</source>
        <translation>Neuladen von %1 fehlgeschlagen; die vorherige Version wird weiter ausgeliefert.&lt;br&gt;%2</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>%1 konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>the definition could not be loaded</source>
        <translation>die Definition konnte nicht geladen werden</translation>
    </message>
    <message>
        <source>Open API definition</source>
        <translation>API-Definition öffnen</translation>
    </message>
    <message>
        <source>OpenAPI definitions (*.yaml *.yml *.json);;YAML (*.yaml *.yml);;JSON (*.json);;All files (*)</source>
        <translation>OpenAPI-Definitionen (*.yaml *.yml *.json);;YAML (*.yaml *.yml);;JSON (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>About Understudy</source>
        <translation>Über Understudy</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Understudy %1&lt;/h3&gt;&lt;p&gt;A desktop mock server for OpenAPI definitions: open a file, get a working HTTP API, watch every request.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Understudy %1&lt;/h3&gt;&lt;p&gt;Ein Mock-Server für OpenAPI-Definitionen auf dem Desktop: Datei öffnen, funktionierende HTTP-API erhalten, jede Anfrage beobachten.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>All responses are automatic</source>
        <translation>Alle Antworten sind automatisch</translation>
    </message>
    <message>
        <source>1 operation with a forced response</source>
        <translation>1 Operation mit erzwungener Antwort</translation>
    </message>
    <message>
        <source>%1 operations with a forced response</source>
        <translation>%1 Operationen mit erzwungener Antwort</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; was deleted or moved. The mock keeps serving the last loaded version.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; wurde gelöscht oder verschoben. Der Mock liefert weiter die zuletzt geladene Version aus.</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <source>Bookshelf example</source>
        <translation>Beispiel „Bookshelf“</translation>
    </message>
    <message>
        <source>&amp;Watch files</source>
        <translation>Dateien &amp;überwachen</translation>
    </message>
    <message>
        <source>Reload automatically when the definition, a file it references or its redocly.yaml changes on disk</source>
        <translation>Automatisch neu laden, wenn sich die Definition, eine von ihr referenzierte Datei oder ihre redocly.yaml auf der Festplatte ändert</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Extras</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Problems (%1, %2)</source>
        <translation>Probleme (%1, %2)</translation>
    </message>
    <message>
        <source>1 error</source>
        <translation>1 Fehler</translation>
    </message>
    <message>
        <source>%1 errors</source>
        <translation>%1 Fehler</translation>
    </message>
    <message>
        <source>1 warning</source>
        <translation>1 Warnung</translation>
    </message>
    <message>
        <source>%1 warnings</source>
        <translation>%1 Warnungen</translation>
    </message>
    <message>
        <source>Not watching files: press Ctrl+R to reload after an edit</source>
        <translation>Dateien werden nicht überwacht: Nach einer Änderung mit Strg+R neu laden</translation>
    </message>
    <message>
        <source>%1 %2 — Understudy</source>
        <comment>window title: API title, API version</comment>
        <translation>%1 %2 — Understudy</translation>
    </message>
    <message>
        <source>The new language takes effect after a restart</source>
        <translation>Die neue Sprache wird nach einem Neustart wirksam</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; refers to files outside its project, which were not read: %2.&lt;br&gt;Allow them only if you trust this definition: the mock may serve what they contain to any client.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; verweist auf Dateien außerhalb seines Projekts, die nicht gelesen wurden: %2.&lt;br&gt;Erlauben Sie sie nur, wenn Sie dieser Definition vertrauen: Der Mock kann ihren Inhalt an jeden Client ausliefern.</translation>
    </message>
    <message>
        <source>Allow and reload</source>
        <translation>Erlauben und neu laden</translation>
    </message>
    <message>
        <source>… (%1 in all)</source>
        <translation>… (%1 insgesamt)</translation>
    </message>
    <message>
        <source>Show or hide the problems of the loaded definition</source>
        <translation>Die Probleme der geladenen Definition ein- oder ausblenden</translation>
    </message>
    <message>
        <source>&amp;Close Window</source>
        <translation>Fenster &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Problems</source>
        <translation>Pro&amp;bleme</translation>
    </message>
    <message>
        <source>Reload %1 (Ctrl+R)</source>
        <translation>%1 neu laden (Strg+R)</translation>
    </message>
    <message>
        <source>No problems</source>
        <translation>Keine Probleme</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; could not be loaded; still serving &lt;b&gt;%2&lt;/b&gt; (%3).&lt;br&gt;%4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; konnte nicht geladen werden; weiterhin wird &lt;b&gt;%2&lt;/b&gt; (%3) bereitgestellt.&lt;br&gt;%4</translation>
    </message>
    <message>
        <source>All problems are listed in the Problems pane (the badge in the status bar). Fix the file and reload (Ctrl+R), or open another one.</source>
        <translation>Alle Probleme stehen im Bereich „Probleme“ (die Plakette in der Statusleiste). Korrigieren Sie die Datei und laden Sie sie neu (Strg+R), oder öffnen Sie eine andere.</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>&amp;Daten</translation>
    </message>
    <message>
        <source>Stateful: dropped %1 (not in the definition any more)</source>
        <translation>Zustandsmodus: %1 entfernt (nicht mehr in der Definition)</translation>
    </message>
    <message>
        <source>&amp;Fresh generated data on every request</source>
        <translation>&amp;Neue generierte Daten bei jeder Anfrage</translation>
    </message>
    <message>
        <source>Generated data s&amp;eed…</source>
        <translation>Start&amp;wert für generierte Daten…</translation>
    </message>
    <message>
        <source>Generated data seed</source>
        <translation>Startwert für generierte Daten</translation>
    </message>
    <message>
        <source>Bodies generated from schemas are the same for the same seed on every run (a whole number):</source>
        <translation>Aus Schemas generierte Bodys sind bei gleichem Startwert in jedem Lauf gleich (eine ganze Zahl):</translation>
    </message>
    <message>
        <source>Generated data now uses seed %1.</source>
        <translation>Generierte Daten verwenden jetzt den Startwert %1.</translation>
    </message>
    <message>
        <source>Keep state in a fi&amp;le…</source>
        <translation>Zustand in einer &amp;Datei halten…</translation>
    </message>
    <message>
        <source>Stateful mode&apos;s data survives restarts in a JSON file (written at most once a second), remembered for this definition</source>
        <translation>Die Daten des zustandsbehafteten Modus überdauern Neustarts in einer JSON-Datei (höchstens einmal pro Sekunde geschrieben), für diese Definition gemerkt</translation>
    </message>
    <message>
        <source>Stateful data is no longer kept in a file.</source>
        <translation>Die Zustandsdaten werden nicht mehr in einer Datei gehalten.</translation>
    </message>
    <message>
        <source>Keep stateful data in</source>
        <translation>Zustandsdaten halten in</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>Stateful data is kept in %1.</source>
        <translation>Die Zustandsdaten werden in %1 gehalten.</translation>
    </message>
    <message>
        <source>Forwarding requests to %1</source>
        <translation>Anfragen werden an %1 weitergeleitet</translation>
    </message>
    <message>
        <source>The mock answers every request</source>
        <translation>Der Mock beantwortet jede Anfrage</translation>
    </message>
    <message>
        <source>The new number of serving threads is used from the next start (F5)</source>
        <translation>Die neue Anzahl der Bedienthreads gilt ab dem nächsten Start (F5)</translation>
    </message>
    <message>
        <source>Apply O&amp;verlay…</source>
        <translation>Overlay &amp;anwenden…</translation>
    </message>
    <message>
        <source>Apply overlay</source>
        <translation>Overlay anwenden</translation>
    </message>
    <message>
        <source>OpenAPI Overlays (*.yaml *.yml *.json);;All files (*)</source>
        <translation>OpenAPI-Overlays (*.yaml *.yml *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Apply OpenAPI Overlay files (e.g. recorded examples) to the definition; the file itself is not changed, and they stay applied for this definition</source>
        <translation>OpenAPI-Overlay-Dateien (z. B. aufgezeichnete Beispiele) auf die Definition anwenden; die Datei selbst bleibt unverändert, und sie bleiben für diese Definition angewendet</translation>
    </message>
    <message>
        <source>Applied Over&amp;lays</source>
        <translation>Angewendete Overla&amp;ys</translation>
    </message>
    <message>
        <source>Recor&amp;d into…</source>
        <translation>Aufzeichnen &amp;in…</translation>
    </message>
    <message>
        <source>The overlay file that Record and &quot;Save response as example&quot; write into</source>
        <translation>Die Overlay-Datei, in die „Aufzeichnen“ und „Antwort als Beispiel speichern“ schreiben</translation>
    </message>
    <message>
        <source>%1 (--overlay on the command line)</source>
        <translation>%1 (--overlay auf der Kommandozeile)</translation>
    </message>
    <message>
        <source>%1 — uncheck to stop applying it</source>
        <translation>%1 — Haken entfernen, um es nicht mehr anzuwenden</translation>
    </message>
    <message>
        <source>No overlay applied</source>
        <translation>Kein Overlay angewendet</translation>
    </message>
    <message>
        <source>&amp;Remove All</source>
        <translation>Alle &amp;entfernen</translation>
    </message>
    <message>
        <source>Record answers into</source>
        <translation>Antworten aufzeichnen in</translation>
    </message>
    <message>
        <source>OpenAPI Overlays (*.json *.yaml *.yml)</source>
        <translation>OpenAPI-Overlays (*.json *.yaml *.yml)</translation>
    </message>
    <message>
        <source>Recorded answers and saved examples go into %1</source>
        <translation>Aufgezeichnete Antworten und gespeicherte Beispiele kommen nach %1</translation>
    </message>
    <message>
        <source>Recording the upstream&apos;s answers into %1</source>
        <translation>Die Antworten des Upstreams werden in %1 aufgezeichnet</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>This request matched no operation of the definition</source>
        <translation>Diese Anfrage passt zu keiner Operation der Definition</translation>
    </message>
    <message>
        <source>Save response as example</source>
        <translation>Antwort als Beispiel speichern</translation>
    </message>
    <message>
        <source>The %1 answer of %2 becomes a named example in %3. Name:</source>
        <translation>Die Antwort %1 von %2 wird ein benanntes Beispiel in %3. Name:</translation>
    </message>
    <message>
        <source>Saved the response as example %1 in %2</source>
        <translation>Antwort als Beispiel %1 in %2 gespeichert</translation>
    </message>
    <message>
        <source>Reloaded %1 with the overlays %2</source>
        <translation>%1 mit den Overlays %2 neu geladen</translation>
    </message>
    <message>
        <source>Recorded 1 answer into %1; the mock now serves it as an example</source>
        <translation>1 Antwort in %1 aufgezeichnet; der Mock liefert sie jetzt als Beispiel</translation>
    </message>
    <message>
        <source>Recorded %1 answers into %2; the mock now serves them as examples</source>
        <translation>%1 Antworten in %2 aufgezeichnet; der Mock liefert sie jetzt als Beispiele</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>OperationDetailsView</name>
    <message>
        <source>OpenAPI %1</source>
        <translation>OpenAPI %1</translation>
    </message>
    <message>
        <source>1 operation</source>
        <translation>1 Operation</translation>
    </message>
    <message>
        <source>%1 operations</source>
        <translation>%1 Operationen</translation>
    </message>
    <message>
        <source>This definition has no operations.</source>
        <translation>Diese Definition enthält keine Operationen.</translation>
    </message>
    <message>
        <source>Add entries under &lt;code&gt;paths:&lt;/code&gt; and reload (Ctrl+R); every request is answered with 404 until then.</source>
        <translation>Fügen Sie Einträge unter &lt;code&gt;paths:&lt;/code&gt; hinzu und laden Sie neu (Strg+R); bis dahin wird jede Anfrage mit 404 beantwortet.</translation>
    </message>
    <message>
        <source>Select an operation on the left to see its parameters, responses and a ready-to-run curl command.</source>
        <translation>Wählen Sie links eine Operation, um ihre Parameter, Antworten und einen sofort ausführbaren curl-Befehl zu sehen.</translation>
    </message>
    <message>
        <source>generated</source>
        <translation>generiert</translation>
    </message>
    <message>
        <source>Deprecated: clients should stop using this operation.</source>
        <translation>Veraltet: Clients sollten diese Operation nicht mehr verwenden.</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Beispiel</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Request body (required)</source>
        <translation>Anfrage-Body (erforderlich)</translation>
    </message>
    <message>
        <source>Request body</source>
        <translation>Anfrage-Body</translation>
    </message>
    <message>
        <source>Responses</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>No responses are defined: the mock answers 500.</source>
        <translation>Es sind keine Antworten definiert: Der Mock antwortet mit 500.</translation>
    </message>
    <message>
        <source>header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>example</source>
        <translation>Beispiel</translation>
    </message>
    <message>
        <source>No example: the mock generates a body from the schema.</source>
        <translation>Kein Beispiel: Der Mock erzeugt einen Body aus dem Schema.</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>None: anyone may call this operation.</source>
        <translation>Keine: Jeder darf diese Operation aufrufen.</translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation>anonym</translation>
    </message>
    <message>
        <source>API key in</source>
        <translation>API-Schlüssel in</translation>
    </message>
    <message>
        <source>scopes</source>
        <translation>Scopes</translation>
    </message>
    <message>
        <source>and</source>
        <translation>und</translation>
    </message>
    <message>
        <source>or</source>
        <translation>oder</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>Eigenschaft</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Erforderlich</translation>
    </message>
    <message>
        <source>missing $ref</source>
        <translation>fehlende $ref</translation>
    </message>
    <message>
        <source>required</source>
        <translation>erforderlich</translation>
    </message>
    <message>
        <source>This operation has a load error; the mock&apos;s answers may not follow the definition:</source>
        <translation>Diese Operation hat einen Ladefehler; die Antworten des Mocks folgen der Definition womöglich nicht:</translation>
    </message>
    <message>
        <source>This operation has %1 load errors; the mock&apos;s answers may not follow the definition:</source>
        <translation>Diese Operation hat %1 Ladefehler; die Antworten des Mocks folgen der Definition womöglich nicht:</translation>
    </message>
    <message>
        <source>Show in Problems</source>
        <translation>Unter „Probleme“ zeigen</translation>
    </message>
    <message>
        <source>JSON Schema:</source>
        <translation>JSON Schema:</translation>
    </message>
</context>
<context>
    <name>OperationPage</name>
    <message>
        <source>Documentation</source>
        <translation>Dokumentation</translation>
    </message>
    <message>
        <source>Try it</source>
        <translation>Ausprobieren</translation>
    </message>
    <message>
        <source>Select an operation to get a curl command for it</source>
        <translation>Wählen Sie eine Operation, um einen curl-Befehl dafür zu erhalten</translation>
    </message>
    <message>
        <source>Copy curl</source>
        <translation>curl kopieren</translation>
    </message>
    <message>
        <source>Copy the command that calls this operation on the running mock</source>
        <translation>Den Befehl kopieren, der diese Operation am laufenden Mock aufruft</translation>
    </message>
    <message>
        <source>Copied the curl command</source>
        <translation>curl-Befehl kopiert</translation>
    </message>
    <message>
        <source>Stateful mode: stays static (%1).</source>
        <translation>Zustandsmodus: bleibt statisch (%1).</translation>
    </message>
    <message>
        <source>Stateful mode: %1</source>
        <translation>Zustandsmodus: %1</translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation>Verhalten</translation>
    </message>
</context>
<context>
    <name>OperationsBrowser</name>
    <message>
        <source>Filter by path, method, summary or operationId (Ctrl+F)</source>
        <translation>Nach Pfad, Methode, Zusammenfassung oder operationId filtern (Strg+F)</translation>
    </message>
    <message>
        <source>No definition loaded.</source>
        <translation>Keine Definition geladen.</translation>
    </message>
    <message>
        <source>This definition has no operations.
Add paths and reload (Ctrl+R).</source>
        <translation>Diese Definition enthält keine Operationen.
Fügen Sie Pfade hinzu und laden Sie neu (Strg+R).</translation>
    </message>
    <message>
        <source>No operation matches “%1”.</source>
        <translation>Keine Operation passt zu „%1“.</translation>
    </message>
</context>
<context>
    <name>OperationsModel</name>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <source>forced</source>
        <translation>erzwungen</translation>
    </message>
    <message>
        <source>operationId: %1</source>
        <translation>operationId: %1</translation>
    </message>
    <message>
        <source>Deprecated</source>
        <translation>Veraltet</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
</context>
<context>
    <name>ProxyBar</name>
    <message>
        <source>Mock</source>
        <translation>Mock</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>Proxy with mock fallback</source>
        <translation>Proxy mit Mock als Ersatz</translation>
    </message>
    <message>
        <source>Mock answers every request itself. Proxy forwards every request to the upstream and checks its answers against the definition (drift). With mock fallback, what the upstream has not built (501, 404 for a defined route, unreachable) is answered by the mock.</source>
        <translation>Mock beantwortet jede Anfrage selbst. Proxy leitet jede Anfrage an den Upstream weiter und prüft seine Antworten gegen die Definition (Abweichungen). Mit Mock als Ersatz beantwortet der Mock, was der Upstream noch nicht gebaut hat (501, 404 für eine definierte Route, nicht erreichbar).</translation>
    </message>
    <message>
        <source>Upstream, e.g. http://localhost:8080</source>
        <translation>Upstream, z. B. http://localhost:8080</translation>
    </message>
    <message>
        <source> Upstream </source>
        <translation> Upstream </translation>
    </message>
    <message>
        <source>Not proxying: %1</source>
        <translation>Keine Weiterleitung: %1</translation>
    </message>
    <message>
        <source>The real server that requests are forwarded to; its path replaces the definition&apos;s base path</source>
        <translation>Der echte Server, an den Anfragen weitergeleitet werden; sein Pfad ersetzt den Basispfad der Definition</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Aufzeichnen</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Zeichnet auf</translation>
    </message>
    <message>
        <source>Recorded %1</source>
        <translation>%1 aufgezeichnet</translation>
    </message>
    <message>
        <source>Recording every new upstream answer as an example into %1 (%2 in this session). Click to stop; the overlay is then applied, so the mock serves them.</source>
        <translation>Jede neue Antwort des Upstreams wird als Beispiel in %1 aufgezeichnet (%2 in dieser Sitzung). Klicken zum Beenden; das Overlay wird dann angewendet, sodass der Mock sie liefert.</translation>
    </message>
    <message>
        <source>Record upstream answers as examples: choose Proxy first</source>
        <translation>Antworten des Upstreams als Beispiele aufzeichnen: zuerst Proxy wählen</translation>
    </message>
    <message>
        <source>Record every distinct upstream answer as a named example into an OpenAPI Overlay file (the definition is not changed)</source>
        <translation>Jede unterschiedliche Antwort des Upstreams als benanntes Beispiel in eine OpenAPI-Overlay-Datei aufzeichnen (die Definition bleibt unverändert)</translation>
    </message>
    <message>
        <source>Record every distinct upstream answer as a named example into %1</source>
        <translation>Jede unterschiedliche Antwort des Upstreams als benanntes Beispiel in %1 aufzeichnen</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>(%1 bytes of binary data)</source>
        <translation>(%1 Bytes Binärdaten)</translation>
    </message>
    <message>
        <source>array of %1</source>
        <translation>Array von %1</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>Stream of %1 items</source>
        <translation>Stream mit %1 Einträgen</translation>
    </message>
    <message>
        <source>Item %1</source>
        <translation>Eintrag %1</translation>
    </message>
</context>
<context>
    <name>RecentFilesMenu</name>
    <message>
        <source>No recent files</source>
        <translation>Keine zuletzt geöffneten Dateien</translation>
    </message>
    <message>
        <source>&amp;Clear list</source>
        <translation>Liste &amp;leeren</translation>
    </message>
</context>
<context>
    <name>RequestDraft</name>
    <message>
        <source>Example</source>
        <translation>Beispiel</translation>
    </message>
    <message>
        <source>Generated from the schema</source>
        <translation>Aus dem Schema generiert</translation>
    </message>
    <message>
        <source>Empty</source>
        <translation>Leer</translation>
    </message>
    <message>
        <source>Credential for the security scheme %1</source>
        <translation>Zugangsdaten für das Sicherheitsschema %1</translation>
    </message>
</context>
<context>
    <name>RequestLogModel</name>
    <message>
        <source>forced</source>
        <translation>erzwungen</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>ungültig</translation>
    </message>
    <message>
        <source>The response was forced (forcing panel or Prefer header).</source>
        <translation>Die Antwort wurde erzwungen (über die Erzwingen-Leiste oder den Prefer-Header).</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>%1 ms delay + %2</source>
        <translation>%1 ms Verzögerung + %2</translation>
    </message>
    <message>
        <source>rule %1</source>
        <translation>Regel %1</translation>
    </message>
    <message>
        <source>Scenario fault: %1.</source>
        <translation>Szenario-Fehler: %1.</translation>
    </message>
    <message>
        <source>Answered by scenario rule %1.</source>
        <translation>Von Szenarioregel %1 beantwortet.</translation>
    </message>
    <message>
        <source>drift %1</source>
        <translation>Abweichung %1</translation>
    </message>
    <message>
        <source>from mock</source>
        <translation>vom Mock</translation>
    </message>
    <message>
        <source>from upstream</source>
        <translation>vom Upstream</translation>
    </message>
    <message>
        <source>upstream failed</source>
        <translation>Upstream fehlgeschlagen</translation>
    </message>
    <message>
        <source>Drift: %1: %2</source>
        <translation>Abweichung: %1: %2</translation>
    </message>
    <message>
        <source>callback %1</source>
        <translation>Callback %1</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>not a 2xx</source>
        <translation>kein 2xx</translation>
    </message>
    <message>
        <source>Outgoing call of callback %1, fired by %2.</source>
        <translation>Ausgehender Aufruf von Callback %1, ausgelöst von %2.</translation>
    </message>
    <message>
        <source>Outgoing call of callback %1, fired by %2: %3</source>
        <translation>Ausgehender Aufruf von Callback %1, ausgelöst von %2: %3</translation>
    </message>
</context>
<context>
    <name>RequestLogView</name>
    <message>
        <source>Flagged</source>
        <translation>Markiert</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Folgen</translation>
    </message>
    <message>
        <source>Filter requests</source>
        <translation>Anfragen filtern</translation>
    </message>
    <message>
        <source>All methods</source>
        <translation>Alle Methoden</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Only forced responses and invalid requests</source>
        <translation>Nur erzwungene Antworten und ungültige Anfragen</translation>
    </message>
    <message>
        <source>Scroll to new requests as they arrive</source>
        <translation>Zu neuen Anfragen scrollen, sobald sie eintreffen</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Clear the log (Ctrl+L)</source>
        <translation>Protokoll leeren (Strg+L)</translation>
    </message>
    <message>
        <source>Copy as curl</source>
        <translation>Als curl kopieren</translation>
    </message>
    <message>
        <source>Copy the selected request as a curl command</source>
        <translation>Die ausgewählte Anfrage als curl-Befehl kopieren</translation>
    </message>
    <message>
        <source>Copy body</source>
        <translation>Body kopieren</translation>
    </message>
    <message>
        <source>Copy the selected response body</source>
        <translation>Den Body der ausgewählten Antwort kopieren</translation>
    </message>
    <message>
        <source>Export HAR…</source>
        <translation>HAR exportieren…</translation>
    </message>
    <message>
        <source>Save the whole log as an HTTP Archive (HAR 1.2)</source>
        <translation>Das gesamte Protokoll als HTTP-Archiv (HAR 1.2) speichern</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>Copied the request as a curl command</source>
        <translation>Anfrage als curl-Befehl kopiert</translation>
    </message>
    <message>
        <source>Copied the response body (%1 bytes)</source>
        <translation>Antwort-Body kopiert (%1 Bytes)</translation>
    </message>
    <message>
        <source>The log is empty: nothing to export</source>
        <translation>Das Protokoll ist leer: nichts zu exportieren</translation>
    </message>
    <message>
        <source>Export request log as HAR</source>
        <translation>Anfrageprotokoll als HAR exportieren</translation>
    </message>
    <message>
        <source>HTTP Archive (*.har);;All files (*)</source>
        <translation>HTTP-Archiv (*.har);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Could not write %1:
%2</source>
        <translation>%1 konnte nicht geschrieben werden:
%2</translation>
    </message>
    <message>
        <source>Exported 1 request to %1</source>
        <translation>1 Anfrage nach %1 exportiert</translation>
    </message>
    <message>
        <source>Exported %1 requests to %2</source>
        <translation>%1 Anfragen nach %2 exportiert</translation>
    </message>
    <message>
        <source>Select a request to see it here.</source>
        <translation>Wählen Sie eine Anfrage, um sie hier zu sehen.</translation>
    </message>
    <message>
        <source>No operation matched, so nothing was validated.</source>
        <translation>Keine Operation passte, daher wurde nichts validiert.</translation>
    </message>
    <message>
        <source>The request is valid for %1.</source>
        <translation>Die Anfrage ist für %1 gültig.</translation>
    </message>
    <message>
        <source>1 violation:</source>
        <translation>1 Verstoß:</translation>
    </message>
    <message>
        <source>%1 violations:</source>
        <translation>%1 Verstöße:</translation>
    </message>
    <message>
        <source>Validation (%1)</source>
        <translation>Validierung (%1)</translation>
    </message>
    <message>
        <source>Example served: %1</source>
        <translation>Ausgeliefertes Beispiel: %1</translation>
    </message>
    <message>
        <source>Handled in %1 µs from %2 at %3</source>
        <translation>In %1 µs bearbeitet, von %2 um %3</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>1 request</source>
        <translation>1 Anfrage</translation>
    </message>
    <message>
        <source>%1 requests</source>
        <translation>%1 Anfragen</translation>
    </message>
    <message>
        <source>%1 oldest dropped</source>
        <translation>%1 älteste verworfen</translation>
    </message>
    <message>
        <source>The log keeps the newest %1 requests</source>
        <translation>Das Protokoll behält die neuesten %1 Anfragen</translation>
    </message>
    <message>
        <source>No requests yet. Start the mock (F5) and send one.</source>
        <translation>Noch keine Anfragen. Starten Sie den Mock (F5) und senden Sie eine.</translation>
    </message>
    <message>
        <source>No request matches the filter.</source>
        <translation>Keine Anfrage passt zum Filter.</translation>
    </message>
    <message>
        <source>&amp;Go to operation</source>
        <translation>&amp;Zur Operation</translation>
    </message>
    <message>
        <source>Open in &amp;Try it</source>
        <translation>In &amp;Ausprobieren öffnen</translation>
    </message>
    <message>
        <source>Copy as &amp;curl</source>
        <translation>Als &amp;curl kopieren</translation>
    </message>
    <message>
        <source>Copy response &amp;body</source>
        <translation>Antwort&amp;text kopieren</translation>
    </message>
    <message>
        <source>%1 of %2 requests</source>
        <translation>%1 von %2 Anfragen</translation>
    </message>
    <message>
        <source>No requests yet. Try:
curl %1
or Server ▸ Open in browser.</source>
        <translation>Noch keine Anfragen. Versuchen Sie:
curl %1
oder Server ▸ Im Browser öffnen.</translation>
    </message>
    <message>
        <source>⚠ %1 has load errors in the definition, so this answer may not follow it:</source>
        <translation>⚠ %1 hat Ladefehler in der Definition, daher folgt diese Antwort ihr womöglich nicht:</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <source>Decision trace: how the mock chose this answer</source>
        <translation>Entscheidungsablauf: wie der Mock diese Antwort gewählt hat</translation>
    </message>
    <message>
        <source>Answered by the upstream.</source>
        <translation>Vom Upstream beantwortet.</translation>
    </message>
    <message>
        <source>Answered by the mock (see the trace for why).</source>
        <translation>Vom Mock beantwortet (warum, steht im Ablauf).</translation>
    </message>
    <message>
        <source>The upstream did not answer (see the trace).</source>
        <translation>Der Upstream hat nicht geantwortet (siehe Ablauf).</translation>
    </message>
    <message>
        <source>Drift: the upstream&apos;s answer breaks the definition in 1 place:</source>
        <translation>Abweichung: Die Antwort des Upstreams verletzt die Definition an 1 Stelle:</translation>
    </message>
    <message>
        <source>Drift: the upstream&apos;s answer breaks the definition in %1 places:</source>
        <translation>Abweichung: Die Antwort des Upstreams verletzt die Definition an %1 Stellen:</translation>
    </message>
    <message>
        <source>Save response as &amp;example…</source>
        <translation>Antwort als &amp;Beispiel speichern…</translation>
    </message>
    <message>
        <source>This request matched no operation of the definition</source>
        <translation>Diese Anfrage passt zu keiner Operation der Definition</translation>
    </message>
    <message>
        <source>Not sent: %1.</source>
        <translation>Nicht gesendet: %1.</translation>
    </message>
    <message>
        <source>No answer: %1.</source>
        <translation>Keine Antwort: %1.</translation>
    </message>
    <message>
        <source>An outgoing call of callback %1, fired after %2 was answered; the mock does not validate it.</source>
        <translation>Ein ausgehender Aufruf von Callback %1, ausgelöst nach der Antwort auf %2; der Mock prüft ihn nicht.</translation>
    </message>
    <message>
        <source>Sent to %1 at %2; took %3 µs</source>
        <translation>Gesendet an %1 um %2; Dauer %3 µs</translation>
    </message>
    <message>
        <source>A callback&apos;s answer is not an answer of the definition&apos;s operations</source>
        <translation>Die Antwort auf einen Callback ist keine Antwort der Operationen der Definition</translation>
    </message>
    <message>
        <source>This response has no body to keep as an example</source>
        <translation>Diese Antwort hat keinen Inhalt, der als Beispiel dienen könnte</translation>
    </message>
</context>
<context>
    <name>ServerBar</name>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>&amp;Copy URL</source>
        <translation>URL &amp;kopieren</translation>
    </message>
    <message>
        <source>Open in &amp;browser</source>
        <translation>Im &amp;Browser öffnen</translation>
    </message>
    <message>
        <source>127.0.0.1 (this computer)</source>
        <translation>127.0.0.1 (dieser Computer)</translation>
    </message>
    <message>
        <source>0.0.0.0 (all interfaces)</source>
        <translation>0.0.0.0 (alle Schnittstellen)</translation>
    </message>
    <message>
        <source>Where the mock listens. All interfaces makes it reachable from your network.</source>
        <translation>Wo der Mock lauscht. Mit „alle Schnittstellen“ ist er aus Ihrem Netzwerk erreichbar.</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>TCP port (0 = any free port)</source>
        <translation>TCP-Port (0 = beliebiger freier Port)</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>läuft nicht</translation>
    </message>
    <message>
        <source> Host </source>
        <translation> Host </translation>
    </message>
    <message>
        <source> Port </source>
        <translation> Port </translation>
    </message>
    <message>
        <source>no definition loaded</source>
        <translation>keine Definition geladen</translation>
    </message>
    <message>
        <source>The mock listens on all interfaces: other computers on your network can reach it.</source>
        <translation>Der Mock lauscht auf allen Schnittstellen: Andere Computer in Ihrem Netzwerk können ihn erreichen.</translation>
    </message>
    <message>
        <source>Only this computer</source>
        <translation>Nur dieser Computer</translation>
    </message>
    <message>
        <source>turned off by %1 (mockServer.off: true)</source>
        <translation>abgeschaltet durch %1 (mockServer.off: true)</translation>
    </message>
    <message>
        <source>port %1 is already in use</source>
        <translation>Port %1 ist bereits belegt</translation>
    </message>
    <message>
        <source>Could not start the mock: %1</source>
        <translation>Der Mock konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>Port &lt;b&gt;%1&lt;/b&gt; is already in use by another program, so the mock could not start.</source>
        <translation>Port &lt;b&gt;%1&lt;/b&gt; wird bereits von einem anderen Programm verwendet, daher konnte der Mock nicht starten.</translation>
    </message>
    <message>
        <source>Use port %1</source>
        <translation>Port %1 verwenden</translation>
    </message>
    <message>
        <source>stopped by you</source>
        <translation>von Ihnen gestoppt</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stoppen</translation>
    </message>
    <message>
        <source>Stop the mock (F5)</source>
        <translation>Den Mock stoppen (F5)</translation>
    </message>
    <message>
        <source>Start the mock (F5)</source>
        <translation>Den Mock starten (F5)</translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation>Lauscht auf %1</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>Gestoppt: %1</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>%1 kopiert</translation>
    </message>
    <message>
        <source>When started, the mock will be reachable from other computers on your network.</source>
        <translation>Nach dem Start ist der Mock von anderen Computern in Ihrem Netzwerk erreichbar.</translation>
    </message>
    <message>
        <source>Opened %1 in the browser</source>
        <translation>%1 im Browser geöffnet</translation>
    </message>
    <message>
        <source>No web browser could be started to open &lt;code&gt;%1&lt;/code&gt;. Copy the address and open it yourself.</source>
        <translation>Es konnte kein Webbrowser gestartet werden, um &lt;code&gt;%1&lt;/code&gt; zu öffnen. Kopieren Sie die Adresse und öffnen Sie sie selbst.</translation>
    </message>
    <message>
        <source>Copy address</source>
        <translation>Adresse kopieren</translation>
    </message>
    <message>
        <source>Stateful</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Remember what clients create: collections inferred from the paths answer from the Data view instead of examples</source>
        <translation>Merken, was Clients anlegen: aus den Pfaden abgeleitete Sammlungen antworten aus der Datenansicht statt aus Beispielen</translation>
    </message>
    <message>
        <source>Stateful: the mock remembers what clients create</source>
        <translation>Zustandsmodus: der Mock merkt sich, was Clients anlegen</translation>
    </message>
    <message>
        <source>Stateful mode is off</source>
        <translation>Zustandsmodus ist aus</translation>
    </message>
    <message>
        <source>Network: normal</source>
        <translation>Netzwerk: normal</translation>
    </message>
    <message>
        <source>Network: slow 3G</source>
        <translation>Netzwerk: langsames 3G</translation>
    </message>
    <message>
        <source>Network: flaky</source>
        <translation>Netzwerk: instabil</translation>
    </message>
    <message>
        <source>Adds latency (and, when flaky, 10% failed requests) to every operation, on top of the scenario file</source>
        <translation>Fügt jeder Operation zusätzlich zur Szenariodatei Latenz hinzu (und bei „instabil“ 10 % fehlgeschlagene Anfragen)</translation>
    </message>
    <message>
        <source>&amp;HTTPS</source>
        <translation>&amp;HTTPS</translation>
    </message>
    <message>
        <source>Also serve HTTPS, on the next free port, with a self-signed certificate for localhost</source>
        <translation>Zusätzlich HTTPS anbieten, auf dem nächsten freien Port, mit einem selbstsignierten Zertifikat für localhost</translation>
    </message>
    <message>
        <source>HTTPS is off: %1</source>
        <translation>HTTPS ist aus: %1</translation>
    </message>
    <message>
        <source>Also HTTPS: %1
Certificate SHA-256 fingerprint: %2
Certificate file: %3</source>
        <translation>Auch HTTPS: %1
SHA-256-Fingerabdruck des Zertifikats: %2
Zertifikatsdatei: %3</translation>
    </message>
    <message>
        <source>Certificate SHA-256 fingerprint: %1</source>
        <translation>SHA-256-Fingerabdruck des Zertifikats: %1</translation>
    </message>
    <message>
        <source>Listening on %1 and %2</source>
        <translation>Lauscht auf %1 und %2</translation>
    </message>
    <message>
        <source>HTTPS certificate SHA-256 fingerprint: %1</source>
        <translation>SHA-256-Fingerabdruck des HTTPS-Zertifikats: %1</translation>
    </message>
    <message>
        <source>Modes</source>
        <translation>Modi</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>The language takes effect after a restart.</source>
        <translation>Die Sprache wird nach einem Neustart wirksam.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>127.0.0.1 (this computer)</source>
        <translation>127.0.0.1 (dieser Computer)</translation>
    </message>
    <message>
        <source>0.0.0.0 (all interfaces)</source>
        <translation>0.0.0.0 (alle Schnittstellen)</translation>
    </message>
    <message>
        <source>Where the mock listens. All interfaces makes it reachable from your network.</source>
        <translation>Wo der Mock lauscht. Mit „alle Schnittstellen“ ist er aus Ihrem Netzwerk erreichbar.</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>beliebiger freier Port</translation>
    </message>
    <message>
        <source>TCP port (0 = any free port)</source>
        <translation>TCP-Port (0 = beliebiger freier Port)</translation>
    </message>
    <message>
        <source>&amp;Start the mock automatically after opening a definition</source>
        <translation>&amp;Mock nach dem Öffnen einer Definition automatisch starten</translation>
    </message>
    <message>
        <source>Mock server</source>
        <translation>Mock-Server</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source> requests</source>
        <translation> Anfragen</translation>
    </message>
    <message>
        <source>Older requests are dropped from the log when it is full.</source>
        <translation>Ältere Anfragen werden aus dem Protokoll entfernt, wenn es voll ist.</translation>
    </message>
    <message>
        <source>Request log</source>
        <translation>Anfrageprotokoll</translation>
    </message>
    <message>
        <source>&amp;Keep the newest:</source>
        <translation>&amp;Neueste behalten:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Larger request bodies are refused with 413.</source>
        <translation>Größere Request-Bodys werden mit 413 abgelehnt.</translation>
    </message>
    <message>
        <source>Time a client has to send a request&apos;s headers.</source>
        <translation>Zeit, die ein Client für die Header eines Requests hat.</translation>
    </message>
    <message>
        <source>Longest pause while a request body arrives.</source>
        <translation>Längste Pause, während ein Request-Body eintrifft.</translation>
    </message>
    <message>
        <source>An unused keep-alive connection is closed after this.</source>
        <translation>Eine unbenutzte Keep-alive-Verbindung wird danach geschlossen.</translation>
    </message>
    <message>
        <source>e.g. mock.test, my-laptop.local (* = any)</source>
        <translation>z. B. mock.test, mein-laptop.local (* = alle)</translation>
    </message>
    <message>
        <source>Host names the mock answers besides localhost and its own addresses. Other names get 421, which keeps web pages from reaching the mock through DNS rebinding.</source>
        <translation>Hostnamen, auf die der Mock außer localhost und seinen eigenen Adressen antwortet. Andere Namen erhalten 421; so erreichen Webseiten den Mock nicht über DNS-Rebinding.</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Grenzen</translation>
    </message>
    <message>
        <source>Largest request body:</source>
        <translation>Größter Request-Body:</translation>
    </message>
    <message>
        <source>Header timeout:</source>
        <translation>Timeout für Header:</translation>
    </message>
    <message>
        <source>Body timeout:</source>
        <translation>Timeout für Body:</translation>
    </message>
    <message>
        <source>Idle timeout:</source>
        <translation>Timeout im Leerlauf:</translation>
    </message>
    <message>
        <source>Allowed host names:</source>
        <translation>Erlaubte Hostnamen:</translation>
    </message>
    <message>
        <source>Open connections over all serving threads; more are answered 503 and closed.</source>
        <translation>Offene Verbindungen über alle Bedienthreads; weitere werden mit 503 beantwortet und geschlossen.</translation>
    </message>
    <message>
        <source>one per core</source>
        <translation>einer pro Kern</translation>
    </message>
    <message>
        <source>Threads that serve requests, all on the same port (like --threads). Used from the next start of the mock.</source>
        <translation>Threads, die Anfragen bedienen, alle auf demselben Port (wie --threads). Gilt ab dem nächsten Start des Mocks.</translation>
    </message>
    <message>
        <source>Most open connections:</source>
        <translation>Höchstens offene Verbindungen:</translation>
    </message>
    <message>
        <source>Serving threads:</source>
        <translation>Bedienthreads:</translation>
    </message>
    <message>
        <source>e.g. hooks.test, 192.168.1.20:8080 (* = any)</source>
        <translation>z. B. hooks.test, 192.168.1.20:8080 (* = alle)</translation>
    </message>
    <message>
        <source>Hosts that callbacks may call besides this computer (host or host:port, like --callback-allow). Calls to other hosts are logged as refused and not sent.</source>
        <translation>Hosts, die Callbacks außer diesem Computer aufrufen dürfen (Host oder Host:Port, wie --callback-allow). Aufrufe an andere Hosts werden als abgelehnt protokolliert und nicht gesendet.</translation>
    </message>
    <message>
        <source>Allowed callback hosts:</source>
        <translation>Erlaubte Callback-Hosts:</translation>
    </message>
</context>
<context>
    <name>StateView</name>
    <message>
        <source>Turn on Stateful in the server bar: what clients create shows here.</source>
        <translation>Schalten Sie „Zustand“ in der Serverleiste ein: was Clients anlegen, erscheint hier.</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Replace the collection&apos;s items with the JSON above</source>
        <translation>Die Einträge der Sammlung durch das JSON oben ersetzen</translation>
    </message>
    <message>
        <source>Reset to seed</source>
        <translation>Auf Startdaten zurücksetzen</translation>
    </message>
    <message>
        <source>Every collection back to the definition&apos;s examples (or generated items)</source>
        <translation>Jede Sammlung zurück auf die Beispiele der Definition (oder erzeugte Einträge)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Remove every item of the selected collection</source>
        <translation>Alle Einträge der gewählten Sammlung entfernen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No collections: nothing in this definition pairs a collection with its items.</source>
        <translation>Keine Sammlungen: nichts in dieser Definition verbindet eine Sammlung mit ihren Einträgen.</translation>
    </message>
    <message>
        <source>Scoped by %1; id field &apos;%2&apos;</source>
        <translation>Getrennt nach %1; ID-Feld „%2“</translation>
    </message>
    <message>
        <source>Id field &apos;%1&apos;</source>
        <translation>ID-Feld „%1“</translation>
    </message>
    <message>
        <source>Not JSON: %1</source>
        <translation>Kein JSON: %1</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>Nicht übernommen: %1</translation>
    </message>
</context>
<context>
    <name>TryItPanel</name>
    <message>
        <source>%1 (auth)</source>
        <translation>%1 (Auth)</translation>
    </message>
    <message>
        <source>Select an operation to try it against the running mock.</source>
        <translation>Wählen Sie eine Operation, um sie am laufenden Mock auszuprobieren.</translation>
    </message>
    <message>
        <source>The URL that will be requested; edit path and query values in the table below.</source>
        <translation>Die URL, die angefragt wird; Pfad- und Query-Werte bearbeiten Sie in der Tabelle unten.</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Copy as curl</source>
        <translation>Als curl kopieren</translation>
    </message>
    <message>
        <source>Copy this request as a curl command line</source>
        <translation>Diese Anfrage als curl-Befehlszeile kopieren</translation>
    </message>
    <message>
        <source>The mock is stopped. Start it to send requests.</source>
        <translation>Der Mock ist gestoppt. Starten Sie ihn, um Anfragen zu senden.</translation>
    </message>
    <message>
        <source>Ask the mock for the response with this status</source>
        <translation>Den Mock um die Antwort mit diesem Status bitten</translation>
    </message>
    <message>
        <source>Ask the mock for this named response example</source>
        <translation>Den Mock um dieses benannte Antwortbeispiel bitten</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Add header</source>
        <translation>Header hinzufügen</translation>
    </message>
    <message>
        <source>Add a header line (change its location in the In column)</source>
        <translation>Eine Header-Zeile hinzufügen (ihren Ort ändern Sie in der Spalte „Ort“)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected line (parameters of the definition cannot be removed)</source>
        <translation>Die ausgewählte Zeile entfernen (Parameter der Definition lassen sich nicht entfernen)</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Content type:</source>
        <translation>Inhaltstyp:</translation>
    </message>
    <message>
        <source>Example:</source>
        <translation>Beispiel:</translation>
    </message>
    <message>
        <source>This operation takes no request body.</source>
        <translation>Diese Operation erwartet keinen Anfrage-Body.</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Send the request to see the mock&apos;s answer here.</source>
        <translation>Senden Sie die Anfrage, um die Antwort des Mocks hier zu sehen.</translation>
    </message>
    <message>
        <source>Send the request to the mock (%1)</source>
        <translation>Die Anfrage an den Mock senden (%1)</translation>
    </message>
    <message>
        <source>Body (%1)</source>
        <translation>Body (%1)</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Erforderlich</translation>
    </message>
    <message>
        <source>Required. %1</source>
        <translation>Erforderlich. %1</translation>
    </message>
    <message>
        <source>Parameters (%1)</source>
        <translation>Parameter (%1)</translation>
    </message>
    <message>
        <source>header, query or cookie</source>
        <translation>Header, Query oder Cookie</translation>
    </message>
    <message>
        <source>Start the mock to send requests</source>
        <translation>Starten Sie den Mock, um Anfragen zu senden</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>No answer within %1 s</source>
        <translation>Keine Antwort innerhalb von %1 s</translation>
    </message>
    <message>
        <source>after %1 ms</source>
        <translation>nach %1 ms</translation>
    </message>
    <message>
        <source>%1 ms · %2</source>
        <translation>%1 ms · %2</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Open definition…</source>
        <translation>Definition öffnen…</translation>
    </message>
    <message>
        <source>Open the Bookshelf example</source>
        <translation>Beispiel „Bookshelf“ öffnen</translation>
    </message>
</context>
</TS>
