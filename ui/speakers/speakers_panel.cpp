#include "ui/speakers/speakers_panel.h"

#include <QAction>
#include <QDragEnterEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMimeData>
#include <QStyle>
#include <QTemporaryDir>
#include <QToolButton>
#include <QVBoxLayout>

#include "media/wav.h"
#include "ui/project/project_document.h"
#include "ui/project/project_file.h"
#include "ui/project/speaker_model.h"
#include "ui/speakers/voice_analysis.h"
#include "ui/speakers/voice_decoder.h"
#include "ui/speakers/voice_player.h"
#include "ui/speakers/waveform_view.h"

namespace nava::ui {
namespace {

QToolButton* toolButton(QWidget* parent, const QString& text, const QString& tip,
                        QStyle::StandardPixmap icon = QStyle::SP_CustomBase) {
    auto* b = new QToolButton(parent);
    b->setText(text);
    b->setToolTip(tip);
    b->setAccessibleName(text);
    if (icon != QStyle::SP_CustomBase) {
        b->setIcon(parent->style()->standardIcon(icon));
        b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    }
    b->setAutoRaise(true);
    return b;
}

QStringList localFiles(const QMimeData* data) {
    QStringList out;
    if (data && data->hasUrls())
        for (const QUrl& url : data->urls())
            if (url.isLocalFile()) out << url.toLocalFile();
    return out;
}

}  // namespace

SpeakersPanel::SpeakersPanel(QWidget* parent)
    : QWidget(parent), m_decoder(makeDefaultVoiceDecoder()), m_player(new VoicePlayer(this)) {
    setAcceptDrops(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto* title = new QLabel(tr("<b>Speakers</b>"), this);
    layout->addWidget(title);

    // 1. The list; names edit in place (F2 / double-click), files drop onto a speaker.
    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("speakerList"));
    m_list->setAccessibleName(tr("Speakers"));
    m_list->setToolTip(
        tr("Double-click a name to rename; drop a sound or video file on a speaker to "
           "attach it as their voice"));
    m_list->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_list->setDragDropMode(QAbstractItemView::DropOnly);
    m_list->setDropIndicatorShown(true);
    m_list->setMaximumHeight(110);
    layout->addWidget(m_list);

    auto* buttons = new QHBoxLayout;
    m_addButton = toolButton(this, tr("Add"), tr("Add a speaker"));
    m_removeButton = toolButton(this, tr("Remove"), tr("Remove the selected speaker"));
    m_attachButton =
        toolButton(this, tr("Voice…"), tr("Attach a reference voice (3–10 s of clear speech)"),
                   QStyle::SP_DialogOpenButton);
    m_playButton = toolButton(this, tr("Play"), QString(), QStyle::SP_MediaPlay);
    m_trimButton = toolButton(this, tr("Trim"), tr("Keep only the selected part of the voice"));
    m_playAction = new QAction(tr("Play voice"), this);
    m_playAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    connect(m_playAction, &QAction::triggered, this, &SpeakersPanel::togglePlay);
    for (QToolButton* b : {m_addButton, m_removeButton, m_attachButton, m_playButton, m_trimButton})
        buttons->addWidget(b);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    connect(m_addButton, &QToolButton::clicked, this, &SpeakersPanel::addSpeaker);
    connect(m_removeButton, &QToolButton::clicked, this, &SpeakersPanel::removeSpeaker);
    connect(m_attachButton, &QToolButton::clicked, this, &SpeakersPanel::chooseVoiceFile);
    connect(m_playButton, &QToolButton::clicked, this, &SpeakersPanel::togglePlay);
    connect(m_trimButton, &QToolButton::clicked, this, &SpeakersPanel::trimToSelection);

    // 2. The selected speaker's voice.
    m_voiceLabel = new QLabel(this);
    m_voiceLabel->setObjectName(QStringLiteral("voiceLabel"));
    m_voiceLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_waveform = new WaveformView(this);
    m_warnings = new QLabel(this);
    m_warnings->setObjectName(QStringLiteral("voiceWarnings"));
    m_warnings->setWordWrap(true);
    m_warnings->setTextFormat(Qt::RichText);
    layout->addWidget(m_voiceLabel);
    layout->addWidget(m_waveform);
    layout->addWidget(m_warnings);
    connect(m_waveform, &WaveformView::selectionChanged, this, &SpeakersPanel::refreshButtons);
    connect(m_player, &VoicePlayer::positionChanged, m_waveform, &WaveformView::setPlayheadMs);
    connect(m_player, &VoicePlayer::playingChanged, this, &SpeakersPanel::refreshButtons);

    setTabOrder(m_list, m_addButton);
    setTabOrder(m_addButton, m_removeButton);
    setTabOrder(m_removeButton, m_attachButton);
    setTabOrder(m_attachButton, m_playButton);
    setTabOrder(m_playButton, m_trimButton);
    setTabOrder(m_trimButton, m_waveform);
    setDocument(nullptr);
}

SpeakersPanel::~SpeakersPanel() = default;

void SpeakersPanel::setVoiceDecoder(std::unique_ptr<VoiceDecoder> decoder) {
    if (decoder) m_decoder = std::move(decoder);
}

void SpeakersPanel::setDocument(ProjectDocument* document) {
    for (const auto& c : m_connections)
        disconnect(c);
    m_connections.clear();
    m_player->stop();
    m_document = document;
    setEnabled(document != nullptr);
    m_list->setModel(document ? document->speakers() : nullptr);
    if (document) {
        SpeakerModel* model = document->speakers();
        m_connections << connect(model, &SpeakerModel::filesDropped, this,
                                 &SpeakersPanel::onFilesDropped);
        m_connections << connect(model, &SpeakerModel::renameRequested, document,
                                 &ProjectDocument::renameSpeaker);
        m_connections << connect(model, &QAbstractItemModel::dataChanged, this,
                                 &SpeakersPanel::refreshDetails);
        m_connections << connect(model, &QAbstractItemModel::rowsInserted, this,
                                 [this](const QModelIndex&, int first, int) {
                                     m_list->setCurrentIndex(m_list->model()->index(first, 0));
                                 });
        m_connections << connect(model, &QAbstractItemModel::rowsRemoved, this,
                                 &SpeakersPanel::refreshDetails);
        m_connections << connect(model, &QAbstractItemModel::modelReset, this, [this] {
            if (m_list->model()->rowCount() > 0)
                m_list->setCurrentIndex(m_list->model()->index(0, 0));
            refreshDetails();
        });
        m_connections << connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged,
                                 this, &SpeakersPanel::refreshDetails);
        if (model->rowCount() > 0) m_list->setCurrentIndex(model->index(0, 0));
    }
    refreshDetails();
}

