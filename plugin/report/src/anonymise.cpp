#include <coach/report/anonymise.hpp>

#include <coach/engine.hpp>
#include <coach/json_source.hpp>
#include <coach/transcript.hpp>
#include <coach/utf8.hpp>

#include "placeholders.hpp"

#include <unicode/uchar.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <unordered_map>
#include <unordered_set>

namespace coach::report {

using Words = std::unordered_set<std::string>;
using Phrase = std::vector<std::string>;  // folded tokens

struct Anonymiser::Data {
  Words first_names, common_words, not_names, not_places, particles, keep_domains, keep_phones;
  std::unordered_map<std::string, std::vector<Phrase>> places;  // by first token, longest first
  std::vector<Phrase> greetings, name_cues, place_cues;
};

namespace {

namespace fs = std::filesystem;

// Lower case, typographic apostrophe as "'".
std::string fold(std::string_view s) {
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())))
      .toLower(icu::Locale::getRoot())
      .findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x2019)), icu::UnicodeString("'"))
      .toUTF8String(out);
  return out;
}

UChar32 code_point_at(std::string_view s, std::size_t i, std::size_t* next = nullptr) {
  if (i >= s.size()) return -1;
  int32_t at = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), at, static_cast<int32_t>(s.size()), c);
  if (next) *next = static_cast<std::size_t>(at);
  return c;
}

bool is_apostrophe(UChar32 c) { return c == '\'' || c == 0x2019; }

struct Token {
  std::size_t begin = 0, end = 0;
  std::string folded;
  bool cap = false;       // starts with a capital
  bool initial = false;   // starts a sentence (or a line, or the text after a speaker label)
  bool digits = false;    // has no letters
};

// Words of `text`: letters and digits, with inner hyphens and apostrophes ("Jan-Willem",
// "O'Brien") and the leading "'s-" / "'t " of Dutch place names. Protected spans split tokens and
// end sentences.
std::vector<Token> tokenize(std::string_view text, const std::vector<std::pair<std::size_t, std::size_t>>& protect) {
  std::vector<Token> out;
  std::size_t i = 0, p = 0;
  bool boundary = true;
  while (i < text.size()) {
    while (p < protect.size() && protect[p].second <= i) ++p;
    if (p < protect.size() && protect[p].first <= i) {
      i = protect[p].second;
      boundary = true;
      continue;
    }
    std::size_t next = 0;
    const UChar32 c = code_point_at(text, i, &next);
    const bool dutch_article = is_apostrophe(c) && (text.substr(next, 2) == "s-" || text.substr(next, 2) == "t-") &&
                               (out.empty() || out.back().end < i);
    if (!u_isalnum(c) && !dutch_article) {
      if (c == '.' || c == '!' || c == '?' || c == 0x2026 || c == ':' || c == '\n') boundary = true;
      i = next;
      continue;
    }
    Token t;
    t.begin = i;
    t.initial = boundary;
    boundary = false;
    std::size_t j = dutch_article ? next : i;
    bool letters = false;
    while (j < text.size()) {
      if (p < protect.size() && protect[p].first <= j) break;
      std::size_t after = 0;
      const UChar32 d = code_point_at(text, j, &after);
      if (u_isalnum(d)) {
        letters = letters || u_isalpha(d);
        j = after;
        continue;
      }
      // An inner joiner belongs to the word when a letter or digit follows it.
      if (d == '-' || is_apostrophe(d)) {
        std::size_t after2 = 0;
        if (u_isalnum(code_point_at(text, after, &after2))) { j = after; continue; }
      }
      break;
    }
    t.end = j;
    const std::string_view word = text.substr(t.begin, t.end - t.begin);
    t.folded = fold(word);
    const UChar32 first = code_point_at(word, dutch_article ? word.find('-') + 1 : 0);
    t.cap = u_isupper(first) || u_istitle(first);
    t.digits = !letters;
    out.push_back(std::move(t));
    i = j;
  }
  return out;
}

Phrase phrase_of(const std::string& text) {
  Phrase out;
  for (const Token& t : tokenize(text, {})) out.push_back(t.folded);
  return out;
}

