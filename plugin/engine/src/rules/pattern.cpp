#include "rules/pattern.hpp"

#include "text/fold.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace coach::rules {
namespace {

using text::TokenKind;

bool is_wordlike(TokenKind kind) {
  return kind == TokenKind::word || kind == TokenKind::number || kind == TokenKind::url ||
         kind == TokenKind::placeholder;
}

bool is_trailing_mark(TokenKind kind) {
  return kind == TokenKind::question_mark || kind == TokenKind::exclamation ||
         kind == TokenKind::ellipsis || kind == TokenKind::emoticon || kind == TokenKind::comma;
}

// One alternative of an element as written; compile_element turns them into keys.
enum class AltKind : std::uint8_t { literal, prefix, suffix, lemma, any_word, token_kind, number_at_least };

struct Alternative {
  AltKind kind = AltKind::literal;
  std::string text;  // folded literal, prefix, suffix or lemma
  TokenKind token_kind = TokenKind::word;
  std::uint64_t at_least = 0;  // number_at_least
};

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t at = s.find(sep, start);
    out.push_back(s.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) return out;
    start = at + 1;
  }
}

std::optional<Alternative> compile_alternative(const std::string& raw, std::string& problem) {
  Alternative alt;
  if (raw.empty()) { problem = "empty alternative"; return std::nullopt; }
  if (raw == "?") { alt.kind = AltKind::token_kind; alt.token_kind = TokenKind::question_mark; return alt; }
  if (raw == "!") { alt.kind = AltKind::token_kind; alt.token_kind = TokenKind::exclamation; return alt; }
  if (raw == "..." || raw == "\xE2\x80\xA6") { alt.kind = AltKind::token_kind; alt.token_kind = TokenKind::ellipsis; return alt; }
  if (raw == ",") { alt.kind = AltKind::token_kind; alt.token_kind = TokenKind::comma; return alt; }
  if (raw == "_") { alt.kind = AltKind::any_word; return alt; }
  if (raw.rfind("@number>=", 0) == 0) {
    const std::string digits = raw.substr(9);
    std::uint64_t n = 0;
    const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (digits.empty() || ec != std::errc() || ptr != digits.data() + digits.size() || n > 1000000000) {
      problem = "'" + raw + "': write @number>=N with N a whole number up to 1000000000";
      return std::nullopt;
    }
    alt.kind = AltKind::number_at_least;
    alt.at_least = n;
    return alt;
  }
  if (raw[0] == '@') {
    alt.kind = AltKind::token_kind;
    if (raw == "@url") alt.token_kind = TokenKind::url;
    else if (raw == "@number") alt.token_kind = TokenKind::number;
    else if (raw == "@placeholder") alt.token_kind = TokenKind::placeholder;
    else if (raw == "@emoticon") alt.token_kind = TokenKind::emoticon;
    else { problem = "unknown token class '" + raw + "' (expected @url, @number, @number>=N, @placeholder or @emoticon)"; return std::nullopt; }
    return alt;
  }
  if (raw.front() == '<') {
    if (raw.size() < 3 || raw.back() != '>') { problem = "lemma '" + raw + "' must look like <word>"; return std::nullopt; }
    alt.kind = AltKind::lemma;
    alt.text = text::fold(raw.substr(1, raw.size() - 2));
    return alt;
  }
  const bool star_front = raw.front() == '*';
  const bool star_back = raw.back() == '*';
  if (star_front && star_back) { problem = "'" + raw + "': use either prefix* or *suffix"; return std::nullopt; }
  if ((star_front || star_back) && raw.size() < 3) { problem = "'" + raw + "': a prefix or suffix needs at least two letters"; return std::nullopt; }
  if (star_front) { alt.kind = AltKind::suffix; alt.text = text::fold(raw.substr(1)); return alt; }
  if (star_back) { alt.kind = AltKind::prefix; alt.text = text::fold(raw.substr(0, raw.size() - 1)); return alt; }
  if (raw.find_first_of("<>*(){}[]") != std::string::npos) {
    problem = "unexpected character in '" + raw + "' (optional words are written (word), phrase groups {a b|c})";
    return std::nullopt;
  }
  if (std::none_of(raw.begin(), raw.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80); })) {
    problem = "'" + raw + "' never matches a word (punctuation in patterns: ? ! , and ...)";
    return std::nullopt;
  }
  alt.kind = AltKind::literal;
  alt.text = text::fold(raw);
  return alt;
}

