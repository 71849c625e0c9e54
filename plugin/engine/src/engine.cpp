#include "engine_impl.hpp"

#include "util/utf8.hpp"

#include <filesystem>

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
