// Where the default rules, locales and dictionaries are found.
#include <coach/engine.hpp>

#include <cstdlib>
#include <filesystem>

namespace coach {

std::string default_data_dir() {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("COACH_DATA_DIR"); env && *env) return env;
  // An in-place build uses the source tree, so edits to rules/ apply without installing.
  if (fs::exists(fs::path(COACH_SOURCE_DATA_DIR) / "rules")) return COACH_SOURCE_DATA_DIR;
  return COACH_INSTALL_DATA_DIR;
}

const char* version() { return COACH_VERSION; }

}  // namespace coach