std::optional<TokenSpan> match_from(const Pattern& p, const SentenceView& view, std::size_t element,
                                    std::size_t token, std::size_t first) {
  const auto& tokens = view.tokens();
  if (element == p.elements.size()) {
    if (p.at_end)
      for (std::size_t k = token; k < tokens.size(); ++k)
        if (!is_trailing_mark(tokens[k].kind)) return std::nullopt;
    return TokenSpan{first, token};
  }
  const Element& e = p.elements[element];
  if (e.gap >= 0) {
    for (int skip = 0; skip <= e.gap && token + static_cast<std::size_t>(skip) <= tokens.size(); ++skip)
      if (auto m = match_from(p, view, element + 1, token + static_cast<std::size_t>(skip), first)) return m;
    return std::nullopt;
  }
  if (token < tokens.size() && element_matches(p, e, view, token))
    if (auto m = match_from(p, view, element + 1, token + 1, first)) return m;
  if (e.optional) return match_from(p, view, element + 1, token, first);
  return std::nullopt;
}

}  // namespace

SentenceView::SentenceView(const std::vector<text::Token>& tokens, const lexicon::LemmaTable& lemmas)
    : tokens_(tokens) {
  keys_.reserve(tokens.size() * 3);
  start_.reserve(tokens.size() + 1);
  for (const text::Token& t : tokens) {
    start_.push_back(static_cast<std::uint32_t>(keys_.size()));
    keys_.push_back(kind_key(t.kind));
    if (is_wordlike(t.kind)) lemmas.append_keys(t.folded, t.kind == TokenKind::word, keys_);
    if (t.kind == TokenKind::number) lemmas.append_number_keys(t.folded, keys_);
  }
  start_.push_back(static_cast<std::uint32_t>(keys_.size()));
  present_.assign(lemmas.key_count() / 64 + 1, 0);
  for (const std::uint32_t k : keys_) {
    if (k / 64 < present_.size()) present_[k / 64] |= std::uint64_t(1) << (k % 64);
    add_to_mask(mask_, k);
  }
}

bool SentenceView::has_any(const Pattern& pattern, const Element& element) const {
  if (!masks_overlap(element.mask, mask_)) return false;
  for (const std::uint32_t k : pattern.keys_of(element))
    if (k / 64 < present_.size() && (present_[k / 64] >> (k % 64) & 1)) return true;
  return false;
}

bool element_matches(const Pattern& pattern, const Element& element, const SentenceView& view, std::size_t index) {
  const auto keys = pattern.keys_of(element);
  for (const std::uint32_t* k = view.keys_begin(index); k != view.keys_end(index); ++k)
    if (keys.size() <= 8 ? std::find(keys.begin(), keys.end(), *k) != keys.end()
                         : std::binary_search(keys.begin(), keys.end(), *k))
      return true;
  return false;
}

bool may_match(const Pattern& pattern, const SentenceView& view) {
  for (const std::uint16_t e : pattern.required)
    if (!view.has_any(pattern, pattern.elements[e])) return false;
  return true;
}

namespace {

void add_keys(const Alternative& alt, lexicon::LemmaTable& lemmas, std::vector<std::uint32_t>& keys) {
  switch (alt.kind) {
    case AltKind::literal: keys.push_back(lemmas.intern_literal(alt.text)); break;
    case AltKind::prefix: keys.push_back(lemmas.intern_prefix(alt.text)); break;
    case AltKind::suffix: keys.push_back(lemmas.intern_suffix(alt.text)); break;
    case AltKind::lemma:
      for (const std::uint32_t id : lemmas.intern(alt.text)) keys.push_back(id);
      break;
    case AltKind::any_word:
      for (const TokenKind k : {TokenKind::word, TokenKind::number, TokenKind::url, TokenKind::placeholder})
        keys.push_back(kind_key(k));
      break;
    case AltKind::token_kind: keys.push_back(kind_key(alt.token_kind)); break;
    case AltKind::number_at_least: keys.push_back(lemmas.intern_number_at_least(alt.at_least)); break;
  }
}

// Appends the element's keys to `p.keys` and returns the element.
Element compile_element(const std::vector<Alternative>& alternatives, bool optional, lexicon::LemmaTable& lemmas,
                        Pattern& p) {
  Element e;
  e.optional = optional;
  std::vector<std::uint32_t> keys;
  for (const Alternative& alt : alternatives) add_keys(alt, lemmas, keys);
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  for (const std::uint32_t k : keys) add_to_mask(e.mask, k);
  e.key_begin = static_cast<std::uint32_t>(p.keys.size());
  p.keys.insert(p.keys.end(), keys.begin(), keys.end());
  e.key_end = static_cast<std::uint32_t>(p.keys.size());
  return e;
}

}  // namespace