// --- data files --------------------------------------------------------------------------

void read_words(const JsonSource& src, const char* key, Words& into) {
  const auto it = src.root().find(key);
  if (it == src.root().end()) return;
  if (!it->is_array())
    throw Error(Error::Code::locale, src.where(std::string("/") + key) + ": error: '" + key + "' must be a list of strings");
  for (std::size_t i = 0; i < it->size(); ++i) {
    if (!(*it)[i].is_string() || (*it)[i].get<std::string>().empty())
      throw Error(Error::Code::locale, src.where(std::string("/") + key + "/" + std::to_string(i)) +
                                           ": error: expected a non-empty string");
    into.insert(fold((*it)[i].get<std::string>()));
  }
}

void read_phrases(const JsonSource& src, const char* key, std::vector<Phrase>& into) {
  Words words;
  read_words(src, key, words);
  for (const auto& w : words) {
    Phrase ph = phrase_of(w);
    if (!ph.empty() && std::find(into.begin(), into.end(), ph) == into.end()) into.push_back(std::move(ph));
  }
}

void load_names(const fs::path& path, Anonymiser::Data& d) {
  const JsonSource src = JsonSource::from_file(path.string(), "locale");
  static const std::vector<std::string> known = {"description", "first_names", "places",     "common_words",
                                                 "not_names",   "not_places",  "surname_particles",
                                                 "greetings",   "name_cues",   "place_cues", "keep_domains"};
  if (!src.root().is_object()) throw Error(Error::Code::locale, src.where("") + ": error: expected a JSON object");
  for (const auto& [key, value] : src.root().items())
    if (std::find(known.begin(), known.end(), key) == known.end())
      throw Error(Error::Code::locale, src.where("/" + key) + ": error: unknown key '" + key + "'");
  read_words(src, "first_names", d.first_names);
  read_words(src, "common_words", d.common_words);
  read_words(src, "not_names", d.not_names);
  read_words(src, "not_places", d.not_places);
  read_words(src, "surname_particles", d.particles);
  read_words(src, "keep_domains", d.keep_domains);
  read_phrases(src, "greetings", d.greetings);
  read_phrases(src, "name_cues", d.name_cues);
  read_phrases(src, "place_cues", d.place_cues);
  Words places;
  read_words(src, "places", places);
  for (const auto& place : places) {
    Phrase ph = phrase_of(place);
    if (ph.empty()) continue;
    auto& list = d.places[ph.front()];
    if (std::find(list.begin(), list.end(), ph) == list.end()) list.push_back(std::move(ph));
  }
}

std::string digits_of(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c >= '0' && c <= '9') out += c;
  return out;
}

std::string host_of(std::string url) {
  url = fold(url);
  if (const auto scheme = url.find("://"); scheme != std::string::npos) url.erase(0, scheme + 3);
  url = url.substr(0, url.find_first_of("/?#:"));
  if (url.rfind("www.", 0) == 0) url.erase(0, 4);
  return url;
}

// Web addresses and phone numbers of the help resources a counsellor may name: never personal.
void load_resources(const fs::path& path, Anonymiser::Data& d) {
  std::ifstream in(path);
  if (!in) return;
  const nlohmann::json root = nlohmann::json::parse(in, nullptr, false);
  if (!root.is_object() || !root.contains("resources") || !root["resources"].is_array()) return;
  static const std::regex number(R"((\+?\d[\d -]{5,}\d))");
  for (const auto& r : root["resources"]) {
    if (!r.is_object()) continue;
    if (r.contains("url") && r["url"].is_string()) d.keep_domains.insert(host_of(r["url"].get<std::string>()));
    if (r.contains("contact") && r["contact"].is_string()) {
      const std::string contact = r["contact"].get<std::string>();
      for (auto it = std::sregex_iterator(contact.begin(), contact.end(), number); it != std::sregex_iterator(); ++it)
        d.keep_phones.insert(digits_of(it->str()));
    }
  }
}

// --- detection -----------------------------------------------------------------------------

