#include "ui/training/training_chart.h"

#include <algorithm>
#include <cmath>

#include <QEvent>
#include <QVBoxLayout>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QLegend>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>

#include "ui/training/training_events.h"

namespace nava::ui {
namespace {

QLineSeries* makeSeries(const QString& name, const QColor& color, qreal width, QChart* chart) {
    auto* s = new QLineSeries(chart);
    s->setName(name);
    QPen pen(color);
    pen.setWidthF(width);
    s->setPen(pen);
    return s;
}

// A round upper bound a little above `value` (1, 1.2, 1.5, 2, … 8 × 10^k).
double niceCeiling(double value) {
    if (!(value > 0)) return 1.0;
    const double base = std::pow(10.0, std::floor(std::log10(value)));
    for (const double m : {1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0})
        if (value <= m * base * (1.0 + 1e-12)) return m * base;
    return 10.0 * base;
}

// A round tick spacing (1, 2, 5 × 10^k) that gives about `ticks` intervals over `span`.
double niceInterval(double span, int ticks) {
    const double raw = std::max(1.0, span / std::max(1, ticks));
    const double base = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double m : {1.0, 2.0, 5.0, 10.0})
        if (raw <= m * base) return m * base;
    return 10.0 * base;
}

}  // namespace

TrainingChart::TrainingChart(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_chart = new QChart;
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_loss = makeSeries(tr("loss"), QColor(0xe1, 0x57, 0x59), 2.2, m_chart);
    m_lossVideo = makeSeries(tr("video loss"), QColor(0x4e, 0x79, 0xa7), 1.3, m_chart);
    m_lossAudio = makeSeries(tr("audio loss"), QColor(0x59, 0xa1, 0x4f), 1.3, m_chart);
    m_lr = makeSeries(tr("learning rate"), QColor(0xb0, 0x7a, 0xa1), 1.3, m_chart);
    QPen lrPen = m_lr->pen();
    lrPen.setStyle(Qt::DashLine);
    m_lr->setPen(lrPen);
    for (QLineSeries* s : {m_loss, m_lossVideo, m_lossAudio, m_lr})
        m_chart->addSeries(s);

    m_stepAxis = new QValueAxis(m_chart);
    m_stepAxis->setTitleText(tr("step"));
    m_stepAxis->setLabelFormat(QStringLiteral("%d"));
    m_lossAxis = new QValueAxis(m_chart);
    m_lossAxis->setTitleText(tr("loss"));
    m_lossAxis->setLabelFormat(QStringLiteral("%.3g"));
    m_lrAxis = new QValueAxis(m_chart);
    m_lrAxis->setTitleText(tr("learning rate"));
    m_lrAxis->setLabelFormat(QStringLiteral("%.1e"));
    m_chart->addAxis(m_stepAxis, Qt::AlignBottom);
    m_chart->addAxis(m_lossAxis, Qt::AlignLeft);
    m_chart->addAxis(m_lrAxis, Qt::AlignRight);
    for (QLineSeries* s : {m_loss, m_lossVideo, m_lossAudio}) {
        s->attachAxis(m_stepAxis);
        s->attachAxis(m_lossAxis);
    }
    m_lr->attachAxis(m_stepAxis);
    m_lr->attachAxis(m_lrAxis);

    m_view = new QChartView(m_chart, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setAccessibleName(tr("Loss and learning rate"));
    m_view->setToolTip(tr("Loss (left axis) and learning rate (right axis) for every step"));
    m_view->setMinimumHeight(220);
    layout->addWidget(m_view);
    applyPalette();
    refreshAxes();
}

int TrainingChart::pointCount() const {
    return m_loss->count();
}

void TrainingChart::append(const TrainingEvent& e) {
    const double x = double(e.step);
    if (m_firstStep < 0) m_firstStep = std::max<qint64>(0, e.step - 1);
    m_lastStep = std::max(m_lastStep, e.step);
    auto add = [&](QLineSeries* s, double y, double* max) {
        if (std::isnan(y) || std::isinf(y)) return;
        s->append(x, y);
        if (max) *max = std::max(*max, y);
    };
    add(m_loss, e.loss, &m_lossMax);
    add(m_lossVideo, e.lossVideo, &m_lossMax);
    add(m_lossAudio, e.lossAudio, &m_lossMax);
    add(m_lr, e.lr, &m_lrMax);
}

void TrainingChart::addStep(const TrainingEvent& e) {
    if (e.steps > 0) m_totalSteps = e.steps;
    append(e);
    refreshAxes();
}

void TrainingChart::setHistory(const QVector<TrainingEvent>& steps, qint64 totalSteps) {
    for (QLineSeries* s : {m_loss, m_lossVideo, m_lossAudio, m_lr})
        s->clear();
    m_firstStep = -1;
    m_lastStep = 0;
    m_lossMax = 0.0;
    m_lrMax = 0.0;
    m_totalSteps = totalSteps;
    // One replace() per line instead of a repaint per point.
    QList<QPointF> loss, video, audio, lr;
    for (const TrainingEvent& e : steps) {
        if (m_firstStep < 0) m_firstStep = std::max<qint64>(0, e.step - 1);
        m_lastStep = std::max(m_lastStep, e.step);
        auto add = [&](QList<QPointF>& list, double y, double* max) {
            if (std::isnan(y) || std::isinf(y)) return;
            list.append(QPointF(double(e.step), y));
            *max = std::max(*max, y);
        };
        add(loss, e.loss, &m_lossMax);
        add(video, e.lossVideo, &m_lossMax);
        add(audio, e.lossAudio, &m_lossMax);
        add(lr, e.lr, &m_lrMax);
    }
    m_loss->replace(loss);
    m_lossVideo->replace(video);
    m_lossAudio->replace(audio);
    m_lr->replace(lr);
    refreshAxes();
}

void TrainingChart::setTotalSteps(qint64 steps) {
    m_totalSteps = steps;
    refreshAxes();
}

void TrainingChart::refreshAxes() {
    const double first = m_firstStep < 0 ? 0.0 : double(m_firstStep);
    const double last = std::max<double>({double(m_totalSteps), double(m_lastStep), first + 1.0});
    // The whole run from the start (the plot fills up), ticks on round steps.
    m_stepAxis->setRange(first, last);
    m_stepAxis->setTickType(QValueAxis::TicksDynamic);
    m_stepAxis->setTickAnchor(0.0);
    m_stepAxis->setTickInterval(niceInterval(last - first, 8));
    m_lossAxis->setRange(0.0, niceCeiling(m_lossMax * 1.05));
    m_lrAxis->setRange(0.0, niceCeiling(m_lrMax * 1.05));
    m_lrAxis->setVisible(m_lr->count() > 0);
}

void TrainingChart::applyPalette() {
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    m_chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    // The theme resets pens: give the lines their colours back.
    const QList<QPair<QLineSeries*, QColor>> colours = {
        {m_loss, QColor(0xe1, 0x57, 0x59)},
        {m_lossVideo, QColor(0x4e, 0x79, 0xa7)},
        {m_lossAudio, QColor(0x59, 0xa1, 0x4f)},
        {m_lr, QColor(0xb0, 0x7a, 0xa1)},
    };
    for (const auto& [series, colour] : colours) {
        QPen pen = series->pen();
        pen.setColor(colour);
        pen.setWidthF(series == m_loss ? 2.2 : 1.3);
        pen.setStyle(series == m_lr ? Qt::DashLine : Qt::SolidLine);
        series->setPen(pen);
    }
    m_chart->setBackgroundBrush(palette().color(QPalette::Base));
    m_chart->setBackgroundRoundness(0);
}

void TrainingChart::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange) applyPalette();
    QWidget::changeEvent(event);
}

}  // namespace nava::ui
