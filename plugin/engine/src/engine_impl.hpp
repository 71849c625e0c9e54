// The engine's internals, shared by Engine, Session and the rule tools.
#pragma once

#include "analysis/analyser.hpp"
#include "lexicon/lemmas.hpp"
#include "lexicon/locale_data.hpp"
#include "lexicon/stemmer.hpp"
#include "rules/rule_set.hpp"

#include <coach/engine.hpp>

#include <memory>
#include <shared_mutex>
#include <unordered_map>

namespace coach {

class EngineImpl {
 public:
  // Loads everything; problems are collected in `diagnostics` (create() turns them into an Error).
  explicit EngineImpl(const EngineOptions& options, const std::string& rules_path = "");

  EngineOptions options;
  lexicon::LocaleData locale;
  std::unique_ptr<lexicon::Stemmer> stemmer;
  std::unique_ptr<lexicon::LemmaTable> lemmas;
  std::unique_ptr<rules::RuleSet> rules;
  std::unique_ptr<analysis::Analyser> analyser;
  std::vector<rules::Diagnostic> diagnostics;

  // Nudge ids the rule set can produce (for dismiss/snooze validation).
  bool knows_nudge(std::string_view id) const;
  const lexicon::Resource* helpline() const;

  bool spelled_right(const std::string& word) const;  // cached

 private:
  mutable std::shared_mutex spelling_mutex_;
  mutable std::unordered_map<std::string, bool> spelling_cache_;
};

// Resolved data folders for the options.
std::string rules_dir_of(const EngineOptions& options);
std::string locales_dir_of(const EngineOptions& options);
std::string dict_dir_of(const EngineOptions& options);

}  // namespace coach
