<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>nava::ui::CheckText</name>
    <message>
        <location filename="../ui/training/dataset_check.cpp" line="59"/>
        <source>the clip does not exist: %1</source>
        <translation>der Clip existiert nicht: %1</translation>
    </message>
    <message>
        <location filename="../ui/training/dataset_check.cpp" line="64"/>
        <source>not a known video or sound file type</source>
        <translation>kein bekannter Video- oder Tondateityp</translation>
    </message>
    <message>
        <location filename="../ui/training/dataset_check.cpp" line="67"/>
        <source>no caption</source>
        <translation>keine Beschriftung</translation>
    </message>
    <message>
        <location filename="../ui/training/dataset_check.cpp" line="69"/>
        <source>the caption is empty</source>
        <translation>die Beschriftung ist leer</translation>
    </message>
    <message>
        <location filename="../ui/training/dataset_check.cpp" line="74"/>
        <source>the caption has unpaired &lt;S&gt;/&lt;E&gt; speech markers</source>
        <translation>die Beschriftung hat ungepaarte &lt;S&gt;/&lt;E&gt;-Sprachmarkierungen</translation>
    </message>
    <message>
        <location filename="../ui/training/dataset_check.cpp" line="87"/>
        <source>no sound: the audio branch learns nothing from this clip</source>
        <translation>kein Ton: der Audiozweig lernt aus diesem Clip nichts</translation>
    </message>
    <message>
        <location filename="../ui/training/dataset_check.cpp" line="89"/>
        <source>sound only</source>
        <translation>nur Ton</translation>
    </message>
    <message>
        <location filename="../ui/training/dataset_check.cpp" line="92"/>
        <source>only %1 s long</source>
        <translation>nur %1 s lang</translation>
    </message>
    <message>
        <location filename="../ui/training/dataset_check.cpp" line="95"/>
        <source>%1 s long: training uses at most %2 s of it</source>
        <translation>%1 s lang: das Training nutzt höchstens %2 s davon</translation>
    </message>
    <message>
        <location filename="../ui/training/dataset_check.cpp" line="100"/>
        <source>cannot be read: %1</source>
        <translation>kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/training/dataset_check.cpp" line="153"/>
        <source>the record names no clip (expected a &quot;video&quot; or &quot;path&quot; key)</source>
        <translation>der Eintrag nennt keinen Clip (erwartet wird ein Schlüssel „video“ oder „path“)</translation>
    </message>
    <message>
        <location filename="../ui/training/dataset_check.cpp" line="180"/>
        <source>record %1</source>
        <translation>Eintrag %1</translation>
    </message>
    <message>
        <location filename="../ui/training/dataset_check.cpp" line="189"/>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <location filename="../ui/training/dataset_check.cpp" line="192"/>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
    <message>
        <location filename="../ui/training/dataset_check.cpp" line="201"/>
        <source>no clips found</source>
        <translation>keine Clips gefunden</translation>
    </message>
    <message>
        <location filename="../ui/training/dataset_check.cpp" line="204"/>
        <source>%1 more issues not listed</source>
        <translation>%1 weitere Befunde nicht aufgeführt</translation>
    </message>
    <message>
        <location filename="../ui/training/dataset_check.cpp" line="224"/>
        <source>note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location filename="../ui/training/dataset_check.cpp" line="226"/>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location filename="../ui/training/dataset_check.cpp" line="228"/>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../ui/training/dataset_check.cpp" line="235"/>
        <source>studio checks</source>
        <translation>Prüfung durch das Studio</translation>
    </message>
    <message>
        <location filename="../ui/training/dataset_check.cpp" line="239"/>
        <source>no dataset chosen</source>
        <translation>kein Datensatz gewählt</translation>
    </message>
    <message>
        <location filename="../ui/training/dataset_check.cpp" line="240"/>
        <source>%1 does not exist</source>
        <translation>%1 existiert nicht</translation>
    </message>
</context>
<context>
    <name>nava::ui::ClipWaveform</name>
    <message>
        <location filename="../ui/player/clip_waveform.cpp" line="13"/>
        <source>Sound waveform</source>
        <translation>Ton-Wellenform</translation>
    </message>
    <message>
        <location filename="../ui/player/clip_waveform.cpp" line="14"/>
        <source>The clip&apos;s sound; click or drag to move the playhead</source>
        <translation>Der Ton des Clips; klicken oder ziehen, um die Abspielposition zu verschieben</translation>
    </message>
</context>
<context>
    <name>nava::ui::ExportText</name>
    <message>
        <location filename="../ui/player/clip_export.cpp" line="28"/>
        <source>the copy would replace the clip itself</source>
        <translation>die Kopie würde den Clip selbst ersetzen</translation>
    </message>
    <message>
        <location filename="../ui/player/clip_export.cpp" line="74"/>
        <source>there is no picture on screen</source>
        <translation>es wird kein Bild angezeigt</translation>
    </message>
</context>
<context>
    <name>nava::ui::FakeEngineClient</name>
    <message>
        <location filename="../ui/engine/fake_engine_client.cpp" line="33"/>
        <source>%1 is not a model package folder</source>
        <translation>%1 ist kein Modellpaket-Ordner</translation>
    </message>
    <message>
        <location filename="../ui/engine/fake_engine_client.cpp" line="38"/>
        <source>Preview engine</source>
        <translation>Vorschau-Engine</translation>
    </message>
    <message>
        <location filename="../ui/engine/fake_engine_client.cpp" line="39"/>
        <source>Simulated generation: clips are painted previews</source>
        <translation>Simulierte Generierung: Clips sind gemalte Vorschauen</translation>
    </message>
    <message>
        <location filename="../ui/engine/fake_engine_client.cpp" line="40"/>
        <source>Simulated generation: no clip is rendered yet</source>
        <translation>Simulierte Generierung: Es wird noch kein Clip berechnet</translation>
    </message>
    <message>
        <location filename="../ui/engine/fake_engine_client.cpp" line="94"/>
        <source>sampling</source>
        <translation>Sampling</translation>
    </message>
    <message>
        <location filename="../ui/engine/fake_engine_client.cpp" line="214"/>
        <source>Cannot write the preview clip: %1</source>
        <translation>Der Vorschau-Clip kann nicht geschrieben werden: %1</translation>
    </message>
</context>
<context>
    <name>nava::ui::FrameView</name>
    <message>
        <location filename="../ui/player/frame_view.cpp" line="11"/>
        <source>Video</source>
        <translation>Video</translation>
    </message>
</context>
<context>
    <name>nava::ui::GalleryModel</name>
    <message>
        <location filename="../ui/gallery/gallery_delegate.cpp" line="75"/>
        <location filename="../ui/gallery/gallery_delegate.cpp" line="108"/>
        <source>file missing</source>
        <translation>Datei fehlt</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_delegate.cpp" line="77"/>
        <location filename="../ui/gallery/gallery_model.cpp" line="161"/>
        <source>sound only</source>
        <translation>nur Ton</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_model.cpp" line="142"/>
        <source>%1 (the file is missing)</source>
        <translation>%1 (die Datei fehlt)</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_model.cpp" line="162"/>
        <source>seed %1</source>
        <translation>Seed %1</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_model.cpp" line="187"/>
        <source>the gallery index is damaged: %1</source>
        <translation>der Galerie-Index ist beschädigt: %1</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_model.cpp" line="242"/>
        <source>%1 holds no picture or sound</source>
        <translation>%1 enthält weder Bild noch Ton</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_model.cpp" line="266"/>
        <source>%1 does not exist</source>
        <translation>%1 existiert nicht</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_model.cpp" line="270"/>
        <source>%1 is not a video or sound file</source>
        <translation>%1 ist keine Video- oder Tondatei</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_model.cpp" line="351"/>
        <source>%1 is not in the gallery</source>
        <translation>%1 ist nicht in der Galerie</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_model.cpp" line="360"/>
        <source>%1 could not be moved to the trash</source>
        <translation>%1 konnte nicht in den Papierkorb verschoben werden</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_model.cpp" line="361"/>
        <source>%1 could not be deleted</source>
        <translation>%1 konnte nicht gelöscht werden</translation>
    </message>
