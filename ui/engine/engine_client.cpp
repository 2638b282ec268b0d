#include "ui/engine/engine_client.h"

namespace nava::ui {

EngineClient::~EngineClient() = default;

}  // namespace nava::ui
