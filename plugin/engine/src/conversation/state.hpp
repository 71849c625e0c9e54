// What the nudge policy needs to know about a conversation, kept up to date message by
// message (never recomputed from the whole transcript).
#pragma once

#include "analysis/analyser.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace coach::conversation {

constexpr std::size_t kMaxPractices = 32;
constexpr std::size_t kMaxTopics = 64;

struct ConversationState {
  Channel channel = Channel::chat;
  int counsellor_turns = 0;
  int client_words = 0;
  std::size_t message_count = 0;
  std::array<int, kMaxPractices> counsellor_counts{};        // messages showing each practice
  std::array<int, kMaxPractices> last_counsellor_turn{};     // 1-based turn of last appearance, 0 never
  analysis::PracticeMask client_practices = 0;               // any client message
  analysis::PracticeMask last_client_practices = 0;
  std::size_t last_crisis_message = 0;                       // 1-based message index, 0 none
  std::array<int, kMaxTopics> topic_counts{};                // sentences touching each topic
  std::vector<std::string> phases;                           // reached, in order
  std::string phase = "intake";

  void add(Role role, const std::vector<analysis::SentenceResult>& sentences, const std::vector<rules::Phase>& phase_table);
};

// The draft, analysed sentence by sentence so an edit re-analyses only what it touched.
class Draft {
 public:
  // `context` (may be null) is where the draft stands in the conversation; it is kept for edits.
  void set(const analysis::Analyser& analyser, Channel channel, std::string_view text,
           const analysis::MessageContext* context = nullptr);
  // Throws Error(invalid_argument) for a bad range, Error(invalid_utf8) for broken text.
  void edit(const analysis::Analyser& analyser, Channel channel, std::size_t begin, std::size_t old_end,
            std::string_view replacement);
  void clear();

  const std::string& text() const { return text_; }
  analysis::PracticeMask practices() const;
  int words() const { return words_; }
  const std::vector<analysis::SentenceResult>& sentences() const { return sentences_; }
  const std::array<int, kMaxTopics>& topic_counts() const { return topic_counts_; }

 private:
  void count(const analysis::SentenceResult& s, int sign);

  std::string text_;
  std::optional<analysis::MessageContext> context_;
  std::vector<analysis::SentenceResult> sentences_;
  std::array<int, kMaxPractices> practice_counts_{};
  std::array<int, kMaxTopics> topic_counts_{};
  int words_ = 0;
};

}  // namespace coach::conversation
