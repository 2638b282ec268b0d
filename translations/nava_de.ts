<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>nava::ui::FakeEngineClient</name>
    <message>
        <location filename="../ui/engine/fake_engine_client.cpp" line="26"/>
        <source>%1 is not a model package folder</source>
        <translation>%1 ist kein Modellpaket-Ordner</translation>
    </message>
    <message>
        <location filename="../ui/engine/fake_engine_client.cpp" line="31"/>
        <source>Preview engine</source>
        <translation>Vorschau-Engine</translation>
    </message>
    <message>
        <location filename="../ui/engine/fake_engine_client.cpp" line="32"/>
        <source>Simulated generation: no clip is rendered yet</source>
        <translation>Simulierte Generierung: Es wird noch kein Clip berechnet</translation>
    </message>
    <message>
        <location filename="../ui/engine/fake_engine_client.cpp" line="86"/>
        <source>sampling</source>
        <translation>Sampling</translation>
    </message>
</context>
<context>
    <name>nava::ui::GenerationPanel</name>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="41"/>
        <source>Chosen from the free memory of the device</source>
        <translation>Wird anhand des freien Gerätespeichers gewählt</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="42"/>
        <source>Everything stays on the GPU: fastest, most memory</source>
        <translation>Alles bleibt auf der GPU: am schnellsten, meisten Speicher</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="44"/>
        <source>The text encoder leaves the GPU after encoding</source>
        <translation>Der Text-Encoder verlässt nach dem Kodieren die GPU</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="46"/>
        <source>8-bit weights, text encoder offload, tiled VAE decoding</source>
        <translation>8-Bit-Gewichte, Text-Encoder ausgelagert, VAE-Dekodierung in Kacheln</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="48"/>
        <source>Transformer blocks paged between CPU and GPU: least memory, slowest</source>
        <translation>Transformer-Blöcke wandern zwischen CPU und GPU: wenigster Speicher, am langsamsten</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="57"/>
        <source>&lt;b&gt;Generation&lt;/b&gt;</source>
        <translation>&lt;b&gt;Generierung&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="64"/>
        <source>Picture and sound</source>
        <translation>Bild und Ton</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="65"/>
        <source>From a first frame</source>
        <translation>Ab einem ersten Bild</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="66"/>
        <source>Sound only</source>
        <translation>Nur Ton</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="67"/>
        <source>Text to picture and sound, continue a first frame, or sound alone</source>
        <translation>Text zu Bild und Ton, ein erstes Bild fortsetzen oder nur Ton</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="68"/>
        <source>&amp;Mode:</source>
        <translation>&amp;Modus:</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="70"/>
        <source>Change mode</source>
        <translation>Modus ändern</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="80"/>
        <source>No image chosen</source>
        <translation>Kein Bild gewählt</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="82"/>
        <source>Choose…</source>
        <translation>Wählen…</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="83"/>
        <source>The picture the clip starts from</source>
        <translation>Das Bild, mit dem der Clip beginnt</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="86"/>
        <source>First frame:</source>
        <translation>Erstes Bild:</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="90"/>
        <source>First frame</source>
        <translation>Erstes Bild</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="90"/>
        <source>Images (*.png *.jpg *.jpeg *.webp *.bmp)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.webp *.bmp)</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="92"/>
        <source>Choose first frame</source>
        <translation>Erstes Bild wählen</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="100"/>
        <source>Aspect ratio</source>
        <translation>Seitenverhältnis</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="102"/>
        <source>Width × height in pixels (multiples of 32)</source>
        <translation>Breite × Höhe in Pixeln (Vielfache von 32)</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="105"/>
        <source>&amp;Size:</source>
        <translation>&amp;Größe:</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="109"/>
        <source>Change size</source>
        <translation>Größe ändern</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="126"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="128"/>
        <source>Snapped to whole latent frames: 6 per second, plus one</source>
        <translation>Auf ganze latente Frames gerundet: 6 pro Sekunde, plus eins</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="132"/>
        <source>&amp;Duration:</source>
        <translation>&amp;Dauer:</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="135"/>
        <source>Change duration</source>
        <translation>Dauer ändern</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="145"/>
        <source>The same seed and settings give the same clip</source>
        <translation>Gleicher Seed und gleiche Einstellungen ergeben denselben Clip</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="147"/>
        <source>Fixed</source>
        <translation>Fest</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="148"/>
        <source>Increment</source>
        <translation>Hochzählen</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="149"/>
        <source>Random</source>
        <translation>Zufällig</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="151"/>
        <source>Fixed: every job uses this seed. Increment: +1 after each job. Random: a new seed per job</source>
        <translation>Fest: jeder Auftrag nutzt diesen Seed. Hochzählen: +1 nach jedem Auftrag. Zufällig: ein neuer Seed pro Auftrag</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="154"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="155"/>
        <source>Pick a random seed now</source>
        <translation>Jetzt einen zufälligen Seed wählen</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="159"/>
        <source>S&amp;eed:</source>
        <translation>S&amp;eed:</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="161"/>
        <source>Change seed</source>
        <translation>Seed ändern</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="164"/>
        <source>Change seed mode</source>
        <translation>Seed-Modus ändern</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="170"/>
        <source>New random seed</source>
        <translation>Neuer zufälliger Seed</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="177"/>
        <source>Sampling steps: more is slower and usually cleaner (50 is the reference)</source>
        <translation>Sampling-Schritte: mehr ist langsamer und meist sauberer (50 ist die Referenz)</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="180"/>
        <source>UniPC</source>
        <translation>UniPC</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="181"/>
        <source>Euler</source>
        <translation>Euler</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="182"/>
        <source>The ODE solver of the sampler</source>
        <translation>Der ODE-Löser des Samplers</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="185"/>
        <source>S&amp;teps:</source>
        <translation>Sc&amp;hritte:</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="187"/>
        <source>Change steps</source>
        <translation>Schritte ändern</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="190"/>
        <source>Change solver</source>
        <translation>Löser ändern</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="198"/>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="201"/>
        <source>How the model is spread over GPU and CPU memory</source>
        <translation>Wie das Modell auf GPU- und CPU-Speicher verteilt wird</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="202"/>
        <source>M&amp;emory:</source>
        <translation>S&amp;peicher:</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="204"/>
        <source>Change memory profile</source>
        <translation>Speicherprofil ändern</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="211"/>
        <source>Model packages found in the folders set in Settings</source>
        <translation>Modellpakete aus den in den Einstellungen angegebenen Ordnern</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="213"/>
        <source>Load</source>
        <translation>Laden</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="214"/>
        <source>Load the chosen model now instead of at the first job</source>
        <translation>Das gewählte Modell jetzt laden statt beim ersten Auftrag</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="217"/>
        <source>Mode&amp;l:</source>
        <translation>Mode&amp;ll:</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="219"/>
        <source>Change model</source>
        <translation>Modell ändern</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="228"/>
        <source>Advanced guidance</source>
        <translation>Erweiterte Guidance</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="251"/>
        <source>Flow-matching time shift (5 in the reference)</source>
        <translation>Zeitverschiebung des Flow-Matchings (5 in der Referenz)</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="252"/>
        <source>How strongly the picture follows the prompt</source>
        <translation>Wie stark das Bild der Beschreibung folgt</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="253"/>
        <source>How strongly the picture follows the sound</source>
        <translation>Wie stark das Bild dem Ton folgt</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="254"/>
        <source>How strongly the sound follows the prompt</source>
        <translation>Wie stark der Ton der Beschreibung folgt</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="255"/>
        <source>How strongly the sound follows the picture</source>
        <translation>Wie stark der Ton dem Bild folgt</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="256"/>
        <source>How strongly speech follows the reference voices</source>
        <translation>Wie stark die Sprache den Referenzstimmen folgt</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="257"/>
        <source>Audio–video alignment pass</source>
        <translation>Durchlauf für Ton-Bild-Abstimmung</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="258"/>
        <source>An extra pass per step without audio–video attention</source>
        <translation>Ein zusätzlicher Durchlauf pro Schritt ohne Ton-Bild-Attention</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="259"/>
        <source>Voice pass</source>
        <translation>Stimm-Durchlauf</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="260"/>
        <source>An extra pass per step without the reference voices</source>
        <translation>Ein zusätzlicher Durchlauf pro Schritt ohne die Referenzstimmen</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="261"/>
        <source>Shift:</source>
        <translation>Verschiebung:</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="262"/>
        <source>Video ← text:</source>
        <translation>Video ← Text:</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="263"/>
        <source>Video ← audio:</source>
        <translation>Video ← Ton:</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="264"/>
        <source>Audio ← text:</source>
        <translation>Ton ← Text:</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="265"/>
        <source>Audio ← video:</source>
        <translation>Ton ← Video:</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="266"/>
        <source>Voice:</source>
        <translation>Stimme:</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="270"/>
        <source>Change shift</source>
        <translation>Verschiebung ändern</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="273"/>
        <source>Change guidance</source>
        <translation>Guidance ändern</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="304"/>
        <source>Embedded NAVA-tiny</source>
        <translation>Eingebautes NAVA-tiny</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="355"/>
        <source>Custom %1 × %2</source>
        <translation>Eigene %1 × %2</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="362"/>
        <source>%1 latent frames · %2 video frames</source>
        <translation>%1 latente Frames · %2 Videoframes</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="383"/>
        <source>%1 (not found)</source>
        <translation>%1 (nicht gefunden)</translation>
    </message>