</context>
<context>
    <name>nava::ui::GalleryPanel</name>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="43"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="51"/>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="51"/>
        <source>Open the clip in the player</source>
        <translation>Den Clip im Player öffnen</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="52"/>
        <source>Re-run</source>
        <translation>Erneut ausführen</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="52"/>
        <source>Queue the same recipe again (same seed, same settings)</source>
        <translation>Dasselbe Rezept erneut einreihen (gleicher Seed, gleiche Einstellungen)</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="54"/>
        <source>Restore recipe</source>
        <translation>Rezept übernehmen</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="55"/>
        <source>Put this clip&apos;s prompt, speakers and settings into the editor (one undo step)</source>
        <translation>Beschreibung, Sprecher und Einstellungen dieses Clips in den Editor übernehmen (ein Rückgängig-Schritt)</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="58"/>
        <source>Show in folder</source>
        <translation>Im Ordner zeigen</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="58"/>
        <source>Open the folder that holds the clip</source>
        <translation>Den Ordner öffnen, der den Clip enthält</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="60"/>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="60"/>
        <source>Move the clip to the trash or remove it from the gallery</source>
        <translation>Den Clip in den Papierkorb verschieben oder aus der Galerie entfernen</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="62"/>
        <source>Add clips…</source>
        <translation>Clips hinzufügen…</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="62"/>
        <source>Add video or sound files to the gallery</source>
        <translation>Video- oder Tondateien zur Galerie hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="64"/>
        <source>Rescan</source>
        <translation>Neu einlesen</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="64"/>
        <source>Look for new clips in the output folder</source>
        <translation>Im Ausgabeordner nach neuen Clips suchen</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="99"/>
        <source>Filter by prompt…</source>
        <translation>Nach Beschreibung filtern…</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="100"/>
        <source>Filter clips</source>
        <translation>Clips filtern</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="101"/>
        <source>Show only clips whose prompt contains these words</source>
        <translation>Nur Clips zeigen, deren Beschreibung diese Wörter enthält</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="123"/>
        <source>Clips</source>
        <translation>Clips</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="143"/>
        <source>No clips yet. Clips you generate appear here; you can also add files or drop a clip made by NAVA Studio onto the window to restore its recipe.</source>
        <translation>Noch keine Clips. Generierte Clips erscheinen hier; Sie können auch Dateien hinzufügen oder einen mit NAVA Studio erstellten Clip auf das Fenster ziehen, um sein Rezept zu übernehmen.</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="159"/>
        <source>Recipe</source>
        <translation>Rezept</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="216"/>
        <source>The clip is missing: %1</source>
        <translation>Der Clip fehlt: %1</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="236"/>
        <location filename="../ui/gallery/gallery_panel.cpp" line="255"/>
        <location filename="../ui/gallery/gallery_panel.cpp" line="259"/>
        <source>Delete clip</source>
        <translation>Clip löschen</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="237"/>
        <source>Move “%1” to the trash, or only remove it from the gallery?</source>
        <translation>„%1“ in den Papierkorb verschieben oder nur aus der Galerie entfernen?</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="239"/>
        <source>Move to trash</source>
        <translation>In den Papierkorb</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="240"/>
        <source>Remove from gallery</source>
        <translation>Aus der Galerie entfernen</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="250"/>
        <source>Moved to the trash: %1</source>
        <translation>In den Papierkorb verschoben: %1</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="255"/>
        <source>%1

Delete “%2” permanently?</source>
        <translation>%1

