// Finds which of many patterns match a sentence without trying each at every word: patterns
// are filed under their first word (literal, lemma or prefix) and only candidates are tried.
#pragma once

#include "rules/pattern.hpp"

#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

namespace coach::rules {

class PatternIndex {
 public:
  // `owner` is returned with each match (for example a rule index).
  void add(const Pattern* pattern, std::uint32_t owner);

  // Calls `on_match(owner, span)` once per (pattern, start) that matches, in start order.
  void for_each_match(const SentenceView& view,
                      const std::function<void(std::uint32_t owner, const Pattern&, TokenSpan)>& on_match) const;

  std::size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    const Pattern* pattern;
    std::uint32_t owner;
  };
  std::vector<Entry> entries_;
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_literal_;
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> by_lemma_;
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_prefix_;
  std::vector<std::uint32_t> unindexed_;
  std::size_t longest_prefix_ = 0;
};

}  // namespace coach::rules
