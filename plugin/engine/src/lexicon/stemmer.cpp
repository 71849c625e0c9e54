#include "lexicon/stemmer.hpp"

#include <coach/types.hpp>

#include <hunspell/hunspell.hxx>

#include <filesystem>

namespace coach::lexicon {

Stemmer::Stemmer(const std::string& dir, const std::vector<std::string>& names) {
  namespace fs = std::filesystem;
  std::string tried;
  for (const std::string& name : names) {
    const fs::path aff = fs::path(dir) / (name + ".aff");
    const fs::path dic = fs::path(dir) / (name + ".dic");
    if (fs::exists(aff) && fs::exists(dic)) {
      hunspell_ = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
      path_ = dic.string();
      return;
    }
    tried += (tried.empty() ? "" : ", ") + aff.string();
  }
  throw Error(Error::Code::dictionary,
              "dictionary: none found (looked for " + tried +
                  "); install the Debian package hunspell-nl or hunspell-en-us, or pass --dict DIR");
}

Stemmer::~Stemmer() = default;

std::vector<std::string> Stemmer::stems(const std::string& word) const {
  if (word.empty() || word.size() > 100) return {};
  std::vector<std::string> result;
  {
    std::lock_guard lock(hunspell_mutex_);
    result = hunspell_->stem(word);
  }
  std::erase(result, word);
  return result;
}

bool Stemmer::is_correct(const std::string& word) const {
  std::lock_guard lock(hunspell_mutex_);
  return hunspell_->spell(word);
}

std::vector<std::string> Stemmer::suggestions(const std::string& word) const {
  std::lock_guard lock(hunspell_mutex_);
  return hunspell_->suggest(word);
}

}  // namespace coach::lexicon