„%2“ endgültig löschen?</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="264"/>
        <location filename="../ui/gallery/gallery_panel.cpp" line="273"/>
        <source>Add clips</source>
        <translation>Clips hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="265"/>
        <source>Video and sound (*.mp4 *.mov *.mkv *.webm *.wav *.flac *.mp3 *.ogg *.m4a)</source>
        <translation>Video und Ton (*.mp4 *.mov *.mkv *.webm *.wav *.flac *.mp3 *.ogg *.m4a)</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="279"/>
        <source>New clips found: %1</source>
        <translation>Neue Clips gefunden: %1</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="294"/>
        <source>This clip carries no recipe</source>
        <translation>Dieser Clip enthält kein Rezept</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="305"/>
        <source>Select a clip to see how it was made.</source>
        <translation>Wählen Sie einen Clip, um zu sehen, wie er entstanden ist.</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="319"/>
        <source>The file is missing. The recipe can still be re-run or restored.</source>
        <translation>Die Datei fehlt. Das Rezept kann trotzdem erneut ausgeführt oder übernommen werden.</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="324"/>
        <source>This clip carries no recipe: it was not made by NAVA Studio, or its metadata was removed.</source>
        <translation>Dieser Clip enthält kein Rezept: Er wurde nicht mit NAVA Studio erstellt, oder seine Metadaten wurden entfernt.</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="332"/>
        <source>Recipe (JSON)</source>
        <translation>Rezept (JSON)</translation>
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
        <location filename="../ui/generation/generation_panel.cpp" line="43"/>
        <source>Everything stays on the GPU: fastest, most memory</source>
        <translation>Alles bleibt auf der GPU: am schnellsten, meisten Speicher</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="45"/>
        <source>The text encoder leaves the GPU after encoding</source>
        <translation>Der Text-Encoder verlässt nach dem Kodieren die GPU</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="47"/>
        <source>8-bit weights, text encoder offload, tiled VAE decoding</source>
        <translation>8-Bit-Gewichte, Text-Encoder ausgelagert, VAE-Dekodierung in Kacheln</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="49"/>
        <source>Transformer blocks paged between CPU and GPU: least memory, slowest</source>
        <translation>Transformer-Blöcke wandern zwischen CPU und GPU: wenigster Speicher, am langsamsten</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="59"/>
        <source>&lt;b&gt;Generation&lt;/b&gt;</source>
        <translation>&lt;b&gt;Generierung&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="66"/>
        <source>Picture and sound</source>
        <translation>Bild und Ton</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="67"/>
        <source>From a first frame</source>
        <translation>Ab einem ersten Bild</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="68"/>
        <source>Sound only</source>
        <translation>Nur Ton</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="69"/>
        <source>Text to picture and sound, continue a first frame, or sound alone</source>
        <translation>Text zu Bild und Ton, ein erstes Bild fortsetzen oder nur Ton</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="70"/>
        <source>&amp;Mode:</source>
        <translation>&amp;Modus:</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="72"/>
        <source>Change mode</source>
        <translation>Modus ändern</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="82"/>
        <source>No image chosen</source>
        <translation>Kein Bild gewählt</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="84"/>
        <source>Choose…</source>
        <translation>Wählen…</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="85"/>
        <source>The picture the clip starts from</source>
        <translation>Das Bild, mit dem der Clip beginnt</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="88"/>
        <source>First frame:</source>
        <translation>Erstes Bild:</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="92"/>
        <source>First frame</source>
        <translation>Erstes Bild</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="92"/>
        <source>Images (*.png *.jpg *.jpeg *.webp *.bmp)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.webp *.bmp)</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="94"/>
        <source>Choose first frame</source>
        <translation>Erstes Bild wählen</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="102"/>
        <source>Aspect ratio</source>
        <translation>Seitenverhältnis</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="104"/>
        <source>Width × height in pixels (multiples of 32)</source>
        <translation>Breite × Höhe in Pixeln (Vielfache von 32)</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="107"/>
        <source>&amp;Size:</source>
        <translation>&amp;Größe:</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="111"/>
        <source>Change size</source>
        <translation>Größe ändern</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="128"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="130"/>
        <source>Snapped to whole latent frames: 6 per second, plus one</source>
        <translation>Auf ganze latente Frames gerundet: 6 pro Sekunde, plus eins</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="134"/>
        <source>&amp;Duration:</source>
        <translation>&amp;Dauer:</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="137"/>
        <source>Change duration</source>
        <translation>Dauer ändern</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="147"/>
        <source>The same seed and settings give the same clip</source>
        <translation>Gleicher Seed und gleiche Einstellungen ergeben denselben Clip</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="149"/>
        <source>Fixed</source>
        <translation>Fest</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="150"/>
        <source>Increment</source>
        <translation>Hochzählen</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="151"/>
        <source>Random</source>
        <translation>Zufällig</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="153"/>
        <source>Fixed: every job uses this seed. Increment: +1 after each job. Random: a new seed per job</source>
        <translation>Fest: jeder Auftrag nutzt diesen Seed. Hochzählen: +1 nach jedem Auftrag. Zufällig: ein neuer Seed pro Auftrag</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="156"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="157"/>
        <source>Pick a random seed now</source>
        <translation>Jetzt einen zufälligen Seed wählen</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="161"/>
        <source>S&amp;eed:</source>
        <translation>S&amp;eed:</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="163"/>
        <source>Change seed</source>
        <translation>Seed ändern</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="166"/>
        <source>Change seed mode</source>
        <translation>Seed-Modus ändern</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="172"/>
        <source>New random seed</source>
        <translation>Neuer zufälliger Seed</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="180"/>
        <source>Sampling steps: more is slower and usually cleaner (50 is the reference)</source>
        <translation>Sampling-Schritte: mehr ist langsamer und meist sauberer (50 ist die Referenz)</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="183"/>
        <source>UniPC</source>
        <translation>UniPC</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="184"/>
        <source>Euler</source>
        <translation>Euler</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="185"/>
        <source>The ODE solver of the sampler</source>
        <translation>Der ODE-Löser des Samplers</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="188"/>
        <source>S&amp;teps:</source>
        <translation>Sc&amp;hritte:</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="190"/>
        <source>Change steps</source>
        <translation>Schritte ändern</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="193"/>
        <source>Change solver</source>
        <translation>Löser ändern</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="201"/>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="204"/>
        <source>How the model is spread over GPU and CPU memory</source>
        <translation>Wie das Modell auf GPU- und CPU-Speicher verteilt wird</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="205"/>
        <source>M&amp;emory:</source>
        <translation>S&amp;peicher:</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="207"/>
        <source>Change memory profile</source>
        <translation>Speicherprofil ändern</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="214"/>
        <source>Model packages found in the folders set in Settings</source>
        <translation>Modellpakete aus den in den Einstellungen angegebenen Ordnern</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="216"/>
        <source>Load</source>
        <translation>Laden</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="217"/>
        <source>Load the chosen model now instead of at the first job</source>
        <translation>Das gewählte Modell jetzt laden statt beim ersten Auftrag</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="220"/>
        <source>Mode&amp;l:</source>
        <translation>Mode&amp;ll:</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="222"/>
        <source>Change model</source>
        <translation>Modell ändern</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="230"/>
        <source>Advanced guidance</source>
        <translation>Erweiterte Guidance</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="253"/>
        <source>Flow-matching time shift (5 in the reference)</source>
        <translation>Zeitverschiebung des Flow-Matchings (5 in der Referenz)</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="254"/>
        <source>How strongly the picture follows the prompt</source>
        <translation>Wie stark das Bild der Beschreibung folgt</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="255"/>
        <source>How strongly the picture follows the sound</source>
        <translation>Wie stark das Bild dem Ton folgt</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="256"/>
        <source>How strongly the sound follows the prompt</source>
        <translation>Wie stark der Ton der Beschreibung folgt</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="257"/>
        <source>How strongly the sound follows the picture</source>
        <translation>Wie stark der Ton dem Bild folgt</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="258"/>
        <source>How strongly speech follows the reference voices</source>
        <translation>Wie stark die Sprache den Referenzstimmen folgt</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="259"/>
        <source>Audio–video alignment pass</source>
        <translation>Durchlauf für Ton-Bild-Abstimmung</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="260"/>
        <source>An extra pass per step without audio–video attention</source>
        <translation>Ein zusätzlicher Durchlauf pro Schritt ohne Ton-Bild-Attention</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="261"/>
        <source>Voice pass</source>
        <translation>Stimm-Durchlauf</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="262"/>
        <source>An extra pass per step without the reference voices</source>
        <translation>Ein zusätzlicher Durchlauf pro Schritt ohne die Referenzstimmen</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="263"/>
        <source>Shift:</source>
        <translation>Verschiebung:</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="264"/>
        <source>Video ← text:</source>
        <translation>Video ← Text:</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="265"/>
        <source>Video ← audio:</source>
        <translation>Video ← Ton:</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="266"/>
        <source>Audio ← text:</source>
        <translation>Ton ← Text:</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="267"/>
        <source>Audio ← video:</source>
        <translation>Ton ← Video:</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="268"/>
        <source>Voice:</source>
        <translation>Stimme:</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="272"/>
        <source>Change shift</source>
        <translation>Verschiebung ändern</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="275"/>
        <source>Change guidance</source>
        <translation>Guidance ändern</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="307"/>
        <source>Embedded NAVA-tiny</source>
        <translation>Eingebautes NAVA-tiny</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="360"/>
        <source>Custom %1 × %2</source>
        <translation>Eigene %1 × %2</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="368"/>
        <source>%1 latent frames · %2 video frames</source>
        <translation>%1 latente Frames · %2 Videoframes</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="389"/>
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
    <name>nava::ui::LocalEngineClient</name>
    <message>
        <location filename="../ui/engine/local_engine_client.cpp" line="121"/>
        <source>No model package found. Download the official weights (Hugging Face repository ernie-research/NAVA; see the README, section &quot;Official weights&quot;), add their folder under Settings → Model folders, then choose it under Model on the Create tab and press Load. Or set NAVA_PACKAGE to a package folder before starting the studio.</source>
        <translation>Kein Modellpaket gefunden. Laden Sie die offiziellen Gewichte herunter (Hugging-Face-Repository ernie-research/NAVA; siehe README, Abschnitt &quot;Official weights&quot;), fügen Sie ihren Ordner unter Einstellungen → Modellordner hinzu, wählen Sie ihn dann im Tab „Erstellen“ unter „Modell“ und klicken Sie auf „Laden“. Oder setzen Sie NAVA_PACKAGE vor dem Start des Studios auf einen Paketordner.</translation>
    </message>
    <message>
        <location filename="../ui/engine/local_engine_client.cpp" line="130"/>
        <source>loading the model</source>
        <translation>Modell wird geladen</translation>
    </message>
    <message>
        <location filename="../ui/engine/local_engine_client.cpp" line="131"/>
        <source>encoding text</source>
        <translation>Text wird kodiert</translation>
    </message>
    <message>
        <location filename="../ui/engine/local_engine_client.cpp" line="132"/>
        <source>encoding voices</source>
        <translation>Stimmen werden kodiert</translation>
    </message>
    <message>
        <location filename="../ui/engine/local_engine_client.cpp" line="133"/>
        <source>sampling</source>
        <translation>Sampling</translation>
    </message>
    <message>
        <location filename="../ui/engine/local_engine_client.cpp" line="134"/>
        <source>decoding video</source>
        <translation>Video wird dekodiert</translation>
    </message>
    <message>
        <location filename="../ui/engine/local_engine_client.cpp" line="135"/>
        <source>decoding audio</source>
        <translation>Audio wird dekodiert</translation>
    </message>
    <message>
        <location filename="../ui/engine/local_engine_client.cpp" line="136"/>
        <source>writing the clip</source>
        <translation>Clip wird geschrieben</translation>
    </message>
    <message>
        <location filename="../ui/engine/local_engine_client.cpp" line="152"/>
        <source>%1 parameters</source>
        <translation>%1 Parameter</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/engine/local_engine_client.cpp" line="154"/>
        <source>%n steps</source>
        <translation>
            <numerusform>%n Schritt</numerusform>
            <numerusform>%n Schritte</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/engine/local_engine_client.cpp" line="156"/>
        <source>no voice cloning</source>
        <translation>kein Stimmenklonen</translation>
    </message>
    <message>
        <location filename="../ui/engine/local_engine_client.cpp" line="218"/>
        <source>No model package is loaded: %1</source>
        <translation>Kein Modellpaket geladen: %1</translation>
    </message>
    <message>
        <location filename="../ui/engine/local_engine_client.cpp" line="245"/>
        <source>The model package %1 could not be loaded: %2</source>
        <translation>Das Modellpaket %1 konnte nicht geladen werden: %2</translation>
    </message>
