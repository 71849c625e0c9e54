#include "lexicon/lemmas.hpp"

#include <algorithm>
#include <mutex>

namespace coach::lexicon {
namespace {
// Bounds memory on long-running hosts: beyond this many distinct words, new words are looked up
// every time instead of being cached (the frequent ones are cached long before).
constexpr std::size_t kMaxCacheEntries = 200000;

void add_length(std::vector<std::size_t>& lengths, std::size_t n) {
  const auto at = std::lower_bound(lengths.begin(), lengths.end(), n);
  if (at == lengths.end() || *at != n) lengths.insert(at, n);
}
}  // namespace

LemmaTable::LemmaTable(const Stemmer* stemmer, std::unordered_map<std::string, std::string> form_to_lemma)
    : stemmer_(stemmer), form_to_lemma_(std::move(form_to_lemma)) {}

std::vector<std::string> LemmaTable::lemma_strings_of(const std::string& word) const {
  std::vector<std::string> keys{word};
  if (stemmer_) {
    for (std::string& stem : stemmer_->stems(word))
      if (std::find(keys.begin(), keys.end(), stem) == keys.end()) keys.push_back(std::move(stem));
  }
  const std::size_t direct = keys.size();
  for (std::size_t i = 0; i < direct; ++i) {
    const auto it = form_to_lemma_.find(keys[i]);
    if (it != form_to_lemma_.end() && std::find(keys.begin(), keys.end(), it->second) == keys.end())
      keys.push_back(it->second);
  }
  return keys;
}

void LemmaTable::forget_cached_words() {
  std::unique_lock lock(cache_mutex_);
  cache_.clear();  // new keys change what cached words carry
  arena_.clear();
}

std::uint32_t LemmaTable::intern_into(std::unordered_map<std::string, std::uint32_t>& ids, const std::string& text) {
  const auto [it, added] = ids.try_emplace(text, next_key_);
  if (added) {
    ++next_key_;
    forget_cached_words();
  }
  return it->second;
}

std::vector<std::uint32_t> LemmaTable::intern(const std::string& word) {
  std::vector<std::uint32_t> out;
  for (const std::string& key : lemma_strings_of(word)) out.push_back(intern_into(lemma_ids_, key));
  return out;
}

std::uint32_t LemmaTable::intern_literal(const std::string& word) { return intern_into(literal_ids_, word); }

std::uint32_t LemmaTable::intern_prefix(const std::string& prefix) {
  add_length(prefix_lengths_, prefix.size());
  return intern_into(prefix_ids_, prefix);
}

std::uint32_t LemmaTable::intern_suffix(const std::string& suffix) {
  add_length(suffix_lengths_, suffix.size());
  return intern_into(suffix_ids_, suffix);
}

std::uint32_t LemmaTable::intern_number_at_least(std::uint64_t n) {
  const auto at = std::lower_bound(number_thresholds_.begin(), number_thresholds_.end(), std::make_pair(n, std::uint32_t{0}));
  if (at != number_thresholds_.end() && at->first == n) return at->second;
  return number_thresholds_.insert(at, {n, next_key_++})->second;
}

void LemmaTable::append_number_keys(std::string_view number, std::vector<std::uint32_t>& out) const {
  if (number_thresholds_.empty()) return;
  std::uint64_t value = 0;
  std::size_t digits = 0;
  for (; digits < number.size() && digits < 12 && number[digits] >= '0' && number[digits] <= '9'; ++digits)
    value = value * 10 + static_cast<std::uint64_t>(number[digits] - '0');
  if (digits == 0) return;
  for (const auto& [n, key] : number_thresholds_) {
    if (n > value) break;
    out.push_back(key);
  }
}

void LemmaTable::compute_keys(const std::string& word, std::vector<std::uint32_t>& lemma_keys,
                              std::vector<std::uint32_t>& other_keys) const {
  if (!lemma_ids_.empty())
    for (const std::string& key : lemma_strings_of(word))
      if (const auto it = lemma_ids_.find(key); it != lemma_ids_.end()) lemma_keys.push_back(it->second);
  if (const auto it = literal_ids_.find(word); it != literal_ids_.end()) other_keys.push_back(it->second);
  std::string part;
  for (const std::size_t n : prefix_lengths_) {
    if (n > word.size()) break;
    part.assign(word, 0, n);
    if (const auto it = prefix_ids_.find(part); it != prefix_ids_.end()) other_keys.push_back(it->second);
  }
  for (const std::size_t n : suffix_lengths_) {
    if (n > word.size()) break;
    part.assign(word, word.size() - n, n);
    if (const auto it = suffix_ids_.find(part); it != suffix_ids_.end()) other_keys.push_back(it->second);
  }
}

void LemmaTable::append_keys(const std::string& word, bool with_lemmas, std::vector<std::uint32_t>& out) const {
  const auto append_cached = [&](const CachedKeys& c) {
    const std::uint32_t* keys = arena_.data() + c.offset;
    if (with_lemmas) out.insert(out.end(), keys, keys + c.lemma_count);
    out.insert(out.end(), keys + c.lemma_count, keys + c.lemma_count + c.other_count);
  };
  {
    std::shared_lock lock(cache_mutex_);
    if (const auto it = cache_.find(word); it != cache_.end()) {
      append_cached(it->second);
      return;
    }
  }
  std::vector<std::uint32_t> lemma_keys, other_keys;
  compute_keys(word, lemma_keys, other_keys);
  std::unique_lock lock(cache_mutex_);
  if (cache_.size() < kMaxCacheEntries) {
    const CachedKeys c{static_cast<std::uint32_t>(arena_.size()), static_cast<std::uint16_t>(lemma_keys.size()),
                       static_cast<std::uint16_t>(other_keys.size())};
    arena_.insert(arena_.end(), lemma_keys.begin(), lemma_keys.end());
    arena_.insert(arena_.end(), other_keys.begin(), other_keys.end());
    cache_.emplace(word, c);
  }
  lock.unlock();
  if (with_lemmas) out.insert(out.end(), lemma_keys.begin(), lemma_keys.end());
  out.insert(out.end(), other_keys.begin(), other_keys.end());
}

std::size_t LemmaTable::cache_size() const {
  std::shared_lock lock(cache_mutex_);
  return cache_.size();
}

}  // namespace coach::lexicon
