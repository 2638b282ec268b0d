// Reference voices through FFmpeg: any sound or video file decodes (media::read_audio); from a
// video only the sound becomes the voice (stored as WAV in the project); sound files are kept
// as they are; files that are not media are refused with a message.
#include <QLabel>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include "clip_fixtures.h"
#include "media/capabilities.h"
#include "media/export.h"
#include "media/wav.h"
#include "ui/project/project_document.h"
#include "ui/project/speaker_model.h"
#include "ui/speakers/speakers_panel.h"
#include "ui/speakers/voice_decoder.h"

using namespace nava::ui;

class VoiceImportTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_video;  // MP4 with picture and sound
    QString m_m4a;    // sound only, AAC

private Q_SLOTS:
    void initTestCase() {
        if (!nava::media::capabilities().ffmpeg) QSKIP("this build has no FFmpeg");
        m_video = m_dir.filePath(QStringLiteral("interview.mp4"));
        nava::test::writeClip(m_video, 60, 12, true);  // 5 s
        m_m4a = m_dir.filePath(QStringLiteral("voice.m4a"));
        const auto sound = nava::test::tone(4.0, 44100, 180.0);
        nava::media::ExportOptions options;
        options.audio_sample_rate_hz = 44100;
        nava::media::export_mp4(m_m4a.toStdString(), nullptr, &sound, options);
    }

    void theDefaultDecoderReadsAnyMedia() {
        const auto decoder = makeDefaultVoiceDecoder();
        QVERIFY(dynamic_cast<FfmpegVoiceDecoder*>(decoder.get()) != nullptr);
        QVERIFY(decoder->nameFilters().contains(QStringLiteral("*.mp3")));
        QVERIFY(decoder->nameFilters().contains(QStringLiteral("*.mp4")));
        for (const char* name : {"a.wav", "a.flac", "a.mp3", "a.ogg", "a.m4a", "a.MP4", "a.mkv"})
            QVERIFY2(decoder->canDecode(QString::fromLatin1(name)), name);
        QVERIFY(!decoder->canDecode(QStringLiteral("a.png")));
        QVERIFY(!decoder->canDecode(QStringLiteral("a.txt")));
    }

    void decodesTheSoundOfAVideo() {
        FfmpegVoiceDecoder decoder;
        const DecodedAudio video = decoder.decode(m_video);
        QVERIFY2(video.ok(), qPrintable(video.error));
        QVERIFY(video.fromVideo);
        QVERIFY(std::abs(video.audio.duration_s() - 5.0) < 0.05);
        QCOMPARE(video.audio.channels, 2);
        const DecodedAudio m4a = decoder.decode(m_m4a);
        QVERIFY2(m4a.ok(), qPrintable(m4a.error));
        QVERIFY(!m4a.fromVideo);
        QCOMPARE(m4a.audio.sample_rate_hz, 44100);
        QVERIFY(std::abs(m4a.audio.duration_s() - 4.0) < 0.05);
        const DecodedAudio missing = decoder.decode(m_dir.filePath(QStringLiteral("none.mp3")));
        QVERIFY(!missing.ok());
    }

    void attachesVoicesFromVideosAndSoundFiles() {
        ProjectDocument doc(m_dir.filePath(QStringLiteral("project")));
        SpeakersPanel panel;
        panel.setDocument(&doc);
        // 1. A video: its sound only, as WAV.
        QVERIFY(panel.attachVoiceFile(QString(), m_video));
        QCOMPARE(doc.speakers()->rowCount(), 1);
        const SpeakerData first = doc.speakers()->at(0);
        QVERIFY2(first.voiceFile.endsWith(QStringLiteral(".wav")), qPrintable(first.voiceFile));
        const auto stored = nava::media::read_wav(doc.voicePath(first).toStdString());
        QVERIFY(std::abs(stored.duration_s() - 5.0) < 0.05);
        // 2. A sound file: kept as it is.
        const QString second = doc.addSpeaker(QStringLiteral("Leo"));
        QVERIFY(panel.attachVoiceFile(second, m_m4a));
        QVERIFY(doc.speakers()->byId(second)->voiceFile.endsWith(QStringLiteral(".m4a")));
        // 3. Not media: refused, and the panel says why.
        const QString bogus = m_dir.filePath(QStringLiteral("bogus.mp3"));
        QFile f(bogus);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("definitely not audio");
        f.close();
        QVERIFY(!panel.attachVoiceFile(second, bogus));
        QVERIFY(panel.warningsLabel()->text().contains(QStringLiteral("bogus.mp3")));
        QVERIFY(doc.speakers()->byId(second)->voiceFile.endsWith(QStringLiteral(".m4a")));
    }
};

QTEST_MAIN(VoiceImportTest)
#include "test_ui_voice_import.moc"
