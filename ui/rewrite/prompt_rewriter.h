// Prompt rewriting through an OpenAI-compatible chat endpoint (a local vLLM/llama.cpp server or
// a hosted one). The model was trained on dense, cinematic captions; the rewrite turns a short
// idea into one such paragraph while every `<S>…<E>` span stays exactly as written — a rewrite
// that changed any span is refused.
//
// The API key goes only into the Authorization header of the request: never into projects,
// recipes, logs or error messages.
#pragma once

#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace nava::ui {

struct RewriteEndpoint {
    QUrl url;  // base ("http://host:8000/v1") or full ".../chat/completions"
    QString model;
    QString apiKey;

    bool isConfigured() const { return url.isValid() && !url.isEmpty() && !url.host().isEmpty(); }
    QUrl chatCompletionsUrl() const;
};

enum class RewriteStatus { ok, spansChanged, networkError, badResponse, aborted };

struct RewriteOutcome {
    RewriteStatus status = RewriteStatus::ok;
    QString original;
    QString rewritten;  // also set when refused, to show what came back
    QString message;    // why it failed or was refused; "" when ok
};

// "" when `rewritten` keeps every span of `original` verbatim and in order; otherwise a
// sentence naming the first difference.
QString compareSpeechSpans(const QString& original, const QString& rewritten);

// Removes a model's thinking block, code fences and surrounding quotes from a reply.
QString cleanRewriteReply(const QString& content);

class PromptRewriter : public QObject {
    Q_OBJECT

public:
    explicit PromptRewriter(QNetworkAccessManager* network, QObject* parent = nullptr);

    void setEndpoint(const RewriteEndpoint& endpoint) { m_endpoint = endpoint; }
    const RewriteEndpoint& endpoint() const { return m_endpoint; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    bool isBusy() const { return !m_reply.isNull(); }
    void start(const QString& rawPrompt);
    void abort();

    // Our rewrite instructions (the system message).
    static QString instructions();
    static QByteArray requestBody(const QString& model, const QString& rawPrompt);

Q_SIGNALS:
    void finished(const nava::ui::RewriteOutcome& outcome);

private:
    void onReplyFinished(QNetworkReply* reply, const QString& original);

    QNetworkAccessManager* m_network = nullptr;
    RewriteEndpoint m_endpoint;
    QPointer<QNetworkReply> m_reply;
    int m_timeoutMs = 120000;
};

}  // namespace nava::ui

Q_DECLARE_METATYPE(nava::ui::RewriteOutcome)