std::optional<Pattern> compile_pattern(const std::string& source, lexicon::LemmaTable& lemmas,
                                       PatternError& error) {
  Pattern p;
  std::size_t pos = 0;
  std::vector<std::pair<std::string, std::size_t>> words;  // element text, column
  while (pos < source.size()) {
    while (pos < source.size() && source[pos] == ' ') ++pos;
    if (pos >= source.size()) break;
    const std::size_t start = pos;
    while (pos < source.size() && source[pos] != ' ') ++pos;
    words.emplace_back(source.substr(start, pos - start), start + 1);
  }
  if (words.empty()) { error = {1, "empty pattern"}; return std::nullopt; }

  for (std::size_t w = 0; w < words.size(); ++w) {
    std::string word = words[w].first;
    const std::size_t column = words[w].second;
    auto fail = [&](const std::string& message) { error = {column, message}; return std::nullopt; };
    if (word == "^") {
      if (w != 0) return fail("'^' must come first");
      p.at_start = true;
      continue;
    }
    if (word == "$") {
      if (w + 1 != words.size()) return fail("'$' must come last");
      p.at_end = true;
      continue;
    }
    if (word[0] == '~') {
      int gap = -1;
      const auto [ptr, ec] = std::from_chars(word.data() + 1, word.data() + word.size(), gap);
      if (ec != std::errc() || ptr != word.data() + word.size() || gap < 1 || gap > 20)
        return fail("gap '" + word + "' must be ~1 to ~20");
      Element e;
      e.gap = static_cast<std::int16_t>(gap);
      p.elements.push_back(std::move(e));
      continue;
    }
    // "dat?" is the word followed by a question mark: trainers write patterns as they type.
    bool trailing_question = false;
    if (word.size() > 1 && word.back() == '?') {
      trailing_question = true;
      word.pop_back();
    }
    bool optional = false;
    if (word.size() > 2 && word.front() == '(' && word.back() == ')') {
      optional = true;
      word = word.substr(1, word.size() - 2);
    } else if (word.front() == '(' || word.back() == ')') {
      return fail("unbalanced parentheses in '" + words[w].first + "': an optional element is one word or one set of alternatives, (a|b)");
    }
    std::string problem;
    const std::vector<std::string> raw_alts = split(word, '|');
    // A plain hyphenated word ("e-mail") is several tokens after word segmentation.
    if (raw_alts.size() == 1 && word.find('-') != std::string::npos && word.find_first_of("<>*@") == std::string::npos && word.size() > 1) {
      for (const std::string& part : split(word, '-')) {
        if (part.empty()) continue;
        auto alt = compile_alternative(part, problem);
        if (!alt) return fail(problem);
        p.elements.push_back(compile_element({std::move(*alt)}, optional, lemmas, p));
      }
    } else {
      std::vector<Alternative> alternatives;
      for (const std::string& raw : raw_alts) {
        auto alt = compile_alternative(raw, problem);
        if (!alt) return fail(problem);
        alternatives.push_back(std::move(*alt));
      }
      p.elements.push_back(compile_element(alternatives, optional, lemmas, p));
    }
    if (trailing_question)
      p.elements.push_back(compile_element({{AltKind::token_kind, "?", TokenKind::question_mark}}, false, lemmas, p));
  }
  if (p.elements.empty()) { error = {1, "pattern has no words"}; return std::nullopt; }
  if (p.elements.front().gap >= 0 || p.elements.back().gap >= 0) {
    error = {1, "a pattern cannot start or end with a gap"};
    return std::nullopt;
  }
  if (std::all_of(p.elements.begin(), p.elements.end(), [](const Element& e) { return e.optional || e.gap >= 0; })) {
    error = {1, "every element is optional: the pattern would match anything"};
    return std::nullopt;
  }
  for (std::size_t k = 0; k < p.elements.size(); ++k)
    if (!p.elements[k].optional && p.elements[k].gap < 0) p.required.push_back(static_cast<std::uint16_t>(k));
  return p;
}