</context>
<context>
    <name>nava::ui::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="383"/>
        <source>NAVA Studio</source>
        <translation>NAVA Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="208"/>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="423"/>
        <source>Model not loaded: %1</source>
        <translation>Modell nicht geladen: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="86"/>
        <source>Finished: %1</source>
        <translation>Fertig: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="93"/>
        <source>Cannot save the gallery: %1</source>
        <translation>Die Galerie kann nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="96"/>
        <source>A job failed: %1</source>
        <translation>Ein Auftrag ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="99"/>
        <source>Cannot save the queue: %1</source>
        <translation>Die Warteschlange kann nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="107"/>
        <location filename="../ui/main_window.cpp" line="158"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="109"/>
        <location filename="../ui/main_window.cpp" line="159"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="115"/>
        <source>Cannot generate</source>
        <translation>Generierung nicht möglich</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="126"/>
        <source>The saved queue could not be read: %1</source>
        <translation>Die gespeicherte Warteschlange konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="128"/>
        <source>The gallery index could not be read: %1</source>
        <translation>Der Galerie-Index konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="160"/>
        <source>Generate</source>
        <translation>Generieren</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="162"/>
        <source>Add the current project to the queue (%1)</source>
        <translation>Das aktuelle Projekt in die Warteschlange stellen (%1)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="164"/>
        <source>Rewrite…</source>
        <translation>Umschreiben…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="191"/>
        <source>Cannot re-run</source>
        <translation>Erneutes Ausführen nicht möglich</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="197"/>
        <location filename="../ui/main_window_actions.cpp" line="349"/>
        <source>Cannot restore the recipe</source>
        <translation>Das Rezept kann nicht übernommen werden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="201"/>
        <location filename="../ui/main_window_actions.cpp" line="354"/>
        <location filename="../ui/main_window_actions.cpp" line="390"/>
        <source>Recipe restored</source>
        <translation>Rezept übernommen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="209"/>
        <location filename="../ui/main_window.cpp" line="462"/>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="210"/>
        <source>Gallery</source>
        <translation>Galerie</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="211"/>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="212"/>
        <source>Write the scene, mark who speaks, generate</source>
        <translation>Szene beschreiben, Sprecher markieren, generieren</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="213"/>
        <source>Jobs waiting, running and done</source>
        <translation>Wartende, laufende und fertige Aufträge</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="214"/>
        <source>Every clip you made: play, re-run, restore its recipe</source>
        <translation>Jeder erstellte Clip: abspielen, erneut ausführen, Rezept übernehmen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="215"/>
        <source>Fine-tune the model on your own footage</source>
        <translation>Das Modell mit eigenem Material nachtrainieren</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="236"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="242"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="243"/>
        <source>&amp;New project</source>
        <translation>&amp;Neues Projekt</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="247"/>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="249"/>
        <source>Open &amp;recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="251"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="252"/>
        <source>Save &amp;as…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="254"/>
        <source>Restore recipe from &amp;clip…</source>
        <translation>Rezept aus &amp;Clip übernehmen…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="258"/>
        <source>Bring the prompt, speakers and settings of a clip made by NAVA Studio back into the editor (you can also drop the clip onto the window)</source>
        <translation>Beschreibung, Sprecher und Einstellungen eines mit NAVA Studio erstellten Clips in den Editor zurückholen (Sie können den Clip auch auf das Fenster ziehen)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="261"/>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="264"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="267"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="274"/>
        <source>&amp;Generate</source>
        <translation>&amp;Generieren</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="281"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="282"/>
        <source>&amp;Create</source>
        <translation>&amp;Erstellen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="282"/>
        <source>&amp;Queue</source>
        <translation>&amp;Warteschlange</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="282"/>
        <source>&amp;Gallery</source>
        <translation>&amp;Galerie</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="282"/>
        <source>&amp;Training</source>
        <translation>&amp;Training</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="288"/>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="300"/>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="303"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="303"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="303"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="316"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="317"/>
        <source>Getting a &amp;model…</source>
        <translation>&amp;Modell beschaffen…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="318"/>
        <source>&amp;About NAVA Studio</source>
        <translation>Ü&amp;ber NAVA Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="319"/>
        <source>About NAVA Studio</source>
        <translation>Über NAVA Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="320"/>
        <source>NAVA Studio makes short clips whose picture and sound are generated together.</source>
        <translation>NAVA Studio erstellt kurze Clips, deren Bild und Ton gemeinsam generiert werden.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="362"/>
        <source>Training is running</source>
        <translation>Training läuft</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="363"/>
        <source>Quitting stops the training run. The next start continues from its newest checkpoint. Quit anyway?</source>
        <translation>Beim Beenden wird das Training angehalten. Der nächste Start setzt am neuesten Checkpoint fort. Trotzdem beenden?</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="391"/>
        <source>Let a language model expand the prompt into one cinematic paragraph; spoken parts stay as written</source>
        <translation>Ein Sprachmodell baut die Beschreibung zu einem filmischen Absatz aus; gesprochene Teile bleiben wörtlich erhalten</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="393"/>
        <source>Set a rewrite endpoint in Settings to enable Rewrite</source>
        <translation>Legen Sie in den Einstellungen einen Endpunkt fest, um Umschreiben zu aktivieren</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="408"/>
        <source>Model ready: %1</source>
        <translation>Modell bereit: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="411"/>
        <source>Model ready: %1 (%2)</source>
        <translation>Modell bereit: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="419"/>
        <source>The model package %1 could not be loaded: %2</source>
        <translation>Das Modellpaket %1 konnte nicht geladen werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="422"/>
        <source>No model: %1</source>
        <translation>Kein Modell: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="432"/>
        <source>Loading the model…</source>
        <translation>Modell wird geladen…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="440"/>
        <source>No model package</source>
        <translation>Kein Modellpaket</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="450"/>
        <source>The model in use: %1 (%2).</source>
        <translation>Verwendetes Modell: %1 (%2).</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="454"/>
        <source>Getting a model</source>
        <translation>Modell beschaffen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="462"/>
        <source>Queue (%1)</source>
        <translation>Warteschlange (%1)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="465"/>
        <source>Queue paused</source>
        <translation>Warteschlange pausiert</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="468"/>
        <source>Generating %1/%2</source>
        <translation>Generiere %1/%2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="470"/>
        <source>%1 left</source>
        <translation>noch %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="39"/>
        <source>NAVA projects (*.nava)</source>
        <translation>NAVA-Projekte (*.nava)</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="76"/>
        <source>Autosave failed: %1</source>
        <translation>Automatisches Speichern fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="103"/>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="105"/>
        <source>unfinished jobs back in the queue: %1</source>
        <translation>unfertige Aufträge zurück in der Warteschlange: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="115"/>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="124"/>
        <location filename="../ui/main_window_actions.cpp" line="138"/>
        <source>Cannot save</source>
        <translation>Speichern nicht möglich</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="131"/>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="134"/>
        <source>Save project</source>
        <translation>Projekt speichern</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="145"/>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="145"/>
        <source>Save the changes to %1?</source>
        <translation>Änderungen an %1 speichern?</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="155"/>
        <source>Open project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="164"/>
        <source>Recover changes</source>
        <translation>Änderungen wiederherstellen</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="165"/>
        <source>%1 has unsaved changes from %2 (the studio did not close normally). Restore them?</source>
        <translation>%1 hat ungespeicherte Änderungen vom %2 (das Studio wurde nicht normal beendet). Wiederherstellen?</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="176"/>
        <source>Cannot open</source>
        <translation>Öffnen nicht möglich</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="176"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="179"/>
        <source>Voice clips</source>
        <translation>Stimmaufnahmen</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="189"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="197"/>
        <source>Recover unsaved project</source>
        <translation>Ungespeichertes Projekt wiederherstellen</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="198"/>
        <source>An unsaved project from %1 was left behind when the studio did not close normally. Restore it?</source>
        <translation>Ein ungespeichertes Projekt vom %1 ist übrig geblieben, weil das Studio nicht normal beendet wurde. Wiederherstellen?</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="208"/>
        <source>Unsaved project restored</source>
        <translation>Ungespeichertes Projekt wiederhergestellt</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="212"/>
        <source>Cannot restore</source>
        <translation>Wiederherstellen nicht möglich</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="262"/>
        <source>Next seed</source>
        <translation>Nächster Seed</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="266"/>
        <source>Queued: %1</source>
        <translation>In der Warteschlange: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="267"/>
        <source>Queued with warnings: %1</source>
        <translation>Mit Warnungen eingereiht: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="277"/>
        <source>Rewriting the prompt…</source>
        <translation>Beschreibung wird umgeschrieben…</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="286"/>
        <source>Rewrite failed</source>
        <translation>Umschreiben fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="293"/>
        <source>Rewrite</source>
        <translation>Umschreiben</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="294"/>
        <source>The prompt changed while it was being rewritten; the rewrite was not applied.</source>
        <translation>Die Beschreibung hat sich während des Umschreibens geändert; das Ergebnis wurde nicht übernommen.</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="299"/>
        <source>Rewrite prompt</source>
        <translation>Beschreibung umschreiben</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="320"/>
        <source>Queued again: %1</source>
        <translation>Erneut eingereiht: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="331"/>
        <source>Recipe restored; Undo takes it back</source>
        <translation>Rezept übernommen; Rückgängig nimmt es zurück</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="343"/>
        <source>Restore recipe from clip</source>
        <translation>Rezept aus Clip übernehmen</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="344"/>
        <source>Clips (*.mp4 *.mov *.mkv *.webm *.wav);;All files (*)</source>
        <translation>Clips (*.mp4 *.mov *.mkv *.webm *.wav);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="382"/>
        <source>No recipe restored</source>
        <translation>Kein Rezept übernommen</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="383"/>
        <source>Cannot restore a recipe</source>
        <translation>Kein Rezept übernehmbar</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="388"/>
        <source>Recipe restored from %1; Undo takes it back</source>
        <translation>Rezept aus %1 übernommen; Rückgängig nimmt es zurück</translation>
    </message>
