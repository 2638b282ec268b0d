// Generation settings of the project: mode, size, duration on the model's grid, seed policy,
// steps and solver, guidance scales (advanced), memory profile and model package. Every change
// is an undoable edit of the project.
#pragma once

#include <QPointer>
#include <QWidget>

#include "ui/project/generation_settings.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;
class QToolButton;

namespace nava::ui {

class ProjectDocument;

class GenerationPanel : public QWidget {
    Q_OBJECT

public:
    explicit GenerationPanel(QWidget* parent = nullptr);

    void setDocument(ProjectDocument* document);
    void setModelFolders(const QStringList& folders);  // refreshes the package list

    QComboBox* modeBox() const { return m_mode; }
    QComboBox* aspectBox() const { return m_aspect; }
    QComboBox* sizeBox() const { return m_size; }
    QDoubleSpinBox* durationBox() const { return m_duration; }
    QSpinBox* seedBox() const { return m_seed; }
    QComboBox* seedModeBox() const { return m_seedMode; }
    QComboBox* packageBox() const { return m_package; }

Q_SIGNALS:
    void loadPackageRequested(const QString& path);

private:
    enum Field {
        kMode,
        kImage,
        kSize,
        kDuration,
        kSeed,
        kSeedMode,
        kSteps,
        kSolver,
        kShift,
        kGuidance,
        kMemory,
        kPackage,
    };
    template <class Change>
    void edit(const QString& description, Field field, Change change);
    void refresh();
    void fillSizes(const QString& aspect);
    QWidget* buildAdvanced();

    QPointer<ProjectDocument> m_document;
    QFormLayout* m_form = nullptr;
    QComboBox* m_mode = nullptr;
    QWidget* m_imageRow = nullptr;
    QLineEdit* m_image = nullptr;
    QComboBox* m_aspect = nullptr;
    QComboBox* m_size = nullptr;
    QDoubleSpinBox* m_duration = nullptr;
    QLabel* m_frames = nullptr;
    QSpinBox* m_seed = nullptr;
    QComboBox* m_seedMode = nullptr;
    QSpinBox* m_steps = nullptr;
    QComboBox* m_solver = nullptr;
    QToolButton* m_advancedToggle = nullptr;
    QWidget* m_advanced = nullptr;
    QDoubleSpinBox* m_shift = nullptr;
    QDoubleSpinBox* m_videoText = nullptr;
    QDoubleSpinBox* m_videoAlign = nullptr;
    QDoubleSpinBox* m_audioText = nullptr;
    QDoubleSpinBox* m_audioAlign = nullptr;
    QDoubleSpinBox* m_timbre = nullptr;
    QCheckBox* m_alignPass = nullptr;
    QCheckBox* m_timbrePass = nullptr;
    QComboBox* m_memory = nullptr;
    QComboBox* m_package = nullptr;
    QList<QMetaObject::Connection> m_connections;
};

}  // namespace nava::ui