struct Span {
  std::size_t begin, end;
  int priority;  // lower wins an overlap
  std::string_view kind, placeholder;
  std::string rule;
};

constexpr int kEmail = 0, kUrl = 1, kPhone = 2, kPostcode = 3, kNameCue = 4, kPlaceCue = 5, kPlaceList = 6, kNameList = 7;

Span make(std::size_t b, std::size_t e, int priority, std::string rule) {
  switch (priority) {
    case kEmail: return {b, e, priority, "email", kEmailPlaceholder, std::move(rule)};
    case kUrl: return {b, e, priority, "url", kUrlPlaceholder, std::move(rule)};
    case kPhone: return {b, e, priority, "phone", kPhonePlaceholder, std::move(rule)};
    case kPostcode: return {b, e, priority, "postcode", kPostcodePlaceholder, std::move(rule)};
    case kNameCue:
    case kNameList: return {b, e, priority, "name", kNamePlaceholder, std::move(rule)};
    default: return {b, e, priority, "place", kPlacePlaceholder, std::move(rule)};
  }
}

class Detector {
 public:
  Detector(const Anonymiser::Data& d, std::string_view text) : d_(d), text_(text) {
    static const std::regex label(std::string(R"((^|\n)[ \t]*()") + kSpeakerLabels + R"()[ \t]*(\([^)\n]*\))?[ \t]*:)",
                                  std::regex::icase);
    const std::string s(text);
    for (auto it = std::sregex_iterator(s.begin(), s.end(), label); it != std::sregex_iterator(); ++it)
      protect_.push_back({static_cast<std::size_t>(it->position(0)) + it->length(1),
                          static_cast<std::size_t>(it->position(0) + it->length(0))});
    tokens_ = tokenize(text, protect_);
  }

  std::vector<Span> run(int& kept) {
    const std::string s(text_);
    emails(s);
    urls(s, kept);
    phones(kept);
    postcodes(s);
    names_and_places();
    return resolve();
  }

 private:
  void add(std::size_t b, std::size_t e, int priority, std::string rule) { spans_.push_back(make(b, e, priority, std::move(rule))); }

  bool protected_at(std::size_t b, std::size_t e) const {
    for (const auto& [pb, pe] : protect_)
      if (b < pe && pb < e) return true;
    return false;
  }

  void emails(const std::string& s) {
    static const std::regex re(R"([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})");
    for (auto it = std::sregex_iterator(s.begin(), s.end(), re); it != std::sregex_iterator(); ++it)
      add(it->position(0), it->position(0) + it->length(0), kEmail, "pattern");
  }

