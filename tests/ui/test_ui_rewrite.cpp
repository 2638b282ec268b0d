// Prompt rewriting against a stub OpenAI-compatible server (QTcpServer in this test): the
// request carries our instructions, the prompt and the key; a rewrite that keeps every span is
// accepted, one that changed a span is refused; errors are clear; the key appears nowhere
// but in the request header.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include "ui/project/project_document.h"
#include "ui/rewrite/prompt_rewriter.h"
#include "ui/rewrite/text_diff.h"

using namespace nava::ui;

namespace {

const QString kKey = QStringLiteral("sk-test-SECRET-1234");
QStringList g_log;

void captureLog(QtMsgType, const QMessageLogContext&, const QString& message) {
    g_log << message;
}

// Answers every HTTP request with a canned status and body, remembering what it received.
class StubChatServer : public QObject {
public:
    StubChatServer() {
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                QObject::connect(socket, &QTcpSocket::readyRead, this,
                                 [this, socket] { onData(socket); });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        m_server.listen(QHostAddress::LocalHost, 0);
    }

    QUrl baseUrl() const {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(m_server.serverPort()));
    }
    void reply(int status, const QByteArray& body) {
        m_status = status;
        m_body = body;
    }
    void replyContent(const QString& content) {
        const QJsonObject message{{QStringLiteral("role"), QStringLiteral("assistant")},
                                  {QStringLiteral("content"), content}};
        reply(200, QJsonDocument(
                       QJsonObject{{QStringLiteral("choices"),
                                    QJsonArray{QJsonObject{{QStringLiteral("message"), message}}}}})
                       .toJson());
    }

    QByteArray requestLine;
    QByteArray headers;
    QJsonObject body;

private:
    void onData(QTcpSocket* socket) {
        QByteArray& buffer = m_buffers[socket];
        buffer += socket->readAll();
        const int end = buffer.indexOf("\r\n\r\n");
        if (end < 0) return;
        const QByteArray head = buffer.left(end);
        int length = 0;
        for (const QByteArray& line : head.split('\n'))
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toInt();
        if (buffer.size() < end + 4 + length) return;
        requestLine = head.left(head.indexOf("\r\n"));
        headers = head;
        body = QJsonDocument::fromJson(buffer.mid(end + 4, length)).object();
        m_buffers.remove(socket);
        QByteArray response =
            "HTTP/1.1 " + QByteArray::number(m_status) + (m_status == 200 ? " OK" : " Error") +
            "\r\nContent-Type: application/json\r\nContent-Length: " +
            QByteArray::number(m_body.size()) + "\r\nConnection: close\r\n\r\n" + m_body;
        socket->write(response);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QTcpSocket*, QByteArray> m_buffers;
    int m_status = 200;
    QByteArray m_body;
};

const QString kPrompt = QStringLiteral(
    "Two men in a car. The driver says <S>You knew this would happen.<E> The other answers "
    "<S>I kept quiet.<E>");

}  // namespace

class RewriteTest : public QObject {
    Q_OBJECT

private:
    QNetworkAccessManager m_network;
    StubChatServer m_stub;

    RewriteOutcome run(const QString& prompt, RewriteEndpoint endpoint) {
        PromptRewriter rewriter(&m_network);
        rewriter.setEndpoint(endpoint);
        rewriter.setTimeoutMs(5000);
        QSignalSpy spy(&rewriter, &PromptRewriter::finished);
        rewriter.start(prompt);
        if (spy.isEmpty() && !spy.wait(8000)) return {RewriteStatus::aborted, prompt, {}, {}};
        return spy.first().first().value<RewriteOutcome>();
    }

    RewriteEndpoint endpoint() const {
        return {m_stub.baseUrl(), QStringLiteral("qwen3-4b"), kKey};
    }

private Q_SLOTS:
    void initTestCase() { qInstallMessageHandler(captureLog); }
    void cleanupTestCase() { qInstallMessageHandler(nullptr); }

