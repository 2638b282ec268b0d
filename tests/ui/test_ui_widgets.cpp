// The Create tab's widgets on a real project: marking words <-> raw text in both directions,
// typing around spans, voices (warnings, trimming), duration snapping, timeline import/export
// and dragging, settings stored through the typed settings class.
#include <cmath>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QTemporaryDir>
#include <QTextCursor>
#include <QUndoStack>
#include <QtTest/QtTest>

#include "media/wav.h"
#include "ui/generation/generation_panel.h"
#include "ui/generation/model_packages.h"
#include "ui/project/project_document.h"
#include "ui/project/span_model.h"
#include "ui/project/speaker_model.h"
#include "ui/prompt/prompt_editor.h"
#include "ui/prompt/prompt_edits_widgets.h"
#include "ui/settings/app_settings.h"
#include "ui/speakers/speakers_panel.h"
#include "ui/speakers/voice_analysis.h"
#include "ui/speakers/voice_player.h"
#include "ui/speakers/waveform_view.h"
#include "ui/timeline/timeline_panel.h"
#include "ui/timeline/timeline_view.h"

using namespace nava::ui;

namespace {

void writeTone(const QString& path, double seconds, double amplitude = 0.3) {
    nava::media::AudioBuffer audio;
    audio.sample_rate_hz = 16000;
    audio.channels = 1;
    for (int i = 0; i < int(seconds * 16000); ++i)
        audio.samples.push_back(float(amplitude * std::sin(2 * M_PI * 200.0 * i / 16000)));
    nava::media::write_wav(path.toStdString(), audio);
}

void select(QTextEdit* edit, int start, int end) {
    QTextCursor c(edit->document());
    c.setPosition(start);
    c.setPosition(end, QTextCursor::KeepAnchor);
    edit->setTextCursor(c);
}

}  // namespace

class WidgetsTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void marksWordsAndKeepsRawTextInSync() {
        ProjectDocument doc(m_dir.filePath(QStringLiteral("p1")));
        const QString anna = doc.addSpeaker(QStringLiteral("Anna"));
        PromptEditor editor;
        editor.setDocument(&doc);
        editor.show();
        MarkedTextEdit* marked = editor.markedView();
        marked->setFocus();
        QTest::keyClicks(marked, QStringLiteral("She says hello there."));
        QCOMPARE(doc.prompt(), QStringLiteral("She says hello there."));
        QCOMPARE(editor.rawView()->toPlainText(), doc.prompt());

        // Marked view -> raw: select "ello ther" and mark it (grown to whole words).
        select(marked, 10, 19);
        editor.speakerPicker()->setCurrentIndex(0);
        QVERIFY(editor.markSelection());
        QCOMPARE(doc.prompt(), QStringLiteral("She says <S>hello there<E>."));
        QCOMPARE(editor.rawView()->toPlainText(), doc.prompt());
        QCOMPARE(doc.spans()->at(0).data.speakerId, anna);
        QCOMPARE(marked->extraSelections().size(), 1);
        QCOMPARE(marked->toPlainText(), QStringLiteral("She says hello there."));

        // Typing inside the span grows it; typing right after it stays outside.
        QTextCursor c = marked->textCursor();
        c.setPosition(14);  // after "hello"
        marked->setTextCursor(c);
        QTest::keyClicks(marked, QStringLiteral(","));
        QCOMPARE(doc.prompt(), QStringLiteral("She says <S>hello, there<E>."));
        c.setPosition(21);  // after "there"
        marked->setTextCursor(c);
        QTest::keyClicks(marked, QStringLiteral("!"));
        QCOMPARE(doc.prompt(), QStringLiteral("She says <S>hello, there<E>!."));
        QCOMPARE(doc.spans()->at(0).data.speakerId, anna);

