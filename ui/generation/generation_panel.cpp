#include "ui/generation/generation_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRandomGenerator>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include "ui/generation/model_packages.h"
#include "ui/project/project_document.h"

namespace nava::ui {
namespace {

QDoubleSpinBox* scaleBox(QWidget* parent, const QString& tip) {
    auto* box = new QDoubleSpinBox(parent);
    box->setRange(0.0, 20.0);
    box->setSingleStep(0.5);
    box->setDecimals(1);
    box->setKeyboardTracking(false);
    box->setToolTip(tip);
    return box;
}

// A form row whose field is a layout: the label's mnemonic goes to `buddy`.
void addRow(QFormLayout* form, const QString& text, QLayout* field, QWidget* buddy) {
    auto* label = new QLabel(text);
    label->setBuddy(buddy);
    form->addRow(label, field);
}

QString memoryProfileTip(const QString& name) {
    if (name == u"auto") return GenerationPanel::tr("Chosen from the free memory of the device");
    if (name == u"resident")
        return GenerationPanel::tr("Everything stays on the GPU: fastest, most memory");
    if (name == u"text-offload")
        return GenerationPanel::tr("The text encoder leaves the GPU after encoding");
    if (name == u"fp8-tiled")
        return GenerationPanel::tr("8-bit weights, text encoder offload, tiled VAE decoding");
    if (name == u"block-offload")
        return GenerationPanel::tr(
            "Transformer blocks paged between CPU and GPU: least memory, slowest");
    return QString();
}

}  // namespace

GenerationPanel::GenerationPanel(QWidget* parent) : QWidget(parent) {
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(new QLabel(tr("<b>Generation</b>"), this));
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    outer->addLayout(form);

    // 1. What to make.
    m_mode = new QComboBox(this);
    m_mode->addItem(tr("Picture and sound"), int(nava::api::Mode::text_to_audio_video));
    m_mode->addItem(tr("From a first frame"), int(nava::api::Mode::image_to_audio_video));
    m_mode->addItem(tr("Sound only"), int(nava::api::Mode::text_to_audio));
    m_mode->setToolTip(tr("Text to picture and sound, continue a first frame, or sound alone"));
    form->addRow(tr("&Mode:"), m_mode);
    connect(m_mode, &QComboBox::activated, this, [this] {
        edit(tr("Change mode"), kMode, [this](GenerationSettings& s) {
            s.mode = nava::api::Mode(m_mode->currentData().toInt());
        });
    });

    m_imageRow = new QWidget(this);
    auto* imageLayout = new QHBoxLayout(m_imageRow);
    imageLayout->setContentsMargins(0, 0, 0, 0);
    m_image = new QLineEdit(m_imageRow);
    m_image->setReadOnly(true);
    m_image->setPlaceholderText(tr("No image chosen"));
    auto* browse = new QToolButton(m_imageRow);
    browse->setText(tr("Choose…"));
    browse->setToolTip(tr("The picture the clip starts from"));
    imageLayout->addWidget(m_image, 1);
    imageLayout->addWidget(browse);
    form->addRow(tr("First frame:"), m_imageRow);
    m_form = form;
    connect(browse, &QToolButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(
            this, tr("First frame"), QString(), tr("Images (*.png *.jpg *.jpeg *.webp *.bmp)"));
        if (file.isEmpty()) return;
        edit(tr("Choose first frame"), kImage,
             [file](GenerationSettings& s) { s.firstFrameImage = file; });
    });

    // 2. Picture size and length.
    auto* sizeRow = new QHBoxLayout;
    m_aspect = new QComboBox(this);
    m_aspect->addItems(aspectRatios());
    m_aspect->setToolTip(tr("Aspect ratio"));
    m_size = new QComboBox(this);
    m_size->setToolTip(tr("Width × height in pixels (multiples of 32)"));
    sizeRow->addWidget(m_aspect);
    sizeRow->addWidget(m_size, 1);
    addRow(form, tr("&Size:"), sizeRow, m_aspect);
    auto applySize = [this] {
        const QSize size = m_size->currentData().toSize();
        if (!size.isValid()) return;
        edit(tr("Change size"), kSize, [size](GenerationSettings& s) {
            s.width = size.width();
            s.height = size.height();
        });
    };
    connect(m_aspect, &QComboBox::activated, this, [this, applySize] {
        fillSizes(m_aspect->currentText());
        m_size->setCurrentIndex(0);
        applySize();
    });
    connect(m_size, &QComboBox::activated, this, applySize);

