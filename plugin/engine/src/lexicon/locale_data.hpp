// A locale's data files (locales/<locale>/): lexicon (dictionary, forms, question starts,
// placeholders), topics, and the catalogue of online and face-to-face resources.
#pragma once

#include "rules/rule_set.hpp"

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace coach::lexicon {

struct Resource {
  std::string id;
  std::string name;
  std::string url;
  std::string contact;      // phone or chat details, may be empty
  std::string description;
  bool online = true;       // false: face-to-face
  bool crisis = false;      // the crisis line named by the crisis nudge
  bool general = false;     // fallback when no topic matches
  std::vector<std::string> topics;
};

struct Topic {
  std::string id;
  std::string label;
  std::vector<std::string> patterns;
  std::string where;
};

struct LocaleData {
  std::string locale;
  std::vector<std::string> dictionaries;  // Hunspell names to try, e.g. nl_NL, nl
  std::vector<std::string> placeholders;
  std::vector<std::string> url_suffixes;
  std::vector<std::string> salutations;    // lower case: "beste", "dear", "good morning"
  std::vector<std::string> abbreviations;  // lower case, without the stop: "bijv", "etc"
  std::unordered_map<std::string, std::string> form_to_lemma;  // folded form -> lemma
  std::unordered_map<std::string, std::vector<std::string>> word_classes;  // name -> single-token alternatives
  std::vector<std::string> question_cues;                    // patterns
  std::vector<std::string> statement_cues;                   // patterns that overrule a question cue
  std::string question_cues_where;
  std::vector<Topic> topics;
  std::vector<Resource> resources;
};

// Reads <dir>/<locale>/{lexicon,topics,resources}.json. Throws Error(locale) for an unknown
// locale (no such folder); problems inside files go to `diagnostics`.
LocaleData load_locale(const std::string& dir, const std::string& locale,
                       std::vector<rules::Diagnostic>& diagnostics);

std::vector<std::string> available_locales(const std::string& dir);

}  // namespace coach::lexicon