    void acceptsARewriteThatKeepsTheSpans() {
        const QString rewritten = QStringLiteral(
            "Night, rain on the windscreen. A tired driver grips the wheel and says, low and "
            "bitter, <S>You knew this would happen.<E> His friend stares ahead: <S>I kept "
            "quiet.<E>");
        m_stub.replyContent(QStringLiteral("<think>spans: keep them</think>\n") + rewritten);
        const RewriteOutcome out = run(kPrompt, endpoint());
        QCOMPARE(int(out.status), int(RewriteStatus::ok));
        QCOMPARE(out.rewritten, rewritten);
        QCOMPARE(out.original, kPrompt);
        // What the server received.
        QCOMPARE(m_stub.requestLine, QByteArray("POST /v1/chat/completions HTTP/1.1"));
        QVERIFY(m_stub.headers.contains("Authorization: Bearer " + kKey.toUtf8()));
        QCOMPARE(m_stub.body.value(QStringLiteral("model")).toString(), QStringLiteral("qwen3-4b"));
        const QJsonArray messages = m_stub.body.value(QStringLiteral("messages")).toArray();
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages[0].toObject().value(QStringLiteral("content")).toString(),
                 PromptRewriter::instructions());
        QCOMPARE(messages[1].toObject().value(QStringLiteral("content")).toString(), kPrompt);
        QVERIFY(PromptRewriter::instructions().contains(QStringLiteral("<S>")));
    }

    void refusesARewriteThatChangedASpan() {
        m_stub.replyContent(
            QStringLiteral("A car at night. <S>You knew this was going to happen.<E> Silence. <S>I "
                           "kept quiet.<E>"));
        const RewriteOutcome out = run(kPrompt, endpoint());
        QCOMPARE(int(out.status), int(RewriteStatus::spansChanged));
        QVERIFY(out.message.contains(QStringLiteral("spoken part 1")));
        QVERIFY(!out.rewritten.isEmpty());
    }

    void refusesARewriteThatDroppedASpan() {
        m_stub.replyContent(QStringLiteral("A car at night. <S>You knew this would happen.<E>"));
        const RewriteOutcome out = run(kPrompt, endpoint());
        QCOMPARE(int(out.status), int(RewriteStatus::spansChanged));
        QVERIFY(out.message.contains(QStringLiteral("1 spoken parts instead of 2")));
    }

    void reportsServerErrorsWithoutTheKey() {
        m_stub.reply(401, QByteArray("{\"error\": {\"message\": \"Invalid API key\"}}"));
        const RewriteOutcome out = run(kPrompt, endpoint());
        QCOMPARE(int(out.status), int(RewriteStatus::networkError));
        QVERIFY2(out.message.contains(QStringLiteral("401")), qPrintable(out.message));
        QVERIFY(out.message.contains(QStringLiteral("Invalid API key")));
        QVERIFY(!out.message.contains(kKey));
    }

    void reportsAnEmptyAnswer() {
        m_stub.reply(200, QByteArray("{\"choices\": []}"));
        QCOMPARE(int(run(kPrompt, endpoint()).status), int(RewriteStatus::badResponse));
    }

    void reportsAnUnreachableServer() {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close();
        RewriteEndpoint e = endpoint();
        e.url = QUrl(QStringLiteral("http://127.0.0.1:%1/v1/chat/completions").arg(port));
        const RewriteOutcome out = run(kPrompt, e);
        QCOMPARE(int(out.status), int(RewriteStatus::networkError));
        QVERIFY(!out.message.isEmpty());
    }

    void needsAnEndpoint() {
        QVERIFY(!RewriteEndpoint().isConfigured());
        const RewriteOutcome out = run(kPrompt, RewriteEndpoint());
        QCOMPARE(int(out.status), int(RewriteStatus::networkError));
    }

    void keyStaysOutOfProjectsAndLogs() {
        m_stub.replyContent(
            QStringLiteral("Rain. <S>You knew this would happen.<E> <S>I kept quiet.<E>"));
        const RewriteOutcome out = run(kPrompt, endpoint());
        QCOMPARE(int(out.status), int(RewriteStatus::ok));
        QTemporaryDir dir;
        ProjectDocument doc(dir.filePath(QStringLiteral("staging")));
        doc.setPrompt(out.rewritten);
        QString error;
        QVERIFY(doc.save(dir.filePath(QStringLiteral("p.nava")), &error));
        QFile f(doc.filePath());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains(kKey.toUtf8()));
        for (const QString& line : g_log)
            QVERIFY(!line.contains(kKey));
    }

    void comparesSpansAndCleansReplies() {
        QCOMPARE(compareSpeechSpans(kPrompt, kPrompt), QString());
        QVERIFY(!compareSpeechSpans(QStringLiteral("<S>a<E>"), QStringLiteral("<S>a<E> <E>"))
                     .isEmpty());
        QCOMPARE(cleanRewriteReply(QStringLiteral("```\n\"Hello.\"\n```")),
                 QStringLiteral("Hello."));
        RewriteEndpoint e;
        e.url = QUrl(QStringLiteral("http://h/v1/"));
        QCOMPARE(e.chatCompletionsUrl(), QUrl(QStringLiteral("http://h/v1/chat/completions")));
    }

    void diffsWords() {
        const QString a = QStringLiteral("A man walks in the rain.");
        const QString b = QStringLiteral("A tired man walks slowly in the cold rain.");
        const QVector<DiffChunk> chunks = wordDiff(a, b);
        QString before, after;
        int added = 0;
        for (const DiffChunk& c : chunks) {
            if (c.op != DiffChunk::Op::added) before += c.text;
            if (c.op != DiffChunk::Op::removed) after += c.text;
            if (c.op == DiffChunk::Op::added) ++added;
        }
        QCOMPARE(before, a);
        QCOMPARE(after, b);
        QCOMPARE(added, 3);
        QVERIFY(diffToHtml(chunks).contains(QStringLiteral("tired")));
    }
};

QTEST_GUILESS_MAIN(RewriteTest)
#include "test_ui_rewrite.moc"