  void urls(const std::string& s, int& kept) {
    static const std::regex full(R"((?:https?://|www\.)[^\s<>"']+)", std::regex::icase);
    static const std::regex bare(
        R"((^|[^A-Za-z0-9@./_-])((?:[A-Za-z0-9-]+\.)+(?:nl|be|com|org|net|eu|info|nu|io|app|online|uk|au|ie|de|fr|us|ca|me|tv|co|biz)(?:/[^\s<>"']*)?)(?![A-Za-z0-9]))",
        std::regex::icase);
    auto take = [&](std::size_t b, std::size_t e) {
      while (e > b && std::string_view(".,;:!?)'\"").find(s[e - 1]) != std::string_view::npos) --e;
      const std::string host = host_of(s.substr(b, e - b));
      for (const auto& keep : d_.keep_domains)
        if (host == keep || (host.size() > keep.size() && host.compare(host.size() - keep.size(), keep.size(), keep) == 0 &&
                             host[host.size() - keep.size() - 1] == '.')) {
          ++kept;
          resources_.push_back({b, e});
          return;
        }
      add(b, e, kUrl, "pattern");
    };
    for (auto it = std::sregex_iterator(s.begin(), s.end(), full); it != std::sregex_iterator(); ++it)
      take(it->position(0), it->position(0) + it->length(0));
    for (auto it = std::sregex_iterator(s.begin(), s.end(), bare); it != std::sregex_iterator(); ++it) {
      const std::size_t b = it->position(2);
      if (covered(b)) continue;
      take(b, b + it->length(2));
    }
  }

  bool covered(std::size_t at) const {
    for (const auto& sp : spans_)
      if (sp.begin <= at && at < sp.end) return true;
    for (const auto& [b, e] : resources_)
      if (b <= at && at < e) return true;
    return false;
  }

  static bool digit(char c) { return c >= '0' && c <= '9'; }

  // Phone numbers: 06-12345678, 020 123 4567, +31 (0)6 1234 5678, 0031 6..., 07700 900123,
  // +44 20 7946 0958, (555) 123-4567, 555-123-4567. Dates and times are too short to match.
  void phones(int& kept) {
    const std::string_view s = text_;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const char c = s[i];
      if (i > 0 && (std::isalnum(static_cast<unsigned char>(s[i - 1])) || s[i - 1] == '+' || s[i - 1] == '_' ||
                    s[i - 1] == '@'))
        continue;
      std::size_t j = i;
      int min_digits = 0, max_digits = 0;
      if (c == '+' && i + 1 < s.size() && digit(s[i + 1])) { j = i + 1; min_digits = 10; max_digits = 13; }
      else if (c == '0' && i + 1 < s.size() && s[i + 1] == '0') { min_digits = 11; max_digits = 15; }
      else if (c == '0') { min_digits = 10; max_digits = 11; }
      else if (c == '(' && i + 1 < s.size() && s[i + 1] == '0') { j = i + 1; min_digits = 10; max_digits = 11; }
      else if (c == '(' && i + 1 < s.size() && digit(s[i + 1])) { j = i + 1; min_digits = 10; max_digits = 10; }
      else if (digit(c)) { min_digits = 10; max_digits = 10; }  // 555-123-4567: checked below
      else continue;
      int count = 0;
      std::size_t best = 0;
      std::string groups;
      while (j < s.size()) {
        std::size_t k = j;
        while (k < s.size() && digit(s[k])) ++k;
        if (k == j) break;
        count += static_cast<int>(k - j);
        groups += std::to_string(k - j) + ",";
        if (count > max_digits) break;
        if (count >= min_digits && (k >= s.size() || !std::isalnum(static_cast<unsigned char>(s[k])))) best = k;
        // One or two separators (space, -, ., parentheses) lead to the next group.
        std::size_t sep = k;
        while (sep < s.size() && sep - k < 2 && std::string_view(" -.()").find(s[sep]) != std::string_view::npos) ++sep;
        if (sep == k || sep >= s.size() || !digit(s[sep])) break;
        j = sep;
      }
      if (!best) continue;
      // A bare number not starting with 0 or + must look like 555-123-4567 or (555) 123-4567.
      if (digit(c) && c != '0' && groups != "3,3,4,") continue;
      if (c == '(' && s[i + 1] != '0' && groups != "3,3,4,") continue;
      const std::string number = digits_of(s.substr(i, best - i));
      const bool service = number.rfind("0800", 0) == 0 || number.rfind("0900", 0) == 0 || d_.keep_phones.count(number);
      if (service) {
        ++kept;
        resources_.push_back({i, best});
      } else if (!covered(i)) {
        add(i, best, kPhone, "pattern");
      }
      i = best;
    }
  }

  void postcodes(const std::string& s) {
    static const std::regex dutch(R"((^|[^A-Za-z0-9])([1-9][0-9]{3} ?[A-Z]{2}|[1-9][0-9]{3}[a-z]{2})(?![A-Za-z0-9]))");
    static const std::regex british(R"((^|[^A-Za-z0-9])([A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2})(?![A-Za-z0-9]))");
    for (const std::regex* re : {&dutch, &british})
      for (auto it = std::sregex_iterator(s.begin(), s.end(), *re); it != std::sregex_iterator(); ++it)
        add(it->position(2), it->position(2) + it->length(2), kPostcode, "pattern");
  }

  // --- words ---

  std::string_view gap_before(std::size_t k) const {
    const std::size_t from = k == 0 ? 0 : tokens_[k - 1].end;
    return text_.substr(from, tokens_[k].begin - from);
  }

