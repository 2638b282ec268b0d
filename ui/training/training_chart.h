// The live plot of a run: total, video and audio loss against the step (left axis) and the
// learning rate (right axis), drawn with Qt Charts.
#pragma once

#include <QVector>
#include <QWidget>

class QChart;
class QChartView;
class QLineSeries;
class QValueAxis;

namespace nava::ui {

struct TrainingEvent;

class TrainingChart : public QWidget {
    Q_OBJECT

public:
    explicit TrainingChart(QWidget* parent = nullptr);

    void addStep(const TrainingEvent& step);
    void setHistory(const QVector<TrainingEvent>& steps, qint64 totalSteps);
    void setTotalSteps(qint64 steps);
    int pointCount() const;  // of the total-loss line
    QLineSeries* lossSeries() const { return m_loss; }
    QLineSeries* learningRateSeries() const { return m_lr; }
    QChartView* view() const { return m_view; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void append(const TrainingEvent& step);
    void refreshAxes();
    void applyPalette();

    QChartView* m_view = nullptr;
    QChart* m_chart = nullptr;
    QLineSeries* m_loss = nullptr;
    QLineSeries* m_lossVideo = nullptr;
    QLineSeries* m_lossAudio = nullptr;
    QLineSeries* m_lr = nullptr;
    QValueAxis* m_stepAxis = nullptr;
    QValueAxis* m_lossAxis = nullptr;
    QValueAxis* m_lrAxis = nullptr;
    qint64 m_totalSteps = 0;
    qint64 m_firstStep = -1;
    qint64 m_lastStep = 0;
    double m_lossMax = 0.0;
    double m_lrMax = 0.0;
};

}  // namespace nava::ui
