#include "rules/pattern_index.hpp"

#include <algorithm>
#include <array>

namespace coach::rules {
namespace {

// Token kinds whose tokens always carry the same folded text (text/tokenizer.cpp): an element
// of that kind is matched by that text like a literal.
const char* fixed_folded_text(text::TokenKind kind) {
  switch (kind) {
    case text::TokenKind::question_mark: return "?";
    case text::TokenKind::exclamation: return "!";
    case text::TokenKind::ellipsis: return "...";
    case text::TokenKind::comma: return ",";
    default: return nullptr;
  }
}

// The one folded text a token must have to match `a`, or null when `a` is not that simple.
const char* fixed_text(const Alternative& a) {
  if (a.kind == AltKind::literal) return a.text.c_str();
  if (a.kind == AltKind::token_kind) return fixed_folded_text(a.token_kind);
  return nullptr;
}

// Alternatives a token can be looked up by: its folded text, a prefix of it, or a lemma key.
bool indexable(const Alternative& a) {
  return a.kind == AltKind::lemma || a.kind == AltKind::prefix || fixed_text(a) != nullptr;
}

// Alternatives a sentence can be checked for with one lookup per token: a folded text or a
// lemma key.
bool gateable(const Alternative& a) { return a.kind == AltKind::lemma || fixed_text(a) != nullptr; }

std::size_t key_count(const Element& e) {
  std::size_t n = 0;
  for (const Alternative& a : e.alternatives) n += a.kind == AltKind::lemma ? a.lemma_ids.size() : 1;
  return n;
}

// Gates. A sentence can only match a pattern if, for each required element, one of its tokens
// matches that element. The index checks one such element per pattern, its gate, for the
// whole sentence at once: when no token of the sentence has one of the gate's texts or lemma
// keys, the pattern is not tried anywhere in that sentence. The gate keys share the buckets of
// by_literal_ and by_lemma_ with the first-token entries, marked with kGateBit, so one lookup
// per token serves both. Which entries have a gate is a bitmap kept in by_lemma_ under
// kGatedBitmap, an id LemmaTable never hands out (it numbers lemma keys from 0 up).
constexpr std::uint32_t kGateBit = 0x80000000u;
constexpr std::uint32_t kGatedBitmap = 0xFFFFFFFFu;

// Buckets hold their first-token entries in increasing order, then their gate entries in
// increasing order (kGateBit sorts them last): entries are added in increasing order, so each
// goes at the end of its part.
void file_under(std::vector<std::uint32_t>& bucket, std::uint32_t entry) {
  const auto part_end = (entry & kGateBit) ? bucket.end() : std::lower_bound(bucket.begin(), bucket.end(), kGateBit);
  if (part_end != bucket.begin() && *(part_end - 1) == entry) return;
  bucket.insert(part_end, entry);
}

// The gate entries of a bucket.
std::pair<const std::uint32_t*, const std::uint32_t*> gate_part(const std::vector<std::uint32_t>& bucket) {
  const std::uint32_t* end = bucket.data() + bucket.size();
  return {std::lower_bound(bucket.data(), end, kGateBit), end};
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
  const auto& elements = pattern->elements;
  std::size_t leading = 0;  // elements that may take the first token
  bool filed = false;
  for (const Element& e : elements) {
    if (e.gap >= 0 || e.alternatives.empty() || !std::all_of(e.alternatives.begin(), e.alternatives.end(), indexable))
      break;
    ++leading;
    if (!e.optional) {
      filed = true;
      break;
    }
  }
  if (filed) {
    for (std::size_t k = 0; k < leading; ++k) {
      for (const Alternative& alt : elements[k].alternatives) {
        if (const char* text = fixed_text(alt)) {
          file_under(by_literal_[text], entry);
        } else if (alt.kind == AltKind::prefix) {
          file_under(by_prefix_[alt.text], entry);
          longest_prefix_ = std::max(longest_prefix_, alt.text.size());
        } else if (alt.kind == AltKind::lemma) {
          for (const std::uint32_t id : alt.lemma_ids) file_under(by_lemma_[id], entry);
        }
      }
    }
  } else {
    unindexed_.push_back(entry);
  }

  // The gate: a required element other than those filed above, all of whose alternatives are
  // texts or lemmas; of several, the one with the fewest keys (the least likely to be there).
  const Element* gate = nullptr;
  for (std::size_t k = filed ? leading : 0; k < elements.size(); ++k) {
    const Element& e = elements[k];
    if (e.optional || e.gap >= 0 || e.alternatives.empty()) continue;
    if (!std::all_of(e.alternatives.begin(), e.alternatives.end(), gateable)) continue;
    if (!gate || key_count(e) <= key_count(*gate)) gate = &e;
  }
  if (!gate || entry >= kGateBit) return;
  std::vector<std::uint32_t>& gated = by_lemma_[kGatedBitmap];
  if (gated.size() <= entry / 32) gated.resize(entry / 32 + 1, 0);
  gated[entry / 32] |= 1u << (entry % 32);
  for (const Alternative& alt : gate->alternatives) {
    if (const char* text = fixed_text(alt)) file_under(by_literal_[text], entry | kGateBit);
    else
      for (const std::uint32_t id : alt.lemma_ids) file_under(by_lemma_[id], entry | kGateBit);
  }
}

void PatternIndex::for_each_match(
    const SentenceView& view,
    const std::function<void(std::uint32_t, const Pattern&, TokenSpan)>& on_match) const {
  const auto& tokens = view.tokens();
  if (tokens.empty()) return;
  const auto gated = by_lemma_.find(kGatedBitmap);
  const bool by_lemma = by_lemma_.size() > (gated != by_lemma_.end() ? 1u : 0u);

  // Each token's buckets, looked up once: by folded text, and by lemma key for words.
  using Bucket = const std::vector<std::uint32_t>*;
  std::vector<Bucket> literal(tokens.size(), nullptr);
  std::vector<Bucket> lemma;               // the lemma buckets of all tokens, in token order
  std::vector<std::uint32_t> lemma_start;  // token i's lemma buckets: [lemma_start[i], lemma_start[i + 1])
  if (by_lemma) lemma_start.reserve(tokens.size() + 1);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (const auto it = by_literal_.find(tokens[i].folded); it != by_literal_.end()) literal[i] = &it->second;
    if (!by_lemma) continue;
    lemma_start.push_back(static_cast<std::uint32_t>(lemma.size()));
    if (tokens[i].kind == text::TokenKind::word)
      for (const std::uint32_t id : view.lemma_ids(i))
        if (const auto it = by_lemma_.find(id); it != by_lemma_.end()) lemma.push_back(&it->second);
  }
  if (by_lemma) lemma_start.push_back(static_cast<std::uint32_t>(lemma.size()));

