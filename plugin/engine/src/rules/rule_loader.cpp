// Reads rule files into a RuleSet (format: rules/README.md).
#include "rules/json_reader.hpp"
#include "rules/rule_set.hpp"

#include <algorithm>
#include <filesystem>
#include <regex>
#include <set>

namespace coach::rules {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const std::vector<std::string> kSignals = {"closing", "greeting", "isolation", "listening_only"};

bool valid_id(const std::string& id) {
  if (id.empty() || id.size() > 80) return false;
  return std::all_of(id.begin(), id.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'; });
}

// Splits "**span**" markers off an example text.
Example parse_example(const std::string& raw, std::string where) {
  Example ex;
  ex.where = std::move(where);
  const std::size_t open = raw.find("**");
  const std::size_t close = open == std::string::npos ? std::string::npos : raw.find("**", open + 2);
  if (close == std::string::npos) {
    ex.text = raw;
    return ex;
  }
  ex.marked = raw.substr(open + 2, close - open - 2);
  ex.text = raw.substr(0, open) + ex.marked + raw.substr(close + 2);
  return ex;
}

std::vector<Pattern> compile_list(JsonReader& reader, const std::vector<std::string>& sources,
                                  const std::string& pointer, lexicon::LemmaTable& lemmas) {
  std::vector<Pattern> out;
  for (std::size_t i = 0; i < sources.size(); ++i) {
    PatternError problem;
    if (auto ps = compile_patterns(sources[i], lemmas, problem)) {
      for (auto& p : *ps) out.push_back(std::move(p));
    } else {
      reader.error(pointer + "/" + std::to_string(i),
                   "pattern \"" + sources[i] + "\": " + problem.message, problem.column);
    }
  }
  return out;
}

std::size_t practice_index(const std::string& id) {
  const auto& all = known_practices();
  return static_cast<std::size_t>(std::find(all.begin(), all.end(), id) - all.begin());
}

std::vector<std::shared_ptr<const icu::RegexPattern>> compile_regexes(JsonReader& reader, const std::vector<std::string>& sources,
                                                                      const std::string& pointer) {
  std::vector<std::shared_ptr<const icu::RegexPattern>> out;
  for (std::size_t i = 0; i < sources.size(); ++i) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError where{};
    std::shared_ptr<const icu::RegexPattern> p(icu::RegexPattern::compile(
        icu::UnicodeString::fromUTF8(sources[i]), UREGEX_CASE_INSENSITIVE, where, status));
    if (U_FAILURE(status) || !p) {
      reader.error(pointer + "/" + std::to_string(i),
                   "regex \"" + sources[i] + "\": " + u_errorName(status), where.offset > 0 ? static_cast<std::size_t>(where.offset) : 0);
      continue;
    }
    out.push_back(std::move(p));
  }
  return out;
}

void read_detect(JsonReader& reader, const json& r, const std::string& ptr, const LoadOptions& options,
                 lexicon::LemmaTable& lemmas, RuleSet& set) {
  const int errors_before = reader.error_count();
  reader.check_keys(r, ptr, {"id", "kind", "practice", "description", "role", "channel", "patterns", "unless",
                             "regex", "context", "sentence", "examples", "locale"});
  DetectRule rule;
  rule.id = r.value("id", "");
  rule.where = reader.source().where(ptr);
  if (auto p = reader.string(r, ptr, "practice", true)) {
    if (!is_known_practice(*p)) reader.error(ptr + "/practice", "unknown practice '" + *p + "'");
    rule.practice = *p;
  }
  if (auto d = reader.string(r, ptr, "description", false)) rule.description = *d;
  if (auto role = reader.one_of(r, ptr, "role", {"counsellor", "client", "any"}, false))
    rule.role = *role == "client" ? RoleFilter::client : *role == "any" ? RoleFilter::any : RoleFilter::counsellor;
  if (auto ch = reader.one_of(r, ptr, "channel", {"chat", "email", "any"}, false))
    if (*ch != "any") rule.channel = parse_channel(*ch);
  if (auto s = reader.one_of(r, ptr, "sentence", {"any", "question", "statement"}, false))
    rule.sentence = *s == "question" ? SentenceFilter::question : *s == "statement" ? SentenceFilter::statement : SentenceFilter::any;
  if (auto locale = reader.one_of(r, ptr, "locale", {"nl", "en"}, false))
    if (*locale != options.locale) return;  // a rule for another locale in a shared file
  // A rule needs patterns, a regex, or both.
  if (auto pats = reader.string_list(r, ptr, "patterns", !r.contains("regex")))
    rule.patterns = compile_list(reader, *pats, ptr + "/patterns", lemmas);
  if (auto regexes = reader.string_list(r, ptr, "regex", false))
    rule.regexes = compile_regexes(reader, *regexes, ptr + "/regex");
  if (const auto ctx = r.find("context"); ctx != r.end()) {
    const std::string cp = ptr + "/context";
    if (!ctx->is_object()) {
      reader.error(cp, "'context' must be an object with 'position' and/or 'after_client'");
    } else {
      reader.check_keys(*ctx, cp, {"position", "after_client"});
      if (auto pos = reader.one_of(*ctx, cp, "position", {"opening", "later"}, false)) rule.opening = *pos == "opening";
      if (auto after = reader.practices(*ctx, cp, "after_client"))
        for (const auto& p : *after) rule.after_client_mask |= std::uint32_t(1) << practice_index(p);
    }
  }
  if (auto un = reader.string_list(r, ptr, "unless", false))
    rule.unless = compile_list(reader, *un, ptr + "/unless", lemmas);

  const auto ex = r.find("examples");
  if (ex == r.end() || !ex->is_object()) {
    reader.error(ptr, "missing 'examples': an object with 'match' and 'no_match' lists");
  } else {
    const std::string ep = ptr + "/examples";
    reader.check_keys(*ex, ep, {"match", "no_match"});
    if (auto m = reader.string_list(*ex, ep, "match", true))
      for (std::size_t i = 0; i < m->size(); ++i)
        rule.match_examples.push_back(parse_example((*m)[i], reader.source().where(ep + "/match/" + std::to_string(i))));
    if (auto n = reader.string_list(*ex, ep, "no_match", true))
      for (std::size_t i = 0; i < n->size(); ++i)
        rule.no_match_examples.push_back(parse_example((*n)[i], reader.source().where(ep + "/no_match/" + std::to_string(i))));
  }
  if (reader.error_count() == errors_before) set.detect.push_back(std::move(rule));
}

void read_conditions(JsonReader& reader, const json& w, const std::string& ptr, const LoadOptions& options,
                     NudgeConditions& c) {
  reader.check_keys(w, ptr, {"channel", "min_counsellor_turns", "min_client_words", "min_draft_words", "draft_any",
                             "draft_none", "lacks", "lacks_recent", "client_any", "last_client_any", "min_count",
                             "topic_any"});
  if (auto ch = reader.one_of(w, ptr, "channel", {"chat", "email"}, false)) c.channel = parse_channel(*ch);
  if (auto v = reader.integer(w, ptr, "min_counsellor_turns", 0, 1000)) c.min_counsellor_turns = *v;
  if (auto v = reader.integer(w, ptr, "min_client_words", 0, 1000000)) c.min_client_words = *v;
  if (auto v = reader.integer(w, ptr, "min_draft_words", 0, 100000)) c.min_draft_words = *v;
  if (auto v = reader.practices(w, ptr, "draft_any")) c.draft_any = *v;
  if (auto v = reader.practices(w, ptr, "draft_none")) c.draft_none = *v;
  if (auto v = reader.practices(w, ptr, "lacks")) c.lacks = *v;
  if (auto v = reader.practices(w, ptr, "client_any")) c.client_any = *v;
  if (auto v = reader.practices(w, ptr, "last_client_any")) c.last_client_any = *v;
  if (auto v = reader.string_list(w, ptr, "topic_any", false)) {
    for (std::size_t i = 0; i < v->size(); ++i)
      if (!options.known_topics.empty() &&
          std::find(options.known_topics.begin(), options.known_topics.end(), (*v)[i]) == options.known_topics.end())
        reader.error(ptr + "/topic_any/" + std::to_string(i), "unknown topic '" + (*v)[i] + "'");
    c.topic_any = *v;
  }
  for (const char* key : {"lacks_recent", "min_count"}) {
    const auto it = w.find(key);
    if (it == w.end()) continue;
    const std::string kp = ptr + "/" + key;
    if (!it->is_object()) { reader.error(kp, std::string("'") + key + "' must be an object"); continue; }
    const char* number_key = std::string_view(key) == "lacks_recent" ? "turns" : "count";
    reader.check_keys(*it, kp, {"practices", number_key});
    auto practices = reader.practices(*it, kp, "practices");
    auto n = reader.integer(*it, kp, number_key, 1, 1000);
    if (!practices || !n) { reader.error(kp, std::string("'") + key + "' needs 'practices' and '" + number_key + "'"); continue; }
    if (std::string_view(key) == "lacks_recent") c.lacks_recent = LacksRecent{*practices, *n};
    else c.min_count = PracticeCount{*practices, *n};
  }
}

void read_nudge(JsonReader& reader, const json& r, const std::string& ptr, const LoadOptions& options, RuleSet& set) {
  const int errors_before = reader.error_count();
  reader.check_keys(r, ptr, {"id", "kind", "nudge", "severity", "priority", "cooldown_turns", "satisfied_by", "when",
                             "text", "examples", "description"});
  NudgeRule rule;
  rule.id = r.value("id", "");
  rule.where = reader.source().where(ptr);
  if (auto n = reader.string(r, ptr, "nudge", true)) {
    static const std::regex nudge_id("[a-z][a-z0-9_]*");
    if (!std::regex_match(*n, nudge_id)) reader.error(ptr + "/nudge", "nudge id '" + *n + "' must be lower_snake_case");
    rule.nudge = *n;
  }
  if (auto s = reader.one_of(r, ptr, "severity", {"info", "suggest", "warn", "urgent"}, true))
    rule.severity = *parse_severity(*s);
  if (auto p = reader.integer(r, ptr, "priority", 0, 1000)) rule.priority = *p;
  if (auto c = reader.integer(r, ptr, "cooldown_turns", 0, 1000)) rule.cooldown_turns = *c;
  if (auto s = reader.practices(r, ptr, "satisfied_by")) rule.satisfied_by = *s;
  const auto when = r.find("when");
  if (when == r.end() || !when->is_object()) reader.error(ptr, "missing 'when': an object of conditions");
  else read_conditions(reader, *when, ptr + "/when", options, rule.when);

  const auto text = r.find("text");
  if (text == r.end() || !text->is_object()) {
    reader.error(ptr, "missing 'text': {\"nl\": {\"title\", \"message\", \"why\"}, \"en\": {...}}");
  } else {
    for (auto it = text->begin(); it != text->end(); ++it) {
      const std::string tp = ptr + "/text/" + it.key();
      if (it.key() != "nl" && it.key() != "en") { reader.error(tp, "unknown locale '" + it.key() + "' (expected nl or en)"); continue; }
      if (!it->is_object()) { reader.error(tp, "text for '" + it.key() + "' must be an object"); continue; }
      reader.check_keys(*it, tp, {"title", "message", "why"});
      NudgeText t;
      if (auto v = reader.string(*it, tp, "title", true)) t.title = *v;
      if (auto v = reader.string(*it, tp, "message", true)) t.message = *v;
      if (auto v = reader.string(*it, tp, "why", true)) t.why = *v;
      rule.text[it.key()] = t;
    }
    if (!rule.text.count(options.locale))
      reader.error(ptr + "/text", "no text for locale '" + options.locale + "'");
  }
  const auto ex = r.find("examples");
  if (ex == r.end() || !ex->is_object()) {
    reader.error(ptr, "missing 'examples': an object with 'fire' and 'quiet' lists of conversations");
  } else {
    const std::string ep = ptr + "/examples";
    reader.check_keys(*ex, ep, {"fire", "quiet"});
    for (const char* key : {"fire", "quiet"}) {
      const auto list = ex->find(key);
      if (list == ex->end() || !list->is_array() || list->empty()) {
        reader.error(ep, std::string("'") + key + "' must be a non-empty list of conversations");
        continue;
      }
      for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string cp = ep + "/" + key + "/" + std::to_string(i);
        if (!(*list)[i].is_object()) { reader.error(cp, "a conversation example must be an object"); continue; }
        reader.check_keys((*list)[i], cp, {"messages", "draft", "channel", "locale", "note"});
        rule.examples.push_back({(*list)[i], std::string_view(key) == "fire", reader.source().where(cp)});
      }
    }
  }
  if (reader.error_count() == errors_before) set.nudges.push_back(std::move(rule));
}

