#include <coach/json.hpp>

namespace coach {

nlohmann::json to_json(const Nudge& n) {
  return {{"id", n.id},       {"severity", to_string(n.severity)}, {"title", n.title},
          {"message", n.message}, {"why", n.why},                  {"rule", n.rule_id},
          {"acknowledged", n.acknowledged}};
}

nlohmann::json to_json(const Report& r) {
  nlohmann::json nudges = nlohmann::json::array();
  for (const Nudge& n : r.nudges) nudges.push_back(to_json(n));
  nlohmann::json checklist = nlohmann::json::object();
  for (const ChecklistItem& item : r.checklist) checklist[item.practice] = item.done;
  return {{"nudges", nudges}, {"checklist", checklist}, {"phase", r.phase}, {"phases", r.phases}, {"topics", r.topics}};
}

nlohmann::json to_json(const Labels& labels, const std::string& id, bool with_matches) {
  nlohmann::json out = {{"id", id}, {"practices", labels.practices}, {"signals", labels.signals}};
  if (with_matches) {
    nlohmann::json matches = nlohmann::json::array();
    for (const Match& m : labels.matches)
      matches.push_back({{"rule", m.rule_id}, {"practice", m.practice}, {"begin", m.begin}, {"end", m.end}});
    out["matches"] = matches;
  }
  return out;
}

}  // namespace coach