</context>
<context>
    <name>nava::ui::PlayerWidget</name>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="80"/>
        <source>Clip player</source>
        <translation>Clip-Player</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="90"/>
        <source>Click to give the player the keyboard: Space plays and pauses, the arrow keys step one frame</source>
        <translation>Klicken, um dem Player die Tastatur zu geben: Leertaste spielt ab und pausiert, die Pfeiltasten gehen ein Bild weiter</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="97"/>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="98"/>
        <source>Position in the clip</source>
        <translation>Position im Clip</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="138"/>
        <location filename="../ui/player/player_widget.cpp" line="139"/>
        <source>Volume</source>
        <translation>Lautstärke</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="145"/>
        <location filename="../ui/player/player_widget.cpp" line="147"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="146"/>
        <source>Save the clip, its sound or the picture on screen</source>
        <translation>Den Clip, seinen Ton oder das angezeigte Bild speichern</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="191"/>
        <location filename="../ui/player/player_widget.cpp" line="478"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="195"/>
        <location filename="../ui/player/player_widget.cpp" line="475"/>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="199"/>
        <source>Previous frame</source>
        <translation>Vorheriges Bild</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="202"/>
        <source>Next frame</source>
        <translation>Nächstes Bild</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="205"/>
        <source>Go to start</source>
        <translation>Zum Anfang</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="207"/>
        <source>Loop</source>
        <translation>Schleife</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="210"/>
        <source>Mute</source>
        <translation>Stumm</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="213"/>
        <source>Save clip as MP4…</source>
        <translation>Clip als MP4 speichern…</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="215"/>
        <source>Save sound as WAV…</source>
        <translation>Ton als WAV speichern…</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="218"/>
        <source>Save frame as PNG…</source>
        <translation>Bild als PNG speichern…</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="240"/>
        <source>no picture or sound this build can decode</source>
        <translation>weder Bild noch Ton, den dieser Build dekodieren kann</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="263"/>
        <source>This clip has no sound</source>
        <translation>Dieser Clip hat keinen Ton</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="268"/>
        <source>Cannot play %1: %2</source>
        <translation>%1 kann nicht abgespielt werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="278"/>
        <source>This clip has no sound.</source>
        <translation>Dieser Clip hat keinen Ton.</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="281"/>
        <source>Sound is off: the player runs on a silent clock.</source>
        <translation>Ton aus: der Player läuft mit einer stummen Uhr.</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="282"/>
        <source>No sound: %1. The clip plays silently in real time.</source>
        <translation>Kein Ton: %1. Der Clip läuft stumm in Echtzeit.</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="286"/>
        <source>Sound output: %1</source>
        <translation>Tonausgabe: %1</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="289"/>
        <source>Sound only</source>
        <translation>Nur Ton</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="309"/>
        <source>Open a clip from the gallery to play it here</source>
        <translation>Öffnen Sie einen Clip aus der Galerie, um ihn hier abzuspielen</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="449"/>
        <source>Playback stopped: %1</source>
        <translation>Wiedergabe angehalten: %1</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="467"/>
        <source>frame %1 / %2</source>
        <translation>Bild %1 / %2</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="475"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="525"/>
        <source>there is no picture on screen</source>
        <translation>es wird kein Bild angezeigt</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="539"/>
        <source>Save clip</source>
        <translation>Clip speichern</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="542"/>
        <source>Video (*.mp4 *.mov *.mkv)</source>
        <translation>Video (*.mp4 *.mov *.mkv)</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="545"/>
        <source>Save sound</source>
        <translation>Ton speichern</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="547"/>
        <source>WAV audio (*.wav)</source>
        <translation>WAV-Audio (*.wav)</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="550"/>
        <source>Save frame</source>
        <translation>Bild speichern</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="553"/>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="565"/>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="567"/>
        <source>Cannot save %1: %2</source>
        <translation>%1 kann nicht gespeichert werden: %2</translation>
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
        <location filename="../ui/prompt/prompt_editor.cpp" line="69"/>
        <source>Speaker:</source>
        <translation>Sprecher:</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="73"/>
        <source>Who speaks the words you mark</source>
        <translation>Wer die markierten Worte spricht</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="75"/>
        <source>Mark speech</source>
        <translation>Sprache markieren</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="78"/>
        <source>Mark the selected words as spoken by the chosen speaker (%1)</source>
        <translation>Die ausgewählten Worte als Sprache des gewählten Sprechers markieren (%1)</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="80"/>
        <source>Unmark</source>
        <translation>Markierung entfernen</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="84"/>
        <source>Turn the selected speech back into scene description (%1)</source>
        <translation>Die ausgewählte Sprache wieder zu Szenenbeschreibung machen (%1)</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="103"/>
        <source>Describe the scene: who is there, what happens, how it sounds. Select words and press Mark speech to make someone say them.</source>
        <translation>Beschreiben Sie die Szene: wer da ist, was passiert, wie es klingt. Wählen Sie Worte aus und klicken Sie auf „Sprache markieren“, damit jemand sie spricht.</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="105"/>
        <source>Scene prompt</source>
        <translation>Szenenbeschreibung</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="109"/>
        <source>Scene prompt with speech markers</source>
        <translation>Szenenbeschreibung mit Sprachmarkierungen</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="110"/>
        <source>The prompt as the model reads it: speech between &lt;S&gt; and &lt;E&gt;.</source>
        <translation>Die Beschreibung, wie das Modell sie liest: Sprache zwischen &lt;S&gt; und &lt;E&gt;.</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="111"/>
        <source>Marked</source>
        <translation>Markiert</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="112"/>
        <source>Raw &lt;S&gt;…&lt;E&gt;</source>
        <translation>Roh &lt;S&gt;…&lt;E&gt;</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="113"/>
        <source>Spoken words highlighted in their speaker&apos;s colour</source>
        <translation>Gesprochene Worte in der Farbe ihres Sprechers hervorgehoben</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="114"/>
        <source>Edit the markers directly; marks follow</source>
        <translation>Markierungen direkt bearbeiten; die Hervorhebungen folgen</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="142"/>
        <source>&amp;Negative prompt (what to avoid):</source>
        <translation>&amp;Negativ-Beschreibung (was vermieden werden soll):</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="147"/>
        <source>Empty: the model&apos;s default negative prompt</source>
        <translation>Leer: die Standard-Negativ-Beschreibung des Modells</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="304"/>
        <source>~%1 / %2 tokens (estimate)</source>
        <translation>~%1 / %2 Token (geschätzt)</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="305"/>
        <source>%1 / %2 tokens</source>
        <translation>%1 / %2 Token</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="306"/>
        <source>Characters: %1</source>
        <translation>Zeichen: %1</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="310"/>
        <source>too long: text past %1 tokens is cut off</source>
        <translation>zu lang: Text nach %1 Token wird abgeschnitten</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="364"/>
        <source>Edit prompt</source>
        <translation>Beschreibung bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="417"/>
        <source>Speech without a speaker: choose one and press Mark speech</source>
        <translation>Sprache ohne Sprecher: wählen Sie einen und klicken Sie auf „Sprache markieren“</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="419"/>
        <source>Spoken by %1</source>
        <translation>Gesprochen von %1</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="427"/>
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
        <location filename="../ui/queue/queue_panel.cpp" line="283"/>
        <source>Output: %1</source>
        <translation>Ausgabe: %1</translation>
    </message>