        // Raw -> marked: a second span typed with markers becomes a highlight.
        editor.showRawView(true);
        editor.rawView()->setPlainText(doc.prompt() + QStringLiteral(" He: <S>bye<E>"));
        QCOMPARE(marked->toPlainText(), QStringLiteral("She says hello, there!. He: bye"));
        QCOMPARE(marked->extraSelections().size(), 2);
        QCOMPARE(doc.spans()->rowCount(), 2);
        QCOMPARE(doc.spans()->at(0).data.speakerId, anna);  // kept through the raw edit
        QCOMPARE(doc.spans()->at(1).data.speakerId, QString());
        // The span without a speaker is reported inline.
        QVERIFY(editor.findChild<QLabel*>(QStringLiteral("promptIssues"))
                    ->text()
                    .contains(QStringLiteral("no speaker")));

        // A broken marker is an error, shown under the editor and in the raw view.
        editor.rawView()->setPlainText(doc.prompt() + QStringLiteral(" <S>oops"));
        QVERIFY(editor.findChild<QLabel*>(QStringLiteral("promptIssues"))
                    ->text()
                    .contains(QStringLiteral("never closed")));
        QVERIFY(!editor.rawView()->extraSelections().isEmpty());

        // Undo goes back through every step and the views follow.
        while (doc.undoStack()->index() > 1)
            doc.undoStack()->undo();
        QCOMPARE(marked->toPlainText(), QString());
        QCOMPARE(editor.rawView()->toPlainText(), QString());
        doc.undoStack()->redo();
        QCOMPARE(marked->toPlainText(), QStringLiteral("She says hello there."));
    }

    void unmarksAndCountsTokens() {
        ProjectDocument doc(m_dir.filePath(QStringLiteral("p2")));
        doc.setPrompt(QStringLiteral("A <S>word<E> here"));
        PromptEditor editor;
        editor.setDocument(&doc);
        select(editor.markedView(), 3, 3);
        QVERIFY(editor.unmarkSelection());
        QCOMPARE(doc.prompt(), QStringLiteral("A word here"));
        const QString counts = editor.findChild<QLabel*>(QStringLiteral("promptCounts"))->text();
        QVERIFY2(counts.contains(QStringLiteral("/ 512")), qPrintable(counts));
        QString longPrompt;
        for (int i = 0; i < 600; ++i)
            longPrompt += QStringLiteral("word ");
        doc.setPrompt(longPrompt);
        QVERIFY(editor.findChild<QLabel*>(QStringLiteral("promptCounts"))
                    ->text()
                    .contains(QStringLiteral("too long")));
    }

    void attachesChecksAndTrimsVoices() {
        const QString shortVoice = m_dir.filePath(QStringLiteral("short.wav"));
        const QString longVoice = m_dir.filePath(QStringLiteral("long voice.wav"));
        writeTone(shortVoice, 2.0);
        writeTone(longVoice, 12.0);
        ProjectDocument doc(m_dir.filePath(QStringLiteral("p3")));
        SpeakersPanel panel;
        panel.setDocument(&doc);
        // Dropping a voice with no speaker yet creates one.
        QVERIFY(panel.attachVoiceFile(QString(), shortVoice));
        QCOMPARE(doc.speakers()->rowCount(), 1);
        QVERIFY(panel.warningsLabel()->text().contains(QStringLiteral("Only 2.0 s")));
        const QString id = panel.currentSpeakerId();
        QVERIFY(panel.attachVoiceFile(id, longVoice));
        QVERIFY(panel.warningsLabel()->text().contains(QStringLiteral("12.0 s long")));
        QCOMPARE(panel.waveform()->durationMs(), 12000);
        // A file that is not audio is refused with a message; the voice stays.
        const QString bogus = m_dir.filePath(QStringLiteral("bogus.wav"));
        QFile f(bogus);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a wav file at all");
        f.close();
        QVERIFY(!panel.attachVoiceFile(id, bogus));
        QVERIFY(doc.speakers()->at(0).voiceFile.contains(QStringLiteral("long_voice")));
        // Trim to 2.5 s .. 7.5 s.
        panel.waveform()->setSelection(2500, 7500);
        QVERIFY(panel.trimToSelection());
        QCOMPARE(panel.waveform()->durationMs(), 5000);
        QVERIFY(panel.warningsLabel()->text().isEmpty());
        const SpeakerData trimmed = doc.speakers()->at(0);
        QVERIFY(QFile::exists(doc.voicePath(trimmed)));
        doc.undoStack()->undo();
        QCOMPARE(panel.waveform()->durationMs(), 12000);
        // Playback is offered only with an audio output device.
        QCOMPARE(panel.playAction()->isEnabled(), VoicePlayer().isAvailable());
    }

    void analysesLevels() {
        nava::media::AudioBuffer clipped;
        clipped.sample_rate_hz = 8000;
        clipped.channels = 1;
        clipped.samples.assign(8000 * 4, 1.0f);
        const auto w = voiceWarnings(analyseVoice(clipped));
        QVERIFY(w.contains(VoiceWarning::clipping));
        nava::media::AudioBuffer silent = clipped;
        std::fill(silent.samples.begin(), silent.samples.end(), 0.0f);
        QVERIFY(voiceWarnings(analyseVoice(silent)).contains(VoiceWarning::silent));
        QCOMPARE(trimAudio(clipped, 1000, 500).frames(), 4000);
    }

    void snapsTheDurationAndUndoesSettings() {
        ProjectDocument doc(m_dir.filePath(QStringLiteral("p4")));
        GenerationPanel panel;
        panel.setDocument(&doc);
        panel.durationBox()->setValue(5.1);
        QCOMPARE(doc.settings().durationS, 31.0 / 6.0);
        QCOMPARE(panel.durationBox()->value(), 5.17);
        panel.aspectBox()->setCurrentText(QStringLiteral("9:16"));
        QCOMPARE(panel.aspectBox()->currentText(), QStringLiteral("9:16"));
        Q_EMIT panel.aspectBox()->activated(panel.aspectBox()->currentIndex());
        QCOMPARE(doc.settings().width, 704);
        QCOMPARE(doc.settings().height, 1280);
        doc.undoStack()->undo();
        QCOMPARE(doc.settings().width, 1280);
        QCOMPARE(panel.sizeBox()->currentData().toSize(), QSize(1280, 704));
        doc.undoStack()->undo();
        QCOMPARE(panel.durationBox()->value(), 5.0);
    }

    void findsModelPackages() {
        QDir root(m_dir.filePath(QStringLiteral("models")));
        QVERIFY(root.mkpath(QStringLiteral("nava-6b")));
        QVERIFY(root.mkpath(QStringLiteral("empty")));
        QFile f(root.filePath(QStringLiteral("nava-6b/config.json")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        const auto found = findModelPackages({root.path()});
        QCOMPARE(found.size(), 1);
        QCOMPARE(found[0].name, QStringLiteral("nava-6b"));
        GenerationPanel panel;
        panel.setModelFolders({root.path()});
        QCOMPARE(panel.packageBox()->count(), 2);  // embedded + found
    }

    void importsExportsAndDragsOnTheTimeline() {
        ProjectDocument doc(m_dir.filePath(QStringLiteral("p5")));
        doc.setPrompt(QStringLiteral("Two people talk."));
        TimelinePanel panel;
        panel.setDocument(&doc);
        panel.resize(800, 200);
        panel.show();
        const QString srt = m_dir.filePath(QStringLiteral("in.srt"));
        QFile f(srt);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            "1\n00:00:00,500 --> 00:00:01,500\nAnna: Hi Ben.\n\n"
            "2\n00:00:01,200 --> 00:00:02,000\nAnna: Anyone?\n\n"
            "3\n00:00:02,500 --> 00:00:03,000\nBen: Hi.\n");
        f.close();
        QString error;
        QVERIFY2(panel.importFile(srt, &error), qPrintable(error));
        QCOMPARE(doc.speakers()->rowCount(), 2);
        QCOMPARE(doc.prompt(),
                 QStringLiteral("Two people talk. <S>Hi Ben.<E> <S>Anyone?<E> <S>Hi.<E>"));
        QCOMPARE(panel.view()->laneCount(), 2);
        // Anna's two lines overlap: shown as a problem.
        QVERIFY(panel.issuesLabel()->text().contains(QStringLiteral("at the same time")));
        // Export and read back.
        const QString vtt = m_dir.filePath(QStringLiteral("out.vtt"));
        QVERIFY(panel.exportFile(vtt, SubtitleFormat::webVtt, &error));
        QFile out(vtt);
        QVERIFY(out.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(out.readAll());
        QVERIFY(text.contains(QStringLiteral("<v Ben>Hi.")));
        // A malformed file names its line and changes nothing.
        const QString bad = m_dir.filePath(QStringLiteral("bad.srt"));
        QFile b(bad);
        QVERIFY(b.open(QIODevice::WriteOnly));
        b.write("1\n00:00:01 --> nonsense\nx\n");
        b.close();
        const QString before = doc.prompt();
        QVERIFY(!panel.importFile(bad, &error));
        QVERIFY(error.contains(QStringLiteral("line 2")));
        QCOMPARE(doc.prompt(), before);
        QVERIFY(panel.issuesLabel()->text().contains(QStringLiteral("line 2")));
        // Dragging Anna's second line to the right moves it (one undo step).
        TimelineView* view = panel.view();
        const QRect r = view->spanRect(1);
        QVERIFY(r.isValid());
        const int stepsBefore = doc.undoStack()->index();
        QTest::mousePress(view, Qt::LeftButton, {}, r.center());
        QTest::mouseMove(view, r.center() + QPoint(60, 0));
        QTest::mouseRelease(view, Qt::LeftButton, {}, r.center() + QPoint(60, 0));
        QCOMPARE(doc.undoStack()->index(), stepsBefore + 1);
        QVERIFY(doc.spans()->at(1).data.startMs > 1200);
        QCOMPARE(doc.spans()->at(1).data.endMs - doc.spans()->at(1).data.startMs, 800);
        QCOMPARE(view->selectedSpan(), 1);
        view->setFocus();
        // Arrow keys nudge the selected span by 100 ms.
        const qint64 start = doc.spans()->at(1).data.startMs;
        QTest::keyClick(view, Qt::Key_Left);
        QCOMPARE(doc.spans()->at(1).data.startMs, start - 100);
    }

    void storesTypedSettings() {
        const QString ini = m_dir.filePath(QStringLiteral("settings.ini"));
        {
            AppSettings s(ini);
            QCOMPARE(s.defaultMemoryProfile(), QStringLiteral("auto"));
            QCOMPARE(s.theme(), Theme::system);
            s.setModelFolders({QStringLiteral("/models")});
            s.setTheme(Theme::dark);
            s.setLanguage(QStringLiteral("de"));
            s.setRewriteEndpoint({QUrl(QStringLiteral("http://localhost:8000/v1")),
                                  QStringLiteral("qwen"), QStringLiteral("key")});
            for (int i = 0; i < 12; ++i) {
                const QString file = m_dir.filePath(QStringLiteral("r%1.nava").arg(i));
                QFile f(file);
                QVERIFY(f.open(QIODevice::WriteOnly));
                s.addRecentFile(file);
            }
            s.sync();
        }
        AppSettings s(ini);
        QCOMPARE(s.modelFolders(), QStringList{QStringLiteral("/models")});
        QCOMPARE(s.theme(), Theme::dark);
        QCOMPARE(s.language(), QStringLiteral("de"));
        QVERIFY(s.rewriteEndpoint().isConfigured());
        QCOMPARE(s.rewriteEndpoint().model, QStringLiteral("qwen"));
        QCOMPARE(s.recentFiles().size(), AppSettings::kMaxRecentFiles);
        QVERIFY(s.recentFiles().first().endsWith(QStringLiteral("r11.nava")));
    }
};

QTEST_MAIN(WidgetsTest)
#include "test_ui_widgets.moc"
