#include "rules/pattern_index.hpp"

#include <algorithm>

namespace coach::rules {
namespace {

// Token kinds whose tokens always carry the same folded text (text/tokenizer.cpp): a pattern
// that starts with one of them can be filed under that text like a literal.
const char* fixed_folded_text(text::TokenKind kind) {
  switch (kind) {
    case text::TokenKind::question_mark: return "?";
    case text::TokenKind::exclamation: return "!";
    case text::TokenKind::ellipsis: return "...";
    case text::TokenKind::comma: return ",";
    default: return nullptr;
  }
}

bool indexable(const Alternative& a) {
  return a.kind == AltKind::literal || a.kind == AltKind::lemma || a.kind == AltKind::prefix ||
         (a.kind == AltKind::token_kind && fixed_folded_text(a.token_kind));
}

void file_under(std::vector<std::uint32_t>& bucket, std::uint32_t entry) {
  if (bucket.empty() || bucket.back() != entry) bucket.push_back(entry);
}

}  // namespace

void PatternIndex::add(const Pattern* pattern, std::uint32_t owner) {
  const auto entry = static_cast<std::uint32_t>(entries_.size());
  entries_.push_back({pattern, owner});
  // The first token of a match is taken by the first element or, when that one is optional and
  // skipped, by a later one: by one of the leading optional elements or the first required
  // element after them (a match always takes a token: a pattern cannot be all optional). The
  // pattern is filed under every alternative of those elements; when one of them cannot be
  // filed (a gap, `_`, *suffix, @url, ...) it is tried at every token.
  std::vector<const Element*> leading;
  bool filed = false;
  for (const Element& e : pattern->elements) {
    if (e.gap >= 0 || e.alternatives.empty() || !std::all_of(e.alternatives.begin(), e.alternatives.end(), indexable))
      break;
    leading.push_back(&e);
    if (!e.optional) {
      filed = true;
      break;
    }
  }
  if (!filed) {
    unindexed_.push_back(entry);
    return;
  }
  for (const Element* e : leading) {
    for (const Alternative& alt : e->alternatives) {
      switch (alt.kind) {
        case AltKind::literal: file_under(by_literal_[alt.text], entry); break;
        case AltKind::token_kind: file_under(by_literal_[fixed_folded_text(alt.token_kind)], entry); break;
        case AltKind::prefix:
          file_under(by_prefix_[alt.text], entry);
          longest_prefix_ = std::max(longest_prefix_, alt.text.size());
          break;
        case AltKind::lemma:
          for (const std::uint32_t id : alt.lemma_ids) file_under(by_lemma_[id], entry);
          break;
        default: break;
      }
    }
  }
}

void PatternIndex::for_each_match(
    const SentenceView& view,
    const std::function<void(std::uint32_t, const Pattern&, TokenSpan)>& on_match) const {
  const auto& tokens = view.tokens();
  std::vector<std::uint32_t> candidates;
  candidates.reserve(64);
  std::string key;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    candidates.clear();
    const std::string& word = tokens[i].folded;
    if (const auto it = by_literal_.find(word); it != by_literal_.end())
      candidates.insert(candidates.end(), it->second.begin(), it->second.end());
    if (!by_prefix_.empty()) {
      // Prefixes of two or more bytes: look each length up, or compare each prefix when there
      // are fewer prefixes than lengths to try.
      const std::size_t longest = std::min(longest_prefix_, word.size());
      if (longest >= 2 && by_prefix_.size() <= longest - 1) {
        for (const auto& [prefix, entries] : by_prefix_)
          if (prefix.size() >= 2 && prefix.size() <= longest && word.compare(0, prefix.size(), prefix) == 0)
            candidates.insert(candidates.end(), entries.begin(), entries.end());
      } else {
        for (std::size_t len = 2; len <= longest; ++len) {
          key.assign(word, 0, len);
          if (const auto it = by_prefix_.find(key); it != by_prefix_.end())
            candidates.insert(candidates.end(), it->second.begin(), it->second.end());
        }
      }
    }
    if (!by_lemma_.empty() && tokens[i].kind == text::TokenKind::word) {
      for (const std::uint32_t id : view.lemma_ids(i))
        if (const auto it = by_lemma_.find(id); it != by_lemma_.end())
          candidates.insert(candidates.end(), it->second.begin(), it->second.end());
    }
    // Patterns anchored with ^ match at the first token only (match_at): leave them out later.
    for (const std::uint32_t u : unindexed_)
      if (i == 0 || !entries_[u].pattern->at_start) candidates.push_back(u);
    if (candidates.size() > 1) {
      std::sort(candidates.begin(), candidates.end());
      candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    }
    for (const std::uint32_t c : candidates) {
      const Entry& e = entries_[c];
      if (i > 0 && e.pattern->at_start) continue;  // match_at would say no
      if (auto span = match_at(*e.pattern, view, i)) on_match(e.owner, *e.pattern, *span);
    }
  }
}

}  // namespace coach::rules
