#include "ui/gallery/recipe_restore.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QUndoStack>

#include "media/export.h"
#include "ui/project/project_document.h"
#include "ui/project/project_file.h"
#include "ui/project/prompt_edits.h"
#include "ui/project/speaker_model.h"
#include "ui/prompt/span_markup.h"

namespace nava::ui {
namespace {

class RecipeText {
    Q_DECLARE_TR_FUNCTIONS(nava::ui::RecipeText)
};

QString modeText(nava::api::Mode mode) {
    switch (mode) {
        case nava::api::Mode::text_to_audio_video:
            return RecipeText::tr("text to video with sound");
        case nava::api::Mode::image_to_audio_video:
            return RecipeText::tr("first frame to video with sound");
        case nava::api::Mode::text_to_audio:
            return RecipeText::tr("text to sound");
    }
    return QString();
}

}  // namespace

bool parseRecipe(const QString& json, nava::api::GenerationRequest* request, QString* error) {
    try {
        *request = nava::api::request_from_json_text(json.toStdString());
        return true;
    } catch (const std::exception& e) {
        if (error)
            *error = RecipeText::tr("not a valid recipe: %1").arg(QString::fromUtf8(e.what()));
        return false;
    }
}

bool readRecipeFromClip(const QString& path, QString* json, QString* error) {
    std::optional<std::string> recipe;
    try {
        recipe =
            nava::media::read_recipe(std::filesystem::path(QFile::encodeName(path).toStdString()));
    } catch (const std::exception& e) {
        if (error)
            *error = RecipeText::tr("%1 cannot be read: %2")
                         .arg(QFileInfo(path).fileName(), QString::fromUtf8(e.what()));
        return false;
    }
    if (!recipe) {
        if (error)
            *error = RecipeText::tr(
                         "%1 holds no NAVA recipe: it was not made by NAVA Studio, or "
                         "its metadata was removed when it was edited or converted.")
                         .arg(QFileInfo(path).fileName());
        return false;
    }
    nava::api::GenerationRequest request;
    const QString text = QString::fromStdString(*recipe);
    QString parseError;
    if (!parseRecipe(text, &request, &parseError)) {
        if (error) *error = QStringLiteral("%1: %2").arg(QFileInfo(path).fileName(), parseError);
        return false;
    }
    if (json) *json = text;
    return true;
}

GenerationSettings settingsFromRequest(const nava::api::GenerationRequest& r,
                                       const GenerationSettings& base) {
    GenerationSettings s = base;
    s.mode = r.mode;
    s.firstFrameImage = QString::fromStdString(r.first_frame_image);
    s.width = r.width;
    s.height = r.height;
    s.durationS = snapDuration(r.duration_s).seconds;
    s.seed = qint64(std::min<uint64_t>(r.seed, uint64_t(kMaxSeed)));
    s.seedMode = SeedMode::fixed;
    s.steps = r.steps;
    s.solver = r.solver;
    s.shift = r.shift;
    s.guidance = r.guidance;
    s.memoryProfile = QString::fromStdString(r.memory_profile);
    if (s.memoryProfile.isEmpty()) s.memoryProfile = QStringLiteral("auto");
    s.package = QString::fromStdString(r.package);
    return s;
}

QStringList restoreRecipe(ProjectDocument& document, const nava::api::GenerationRequest& r) {
    QStringList warnings;
    QUndoStack* undo = document.undoStack();
    undo->beginMacro(RecipeText::tr("Restore recipe"));

    // 1. Speakers by name (new ones added), each with the recipe's voice where it still exists.
    QHash<QString, QString> idOf;  // recipe speaker id -> project speaker id
    for (const nava::api::Speaker& sp : r.speakers) {
        const QString name = QString::fromStdString(sp.name).trimmed().isEmpty()
                                 ? QString::fromStdString(sp.id)
                                 : QString::fromStdString(sp.name);
        const int row = document.speakers()->rowOfName(name);
        const QString id = row >= 0 ? document.speakers()->at(row).id : document.addSpeaker(name);
        idOf.insert(QString::fromStdString(sp.id), id);
        const QString voice = QString::fromStdString(sp.voice_path);
        if (voice.isEmpty()) continue;
        const SpeakerData* current = document.speakers()->byId(id);
        const QString wanted = QString::fromStdString(sp.voice_sha256);
        if (current && !wanted.isEmpty() && current->voiceSha256 == wanted) continue;
        if (!QFileInfo::exists(voice)) {
            warnings << RecipeText::tr("The voice of %1 is missing: %2").arg(name, voice);
            continue;
        }
        if (!wanted.isEmpty() && sha256OfFile(voice) != wanted)
            warnings << RecipeText::tr("The voice of %1 changed since the clip was made: %2")
                            .arg(name, voice);
        QString error;
        if (!document.attachVoice(id, voice, &error))
            warnings << RecipeText::tr("Cannot attach the voice of %1: %2").arg(name, error);
    }

    // 2. The prompt, each span spoken by its speaker again.
    PromptState prompt = carrySpanData(PromptState(), QString::fromStdString(r.prompt));
    for (int k = 0; k < prompt.spans.size() && k < int(r.spans.size()); ++k)
        prompt.spans[k].speakerId =
            idOf.value(QString::fromStdString(r.spans[size_t(k)].speaker_id));
    document.setPromptState(prompt, RecipeText::tr("Restore prompt"), false);
    document.setNegativePrompt(QString::fromStdString(r.negative_prompt));

    // 3. How it was generated.
    document.setSettings(settingsFromRequest(r, document.settings()),
                         RecipeText::tr("Restore settings"));
    undo->endMacro();
    return warnings;
}

QString recipePlainPrompt(const nava::api::GenerationRequest& r) {
    return parseMarkup(QString::fromStdString(r.prompt)).plainText.simplified();
}

QString recipeSummaryHtml(const nava::api::GenerationRequest& r) {
    QString html;
    // 1. The prompt with its spoken words set apart.
    const ParsedMarkup parsed = parseMarkup(QString::fromStdString(r.prompt));
    QString prompt;
    int cursor = 0;
    for (int k = 0; k < parsed.spans.size(); ++k) {
        const MarkupSpan& span = parsed.spans[k];
        prompt += parsed.plainText.mid(cursor, span.plainStart - cursor).toHtmlEscaped();
        QString who;
        if (k < int(r.spans.size()))
            for (const auto& sp : r.speakers)
                if (sp.id == r.spans[size_t(k)].speaker_id) who = QString::fromStdString(sp.name);
        prompt += QStringLiteral("<b>“%1”</b>").arg(span.text.toHtmlEscaped());
        if (!who.isEmpty()) prompt += QStringLiteral(" <i>(%1)</i>").arg(who.toHtmlEscaped());
        cursor = span.plainEnd();
    }
    prompt += parsed.plainText.mid(cursor).toHtmlEscaped();
    html += QStringLiteral("<p>%1</p>").arg(prompt);
    if (!r.negative_prompt.empty())
        html += QStringLiteral("<p><b>%1</b> %2</p>")
                    .arg(RecipeText::tr("Avoid:"),
                         QString::fromStdString(r.negative_prompt).toHtmlEscaped());

    // 2. Speakers and settings as a small table.
    auto row = [](const QString& key, const QString& value) {
        return QStringLiteral("<tr><td style=\"padding-right:12px\"><b>%1</b></td><td>%2</td></tr>")
            .arg(key.toHtmlEscaped(), value.toHtmlEscaped());
    };
    html += QStringLiteral("<table>");
    for (const auto& sp : r.speakers)
        html += row(RecipeText::tr("Speaker"),
                    QStringLiteral("%1 — %2").arg(
                        QString::fromStdString(sp.name),
                        sp.voice_path.empty()
                            ? RecipeText::tr("no reference voice")
                            : QFileInfo(QString::fromStdString(sp.voice_path)).fileName()));
    html += row(RecipeText::tr("Mode"), modeText(r.mode));
    if (r.mode != nava::api::Mode::text_to_audio)
        html += row(RecipeText::tr("Size"), QStringLiteral("%1 × %2").arg(r.width).arg(r.height));
    html += row(RecipeText::tr("Duration"),
                RecipeText::tr("%1 s").arg(QLocale().toString(r.duration_s, 'f', 2)));
    html += row(RecipeText::tr("Seed"), QString::number(qulonglong(r.seed)));
    html +=
        row(RecipeText::tr("Steps"), QStringLiteral("%1 (%2, shift %3)")
                                         .arg(r.steps)
                                         .arg(QString::fromLatin1(nava::api::to_string(r.solver)))
                                         .arg(r.shift));
    html += row(RecipeText::tr("Guidance"), RecipeText::tr("video %1 · audio %2 · voice %3")
                                                .arg(r.guidance.video_text)
                                                .arg(r.guidance.audio_text)
                                                .arg(r.guidance.timbre));
    if (!r.package.empty()) html += row(RecipeText::tr("Model"), QString::fromStdString(r.package));
    html += QStringLiteral("</table>");
    return html;
}

}  // namespace nava::ui