  bool spaces_only(std::size_t k) const {
    const auto g = gap_before(k);
    return !g.empty() && g.find_first_not_of(" \t") == std::string_view::npos && !protected_at(g.data() - text_.data(), tokens_[k].begin);
  }

  // Between a cue and its target: white space and at most one comma or full stop ("dhr. Jansen";
  // also a line break: "Met vriendelijke groet,\nSanne").
  bool cue_gap(std::size_t k) const {
    const auto g = gap_before(k);
    int marks = 0;
    for (char c : g) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
      if ((c == ',' || c == '.') && ++marks == 1) continue;
      return false;
    }
    return !g.empty() && !protected_at(g.data() - text_.data(), tokens_[k].begin);
  }

  // Tokens from k matching `phrase`, joined by spaces; returns the index after the match or 0.
  std::size_t match_phrase(std::size_t k, const Phrase& phrase) const {
    if (k + phrase.size() > tokens_.size()) return 0;
    for (std::size_t n = 0; n < phrase.size(); ++n) {
      if (tokens_[k + n].folded != phrase[n]) return 0;
      if (n > 0 && !spaces_only(k + n)) return 0;
    }
    return k + phrase.size();
  }

  bool placeholder(std::size_t k) const {
    return is_placeholder_word(text_.substr(tokens_[k].begin, tokens_[k].end - tokens_[k].begin));
  }

  std::string key_of(const Token& t) const {
    std::string key = t.folded;
    if (key.size() > 2 && key.compare(key.size() - 2, 2, "'s") == 0) key.resize(key.size() - 2);
    return key;
  }

  bool known_name(const std::string& key) const {
    if (d_.first_names.count(key)) return true;
    if (key.find('-') == std::string::npos) return false;
    std::size_t from = 0;
    while (from <= key.size()) {
      const std::size_t dash = std::min(key.find('-', from), key.size());
      if (d_.first_names.count(key.substr(from, dash - from))) return true;
      from = dash + 1;
    }
    return false;
  }

  // The end of a name at token k, with a surname after it: "Sanne Jansen", "Sanne van der Berg".
  std::size_t name_end(std::size_t k) const {
    std::size_t end_token = k + 1, j = k + 1;
    int particles = 0;
    while (j < tokens_.size() && spaces_only(j) && particles < 3 && d_.particles.count(tokens_[j].folded)) {
      ++particles;
      ++j;
    }
    if (j < tokens_.size() && spaces_only(j) && tokens_[j].cap && !tokens_[j].digits && !placeholder(j) &&
        !d_.not_names.count(tokens_[j].folded) && !d_.common_words.count(tokens_[j].folded) && !place_at(j))
      end_token = j + 1;
    return end_token;
  }

  // End of a name in bytes, without a possessive "'s" ("Sanne's" keeps its "'s").
  std::size_t byte_end(std::size_t token_end, bool strip_possessive) const {
    const Token& t = tokens_[token_end - 1];
    if (!strip_possessive || key_of(t).size() == t.folded.size()) return t.end;
    return t.end >= 2 && text_[t.end - 2] == '\'' ? t.end - 2 : t.end - 4;  // "'s" or "’s"
  }

  // Length in tokens of a listed place starting at k, or 0.
  std::size_t place_at(std::size_t k) const {
    const auto it = d_.places.find(tokens_[k].folded);
    if (it == d_.places.end()) return 0;
    std::size_t best = 0;
    for (const Phrase& ph : it->second) {
      const std::size_t end = match_phrase(k, ph);
      if (end == 0) continue;
      // A place that is also an ordinary word ("Leiden", "Best") counts only as a capitalised
      // word inside a sentence.
      if (ph.size() == 1 && d_.common_words.count(ph[0]) && (!tokens_[k].cap || tokens_[k].initial)) continue;
      best = std::max(best, end - k);
    }
    return best;
  }

  bool name_target(std::size_t k) const {
    const Token& t = tokens_[k];
    if (t.digits || placeholder(k) || d_.not_names.count(t.folded)) return false;
    return t.cap || (known_name(key_of(t)) && !d_.common_words.count(key_of(t)));
  }

  void names_and_places() {
    for (std::size_t k = 0; k < tokens_.size(); ++k) {
      // Cue phrases: a greeting starts a sentence ("Hoi Sanne", "Dear Tom"); other cues
      // anywhere ("ik ben Sanne", "mijn zoon Daan", "my name is Tom").
      for (const auto* cues : {&d_.greetings, &d_.name_cues}) {
        for (const Phrase& cue : *cues) {
          const std::size_t target = match_phrase(k, cue);
          if (!target || target >= tokens_.size() || (cues == &d_.greetings && !tokens_[k].initial)) continue;
          if (!cue_gap(target) || !name_target(target)) continue;
          const std::size_t end = name_end(target);
          add(tokens_[target].begin, byte_end(end, end == target + 1), kNameCue,
              cues == &d_.greetings ? "greeting" : "name_cue");
        }
      }
      for (const Phrase& cue : d_.place_cues) {
        const std::size_t target = match_phrase(k, cue);
        if (!target || target >= tokens_.size() || !spaces_only(target)) continue;
        const Token& t = tokens_[target];
        if (!t.cap || t.digits || placeholder(target) || d_.not_places.count(t.folded)) continue;
        std::size_t end = target + std::max<std::size_t>(place_at(target), 1);
        while (end < tokens_.size() && end - target < 4 && spaces_only(end) && tokens_[end].cap &&
               !d_.not_names.count(tokens_[end].folded))
          ++end;
        add(t.begin, tokens_[end - 1].end, kPlaceCue, "place_cue");
      }
      if (const std::size_t n = place_at(k)) add(tokens_[k].begin, tokens_[k + n - 1].end, kPlaceList, "place_list");
      const Token& t = tokens_[k];
      const std::string key = key_of(t);
      if (!t.digits && !placeholder(k) && known_name(key)) {
        // A name that is also an ordinary word ("Ben", "Will", "Roos") only as a capitalised word
        // inside a sentence, never one that is a month or the like ("June"); other names in any case.
        if (d_.not_names.count(key) || (d_.common_words.count(key) && (!t.cap || t.initial))) continue;
        const std::size_t end = name_end(k);
        add(t.begin, byte_end(end, end == k + 1), kNameList, "name_list");
      }
    }
  }

  std::vector<Span> resolve() {
    std::vector<Span> sorted = spans_;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Span& a, const Span& b) {
      return a.priority != b.priority ? a.priority < b.priority : a.begin < b.begin;
    });
    std::vector<Span> taken;
    for (const Span& sp : sorted) {
      if (sp.end <= sp.begin || protected_at(sp.begin, sp.end)) continue;
      bool overlaps = false;
      for (const Span& t : taken)
        if (sp.begin < t.end && t.begin < sp.end) { overlaps = true; break; }
      for (const auto& [b, e] : resources_)
        if (sp.begin < e && b < sp.end) { overlaps = true; break; }
      if (!overlaps) taken.push_back(sp);
    }
    std::sort(taken.begin(), taken.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
    return taken;
  }

  const Anonymiser::Data& d_;
  std::string_view text_;
  std::vector<std::pair<std::size_t, std::size_t>> protect_;
  std::vector<std::pair<std::size_t, std::size_t>> resources_;
  std::vector<Token> tokens_;
  std::vector<Span> spans_;
};

