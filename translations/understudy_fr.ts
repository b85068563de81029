<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>BehaviourPanel</name>
    <message>
        <source>When (path, query, header, body)</source>
        <translation>Quand (chemin, requête, en-tête, corps)</translation>
    </message>
    <message>
        <source>Then (status, example, ...)</source>
        <translation>Alors (statut, exemple, …)</translation>
    </message>
    <message>
        <source>First match wins. Cells use the scenario file&apos;s syntax, e.g. { path: { bookId: 42 } } and { status: 404 }.</source>
        <translation>La première règle qui correspond l’emporte. Les cellules utilisent la syntaxe du fichier de scénarios, p. ex. { path: { bookId: 42 } } et { status: 404 }.</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>Ajouter une règle</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>Fixed</source>
        <translation>Fixe</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Plage</translation>
    </message>
    <message>
        <source>Realistic (median, p99)</source>
        <translation>Réaliste (médiane, p99)</translation>
    </message>
    <message>
        <source>e.g. 250ms</source>
        <translation>p. ex. 250ms</translation>
    </message>
    <message>
        <source>e.g. 1.5s</source>
        <translation>p. ex. 1.5s</translation>
    </message>
    <message>
        <source>Reset (RST)</source>
        <translation>Réinitialisation (RST)</translation>
    </message>
    <message>
        <source>Close after headers</source>
        <translation>Fermer après les en-têtes</translation>
    </message>
    <message>
        <source>Empty answer</source>
        <translation>Réponse vide</translation>
    </message>
    <message>
        <source>Garbage</source>
        <translation>Octets invalides</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Délai dépassé</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latence</translation>
    </message>
    <message>
        <source>Faults</source>
        <translation>Pannes</translation>
    </message>
    <message>
        <source>No scenario file yet: the first change asks where to save one.</source>
        <translation>Pas encore de fichier de scénarios : la première modification demande où l’enregistrer.</translation>
    </message>
    <message>
        <source>Saved in %1</source>
        <translation>Enregistré dans %1</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Médiane</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>Délai</translation>
    </message>
    <message>
        <source>99th percentile</source>
        <translation>99e centile</translation>
    </message>
    <message>
        <source>To</source>
        <translation>À</translation>
    </message>
    <message>
        <source>Rule %1: %2</source>
        <translation>Règle %1 : %2</translation>
    </message>
    <message>
        <source>Latency: write durations like 250ms or 1.5s</source>
        <translation>Latence : indiquez des durées comme 250ms ou 1.5s</translation>
    </message>
    <message>
        <source>Latency: the second value must not be below the first</source>
        <translation>Latence : la seconde valeur ne doit pas être inférieure à la première</translation>
    </message>
    <message>
        <source>Save the scenario file</source>
        <translation>Enregistrer le fichier de scénarios</translation>
    </message>
    <message>
        <source>Scenario files (*.yaml *.yml)</source>
        <translation>Fichiers de scénarios (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>Impossible d’enregistrer %1 : %2</translation>
    </message>
    <message>
        <source>Forced answer</source>
        <translation>Réponse forcée</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Règles</translation>
    </message>
</context>
<context>
    <name>DiagnosticsView</name>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <source>Pointer</source>
        <translation>Pointeur</translation>
    </message>
    <message>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>avertissement</translation>
    </message>
    <message>
        <source>note</source>
        <translation>remarque</translation>
    </message>
</context>
<context>
    <name>ForcedResponsePanel</name>
    <message>
        <source>Reset</source>
        <translation>Réinitialiser</translation>
    </message>
    <message>
        <source>Reset all</source>
        <translation>Tout réinitialiser</translation>
    </message>
    <message>
        <source>Mock answers with</source>
        <translation>Le mock répond avec</translation>
    </message>
    <message>
        <source>example</source>
        <translation>exemple</translation>
    </message>
    <message>
        <source>Force the status the mock answers this operation with (applies to the next request)</source>
        <translation>Forcer le statut avec lequel le mock répond à cette opération (s’applique à la prochaine requête)</translation>
    </message>
    <message>
        <source>Force one of the named examples of that status</source>
        <translation>Forcer l’un des exemples nommés de ce statut</translation>
    </message>
    <message>
        <source>Let the mock choose the response for this operation again</source>
        <translation>Laisser de nouveau le mock choisir la réponse de cette opération</translation>
    </message>
    <message>
        <source>Remove every forced response of this definition</source>
        <translation>Supprimer toutes les réponses forcées de cette définition</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatique</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>No definition open</source>
        <translation>Aucune définition ouverte</translation>
    </message>
    <message>
        <source>Open an OpenAPI 3.x or Swagger 2.0 file (YAML or JSON) with &lt;b&gt;Ctrl+O&lt;/b&gt;, drop one onto this window, or start with the bundled example.</source>
        <translation>Ouvrez un fichier OpenAPI 3.x ou Swagger 2.0 (YAML ou JSON) avec &lt;b&gt;Ctrl+O&lt;/b&gt;, déposez-en un sur cette fenêtre ou commencez par l’exemple fourni.</translation>
    </message>
    <message>
        <source>no definition loaded</source>
        <translation>aucune définition chargée</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <source>Open Recen&amp;t</source>
        <translation>Fichiers &amp;récents</translation>
    </message>
    <message>
        <source>Open the Bookshelf &amp;example</source>
        <translation>Ouvrir l’&amp;exemple Bookshelf</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>Re&amp;charger</translation>
    </message>
    <message>
        <source>Export log as &amp;HAR…</source>
        <translation>Exporter le journal au format &amp;HAR…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Serveur</translation>
    </message>
    <message>
        <source>Start &amp;automatically after opening</source>
        <translation>Démarrer &amp;automatiquement après l’ouverture</translation>
    </message>
    <message>
        <source>&amp;Reset all forced responses</source>
        <translation>&amp;Réinitialiser toutes les réponses forcées</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Filter operations</source>
        <translation>&amp;Filtrer les opérations</translation>
    </message>
    <message>
        <source>Filter the &amp;log</source>
        <translation>Filtrer le &amp;journal</translation>
    </message>
    <message>
        <source>&amp;Clear log</source>
        <translation>&amp;Vider le journal</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>&amp;About Understudy</source>
        <translation>&amp;À propos d’Understudy</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Chargement de %1…</translation>
    </message>
    <message>
        <source>%1 loaded with 1 error; some operations may behave unexpectedly.</source>
        <translation>%1 chargé avec 1 erreur&#xa0;; certaines opérations peuvent se comporter de façon inattendue.</translation>
    </message>
    <message>
        <source>%1 loaded with %2 errors; some operations may behave unexpectedly.</source>
        <translation>%1 chargé avec %2 erreurs&#xa0;; certaines opérations peuvent se comporter de façon inattendue.</translation>
    </message>
    <message>
        <source>Show problems</source>
        <translation>Afficher les problèmes</translation>
    </message>
    <message>
        <source>Reloaded %1</source>
        <translation>%1 rechargé</translation>
    </message>
    <message>
        <source>turned off by %1 (mockServer.off: true)</source>
        <translation>désactivé par %1 (mockServer.off: true)</translation>
    </message>
    <message>
        <source>The mock is turned off by &lt;b&gt;%1&lt;/b&gt; (&lt;code&gt;mockServer.off: true&lt;/code&gt;).</source>
        <translation>Le mock est désactivé par &lt;b&gt;%1&lt;/b&gt; (&lt;code&gt;mockServer.off: true&lt;/code&gt;).</translation>
    </message>
    <message>
        <source>press F5 to start</source>
        <translation>appuyez sur F5 pour démarrer</translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation>Le fichier n’a pas pu être lu.</translation>
    </message>
    <message>
        <source>Reloading %1 failed; still serving the previous version.&lt;br&gt;%2</source>
        <translation>Échec du rechargement de %1&#xa0;; la version précédente reste servie.&lt;br&gt;%2</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>Impossible d’ouvrir %1</translation>
    </message>
    <message>
        <source>the definition could not be loaded</source>
        <translation>la définition n’a pas pu être chargée</translation>
    </message>
    <message>
        <source>Open API definition</source>
        <translation>Ouvrir une définition d’API</translation>
    </message>
    <message>
        <source>OpenAPI definitions (*.yaml *.yml *.json);;YAML (*.yaml *.yml);;JSON (*.json);;All files (*)</source>
        <translation>Définitions OpenAPI (*.yaml *.yml *.json);;YAML (*.yaml *.yml);;JSON (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>About Understudy</source>
        <translation>À propos d’Understudy</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Understudy %1&lt;/h3&gt;&lt;p&gt;A desktop mock server for OpenAPI definitions: open a file, get a working HTTP API, watch every request.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Understudy %1&lt;/h3&gt;&lt;p&gt;Un serveur mock de bureau pour les définitions OpenAPI&#xa0;: ouvrez un fichier, obtenez une API HTTP fonctionnelle, observez chaque requête.&lt;/p&gt;&lt;p&gt;Compilé avec Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>All responses are automatic</source>
        <translation>Toutes les réponses sont automatiques</translation>
    </message>
    <message>
        <source>1 operation with a forced response</source>
        <translation>1 opération avec une réponse forcée</translation>
    </message>
    <message>
        <source>%1 operations with a forced response</source>
        <translation>%1 opérations avec une réponse forcée</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; was deleted or moved. The mock keeps serving the last loaded version.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; a été supprimé ou déplacé. Le mock continue de servir la dernière version chargée.</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Ouvrir…</translation>
    </message>
    <message>
        <source>Bookshelf example</source>
        <translation>Exemple Bookshelf</translation>
    </message>
    <message>
        <source>&amp;Watch files</source>
        <translation>&amp;Surveiller les fichiers</translation>
    </message>
    <message>
        <source>Reload automatically when the definition, a file it references or its redocly.yaml changes on disk</source>
        <translation>Recharger automatiquement quand la définition, un fichier qu’elle référence ou son redocly.yaml change sur le disque</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>Problems (%1, %2)</source>
        <translation>Problèmes (%1, %2)</translation>
    </message>
    <message>
        <source>1 error</source>
        <translation>1 erreur</translation>
    </message>
    <message>
        <source>%1 errors</source>
        <translation>%1 erreurs</translation>
    </message>
    <message>
        <source>1 warning</source>
        <translation>1 avertissement</translation>
    </message>
    <message>
        <source>%1 warnings</source>
        <translation>%1 avertissements</translation>
    </message>
    <message>
        <source>Not watching files: press Ctrl+R to reload after an edit</source>
        <translation>Fichiers non surveillés&#xa0;: appuyez sur Ctrl+R pour recharger après une modification</translation>
    </message>
    <message>
        <source>%1 %2 — Understudy</source>
        <comment>window title: API title, API version</comment>
        <translation>%1 %2 — Understudy</translation>
    </message>
    <message>
        <source>The new language takes effect after a restart</source>
        <translation>La nouvelle langue prendra effet après un redémarrage</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; refers to files outside its project, which were not read: %2.&lt;br&gt;Allow them only if you trust this definition: the mock may serve what they contain to any client.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; fait référence à des fichiers hors de son projet, qui n’ont pas été lus : %2.&lt;br&gt;Ne les autorisez que si vous faites confiance à cette définition : le mock peut servir leur contenu à n’importe quel client.</translation>
    </message>
    <message>
        <source>Allow and reload</source>
        <translation>Autoriser et recharger</translation>
    </message>
    <message>
        <source>… (%1 in all)</source>
        <translation>… (%1 au total)</translation>
    </message>
    <message>
        <source>Show or hide the problems of the loaded definition</source>
        <translation>Afficher ou masquer les problèmes de la définition chargée</translation>
    </message>
    <message>
        <source>&amp;Close Window</source>
        <translation>&amp;Fermer la fenêtre</translation>
    </message>
    <message>
        <source>&amp;Problems</source>
        <translation>&amp;Problèmes</translation>
    </message>
    <message>
        <source>Reload %1 (Ctrl+R)</source>
        <translation>Recharger %1 (Ctrl+R)</translation>
    </message>
    <message>
        <source>No problems</source>
        <translation>Aucun problème</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; could not be loaded; still serving &lt;b&gt;%2&lt;/b&gt; (%3).&lt;br&gt;%4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; n’a pas pu être chargé ; &lt;b&gt;%2&lt;/b&gt; (%3) reste servi.&lt;br&gt;%4</translation>
    </message>
    <message>
        <source>All problems are listed in the Problems pane (the badge in the status bar). Fix the file and reload (Ctrl+R), or open another one.</source>
        <translation>Tous les problèmes figurent dans le panneau Problèmes (le badge de la barre d’état). Corrigez le fichier et rechargez-le (Ctrl+R), ou ouvrez-en un autre.</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Données</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>&amp;Données</translation>
    </message>
    <message>
        <source>Stateful: dropped %1 (not in the definition any more)</source>
        <translation>Avec état : %1 supprimé (plus dans la définition)</translation>
    </message>
    <message>
        <source>&amp;Fresh generated data on every request</source>
        <translation>Nouvelles données &amp;générées à chaque requête</translation>
    </message>
    <message>
        <source>Generated data s&amp;eed…</source>
        <translation>Gra&amp;ine des données générées…</translation>
    </message>
    <message>
        <source>Generated data seed</source>
        <translation>Graine des données générées</translation>
    </message>
    <message>
        <source>Bodies generated from schemas are the same for the same seed on every run (a whole number):</source>
        <translation>Les corps générés à partir des schémas sont identiques à chaque exécution pour la même graine (un nombre entier) :</translation>
    </message>
    <message>
        <source>Generated data now uses seed %1.</source>
        <translation>Les données générées utilisent maintenant la graine %1.</translation>
    </message>
    <message>
        <source>Keep state in a fi&amp;le…</source>
        <translation>Conserver l’état dans un &amp;fichier…</translation>
    </message>
    <message>
        <source>Stateful mode&apos;s data survives restarts in a JSON file (written at most once a second), remembered for this definition</source>
        <translation>Les données du mode avec état survivent aux redémarrages dans un fichier JSON (écrit au plus une fois par seconde), mémorisé pour cette définition</translation>
    </message>
    <message>
        <source>Stateful data is no longer kept in a file.</source>
        <translation>Les données d’état ne sont plus conservées dans un fichier.</translation>
    </message>
    <message>
        <source>Keep stateful data in</source>
        <translation>Conserver les données d’état dans</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Fichiers JSON (*.json)</translation>
    </message>
    <message>
        <source>Stateful data is kept in %1.</source>
        <translation>Les données d’état sont conservées dans %1.</translation>
    </message>
    <message>
        <source>Forwarding requests to %1</source>
        <translation>Requêtes transmises à %1</translation>
    </message>
    <message>
        <source>The mock answers every request</source>
        <translation>Le mock répond à chaque requête</translation>
    </message>
    <message>
        <source>The new number of serving threads is used from the next start (F5)</source>
        <translation>Le nouveau nombre de threads de service s’applique au prochain démarrage (F5)</translation>
    </message>
    <message>
        <source>Apply O&amp;verlay…</source>
        <translation>&amp;Appliquer un overlay…</translation>
    </message>
    <message>
        <source>Apply overlay</source>
        <translation>Appliquer un overlay</translation>
    </message>
    <message>
        <source>OpenAPI Overlays (*.yaml *.yml *.json);;All files (*)</source>
        <translation>Overlays OpenAPI (*.yaml *.yml *.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Apply OpenAPI Overlay files (e.g. recorded examples) to the definition; the file itself is not changed, and they stay applied for this definition</source>
        <translation>Applique des fichiers OpenAPI Overlay (par exemple des exemples enregistrés) à la définition ; le fichier lui-même n’est pas modifié, et ils restent appliqués pour cette définition</translation>
    </message>
    <message>
        <source>Applied Over&amp;lays</source>
        <translation>Overlays a&amp;ppliqués</translation>
    </message>
    <message>
        <source>Recor&amp;d into…</source>
        <translation>Enregistrer &amp;dans…</translation>
    </message>
    <message>
        <source>The overlay file that Record and &quot;Save response as example&quot; write into</source>
        <translation>Le fichier overlay dans lequel « Enregistrer » et « Enregistrer la réponse comme exemple » écrivent</translation>
    </message>
    <message>
        <source>%1 (--overlay on the command line)</source>
        <translation>%1 (--overlay sur la ligne de commande)</translation>
    </message>
    <message>
        <source>%1 — uncheck to stop applying it</source>
        <translation>%1 — décocher pour ne plus l’appliquer</translation>
    </message>
    <message>
        <source>No overlay applied</source>
        <translation>Aucun overlay appliqué</translation>
    </message>
    <message>
        <source>&amp;Remove All</source>
        <translation>&amp;Tout retirer</translation>
    </message>
    <message>
        <source>Record answers into</source>
        <translation>Enregistrer les réponses dans</translation>
    </message>
    <message>
        <source>OpenAPI Overlays (*.json *.yaml *.yml)</source>
        <translation>Overlays OpenAPI (*.json *.yaml *.yml)</translation>
    </message>
    <message>
        <source>Recorded answers and saved examples go into %1</source>
        <translation>Les réponses enregistrées et les exemples sauvegardés vont dans %1</translation>
    </message>
    <message>
        <source>Recording the upstream&apos;s answers into %1</source>
        <translation>Les réponses de l’upstream sont enregistrées dans %1</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>This request matched no operation of the definition</source>
        <translation>Cette requête ne correspond à aucune opération de la définition</translation>
    </message>
    <message>
        <source>Save response as example</source>
        <translation>Enregistrer la réponse comme exemple</translation>
    </message>
    <message>
        <source>The %1 answer of %2 becomes a named example in %3. Name:</source>
        <translation>La réponse %1 de %2 devient un exemple nommé dans %3. Nom :</translation>
    </message>
    <message>
        <source>Saved the response as example %1 in %2</source>
        <translation>Réponse enregistrée comme exemple %1 dans %2</translation>
    </message>
    <message>
        <source>Reloaded %1 with the overlays %2</source>
        <translation>%1 rechargé avec les overlays %2</translation>
    </message>
    <message>
        <source>Recorded 1 answer into %1; the mock now serves it as an example</source>
        <translation>1 réponse enregistrée dans %1 ; le mock la sert désormais comme exemple</translation>
    </message>
    <message>
        <source>Recorded %1 answers into %2; the mock now serves them as examples</source>
        <translation>%1 réponses enregistrées dans %2 ; le mock les sert désormais comme exemples</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
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
        <translation>1 opération</translation>
    </message>
    <message>
        <source>%1 operations</source>
        <translation>%1 opérations</translation>
    </message>
    <message>
        <source>This definition has no operations.</source>
        <translation>Cette définition ne contient aucune opération.</translation>
    </message>
    <message>
        <source>Add entries under &lt;code&gt;paths:&lt;/code&gt; and reload (Ctrl+R); every request is answered with 404 until then.</source>
        <translation>Ajoutez des entrées sous &lt;code&gt;paths:&lt;/code&gt; et rechargez (Ctrl+R)&#xa0;; d’ici là, chaque requête reçoit une réponse 404.</translation>
    </message>
    <message>
        <source>Select an operation on the left to see its parameters, responses and a ready-to-run curl command.</source>
        <translation>Sélectionnez une opération à gauche pour voir ses paramètres, ses réponses et une commande curl prête à l’emploi.</translation>
    </message>
    <message>
        <source>generated</source>
        <translation>générée</translation>
    </message>
    <message>
        <source>Deprecated: clients should stop using this operation.</source>
        <translation>Obsolète&#xa0;: les clients devraient cesser d’utiliser cette opération.</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Exemple</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Request body (required)</source>
        <translation>Corps de la requête (obligatoire)</translation>
    </message>
    <message>
        <source>Request body</source>
        <translation>Corps de la requête</translation>
    </message>
    <message>
        <source>Responses</source>
        <translation>Réponses</translation>
    </message>
    <message>
        <source>No responses are defined: the mock answers 500.</source>
        <translation>Aucune réponse n’est définie&#xa0;: le mock répond 500.</translation>
    </message>
    <message>
        <source>header</source>
        <translation>en-tête</translation>
    </message>
    <message>
        <source>example</source>
        <translation>exemple</translation>
    </message>
    <message>
        <source>No example: the mock generates a body from the schema.</source>
        <translation>Aucun exemple&#xa0;: le mock génère un corps à partir du schéma.</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sécurité</translation>
    </message>
    <message>
        <source>None: anyone may call this operation.</source>
        <translation>Aucune&#xa0;: tout le monde peut appeler cette opération.</translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation>anonyme</translation>
    </message>
    <message>
        <source>API key in</source>
        <translation>Clé d’API dans</translation>
    </message>
    <message>
        <source>scopes</source>
        <translation>portées</translation>
    </message>
    <message>
        <source>and</source>
        <translation>et</translation>
    </message>
    <message>
        <source>or</source>
        <translation>ou</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>Propriété</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Obligatoire</translation>
    </message>
    <message>
        <source>missing $ref</source>
        <translation>$ref manquante</translation>
    </message>
    <message>
        <source>required</source>
        <translation>obligatoire</translation>
    </message>
    <message>
        <source>This operation has a load error; the mock&apos;s answers may not follow the definition:</source>
        <translation>Cette opération a une erreur de chargement ; les réponses du mock peuvent ne pas suivre la définition :</translation>
    </message>
    <message>
        <source>This operation has %1 load errors; the mock&apos;s answers may not follow the definition:</source>
        <translation>Cette opération a %1 erreurs de chargement ; les réponses du mock peuvent ne pas suivre la définition :</translation>
    </message>
    <message>
        <source>Show in Problems</source>
        <translation>Afficher dans Problèmes</translation>
    </message>
    <message>
        <source>JSON Schema:</source>
        <translation>Schéma JSON :</translation>
    </message>
</context>
<context>
    <name>OperationPage</name>
    <message>
        <source>Documentation</source>
        <translation>Documentation</translation>
    </message>
    <message>
        <source>Try it</source>
        <translation>Essayer</translation>
    </message>
    <message>
        <source>Select an operation to get a curl command for it</source>
        <translation>Sélectionnez une opération pour obtenir sa commande curl</translation>
    </message>
    <message>
        <source>Copy curl</source>
        <translation>Copier curl</translation>
    </message>
    <message>
        <source>Copy the command that calls this operation on the running mock</source>
        <translation>Copier la commande qui appelle cette opération sur le mock en cours d’exécution</translation>
    </message>
    <message>
        <source>Copied the curl command</source>
        <translation>Commande curl copiée</translation>
    </message>
    <message>
        <source>Stateful mode: stays static (%1).</source>
        <translation>Mode avec état : reste statique (%1).</translation>
    </message>
    <message>
        <source>Stateful mode: %1</source>
        <translation>Mode avec état : %1</translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation>Comportement</translation>
    </message>
</context>
<context>
    <name>OperationsBrowser</name>
    <message>
        <source>Filter by path, method, summary or operationId (Ctrl+F)</source>
        <translation>Filtrer par chemin, méthode, résumé ou operationId (Ctrl+F)</translation>
    </message>
    <message>
        <source>No definition loaded.</source>
        <translation>Aucune définition chargée.</translation>
    </message>
    <message>
        <source>This definition has no operations.
Add paths and reload (Ctrl+R).</source>
        <translation>Cette définition ne contient aucune opération.
Ajoutez des chemins et rechargez (Ctrl+R).</translation>
    </message>
    <message>
        <source>No operation matches “%1”.</source>
        <translation>Aucune opération ne correspond à «&#xa0;%1&#xa0;».</translation>
    </message>
</context>
<context>
    <name>OperationsModel</name>
    <message>
        <source>Other</source>
        <translation>Autres</translation>
    </message>
    <message>
        <source>forced</source>
        <translation>forcée</translation>
    </message>
    <message>
        <source>operationId: %1</source>
        <translation>operationId&#xa0;: %1</translation>
    </message>
    <message>
        <source>Deprecated</source>
        <translation>Obsolète</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Opération</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>ligne %1</translation>
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
        <translation>Proxy avec repli sur le mock</translation>
    </message>
    <message>
        <source>Mock answers every request itself. Proxy forwards every request to the upstream and checks its answers against the definition (drift). With mock fallback, what the upstream has not built (501, 404 for a defined route, unreachable) is answered by the mock.</source>
        <translation>Mock répond lui-même à chaque requête. Proxy transmet chaque requête au serveur amont et vérifie ses réponses par rapport à la définition (écarts). Avec repli sur le mock, le mock répond à ce que le serveur amont n’a pas encore construit (501, 404 pour une route définie, injoignable).</translation>
    </message>
    <message>
        <source>Upstream, e.g. http://localhost:8080</source>
        <translation>Serveur amont, p. ex. http://localhost:8080</translation>
    </message>
    <message>
        <source> Upstream </source>
        <translation> Amont </translation>
    </message>
    <message>
        <source>Not proxying: %1</source>
        <translation>Pas de transmission : %1</translation>
    </message>
    <message>
        <source>The real server that requests are forwarded to; its path replaces the definition&apos;s base path</source>
        <translation>Le vrai serveur auquel les requêtes sont transmises ; son chemin remplace le chemin de base de la définition</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>Recorded %1</source>
        <translation>%1 enregistrées</translation>
    </message>
    <message>
        <source>Recording every new upstream answer as an example into %1 (%2 in this session). Click to stop; the overlay is then applied, so the mock serves them.</source>
        <translation>Chaque nouvelle réponse de l’upstream est enregistrée comme exemple dans %1 (%2 dans cette session). Cliquer pour arrêter ; l’overlay est alors appliqué et le mock les sert.</translation>
    </message>
    <message>
        <source>Record upstream answers as examples: choose Proxy first</source>
        <translation>Enregistrer les réponses de l’upstream comme exemples : choisir d’abord Proxy</translation>
    </message>
    <message>
        <source>Record every distinct upstream answer as a named example into an OpenAPI Overlay file (the definition is not changed)</source>
        <translation>Enregistrer chaque réponse distincte de l’upstream comme exemple nommé dans un fichier OpenAPI Overlay (la définition n’est pas modifiée)</translation>
    </message>
    <message>
        <source>Record every distinct upstream answer as a named example into %1</source>
        <translation>Enregistrer chaque réponse distincte de l’upstream comme exemple nommé dans %1</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>(%1 bytes of binary data)</source>
        <translation>(%1 octets de données binaires)</translation>
    </message>
    <message>
        <source>array of %1</source>
        <translation>tableau de %1</translation>
    </message>
    <message>
        <source>any</source>
        <translation>quelconque</translation>
    </message>
    <message>
        <source>Stream of %1 items</source>
        <translation>Flux de %1 éléments</translation>
    </message>
    <message>
        <source>Item %1</source>
        <translation>Élément %1</translation>
    </message>
</context>
<context>
    <name>RecentFilesMenu</name>
    <message>
        <source>No recent files</source>
        <translation>Aucun fichier récent</translation>
    </message>
    <message>
        <source>&amp;Clear list</source>
        <translation>&amp;Vider la liste</translation>
    </message>
</context>
<context>
    <name>RequestDraft</name>
    <message>
        <source>Example</source>
        <translation>Exemple</translation>
    </message>
    <message>
        <source>Generated from the schema</source>
        <translation>Généré à partir du schéma</translation>
    </message>
    <message>
        <source>Empty</source>
        <translation>Vide</translation>
    </message>
    <message>
        <source>Credential for the security scheme %1</source>
        <translation>Identifiants pour le schéma de sécurité %1</translation>
    </message>
</context>
<context>
    <name>RequestLogModel</name>
    <message>
        <source>forced</source>
        <translation>forcée</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>invalide</translation>
    </message>
    <message>
        <source>The response was forced (forcing panel or Prefer header).</source>
        <translation>La réponse a été forcée (panneau de forçage ou en-tête Prefer).</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Chemin</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Opération</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>%1 ms delay + %2</source>
        <translation>%1 ms de délai + %2</translation>
    </message>
    <message>
        <source>rule %1</source>
        <translation>règle %1</translation>
    </message>
    <message>
        <source>Scenario fault: %1.</source>
        <translation>Panne de scénario : %1.</translation>
    </message>
    <message>
        <source>Answered by scenario rule %1.</source>
        <translation>Réponse de la règle de scénario %1.</translation>
    </message>
    <message>
        <source>drift %1</source>
        <translation>écart %1</translation>
    </message>
    <message>
        <source>from mock</source>
        <translation>du mock</translation>
    </message>
    <message>
        <source>from upstream</source>
        <translation>de l’amont</translation>
    </message>
    <message>
        <source>upstream failed</source>
        <translation>échec de l’amont</translation>
    </message>
    <message>
        <source>Drift: %1: %2</source>
        <translation>Écart : %1 : %2</translation>
    </message>
    <message>
        <source>callback %1</source>
        <translation>callback %1</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refusé</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <source>not a 2xx</source>
        <translation>pas un 2xx</translation>
    </message>
    <message>
        <source>Outgoing call of callback %1, fired by %2.</source>
        <translation>Appel sortant du callback %1, déclenché par %2.</translation>
    </message>
    <message>
        <source>Outgoing call of callback %1, fired by %2: %3</source>
        <translation>Appel sortant du callback %1, déclenché par %2&#xa0;: %3</translation>
    </message>
</context>
<context>
    <name>RequestLogView</name>
    <message>
        <source>Flagged</source>
        <translation>Signalées</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Suivre</translation>
    </message>
    <message>
        <source>Filter requests</source>
        <translation>Filtrer les requêtes</translation>
    </message>
    <message>
        <source>All methods</source>
        <translation>Toutes les méthodes</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>Only forced responses and invalid requests</source>
        <translation>Uniquement les réponses forcées et les requêtes invalides</translation>
    </message>
    <message>
        <source>Scroll to new requests as they arrive</source>
        <translation>Faire défiler jusqu’aux nouvelles requêtes dès leur arrivée</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Vider</translation>
    </message>
    <message>
        <source>Clear the log (Ctrl+L)</source>
        <translation>Vider le journal (Ctrl+L)</translation>
    </message>
    <message>
        <source>Copy as curl</source>
        <translation>Copier en curl</translation>
    </message>
    <message>
        <source>Copy the selected request as a curl command</source>
        <translation>Copier la requête sélectionnée comme commande curl</translation>
    </message>
    <message>
        <source>Copy body</source>
        <translation>Copier le corps</translation>
    </message>
    <message>
        <source>Copy the selected response body</source>
        <translation>Copier le corps de la réponse sélectionnée</translation>
    </message>
    <message>
        <source>Export HAR…</source>
        <translation>Exporter en HAR…</translation>
    </message>
    <message>
        <source>Save the whole log as an HTTP Archive (HAR 1.2)</source>
        <translation>Enregistrer tout le journal comme archive HTTP (HAR 1.2)</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Requête</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Validation</translation>
    </message>
    <message>
        <source>Copied the request as a curl command</source>
        <translation>Requête copiée comme commande curl</translation>
    </message>
    <message>
        <source>Copied the response body (%1 bytes)</source>
        <translation>Corps de la réponse copié (%1 octets)</translation>
    </message>
    <message>
        <source>The log is empty: nothing to export</source>
        <translation>Le journal est vide&#xa0;: rien à exporter</translation>
    </message>
    <message>
        <source>Export request log as HAR</source>
        <translation>Exporter le journal des requêtes en HAR</translation>
    </message>
    <message>
        <source>HTTP Archive (*.har);;All files (*)</source>
        <translation>Archive HTTP (*.har);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Échec de l’export</translation>
    </message>
    <message>
        <source>Could not write %1:
%2</source>
        <translation>Impossible d’écrire %1&#xa0;:
%2</translation>
    </message>
    <message>
        <source>Exported 1 request to %1</source>
        <translation>1 requête exportée vers %1</translation>
    </message>
    <message>
        <source>Exported %1 requests to %2</source>
        <translation>%1 requêtes exportées vers %2</translation>
    </message>
    <message>
        <source>Select a request to see it here.</source>
        <translation>Sélectionnez une requête pour l’afficher ici.</translation>
    </message>
    <message>
        <source>No operation matched, so nothing was validated.</source>
        <translation>Aucune opération ne correspondait, donc rien n’a été validé.</translation>
    </message>
    <message>
        <source>The request is valid for %1.</source>
        <translation>La requête est valide pour %1.</translation>
    </message>
    <message>
        <source>1 violation:</source>
        <translation>1 violation&#xa0;:</translation>
    </message>
    <message>
        <source>%1 violations:</source>
        <translation>%1 violations&#xa0;:</translation>
    </message>
    <message>
        <source>Validation (%1)</source>
        <translation>Validation (%1)</translation>
    </message>
    <message>
        <source>Example served: %1</source>
        <translation>Exemple servi&#xa0;: %1</translation>
    </message>
    <message>
        <source>Handled in %1 µs from %2 at %3</source>
        <translation>Traitée en %1 µs, reçue de %2 à %3</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnue</translation>
    </message>
    <message>
        <source>1 request</source>
        <translation>1 requête</translation>
    </message>
    <message>
        <source>%1 requests</source>
        <translation>%1 requêtes</translation>
    </message>
    <message>
        <source>%1 oldest dropped</source>
        <translation>%1 plus anciennes supprimées</translation>
    </message>
    <message>
        <source>The log keeps the newest %1 requests</source>
        <translation>Le journal conserve les %1 requêtes les plus récentes</translation>
    </message>
    <message>
        <source>No requests yet. Start the mock (F5) and send one.</source>
        <translation>Aucune requête pour l’instant. Démarrez le mock (F5) et envoyez-en une.</translation>
    </message>
    <message>
        <source>No request matches the filter.</source>
        <translation>Aucune requête ne correspond au filtre.</translation>
    </message>
    <message>
        <source>&amp;Go to operation</source>
        <translation>&amp;Aller à l’opération</translation>
    </message>
    <message>
        <source>Open in &amp;Try it</source>
        <translation>Ouvrir dans &amp;Essayer</translation>
    </message>
    <message>
        <source>Copy as &amp;curl</source>
        <translation>Copier en &amp;curl</translation>
    </message>
    <message>
        <source>Copy response &amp;body</source>
        <translation>Copier le corps de la &amp;réponse</translation>
    </message>
    <message>
        <source>%1 of %2 requests</source>
        <translation>%1 sur %2 requêtes</translation>
    </message>
    <message>
        <source>No requests yet. Try:
curl %1
or Server ▸ Open in browser.</source>
        <translation>Aucune requête pour l’instant. Essayez :
curl %1
ou Serveur ▸ Ouvrir dans le navigateur.</translation>
    </message>
    <message>
        <source>⚠ %1 has load errors in the definition, so this answer may not follow it:</source>
        <translation>⚠ %1 a des erreurs de chargement dans la définition ; cette réponse peut ne pas la suivre :</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>Trace</translation>
    </message>
    <message>
        <source>Decision trace: how the mock chose this answer</source>
        <translation>Trace des décisions : comment le mock a choisi cette réponse</translation>
    </message>
    <message>
        <source>Answered by the upstream.</source>
        <translation>Réponse du serveur amont.</translation>
    </message>
    <message>
        <source>Answered by the mock (see the trace for why).</source>
        <translation>Réponse du mock (la trace dit pourquoi).</translation>
    </message>
    <message>
        <source>The upstream did not answer (see the trace).</source>
        <translation>Le serveur amont n’a pas répondu (voir la trace).</translation>
    </message>
    <message>
        <source>Drift: the upstream&apos;s answer breaks the definition in 1 place:</source>
        <translation>Écart : la réponse du serveur amont enfreint la définition à 1 endroit :</translation>
    </message>
    <message>
        <source>Drift: the upstream&apos;s answer breaks the definition in %1 places:</source>
        <translation>Écart : la réponse du serveur amont enfreint la définition à %1 endroits :</translation>
    </message>
    <message>
        <source>Save response as &amp;example…</source>
        <translation>Enregistrer la réponse comme e&amp;xemple…</translation>
    </message>
    <message>
        <source>This request matched no operation of the definition</source>
        <translation>Cette requête ne correspond à aucune opération de la définition</translation>
    </message>
    <message>
        <source>Not sent: %1.</source>
        <translation>Non envoyé&#xa0;: %1.</translation>
    </message>
    <message>
        <source>No answer: %1.</source>
        <translation>Pas de réponse&#xa0;: %1.</translation>
    </message>
    <message>
        <source>An outgoing call of callback %1, fired after %2 was answered; the mock does not validate it.</source>
        <translation>Un appel sortant du callback %1, déclenché après la réponse à %2&#xa0;; le mock ne le valide pas.</translation>
    </message>
    <message>
        <source>Sent to %1 at %2; took %3 µs</source>
        <translation>Envoyé à %1 à %2&#xa0;; durée %3 µs</translation>
    </message>
    <message>
        <source>A callback&apos;s answer is not an answer of the definition&apos;s operations</source>
        <translation>La réponse à un callback n’est pas une réponse des opérations de la définition</translation>
    </message>
    <message>
        <source>This response has no body to keep as an example</source>
        <translation>Cette réponse n’a pas de corps à garder comme exemple</translation>
    </message>
</context>
<context>
    <name>ServerBar</name>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Démarrer</translation>
    </message>
    <message>
        <source>&amp;Copy URL</source>
        <translation>&amp;Copier l’URL</translation>
    </message>
    <message>
        <source>Open in &amp;browser</source>
        <translation>Ouvrir dans le &amp;navigateur</translation>
    </message>
    <message>
        <source>127.0.0.1 (this computer)</source>
        <translation>127.0.0.1 (cet ordinateur)</translation>
    </message>
    <message>
        <source>0.0.0.0 (all interfaces)</source>
        <translation>0.0.0.0 (toutes les interfaces)</translation>
    </message>
    <message>
        <source>Where the mock listens. All interfaces makes it reachable from your network.</source>
        <translation>Adresse d’écoute du mock. Avec «&#xa0;toutes les interfaces&#xa0;», il est joignable depuis votre réseau.</translation>
    </message>
    <message>
        <source>any</source>
        <translation>auto</translation>
    </message>
    <message>
        <source>TCP port (0 = any free port)</source>
        <translation>Port TCP (0 = n’importe quel port libre)</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <source> Host </source>
        <translation> Hôte </translation>
    </message>
    <message>
        <source> Port </source>
        <translation> Port </translation>
    </message>
    <message>
        <source>no definition loaded</source>
        <translation>aucune définition chargée</translation>
    </message>
    <message>
        <source>The mock listens on all interfaces: other computers on your network can reach it.</source>
        <translation>Le mock écoute sur toutes les interfaces&#xa0;: les autres ordinateurs de votre réseau peuvent le joindre.</translation>
    </message>
    <message>
        <source>Only this computer</source>
        <translation>Cet ordinateur uniquement</translation>
    </message>
    <message>
        <source>turned off by %1 (mockServer.off: true)</source>
        <translation>désactivé par %1 (mockServer.off: true)</translation>
    </message>
    <message>
        <source>port %1 is already in use</source>
        <translation>le port %1 est déjà utilisé</translation>
    </message>
    <message>
        <source>Could not start the mock: %1</source>
        <translation>Impossible de démarrer le mock&#xa0;: %1</translation>
    </message>
    <message>
        <source>Port &lt;b&gt;%1&lt;/b&gt; is already in use by another program, so the mock could not start.</source>
        <translation>Le port &lt;b&gt;%1&lt;/b&gt; est déjà utilisé par un autre programme&#xa0;; le mock n’a donc pas pu démarrer.</translation>
    </message>
    <message>
        <source>Use port %1</source>
        <translation>Utiliser le port %1</translation>
    </message>
    <message>
        <source>stopped by you</source>
        <translation>arrêté par vous</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Arrêter</translation>
    </message>
    <message>
        <source>Stop the mock (F5)</source>
        <translation>Arrêter le mock (F5)</translation>
    </message>
    <message>
        <source>Start the mock (F5)</source>
        <translation>Démarrer le mock (F5)</translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation>À l’écoute sur %1</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>Arrêté&#xa0;: %1</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>%1 copié</translation>
    </message>
    <message>
        <source>When started, the mock will be reachable from other computers on your network.</source>
        <translation>Une fois démarré, le mock sera joignable depuis les autres ordinateurs de votre réseau.</translation>
    </message>
    <message>
        <source>Opened %1 in the browser</source>
        <translation>%1 ouvert dans le navigateur</translation>
    </message>
    <message>
        <source>No web browser could be started to open &lt;code&gt;%1&lt;/code&gt;. Copy the address and open it yourself.</source>
        <translation>Aucun navigateur n’a pu être lancé pour ouvrir &lt;code&gt;%1&lt;/code&gt;. Copiez l’adresse et ouvrez-la vous-même.</translation>
    </message>
    <message>
        <source>Copy address</source>
        <translation>Copier l’adresse</translation>
    </message>
    <message>
        <source>Stateful</source>
        <translation>Avec état</translation>
    </message>
    <message>
        <source>Remember what clients create: collections inferred from the paths answer from the Data view instead of examples</source>
        <translation>Retenir ce que les clients créent : les collections déduites des chemins répondent depuis la vue Données au lieu des exemples</translation>
    </message>
    <message>
        <source>Stateful: the mock remembers what clients create</source>
        <translation>Avec état : le mock retient ce que les clients créent</translation>
    </message>
    <message>
        <source>Stateful mode is off</source>
        <translation>Le mode avec état est désactivé</translation>
    </message>
    <message>
        <source>Network: normal</source>
        <translation>Réseau : normal</translation>
    </message>
    <message>
        <source>Network: slow 3G</source>
        <translation>Réseau : 3G lente</translation>
    </message>
    <message>
        <source>Network: flaky</source>
        <translation>Réseau : instable</translation>
    </message>
    <message>
        <source>Adds latency (and, when flaky, 10% failed requests) to every operation, on top of the scenario file</source>
        <translation>Ajoute de la latence à chaque opération, en plus du fichier de scénarios (et, si instable, 10 % de requêtes en échec)</translation>
    </message>
    <message>
        <source>&amp;HTTPS</source>
        <translation>&amp;HTTPS</translation>
    </message>
    <message>
        <source>Also serve HTTPS, on the next free port, with a self-signed certificate for localhost</source>
        <translation>Servir aussi en HTTPS, sur le port libre suivant, avec un certificat auto-signé pour localhost</translation>
    </message>
    <message>
        <source>HTTPS is off: %1</source>
        <translation>HTTPS désactivé : %1</translation>
    </message>
    <message>
        <source>Also HTTPS: %1
Certificate SHA-256 fingerprint: %2
Certificate file: %3</source>
        <translation>Aussi en HTTPS : %1
Empreinte SHA-256 du certificat : %2
Fichier du certificat : %3</translation>
    </message>
    <message>
        <source>Certificate SHA-256 fingerprint: %1</source>
        <translation>Empreinte SHA-256 du certificat : %1</translation>
    </message>
    <message>
        <source>Listening on %1 and %2</source>
        <translation>À l’écoute sur %1 et %2</translation>
    </message>
    <message>
        <source>HTTPS certificate SHA-256 fingerprint: %1</source>
        <translation>Empreinte SHA-256 du certificat HTTPS : %1</translation>
    </message>
    <message>
        <source>Modes</source>
        <translation>Modes</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>The language takes effect after a restart.</source>
        <translation>La langue prendra effet après un redémarrage.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <source>127.0.0.1 (this computer)</source>
        <translation>127.0.0.1 (cet ordinateur)</translation>
    </message>
    <message>
        <source>0.0.0.0 (all interfaces)</source>
        <translation>0.0.0.0 (toutes les interfaces)</translation>
    </message>
    <message>
        <source>Where the mock listens. All interfaces makes it reachable from your network.</source>
        <translation>Adresse d’écoute du mock. Avec «&#xa0;toutes les interfaces&#xa0;», il est joignable depuis votre réseau.</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>n’importe quel port libre</translation>
    </message>
    <message>
        <source>TCP port (0 = any free port)</source>
        <translation>Port TCP (0 = n’importe quel port libre)</translation>
    </message>
    <message>
        <source>&amp;Start the mock automatically after opening a definition</source>
        <translation>&amp;Démarrer le mock automatiquement après l’ouverture d’une définition</translation>
    </message>
    <message>
        <source>Mock server</source>
        <translation>Serveur mock</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Hôte&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port&#xa0;:</translation>
    </message>
    <message>
        <source> requests</source>
        <translation> requêtes</translation>
    </message>
    <message>
        <source>Older requests are dropped from the log when it is full.</source>
        <translation>Les requêtes plus anciennes sont retirées du journal lorsqu’il est plein.</translation>
    </message>
    <message>
        <source>Request log</source>
        <translation>Journal des requêtes</translation>
    </message>
    <message>
        <source>&amp;Keep the newest:</source>
        <translation>&amp;Conserver les plus récentes&#xa0;:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> Mio</translation>
    </message>
    <message>
        <source>Larger request bodies are refused with 413.</source>
        <translation>Les corps de requête plus grands sont refusés avec 413.</translation>
    </message>
    <message>
        <source>Time a client has to send a request&apos;s headers.</source>
        <translation>Temps dont dispose un client pour envoyer les en-têtes d’une requête.</translation>
    </message>
    <message>
        <source>Longest pause while a request body arrives.</source>
        <translation>Pause la plus longue pendant l’arrivée d’un corps de requête.</translation>
    </message>
    <message>
        <source>An unused keep-alive connection is closed after this.</source>
        <translation>Une connexion keep-alive inutilisée est fermée après ce délai.</translation>
    </message>
    <message>
        <source>e.g. mock.test, my-laptop.local (* = any)</source>
        <translation>p. ex. mock.test, mon-portable.local (* = tous)</translation>
    </message>
    <message>
        <source>Host names the mock answers besides localhost and its own addresses. Other names get 421, which keeps web pages from reaching the mock through DNS rebinding.</source>
        <translation>Noms d’hôte auxquels le mock répond en plus de localhost et de ses propres adresses. Les autres noms reçoivent 421, ce qui empêche les pages web d’atteindre le mock par DNS rebinding.</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Limites</translation>
    </message>
    <message>
        <source>Largest request body:</source>
        <translation>Plus grand corps de requête&#xa0;:</translation>
    </message>
    <message>
        <source>Header timeout:</source>
        <translation>Délai des en-têtes&#xa0;:</translation>
    </message>
    <message>
        <source>Body timeout:</source>
        <translation>Délai du corps&#xa0;:</translation>
    </message>
    <message>
        <source>Idle timeout:</source>
        <translation>Délai d’inactivité&#xa0;:</translation>
    </message>
    <message>
        <source>Allowed host names:</source>
        <translation>Noms d’hôte autorisés&#xa0;:</translation>
    </message>
    <message>
        <source>Open connections over all serving threads; more are answered 503 and closed.</source>
        <translation>Connexions ouvertes sur l’ensemble des threads de service ; au-delà, réponse 503 et fermeture.</translation>
    </message>
    <message>
        <source>one per core</source>
        <translation>un par cœur</translation>
    </message>
    <message>
        <source>Threads that serve requests, all on the same port (like --threads). Used from the next start of the mock.</source>
        <translation>Threads qui servent les requêtes, tous sur le même port (comme --threads). Appliqué au prochain démarrage du mock.</translation>
    </message>
    <message>
        <source>Most open connections:</source>
        <translation>Connexions ouvertes au plus :</translation>
    </message>
    <message>
        <source>Serving threads:</source>
        <translation>Threads de service :</translation>
    </message>
    <message>
        <source>e.g. hooks.test, 192.168.1.20:8080 (* = any)</source>
        <translation>p. ex. hooks.test, 192.168.1.20:8080 (* = tous)</translation>
    </message>
    <message>
        <source>Hosts that callbacks may call besides this computer (host or host:port, like --callback-allow). Calls to other hosts are logged as refused and not sent.</source>
        <translation>Hôtes que les callbacks peuvent appeler en plus de cet ordinateur (hôte ou hôte:port, comme --callback-allow). Les appels vers d’autres hôtes sont journalisés comme refusés et ne sont pas envoyés.</translation>
    </message>
    <message>
        <source>Allowed callback hosts:</source>
        <translation>Hôtes de callback autorisés&#xa0;:</translation>
    </message>
</context>
<context>
    <name>StateView</name>
    <message>
        <source>Turn on Stateful in the server bar: what clients create shows here.</source>
        <translation>Activez « Avec état » dans la barre du serveur : ce que les clients créent apparaît ici.</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>Replace the collection&apos;s items with the JSON above</source>
        <translation>Remplacer les éléments de la collection par le JSON ci-dessus</translation>
    </message>
    <message>
        <source>Reset to seed</source>
        <translation>Revenir aux données initiales</translation>
    </message>
    <message>
        <source>Every collection back to the definition&apos;s examples (or generated items)</source>
        <translation>Chaque collection revient aux exemples de la définition (ou à des éléments générés)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Vider</translation>
    </message>
    <message>
        <source>Remove every item of the selected collection</source>
        <translation>Supprimer tous les éléments de la collection choisie</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No collections: nothing in this definition pairs a collection with its items.</source>
        <translation>Aucune collection : rien dans cette définition n’associe une collection à ses éléments.</translation>
    </message>
    <message>
        <source>Scoped by %1; id field &apos;%2&apos;</source>
        <translation>Séparée par %1 ; champ d’identifiant « %2 »</translation>
    </message>
    <message>
        <source>Id field &apos;%1&apos;</source>
        <translation>Champ d’identifiant « %1 »</translation>
    </message>
    <message>
        <source>Not JSON: %1</source>
        <translation>Pas du JSON : %1</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>Non appliqué : %1</translation>
    </message>
</context>
<context>
    <name>TryItPanel</name>
    <message>
        <source>%1 (auth)</source>
        <translation>%1 (auth)</translation>
    </message>
    <message>
        <source>Select an operation to try it against the running mock.</source>
        <translation>Sélectionnez une opération pour l’essayer sur le mock en cours d’exécution.</translation>
    </message>
    <message>
        <source>The URL that will be requested; edit path and query values in the table below.</source>
        <translation>L’URL qui sera demandée&#xa0;; modifiez les valeurs de chemin et de requête dans le tableau ci-dessous.</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Copy as curl</source>
        <translation>Copier en curl</translation>
    </message>
    <message>
        <source>Copy this request as a curl command line</source>
        <translation>Copier cette requête comme ligne de commande curl</translation>
    </message>
    <message>
        <source>The mock is stopped. Start it to send requests.</source>
        <translation>Le mock est arrêté. Démarrez-le pour envoyer des requêtes.</translation>
    </message>
    <message>
        <source>Ask the mock for the response with this status</source>
        <translation>Demander au mock la réponse avec ce statut</translation>
    </message>
    <message>
        <source>Ask the mock for this named response example</source>
        <translation>Demander au mock cet exemple de réponse nommé</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <source>Add header</source>
        <translation>Ajouter un en-tête</translation>
    </message>
    <message>
        <source>Add a header line (change its location in the In column)</source>
        <translation>Ajouter une ligne d’en-tête (changez son emplacement dans la colonne «&#xa0;Emplacement&#xa0;»)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Remove the selected line (parameters of the definition cannot be removed)</source>
        <translation>Supprimer la ligne sélectionnée (les paramètres de la définition ne peuvent pas être supprimés)</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Content type:</source>
        <translation>Type de contenu&#xa0;:</translation>
    </message>
    <message>
        <source>Example:</source>
        <translation>Exemple&#xa0;:</translation>
    </message>
    <message>
        <source>This operation takes no request body.</source>
        <translation>Cette opération n’accepte pas de corps de requête.</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Corps</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>Send the request to see the mock&apos;s answer here.</source>
        <translation>Envoyez la requête pour voir ici la réponse du mock.</translation>
    </message>
    <message>
        <source>Send the request to the mock (%1)</source>
        <translation>Envoyer la requête au mock (%1)</translation>
    </message>
    <message>
        <source>Body (%1)</source>
        <translation>Corps (%1)</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Obligatoire</translation>
    </message>
    <message>
        <source>Required. %1</source>
        <translation>Obligatoire. %1</translation>
    </message>
    <message>
        <source>Parameters (%1)</source>
        <translation>Paramètres (%1)</translation>
    </message>
    <message>
        <source>header, query or cookie</source>
        <translation>en-tête, chaîne de requête ou cookie</translation>
    </message>
    <message>
        <source>Start the mock to send requests</source>
        <translation>Démarrez le mock pour envoyer des requêtes</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>No answer within %1 s</source>
        <translation>Pas de réponse en %1 s</translation>
    </message>
    <message>
        <source>after %1 ms</source>
        <translation>après %1 ms</translation>
    </message>
    <message>
        <source>%1 ms · %2</source>
        <translation>%1 ms · %2</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Open definition…</source>
        <translation>Ouvrir une définition…</translation>
    </message>
    <message>
        <source>Open the Bookshelf example</source>
        <translation>Ouvrir l’exemple Bookshelf</translation>
    </message>
</context>
</TS>
