<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>nava::ui::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="15"/>
        <source>NAVA Studio</source>
        <translation>NAVA Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="20"/>
        <source>Write a scene prompt, mark who speaks, attach voices.</source>
        <translation>Schreiben Sie eine Szenenbeschreibung, markieren Sie, wer spricht, und fügen Sie Stimmen hinzu.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="21"/>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="22"/>
        <source>Generation jobs appear here.</source>
        <translation>Hier erscheinen die Generierungsaufträge.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="22"/>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="23"/>
        <source>Every clip you make is kept here.</source>
        <translation>Hier wird jeder erstellte Clip aufbewahrt.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="23"/>
        <source>Gallery</source>
        <translation>Galerie</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="24"/>
        <source>Fine-tune the model on your own footage.</source>
        <translation>Trainieren Sie das Modell mit Ihrem eigenen Material nach.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="24"/>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="28"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="32"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="33"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="37"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="38"/>
        <source>&amp;About NAVA Studio</source>
        <translation>Ü&amp;ber NAVA Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="40"/>
        <source>About NAVA Studio</source>
        <translation>Über NAVA Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="41"/>
        <source>NAVA Studio makes short clips whose picture and sound are generated together.</source>
        <translation>NAVA Studio erstellt kurze Clips, deren Bild und Ton gemeinsam generiert werden.</translation>
    </message>
</context>
</TS>