namespace {

constexpr std::size_t kMaxExpansions = 256;

// "walk-in|drop-in" -> "{walk in|drop in}": hyphenated alternatives are phrases after word
// segmentation.
std::string group_hyphenated_alternatives(const std::string& source) {
  std::string out;
  std::size_t pos = 0;
  int depth = 0;
  while (pos < source.size()) {
    const std::size_t end = std::min(source.find(' ', pos), source.size());
    std::string word = source.substr(pos, end - pos);
    for (char c : word) depth += c == '{' ? 1 : c == '}' ? -1 : 0;
    const bool plain = word.find_first_of("<>*@(){}") == std::string::npos;
    if (depth == 0 && plain && word.find('|') != std::string::npos && word.find('-') != std::string::npos) {
      std::replace(word.begin(), word.end(), '-', ' ');
      word = "{" + word + "}";
    }
    out += (out.empty() ? "" : " ") + word;
    pos = end + 1;
  }
  return out;
}

// "(voor altijd|voorgoed)" -> "{voor altijd|voorgoed|}": an optional element with several words
// is an optional phrase group.
std::string optional_phrases_to_groups(const std::string& source) {
  std::string s = source;
  for (std::size_t open = s.find('('); open != std::string::npos; open = s.find('(', open + 1)) {
    if (open > 0 && s[open - 1] != ' ') continue;
    const std::size_t close = s.find(')', open);
    if (close == std::string::npos) break;
    const std::string inside = s.substr(open + 1, close - open - 1);
    if (inside.find(' ') == std::string::npos || inside.find_first_of("(){}") != std::string::npos) continue;
    if (close + 1 < s.size() && s[close + 1] != ' ' && s[close + 1] != '?') continue;
    s.replace(open, close - open + 1, "{" + inside + "|}");
  }
  return s;
}

// "mis|vergeet|{over het hoofd}" -> "{mis|vergeet|over het hoofd}": bare alternatives next to a
// phrase group join it (otherwise "mis|vergeet|over" would silently become one word of a longer
// pattern). Returns nullopt with `error` set when a group sits inside parentheses.
std::optional<std::string> merge_alternatives_into_groups(const std::string& source, PatternError& error) {
  std::string s = source;
  for (std::size_t open = s.find('{'); open != std::string::npos; open = s.find('{', open + 1)) {
    const std::size_t close = s.find('}', open);
    if (close == std::string::npos) break;  // compile_patterns reports it
    std::size_t from = open, to = close + 1;
    if (open > 0 && s[open - 1] == '|') {
      from = s.rfind(' ', open - 1);
      from = from == std::string::npos ? 0 : from + 1;
    }
    if (to < s.size() && s[to] == '|') to = std::min(s.find(' ', to), s.size());
    if (from == open && to == close + 1) continue;
    const std::string left = s.substr(from, open - from), right = s.substr(close + 1, to - close - 1);
    if ((left + right).find_first_of("(){}") != std::string::npos) {
      error = {from + 1, "a phrase group cannot stand inside ( ) or next to another group: write {a|b c|} for an optional phrase"};
      return std::nullopt;
    }
    const std::string merged = "{" + left + s.substr(open + 1, close - open - 1) + right + "}";
    s.replace(from, to - from, merged);
    open = from;
  }
  return s;
}

}  // namespace

// "%network|iemand" -> "vriend*|familie|...|iemand": word classes are alternatives.
std::optional<std::string> expand_word_classes(const std::string& source, const lexicon::LemmaTable& lemmas,
                                               PatternError& error) {
  std::string out;
  std::size_t pos = 0;
  while (pos < source.size()) {
    const std::size_t at = source.find('%', pos);
    if (at == std::string::npos) { out += source.substr(pos); break; }
    out += source.substr(pos, at - pos);
    std::size_t end = at + 1;
    while (end < source.size() && (std::isalnum(static_cast<unsigned char>(source[end])) || source[end] == '_')) ++end;
    const std::string name = source.substr(at + 1, end - at - 1);
    const auto* words = lemmas.word_class(name);
    if (!words || words->empty()) {
      error = {at + 1, "unknown word class '%" + name + "' (classes are listed in the locale's lexicon.json)"};
      return std::nullopt;
    }
    for (std::size_t i = 0; i < words->size(); ++i) out += (i ? "|" : "") + (*words)[i];
    pos = end;
  }
  return out;
}