    auto* durationRow = new QHBoxLayout;
    m_duration = new QDoubleSpinBox(this);
    m_duration->setRange(kMinDurationS, kMaxDurationS);
    m_duration->setDecimals(2);
    m_duration->setSingleStep(0.5);
    m_duration->setSuffix(tr(" s"));
    m_duration->setKeyboardTracking(false);
    m_duration->setToolTip(tr("Snapped to whole latent frames: 6 per second, plus one"));
    m_frames = new QLabel(this);
    durationRow->addWidget(m_duration);
    durationRow->addWidget(m_frames, 1);
    addRow(form, tr("&Duration:"), durationRow, m_duration);
    connect(m_duration, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        const double snapped = snapDuration(value).seconds;
        edit(tr("Change duration"), kDuration,
             [snapped](GenerationSettings& s) { s.durationS = snapped; });
        refresh();  // shows the snapped value even when the setting did not change
    });

    // 3. Randomness and quality.
    auto* seedRow = new QHBoxLayout;
    m_seed = new QSpinBox(this);
    m_seed->setRange(0, int(kMaxSeed));
    m_seed->setKeyboardTracking(false);
    m_seed->setToolTip(tr("The same seed and settings give the same clip"));
    m_seedMode = new QComboBox(this);
    m_seedMode->addItem(tr("Fixed"), int(SeedMode::fixed));
    m_seedMode->addItem(tr("Increment"), int(SeedMode::increment));
    m_seedMode->addItem(tr("Random"), int(SeedMode::random));
    m_seedMode->setToolTip(
        tr("Fixed: every job uses this seed. Increment: +1 after each job. Random: a new seed "
           "per job"));
    auto* dice = new QToolButton(this);
    dice->setText(tr("New"));
    dice->setToolTip(tr("Pick a random seed now"));
    seedRow->addWidget(m_seed, 1);
    seedRow->addWidget(m_seedMode);
    seedRow->addWidget(dice);
    addRow(form, tr("S&eed:"), seedRow, m_seed);
    connect(m_seed, &QSpinBox::valueChanged, this, [this](int v) {
        edit(tr("Change seed"), kSeed, [v](GenerationSettings& s) { s.seed = v; });
    });
    connect(m_seedMode, &QComboBox::activated, this, [this] {
        edit(tr("Change seed mode"), kSeedMode, [this](GenerationSettings& s) {
            s.seedMode = SeedMode(m_seedMode->currentData().toInt());
        });
    });
    connect(dice, &QToolButton::clicked, this, [this] {
        const qint64 seed = QRandomGenerator::global()->bounded(kMaxSeed);
        edit(tr("New random seed"), kSeed, [seed](GenerationSettings& s) { s.seed = seed; });
    });

    auto* qualityRow = new QHBoxLayout;
    m_steps = new QSpinBox(this);
    m_steps->setRange(1, 200);
    m_steps->setKeyboardTracking(false);
    m_steps->setToolTip(
        tr("Sampling steps: more is slower and usually cleaner (50 is the "
           "reference)"));
    m_solver = new QComboBox(this);
    m_solver->addItem(tr("UniPC"), int(nava::api::Solver::unipc));
    m_solver->addItem(tr("Euler"), int(nava::api::Solver::euler));
    m_solver->setToolTip(tr("The ODE solver of the sampler"));
    qualityRow->addWidget(m_steps, 1);
    qualityRow->addWidget(m_solver);
    addRow(form, tr("S&teps:"), qualityRow, m_steps);
    connect(m_steps, &QSpinBox::valueChanged, this, [this](int v) {
        edit(tr("Change steps"), kSteps, [v](GenerationSettings& s) { s.steps = v; });
    });
    connect(m_solver, &QComboBox::activated, this, [this] {
        edit(tr("Change solver"), kSolver, [this](GenerationSettings& s) {
            s.solver = nava::api::Solver(m_solver->currentData().toInt());
        });
    });

    // 4. Where it runs.
    m_memory = new QComboBox(this);
    for (const QString& name : memoryProfileNames()) {
        m_memory->addItem(name == u"auto" ? tr("Automatic") : name, name);
        m_memory->setItemData(m_memory->count() - 1, memoryProfileTip(name), Qt::ToolTipRole);
    }
    m_memory->setToolTip(tr("How the model is spread over GPU and CPU memory"));
    form->addRow(tr("M&emory:"), m_memory);
    connect(m_memory, &QComboBox::activated, this, [this] {
        edit(tr("Change memory profile"), kMemory, [this](GenerationSettings& s) {
            s.memoryProfile = m_memory->currentData().toString();
        });
    });

    auto* packageRow = new QHBoxLayout;
    m_package = new QComboBox(this);
    m_package->setToolTip(tr("Model packages found in the folders set in Settings"));
    auto* load = new QToolButton(this);
    load->setText(tr("Load"));
    load->setToolTip(tr("Load the chosen model now instead of at the first job"));
    packageRow->addWidget(m_package, 1);
    packageRow->addWidget(load);
    addRow(form, tr("Mode&l:"), packageRow, m_package);
    connect(m_package, &QComboBox::activated, this, [this] {
        edit(tr("Change model"), kPackage,
             [this](GenerationSettings& s) { s.package = m_package->currentData().toString(); });
    });
    connect(load, &QToolButton::clicked, this,
            [this] { Q_EMIT loadPackageRequested(m_package->currentData().toString()); });

    // 5. Guidance, folded away.
    m_advancedToggle = new QToolButton(this);
    m_advancedToggle->setText(tr("Advanced guidance"));
    m_advancedToggle->setCheckable(true);
    m_advancedToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_advancedToggle->setArrowType(Qt::RightArrow);
    m_advancedToggle->setAutoRaise(true);
    outer->addWidget(m_advancedToggle);
    m_advanced = buildAdvanced();
    m_advanced->setVisible(false);
    outer->addWidget(m_advanced);
    connect(m_advancedToggle, &QToolButton::toggled, this, [this](bool on) {
        m_advanced->setVisible(on);
        m_advancedToggle->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
    });
    outer->addStretch(1);

    setModelFolders({});
    setDocument(nullptr);
}

