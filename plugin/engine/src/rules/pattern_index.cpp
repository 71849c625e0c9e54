#include "rules/pattern_index.hpp"

#include <algorithm>
#include <deque>
#include <stdexcept>
#include <unordered_map>

namespace coach::rules {

void PatternIndex::add(const Pattern* pattern, std::uint32_t owner) {
  entries_.push_back({pattern, owner, 0, 0, 0, {}});
  finished_ = false;
}

void PatternIndex::finish() {
  // How many patterns name each key: a word in many patterns ("you", "je") is a common word, a
  // word in few is a rare one. Token classes ("?", "_") occur in nearly every sentence.
  std::unordered_map<std::uint32_t, std::uint32_t> uses;  // only while filing
  for (const Entry& entry : entries_)
    for (const std::uint32_t key : entry.pattern->keys) ++uses[key];
  const auto cost = [&](const Pattern& p, const Element& e) {
    std::uint64_t sum = 0;
    for (const std::uint32_t key : p.keys_of(e)) sum += key < lexicon::LemmaTable::kFirstWordKey ? 100000 : uses[key];
    return sum;
  };
  std::vector<std::uint64_t> costs;  // of the current pattern's elements
  std::vector<std::pair<std::uint32_t, std::uint32_t>> filed;  // (anchor key, entry)
  for (std::uint32_t index = 0; index < entries_.size(); ++index) {
    Entry& entry = entries_[index];
    const auto& elements = entry.pattern->elements;
    // Every match takes a token for each required element, so it takes one for the anchor:
    // looking up the anchor's keys finds every match. compile_pattern guarantees a required element.
    costs.clear();
    for (const Element& e : elements) costs.push_back(cost(*entry.pattern, e));
    std::uint16_t anchor = entry.pattern->required.front();
    for (const std::uint16_t r : entry.pattern->required)
      if (costs[r] < costs[anchor]) anchor = r;
    std::uint32_t before_min = 0, before_max = 0;
    for (std::size_t k = 0; k < anchor; ++k) {
      const Element& e = elements[k];
      if (e.gap >= 0) before_max += static_cast<std::uint32_t>(e.gap);
      else {
        before_min += e.optional ? 0 : 1;
        before_max += 1;
      }
    }
    entry.anchor = anchor;
    entry.checks.clear();
    for (const std::uint16_t r : entry.pattern->required)
      if (r != anchor) entry.checks.push_back(r);
    std::stable_sort(entry.checks.begin(), entry.checks.end(),
                     [&](std::uint16_t a, std::uint16_t b) { return costs[a] < costs[b]; });
    entry.before_min = static_cast<std::uint16_t>(before_min);
    entry.before_max = static_cast<std::uint16_t>(before_max);
    for (const std::uint32_t key : entry.pattern->keys_of(elements[anchor])) filed.emplace_back(key, index);
  }
  std::sort(filed.begin(), filed.end());
  const std::uint32_t key_end = filed.empty() ? 0 : filed.back().first + 1;
  bucket_start_.assign(key_end + 1, 0);
  bucket_entries_.clear();
  for (const auto& [key, index] : filed) {
    ++bucket_start_[key + 1];
    bucket_entries_.push_back(index);
  }
  for (std::uint32_t k = 0; k < key_end; ++k) bucket_start_[k + 1] += bucket_start_[k];
  finished_ = true;
}

void PatternIndex::for_each_match(
    const SentenceView& view,
    const std::function<void(std::uint32_t, const Pattern&, TokenSpan)>& on_match) const {
  const std::size_t n = view.tokens().size();
  if (n == 0 || entries_.empty()) return;
  if (!finished_) throw std::logic_error("PatternIndex::for_each_match before finish()");
  // (start, entry) pairs worth trying, as start << 32 | entry: sorting them gives the promised
  // order and drops pairs found through two anchors. Scratch space is reused; a callback that
  // matches another sentence meanwhile gets space of its own.
  struct Scratch {
    std::vector<std::uint64_t> tries;
    std::vector<std::uint32_t> verdict;  // per entry: 2 * call + 1 may match, 2 * call cannot
    std::uint32_t call = 0;
  };
  thread_local std::deque<Scratch> scratch;  // a deque keeps references on growth
  thread_local std::size_t depth = 0;
  if (scratch.size() <= depth) scratch.resize(depth + 1);
  Scratch& s = scratch[depth];
  s.tries.clear();
  if (s.verdict.size() < entries_.size()) s.verdict.resize(entries_.size(), 0);
  if (++s.call >= 0x7FFFFFFFu) {
    s.call = 1;
    std::fill(s.verdict.begin(), s.verdict.end(), 0);
  }
  const std::uint32_t yes = 2 * s.call + 1, no = 2 * s.call;
  for (std::size_t i = 0; i < n; ++i) {
    for (const std::uint32_t* k = view.keys_begin(i); k != view.keys_end(i); ++k) {
      if (*k + 1 >= bucket_start_.size()) continue;
      for (std::uint32_t b = bucket_start_[*k]; b < bucket_start_[*k + 1]; ++b) {
        const std::uint32_t e = bucket_entries_[b];
        const Entry& entry = entries_[e];
        if (entry.before_min > i) continue;  // not enough tokens before the anchor
        std::size_t lowest = i >= entry.before_max ? i - entry.before_max : 0;
        std::size_t highest = i - entry.before_min;
        if (entry.pattern->at_start) {
          if (lowest > 0) continue;
          highest = 0;
        }
        std::uint32_t& verdict = s.verdict[e];
        if (verdict != yes && verdict != no) {
          verdict = yes;
          for (const std::uint16_t r : entry.checks)
            if (!view.has_any(*entry.pattern, entry.pattern->elements[r])) { verdict = no; break; }
        }
        if (verdict == no) continue;
        for (std::size_t start = lowest; start <= highest; ++start)
          s.tries.push_back(static_cast<std::uint64_t>(start) << 32 | e);
      }
    }
  }
  auto& tries = s.tries;
  if (tries.empty()) return;
  std::sort(tries.begin(), tries.end());
  tries.erase(std::unique(tries.begin(), tries.end()), tries.end());
  struct InUse {
    std::size_t& level;
    ~InUse() { --level; }
  } in_use{++depth};
  for (const std::uint64_t t : tries) {
    const Entry& entry = entries_[static_cast<std::uint32_t>(t)];
    if (auto span = match_at(*entry.pattern, view, static_cast<std::size_t>(t >> 32)))
      on_match(entry.owner, *entry.pattern, *span);
  }
}

}  // namespace coach::rules