</context>
<context>
    <name>nava::ui::JobQueue</name>
    <message>
        <location filename="../ui/queue/job_queue.cpp" line="54"/>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <location filename="../ui/queue/job_queue.cpp" line="56"/>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location filename="../ui/queue/job_queue.cpp" line="58"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location filename="../ui/queue/job_queue.cpp" line="60"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/queue/job_queue.cpp" line="62"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/queue/job_queue.cpp" line="85"/>
        <source>Waiting (interrupted, will run again)</source>
        <translation>Wartet (unterbrochen, läuft erneut)</translation>
    </message>
    <message>
        <location filename="../ui/queue/job_queue.cpp" line="107"/>
        <source>audio only</source>
        <translation>nur Ton</translation>
    </message>
    <message>
        <location filename="../ui/queue/job_queue.cpp" line="109"/>
        <source>%1 · %2 s · seed %3 · %4 steps</source>
        <translation>%1 · %2 s · Seed %3 · %4 Schritte</translation>
    </message>
    <message>
        <location filename="../ui/queue/job_queue.cpp" line="175"/>
        <source>cancelling</source>
        <translation>wird abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/queue/job_queue.cpp" line="223"/>
        <source>starting</source>
        <translation>startet</translation>
    </message>
    <message>
        <location filename="../ui/queue/job_queue.cpp" line="364"/>
        <source>the queue file is damaged: %1</source>
        <translation>die Warteschlangendatei ist beschädigt: %1</translation>
    </message>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="83"/>
        <source>no preview</source>
        <translation>keine Vorschau</translation>
    </message>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="134"/>
        <source>%1 left</source>
        <translation>noch %1</translation>
    </message>
