// The loaded rule set of one locale: detection rules, nudge rules and phases, with the
// diagnostics found while loading them.
#pragma once

#include "rules/pattern.hpp"
#include "rules/pattern_index.hpp"

#include <coach/types.hpp>
#include <nlohmann/json.hpp>
#include <unicode/regex.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace coach::rules {

struct Diagnostic {
  std::string file;
  int line = 0;
  int column = 0;
  std::string rule_id;  // may be empty
  std::string message;
  bool warning = false;

  // "file:line:column: error: rule ID: message"
  std::string to_string() const;
};

enum class SentenceFilter { any, question, statement };
enum class RoleFilter { counsellor, client, any };

struct Example {
  std::string text;          // without markers
  std::string marked;        // the marked span, empty when none
  std::string where;         // file:line:column
};

struct DetectRule {
  std::string id;
  std::string practice;
  std::string description;
  RoleFilter role = RoleFilter::counsellor;
  std::optional<Channel> channel;
  SentenceFilter sentence = SentenceFilter::any;
  std::vector<Pattern> patterns;
  std::vector<Pattern> unless;
  // Optional ICU regular expressions (case-insensitive), run on the sentence with a time limit.
  std::vector<std::shared_ptr<const icu::RegexPattern>> regexes;
  // Context conditions: the rule applies only where the conversation is known (sessions).
  std::optional<bool> opening;        // true: only the counsellor's first message; false: only later ones
  std::uint32_t after_client_mask = 0;  // the latest client message shows one of these practices
  std::vector<Example> match_examples;
  std::vector<Example> no_match_examples;
  std::string where;
};

struct NudgeText {
  std::string title, message, why;
};

struct PracticeCount {
  std::vector<std::string> practices;
  int count = 0;
};

struct LacksRecent {
  std::vector<std::string> practices;
  int turns = 0;
};

struct NudgeConditions {
  std::optional<Channel> channel;
  int min_counsellor_turns = 0;
  int min_client_words = 0;
  int min_draft_words = 0;
  std::vector<std::string> draft_any, draft_none, lacks, client_any, last_client_any, topic_any;
  std::optional<LacksRecent> lacks_recent;
  std::optional<PracticeCount> min_count;
};

struct NudgeExample {
  nlohmann::json conversation;  // {"messages": [...], "draft": ..., "channel": ..., "locale": ...}
  bool fire = true;
  std::string where;
};

struct NudgeRule {
  std::string id;
  std::string nudge;
  Severity severity = Severity::suggest;
  int priority = 50;
  int cooldown_turns = 3;
  std::vector<std::string> satisfied_by;
  NudgeConditions when;
  std::map<std::string, NudgeText> text;  // by locale
  std::vector<NudgeExample> examples;
  std::string where;
};

struct Phase {
  std::string id;
  std::vector<std::string> practices;
};

class RuleSet {
 public:
  std::vector<DetectRule> detect;
  std::vector<NudgeRule> nudges;
  std::vector<Phase> phases;
  std::vector<Diagnostic> diagnostics;

  // Built after loading: all detection patterns, owner = rule index.
  PatternIndex detect_index;
  std::vector<std::uint32_t> regex_rules;  // rules with regexes
  void build_index();

  bool has_errors() const;
};

struct LoadOptions {
  std::string locale;
  std::vector<std::string> known_topics;  // for topic_any
};

// Loads <dir>/<locale>/*.json, <dir>/nudges/*.json and <dir>/phases.json. A `path` that is a
// single file loads only that file. Problems go to `diagnostics`; rules with errors are left out.
std::unique_ptr<RuleSet> load_rule_set(const std::string& path, const LoadOptions& options,
                                       lexicon::LemmaTable& lemmas);

// Practice ids a detect rule may name: CONTRACT.md practices plus extra signals.
bool is_known_practice(std::string_view id);
const std::vector<std::string>& known_practices();

}  // namespace coach::rules
