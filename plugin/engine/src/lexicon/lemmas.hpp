// The keys words are matched by. Every word a pattern names (klopt), every prefix (vriend*),
// suffix (*heid) and lemma (<begrijpen>) gets a small integer key when the pattern is compiled;
// a word of a message is looked up once and carries the keys it satisfies, so matching compares
// integers instead of strings. Lemma keys are the word, its Hunspell stems, and the locale's
// `forms` table (for strong verbs and forms Hunspell does not unify: begreep -> begrijpen).
#pragma once

#include "lexicon/stemmer.hpp"

#include <cstdint>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace coach::lexicon {

class LemmaTable {
 public:
  // Keys below this are never handed out: the pattern layer uses them for token classes.
  static constexpr std::uint32_t kFirstWordKey = 16;

  LemmaTable(const Stemmer* stemmer, std::unordered_map<std::string, std::string> form_to_lemma);

  // At load time (not thread-safe with lookups): the keys a pattern element names.
  std::vector<std::uint32_t> intern(const std::string& folded_word);  // lemma keys of <word>
  std::uint32_t intern_literal(const std::string& folded_word);
  std::uint32_t intern_prefix(const std::string& folded_prefix);
  std::uint32_t intern_suffix(const std::string& folded_suffix);
  std::uint32_t intern_number_at_least(std::uint64_t n);  // @number>=N

  // On the hot path: appends the keys a folded word carries (its literal, prefix and suffix keys,
  // and its lemma keys when `with_lemmas`). Thread-safe; cached per word.
  void append_keys(const std::string& folded_word, bool with_lemmas, std::vector<std::uint32_t>& out) const;
  // The @number>=N keys a number token ("30", "1500") carries: its leading digits are its value.
  void append_number_keys(std::string_view number, std::vector<std::uint32_t>& out) const;

  // Word classes of the locale ("%network" in a pattern stands for all its entries).
  void set_word_classes(std::unordered_map<std::string, std::vector<std::string>> classes) { classes_ = std::move(classes); }
  const std::vector<std::string>* word_class(const std::string& name) const {
    const auto it = classes_.find(name);
    return it == classes_.end() ? nullptr : &it->second;
  }
  std::size_t cache_size() const;
  // Keys handed out so far are below this.
  std::uint32_t key_count() const { return next_key_; }

 private:
  // Where a word's keys are in arena_: lemma keys first, then the others.
  struct CachedKeys {
    std::uint32_t offset;
    std::uint16_t lemma_count;
    std::uint16_t other_count;
  };

  std::vector<std::string> lemma_strings_of(const std::string& folded_word) const;
  void compute_keys(const std::string& folded_word, std::vector<std::uint32_t>& lemma_keys,
                    std::vector<std::uint32_t>& other_keys) const;
  std::uint32_t intern_into(std::unordered_map<std::string, std::uint32_t>& ids, const std::string& text);
  void forget_cached_words();

  const Stemmer* stemmer_;  // may be null: then only the forms table counts
  std::unordered_map<std::string, std::string> form_to_lemma_;
  std::unordered_map<std::string, std::vector<std::string>> classes_;
  std::uint32_t next_key_ = kFirstWordKey;
  std::unordered_map<std::string, std::uint32_t> lemma_ids_, literal_ids_, prefix_ids_, suffix_ids_;
  std::vector<std::size_t> prefix_lengths_, suffix_lengths_;  // sorted, distinct
  std::vector<std::pair<std::uint64_t, std::uint32_t>> number_thresholds_;  // (N, key), sorted by N

  mutable std::shared_mutex cache_mutex_;
  mutable std::unordered_map<std::string, CachedKeys> cache_;
  mutable std::vector<std::uint32_t> arena_;
};

}  // namespace coach::lexicon
