// Subtitle and label files: every format round-trips the cues (speaker included), reads what
// other tools write, and answers malformed input with a message and a line, never a crash.
#include <QRandomGenerator>
#include <QtTest/QtTest>

#include "ui/timeline/subtitle_formats.h"

using namespace nava::ui;

Q_DECLARE_METATYPE(nava::ui::SubtitleFormat)

namespace {

QVector<SubtitleCue> sampleCues() {
    return {
        {0, 1250, QStringLiteral("Alice"), QStringLiteral("You knew this would happen.")},
        {1500, 4020, QStringLiteral("Bob"),
         QStringLiteral("I kept quiet, because you were not ready.")},
        {4100, 5000, QString(), QStringLiteral("(door slams) & then <silence>")},
        {3723450, 3725000, QStringLiteral("王小明"), QStringLiteral("你好，再见。")},
    };
}

}  // namespace

class SubtitlesTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTrips_data() {
        QTest::addColumn<SubtitleFormat>("format");
        QTest::newRow("srt") << SubtitleFormat::srt;
        QTest::newRow("vtt") << SubtitleFormat::webVtt;
        QTest::newRow("ass") << SubtitleFormat::ass;
        QTest::newRow("audacity") << SubtitleFormat::audacityLabels;
    }

    void roundTrips() {
        QFETCH(SubtitleFormat, format);
        const QVector<SubtitleCue> cues = sampleCues();  // ASS keeps centiseconds: all fit
        const QString text = writeSubtitles(format, cues);
        const SubtitleParseResult parsed = parseSubtitles(format, text);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error + u'\n' + text));
        QCOMPARE(parsed.cues.size(), cues.size());
        for (int i = 0; i < cues.size(); ++i)
            QCOMPARE(parsed.cues[i], cues[i]);
        // Writing what was read gives the same file.
        QCOMPARE(writeSubtitles(format, parsed.cues), text);
    }

    void assRoundsToCentiseconds() {
        const QVector<SubtitleCue> cues{{1234, 5678, QStringLiteral("A"), QStringLiteral("x")}};
        const SubtitleParseResult parsed = parseAss(writeAss(cues));
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.cues[0].startMs, 1230);
        QCOMPARE(parsed.cues[0].endMs, 5680);
    }

    void readsSrtFromOtherTools() {
        const QString srt = QStringLiteral(
            "\xFEFF"
            "1\r\n00:00:01,000 --> 00:00:02,500\r\nAlice: Hello\r\nthere\r\n\r\n"
            "2\r\n00:00:03,00 --> 00:00:04,000 X1:0\r\nNo speaker here\r\n");
        const SubtitleParseResult r = parseSrt(srt);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.cues.size(), 2);
        QCOMPARE(r.cues[0].speaker, QStringLiteral("Alice"));
        QCOMPARE(r.cues[0].text, QStringLiteral("Hello there"));
        QCOMPARE(r.cues[1].startMs, 3000);
        QCOMPARE(r.cues[1].speaker, QString());
    }

    void readsVttVoicesAndSkipsNotes() {
        const QString vtt = QStringLiteral(
            "WEBVTT - made elsewhere\n\nNOTE a comment\nspanning lines\n\n"
            "STYLE\n::cue { color: red }\n\n"
            "intro\n00:01.000 --> 00:02.000 align:start\n<v.loud Mary Ann>Hi <b>you</b>!</v>\n\n"
            "01:00:00.000 --> 01:00:01.500\n&lt;3 &amp; more\n");
        const SubtitleParseResult r = parseWebVtt(vtt);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.cues.size(), 2);
        QCOMPARE(r.cues[0].speaker, QStringLiteral("Mary Ann"));
        QCOMPARE(r.cues[0].text, QStringLiteral("Hi you!"));
        QCOMPARE(r.cues[1].startMs, 3600000);
        QCOMPARE(r.cues[1].text, QStringLiteral("<3 & more"));
    }

    void readsAssWithOtherFieldOrders() {
        const QString ass = QStringLiteral(
            "[Script Info]\nTitle: x\n\n[Events]\n"
            "Format: Layer, Start, End, Name, Style, Text\n"
            "Comment: 0,0:00:00.00,0:00:01.00,Nobody,Default,ignored\n"
            "Dialogue: 0,0:00:01.50,0:00:03.00,Bob,Default,{\\i1}Well,\\Nthen{\\i0}, go.\n");
        const SubtitleParseResult r = parseAss(ass);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.cues.size(), 1);
        QCOMPARE(r.cues[0].speaker, QStringLiteral("Bob"));
        QCOMPARE(r.cues[0].text, QStringLiteral("Well, then, go."));
        QCOMPARE(r.cues[0].startMs, 1500);
    }

    void readsAudacitySpectralLines() {
        const QString labels = QStringLiteral(
            "0.500000\t1.250000\tAlice: Hello\n\\\t100.0\t2000.0\n2\t3\tplain label\n");
        const SubtitleParseResult r = parseAudacityLabels(labels);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.cues.size(), 2);
        QCOMPARE(r.cues[0].startMs, 500);
        QCOMPARE(r.cues[1].endMs, 3000);
        QCOMPARE(r.cues[1].text, QStringLiteral("plain label"));
    }

    void rejectsMalformedInput_data() {
        QTest::addColumn<SubtitleFormat>("format");
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::newRow("srt bad timing") << SubtitleFormat::srt << "1\n00:00:01 -> 00:00:02\nx\n"
                                        << 2;
        QTest::newRow("srt words first") << SubtitleFormat::srt << "hello\n" << 1;
        QTest::newRow("srt backwards")
            << SubtitleFormat::srt << "1\n00:00:05,000 --> 00:00:02,000\nx\n"
            << 2;
        QTest::newRow("srt minutes 75")
            << SubtitleFormat::srt << "1\n00:75:00,000 --> 00:76:00,000\nx\n"
            << 2;
        QTest::newRow("vtt no header") << SubtitleFormat::webVtt << "00:01.000 --> 00:02.000\nx\n"
                                       << 1;
        QTest::newRow("vtt no timing") << SubtitleFormat::webVtt << "WEBVTT\n\nid\nsome text\n"
                                       << 4;
        QTest::newRow("ass no events") << SubtitleFormat::ass << "[Script Info]\nTitle: x\n" << 0;
        QTest::newRow("ass dialogue first")
            << SubtitleFormat::ass << "[Events]\nDialogue: 0,0:00:01.00,0:00:02.00,,x\n"
            << 2;
        QTest::newRow("ass short line")
            << SubtitleFormat::ass << "[Events]\nFormat: Start, End, Text\nDialogue: 0:00:01.00\n"
            << 3;
        QTest::newRow("labels not numbers") << SubtitleFormat::audacityLabels << "a\tb\tc\n" << 1;
        QTest::newRow("labels backwards") << SubtitleFormat::audacityLabels << "1\t2\tok\n5\t4\tx\n"
                                          << 2;
    }

    void rejectsMalformedInput() {
        QFETCH(SubtitleFormat, format);
        QFETCH(QString, text);
        QFETCH(int, line);
        const SubtitleParseResult r = parseSubtitles(format, text);
        QVERIFY(!r.ok());
        QVERIFY(!r.error.isEmpty());
        QCOMPARE(r.errorLine, line);
    }

    void neverCrashesOnNoise() {
        QRandomGenerator rng(11);
        const QString alphabet =
            QStringLiteral("0123456789:,.-> \n\tWEBVTT[Events]Format:Dialogue<v>{}\\N");
        for (int n = 0; n < 400; ++n) {
            QString s;
            const int length = int(rng.bounded(200));
            for (int i = 0; i < length; ++i)
                s += alphabet.at(int(rng.bounded(alphabet.size())));
            for (SubtitleFormat f : {SubtitleFormat::srt, SubtitleFormat::webVtt,
                                     SubtitleFormat::ass, SubtitleFormat::audacityLabels}) {
                const SubtitleParseResult r = parseSubtitles(f, s);
                for (const SubtitleCue& cue : r.cues)
                    QVERIFY(cue.endMs >= cue.startMs);
            }
        }
    }

    void knowsFormatsBySuffix() {
        QCOMPARE(subtitleFormatForPath(QStringLiteral("a/b.SRT")), SubtitleFormat::srt);
        QCOMPARE(subtitleFormatForPath(QStringLiteral("x.vtt")), SubtitleFormat::webVtt);
        QCOMPARE(subtitleFormatForPath(QStringLiteral("x.ssa")), SubtitleFormat::ass);
        QCOMPARE(subtitleFormatForPath(QStringLiteral("labels.txt")),
                 SubtitleFormat::audacityLabels);
        QVERIFY(!subtitleFormatForPath(QStringLiteral("x.doc")));
    }
};

QTEST_GUILESS_MAIN(SubtitlesTest)
#include "test_ui_subtitles.moc"
