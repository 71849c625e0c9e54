#include "rules/pattern_index.hpp"

#include <algorithm>

namespace coach::rules {

void PatternIndex::add(const Pattern* pattern, std::uint32_t owner) {
  const auto entry = static_cast<std::uint32_t>(entries_.size());
  entries_.push_back({pattern, owner});
  const Element& first = pattern->elements.front();
  const bool indexable = !first.optional && first.gap < 0 &&
                         std::all_of(first.alternatives.begin(), first.alternatives.end(), [](const Alternative& a) {
                           return a.kind == AltKind::literal || a.kind == AltKind::lemma || a.kind == AltKind::prefix;
                         });
  if (!indexable) {
    unindexed_.push_back(entry);
    return;
  }
  for (const Alternative& alt : first.alternatives) {
    switch (alt.kind) {
      case AltKind::literal: by_literal_[alt.text].push_back(entry); break;
      case AltKind::prefix:
        by_prefix_[alt.text].push_back(entry);
        longest_prefix_ = std::max(longest_prefix_, alt.text.size());
        break;
      case AltKind::lemma:
        for (const std::uint32_t id : alt.lemma_ids) by_lemma_[id].push_back(entry);
        break;
      default: break;
    }
  }
}

void PatternIndex::for_each_match(
    const SentenceView& view,
    const std::function<void(std::uint32_t, const Pattern&, TokenSpan)>& on_match) const {
  const auto& tokens = view.tokens();
  std::vector<std::uint32_t> candidates;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    candidates.clear();
    const std::string& word = tokens[i].folded;
    if (const auto it = by_literal_.find(word); it != by_literal_.end())
      candidates.insert(candidates.end(), it->second.begin(), it->second.end());
    if (!by_prefix_.empty()) {
      const std::size_t longest = std::min(longest_prefix_, word.size());
      for (std::size_t len = 2; len <= longest; ++len)
        if (const auto it = by_prefix_.find(word.substr(0, len)); it != by_prefix_.end())
          candidates.insert(candidates.end(), it->second.begin(), it->second.end());
    }
    if (!by_lemma_.empty() && tokens[i].kind == text::TokenKind::word) {
      for (const std::uint32_t id : view.lemma_ids(i))
        if (const auto it = by_lemma_.find(id); it != by_lemma_.end())
          candidates.insert(candidates.end(), it->second.begin(), it->second.end());
    }
    candidates.insert(candidates.end(), unindexed_.begin(), unindexed_.end());
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    for (const std::uint32_t c : candidates) {
      const Entry& e = entries_[c];
      if (auto span = match_at(*e.pattern, view, i)) on_match(e.owner, *e.pattern, *span);
    }
  }
}

}  // namespace coach::rules