int characters(std::string_view s) {
  return static_cast<int>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

void anonymise_into(const Anonymiser::Data& d, std::string_view text, int message, Anonymised& out, std::string& result) {
  Detector detector(d, text);
  const std::vector<Span> spans = detector.run(out.kept_resources);
  std::size_t at = 0, line_start = 0;
  int line = 1;
  for (const Span& sp : spans) {
    for (std::size_t i = at; i < sp.begin; ++i)
      if (text[i] == '\n') { ++line; line_start = i + 1; }
    result.append(text.substr(at, sp.begin - at));
    result.append(sp.placeholder);
    Replacement r;
    r.kind = sp.kind;
    r.placeholder = sp.placeholder;
    r.rule = sp.rule;
    r.message = message;
    r.line = line;
    r.column = characters(text.substr(line_start, sp.begin - line_start)) + 1;
    r.original = std::string(text.substr(sp.begin, sp.end - sp.begin));
    r.length = characters(r.original);
    out.replacements.push_back(std::move(r));
    at = sp.end;
  }
  result.append(text.substr(at));
}

void require_utf8(std::string_view text) {
  if (const auto bad = utf8::first_invalid(text)) {
    const SourcePosition p = position_of(std::string(text), *bad);
    throw Error(Error::Code::invalid_utf8,
                std::to_string(p.line) + ": error: invalid UTF-8 at column " + std::to_string(p.column));
  }
}

}  // namespace

