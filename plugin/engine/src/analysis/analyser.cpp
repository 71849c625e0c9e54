#include "analysis/analyser.hpp"

#include <algorithm>
#include <memory>
#include <optional>

#include <unicode/regex.h>

namespace coach::analysis {

Analyser::Analyser(const rules::RuleSet& rules, const lexicon::LocaleData& locale, lexicon::LemmaTable& lemmas,
                   std::vector<rules::Diagnostic>& diagnostics)
    : rules_(rules), locale_(locale), lemmas_(lemmas) {
  tokenizer_.placeholders.insert(locale.placeholders.begin(), locale.placeholders.end());
  tokenizer_.url_suffixes.insert(locale.url_suffixes.begin(), locale.url_suffixes.end());
  tokenizer_.salutations = locale.salutations;
  tokenizer_.split_lowercase_restarts = true;
  tokenizer_.abbreviations = locale.abbreviations;
  for (const std::string& source : locale.question_cues) {
    rules::PatternError problem;
    if (auto ps = rules::compile_patterns(source, lemmas, problem))
      for (auto& p : *ps) question_patterns_.push_back(std::move(p));
    else diagnostics.push_back({locale.question_cues_where, 0, 0, "", "question cue \"" + source + "\": " + problem.message, false});
  }
  for (const std::string& source : locale.statement_cues) {
    rules::PatternError problem;
    if (auto ps = rules::compile_patterns(source, lemmas, problem))
      for (auto& p : *ps) statement_patterns_.push_back(std::move(p));
    else diagnostics.push_back({locale.question_cues_where, 0, 0, "", "statement cue \"" + source + "\": " + problem.message, false});
  }
  for (const auto& p : question_patterns_) cue_index_.add(&p, kQuestionCue);
  for (const auto& p : statement_patterns_) cue_index_.add(&p, kStatementCue);
  cue_index_.finish();
  // The index keeps pointers into topic_patterns_: fill it only once the vector is complete.
  std::vector<std::uint32_t> owners;
  for (std::uint32_t t = 0; t < locale.topics.size() && t < 64; ++t) {
    for (const std::string& source : locale.topics[t].patterns) {
      rules::PatternError problem;
      if (auto ps = rules::compile_patterns(source, lemmas, problem)) {
        for (auto& p : *ps) {
          topic_patterns_.push_back(std::move(p));
          owners.push_back(t);
        }
      } else {
        diagnostics.push_back({"", 0, 0, "", locale.topics[t].where + ": error: topic " + locale.topics[t].id +
                                                 ": pattern \"" + source + "\": " + problem.message, false});
      }
    }
  }
  for (std::size_t i = 0; i < topic_patterns_.size(); ++i) topic_index_.add(&topic_patterns_[i], owners[i]);
  topic_index_.finish();
}

namespace {
// ICU counts regex time in match-engine steps, roughly milliseconds: a trainer's runaway
// pattern costs at most this much per sentence.
constexpr int32_t kRegexTimeLimit = 10;
}  // namespace

bool Analyser::applies(const rules::DetectRule& rule, Role role, Channel channel, bool question,
                       const MessageContext* context) const {
  if (rule.role == rules::RoleFilter::counsellor && role != Role::counsellor) return false;
  if (rule.role == rules::RoleFilter::client && role != Role::client) return false;
  if (rule.channel && *rule.channel != channel) return false;
  if (rule.sentence == rules::SentenceFilter::question && !question) return false;
  if (rule.sentence == rules::SentenceFilter::statement && question) return false;
  if (rule.opening || rule.after_client_mask) {
    if (!context) return false;
    if (rule.opening && *rule.opening != context->opening) return false;
    if (rule.after_client_mask && !(rule.after_client_mask & context->last_client)) return false;
  }
  return true;
}

void Analyser::run_regexes(std::string_view text, text::ByteRange range, Role role, Channel channel,
                           const MessageContext* context, SentenceResult& result) const {
  if (rules_.regex_rules.empty()) return;
  // The sentence is converted to UTF-16 only when a regex rule applies to it (most are limited
  // to one role).
  const std::string_view sentence = text.substr(range.begin, range.end - range.begin);
  std::optional<icu::UnicodeString> input;
  auto utf8_offset = [&](int32_t index) {
    std::string prefix;
    input->tempSubString(0, index).toUTF8String(prefix);
    return range.begin + prefix.size();
  };
  for (const std::uint32_t r : rules_.regex_rules) {
    const rules::DetectRule& rule = rules_.detect[r];
    if (!applies(rule, role, channel, result.question, context)) continue;
    if (!input) input = icu::UnicodeString::fromUTF8(icu::StringPiece(sentence.data(), static_cast<int32_t>(sentence.size())));
    for (const auto& pattern : rule.regexes) {
      UErrorCode status = U_ZERO_ERROR;
      std::unique_ptr<icu::RegexMatcher> m(pattern->matcher(*input, status));
      if (U_FAILURE(status)) continue;
      m->setTimeLimit(kRegexTimeLimit, status);
      if (!m->find(status) || U_FAILURE(status)) continue;  // a time-out counts as no match
      const int32_t start = m->start(status), end = m->end(status);
      result.practices |= PracticeMask(1) << practice_bit(rule.practice);
      result.matches.push_back({rule.id, rule.practice, utf8_offset(start), utf8_offset(end)});
      break;
    }
  }
}

SentenceResult Analyser::analyse_sentence(std::string_view text, text::ByteRange range, Role role,
                                          Channel channel, const MessageContext* context, bool with_topics) const {
  thread_local std::vector<text::Token> tokens;
  text::tokenize(text, range, tokenizer_, tokens);
  SentenceResult result;
  result.range = range;
  result.words = static_cast<std::uint32_t>(text::count_words(tokens));
  if (tokens.empty()) return result;
  const rules::SentenceView view(tokens, lemmas_);
  result.question = std::any_of(tokens.begin(), tokens.end(),
                                [](const text::Token& t) { return t.kind == text::TokenKind::question_mark; });
  // Without a question mark, a question cue ("hoe is dat voor je") makes a question unless a
  // statement cue ("wat fijn", "so what you're saying") says otherwise.
  bool statement = false;
  if (!result.question) {
    cue_index_.for_each_match(view, [&](std::uint32_t owner, const rules::Pattern&, rules::TokenSpan) {
      (owner == kQuestionCue ? result.question : statement) = true;
    });
    if (statement) result.question = false;
  }

  // A rule's antipatterns are looked at once per sentence, however often the rule matches.
  thread_local std::vector<std::int8_t> blocked;  // per rule: 0 not yet known, 1 blocked, 2 clear
  thread_local std::vector<std::uint32_t> looked_at;
  blocked.resize(rules_.detect.size(), 0);
  rules_.detect_index.for_each_match(view, [&](std::uint32_t owner, const rules::Pattern&, rules::TokenSpan span) {
    const rules::DetectRule& rule = rules_.detect[owner];
    if (!applies(rule, role, channel, result.question, context)) return;
    if (blocked[owner] == 0) {
      blocked[owner] = 2;
      looked_at.push_back(owner);
      for (const rules::Pattern& anti : rule.unless)
        if (rules::find_first(anti, view)) { blocked[owner] = 1; break; }
    }
    if (blocked[owner] == 1) return;
    const int bit = practice_bit(rule.practice);
    if (bit < 0) return;
    result.practices |= PracticeMask(1) << bit;
    result.matches.push_back({rule.id, rule.practice, tokens[span.first].begin, tokens[span.last - 1].end});
  });
  for (const std::uint32_t r : looked_at) blocked[r] = 0;
  looked_at.clear();
  run_regexes(text, range, role, channel, context, result);
  if (with_topics)
    topic_index_.for_each_match(view, [&](std::uint32_t owner, const rules::Pattern&, rules::TokenSpan) {
    result.topics |= TopicMask(1) << owner;
  });
  return result;
}

std::vector<SentenceResult> Analyser::analyse(std::string_view text, Role role, Channel channel,
                                              const MessageContext* context) const {
  std::vector<SentenceResult> out;
  for (const text::ByteRange& range : sentences(text))
    out.push_back(analyse_sentence(text, range, role, channel, context));
  return out;
}

Labels to_labels(const std::vector<SentenceResult>& sentences) {
  PracticeMask all = 0;
  Labels labels;
  for (const auto& s : sentences) {
    all |= s.practices;
    labels.matches.insert(labels.matches.end(), s.matches.begin(), s.matches.end());
  }
  for (std::string& p : practices_in(all)) {
    if (is_contract_practice(p)) labels.practices.push_back(std::move(p));
    else labels.signals.push_back(std::move(p));
  }
  std::stable_sort(labels.matches.begin(), labels.matches.end(),
                   [](const Match& a, const Match& b) { return a.begin < b.begin; });
  return labels;
}

Labels Analyser::label(std::string_view text, Role role, Channel channel) const {
  std::vector<SentenceResult> results;
  for (const text::ByteRange& range : sentences(text))
    results.push_back(analyse_sentence(text, range, role, channel, nullptr, /*with_topics=*/false));
  return to_labels(results);
}

}  // namespace coach::analysis
