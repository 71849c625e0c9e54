#include "conversation/state.hpp"

#include <coach/utf8.hpp>

#include <algorithm>

namespace coach::conversation {

using analysis::PracticeMask;

void ConversationState::add(Role role, const std::vector<analysis::SentenceResult>& sentences,
                            const std::vector<rules::Phase>& phase_table) {
  PracticeMask practices = 0;
  int words = 0;
  for (const auto& s : sentences) {
    practices |= s.practices;
    words += static_cast<int>(s.words);
    analysis::for_each_bit(s.topics, [&](int t) { ++topic_counts[static_cast<std::size_t>(t)]; });
  }
  ++message_count;
  if (role == Role::client) {
    client_words += words;
    client_practices |= practices;
    last_client_practices = practices;
    static const int crisis_bit = analysis::practice_bit("crisis_risk");
    if (practices & (PracticeMask(1) << crisis_bit)) last_crisis_message = message_count;
    return;
  }
  ++counsellor_turns;
  analysis::for_each_bit(practices, [&](int bit) {
    ++counsellor_counts[static_cast<std::size_t>(bit)];
    last_counsellor_turn[static_cast<std::size_t>(bit)] = counsellor_turns;
  });
  // The phase is the last phase this message shows (phases are listed in conversation order).
  for (const rules::Phase& phase : phase_table) {
    if (!(analysis::mask_of(phase.practices) & practices)) continue;
    this->phase = phase.id;
    if (std::find(phases.begin(), phases.end(), phase.id) == phases.end()) phases.push_back(phase.id);
  }
}

void Draft::count(const analysis::SentenceResult& s, int sign) {
  analysis::for_each_bit(s.practices, [&](int bit) { practice_counts_[static_cast<std::size_t>(bit)] += sign; });
  analysis::for_each_bit(s.topics, [&](int t) { topic_counts_[static_cast<std::size_t>(t)] += sign; });
  words_ += sign * static_cast<int>(s.words);
}

PracticeMask Draft::practices() const {
  PracticeMask m = 0;
  for (std::size_t bit = 0; bit < kMaxPractices; ++bit)
    if (practice_counts_[bit] > 0) m |= PracticeMask(1) << bit;
  return m;
}

void Draft::clear() {
  text_.clear();
  context_.reset();
  sentences_.clear();
  practice_counts_.fill(0);
  topic_counts_.fill(0);
  words_ = 0;
}

void Draft::set(const analysis::Analyser& analyser, Channel channel, std::string_view text,
               const analysis::MessageContext* context) {
  if (const auto bad = utf8::first_invalid(text))
    throw Error(Error::Code::invalid_utf8, "invalid UTF-8 at byte " + std::to_string(*bad) + " of the draft");
  const std::string copy(text);  // `text` may point into text_
  clear();
  text_ = copy;
  context_ = context ? std::optional(*context) : std::nullopt;
  sentences_ = analyser.analyse(text_, Role::counsellor, channel, context_ ? &*context_ : nullptr);
  for (const auto& s : sentences_) count(s, +1);
}

void Draft::edit(const analysis::Analyser& analyser, Channel channel, std::size_t begin, std::size_t old_end,
                 std::string_view replacement) {
  if (begin > old_end || old_end > text_.size())
    throw Error(Error::Code::invalid_argument, "edit range [" + std::to_string(begin) + ", " + std::to_string(old_end) +
                                                   ") is outside the draft of " + std::to_string(text_.size()) + " bytes");
  if (!utf8::is_boundary(text_, begin) || !utf8::is_boundary(text_, old_end))
    throw Error(Error::Code::invalid_argument, "edit range splits a UTF-8 character");
  if (const auto bad = utf8::first_invalid(replacement))
    throw Error(Error::Code::invalid_utf8, "invalid UTF-8 at byte " + std::to_string(*bad) + " of the edit");

  // Sentences from one before the first touched to one after the last touched are redone:
  // an edit can join or split sentences at either edge.
  const std::size_t n = sentences_.size();
  std::size_t first = 0;
  while (first < n && sentences_[first].range.end < begin) ++first;
  if (first > 0) --first;
  std::size_t last = first;  // exclusive
  while (last < n && sentences_[last].range.begin <= old_end) ++last;
  if (last < n) ++last;

  const std::size_t region_begin = (first == 0 || first >= n) ? 0 : std::min<std::size_t>(sentences_[first].range.begin, begin);
  const long delta = static_cast<long>(replacement.size()) - static_cast<long>(old_end - begin);
  text_.replace(begin, old_end - begin, replacement);
  const std::size_t region_end = last >= n ? text_.size()
                                            : static_cast<std::size_t>(static_cast<long>(sentences_[last - 1].range.end) + delta);

  for (std::size_t k = first; k < last && k < n; ++k) count(sentences_[k], -1);
  // A sentence the edit did not touch, with the same bounds as before, keeps its result: the
  // analysis of a sentence depends on its text only. Typing at the end of a draft re-analyses
  // the last sentence, not the one before it too.
  const std::size_t edit_end = begin + replacement.size();
  const auto reusable = [&](text::ByteRange r) -> analysis::SentenceResult* {
    const bool before = r.end <= begin, after = r.begin >= edit_end;
    if (!before && !after) return nullptr;
    const long shift = after ? delta : 0;
    for (std::size_t k = first; k < last && k < n; ++k) {
      const text::ByteRange old = sentences_[k].range;
      if (static_cast<long>(old.begin) + shift == r.begin && static_cast<long>(old.end) + shift == r.end)
        return &sentences_[k];
    }
    return nullptr;
  };
  std::vector<analysis::SentenceResult> fresh;
  std::vector<std::size_t> shifted;  // fresh results moved from after the edit
  const std::string_view region(text_.data() + region_begin, region_end - region_begin);
  for (text::ByteRange r : analyser.sentences(region)) {
    r.begin += static_cast<std::uint32_t>(region_begin);
    r.end += static_cast<std::uint32_t>(region_begin);
    if (analysis::SentenceResult* old = reusable(r)) {
      if (r.begin >= edit_end) shifted.push_back(fresh.size());
      fresh.push_back(std::move(*old));
    } else {
      fresh.push_back(analyser.analyse_sentence(text_, r, Role::counsellor, channel, context_ ? &*context_ : nullptr));
    }
    count(fresh.back(), +1);
  }
  const auto shift = [delta](analysis::SentenceResult& s) {
    s.range.begin = static_cast<std::uint32_t>(static_cast<long>(s.range.begin) + delta);
    s.range.end = static_cast<std::uint32_t>(static_cast<long>(s.range.end) + delta);
    for (Match& m : s.matches) {
      m.begin = static_cast<std::size_t>(static_cast<long>(m.begin) + delta);
      m.end = static_cast<std::size_t>(static_cast<long>(m.end) + delta);
    }
  };
  for (const std::size_t f : shifted) shift(fresh[f]);
  for (std::size_t k = last; k < n; ++k) shift(sentences_[k]);
  const auto first_it = sentences_.begin() + static_cast<long>(std::min(first, n));
  const auto last_it = sentences_.begin() + static_cast<long>(std::min(last, n));
  const auto at = sentences_.erase(first_it, last_it);
  sentences_.insert(at, std::make_move_iterator(fresh.begin()), std::make_move_iterator(fresh.end()));
}

}  // namespace coach::conversation
