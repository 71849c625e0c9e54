// Lemma matching for patterns such as <begrijpen>: a word matches when its lemma keys and the
// pattern's share one. Keys are the word, its Hunspell stems, and the locale's `forms` table
// (for strong verbs and forms Hunspell does not unify: begreep, begrepen -> begrijpen).
#pragma once

#include "lexicon/stemmer.hpp"

#include <cstdint>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace coach::lexicon {

class LemmaTable {
 public:
  LemmaTable(const Stemmer* stemmer, std::unordered_map<std::string, std::string> form_to_lemma);

  // At load time: the key ids of a pattern's lemma (interned).
  std::vector<std::uint32_t> intern(const std::string& folded_word);

  // On the hot path: the interned key ids a folded word has (only keys some pattern uses).
  // Thread-safe; cached.
  std::vector<std::uint32_t> ids_of(const std::string& folded_word) const;

  bool any_interned() const { return !ids_.empty(); }

  // Word classes of the locale ("%network" in a pattern stands for all its entries).
  void set_word_classes(std::unordered_map<std::string, std::vector<std::string>> classes) { classes_ = std::move(classes); }
  const std::vector<std::string>* word_class(const std::string& name) const {
    const auto it = classes_.find(name);
    return it == classes_.end() ? nullptr : &it->second;
  }
  std::size_t cache_size() const;

 private:
  std::vector<std::string> keys_of(const std::string& folded_word) const;

  const Stemmer* stemmer_;  // may be null: then only the forms table counts
  std::unordered_map<std::string, std::string> form_to_lemma_;
  std::unordered_map<std::string, std::vector<std::string>> classes_;
  std::unordered_map<std::string, std::uint32_t> ids_;
  mutable std::shared_mutex cache_mutex_;
  mutable std::unordered_map<std::string, std::vector<std::uint32_t>> cache_;
};

}  // namespace coach::lexicon
