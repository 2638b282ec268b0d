#include "ui/rewrite/prompt_rewriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>

#include "ui/prompt/span_markup.h"

namespace nava::ui {
namespace {

QString shortened(const QString& s) {
    return s.size() > 40 ? s.left(39) + QChar(0x2026) : s;
}

}  // namespace

QUrl RewriteEndpoint::chatCompletionsUrl() const {
    QUrl u = url;
    QString path = u.path();
    if (path.endsWith(QStringLiteral("/chat/completions"))) return u;
    if (!path.endsWith(u'/')) path += u'/';
    u.setPath(path + QStringLiteral("chat/completions"));
    return u;
}

QString compareSpeechSpans(const QString& original, const QString& rewritten) {
    const ParsedMarkup before = parseMarkup(original);
    const ParsedMarkup after = parseMarkup(rewritten);
    if (after.hasErrors() && !before.hasErrors())
        return PromptRewriter::tr("The rewrite broke the <S>…<E> markers.");
    if (before.spans.size() != after.spans.size())
        return PromptRewriter::tr("The rewrite has %1 spoken parts instead of %2.")
            .arg(after.spans.size())
            .arg(before.spans.size());
    for (int i = 0; i < before.spans.size(); ++i) {
        if (before.spans[i].text != after.spans[i].text)
            return PromptRewriter::tr("The rewrite changed spoken part %1: “%2” became “%3”.")
                .arg(i + 1)
                .arg(shortened(before.spans[i].text), shortened(after.spans[i].text));
    }
    return QString();
}

QString cleanRewriteReply(const QString& content) {
    QString text = content;
    static const QRegularExpression thinking(QStringLiteral("<think>.*</think>"),
                                             QRegularExpression::DotMatchesEverythingOption);
    text.remove(thinking);
    text = text.trimmed();
    static const QRegularExpression fence(QStringLiteral("^```[a-zA-Z]*\\s*\\n(.*)\\n```$"),
                                          QRegularExpression::DotMatchesEverythingOption);
    const auto m = fence.match(text);
    if (m.hasMatch()) text = m.captured(1).trimmed();
    if (text.size() >= 2 && ((text.front() == u'"' && text.back() == u'"') ||
                             (text.front() == QChar(0x201C) && text.back() == QChar(0x201D))))
        text = text.mid(1, text.size() - 2).trimmed();
    return text;
}

PromptRewriter::PromptRewriter(QNetworkAccessManager* network, QObject* parent)
    : QObject(parent), m_network(network) {}

QString PromptRewriter::instructions() {
    // Written for this project. Kept in English for every UI language: it instructs a model,
    // it is not shown to the user.
    return QStringLiteral(
        "You rewrite scene descriptions for a model that generates a short video clip together "
        "with its sound (speech, sound effects, ambience, music) in one pass.\n"
        "Turn the user's description into ONE cinematic paragraph of plain prose, 80 to 200 "
        "words, in the same language as the description. Cover, in this order: the subject and "
        "how they look; the place, time of day and light; what happens from the first moment "
        "to the last, as a short timeline; the camera (shot size, angle, movement); and the "
        "sound: ambience, effects tied to visible actions, music or its absence, who speaks "
        "and how (tone, pace, volume), with lips moving in sync.\n"
        "Spoken words are written as <S>words<E>. Copy every <S>…<E> span exactly as given, "
        "character for character, in the same order. Do not translate, shorten, merge, split, "
        "reorder, add or remove spans, and never write <S> or <E> anywhere else. You may "
        "describe the speaker and their delivery around each span.\n"
        "Invent no dialogue and no on-screen text. No lists, headings, quotation marks around "
        "the paragraph or comments: answer with the paragraph only.");
}

QByteArray PromptRewriter::requestBody(const QString& model, const QString& rawPrompt) {
    QJsonObject body{
        {QStringLiteral("messages"),
         QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("system")},
                                {QStringLiteral("content"), instructions()}},
                    QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                {QStringLiteral("content"), rawPrompt}}}},
        {QStringLiteral("temperature"), 0.3},
        {QStringLiteral("top_p"), 0.75},
        {QStringLiteral("stream"), false},
    };
    if (!model.isEmpty()) body.insert(QStringLiteral("model"), model);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

void PromptRewriter::start(const QString& rawPrompt) {
    abort();
    if (!m_endpoint.isConfigured()) {
        Q_EMIT finished({RewriteStatus::networkError, rawPrompt, QString(),
                         tr("No rewrite endpoint is configured.")});
        return;
    }
    QNetworkRequest request(m_endpoint.chatCompletionsUrl());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setTransferTimeout(m_timeoutMs);
    if (!m_endpoint.apiKey.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_endpoint.apiKey.toUtf8());
    QNetworkReply* reply = m_network->post(request, requestBody(m_endpoint.model, rawPrompt));
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, rawPrompt] { onReplyFinished(reply, rawPrompt); });
}

void PromptRewriter::abort() {
    if (QNetworkReply* reply = m_reply.data()) {
        m_reply.clear();
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void PromptRewriter::onReplyFinished(QNetworkReply* reply, const QString& original) {
    reply->deleteLater();
    if (m_reply != reply) return;
    m_reply.clear();
    RewriteOutcome outcome;
    outcome.original = original;
    const QByteArray body = reply->readAll();
    const int httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() != QNetworkReply::NoError) {
        outcome.status = RewriteStatus::networkError;
        // The server's own message helps (wrong model name, bad key); never echo the request.
        const QString serverMessage = QJsonDocument::fromJson(body)
                                          .object()
                                          .value(QStringLiteral("error"))
                                          .toObject()
                                          .value(QStringLiteral("message"))
                                          .toString();
        outcome.message =
            httpStatus > 0 ? tr("The rewrite server answered HTTP %1. %2")
                                 .arg(httpStatus)
                                 .arg(serverMessage)
                                 .trimmed()
                           : tr("Could not reach the rewrite server: %1").arg(reply->errorString());
        Q_EMIT finished(outcome);
        return;
    }
    const QJsonArray choices =
        QJsonDocument::fromJson(body).object().value(QStringLiteral("choices")).toArray();
    const QString content = choices.isEmpty() ? QString()
                                              : choices.first()
                                                    .toObject()
                                                    .value(QStringLiteral("message"))
                                                    .toObject()
                                                    .value(QStringLiteral("content"))
                                                    .toString();
    outcome.rewritten = cleanRewriteReply(content);
    if (outcome.rewritten.isEmpty()) {
        outcome.status = RewriteStatus::badResponse;
        outcome.message = tr("The rewrite server sent no text back.");
    } else if (const QString problem = compareSpeechSpans(original, outcome.rewritten);
               !problem.isEmpty()) {
        outcome.status = RewriteStatus::spansChanged;
        outcome.message = problem;
    }
    Q_EMIT finished(outcome);
}

}  // namespace nava::ui