QString SpeakersPanel::currentSpeakerId() const {
    const QModelIndex i = m_list->currentIndex();
    return i.isValid() ? i.data(SpeakerModel::IdRole).toString() : QString();
}

void SpeakersPanel::selectSpeaker(const QString& id) {
    if (!m_document) return;
    const int row = m_document->speakers()->rowOfId(id);
    if (row >= 0) m_list->setCurrentIndex(m_document->speakers()->index(row));
}

void SpeakersPanel::addSpeaker() {
    if (!m_document) return;
    selectSpeaker(m_document->addSpeaker());
}

void SpeakersPanel::removeSpeaker() {
    if (!m_document) return;
    m_document->removeSpeaker(currentSpeakerId());
}

void SpeakersPanel::chooseVoiceFile() {
    if (!m_document) return;
    const QString filter = tr("Audio (%1)").arg(m_decoder->nameFilters().join(u' ')) +
                           QStringLiteral(";;") + tr("All files (*)");
    const QString file =
        QFileDialog::getOpenFileName(this, tr("Reference voice"), QString(), filter);
    if (!file.isEmpty()) attachVoiceFile(currentSpeakerId(), file);
}

bool SpeakersPanel::attachVoiceFile(const QString& speakerIdIn, const QString& file) {
    if (!m_document) return false;
    // Decode first: a file we cannot read must not become a voice.
    const DecodedAudio decoded = m_decoder->decode(file);
    if (!decoded.ok()) {
        m_warnings->setText(QStringLiteral("<span style=\"color:#c62828;\">%1</span>")
                                .arg(tr("Cannot use %1: %2")
                                         .arg(QFileInfo(file).fileName(), decoded.error)
                                         .toHtmlEscaped()));
        m_warnings->setVisible(true);
        Q_EMIT message(tr("Cannot use %1 as a voice").arg(QFileInfo(file).fileName()));
        return false;
    }
    // From a video only the sound is kept: the project stores a WAV, not the whole film.
    QTemporaryDir temp;
    QString source = file;
    if (decoded.fromVideo) {
        source = temp.filePath(QFileInfo(file).completeBaseName() + QStringLiteral(".wav"));
        try {
            nava::media::write_wav(QFile::encodeName(source).toStdString(), decoded.audio);
        } catch (const std::exception& e) {
            Q_EMIT message(tr("Cannot use %1: %2")
                               .arg(QFileInfo(file).fileName(), QString::fromUtf8(e.what())));
            return false;
        }
    }
    QString speakerId = speakerIdIn;
    if (speakerId.isEmpty()) speakerId = m_document->addSpeaker();
    QString error;
    if (!m_document->attachVoice(speakerId, source, &error)) {
        Q_EMIT message(tr("Cannot attach the voice: %1").arg(error));
        return false;
    }
    selectSpeaker(speakerId);
    Q_EMIT message(tr("Voice attached: %1").arg(QFileInfo(file).fileName()));
    return true;
}

