// Codes a conversation with the study's scheme (STUDY.md): practices per message (from the
// engine), phases reached, referrals, words per side, dominance, reply times, silences,
// emoticons, punctuation and technical failures; and the aggregate over many conversations.
#pragma once

#include <coach/engine.hpp>

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace coach::report {

// A chat reply later than this is a silence (STUDY.md)...
constexpr double kSilenceSeconds = 180;
// ...unless the reply is long enough to explain the time: at least this many words per minute
// of waiting (typing and thinking in a chat).
constexpr double kExplainedWordsPerMinute = 20;
// A side dominates a conversation when it writes more than this share of the words.
constexpr double kDominanceShare = 0.6;

// What the study counted in the text of one message.
struct TextMeasures {
  int words = 0;
  int questions = 0;      // "?"
  int exclamations = 0;   // "!"
  int ellipses = 0;       // "…" or a run of two or more dots
  int capital_words = 0;  // words of three or more letters in capitals (placeholders excluded)
  int emoticons = 0;      // ":)", ";-)", "<3", "xD", emoji

  TextMeasures& operator+=(const TextMeasures& other);
};

// Counts the measures in valid UTF-8 `text`.
TextMeasures measure_text(std::string_view text);

// Seconds of a message time: "19:18", "19:18:05", "2015-03-02T19:18:00" (a space instead of
// "T", "Z" and "+01:00" accepted), "2015-03-02" or "02-03-2015 19:18". Times with a date count
// from 1970-01-01, clock times from midnight (`dated` says which). nullopt when unreadable.
std::optional<double> parse_time(std::string_view time, bool* dated = nullptr);

struct MessageCoding {
  std::string id;
  Role role = Role::client;
  std::string time;
  std::vector<std::string> practices;  // contract ids (engine labels)
  std::vector<std::string> signals;    // extra signals (closing, greeting, ...)
  std::string phase;                   // the conversation's phase after this message
  std::vector<std::string> new_phases; // phases first reached with this message
  TextMeasures measures;
  std::optional<double> elapsed_seconds;  // since the first message with a time
  std::optional<double> reply_seconds;    // when it answers the other side: time since that message
  bool silence = false;                   // a chat reply after more than kSilenceSeconds, unexplained
};

struct SideCoding {
  int messages = 0;
  TextMeasures totals;
  int timed_replies = 0;
  std::optional<double> mean_reply_seconds;
  int silences = 0;
};

struct ConversationCoding {
  std::string name;  // file name or label
  Channel channel = Channel::chat;
  std::vector<MessageCoding> messages;
  SideCoding counsellor;
  SideCoding client;
  std::map<std::string, int> practice_counts;  // messages showing each practice
  std::vector<ChecklistItem> checklist;        // the five practices, at the end
  std::vector<std::string> phases;             // phases reached, in order ("intake" first)
  std::vector<std::string> topics;
  std::optional<double> counsellor_word_share;  // 0..1; nullopt without words
  std::string dominance;                        // "counsellor", "client", "balanced" or ""
  bool dominance_change = false;                // first and second half dominated differently
  std::optional<double> duration_seconds;       // first to last message with a time
  std::optional<double> mean_turn_seconds;      // mean time between consecutive messages

  int count(std::string_view practice) const;
  bool shows(std::string_view practice) const { return count(practice) > 0; }
  // Index of the first message showing `practice`, or nullopt.
  std::optional<std::size_t> first(std::string_view practice) const;
  bool explored_before_advice() const;
  bool technical_failure() const { return shows("technical_issue"); }
  bool crisis() const { return shows("crisis_risk"); }
  bool any_referral() const { return shows("f2f_referral") || shows("online_referral"); }
  int silences() const { return counsellor.silences + client.silences; }
  int emoticons() const { return counsellor.totals.emoticons + client.totals.emoticons; }
  const SideCoding& side(Role role) const { return role == Role::counsellor ? counsellor : client; }
};

// Runs the messages through a session of `engine` and measures them. The conversation's channel
// is that of its first message, or `channel` when there is none.
ConversationCoding code_conversation(const std::shared_ptr<const Engine>& engine, const std::vector<Message>& messages,
                                     Channel channel, std::string name);

// One row of the study's table: how many conversations show something, out of how many.
struct AggregateRow {
  std::string id;
  int conversations = 0;
  int base = 0;  // the conversations it is counted over (all, only chats, only e-mails)
  std::optional<double> share() const {
    return base > 0 ? std::optional<double>(double(conversations) / base) : std::nullopt;
  }
};

struct Aggregate {
  int conversations = 0;
  int chats = 0;
  int emails = 0;
  int messages = 0;
  std::vector<AggregateRow> rows;  // in the order of study_rows()
  std::optional<double> mean_chat_minutes;
  std::optional<double> mean_turn_seconds;        // chats
  std::optional<double> mean_email_reply_days;    // e-mail threads
  std::optional<double> mean_counsellor_word_share;
};

Aggregate aggregate(const std::vector<ConversationCoding>& conversations);

// JSON of a coding; with_messages adds the per-message codes (never the message text).
nlohmann::json to_json(const ConversationCoding& coding, bool with_messages = true);
nlohmann::json to_json(const Aggregate& aggregate, std::string_view locale);
nlohmann::json to_json(const TextMeasures& measures);

}  // namespace coach::report
