// Internal to the subtitle readers/writers: translated messages and shared line splitting.
#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace nava::ui {

class SubtitleText {
    Q_DECLARE_TR_FUNCTIONS(nava::ui::SubtitleText)
};

// Lines of a text file without BOM, with "\r\n" and "\r" treated as "\n".
QStringList subtitleLines(const QString& text);

}  // namespace nava::ui
