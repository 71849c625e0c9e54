#include "lexicon/locale_data.hpp"

#include "rules/json_reader.hpp"
#include "text/fold.hpp"

#include <filesystem>

namespace coach::lexicon {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// Runs `read` on a file's JSON; a file that cannot be parsed becomes one diagnostic.
template <typename Read>
void with_file(const fs::path& file, std::vector<rules::Diagnostic>& diagnostics, Read read) {
  try {
    const JsonSource source = JsonSource::from_file(file.string(), "locale");
    rules::JsonReader reader(source, diagnostics);
    if (!source.root().is_object()) { reader.error("", "must be a JSON object"); return; }
    read(reader, source.root());
  } catch (const Error& e) {
    diagnostics.push_back({"", 0, 0, "", e.what(), false});
  }
}

void read_lexicon(rules::JsonReader& reader, const json& root, LocaleData& data) {
  reader.check_keys(root, "", {"description", "dictionaries", "placeholders", "url_suffixes", "salutations", "abbreviations", "forms", "question_cues", "statement_cues", "word_classes"});
  if (auto v = reader.string_list(root, "", "dictionaries", true)) data.dictionaries = *v;
  if (auto v = reader.string_list(root, "", "placeholders", false)) data.placeholders = *v;
  if (auto v = reader.string_list(root, "", "url_suffixes", false)) data.url_suffixes = *v;
  if (auto v = reader.string_list(root, "", "abbreviations", false))
    for (const std::string& a : *v) data.abbreviations.push_back(text::ascii_lower(a));
  if (auto v = reader.string_list(root, "", "salutations", false))
    for (const std::string& a : *v) data.salutations.push_back(text::ascii_lower(a));
  if (auto v = reader.string_list(root, "", "question_cues", false)) data.question_cues = *v;
  if (auto v = reader.string_list(root, "", "statement_cues", false)) data.statement_cues = *v;
  data.question_cues_where = reader.source().name();
  if (const auto classes = root.find("word_classes"); classes != root.end()) {
    if (!classes->is_object()) {
      reader.error("/word_classes", "'word_classes' must map a class name to a list of words");
    } else {
      for (auto it = classes->begin(); it != classes->end(); ++it) {
        auto list = reader.string_list(*classes, "/word_classes", it.key().c_str(), true);
        if (!list) continue;
        for (std::size_t i = 0; i < list->size(); ++i)
          if ((*list)[i].find_first_of(" |{}()%") != std::string::npos)
            reader.error("/word_classes/" + it.key() + "/" + std::to_string(i),
                         "a word class entry is one word, prefix* or <lemma>, not '" + (*list)[i] + "'");
        data.word_classes[it.key()] = *list;
      }
    }
  }
  const auto forms = root.find("forms");
  if (forms != root.end()) {
    if (!forms->is_object()) { reader.error("/forms", "'forms' must map a lemma to its list of forms"); return; }
    for (auto it = forms->begin(); it != forms->end(); ++it) {
      const std::string lemma = text::fold(it.key());
      if (auto list = reader.string_list(*forms, "/forms", it.key().c_str(), true))
        for (const std::string& form : *list) data.form_to_lemma[text::fold(form)] = lemma;
    }
  }
}

void read_topics(rules::JsonReader& reader, const json& root, LocaleData& data) {
  reader.check_keys(root, "", {"description", "topics"});
  const auto topics = root.find("topics");
  if (topics == root.end() || !topics->is_object()) { reader.error("", "missing 'topics' object"); return; }
  for (auto it = topics->begin(); it != topics->end(); ++it) {
    const std::string p = "/topics/" + it.key();
    if (!it->is_object()) { reader.error(p, "a topic must be an object with 'label' and 'patterns'"); continue; }
    reader.check_keys(*it, p, {"label", "patterns"});
    Topic t;
    t.id = it.key();
    t.label = it->value("label", it.key());
    t.where = reader.source().where(p + "/patterns");
    if (auto pats = reader.string_list(*it, p, "patterns", true)) t.patterns = *pats;
    data.topics.push_back(std::move(t));
  }
}

void read_resources(rules::JsonReader& reader, const json& root, LocaleData& data) {
  reader.check_keys(root, "", {"description", "resources"});
  const auto list = root.find("resources");
  if (list == root.end() || !list->is_array()) { reader.error("", "missing 'resources' list"); return; }
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string p = "/resources/" + std::to_string(i);
    const json& r = (*list)[i];
    if (!r.is_object()) { reader.error(p, "a resource must be an object"); continue; }
    reader.check_keys(r, p, {"id", "name", "url", "contact", "description", "kind", "topics", "crisis", "general"});
    Resource res;
    if (auto v = reader.string(r, p, "id", true)) res.id = *v;
    if (auto v = reader.string(r, p, "name", true)) res.name = *v;
    if (auto v = reader.string(r, p, "url", false)) res.url = *v;
    if (auto v = reader.string(r, p, "contact", false)) res.contact = *v;
    if (auto v = reader.string(r, p, "description", false)) res.description = *v;
    if (auto v = reader.one_of(r, p, "kind", {"online", "f2f"}, true)) res.online = *v == "online";
    if (auto v = reader.string_list(r, p, "topics", false, false)) res.topics = *v;
    res.crisis = r.value("crisis", false);
    res.general = r.value("general", false);
    data.resources.push_back(std::move(res));
  }
}

}  // namespace

std::vector<std::string> available_locales(const std::string& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_directory() && fs::exists(e.path() / "lexicon.json")) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

LocaleData load_locale(const std::string& dir, const std::string& locale, std::vector<rules::Diagnostic>& diagnostics) {
  const fs::path root = fs::path(dir) / locale;
  if (locale.empty() || locale.find_first_of("/\\.") != std::string::npos || !fs::exists(root / "lexicon.json")) {
    std::string known;
    for (const auto& l : available_locales(dir)) known += (known.empty() ? "" : ", ") + l;
    throw Error(Error::Code::locale, "unknown locale '" + locale + "' (available: " + (known.empty() ? "none" : known) +
                                         " in " + dir + ")");
  }
  LocaleData data;
  data.locale = locale;
  with_file(root / "lexicon.json", diagnostics, [&](auto& r, const json& j) { read_lexicon(r, j, data); });
  if (fs::exists(root / "topics.json"))
    with_file(root / "topics.json", diagnostics, [&](auto& r, const json& j) { read_topics(r, j, data); });
  if (fs::exists(root / "resources.json"))
    with_file(root / "resources.json", diagnostics, [&](auto& r, const json& j) { read_resources(r, j, data); });
  return data;
}

}  // namespace coach::lexicon