QWidget* GenerationPanel::buildAdvanced() {
    auto* box = new QWidget(this);
    auto* form = new QFormLayout(box);
    form->setContentsMargins(12, 0, 0, 0);
    m_shift = scaleBox(box, tr("Flow-matching time shift (5 in the reference)"));
    m_videoText = scaleBox(box, tr("How strongly the picture follows the prompt"));
    m_videoAlign = scaleBox(box, tr("How strongly the picture follows the sound"));
    m_audioText = scaleBox(box, tr("How strongly the sound follows the prompt"));
    m_audioAlign = scaleBox(box, tr("How strongly the sound follows the picture"));
    m_timbre = scaleBox(box, tr("How strongly speech follows the reference voices"));
    m_alignPass = new QCheckBox(tr("Audio–video alignment pass"), box);
    m_alignPass->setToolTip(tr("An extra pass per step without audio–video attention"));
    m_timbrePass = new QCheckBox(tr("Voice pass"), box);
    m_timbrePass->setToolTip(tr("An extra pass per step without the reference voices"));
    form->addRow(tr("Shift:"), m_shift);
    form->addRow(tr("Video ← text:"), m_videoText);
    form->addRow(tr("Video ← audio:"), m_videoAlign);
    form->addRow(tr("Audio ← text:"), m_audioText);
    form->addRow(tr("Audio ← video:"), m_audioAlign);
    form->addRow(tr("Voice:"), m_timbre);
    form->addRow(m_alignPass);
    form->addRow(m_timbrePass);
    connect(m_shift, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        edit(tr("Change shift"), kShift, [v](GenerationSettings& s) { s.shift = v; });
    });
    auto guidance = [this] {
        edit(tr("Change guidance"), kGuidance, [this](GenerationSettings& s) {
            s.guidance.video_text = m_videoText->value();
            s.guidance.video_align = m_videoAlign->value();
            s.guidance.audio_text = m_audioText->value();
            s.guidance.audio_align = m_audioAlign->value();
            s.guidance.timbre = m_timbre->value();
            s.guidance.align = m_alignPass->isChecked();
            s.guidance.timbre_pass = m_timbrePass->isChecked();
        });
    };
    for (QDoubleSpinBox* b : {m_videoText, m_videoAlign, m_audioText, m_audioAlign, m_timbre})
        connect(b, &QDoubleSpinBox::valueChanged, this, guidance);
    connect(m_alignPass, &QCheckBox::toggled, this, guidance);
    connect(m_timbrePass, &QCheckBox::toggled, this, guidance);
    return box;
}

void GenerationPanel::setDocument(ProjectDocument* document) {
    for (const auto& c : m_connections)
        disconnect(c);
    m_connections.clear();
    m_document = document;
    setEnabled(document != nullptr);
    if (document)
        m_connections << connect(document, &ProjectDocument::settingsChanged, this,
                                 &GenerationPanel::refresh);
    refresh();
}

