// Projects: every kind of edit undoes and redoes exactly; `.nava` files round-trip with voice
// clips copied beside them and checked by SHA-256; the autosave side file brings back unsaved
// work after a crash (saved and untitled projects).
#include <cmath>
#include <memory>

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest/QtTest>

#include "media/wav.h"
#include "ui/project/project_document.h"
#include "ui/project/project_file.h"
#include "ui/project/request_builder.h"
#include "ui/project/span_model.h"
#include "ui/project/speaker_model.h"

using namespace nava::ui;

namespace {

void writeTone(const QString& path, double seconds, double hz) {
    nava::media::AudioBuffer audio;
    audio.sample_rate_hz = 16000;
    audio.channels = 1;
    const int n = int(seconds * audio.sample_rate_hz);
    for (int i = 0; i < n; ++i)
        audio.samples.push_back(float(0.3 * std::sin(2 * M_PI * hz * i / audio.sample_rate_hz)));
    nava::media::write_wav(path.toStdString(), audio);
}

// Everything a user can change, as one comparable string.
QString stateOf(const ProjectDocument& doc) {
    QString s = doc.prompt() + u'|' + doc.negativePrompt() + u'|';
    for (const SpanRow& r : doc.spans()->rows())
        s += QStringLiteral("[%1,%2,%3,%4]")
                 .arg(r.text, r.data.speakerId)
                 .arg(r.data.startMs)
                 .arg(r.data.endMs);
    for (const SpeakerData& sp : doc.speakers()->speakers())
        s += QStringLiteral("{%1,%2,%3,%4,%5}")
                 .arg(sp.id, sp.name, sp.color.name(), sp.voiceFile, sp.voiceSha256);
    s += QString::fromUtf8(QJsonDocument(settingsToJson(doc.settings())).toJson());
    return s;
}

}  // namespace

class ProjectTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_voiceA;
    QString m_voiceB;

    QString path(const QString& name) const { return m_dir.filePath(name); }

    // A project with two speakers (one with a voice) and two spans.
    std::unique_ptr<ProjectDocument> makeProject(const QString& staging) {
        auto doc = std::make_unique<ProjectDocument>(staging);
        doc->setPrompt(
            QStringLiteral("Two friends at a table. Anna says hello there and Ben answers hi."));
        const QString anna = doc->addSpeaker(QStringLiteral("Anna"));
        const QString ben = doc->addSpeaker(QStringLiteral("Ben"));
        QString error;
        if (!doc->attachVoice(anna, m_voiceA, &error)) qWarning() << error;
        doc->markSpeech({34, 11}, anna);  // "hello there"
        doc->markSpeech({62, 2}, ben);    // "hi"
        return doc;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_voiceA = path(QStringLiteral("anna voice.wav"));
        m_voiceB = path(QStringLiteral("ben.wav"));
        writeTone(m_voiceA, 4.0, 220.0);
        writeTone(m_voiceB, 2.0, 330.0);
    }

    void buildsTheTestProject() {
        auto doc = makeProject(path(QStringLiteral("staging-build")));
        QCOMPARE(
            doc->prompt(),
            QStringLiteral(
                "Two friends at a table. Anna says <S>hello there<E> and Ben answers <S>hi<E>."));
        QCOMPARE(doc->spans()->rowCount(), 2);
        QCOMPARE(doc->spans()->at(1).data.speakerId, doc->speakers()->at(1).id);
        QVERIFY(doc->speakers()->at(0).voiceFile.startsWith(QStringLiteral("voices/anna_voice-")));
        QVERIFY(QFile::exists(doc->voicePath(doc->speakers()->at(0))));
    }

    void undoesAndRedoesEveryEditKind() {
        auto doc = makeProject(path(QStringLiteral("staging-undo")));
        const QString anna = doc->speakers()->at(0).id;
        const QString ben = doc->speakers()->at(1).id;
        QUndoStack* stack = doc->undoStack();
        struct Edit {
            const char* name;
            std::function<void()> apply;
        };
        GenerationSettings wide = doc->settings();
        wide.width = 640;
        wide.height = 352;
        wide.seedMode = SeedMode::increment;
        const QVector<Edit> edits = {
            {"type in raw view",
             [&] { doc->setPrompt(doc->prompt() + QStringLiteral(" The end.")); }},
            {"mark",
             [&] {
                 doc->markSpeech({0, 3}, ben);
             }},
            {"unmark",
             [&] {
                 doc->unmarkSpeech({0, 0});
             }},
            {"assign speaker", [&] { doc->setSpanSpeaker(0, ben); }},
            {"move span", [&] { doc->setSpanTiming(1, 2500, 3100); }},
            {"negative prompt", [&] { doc->setNegativePrompt(QStringLiteral("blurry")); }},
            {"add speaker", [&] { doc->addSpeaker(QStringLiteral("Cleo")); }},
            {"rename speaker", [&] { doc->renameSpeaker(ben, QStringLiteral("Benjamin")); }},
            {"attach voice",
             [&] {
                 QString e;
                 QVERIFY(doc->attachVoice(ben, m_voiceB, &e));
             }},
            {"trim voice",
             [&] {
                 doc->setSpeakerVoice(anna, QStringLiteral("voices/t.wav"), QStringLiteral("00"),
                                      QStringLiteral("Trim"));
             }},
            {"remove speaker", [&] { doc->removeSpeaker(anna); }},
            {"settings", [&] { doc->setSettings(wide, QStringLiteral("Resolution")); }},
            {"rich edit",
             [&] {
                 PromptState s = doc->promptState();
                 s.raw.prepend(QStringLiteral("Night. "));
                 doc->setPromptState(s, QStringLiteral("Edit prompt"), false);
             }},
            {"import subtitles",
             [&] {
                 doc->importCues({{0, 900, QStringLiteral("Dora"), QStringLiteral("New words")},
                                  {1000, 1800, QStringLiteral("Ben"), QStringLiteral("More")},
                                  {2000, 2600, QString(), QStringLiteral("Extra")}});
             }},
        };
        for (const Edit& edit : edits) {
            const QString before = stateOf(*doc);
            const int index = stack->index();
            edit.apply();
            const QString after = stateOf(*doc);
            QVERIFY2(after != before, edit.name);
            QCOMPARE(stack->index(), index + 1);  // exactly one undo step
            stack->undo();
            QVERIFY2(stateOf(*doc) == before, edit.name);
            stack->redo();
            QVERIFY2(stateOf(*doc) == after, edit.name);
        }
        // The import created a speaker for the unknown name and bound the spans by name.
        QVERIFY(doc->speakers()->rowOfName(QStringLiteral("Dora")) >= 0);
        QCOMPARE(doc->spans()->rowCount(), 3);
        QCOMPARE(doc->spans()->at(2).text, QStringLiteral("Extra"));
        // All the way back and forth.
        while (stack->canUndo())
            stack->undo();
        QCOMPARE(doc->prompt(), QString());
        QCOMPARE(doc->speakers()->rowCount(), 0);
    }

    void typingMergesIntoOneStep() {
        ProjectDocument doc(path(QStringLiteral("staging-typing")));
        doc.setPrompt(QStringLiteral("a"));
        doc.setPrompt(QStringLiteral("ab"));
        doc.setPrompt(QStringLiteral("abc"));
        QCOMPARE(doc.undoStack()->count(), 1);
        doc.undoStack()->undo();
        QCOMPARE(doc.prompt(), QString());
    }

    void removingASpeakerFreesItsSpans() {
        auto doc = makeProject(path(QStringLiteral("staging-remove")));
        const QString anna = doc->speakers()->at(0).id;
        doc->removeSpeaker(anna);
        QCOMPARE(doc->spans()->at(0).data.speakerId, QString());
        doc->undoStack()->undo();
        QCOMPARE(doc->spans()->at(0).data.speakerId, anna);
    }

    void savesAndOpensWithVoiceHashes() {
        auto doc = makeProject(path(QStringLiteral("staging-save")));
        doc->setNegativePrompt(QStringLiteral("low quality"));
        doc->setSpanTiming(0, 400, 1900);
        QVERIFY(doc->isModified());
        const QString file = path(QStringLiteral("saved/scene"));
        QString error;
        QVERIFY2(doc->save(file, &error), qPrintable(error));
        QCOMPARE(doc->filePath(), path(QStringLiteral("saved/scene.nava")));
        QVERIFY(!doc->isModified());
        const SpeakerData anna = doc->speakers()->at(0);
        const QString copied = path(QStringLiteral("saved/")) + anna.voiceFile;
        QVERIFY(QFile::exists(copied));
        QCOMPARE(sha256OfFile(copied), sha256OfFile(m_voiceA));
        QCOMPARE(anna.voiceSha256, sha256OfFile(m_voiceA));
        QVERIFY(!QFile::exists(autosavePathFor(doc->filePath())));

        ProjectDocument reopened(path(QStringLiteral("staging-unused")));
        QStringList warnings;
        QVERIFY2(reopened.open(doc->filePath(), OpenChoice::savedFile, &error, &warnings),
                 qPrintable(error));
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
        QCOMPARE(stateOf(reopened), stateOf(*doc));
        QCOMPARE(reopened.id(), doc->id());
        QVERIFY(!reopened.isModified());
        QVERIFY(!reopened.undoStack()->canUndo());
        QCOMPARE(reopened.voicePath(reopened.speakers()->at(0)), copied);

        // A changed clip and a missing clip are reported by name.
        QFile f(copied);
        QVERIFY(f.open(QIODevice::Append));
        f.write("x");
        f.close();
        ProjectDocument changed(path(QStringLiteral("staging-unused")));
        QVERIFY(changed.open(doc->filePath(), OpenChoice::savedFile, &error, &warnings));
        QCOMPARE(warnings.size(), 1);
        QVERIFY(warnings[0].contains(QStringLiteral("Anna")));
        QVERIFY(QFile::remove(copied));
        warnings.clear();
        ProjectDocument missing(path(QStringLiteral("staging-unused")));
        QVERIFY(missing.open(doc->filePath(), OpenChoice::savedFile, &error, &warnings));
        QCOMPARE(warnings.size(), 1);
        QVERIFY(warnings[0].contains(QStringLiteral("missing")));
    }

    void refusesFilesThatAreNotProjects() {
        const QString bad = path(QStringLiteral("bad.nava"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"prompt\": 3");
        f.close();
        ProjectDocument doc(path(QStringLiteral("staging-bad")));
        QString error;
        QVERIFY(!doc.open(bad, OpenChoice::savedFile, &error, nullptr));
        QVERIFY(error.contains(QStringLiteral("not a NAVA project")));
        QVERIFY(
            !doc.open(path(QStringLiteral("absent.nava")), OpenChoice::savedFile, &error, nullptr));
    }

    void recoversASavedProjectAfterACrash() {
        const QString file = path(QStringLiteral("crash/scene.nava"));
        QString savedState, editedState;
        {
            auto doc = makeProject(path(QStringLiteral("staging-crash")));
            QString error;
            QVERIFY(doc->save(file, &error));
            savedState = stateOf(*doc);
            doc->setPrompt(doc->prompt() + QStringLiteral(" Rain starts."));
            doc->renameSpeaker(doc->speakers()->at(1).id, QStringLiteral("Bernd"));
            editedState = stateOf(*doc);
            QVERIFY(QFile::exists(doc->autosavePath()));
            // The process dies here: no save, no discard.
        }
        QVERIFY(hasRecoverableAutosave(file));
        ProjectDocument restored(path(QStringLiteral("staging-unused")));
        QString error;
        QVERIFY(restored.open(file, OpenChoice::autosave, &error, nullptr));
        QCOMPARE(stateOf(restored), editedState);
        QVERIFY(restored.isModified());
        QCOMPARE(restored.filePath(), file);

        // Declining the recovery opens the saved file and forgets the autosave.
        ProjectDocument declined(path(QStringLiteral("staging-unused")));
        QVERIFY(declined.open(file, OpenChoice::savedFile, &error, nullptr));
        QCOMPARE(stateOf(declined), savedState);
        QVERIFY(!hasRecoverableAutosave(file));
    }

    void recoversAnUntitledProjectAfterACrash() {
        const QString root = path(QStringLiteral("untitled"));
        QString editedState;
        {
            auto doc = makeProject(root + QStringLiteral("/first"));
            editedState = stateOf(*doc);
        }
        const QStringList found = findUntitledAutosaves(root);
        QCOMPARE(found.size(), 1);
        ProjectDocument restored(QString{});
        QString error;
        QStringList warnings;
        QVERIFY(restored.openRecoveredUntitled(found[0], &error, &warnings));
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
        QCOMPARE(stateOf(restored), editedState);
        QVERIFY(restored.isUntitled());
        QVERIFY(restored.isModified());
        QVERIFY(QFile::exists(restored.voicePath(restored.speakers()->at(0))));
        // Closing without saving on purpose leaves nothing to recover.
        restored.discardRecoveryData();
        QVERIFY(findUntitledAutosaves(root).isEmpty());
    }

    void undoingToTheSavedStateDropsTheAutosave() {
        ProjectDocument doc(path(QStringLiteral("staging-clean")));
        QString error;
        QVERIFY(doc.save(path(QStringLiteral("clean.nava")), &error));
        doc.setPrompt(QStringLiteral("changed"));
        QVERIFY(QFile::exists(doc.autosavePath()));
        doc.undoStack()->undo();
        QVERIFY(!doc.isModified());
        QVERIFY(!QFile::exists(doc.autosavePath()));
    }

    void buildsTheEngineRequest() {
        auto doc = makeProject(path(QStringLiteral("staging-request")));
        GenerationSettings s = doc->settings();
        s.durationS = 4.0;
        doc->setSettings(s, QStringLiteral("Duration"));
        const RequestBuild build = buildRequest(*doc, 7, path(QStringLiteral("out.mp4")));
        QVERIFY2(build.ok(), qPrintable(build.errors.join(u'\n')));
        const auto& r = build.request;
        QCOMPARE(QString::fromStdString(r.prompt), doc->prompt());
        QCOMPARE(int(r.spans.size()), 2);
        QCOMPARE(QString::fromStdString(r.spans[1].text), QStringLiteral("hi"));
        QCOMPARE(QString::fromStdString(r.spans[1].speaker_id), doc->speakers()->at(1).id);
        QCOMPARE(int(r.speakers.size()), 2);
        QCOMPARE(QString::fromStdString(r.speakers[0].voice_sha256), sha256OfFile(m_voiceA));
        QCOMPARE(r.latent_frames, 25);  // 6 * 4 + 1
        QCOMPARE(r.seed, 7u);
        // Malformed markers block the request.
        doc->setPrompt(doc->prompt() + QStringLiteral(" <S>oops"));
        QVERIFY(!buildRequest(*doc, 7, QString()).ok());
    }

    void snapsDurationsToTheLatentGrid() {
        QCOMPARE(snapDuration(5.0).latentFrames, 31);
        QCOMPARE(snapDuration(5.0).videoFrames, 121);
        QCOMPARE(snapDuration(6.0).latentFrames, 37);
        QCOMPARE(snapDuration(5.08).seconds, 5.0);
        QCOMPARE(snapDuration(5.1).latentFrames, 32);
        QCOMPARE(snapDuration(0.1).seconds, kMinDurationS);
        QCOMPARE(snapDuration(1e9).seconds, kMaxDurationS);
    }
};

QTEST_GUILESS_MAIN(ProjectTest)
#include "test_ui_project.moc"