std::optional<std::vector<Pattern>> compile_patterns(const std::string& source, lexicon::LemmaTable& lemmas,
                                                     PatternError& error) {
  const auto with_classes = expand_word_classes(source, lemmas, error);
  if (!with_classes) return std::nullopt;
  const auto merged =
      merge_alternatives_into_groups(group_hyphenated_alternatives(optional_phrases_to_groups(*with_classes)), error);
  if (!merged) return std::nullopt;
  std::vector<std::string> expanded{*merged};
  // Expand the first group of every string until none is left.
  for (std::size_t i = 0; i < expanded.size();) {
    const std::string s = expanded[i];
    const std::size_t open = s.find('{');
    const std::size_t stray = s.find('}');
    if (open == std::string::npos && stray == std::string::npos) { ++i; continue; }
    const std::size_t close = open == std::string::npos ? std::string::npos : s.find('}', open);
    if (open == std::string::npos || close == std::string::npos || s.find('{', open + 1) < close) {
      error = {(open == std::string::npos ? stray : open) + 1, "unbalanced '{' '}': a phrase group is {a b|c d}, not nested"};
      return std::nullopt;
    }
    std::vector<std::string> options = split(s.substr(open + 1, close - open - 1), '|');
    for (auto& option : options) {
      while (!option.empty() && option.front() == ' ') option.erase(option.begin());
      while (!option.empty() && option.back() == ' ') option.pop_back();
    }
    // One-word options of a free-standing group need no copy of the pattern each: they become
    // one element of alternatives ("{so|and so|well}" -> "so|well" and "and so"). Fewer
    // patterns keep the engine small and its index buckets short.
    const bool free_standing = (open == 0 || s[open - 1] == ' ') && (close + 1 == s.size() || s[close + 1] == ' ');
    std::vector<std::string> variants;
    std::string single_words;
    for (const auto& option : options) {
      const bool one_word = !option.empty() && option.find_first_of(" ~()^$") == std::string::npos &&
                            option.back() != '?' && option != "_";
      if (free_standing && one_word) single_words += (single_words.empty() ? "" : "|") + option;
      else variants.push_back(option);
    }
    if (!single_words.empty()) variants.insert(variants.begin(), single_words);
    expanded.erase(expanded.begin() + static_cast<long>(i));
    for (auto it = variants.rbegin(); it != variants.rend(); ++it) {
      // An empty option makes the phrase optional: "{ik denk dat|} dit is".
      expanded.insert(expanded.begin() + static_cast<long>(i), s.substr(0, open) + *it + (it->empty() ? "" : " ") + s.substr(close + 1));
    }
    if (expanded.size() > kMaxExpansions) {
      error = {open + 1, "phrase groups expand to more than " + std::to_string(kMaxExpansions) + " patterns"};
      return std::nullopt;
    }
  }
  std::vector<Pattern> out;
  for (const std::string& s : expanded) {
    PatternError e;
    auto p = compile_pattern(s, lemmas, e);
    if (!p) {
      error = expanded.size() == 1 && s == source ? e : PatternError{1, e.message};
      return std::nullopt;
    }
    out.push_back(std::move(*p));
  }
  return out;
}

std::optional<TokenSpan> match_at(const Pattern& pattern, const SentenceView& view, std::size_t start) {
  if (pattern.at_start && start != 0) return std::nullopt;
  return match_from(pattern, view, 0, start, start);
}

std::optional<TokenSpan> find_first(const Pattern& pattern, const SentenceView& view) {
  if (!may_match(pattern, view)) return std::nullopt;
  const std::size_t n = view.tokens().size();
  for (std::size_t start = 0; start < n; ++start) {
    if (auto m = match_at(pattern, view, start)) return m;
    if (pattern.at_start) break;
  }
  return std::nullopt;
}

}  // namespace coach::rules