void SpeakersPanel::onFilesDropped(int row, const QStringList& paths) {
    if (!m_document || paths.isEmpty()) return;
    const QString id = row >= 0 ? m_document->speakers()->at(row).id : currentSpeakerId();
    attachVoiceFile(id, paths.first());
}

void SpeakersPanel::dragEnterEvent(QDragEnterEvent* event) {
    if (m_document && !localFiles(event->mimeData()).isEmpty()) event->acceptProposedAction();
}

void SpeakersPanel::dropEvent(QDropEvent* event) {
    const QStringList files = localFiles(event->mimeData());
    if (files.isEmpty()) return;
    attachVoiceFile(currentSpeakerId(), files.first());
    event->acceptProposedAction();
}

bool SpeakersPanel::trimToSelection() {
    if (!m_document || !m_waveform->hasSelection() || m_audio.frames() == 0) return false;
    const SpeakerData* speaker = m_document->speakers()->byId(currentSpeakerId());
    if (!speaker) return false;
    const auto trimmed =
        trimAudio(m_audio, m_waveform->selectionStartMs(), m_waveform->selectionEndMs());
    QTemporaryDir temp;
    const QString base = QFileInfo(speaker->voiceFile).completeBaseName().section(u'-', 0, -2);
    const QString tempFile = temp.filePath((base.isEmpty() ? QStringLiteral("voice") : base) +
                                           QStringLiteral("-trim.wav"));
    try {
        nava::media::write_wav(tempFile.toStdString(), trimmed);
    } catch (const std::exception& e) {
        Q_EMIT message(tr("Cannot write the trimmed voice: %1").arg(QString::fromUtf8(e.what())));
        return false;
    }
    QString sha, error;
    const QString relative = importVoiceFile(tempFile, m_document->projectDir(), &sha, &error);
    if (relative.isEmpty()) {
        Q_EMIT message(tr("Cannot write the trimmed voice: %1").arg(error));
        return false;
    }
    m_document->setSpeakerVoice(speaker->id, relative, sha,
                                tr("Trim voice of %1").arg(speaker->name));
    return true;
}

