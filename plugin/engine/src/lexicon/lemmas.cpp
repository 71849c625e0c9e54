#include "lexicon/lemmas.hpp"

#include <algorithm>
#include <mutex>

namespace coach::lexicon {
namespace {
constexpr std::size_t kMaxCacheEntries = 200000;  // bounds memory on long-running hosts
}

LemmaTable::LemmaTable(const Stemmer* stemmer, std::unordered_map<std::string, std::string> form_to_lemma)
    : stemmer_(stemmer), form_to_lemma_(std::move(form_to_lemma)) {}

std::vector<std::string> LemmaTable::keys_of(const std::string& word) const {
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

std::vector<std::uint32_t> LemmaTable::intern(const std::string& word) {
  std::vector<std::uint32_t> out;
  for (const std::string& key : keys_of(word)) {
    const auto [it, added] = ids_.try_emplace(key, static_cast<std::uint32_t>(ids_.size()));
    out.push_back(it->second);
  }
  std::unique_lock lock(cache_mutex_);
  cache_.clear();  // new keys change what cached words match
  return out;
}

std::vector<std::uint32_t> LemmaTable::ids_of(const std::string& word) const {
  {
    std::shared_lock lock(cache_mutex_);
    const auto it = cache_.find(word);
    if (it != cache_.end()) return it->second;
  }
  std::vector<std::uint32_t> out;
  for (const std::string& key : keys_of(word)) {
    const auto it = ids_.find(key);
    if (it != ids_.end()) out.push_back(it->second);
  }
  std::unique_lock lock(cache_mutex_);
  if (cache_.size() >= kMaxCacheEntries) cache_.clear();
  cache_.emplace(word, out);
  return out;
}

std::size_t LemmaTable::cache_size() const {
  std::shared_lock lock(cache_mutex_);
  return cache_.size();
}

}  // namespace coach::lexicon