</context>
<context>
    <name>nava::ui::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="304"/>
        <source>NAVA Studio</source>
        <translation>NAVA Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="160"/>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="78"/>
        <source>Model not loaded: %1</source>
        <translation>Modell nicht geladen: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="82"/>
        <source>Finished: %1</source>
        <translation>Fertig: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="85"/>
        <source>A job failed: %1</source>
        <translation>Ein Auftrag ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="88"/>
        <source>Cannot save the queue: %1</source>
        <translation>Die Warteschlange kann nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="96"/>
        <location filename="../ui/main_window.cpp" line="138"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="98"/>
        <location filename="../ui/main_window.cpp" line="139"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="104"/>
        <source>Cannot generate</source>
        <translation>Generierung nicht möglich</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="115"/>
        <source>The saved queue could not be read: %1</source>
        <translation>Die gespeicherte Warteschlange konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="140"/>
        <source>Generate</source>
        <translation>Generieren</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="142"/>
        <source>Add the current project to the queue (%1)</source>
        <translation>Das aktuelle Projekt in die Warteschlange stellen (%1)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="144"/>
        <source>Rewrite…</source>
        <translation>Umschreiben…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="161"/>
        <location filename="../ui/main_window.cpp" line="329"/>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="162"/>
        <source>Every clip you make is kept here.</source>
        <translation>Hier wird jeder erstellte Clip aufbewahrt.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="162"/>
        <source>Gallery</source>
        <translation>Galerie</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="163"/>
        <source>Fine-tune the model on your own footage.</source>
        <translation>Trainieren Sie das Modell mit Ihrem eigenen Material nach.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="164"/>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="179"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="185"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="186"/>
        <source>&amp;New project</source>
        <translation>&amp;Neues Projekt</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="190"/>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="192"/>
        <source>Open &amp;recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="194"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="195"/>
        <source>Save &amp;as…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="198"/>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="201"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="204"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="211"/>
        <source>&amp;Generate</source>
        <translation>&amp;Generieren</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="218"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="219"/>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="231"/>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="234"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="234"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="234"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="247"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="248"/>
        <source>&amp;About NAVA Studio</source>
        <translation>Ü&amp;ber NAVA Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="249"/>
        <source>About NAVA Studio</source>
        <translation>Über NAVA Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="250"/>
        <source>NAVA Studio makes short clips whose picture and sound are generated together.</source>
        <translation>NAVA Studio erstellt kurze Clips, deren Bild und Ton gemeinsam generiert werden.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="312"/>
        <source>Let a language model expand the prompt into one cinematic paragraph; spoken parts stay as written</source>
        <translation>Ein Sprachmodell baut die Beschreibung zu einem filmischen Absatz aus; gesprochene Teile bleiben wörtlich erhalten</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="314"/>
        <source>Set a rewrite endpoint in Settings to enable Rewrite</source>
        <translation>Legen Sie in den Einstellungen einen Endpunkt fest, um Umschreiben zu aktivieren</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="321"/>
        <source>Model ready: %1</source>
        <translation>Modell bereit: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="329"/>
        <source>Queue (%1)</source>
        <translation>Warteschlange (%1)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="332"/>
        <source>Queue paused</source>
        <translation>Warteschlange pausiert</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="335"/>
        <source>Generating %1/%2</source>
        <translation>Generiere %1/%2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="337"/>
        <source>%1 left</source>
        <translation>noch %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="32"/>
        <source>NAVA projects (*.nava)</source>
        <translation>NAVA-Projekte (*.nava)</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="59"/>
        <source>Autosave failed: %1</source>
        <translation>Automatisches Speichern fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="86"/>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="88"/>
        <source>unfinished jobs back in the queue: %1</source>
        <translation>unfertige Aufträge zurück in der Warteschlange: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="98"/>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="107"/>
        <location filename="../ui/main_window_actions.cpp" line="120"/>
        <source>Cannot save</source>
        <translation>Speichern nicht möglich</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="114"/>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="116"/>
        <source>Save project</source>
        <translation>Projekt speichern</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="127"/>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="128"/>
        <source>Save the changes to %1?</source>
        <translation>Änderungen an %1 speichern?</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="137"/>
        <source>Open project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="146"/>
        <source>Recover changes</source>
        <translation>Änderungen wiederherstellen</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="147"/>
        <source>%1 has unsaved changes from %2 (the studio did not close normally). Restore them?</source>
        <translation>%1 hat ungespeicherte Änderungen vom %2 (das Studio wurde nicht normal beendet). Wiederherstellen?</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="158"/>
        <source>Cannot open</source>
        <translation>Öffnen nicht möglich</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="158"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="162"/>
        <source>Voice clips</source>
        <translation>Stimmaufnahmen</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="172"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="180"/>
        <source>Recover unsaved project</source>
        <translation>Ungespeichertes Projekt wiederherstellen</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="181"/>
        <source>An unsaved project from %1 was left behind when the studio did not close normally. Restore it?</source>
        <translation>Ein ungespeichertes Projekt vom %1 ist übrig geblieben, weil das Studio nicht normal beendet wurde. Wiederherstellen?</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="191"/>
        <source>Unsaved project restored</source>
        <translation>Ungespeichertes Projekt wiederhergestellt</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="195"/>
        <source>Cannot restore</source>
        <translation>Wiederherstellen nicht möglich</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="242"/>
        <source>Next seed</source>
        <translation>Nächster Seed</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="245"/>
        <source>Queued: %1</source>
        <translation>In der Warteschlange: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="246"/>
        <source>Queued with warnings: %1</source>
        <translation>Mit Warnungen eingereiht: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="256"/>
        <source>Rewriting the prompt…</source>
        <translation>Beschreibung wird umgeschrieben…</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="264"/>
        <source>Rewrite failed</source>
        <translation>Umschreiben fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="271"/>
        <source>Rewrite</source>
        <translation>Umschreiben</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="272"/>
        <source>The prompt changed while it was being rewritten; the rewrite was not applied.</source>
        <translation>Die Beschreibung hat sich während des Umschreibens geändert; das Ergebnis wurde nicht übernommen.</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="277"/>
        <source>Rewrite prompt</source>
        <translation>Beschreibung umschreiben</translation>
    </message>
</context>
<context>
    <name>nava::ui::ProjectCommands</name>
    <message>
        <location filename="../ui/project/project_commands.cpp" line="51"/>
        <source>Edit negative prompt</source>
        <translation>Negativ-Beschreibung bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/project/project_commands.cpp" line="94"/>
        <source>Add speaker %1</source>
        <translation>Sprecher %1 hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/project/project_commands.cpp" line="114"/>
        <source>Remove speaker %1</source>
        <translation>Sprecher %1 entfernen</translation>
    </message>