</context>
<context>
    <name>nava::ui::RecipeText</name>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="25"/>
        <source>text to video with sound</source>
        <translation>Text zu Video mit Ton</translation>
    </message>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="27"/>
        <source>first frame to video with sound</source>
        <translation>Erstes Bild zu Video mit Ton</translation>
    </message>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="29"/>
        <source>text to sound</source>
        <translation>Text zu Ton</translation>
    </message>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="42"/>
        <source>not a valid recipe: %1</source>
        <translation>kein gültiges Rezept: %1</translation>
    </message>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="54"/>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="60"/>
        <source>%1 holds no NAVA recipe: it was not made by NAVA Studio, or its metadata was removed when it was edited or converted.</source>
        <translation>%1 enthält kein NAVA-Rezept: Die Datei wurde nicht mit NAVA Studio erstellt, oder ihre Metadaten gingen beim Bearbeiten oder Umwandeln verloren.</translation>
    </message>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="100"/>
        <source>Restore recipe</source>
        <translation>Rezept übernehmen</translation>
    </message>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="117"/>
        <source>The voice of %1 is missing: %2</source>
        <translation>Die Stimme von %1 fehlt: %2</translation>
    </message>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="121"/>
        <source>The voice of %1 changed since the clip was made: %2</source>
        <translation>Die Stimme von %1 hat sich seit der Erstellung des Clips geändert: %2</translation>
    </message>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="125"/>
        <source>Cannot attach the voice of %1: %2</source>
        <translation>Die Stimme von %1 kann nicht angehängt werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="133"/>
        <source>Restore prompt</source>
        <translation>Beschreibung übernehmen</translation>
    </message>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="138"/>
        <source>Restore settings</source>
        <translation>Einstellungen übernehmen</translation>
    </message>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="168"/>
        <source>Avoid:</source>
        <translation>Vermeiden:</translation>
    </message>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="178"/>
        <source>Speaker</source>
        <translation>Sprecher</translation>
    </message>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="182"/>
        <source>no reference voice</source>
        <translation>keine Referenzstimme</translation>
    </message>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="184"/>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="186"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="187"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="188"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="189"/>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="191"/>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="195"/>
        <source>Guidance</source>
        <translation>Guidance</translation>
    </message>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="195"/>
        <source>video %1 · audio %2 · voice %3</source>
        <translation>Video %1 · Ton %2 · Stimme %3</translation>
    </message>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="199"/>
        <source>Model</source>
        <translation>Modell</translation>
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
        <location filename="../ui/rewrite/rewrite_dialog.cpp" line="22"/>
        <source>Removed words are struck through in red, new words are green. Every spoken part is unchanged.</source>
        <translation>Entfernte Worte sind rot durchgestrichen, neue Worte grün. Alle gesprochenen Teile sind unverändert.</translation>
    </message>
    <message>
        <location filename="../ui/rewrite/rewrite_dialog.cpp" line="27"/>
        <source>Rewrite refused.</source>
        <translation>Umschreiben abgelehnt.</translation>
    </message>
    <message>
        <location filename="../ui/rewrite/rewrite_dialog.cpp" line="35"/>
        <source>Use rewrite</source>
        <translation>Umgeschriebene Fassung verwenden</translation>
    </message>
    <message>
        <location filename="../ui/rewrite/rewrite_dialog.cpp" line="37"/>
        <source>Keep my prompt</source>
        <translation>Meine Beschreibung behalten</translation>
    </message>