void SpeakersPanel::togglePlay() {
    if (m_player->isPlaying()) {
        m_player->stop();
        return;
    }
    if (!m_player->isAvailable() || m_shownVoicePath.isEmpty()) return;
    if (m_waveform->hasSelection())
        m_player->play(m_shownVoicePath, m_waveform->selectionStartMs(),
                       m_waveform->selectionEndMs());
    else
        m_player->play(m_shownVoicePath);
}

void SpeakersPanel::refreshDetails() {
    const SpeakerData* speaker =
        m_document ? m_document->speakers()->byId(currentSpeakerId()) : nullptr;
    const QString path = speaker ? m_document->voicePath(*speaker) : QString();
    if (path != m_shownVoicePath) {
        m_player->stop();
        m_shownVoicePath = path;
        m_audio = {};
        m_warnings->clear();
        if (!path.isEmpty()) {
            const DecodedAudio decoded = m_decoder->decode(path);
            if (decoded.ok())
                m_audio = decoded.audio;
            else
                m_warnings->setText(QStringLiteral("<span style=\"color:#c62828;\">%1</span>")
                                        .arg(decoded.error.toHtmlEscaped()));
        }
        m_waveform->setAudio(m_audio);
    }
    if (!speaker) {
        m_voiceLabel->setText(m_document && m_document->speakers()->rowCount() == 0
                                  ? tr("Add a speaker for each voice in the scene.")
                                  : QString());
    } else if (speaker->voiceFile.isEmpty()) {
        m_voiceLabel->setText(
            tr("%1 has no reference voice: the model picks one.").arg(speaker->name));
    } else {
        const VoiceAnalysis a = analyseVoice(m_audio);
        const QString channels = a.channels == 1   ? tr("mono")
                                 : a.channels == 2 ? tr("stereo")
                                                   : tr("%1 channels").arg(a.channels);
        m_voiceLabel->setText(tr("%1 · %2 s · %3 kHz · %4")
                                  .arg(QFileInfo(speaker->voiceFile).fileName())
                                  .arg(a.durationMs / 1000.0, 0, 'f', 1)
                                  .arg(a.sampleRateHz / 1000.0, 0, 'g', 3)
                                  .arg(channels));
        if (m_audio.frames() > 0) {
            QStringList lines;
            for (VoiceWarning w : voiceWarnings(a))
                lines << QStringLiteral("<span style=\"color:#b26a00;\">&#9888; %1</span>")
                             .arg(voiceWarningText(w, a).toHtmlEscaped());
            m_warnings->setText(lines.join(QStringLiteral("<br>")));
        }
    }
    m_warnings->setVisible(!m_warnings->text().isEmpty());
    refreshButtons();
}

void SpeakersPanel::refreshButtons() {
    const bool hasSpeaker = !currentSpeakerId().isEmpty();
    const bool hasVoice = !m_shownVoicePath.isEmpty() && m_audio.frames() > 0;
    m_removeButton->setEnabled(hasSpeaker);
    m_attachButton->setEnabled(m_document != nullptr);
    m_trimButton->setEnabled(hasVoice && m_waveform->hasSelection());
    const bool canPlay = hasVoice && m_player->isAvailable();
    m_playButton->setEnabled(canPlay);
    m_playAction->setEnabled(canPlay);
    m_playButton->setText(m_player->isPlaying() ? tr("Stop") : tr("Play"));
    m_playButton->setIcon(
        style()->standardIcon(m_player->isPlaying() ? QStyle::SP_MediaStop : QStyle::SP_MediaPlay));
    m_playButton->setToolTip(
        !m_player->isAvailable()
            ? tr("No audio output device: playback is unavailable")
            : tr("Play the voice, or the selected part (%1)")
                  .arg(m_playAction->shortcut().toString(QKeySequence::NativeText)));
}

}  // namespace nava::ui