</context>
<context>
    <name>nava::ui::ProjectDocument</name>
    <message>
        <location filename="../ui/project/project_document.cpp" line="67"/>
        <source>Edit prompt</source>
        <translation>Beschreibung bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/project/project_document.cpp" line="82"/>
        <source>Mark speech</source>
        <translation>Sprache markieren</translation>
    </message>
    <message>
        <location filename="../ui/project/project_document.cpp" line="82"/>
        <source>Mark speech of %1</source>
        <translation>Sprache von %1 markieren</translation>
    </message>
    <message>
        <location filename="../ui/project/project_document.cpp" line="90"/>
        <source>Unmark speech</source>
        <translation>Sprachmarkierung entfernen</translation>
    </message>
    <message>
        <location filename="../ui/project/project_document.cpp" line="99"/>
        <source>Assign speaker</source>
        <translation>Sprecher zuweisen</translation>
    </message>
    <message>
        <location filename="../ui/project/project_document.cpp" line="110"/>
        <source>Move speech</source>
        <translation>Sprache verschieben</translation>
    </message>
    <message>
        <location filename="../ui/project/project_document.cpp" line="132"/>
        <source>Rename speaker</source>
        <translation>Sprecher umbenennen</translation>
    </message>
    <message>
        <location filename="../ui/project/project_document.cpp" line="147"/>
        <source>no such speaker</source>
        <translation>diesen Sprecher gibt es nicht</translation>
    </message>
    <message>
        <location filename="../ui/project/project_document.cpp" line="153"/>
        <source>Attach voice to %1</source>
        <translation>Stimme an %1 anhängen</translation>
    </message>
    <message>
        <location filename="../ui/project/project_document.cpp" line="175"/>
        <location filename="../ui/project/project_document.cpp" line="212"/>
        <source>Import subtitles</source>
        <translation>Untertitel importieren</translation>
    </message>
    <message>
        <location filename="../ui/project/project_document.cpp" line="255"/>
        <source>Speaker %1</source>
        <translation>Sprecher %1</translation>
    </message>
    <message>
        <location filename="../ui/project/project_document.cpp" line="267"/>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <location filename="../ui/project/project_document.cpp" line="333"/>
        <source>The voice of %1 is missing: %2</source>
        <translation>Die Stimme von %1 fehlt: %2</translation>
    </message>
    <message>
        <location filename="../ui/project/project_document.cpp" line="339"/>
        <source>The voice of %1 changed since it was attached: %2</source>
        <translation>Die Stimme von %1 hat sich seit dem Anhängen geändert: %2</translation>
    </message>
    <message>
        <location filename="../ui/project/project_document.cpp" line="353"/>
        <location filename="../ui/project/project_document.cpp" line="373"/>
        <source>the file is empty</source>
        <translation>die Datei ist leer</translation>
    </message>
</context>
<context>
    <name>nava::ui::ProjectFileText</name>
    <message>
        <location filename="../ui/project/project_file.cpp" line="66"/>
        <source>not a NAVA project (JSON error at byte %1: %2)</source>
        <translation>kein NAVA-Projekt (JSON-Fehler bei Byte %1: %2)</translation>
    </message>
    <message>
        <location filename="../ui/project/project_file.cpp" line="74"/>
        <source>not a NAVA project (no &quot;nava_project&quot; key)</source>
        <translation>kein NAVA-Projekt (kein Schlüssel „nava_project“)</translation>
    </message>
    <message>
        <location filename="../ui/project/project_file.cpp" line="79"/>
        <source>made by a newer NAVA Studio (project version %1)</source>
        <translation>mit einem neueren NAVA Studio erstellt (Projektversion %1)</translation>
    </message>
    <message>
        <location filename="../ui/project/project_file.cpp" line="97"/>
        <source>a speaker without an id</source>
        <translation>ein Sprecher ohne ID</translation>
    </message>
    <message>
        <location filename="../ui/project/project_file.cpp" line="148"/>
        <location filename="../ui/project/project_file.cpp" line="165"/>
        <source>cannot create folder %1</source>
        <translation>Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <location filename="../ui/project/project_file.cpp" line="153"/>
        <location filename="../ui/project/project_file.cpp" line="174"/>
        <source>cannot copy %1 to %2</source>
        <translation>%1 kann nicht nach %2 kopiert werden</translation>
    </message>
</context>
<context>
    <name>nava::ui::PromptEditor</name>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="60"/>
        <source>Speaker:</source>
        <translation>Sprecher:</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="64"/>
        <source>Who speaks the words you mark</source>
        <translation>Wer die markierten Worte spricht</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="66"/>
        <source>Mark speech</source>
        <translation>Sprache markieren</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="70"/>
        <source>Mark the selected words as spoken by the chosen speaker (%1)</source>
        <translation>Die ausgewählten Worte als Sprache des gewählten Sprechers markieren (%1)</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="72"/>
        <source>Unmark</source>
        <translation>Markierung entfernen</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="75"/>
        <source>Turn the selected speech back into scene description (%1)</source>
        <translation>Die ausgewählte Sprache wieder zu Szenenbeschreibung machen (%1)</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="95"/>
        <source>Describe the scene: who is there, what happens, how it sounds. Select words and press Mark speech to make someone say them.</source>
        <translation>Beschreiben Sie die Szene: wer da ist, was passiert, wie es klingt. Wählen Sie Worte aus und klicken Sie auf „Sprache markieren“, damit jemand sie spricht.</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="97"/>
        <source>Scene prompt</source>
        <translation>Szenenbeschreibung</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="101"/>
        <source>Scene prompt with speech markers</source>
        <translation>Szenenbeschreibung mit Sprachmarkierungen</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="102"/>
        <source>The prompt as the model reads it: speech between &lt;S&gt; and &lt;E&gt;.</source>
        <translation>Die Beschreibung, wie das Modell sie liest: Sprache zwischen &lt;S&gt; und &lt;E&gt;.</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="103"/>
        <source>Marked</source>
        <translation>Markiert</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="104"/>
        <source>Raw &lt;S&gt;…&lt;E&gt;</source>
        <translation>Roh &lt;S&gt;…&lt;E&gt;</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="105"/>
        <source>Spoken words highlighted in their speaker&apos;s colour</source>
        <translation>Gesprochene Worte in der Farbe ihres Sprechers hervorgehoben</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="106"/>
        <source>Edit the markers directly; marks follow</source>
        <translation>Markierungen direkt bearbeiten; die Hervorhebungen folgen</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="134"/>
        <source>&amp;Negative prompt (what to avoid):</source>
        <translation>&amp;Negativ-Beschreibung (was vermieden werden soll):</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="139"/>
        <source>Empty: the model&apos;s default negative prompt</source>
        <translation>Leer: die Standard-Negativ-Beschreibung des Modells</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="287"/>
        <source>~%1 / %2 tokens (estimate)</source>
        <translation>~%1 / %2 Token (geschätzt)</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="288"/>
        <source>%1 / %2 tokens</source>
        <translation>%1 / %2 Token</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="290"/>
        <source>Characters: %1</source>
        <translation>Zeichen: %1</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="294"/>
        <source>too long: text past %1 tokens is cut off</source>
        <translation>zu lang: Text nach %1 Token wird abgeschnitten</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="347"/>
        <source>Edit prompt</source>
        <translation>Beschreibung bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="399"/>
        <source>Speech without a speaker: choose one and press Mark speech</source>
        <translation>Sprache ohne Sprecher: wählen Sie einen und klicken Sie auf „Sprache markieren“</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="401"/>
        <source>Spoken by %1</source>
        <translation>Gesprochen von %1</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="409"/>
        <source>Mark speech of</source>
        <translation>Sprache markieren von</translation>
    </message>
