// Hunspell stemming behind a cache: uncached stemming costs microseconds a word, and the same
// words come back in every message.
#pragma once

#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

class Hunspell;

namespace coach::lexicon {

class Stemmer {
 public:
  // Loads <dir>/<name>.aff and .dic for the first name found; throws Error(dictionary) naming
  // what was looked for when none is there.
  Stemmer(const std::string& dir, const std::vector<std::string>& names);
  ~Stemmer();

  // Stems of a folded word (without the word itself), cached. Thread-safe.
  std::vector<std::string> stems(const std::string& word) const;
  // Whether Hunspell knows the word (spelling help; not used on the keystroke path).
  bool is_correct(const std::string& word) const;
  std::vector<std::string> suggestions(const std::string& word) const;

  const std::string& dictionary_path() const { return path_; }

 private:
  std::unique_ptr<Hunspell> hunspell_;
  std::string path_;
  mutable std::mutex hunspell_mutex_;  // Hunspell itself is not thread-safe
};

}  // namespace coach::lexicon
