// The speakers of a project: add, rename (double-click), remove; a reference voice per speaker
// attached from a file dialog or by dropping a file; its waveform, length/level warnings,
// playback and trimming to a selection.
#pragma once

#include <memory>

#include <QPointer>
#include <QWidget>

#include "media/buffers.h"

class QLabel;
class QListView;
class QToolButton;
class QAction;

namespace nava::ui {

class ProjectDocument;
class VoiceDecoder;
class VoicePlayer;
class WaveformView;

class SpeakersPanel : public QWidget {
    Q_OBJECT

public:
    explicit SpeakersPanel(QWidget* parent = nullptr);
    ~SpeakersPanel() override;

    void setDocument(ProjectDocument* document);
    void setVoiceDecoder(std::unique_ptr<VoiceDecoder> decoder);

    QString currentSpeakerId() const;
    void selectSpeaker(const QString& id);
    QListView* listView() const { return m_list; }
    WaveformView* waveform() const { return m_waveform; }
    QAction* playAction() const { return m_playAction; }
    QLabel* warningsLabel() const { return m_warnings; }

    // Attaches `file` to the speaker (a new one when `speakerId` is ""). False + message shown.
    bool attachVoiceFile(const QString& speakerId, const QString& file);
    bool trimToSelection();
    void togglePlay();

Q_SIGNALS:
    void message(const QString& text);  // for the status bar

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void addSpeaker();
    void removeSpeaker();
    void chooseVoiceFile();
    void onFilesDropped(int row, const QStringList& paths);
    void refreshDetails();
    void refreshButtons();

    QPointer<ProjectDocument> m_document;
    std::unique_ptr<VoiceDecoder> m_decoder;
    VoicePlayer* m_player = nullptr;
    QListView* m_list = nullptr;
    QToolButton* m_addButton = nullptr;
    QToolButton* m_removeButton = nullptr;
    QToolButton* m_attachButton = nullptr;
    QToolButton* m_playButton = nullptr;
    QToolButton* m_trimButton = nullptr;
    QAction* m_playAction = nullptr;
    QLabel* m_voiceLabel = nullptr;
    WaveformView* m_waveform = nullptr;
    QLabel* m_warnings = nullptr;
    nava::media::AudioBuffer m_audio;
    QString m_shownVoicePath;
    QList<QMetaObject::Connection> m_connections;
};

}  // namespace nava::ui
