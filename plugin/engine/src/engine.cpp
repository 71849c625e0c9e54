#include "engine_impl.hpp"

#include <coach/utf8.hpp>

#include <algorithm>
#include <filesystem>

#include "text/tokenizer.hpp"

namespace coach {
namespace fs = std::filesystem;

std::string rules_dir_of(const EngineOptions& o) {
  return o.rules_dir.empty() ? (fs::path(default_data_dir()) / "rules").string() : o.rules_dir;
}
std::string locales_dir_of(const EngineOptions& o) {
  return o.locales_dir.empty() ? (fs::path(default_data_dir()) / "locales").string() : o.locales_dir;
}
std::string dict_dir_of(const EngineOptions& o) {
  if (!o.dict_dir.empty()) return o.dict_dir;
  if (const char* env = std::getenv("COACH_DICT_DIR"); env && *env) return env;
  return "/usr/share/hunspell";
}

EngineImpl::EngineImpl(const EngineOptions& opts, const std::string& rules_path) : options(opts) {
  locale = lexicon::load_locale(locales_dir_of(options), options.locale, diagnostics);
  if (options.load_dictionary) stemmer = std::make_unique<lexicon::Stemmer>(dict_dir_of(options), locale.dictionaries);
  lemmas = std::make_unique<lexicon::LemmaTable>(stemmer.get(), locale.form_to_lemma);
  lemmas->set_word_classes(locale.word_classes);
  rules::LoadOptions load;
  load.locale = options.locale;
  for (const auto& t : locale.topics) load.known_topics.push_back(t.id);
  rules = rules::load_rule_set(rules_path.empty() ? rules_dir_of(options) : rules_path, load, *lemmas);
  diagnostics.insert(diagnostics.end(), rules->diagnostics.begin(), rules->diagnostics.end());
  analyser = std::make_unique<analysis::Analyser>(*rules, locale, *lemmas, diagnostics);
}

bool EngineImpl::knows_nudge(std::string_view id) const {
  for (const auto& n : rules->nudges)
    if (n.nudge == id) return true;
  return false;
}

const lexicon::Resource* EngineImpl::helpline() const {
  for (const auto& r : locale.resources)
    if (r.crisis) return &r;
  return nullptr;
}

bool EngineImpl::spelled_right(const std::string& word) const {
  if (!stemmer) return true;
  {
    std::shared_lock lock(spelling_mutex_);
    if (const auto it = spelling_cache_.find(word); it != spelling_cache_.end()) return it->second;
  }
  const bool right = stemmer->is_correct(word);
  std::unique_lock lock(spelling_mutex_);
  if (spelling_cache_.size() > 100000) spelling_cache_.clear();
  spelling_cache_.emplace(word, right);
  return right;
}

std::vector<SpellingIssue> Engine::spelling(std::string_view text) const {
  if (const auto bad = utf8::first_invalid(text))
    throw Error(Error::Code::invalid_utf8, "invalid UTF-8 at byte " + std::to_string(*bad) + " of the text");
  text::TokenizerConfig config;
  config.placeholders.insert(impl_->locale.placeholders.begin(), impl_->locale.placeholders.end());
  config.url_suffixes.insert(impl_->locale.url_suffixes.begin(), impl_->locale.url_suffixes.end());
  std::vector<SpellingIssue> out;
  std::vector<text::Token> tokens;
  for (const text::ByteRange& range : text::split_sentences(text)) {
    text::tokenize(text, range, config, tokens);
    for (const text::Token& t : tokens) {
      if (t.kind != text::TokenKind::word || t.end - t.begin < 2) continue;
      const std::string word(text.substr(t.begin, t.end - t.begin));
      // Names and abbreviations in capitals are not spelling mistakes.
      if (std::all_of(word.begin(), word.end(), [](char c) { return !(c >= 'a' && c <= 'z'); })) continue;
      if (!impl_->spelled_right(word)) out.push_back({t.begin, t.end, word});
    }
  }
  return out;
}

std::vector<std::string> Engine::suggestions(const std::string& word) const {
  if (utf8::first_invalid(word)) throw Error(Error::Code::invalid_utf8, "invalid UTF-8 in the word");
  if (!impl_->stemmer || word.empty() || word.size() > 100) return {};
  return impl_->stemmer->suggestions(word);
}

Engine::Engine(std::unique_ptr<EngineImpl> impl) : impl_(std::move(impl)) {}
Engine::~Engine() = default;

std::shared_ptr<const Engine> Engine::create(const EngineOptions& options) {
  auto impl = std::make_unique<EngineImpl>(options);
  std::string errors;
  int count = 0;
  for (const auto& d : impl->diagnostics) {
    if (d.warning) continue;
    if (++count <= 5) errors += (errors.empty() ? "" : "\n") + d.to_string();
  }
  if (count > 5) errors += "\n(" + std::to_string(count - 5) + " more problems; run `coach rules check`)";
  if (count > 0) throw Error(Error::Code::rules, errors);
  return std::make_shared<const Engine>(std::move(impl));
}

const std::string& Engine::locale() const { return impl_->locale.locale; }

Labels Engine::label(const Message& message) const {
  if (const auto bad = utf8::first_invalid(message.text))
    throw Error(Error::Code::invalid_utf8, "invalid UTF-8 at byte " + std::to_string(*bad) + " of the text");
  return impl_->analyser->label(message.text, message.role, message.channel);
}

}  // namespace coach