  // Which gated entries the sentence leaves closed (a bitmap).
  std::vector<std::uint32_t> closed;
  if (gated != by_lemma_.end()) {
    closed = gated->second;
    const auto open_gates = [&](Bucket bucket) {
      for (auto [e, end] = gate_part(*bucket); e != end; ++e)
        if (const std::uint32_t g = *e & ~kGateBit; g / 32 < closed.size()) closed[g / 32] &= ~(1u << (g % 32));
    };
    for (const Bucket bucket : literal)
      if (bucket) open_gates(bucket);
    for (const Bucket bucket : lemma) open_gates(bucket);
  }
  const auto is_open = [&](std::uint32_t e) {
    return e / 32 >= closed.size() || !(closed[e / 32] & (1u << (e % 32)));
  };

  // First bytes of the prefixes: most tokens start with none of them.
  std::array<bool, 256> prefix_start{};
  for (const auto& [prefix, entries] : by_prefix_)
    if (prefix.size() >= 2) prefix_start[static_cast<unsigned char>(prefix[0])] = true;

  // The unindexed patterns this sentence may match, each with the token kinds it can start at
  // (0: any): a pattern whose first element is a required token class (@url) starts only at a
  // token of that class. Patterns anchored with ^ are kept for the first token only.
  struct Unindexed {
    std::uint32_t entry, kinds;
    bool at_start;
  };
  std::vector<Unindexed> unindexed;
  for (const std::uint32_t u : unindexed_) {
    if (!is_open(u)) continue;
    const Pattern& p = *entries_[u].pattern;
    const Element& first = p.elements.front();
    std::uint32_t kinds = 0;
    if (!first.optional && first.gap < 0 && !first.alternatives.empty() &&
        std::all_of(first.alternatives.begin(), first.alternatives.end(),
                    [](const Alternative& a) { return a.kind == AltKind::token_kind; }))
      for (const Alternative& a : first.alternatives) kinds |= 1u << static_cast<unsigned>(a.token_kind);
    unindexed.push_back({u, kinds, p.at_start});
  }

  std::vector<std::uint32_t> candidates;
  candidates.reserve(64);
  std::string key;
  int sources = 0;  // lists added to candidates: each is sorted, so one needs no sort
  const auto add = [&](const std::vector<std::uint32_t>& entries) {
    ++sources;
    for (const std::uint32_t e : entries) {
      if (e & kGateBit) break;  // the gate part
      if (is_open(e)) candidates.push_back(e);
    }
  };
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    candidates.clear();
    sources = 0;
    const std::string& word = tokens[i].folded;
    if (literal[i]) add(*literal[i]);
    if (!by_prefix_.empty() && !word.empty() && prefix_start[static_cast<unsigned char>(word[0])]) {
      // Prefixes of two or more bytes: look each length up, or compare each prefix when there
      // are not many more prefixes than lengths to try.
      const std::size_t longest = std::min(longest_prefix_, word.size());
      if (longest >= 2 && by_prefix_.size() <= 4 * (longest - 1)) {
        for (const auto& [prefix, entries] : by_prefix_)
          if (prefix.size() >= 2 && prefix.size() <= longest && word.compare(0, prefix.size(), prefix) == 0)
            add(entries);
      } else {
        for (std::size_t len = 2; len <= longest; ++len) {
          key.assign(word, 0, len);
          if (const auto it = by_prefix_.find(key); it != by_prefix_.end()) add(it->second);
        }
      }
    }
    if (by_lemma)
      for (std::uint32_t k = lemma_start[i]; k < lemma_start[i + 1]; ++k) add(*lemma[k]);
    bool any_unindexed = false;
    for (const Unindexed& u : unindexed) {
      if (i > 0 && u.at_start) continue;
      if (u.kinds && !(u.kinds & (1u << static_cast<unsigned>(tokens[i].kind)))) continue;
      candidates.push_back(u.entry);
      any_unindexed = true;
    }
    sources += any_unindexed;
    if (sources > 1 && candidates.size() > 1) {
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
