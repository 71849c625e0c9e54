// What one message does: sentences, tokens, question type, detection rules, topics.
#pragma once

#include "analysis/practice_set.hpp"
#include "lexicon/lemmas.hpp"
#include "lexicon/locale_data.hpp"
#include "rules/rule_set.hpp"
#include "text/tokenizer.hpp"

#include <coach/types.hpp>

#include <memory>
#include <string_view>
#include <vector>

namespace coach::analysis {

struct SentenceResult {
  text::ByteRange range;
  PracticeMask practices = 0;
  TopicMask topics = 0;
  std::uint32_t words = 0;
  bool question = false;
  std::vector<Match> matches;  // offsets relative to the analysed text
};

// Where a message stands in its conversation, for rules with a 'context'. Without it (labelling a
// lone message) such rules do not apply.
struct MessageContext {
  bool opening = false;          // the counsellor's first message
  PracticeMask last_client = 0;  // what the latest client message showed
};

class Analyser {
 public:
  // Compiles question starts and topic patterns; problems go to `diagnostics`.
  Analyser(const rules::RuleSet& rules, const lexicon::LocaleData& locale, lexicon::LemmaTable& lemmas,
           std::vector<rules::Diagnostic>& diagnostics);

  // The sentences of `text`, with an opening salutation ("Beste NAAM,") split off.
  std::vector<text::ByteRange> sentences(std::string_view text) const { return text::split_sentences(text, tokenizer_); }
  // One sentence of `text` (a range from sentences()).
  // `with_topics` false skips topic detection (labelling a lone message needs no topics).
  SentenceResult analyse_sentence(std::string_view text, text::ByteRange range, Role role, Channel channel,
                                  const MessageContext* context = nullptr, bool with_topics = true) const;
  // All sentences of a message.
  std::vector<SentenceResult> analyse(std::string_view text, Role role, Channel channel,
                                      const MessageContext* context = nullptr) const;
  Labels label(std::string_view text, Role role, Channel channel) const;

  const std::vector<lexicon::Topic>& topics() const { return locale_.topics; }

 private:
  bool applies(const rules::DetectRule& rule, Role role, Channel channel, bool question, const MessageContext* context) const;
  void run_regexes(std::string_view text, text::ByteRange range, Role role, Channel channel, const MessageContext* context,
                   SentenceResult& result) const;

  const rules::RuleSet& rules_;
  const lexicon::LocaleData& locale_;
  const lexicon::LemmaTable& lemmas_;
  text::TokenizerConfig tokenizer_;
  std::vector<rules::Pattern> question_patterns_;
  std::vector<rules::Pattern> statement_patterns_;
  static constexpr std::uint32_t kQuestionCue = 0, kStatementCue = 1;
  rules::PatternIndex cue_index_;  // question and statement cues, owner = kind of cue
  std::vector<rules::Pattern> topic_patterns_;
  rules::PatternIndex topic_index_;  // owner = topic index
};

// Turns sentence results into the Labels of a whole message.
Labels to_labels(const std::vector<SentenceResult>& sentences);

}  // namespace coach::analysis
