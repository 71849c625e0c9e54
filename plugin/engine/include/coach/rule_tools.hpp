// `coach rules check` and `coach rules test` as library calls (the rule lab uses them too).
#pragma once

#include <coach/engine.hpp>

#include <string>
#include <vector>

namespace coach {

struct RuleCheckResult {
  std::vector<std::string> problems;  // "file:line:column: error: rule ID: message"
  int detect_rules = 0;
  int nudge_rules = 0;
};

// Validates the rule file or folder at `path` (empty: the default rules) for options.locale.
RuleCheckResult check_rules(const EngineOptions& options, const std::string& path);

struct RuleTestResult {
  std::vector<std::string> problems;  // load problems and failing examples, each naming rule and place
  int rules = 0;
  int examples = 0;
  int failures = 0;
};

// Runs every rule's own examples.
RuleTestResult test_rules(const EngineOptions& options, const std::string& path);

}  // namespace coach