</context>
<context>
    <name>nava::ui::PromptRewriter</name>
    <message>
        <location filename="../ui/rewrite/prompt_rewriter.cpp" line="35"/>
        <source>The rewrite broke the &lt;S&gt;…&lt;E&gt; markers.</source>
        <translation>Das Umschreiben hat die &lt;S&gt;…&lt;E&gt;-Markierungen beschädigt.</translation>
    </message>
    <message>
        <location filename="../ui/rewrite/prompt_rewriter.cpp" line="37"/>
        <source>The rewrite has %1 spoken parts instead of %2.</source>
        <translation>Die umgeschriebene Fassung hat %1 gesprochene Teile statt %2.</translation>
    </message>
    <message>
        <location filename="../ui/rewrite/prompt_rewriter.cpp" line="42"/>
        <source>The rewrite changed spoken part %1: “%2” became “%3”.</source>
        <translation>Das Umschreiben hat gesprochenen Teil %1 verändert: „%2“ wurde zu „%3“.</translation>
    </message>
    <message>
        <location filename="../ui/rewrite/prompt_rewriter.cpp" line="107"/>
        <source>No rewrite endpoint is configured.</source>
        <translation>Es ist kein Endpunkt zum Umschreiben eingerichtet.</translation>
    </message>
    <message>
        <location filename="../ui/rewrite/prompt_rewriter.cpp" line="148"/>
        <source>The rewrite server answered HTTP %1. %2</source>
        <translation>Der Umschreib-Server antwortete mit HTTP %1. %2</translation>
    </message>
    <message>
        <location filename="../ui/rewrite/prompt_rewriter.cpp" line="152"/>
        <source>Could not reach the rewrite server: %1</source>
        <translation>Der Umschreib-Server ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <location filename="../ui/rewrite/prompt_rewriter.cpp" line="168"/>
        <source>The rewrite server sent no text back.</source>
        <translation>Der Umschreib-Server hat keinen Text zurückgeschickt.</translation>
    </message>
</context>
<context>
    <name>nava::ui::QueuePanel</name>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="45"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="46"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="157"/>
        <location filename="../ui/queue/queue_panel.cpp" line="201"/>
        <source>Pause queue</source>
        <translation>Warteschlange anhalten</translation>
    </message>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="158"/>
        <source>Start no new jobs; the running one finishes</source>
        <translation>Keine neuen Aufträge starten; der laufende wird beendet</translation>
    </message>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="160"/>
        <source>Run next</source>
        <translation>Als Nächstes</translation>
    </message>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="161"/>
        <source>Run the selected job as soon as the current one ends</source>
        <translation>Den ausgewählten Auftrag ausführen, sobald der aktuelle endet</translation>
    </message>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="162"/>
        <source>Up</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="162"/>
        <source>Move the selected job earlier</source>
        <translation>Den ausgewählten Auftrag nach vorn schieben</translation>
    </message>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="163"/>
        <source>Down</source>
        <translation>Runter</translation>
    </message>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="163"/>
        <source>Move the selected job later</source>
        <translation>Den ausgewählten Auftrag nach hinten schieben</translation>
    </message>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="164"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="165"/>
        <source>Cancel the selected job, also while it runs</source>
        <translation>Den ausgewählten Auftrag abbrechen, auch während er läuft</translation>
    </message>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="166"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="166"/>
        <source>Remove the selected job</source>
        <translation>Den ausgewählten Auftrag entfernen</translation>
    </message>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="167"/>
        <source>Clear finished</source>
        <translation>Erledigte entfernen</translation>
    </message>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="168"/>
        <source>Remove finished, failed and cancelled jobs</source>
        <translation>Fertige, fehlgeschlagene und abgebrochene Aufträge entfernen</translation>
    </message>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="174"/>
        <source>Generation jobs</source>
        <translation>Generierungsaufträge</translation>
    </message>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="201"/>
        <source>Resume queue</source>
        <translation>Warteschlange fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="269"/>
        <source>No jobs yet: press Generate on the Create tab.</source>
        <translation>Noch keine Aufträge: Klicken Sie im Tab „Erstellen“ auf „Generieren“.</translation>
    </message>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="270"/>
        <source>Select a job to see it here.</source>
        <translation>Wählen Sie einen Auftrag aus, um ihn hier zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="278"/>
        <source>The preview appears once sampling starts.</source>
        <translation>Die Vorschau erscheint, sobald das Sampling beginnt.</translation>
    </message>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="284"/>
        <source>Output: %1</source>
        <translation>Ausgabe: %1</translation>
    </message>
</context>
<context>
    <name>nava::ui::RequestText</name>
    <message>
        <location filename="../ui/project/request_builder.cpp" line="28"/>
        <source>The prompt is empty.</source>
        <translation>Die Beschreibung ist leer.</translation>
    </message>
    <message>
        <location filename="../ui/project/request_builder.cpp" line="40"/>
        <source>The voice of %1 is missing: %2</source>
        <translation>Die Stimme von %1 fehlt: %2</translation>
    </message>
    <message>
        <location filename="../ui/project/request_builder.cpp" line="51"/>
        <source>First-frame mode needs an image.</source>
        <translation>Der Modus „Ab einem ersten Bild“ braucht ein Bild.</translation>
    </message>