Anonymiser::Anonymiser(std::shared_ptr<const Data> data) : data_(std::move(data)) {}

Anonymiser Anonymiser::load(const std::string& locales_dir, const std::string& locale) {
  const fs::path dir = locales_dir.empty() ? fs::path(default_data_dir()) / "locales" : fs::path(locales_dir);
  auto data = std::make_shared<Data>();
  const fs::path own = dir / locale / "names.json";
  if (!fs::exists(own)) throw Error(Error::Code::locale, own.string() + ": error: cannot open file (unknown locale '" + locale + "'?)");
  // The other locale adds its names, places and cues: Dutch transcripts name English places and
  // people, and the other way round.
  load_names(own, *data);
  load_resources(dir / locale / "resources.json", *data);
  for (const char* other : {"nl", "en"}) {
    if (other == locale || !fs::exists(dir / other / "names.json")) continue;
    load_names(dir / other / "names.json", *data);
    load_resources(dir / other / "resources.json", *data);
  }
  return Anonymiser(std::move(data));
}

Anonymised Anonymiser::text(std::string_view text) const {
  require_utf8(text);
  Anonymised out;
  anonymise_into(*data_, text, 0, out, out.text);
  return out;
}

Anonymised Anonymiser::json_transcript(std::string_view json_text) const {
  require_utf8(json_text);
  nlohmann::json array;
  try {
    array = nlohmann::json::parse(json_text);
  } catch (const nlohmann::json::parse_error& e) {
    const SourcePosition p = position_of(std::string(json_text), e.byte > 0 ? e.byte - 1 : 0);
    throw Error(Error::Code::invalid_argument,
                std::to_string(p.line) + ": error: invalid JSON at column " + std::to_string(p.column));
  }
  if (!array.is_array()) throw Error(Error::Code::invalid_argument, "1: error: expected a JSON array of messages");
  Anonymised out;
  for (std::size_t i = 0; i < array.size(); ++i) {
    auto& m = array[i];
    if (!m.is_object() || !m.contains("text") || !m["text"].is_string()) continue;
    std::string result;
    anonymise_into(*data_, m["text"].get<std::string>(), static_cast<int>(i + 1), out, result);
    m["text"] = result;
  }
  out.text = array.dump(2) + "\n";
  return out;
}

nlohmann::json to_json(const Anonymised& result, bool show_originals) {
  nlohmann::json counts = nlohmann::json::object();
  for (const char* kind : {"name", "place", "phone", "email", "postcode", "url"}) counts[kind] = 0;
  nlohmann::json items = nlohmann::json::array();
  for (const Replacement& r : result.replacements) {
    counts[r.kind] = counts[r.kind].get<int>() + 1;
    nlohmann::json j = {{"kind", r.kind},   {"placeholder", r.placeholder}, {"rule", r.rule},
                        {"line", r.line},   {"column", r.column},           {"length", r.length}};
    if (r.message > 0) j["message"] = r.message;
    if (show_originals) j["original"] = r.original;
    items.push_back(std::move(j));
  }
  return {{"total", result.replacements.size()},
          {"counts", counts},
          {"kept_resources", result.kept_resources},
          {"replacements", items}};
}

}  // namespace coach::report