</context>
<context>
    <name>nava::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="22"/>
        <location filename="../ui/settings/settings_dialog.cpp" line="90"/>
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
        <location filename="../ui/settings/settings_dialog.cpp" line="64"/>
        <source>Used by new projects</source>
        <translation>Wird von neuen Projekten verwendet</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="65"/>
        <source>Default memory profile:</source>
        <translation>Standard-Speicherprofil:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="70"/>
        <source>Choose…</source>
        <translation>Wählen…</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="73"/>
        <source>Output folder:</source>
        <translation>Ausgabeordner:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="76"/>
        <source>Output folder</source>
        <translation>Ausgabeordner</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="82"/>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="88"/>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="91"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="92"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="94"/>
        <source>Theme:</source>
        <translation>Farbschema:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="98"/>
        <source>Prompt rewriting (OpenAI-compatible chat endpoint)</source>
        <translation>Beschreibung umschreiben (OpenAI-kompatibler Chat-Endpunkt)</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="107"/>
        <source>Sent only to this endpoint; never stored in projects or clips</source>
        <translation>Wird nur an diesen Endpunkt gesendet; nie in Projekten oder Clips gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="108"/>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="109"/>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="110"/>
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
        <location filename="../ui/speakers/speakers_panel.cpp" line="59"/>
        <source>&lt;b&gt;Speakers&lt;/b&gt;</source>
        <translation>&lt;b&gt;Sprecher&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="65"/>
        <source>Speakers</source>
        <translation>Sprecher</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="67"/>
        <source>Double-click a name to rename; drop a sound or video file on a speaker to attach it as their voice</source>
        <translation>Doppelklick auf einen Namen zum Umbenennen; eine Ton- oder Videodatei auf einen Sprecher ziehen, um sie als seine Stimme anzuhängen</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="76"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="76"/>
        <source>Add a speaker</source>
        <translation>Einen Sprecher hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="77"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="77"/>
        <source>Remove the selected speaker</source>
        <translation>Den ausgewählten Sprecher entfernen</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="79"/>
        <source>Voice…</source>
        <translation>Stimme…</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="79"/>
        <source>Attach a reference voice (3–10 s of clear speech)</source>
        <translation>Eine Referenzstimme anhängen (3–10 s deutliche Sprache)</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="81"/>
        <location filename="../ui/speakers/speakers_panel.cpp" line="343"/>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="82"/>
        <source>Trim</source>
        <translation>Zuschneiden</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="82"/>
        <source>Keep only the selected part of the voice</source>
        <translation>Nur den ausgewählten Teil der Stimme behalten</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="83"/>
        <source>Play voice</source>
        <translation>Stimme abspielen</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="184"/>
        <source>Audio (%1)</source>
        <translation>Audio (%1)</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="185"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="187"/>
        <source>Reference voice</source>
        <translation>Referenzstimme</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="197"/>
        <location filename="../ui/speakers/speakers_panel.cpp" line="212"/>
        <source>Cannot use %1: %2</source>
        <translation>%1 ist nicht verwendbar: %2</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="201"/>
        <source>Cannot use %1 as a voice</source>
        <translation>%1 ist als Stimme nicht verwendbar</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="221"/>
        <source>Cannot attach the voice: %1</source>
        <translation>Die Stimme kann nicht angehängt werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="225"/>
        <source>Voice attached: %1</source>
        <translation>Stimme angehängt: %1</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="259"/>
        <location filename="../ui/speakers/speakers_panel.cpp" line="265"/>
        <source>Cannot write the trimmed voice: %1</source>
        <translation>Die zugeschnittene Stimme kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="269"/>
        <source>Trim voice of %1</source>
        <translation>Stimme von %1 zuschneiden</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="307"/>
        <source>Add a speaker for each voice in the scene.</source>
        <translation>Fügen Sie für jede Stimme der Szene einen Sprecher hinzu.</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="311"/>
        <source>%1 has no reference voice: the model picks one.</source>
        <translation>%1 hat keine Referenzstimme: das Modell wählt eine.</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="314"/>
        <source>mono</source>
        <translation>mono</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="315"/>
        <source>stereo</source>
        <translation>stereo</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="316"/>
        <source>%1 channels</source>
        <translation>%1 Kanäle</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="317"/>
        <source>%1 · %2 s · %3 kHz · %4</source>
        <translation>%1 · %2 s · %3 kHz · %4</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="343"/>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="348"/>
        <source>No audio output device: playback is unavailable</source>
        <translation>Kein Audio-Ausgabegerät: Wiedergabe nicht möglich</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="349"/>
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
        <location filename="../ui/timeline/timeline_panel.cpp" line="92"/>
        <source>No project is open.</source>
        <translation>Es ist kein Projekt geöffnet.</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="95"/>
        <source>%1: unknown kind of file (use .srt, .vtt, .ass or .txt)</source>
        <translation>%1: unbekannte Dateiart (verwenden Sie .srt, .vtt, .ass oder .txt)</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="99"/>
        <location filename="../ui/timeline/timeline_panel.cpp" line="107"/>
        <location filename="../ui/timeline/timeline_panel.cpp" line="122"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="103"/>
        <source>%1, line %2: %3</source>
        <translation>%1, Zeile %2: %3</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="110"/>
        <source>%1 holds no speech</source>
        <translation>%1 enthält keine Sprache</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="113"/>
        <source>Imported lines of speech: %1</source>
        <translation>Importierte Sprachzeilen: %1</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="127"/>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="133"/>
        <source>Import speech</source>
        <translation>Sprache importieren</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="134"/>
        <source>Subtitles and labels (*.srt *.vtt *.ass *.ssa *.txt)</source>
        <translation>Untertitel und Beschriftungen (*.srt *.vtt *.ass *.ssa *.txt)</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="135"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="143"/>
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
        <location filename="../ui/timeline/timeline_view.cpp" line="38"/>
        <source>Drag a block to move its speech, drag an edge to change when it starts or ends; arrow keys nudge the selected one</source>
        <translation>Einen Block ziehen, um seine Sprache zu verschieben, einen Rand ziehen, um Anfang oder Ende zu ändern; Pfeiltasten verschieben den ausgewählten</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_view.cpp" line="186"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_view.cpp" line="201"/>
        <source>No speaker</source>
        <translation>Kein Sprecher</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_view.cpp" line="206"/>
        <source>Marked speech appears here, one lane per speaker</source>
        <translation>Markierte Sprache erscheint hier, eine Spur pro Sprecher</translation>
    </message>
</context>
<context>
    <name>nava::ui::TrainingChart</name>
    <message>
        <location filename="../ui/training/training_chart.cpp" line="54"/>
        <location filename="../ui/training/training_chart.cpp" line="68"/>
        <source>loss</source>
        <translation>Loss</translation>
    </message>
    <message>
        <location filename="../ui/training/training_chart.cpp" line="55"/>
        <source>video loss</source>
        <translation>Video-Loss</translation>
    </message>
    <message>
        <location filename="../ui/training/training_chart.cpp" line="56"/>
        <source>audio loss</source>
        <translation>Audio-Loss</translation>
    </message>
    <message>
        <location filename="../ui/training/training_chart.cpp" line="57"/>
        <location filename="../ui/training/training_chart.cpp" line="71"/>
        <source>learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location filename="../ui/training/training_chart.cpp" line="65"/>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../ui/training/training_chart.cpp" line="85"/>
        <source>Loss and learning rate</source>
        <translation>Loss und Lernrate</translation>
    </message>
    <message>
        <location filename="../ui/training/training_chart.cpp" line="86"/>
        <source>Loss (left axis) and learning rate (right axis) for every step</source>
        <translation>Loss (linke Achse) und Lernrate (rechte Achse) für jeden Schritt</translation>
    </message>