</context>
<context>
    <name>nava::ui::RewriteDialog</name>
    <message>
        <location filename="../ui/rewrite/rewrite_dialog.cpp" line="15"/>
        <source>Rewritten prompt</source>
        <translation>Umgeschriebene Beschreibung</translation>
    </message>
    <message>
        <location filename="../ui/rewrite/rewrite_dialog.cpp" line="21"/>
        <source>Removed words are struck through in red, new words are green. Every spoken part is unchanged.</source>
        <translation>Entfernte Worte sind rot durchgestrichen, neue Worte grün. Alle gesprochenen Teile sind unverändert.</translation>
    </message>
    <message>
        <location filename="../ui/rewrite/rewrite_dialog.cpp" line="25"/>
        <source>Rewrite refused.</source>
        <translation>Umschreiben abgelehnt.</translation>
    </message>
    <message>
        <location filename="../ui/rewrite/rewrite_dialog.cpp" line="34"/>
        <source>Use rewrite</source>
        <translation>Umgeschriebene Fassung verwenden</translation>
    </message>
    <message>
        <location filename="../ui/rewrite/rewrite_dialog.cpp" line="36"/>
        <source>Keep my prompt</source>
        <translation>Meine Beschreibung behalten</translation>
    </message>
</context>
<context>
    <name>nava::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="22"/>
        <location filename="../ui/settings/settings_dialog.cpp" line="88"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="31"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="35"/>
        <source>Models and output</source>
        <translation>Modelle und Ausgabe</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="41"/>
        <source>Folders holding model packages (searched one level deep)</source>
        <translation>Ordner mit Modellpaketen (eine Ebene tief durchsucht)</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="44"/>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="46"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="52"/>
        <source>Model folders:</source>
        <translation>Modellordner:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="54"/>
        <source>Model folder</source>
        <translation>Modellordner</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="63"/>
        <source>Used by new projects</source>
        <translation>Wird von neuen Projekten verwendet</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="64"/>
        <source>Default memory profile:</source>
        <translation>Standard-Speicherprofil:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="69"/>
        <source>Choose…</source>
        <translation>Wählen…</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="72"/>
        <source>Output folder:</source>
        <translation>Ausgabeordner:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="74"/>
        <source>Output folder</source>
        <translation>Ausgabeordner</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="80"/>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="86"/>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="89"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="90"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="92"/>
        <source>Theme:</source>
        <translation>Farbschema:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="96"/>
        <source>Prompt rewriting (OpenAI-compatible chat endpoint)</source>
        <translation>Beschreibung umschreiben (OpenAI-kompatibler Chat-Endpunkt)</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="105"/>
        <source>Sent only to this endpoint; never stored in projects or clips</source>
        <translation>Wird nur an diesen Endpunkt gesendet; nie in Projekten oder Clips gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="106"/>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="107"/>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="108"/>
        <source>API key:</source>
        <translation>API-Schlüssel:</translation>
    </message>
</context>
<context>
    <name>nava::ui::SpanModel</name>
    <message>
        <location filename="../ui/project/span_model.cpp" line="43"/>
        <source>(no speaker)</source>
        <translation>(kein Sprecher)</translation>
    </message>
    <message>
        <location filename="../ui/project/span_model.cpp" line="75"/>
        <source>Words</source>
        <translation>Worte</translation>
    </message>
    <message>
        <location filename="../ui/project/span_model.cpp" line="77"/>
        <source>Speaker</source>
        <translation>Sprecher</translation>
    </message>
    <message>
        <location filename="../ui/project/span_model.cpp" line="79"/>
        <source>Start</source>
        <translation>Anfang</translation>
    </message>
    <message>
        <location filename="../ui/project/span_model.cpp" line="81"/>
        <source>End</source>
        <translation>Ende</translation>
    </message>
</context>
<context>
    <name>nava::ui::SpeakerModel</name>
    <message>
        <location filename="../ui/project/speaker_model.cpp" line="41"/>
        <source>%1 — no reference voice yet</source>
        <translation>%1 — noch keine Referenzstimme</translation>
    </message>
    <message>
        <location filename="../ui/project/speaker_model.cpp" line="42"/>
        <source>%1 — voice: %2</source>
        <translation>%1 — Stimme: %2</translation>
    </message>
</context>
<context>
    <name>nava::ui::SpeakersPanel</name>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="58"/>
        <source>&lt;b&gt;Speakers&lt;/b&gt;</source>
        <translation>&lt;b&gt;Sprecher&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="64"/>
        <source>Speakers</source>
        <translation>Sprecher</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="65"/>
        <source>Double-click a name to rename; drop a WAV file on a speaker to attach it as their voice</source>
        <translation>Doppelklick auf einen Namen zum Umbenennen; eine WAV-Datei auf einen Sprecher ziehen, um sie als seine Stimme anzuhängen</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="74"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="74"/>
        <source>Add a speaker</source>
        <translation>Einen Sprecher hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="75"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="75"/>
        <source>Remove the selected speaker</source>
        <translation>Den ausgewählten Sprecher entfernen</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="76"/>
        <source>Voice…</source>
        <translation>Stimme…</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="77"/>
        <source>Attach a reference voice (3–10 s of clear speech)</source>
        <translation>Eine Referenzstimme anhängen (3–10 s deutliche Sprache)</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="79"/>
        <location filename="../ui/speakers/speakers_panel.cpp" line="326"/>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="80"/>
        <source>Trim</source>
        <translation>Zuschneiden</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="80"/>
        <source>Keep only the selected part of the voice</source>
        <translation>Nur den ausgewählten Teil der Stimme behalten</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="81"/>
        <source>Play voice</source>
        <translation>Stimme abspielen</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="182"/>
        <source>Audio (%1)</source>
        <translation>Audio (%1)</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="183"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="185"/>
        <source>Reference voice</source>
        <translation>Referenzstimme</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="195"/>
        <source>Cannot use %1: %2</source>
        <translation>%1 ist nicht verwendbar: %2</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="199"/>
        <source>Cannot use %1 as a voice</source>
        <translation>%1 ist als Stimme nicht verwendbar</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="206"/>
        <source>Cannot attach the voice: %1</source>
        <translation>Die Stimme kann nicht angehängt werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="210"/>
        <source>Voice attached: %1</source>
        <translation>Stimme angehängt: %1</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="244"/>
        <location filename="../ui/speakers/speakers_panel.cpp" line="250"/>
        <source>Cannot write the trimmed voice: %1</source>
        <translation>Die zugeschnittene Stimme kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="254"/>
        <source>Trim voice of %1</source>
        <translation>Stimme von %1 zuschneiden</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="291"/>
        <source>Add a speaker for each voice in the scene.</source>
        <translation>Fügen Sie für jede Stimme der Szene einen Sprecher hinzu.</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="294"/>
        <source>%1 has no reference voice: the model picks one.</source>
        <translation>%1 hat keine Referenzstimme: das Modell wählt eine.</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="297"/>
        <source>mono</source>
        <translation>mono</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="298"/>
        <source>stereo</source>
        <translation>stereo</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="299"/>
        <source>%1 channels</source>
        <translation>%1 Kanäle</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="300"/>
        <source>%1 · %2 s · %3 kHz · %4</source>
        <translation>%1 · %2 s · %3 kHz · %4</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="326"/>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="330"/>
        <source>No audio output device: playback is unavailable</source>
        <translation>Kein Audio-Ausgabegerät: Wiedergabe nicht möglich</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="331"/>
        <source>Play the voice, or the selected part (%1)</source>
        <translation>Die Stimme oder den ausgewählten Teil abspielen (%1)</translation>
    </message>