void read_phases(JsonReader& reader, const json& root, RuleSet& set) {
  reader.check_keys(root, "", {"phases", "description"});
  const auto list = root.find("phases");
  if (list == root.end() || !list->is_array()) { reader.error("", "missing 'phases' list"); return; }
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string p = "/phases/" + std::to_string(i);
    const json& ph = (*list)[i];
    if (!ph.is_object()) { reader.error(p, "a phase must be an object"); continue; }
    reader.check_keys(ph, p, {"id", "practices"});
    Phase phase;
    if (auto id = reader.string(ph, p, "id", true)) phase.id = *id;
    if (auto pr = reader.practices(ph, p, "practices")) phase.practices = *pr;
    set.phases.push_back(std::move(phase));
  }
}

void read_file(const std::string& file, const LoadOptions& options, lexicon::LemmaTable& lemmas, RuleSet& set,
               std::set<std::string>& ids) {
  JsonSource source;
  try {
    source = JsonSource::from_file(file, "rules");
  } catch (const Error& e) {
    Diagnostic d;
    d.message = e.what();  // already "file:line:col: error: ..."
    d.file = "";
    set.diagnostics.push_back(d);
    return;
  }
  JsonReader reader(source, set.diagnostics);
  const json& root = source.root();
  if (!root.is_object()) { reader.error("", "a rule file must be a JSON object with a 'rules' list"); return; }
  if (fs::path(file).filename() == "phases.json") { read_phases(reader, root, set); return; }
  reader.check_keys(root, "", {"rules", "description", "$schema"});
  const auto rules = root.find("rules");
  if (rules == root.end() || !rules->is_array()) { reader.error("", "missing 'rules' list"); return; }
  for (std::size_t i = 0; i < rules->size(); ++i) {
    const std::string ptr = "/rules/" + std::to_string(i);
    const json& r = (*rules)[i];
    reader.set_rule("");
    if (!r.is_object()) { reader.error(ptr, "a rule must be a JSON object"); continue; }
    const auto id = reader.string(r, ptr, "id", true);
    if (!id) continue;
    reader.set_rule(*id);
    if (!valid_id(*id)) { reader.error(ptr + "/id", "id must be capitals, digits and '_' (for example NL_VERIFY_KLOPT)"); continue; }
    if (!ids.insert(*id).second) { reader.error(ptr + "/id", "duplicate rule id"); continue; }
    const auto kind = reader.one_of(r, ptr, "kind", {"detect", "nudge"}, true);
    if (!kind) continue;
    if (*kind == "detect") read_detect(reader, r, ptr, options, lemmas, set);
    else read_nudge(reader, r, ptr, options, set);
  }
}