</context>
<context>
    <name>nava::ui::TrainingPanel</name>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="85"/>
        <location filename="../ui/training/training_panel.cpp" line="91"/>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="90"/>
        <source>Folder of clips with captions, or a manifest</source>
        <translation>Ordner mit beschrifteten Clips oder ein Manifest</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="93"/>
        <source>A folder of clips, each with a caption file of the same name (clip.mp4 + clip.txt), or a JSON / JSON Lines manifest</source>
        <translation>Ein Ordner mit Clips, jeder mit einer gleichnamigen Beschriftungsdatei (clip.mp4 + clip.txt), oder ein JSON-/JSON-Lines-Manifest</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="95"/>
        <source>Folder…</source>
        <translation>Ordner…</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="96"/>
        <source>Choose a folder of clips</source>
        <translation>Einen Ordner mit Clips wählen</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="97"/>
        <source>Manifest…</source>
        <translation>Manifest…</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="98"/>
        <source>Choose a manifest file (JSON or JSON Lines)</source>
        <translation>Eine Manifestdatei wählen (JSON oder JSON Lines)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="105"/>
        <source>&amp;Check dataset</source>
        <translation>Datensatz &amp;prüfen</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="107"/>
        <source>Check that every clip exists, can be read and has a caption</source>
        <translation>Prüfen, ob jeder Clip existiert, lesbar ist und eine Beschriftung hat</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="115"/>
        <source>Validation report</source>
        <translation>Prüfbericht</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="117"/>
        <source>Item</source>
        <translation>Element</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="117"/>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="124"/>
        <source>Recipe</source>
        <translation>Rezept</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="129"/>
        <source>Training recipe (JSON)</source>
        <translation>Trainingsrezept (JSON)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="130"/>
        <source>Recipe file</source>
        <translation>Rezeptdatei</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="131"/>
        <source>The recipe: model, data, batch, steps, optimiser, checkpoints</source>
        <translation>Das Rezept: Modell, Daten, Batch, Schritte, Optimierer, Checkpoints</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="132"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="133"/>
        <source>Choose a recipe file</source>
        <translation>Eine Rezeptdatei wählen</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="136"/>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="145"/>
        <source>Which stage of a multi-stage recipe to run</source>
        <translation>Welche Stufe eines mehrstufigen Rezepts laufen soll</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="146"/>
        <source>&amp;Stage:</source>
        <translation>&amp;Stufe:</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="148"/>
        <source>&amp;LoRA</source>
        <translation>&amp;LoRA</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="149"/>
        <source>Train small low-rank adapters: fast, little memory, easy to share</source>
        <translation>Kleine Low-Rank-Adapter trainieren: schnell, wenig Speicher, leicht weiterzugeben</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="150"/>
        <source>F&amp;ull fine-tune</source>
        <translation>&amp;Volles Nachtraining</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="151"/>
        <source>Train every weight: the most capable, needs the most memory</source>
        <translation>Alle Gewichte trainieren: am leistungsfähigsten, braucht den meisten Speicher</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="158"/>
        <source>Method:</source>
        <translation>Methode:</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="162"/>
        <source>Processes to start, one per GPU (nava train --nproc)</source>
        <translation>Zu startende Prozesse, einer pro GPU (nava train --nproc)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="163"/>
        <source>&amp;Ranks:</source>
        <translation>&amp;Ranks:</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="166"/>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="167"/>
        <source>Start training (continues from the newest checkpoint, if any)</source>
        <translation>Training starten (setzt am neuesten Checkpoint fort, falls vorhanden)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="168"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="169"/>
        <source>Stop after the next checkpoint; Resume continues from it</source>
        <translation>Nach dem nächsten Checkpoint anhalten; Fortsetzen macht dort weiter</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="170"/>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="171"/>
        <source>Start again from the newest checkpoint</source>
        <translation>Ab dem neuesten Checkpoint neu starten</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="172"/>
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="173"/>
        <source>Stop now; progress since the last checkpoint is lost</source>
        <translation>Sofort anhalten; der Fortschritt seit dem letzten Checkpoint geht verloren</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="208"/>
        <source>Training progress</source>
        <translation>Trainingsfortschritt</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="221"/>
        <source>Samples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="225"/>
        <source>Sample clips</source>
        <translation>Beispielclips</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="226"/>
        <source>Clips the trainer renders as it goes; double-click to play</source>
        <translation>Clips, die der Trainer unterwegs erzeugt; Doppelklick zum Abspielen</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="233"/>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="237"/>
        <source>Training log</source>
        <translation>Trainingsprotokoll</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="291"/>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="296"/>
        <source>Training finished; model written to %1</source>
        <translation>Training beendet; Modell nach %1 geschrieben</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="346"/>
        <source>Whole recipe</source>
        <translation>Ganzes Rezept</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="360"/>
        <source>Dataset folder</source>
        <translation>Datensatzordner</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="368"/>
        <source>Dataset manifest</source>
        <translation>Datensatz-Manifest</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="369"/>
        <source>Manifests (*.jsonl *.json);;All files (*)</source>
        <translation>Manifeste (*.jsonl *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="376"/>
        <source>Training recipe</source>
        <translation>Trainingsrezept</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="378"/>
        <source>Recipes (*.json);;All files (*)</source>
        <translation>Rezepte (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="387"/>
        <source>Choose the recipe to train with.</source>
        <translation>Wählen Sie das Rezept für das Training.</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="396"/>
        <source>checkpoint interval %1</source>
        <translation>Checkpoint-Intervall %1</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="397"/>
        <source>a checkpoint at the end only</source>
        <translation>nur ein Checkpoint am Ende</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="398"/>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 steps, %3&lt;br&gt;Run folder: %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: %2 Schritte, %3&lt;br&gt;Laufordner: %4</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="409"/>
        <source>Cannot start: %1</source>
        <translation>Start nicht möglich: %1</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="439"/>
        <source>Training failed: %1</source>
        <translation>Training fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="443"/>
        <source>Finished: model written to %1</source>
        <translation>Fertig: Modell nach %1 geschrieben</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="459"/>
        <source>step %1 of %2</source>
        <translation>Schritt %1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="462"/>
        <source>%1 left</source>
        <translation>noch %1</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="470"/>
        <source>loss %1</source>
        <translation>Loss %1</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="472"/>
        <source>%1 samples/s</source>
        <translation>%1 Beispiele/s</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="473"/>
        <source>%1 tokens/s</source>
        <translation>%1 Tokens/s</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="474"/>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="499"/>
        <source>%1 clips, %2 with captions</source>
        <translation>%1 Clips, %2 mit Beschriftung</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="501"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="502"/>
        <source>errors: %1, warnings: %2</source>
        <translation>Fehler: %1, Warnungen: %2</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="506"/>
        <source>checked by: %1</source>
        <translation>geprüft von: %1</translation>
    </message>
</context>
<context>
    <name>nava::ui::TrainingSession</name>
    <message>
        <location filename="../ui/training/training_session.cpp" line="40"/>
        <source>not a recipe (JSON object): %1</source>
        <translation>kein Rezept (JSON-Objekt): %1</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="85"/>
        <source>step %1/%2</source>
        <translation>Schritt %1/%2</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="91"/>
        <source>resumed after step %1 (%2)</source>
        <translation>nach Schritt %1 fortgesetzt (%2)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="93"/>
        <source>done: model written to %1</source>
        <translation>fertig: Modell nach %1 geschrieben</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="105"/>
        <source>no recipe chosen</source>
        <translation>kein Rezept gewählt</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="119"/>
        <source>the recipe has no stage “%1”</source>
        <translation>das Rezept hat keine Stufe „%1“</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="149"/>
        <source>The trainer did not stop in time; killing it.</source>
        <translation>Der Trainer hat nicht rechtzeitig angehalten; er wird beendet.</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="193"/>
        <source>Not started</source>
        <translation>Nicht gestartet</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="195"/>
        <source>Training</source>
        <translation>Training läuft</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="197"/>
        <source>Pausing after the next checkpoint…</source>
        <translation>Pause nach dem nächsten Checkpoint…</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="199"/>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="201"/>
        <location filename="../ui/training/training_session.cpp" line="347"/>
        <source>Stopping…</source>
        <translation>Wird angehalten…</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="203"/>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="205"/>
        <source>Finished</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="207"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="258"/>
        <source>cannot create the run folder %1</source>
        <translation>der Laufordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="273"/>
        <source>a run is already going</source>
        <translation>es läuft bereits ein Training</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="277"/>
        <source>the trainer was not found: %1 (it is installed next to the studio)</source>
        <translation>der Trainer wurde nicht gefunden: %1 (er wird neben dem Studio installiert)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="329"/>
        <source>This recipe writes checkpoints only at the end: stopping now. The next start continues from the newest checkpoint there is.</source>
        <translation>Dieses Rezept schreibt Checkpoints nur am Ende: es wird jetzt angehalten. Der nächste Start setzt am neuesten vorhandenen Checkpoint fort.</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="337"/>
        <source>Pausing after the next checkpoint (checkpoint interval %1)…</source>
        <translation>Pause nach dem nächsten Checkpoint (Checkpoint-Intervall %1)…</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="372"/>
        <source>Checkpoint after step %1 written; pausing.</source>
        <translation>Checkpoint nach Schritt %1 geschrieben; wird pausiert.</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="453"/>
        <source>Paused after step %1. Resume continues from the newest checkpoint.</source>
        <translation>Nach Schritt %1 pausiert. Fortsetzen macht am neuesten Checkpoint weiter.</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="458"/>
        <source>Stopped after step %1.</source>
        <translation>Nach Schritt %1 angehalten.</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="467"/>
        <source>the trainer crashed</source>
        <translation>der Trainer ist abgestürzt</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="468"/>
        <source>the trainer exited with status %1</source>
        <translation>der Trainer wurde mit Status %1 beendet</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="469"/>
        <source>Training failed: %1</source>
        <translation>Training fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="478"/>
        <source>cannot start %1: %2</source>
        <translation>%1 kann nicht gestartet werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="538"/>
        <location filename="../ui/training/training_session.cpp" line="549"/>
        <source>studio checks</source>
        <translation>Prüfung durch das Studio</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="541"/>
        <source>Choose a dataset folder or manifest first.</source>
        <translation>Wählen Sie zuerst einen Datensatzordner oder ein Manifest.</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="553"/>
        <source>This trainer cannot check a recipe&apos;s data; choose the dataset folder or manifest to check it here.</source>
        <translation>Dieser Trainer kann die Daten eines Rezepts nicht prüfen; wählen Sie den Datensatzordner oder das Manifest, um es hier zu prüfen.</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="601"/>
        <source>the trainer found the data unusable (exit status %1)</source>
        <translation>der Trainer hält die Daten für unbrauchbar (Exit-Status %1)</translation>
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
        <location filename="../ui/speakers/waveform_view.cpp" line="82"/>
        <source>No voice attached — drop a sound or video file here</source>
        <translation>Keine Stimme angehängt — ziehen Sie eine Ton- oder Videodatei hierher</translation>
    </message>
</context>
</TS>