</context>
<context>
    <name>nava::ui::SubtitleText</name>
    <message>
        <location filename="../ui/timeline/subtitle_formats.cpp" line="61"/>
        <source>expected a cue timing like 00:00:01,000 --&gt; 00:00:02,500</source>
        <translation>erwartet wurde eine Zeitangabe wie 00:00:01,000 --&gt; 00:00:02,500</translation>
    </message>
    <message>
        <location filename="../ui/timeline/subtitle_formats.cpp" line="65"/>
        <location filename="../ui/timeline/subtitle_vtt_ass.cpp" line="120"/>
        <location filename="../ui/timeline/subtitle_vtt_ass.cpp" line="197"/>
        <source>the cue ends before it starts</source>
        <translation>der Eintrag endet, bevor er beginnt</translation>
    </message>
    <message>
        <location filename="../ui/timeline/subtitle_formats.cpp" line="118"/>
        <source>expected a cue number or timing</source>
        <translation>erwartet wurde eine Eintragsnummer oder Zeitangabe</translation>
    </message>
    <message>
        <location filename="../ui/timeline/subtitle_formats.cpp" line="162"/>
        <source>expected &quot;start&lt;TAB&gt;end&lt;TAB&gt;label&quot;</source>
        <translation>erwartet wurde „Anfang&lt;TAB&gt;Ende&lt;TAB&gt;Beschriftung“</translation>
    </message>
    <message>
        <location filename="../ui/timeline/subtitle_formats.cpp" line="167"/>
        <source>label times must be seconds like 1.250000</source>
        <translation>Zeiten von Beschriftungen müssen Sekunden sein, etwa 1.250000</translation>
    </message>
    <message>
        <location filename="../ui/timeline/subtitle_formats.cpp" line="200"/>
        <source>unknown subtitle format</source>
        <translation>unbekanntes Untertitelformat</translation>
    </message>
    <message>
        <location filename="../ui/timeline/subtitle_vtt_ass.cpp" line="86"/>
        <source>a WebVTT file starts with &quot;WEBVTT&quot;</source>
        <translation>eine WebVTT-Datei beginnt mit „WEBVTT“</translation>
    </message>
    <message>
        <location filename="../ui/timeline/subtitle_vtt_ass.cpp" line="108"/>
        <location filename="../ui/timeline/subtitle_vtt_ass.cpp" line="117"/>
        <source>expected a cue timing like 00:01.000 --&gt; 00:02.500</source>
        <translation>erwartet wurde eine Zeitangabe wie 00:01.000 --&gt; 00:02.500</translation>
    </message>
    <message>
        <location filename="../ui/timeline/subtitle_vtt_ass.cpp" line="166"/>
        <source>expected &quot;Key: value&quot;</source>
        <translation>erwartet wurde „Schlüssel: Wert“</translation>
    </message>
    <message>
        <location filename="../ui/timeline/subtitle_vtt_ass.cpp" line="175"/>
        <source>the Format line needs Start, End and Text (last)</source>
        <translation>die Format-Zeile braucht Start, End und Text (zuletzt)</translation>
    </message>
    <message>
        <location filename="../ui/timeline/subtitle_vtt_ass.cpp" line="181"/>
        <source>a Dialogue line before the Format line</source>
        <translation>eine Dialogue-Zeile vor der Format-Zeile</translation>
    </message>
    <message>
        <location filename="../ui/timeline/subtitle_vtt_ass.cpp" line="188"/>
        <source>the Dialogue line has too few fields</source>
        <translation>die Dialogue-Zeile hat zu wenige Felder</translation>
    </message>
    <message>
        <location filename="../ui/timeline/subtitle_vtt_ass.cpp" line="196"/>
        <source>expected times like 0:00:01.25</source>
        <translation>erwartet wurden Zeiten wie 0:00:01.25</translation>
    </message>
    <message>
        <location filename="../ui/timeline/subtitle_vtt_ass.cpp" line="204"/>
        <source>no [Events] section</source>
        <translation>kein Abschnitt [Events]</translation>
    </message>
</context>
<context>
    <name>nava::ui::TimelinePanel</name>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="25"/>
        <source>&lt;b&gt;Timeline&lt;/b&gt;</source>
        <translation>&lt;b&gt;Zeitleiste&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="28"/>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="30"/>
        <source>Read speech and timing from SRT, WebVTT, ASS or Audacity label files</source>
        <translation>Sprache und Timing aus SRT-, WebVTT-, ASS- oder Audacity-Beschriftungsdateien lesen</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="33"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="34"/>
        <source>Write the speech as subtitles or labels</source>
        <translation>Die Sprache als Untertitel oder Beschriftungen schreiben</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="39"/>
        <source>SubRip (.srt)</source>
        <translation>SubRip (.srt)</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="40"/>
        <source>WebVTT (.vtt)</source>
        <translation>WebVTT (.vtt)</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="41"/>
        <source>Advanced SubStation (.ass)</source>
        <translation>Advanced SubStation (.ass)</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="42"/>
        <source>Audacity labels (.txt)</source>
        <translation>Audacity-Beschriftungen (.txt)</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="91"/>
        <source>No project is open.</source>
        <translation>Es ist kein Projekt geöffnet.</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="93"/>
        <source>%1: unknown kind of file (use .srt, .vtt, .ass or .txt)</source>
        <translation>%1: unbekannte Dateiart (verwenden Sie .srt, .vtt, .ass oder .txt)</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="97"/>
        <location filename="../ui/timeline/timeline_panel.cpp" line="104"/>
        <location filename="../ui/timeline/timeline_panel.cpp" line="118"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="100"/>
        <source>%1, line %2: %3</source>
        <translation>%1, Zeile %2: %3</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="106"/>
        <source>%1 holds no speech</source>
        <translation>%1 enthält keine Sprache</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="109"/>
        <source>Imported lines of speech: %1</source>
        <translation>Importierte Sprachzeilen: %1</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="123"/>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="129"/>
        <source>Import speech</source>
        <translation>Sprache importieren</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="130"/>
        <source>Subtitles and labels (*.srt *.vtt *.ass *.ssa *.txt)</source>
        <translation>Untertitel und Beschriftungen (*.srt *.vtt *.ass *.ssa *.txt)</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="131"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="138"/>
        <source>Export speech</source>
        <translation>Sprache exportieren</translation>
    </message>
