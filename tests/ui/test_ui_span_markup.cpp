// The `<S>…<E>` markup: raw text <-> plain text + spans round-trips exactly (also malformed
// text), marking and unmarking words, and span data following the words through raw edits.
#include <QRandomGenerator>
#include <QtTest/QtTest>

#include "ui/project/prompt_edits.h"
#include "ui/prompt/span_markup.h"
#include "ui/prompt/token_counter.h"

using namespace nava::ui;

class SpanMarkupTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesSpansWithPositions() {
        const QString raw = QStringLiteral("He says <S>Hello there<E> and leaves.");
        const ParsedMarkup p = parseMarkup(raw);
        QCOMPARE(p.plainText, QStringLiteral("He says Hello there and leaves."));
        QCOMPARE(p.spans.size(), 1);
        QCOMPARE(p.spans[0].text, QStringLiteral("Hello there"));
        QCOMPARE(p.spans[0].plainStart, 8);
        QCOMPARE(p.spans[0].plainLength, 11);
        QCOMPARE(p.spans[0].rawStart, 8);
        QCOMPARE(p.spans[0].rawEnd, 25);
        QVERIFY(!p.hasErrors());
    }

    void reportsMalformedMarkers_data() {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("rawPosition");
        QTest::newRow("close without open")
            << "a <E> b" << int(MarkupIssueKind::closeWithoutOpen) << 2;
        QTest::newRow("open without close")
            << "a <S>b" << int(MarkupIssueKind::openWithoutClose) << 2;
        QTest::newRow("nested") << "<S>a <S>b<E>" << int(MarkupIssueKind::nestedOpen) << 0;
        QTest::newRow("empty") << "x<S> <E>" << int(MarkupIssueKind::emptySpan) << 1;
    }

    void reportsMalformedMarkers() {
        QFETCH(QString, raw);
        QFETCH(int, kind);
        QFETCH(int, rawPosition);
        const ParsedMarkup p = parseMarkup(raw);
        QVERIFY(p.hasErrors());
        QCOMPARE(int(p.issues.first().kind), kind);
        QCOMPARE(p.issues.first().rawPosition, rawPosition);
    }

    void unpairedMarkersStayLiteral() {
        const ParsedMarkup p = parseMarkup(QStringLiteral("<S>a<S>b<E>"));
        QCOMPARE(p.plainText, QStringLiteral("<S>ab"));
        QCOMPARE(p.spans.size(), 1);
        QCOMPARE(p.spans[0].text, QStringLiteral("b"));
    }

    void roundTripsEveryString_data() {
        QTest::addColumn<QString>("raw");
        const char* fixed[] = {"",
                               "<S>",
                               "<E>",
                               "<S><E>",
                               "<S>a<S>b<E>",
                               "a<E>b<S>c",
                               "<S>a<E><E>",
                               "x<S>y<E>z<S>w<E>",
                               "<S<E>>",
                               "<<S>>E>",
                               "两人对话<S>Hello<E><S>Hi there<E>",
                               "  Tom &amp;amp; Jerry\n\n  argue:\t<S>Stop it!<E>   "};
        for (const char* f : fixed)
            QTest::newRow(f) << QString::fromUtf8(f);
        // Random strings over an alphabet that makes markers likely.
        QRandomGenerator rng(7);
        const QString alphabet = QStringLiteral("<SE> a");
        for (int n = 0; n < 300; ++n) {
            QString s;
            const int length = int(rng.bounded(16));
            for (int i = 0; i < length; ++i)
                s += alphabet.at(int(rng.bounded(alphabet.size())));
            QTest::newRow(qPrintable(QStringLiteral("random %1").arg(n))) << s;
        }
    }

    void roundTripsEveryString() {
        QFETCH(QString, raw);
        const ParsedMarkup p = parseMarkup(raw);
        QVector<PlainRange> ranges;
        for (const MarkupSpan& s : p.spans)
            ranges.push_back({s.plainStart, s.plainLength});
        QCOMPARE(buildMarkup(p.plainText, ranges), raw);
        for (const MarkupSpan& s : p.spans)
            QCOMPARE(p.plainText.mid(s.plainStart, s.plainLength), s.text);
    }

    void buildClipsBadRanges() {
        QCOMPARE(buildMarkup(QStringLiteral("abc"), {{2, 5}, {0, 1}}),
                 QStringLiteral("ab<S>c<E><S><E>"));
    }

    void snapsSelectionsToWords() {
        const QString text = QStringLiteral("the quick brown fox");
        const PlainRange r = snapToWords(text, {5, 3});  // "uic"
        QCOMPARE(text.mid(r.start, r.length), QStringLiteral("quick"));
        const PlainRange spaced = snapToWords(text, {3, 8});  // " quick b"
        QCOMPARE(text.mid(spaced.start, spaced.length), QStringLiteral("quick brown"));
        QCOMPARE(snapToWords(text, {3, 1}).length, 0);  // only a space
        const QString cjk = QStringLiteral("你好世界");
        const PlainRange c = snapToWords(cjk, {1, 2});
        QCOMPARE(cjk.mid(c.start, c.length), QStringLiteral("好世"));
    }

    void mapsPositionsThroughEdits() {
        // Span [4, 9). Typing at its start or end stays outside; inside grows it.
        QCOMPARE(mapThroughEdit(4, true, 4, 0, 2), 6);
        QCOMPARE(mapThroughEdit(9, false, 9, 0, 2), 9);
        QCOMPARE(mapThroughEdit(9, false, 6, 0, 2), 11);
        // Replacing exactly the span's words keeps the new words inside.
        QCOMPARE(mapThroughEdit(4, true, 4, 5, 3), 4);
        QCOMPARE(mapThroughEdit(9, false, 4, 5, 3), 7);
        // Deleting past the start from outside collapses the start onto the edit.
        QCOMPARE(mapThroughEdit(4, true, 2, 4, 0), 2);
    }

    void marksAndUnmarksSpeech() {
        PromptState state{QStringLiteral("A man says hello there to her."), {}};
        auto marked = markSpeech(state, {12, 3}, QStringLiteral("spk-a"));  // "ell"
        QVERIFY(marked);
        QCOMPARE(marked->raw, QStringLiteral("A man says <S>hello<E> there to her."));
        QCOMPARE(marked->spans.size(), 1);
        QCOMPARE(marked->spans[0].speakerId, QStringLiteral("spk-a"));
        QVERIFY(marked->spans[0].endMs > marked->spans[0].startMs);

        // Inside an existing span: only the speaker changes.
        auto reassigned = markSpeech(*marked, {11, 2}, QStringLiteral("spk-b"));
        QVERIFY(reassigned);
        QCOMPARE(reassigned->raw, marked->raw);
        QCOMPARE(reassigned->spans[0].speakerId, QStringLiteral("spk-b"));

        // Across the span and the next word: one merged span keeping the first span's times.
        auto merged = markSpeech(*marked, {14, 6}, QStringLiteral("spk-a"));  // "lo the"
        QVERIFY(merged);
        QCOMPARE(merged->raw, QStringLiteral("A man says <S>hello there<E> to her."));
        QCOMPARE(merged->spans[0].startMs, marked->spans[0].startMs);

        auto unmarked = unmarkSpeech(*merged, {13, 0});
        QVERIFY(unmarked);
        QCOMPARE(unmarked->raw, state.raw);
        QVERIFY(unmarked->spans.isEmpty());
        QVERIFY(!unmarkSpeech(*unmarked, {0, 3}));
        QVERIFY(!markSpeech(state, {5, 1}, QStringLiteral("spk-a")));  // a space only
    }

    void spanDataFollowsTheWords() {
        PromptState state{QStringLiteral("<S>One<E> then <S>Two<E>"),
                          {{QStringLiteral("a"), 0, 500}, {QStringLiteral("b"), 900, 1500}}};
        // A new span in front: the old ones keep their speakers; the new one has none.
        PromptState inserted =
            carrySpanData(state, QStringLiteral("<S>Zero<E> <S>One<E> then <S>Two<E>"));
        QCOMPARE(inserted.spans.size(), 3);
        QCOMPARE(inserted.spans[0].speakerId, QString());
        QCOMPARE(inserted.spans[1], state.spans[0]);
        QCOMPARE(inserted.spans[2], state.spans[1]);
        // Editing the words of the second span keeps its speaker and times.
        PromptState edited = carrySpanData(state, QStringLiteral("<S>One<E> then <S>Two!<E>"));
        QCOMPARE(edited.spans[1], state.spans[1]);
        // Deleting the first span leaves the second with its own data.
        PromptState removed = carrySpanData(state, QStringLiteral("then <S>Two<E>"));
        QCOMPARE(removed.spans.size(), 1);
        QCOMPARE(removed.spans[0], state.spans[1]);
    }

    void spanRowsCarryPositions() {
        const auto rows = spanRows({QStringLiteral("ab <S>cd<E>"), {}});
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0].text, QStringLiteral("cd"));
        QCOMPARE(rows[0].plainStart, 3);
        QCOMPARE(rows[0].plainLength, 2);
    }

    void estimatesTokens() {
        EstimatingTokenCounter counter;
        QVERIFY(counter.isEstimate());
        QCOMPARE(counter.countTokens(QString()), 1);  // "</s>"
        const int plain = counter.countTokens(QStringLiteral("A man walks into the kitchen."));
        QVERIFY2(plain >= 7 && plain <= 10, qPrintable(QString::number(plain)));
        // Speech markers cost their pieces plus the speaker placeholder.
        QCOMPARE(counter.countTokens(QStringLiteral("<S>Hi<E>")), 1 + 4 + 1 + 3);
        QCOMPARE(counter.countTokens(QStringLiteral("你好世界")), 5);
        QString longText;
        for (int i = 0; i < 200; ++i)
            longText += QStringLiteral("extraordinary ");
        QVERIFY(counter.countTokens(longText) > kTextContextTokens);
    }
};

QTEST_GUILESS_MAIN(SpanMarkupTest)
#include "test_ui_span_markup.moc"
