// The Training tab: set up a fine-tuning run (dataset, validation report, recipe and stage,
// LoRA or full fine-tune, ranks), start / pause / resume / stop it, and follow it: progress
// with time left, the loss and learning-rate plot, sample clips as they appear, the log.
// All state lives in the TrainingSession; this is a view of it.
#pragma once

#include <QWidget>

class QAction;
class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTreeWidget;

namespace nava::ui {

class TrainingChart;
class TrainingSession;
struct DatasetReport;
struct TrainingEvent;
struct TrainingLogLine;

class TrainingPanel : public QWidget {
    Q_OBJECT

public:
    explicit TrainingPanel(TrainingSession* session, QWidget* parent = nullptr);

    TrainingSession* session() const { return m_session; }
    TrainingChart* chart() const { return m_chart; }
    QTreeWidget* reportView() const { return m_report; }
    QListWidget* samplesView() const { return m_samples; }
    QPlainTextEdit* logView() const { return m_log; }
    QLabel* stateLabel() const { return m_stateLabel; }
    QLabel* errorLabel() const { return m_errorLabel; }
    QProgressBar* progressBar() const { return m_progress; }
    QLineEdit* datasetEdit() const { return m_dataset; }
    QLineEdit* recipeEdit() const { return m_recipe; }
    QComboBox* stageBox() const { return m_stage; }
    QSpinBox* ranksBox() const { return m_ranks; }
    QRadioButton* loraButton() const { return m_lora; }
    QRadioButton* fullButton() const { return m_full; }
    QPushButton* validateButton() const { return m_validate; }
    QAction* startAction() const { return m_start; }
    QAction* pauseAction() const { return m_pause; }
    QAction* resumeAction() const { return m_resume; }
    QAction* stopAction() const { return m_stop; }

Q_SIGNALS:
    void openClipRequested(const QString& path);  // a sample clip, for the player
    void message(const QString& text);

private:
    void pushSetup();
    void pullSetup();
    void chooseDatasetFolder();
    void chooseManifest();
    void chooseRecipe();
    void startRun(bool fresh);
    void onStateChanged();
    void onStep(const TrainingEvent& step);
    void onLog(const TrainingLogLine& line);
    void showReport(const DatasetReport& report);
    void refreshSamples();
    void refreshRecipeSummary();
    void refreshProgress();

    TrainingSession* m_session = nullptr;
    bool m_pulling = false;
    QString m_startError;
    QLineEdit* m_dataset = nullptr;
    QPushButton* m_validate = nullptr;
    QLabel* m_reportSummary = nullptr;
    QTreeWidget* m_report = nullptr;
    QLineEdit* m_recipe = nullptr;
    QLabel* m_recipeSummary = nullptr;
    QComboBox* m_stage = nullptr;
    QRadioButton* m_lora = nullptr;
    QRadioButton* m_full = nullptr;
    QButtonGroup* m_method = nullptr;
    QSpinBox* m_ranks = nullptr;
    QAction* m_start = nullptr;
    QAction* m_pause = nullptr;
    QAction* m_resume = nullptr;
    QAction* m_stop = nullptr;
    QLabel* m_stateLabel = nullptr;
    QLabel* m_errorLabel = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_stats = nullptr;
    TrainingChart* m_chart = nullptr;
    QListWidget* m_samples = nullptr;
    QPlainTextEdit* m_log = nullptr;
};

}  // namespace nava::ui