</context>
<context>
    <name>nava::ui::TimelineView</name>
    <message>
        <location filename="../ui/timeline/timeline_view.cpp" line="36"/>
        <source>Speech timeline</source>
        <translation>Sprach-Zeitleiste</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_view.cpp" line="37"/>
        <source>Drag a block to move its speech, drag an edge to change when it starts or ends; arrow keys nudge the selected one</source>
        <translation>Einen Block ziehen, um seine Sprache zu verschieben, einen Rand ziehen, um Anfang oder Ende zu ändern; Pfeiltasten verschieben den ausgewählten</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_view.cpp" line="180"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_view.cpp" line="195"/>
        <source>No speaker</source>
        <translation>Kein Sprecher</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_view.cpp" line="202"/>
        <source>Marked speech appears here, one lane per speaker</source>
        <translation>Markierte Sprache erscheint hier, eine Spur pro Sprecher</translation>
    </message>
</context>
<context>
    <name>nava::ui::Validation</name>
    <message>
        <location filename="../ui/project/validation.cpp" line="29"/>
        <source>&lt;E&gt; without a &lt;S&gt; before it</source>
        <translation>&lt;E&gt; ohne vorausgehendes &lt;S&gt;</translation>
    </message>
    <message>
        <location filename="../ui/project/validation.cpp" line="32"/>
        <source>&lt;S&gt; is never closed with &lt;E&gt;</source>
        <translation>&lt;S&gt; wird nie mit &lt;E&gt; geschlossen</translation>
    </message>
    <message>
        <location filename="../ui/project/validation.cpp" line="35"/>
        <source>&lt;S&gt; opened again before &lt;E&gt;: speech cannot nest</source>
        <translation>&lt;S&gt; erneut vor &lt;E&gt; geöffnet: Sprache kann nicht verschachtelt werden</translation>
    </message>
    <message>
        <location filename="../ui/project/validation.cpp" line="38"/>
        <source>&lt;S&gt;&lt;E&gt; holds no words</source>
        <translation>&lt;S&gt;&lt;E&gt; enthält keine Worte</translation>
    </message>
    <message>
        <location filename="../ui/project/validation.cpp" line="69"/>
        <source>Speech %1 (“%2”) has no speaker</source>
        <translation>Sprache %1 („%2“) hat keinen Sprecher</translation>
    </message>
    <message>
        <location filename="../ui/project/validation.cpp" line="76"/>
        <source>Speech %1 (“%2”) ends after the clip (%3)</source>
        <translation>Sprache %1 („%2“) endet nach dem Clip (%3)</translation>
    </message>
    <message>
        <location filename="../ui/project/validation.cpp" line="83"/>
        <source>%1 speaks speech %2 and %3 at the same time</source>
        <translation>%1 spricht Sprache %2 und %3 gleichzeitig</translation>
    </message>
    <message>
        <location filename="../ui/project/validation.cpp" line="90"/>
        <source>%1 reference voices: the model was trained with at most %2</source>
        <translation>%1 Referenzstimmen: das Modell wurde mit höchstens %2 trainiert</translation>
    </message>
</context>
<context>
    <name>nava::ui::VoiceText</name>
    <message>
        <location filename="../ui/speakers/voice_analysis.cpp" line="49"/>
        <source>Only %1 s long: 3–10 s of clear speech captures a voice best.</source>
        <translation>Nur %1 s lang: 3–10 s deutliche Sprache erfassen eine Stimme am besten.</translation>
    </message>
    <message>
        <location filename="../ui/speakers/voice_analysis.cpp" line="52"/>
        <source>%1 s long: trim it to the best 3–10 s of speech.</source>
        <translation>%1 s lang: schneiden Sie sie auf die besten 3–10 s Sprache zu.</translation>
    </message>
    <message>
        <location filename="../ui/speakers/voice_analysis.cpp" line="55"/>
        <source>Clipped: %1 % of the samples hit full scale (distortion).</source>
        <translation>Übersteuert: %1 % der Samples erreichen Vollausschlag (Verzerrung).</translation>
    </message>
    <message>
        <location filename="../ui/speakers/voice_analysis.cpp" line="58"/>
        <source>Nearly silent (%1 dBFS): is this the right recording?</source>
        <translation>Fast still (%1 dBFS): ist das die richtige Aufnahme?</translation>
    </message>
</context>
<context>
    <name>nava::ui::WaveformView</name>
    <message>
        <location filename="../ui/speakers/waveform_view.cpp" line="13"/>
        <source>Voice waveform</source>
        <translation>Wellenform der Stimme</translation>
    </message>
    <message>
        <location filename="../ui/speakers/waveform_view.cpp" line="14"/>
        <source>Drag to select a part of the voice; Esc clears the selection</source>
        <translation>Ziehen, um einen Teil der Stimme auszuwählen; Esc hebt die Auswahl auf</translation>
    </message>
    <message>
        <location filename="../ui/speakers/waveform_view.cpp" line="81"/>
        <source>No voice attached — drop a WAV file here</source>
        <translation>Keine Stimme angehängt — ziehen Sie eine WAV-Datei hierher</translation>
    </message>
</context>
</TS>
