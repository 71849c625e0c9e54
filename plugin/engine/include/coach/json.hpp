// JSON forms of the engine's results, as CONTRACT.md specifies them. Every host (CLI, C API,
// serve) uses these so the payloads are the same everywhere.
#pragma once

#include <coach/types.hpp>
#include <nlohmann/json.hpp>

namespace coach {

// {"id": ..., "severity": ..., "title": ..., "message": ..., "why": ..., "rule": ..., "acknowledged": ...}
nlohmann::json to_json(const Nudge& nudge);
// {"nudges": [...], "checklist": {"verify_interpretation": false, ...}, "phase": ..., "phases": [...], "topics": [...]}
nlohmann::json to_json(const Report& report);
// {"id": id, "practices": [...], "signals": [...]}; with_matches adds "matches": [{rule, practice, begin, end}]
nlohmann::json to_json(const Labels& labels, const std::string& id, bool with_matches = false);

}  // namespace coach