std::vector<std::string> json_files_in(const fs::path& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.is_regular_file() && entry.path().extension() == ".json" && entry.path().filename() != "schema.json")
      out.push_back(entry.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

const std::vector<std::string>& known_practices() {
  static const std::vector<std::string> all = [] {
    std::vector<std::string> v = {"summarise", "verify_interpretation", "set_goal", "ask_feedback", "mobilise_network",
                                  "online_referral", "f2f_referral", "compliment", "explore_strengths",
                                  "invite_control", "evaluate_progress", "emotion_check", "explore_problem", "advice",
                                  "open_question", "closed_question", "technical_issue", "crisis_risk"};
    v.insert(v.end(), kSignals.begin(), kSignals.end());
    return v;
  }();
  return all;
}

bool is_known_practice(std::string_view id) {
  const auto& all = known_practices();
  return std::find(all.begin(), all.end(), id) != all.end();
}

void RuleSet::build_index() {
  detect_index = PatternIndex();
  regex_rules.clear();
  for (std::uint32_t r = 0; r < detect.size(); ++r) {
    for (const Pattern& p : detect[r].patterns) detect_index.add(&p, r);
    if (!detect[r].regexes.empty()) regex_rules.push_back(r);
  }
  detect_index.finish();
}

bool RuleSet::has_errors() const {
  return std::any_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& d) { return !d.warning; });
}

std::unique_ptr<RuleSet> load_rule_set(const std::string& path, const LoadOptions& options,
                                       lexicon::LemmaTable& lemmas) {
  auto set = std::make_unique<RuleSet>();
  std::set<std::string> ids;
  std::vector<std::string> files;
  std::error_code ec;
  if (fs::is_regular_file(path, ec)) {
    files.push_back(path);
  } else if (fs::is_directory(path, ec)) {
    const fs::path root(path);
    if (!fs::is_directory(root / options.locale) && !fs::is_directory(root / "nudges")) {
      // A folder of rule files of its own (a trainer's set): load every file in it.
      files = json_files_in(root);
    } else {
      files = json_files_in(root / options.locale);
      for (auto& f : json_files_in(root / "nudges")) files.push_back(f);
      if (fs::exists(root / "phases.json")) files.push_back((root / "phases.json").string());
    }
    if (files.empty())
      set->diagnostics.push_back({path, 0, 0, "", "no rule files (*.json) found", false});
  } else {
    set->diagnostics.push_back({path, 0, 0, "", "no such file or folder", false});
  }
  for (const std::string& file : files) read_file(file, options, lemmas, *set, ids);
  set->build_index();
  return set;
}

}  // namespace coach::rules