void GenerationPanel::setModelFolders(const QStringList& folders) {
    const QSignalBlocker block(m_package);
    m_package->clear();
    m_package->addItem(tr("Embedded NAVA-tiny"), QString());
    for (const ModelPackage& p : findModelPackages(folders)) {
        m_package->addItem(p.name, p.path);
        m_package->setItemData(m_package->count() - 1, p.path, Qt::ToolTipRole);
    }
    refresh();
}

template <class Change>
void GenerationPanel::edit(const QString& description, Field field, Change change) {
    if (!m_document) return;
    GenerationSettings s = m_document->settings();
    change(s);
    m_document->setSettings(s, description, field);
}

void GenerationPanel::fillSizes(const QString& aspect) {
    const QSignalBlocker block(m_size);
    m_size->clear();
    for (const ResolutionPreset& p : resolutionPresets())
        if (p.aspect == aspect)
            m_size->addItem(QStringLiteral("%1 × %2").arg(p.width).arg(p.height),
                            QSize(p.width, p.height));
}

void GenerationPanel::refresh() {
    const GenerationSettings s = m_document ? m_document->settings() : GenerationSettings();
    const QList<QWidget*> widgets = {
        m_mode,       m_aspect, m_size,      m_duration,   m_seed,       m_seedMode,
        m_steps,      m_solver, m_shift,     m_videoText,  m_videoAlign, m_audioText,
        m_audioAlign, m_timbre, m_alignPass, m_timbrePass, m_memory,     m_package};
    QList<std::shared_ptr<QSignalBlocker>> blockers;
    for (QWidget* w : widgets)
        blockers << std::make_shared<QSignalBlocker>(w);

    m_mode->setCurrentIndex(m_mode->findData(int(s.mode)));
    const bool picture = s.mode != nava::api::Mode::text_to_audio;
    m_aspect->setEnabled(picture);
    m_size->setEnabled(picture);
    m_form->setRowVisible(m_imageRow, s.mode == nava::api::Mode::image_to_audio_video);
    m_image->setText(s.firstFrameImage);

    QString aspect;
    for (const ResolutionPreset& p : resolutionPresets())
        if (p.width == s.width && p.height == s.height) aspect = p.aspect;
    if (aspect.isEmpty())
        aspect = s.width > s.height   ? QStringLiteral("16:9")
                 : s.width < s.height ? QStringLiteral("9:16")
                                      : QStringLiteral("1:1");
    m_aspect->setCurrentText(aspect);
    fillSizes(aspect);
    int sizeIndex = m_size->findData(QSize(s.width, s.height));
    if (sizeIndex < 0) {
        m_size->addItem(tr("Custom %1 × %2").arg(s.width).arg(s.height), QSize(s.width, s.height));
        sizeIndex = m_size->count() - 1;
    }
    m_size->setCurrentIndex(sizeIndex);

    const DurationOnGrid grid = snapDuration(s.durationS);
    m_duration->setValue(grid.seconds);
    m_frames->setText(
        tr("%1 latent frames · %2 video frames").arg(grid.latentFrames).arg(grid.videoFrames));
    m_seed->setValue(int(s.seed));
    m_seedMode->setCurrentIndex(m_seedMode->findData(int(s.seedMode)));
    m_steps->setValue(s.steps);
    m_solver->setCurrentIndex(m_solver->findData(int(s.solver)));
    m_shift->setValue(s.shift);
    m_videoText->setValue(s.guidance.video_text);
    m_videoAlign->setValue(s.guidance.video_align);
    m_audioText->setValue(s.guidance.audio_text);
    m_audioAlign->setValue(s.guidance.audio_align);
    m_timbre->setValue(s.guidance.timbre);
    m_alignPass->setChecked(s.guidance.align);
    m_timbrePass->setChecked(s.guidance.timbre_pass);
    int memoryIndex = m_memory->findData(s.memoryProfile);
    if (memoryIndex < 0) {
        m_memory->addItem(s.memoryProfile, s.memoryProfile);
        memoryIndex = m_memory->count() - 1;
    }
    m_memory->setCurrentIndex(memoryIndex);
    int packageIndex = m_package->findData(s.package);
    if (packageIndex < 0) {
        m_package->addItem(tr("%1 (not found)").arg(s.package), s.package);
        packageIndex = m_package->count() - 1;
    }
    m_package->setCurrentIndex(packageIndex);
}

}  // namespace nava::ui
