// The anonymiser: replaces names, places, phone numbers, e-mail addresses, postcodes and
// personal URLs with the study's placeholders (NAAM, PLAATS, TELEFOON, EMAIL, POSTCODE, URL)
// before a transcript is shared. Speaker labels and times ("Hulpvrager (19:19):") are kept, and
// so are known help resources (113.nl, kindertelefoon.nl, 0800 numbers).
//
// Names and places come from data: locales/<locale>/names.json (first names, places, ordinary
// words that are also names, cue phrases) and the resources of locales/<locale>/resources.json.
#pragma once

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace coach::report {

struct Replacement {
  std::string kind;         // name, place, phone, email, postcode, url
  std::string placeholder;  // NAAM, PLAATS, TELEFOON, EMAIL, POSTCODE, URL
  std::string rule;         // why: name_list, greeting, name_cue, place_list, place_cue, pattern
  int message = 0;          // 1-based message of a JSON transcript; 0 for plain text
  int line = 0;             // 1-based line (of the message text for a JSON transcript)
  int column = 0;           // 1-based column, in characters
  int length = 0;           // in characters
  std::string original;     // the replaced text; only reported with show_originals
};

struct Anonymised {
  std::string text;
  std::vector<Replacement> replacements;
  int kept_resources = 0;  // URLs and numbers of known help resources left in place
};

class Anonymiser {
 public:
  // Loads names.json of `locale` (required) and of the other shipped locale (when present) from
  // `locales_dir` (empty: the default data folder). Throws coach::Error(locale) naming
  // "file:line:column" when a file is missing or invalid.
  static Anonymiser load(const std::string& locales_dir, const std::string& locale);

  // A transcript in the study's chat format, or any plain text: speaker labels stay as they are.
  Anonymised text(std::string_view text) const;
  // A JSON array of messages: each message's "text" is anonymised, everything else kept.
  // Throws coach::Error(invalid_argument) when `json_text` is not such an array.
  Anonymised json_transcript(std::string_view json_text) const;

  struct Data;
  explicit Anonymiser(std::shared_ptr<const Data> data);

 private:
  std::shared_ptr<const Data> data_;
};

// {"total", "counts": {"name": 2, ...}, "kept_resources", "replacements": [{kind, placeholder,
// rule, line, column, length[, message][, original]}]}. The original text only with show_originals.
nlohmann::json to_json(const Anonymised& result, bool show_originals);

}  // namespace coach::report
