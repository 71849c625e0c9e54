// Finds which of many patterns match a sentence without trying each at every word. Each pattern
// is filed under the keys of its anchor, the required element least likely to occur (a word
// few patterns use rather than "you" or "?"). A sentence looks up the keys of its tokens; a
// pattern whose anchor it finds is tried only if every required element has a token in the
// sentence, and then only at the starts the anchor's position allows.
#pragma once

#include "rules/pattern.hpp"

#include <functional>
#include <vector>

namespace coach::rules {

class PatternIndex {
 public:
  // `owner` is returned with each match (for example a rule index). The pattern must outlive
  // the index. Once all are added, finish() files them.
  void add(const Pattern* pattern, std::uint32_t owner);
  void finish();

  // Calls `on_match(owner, pattern, span)` once per (pattern, start) that matches, ordered by
  // start, then by the order patterns were added.
  void for_each_match(const SentenceView& view,
                      const std::function<void(std::uint32_t owner, const Pattern&, TokenSpan)>& on_match) const;

  std::size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    const Pattern* pattern;
    std::uint32_t owner;
    std::uint16_t anchor;  // element index
    // Tokens a match takes before the anchor's token: at least `before_min`, at most `before_max`.
    std::uint16_t before_min, before_max;
    std::vector<std::uint16_t> checks;  // the other required elements, rarest first
  };
  std::vector<Entry> entries_;
  bool finished_ = false;
  // Entries by anchor key, ascending: key k's are bucket_entries_[bucket_start_[k] .. bucket_start_[k + 1]).
  std::vector<std::uint32_t> bucket_start_;
  std::vector<std::uint32_t> bucket_entries_;
};

}  // namespace coach::rules
