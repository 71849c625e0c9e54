#include <coach/report/coding.hpp>
#include <coach/report/study.hpp>

#include "placeholders.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <regex>

namespace coach::report {

TextMeasures& TextMeasures::operator+=(const TextMeasures& o) {
  words += o.words;
  questions += o.questions;
  exclamations += o.exclamations;
  ellipses += o.ellipses;
  capital_words += o.capital_words;
  emoticons += o.emoticons;
  return *this;
}

namespace {

bool is_emoji(UChar32 c) {
  return (c >= 0x1F300 && c <= 0x1FAFF) || (c >= 0x2600 && c <= 0x27BF);
}

// ":)", ":-(", ";)", ":D", ":P", ":'(", ":/", "xD", "<3", written as a word of its own.
int ascii_emoticons(std::string_view t) {
  static const std::regex re(R"((^|\s)([:;=][-']?[()DPpOo/|\\]+|[xX]D+|<3+)(?=$|[\s.,!?]))");
  int n = 0;
  const std::string s(t);
  for (auto it = std::sregex_iterator(s.begin(), s.end(), re); it != std::sregex_iterator(); ++it) ++n;
  return n;
}

// Letters of one word: capitals when every letter is upper case.
struct WordState {
  int letters = 0;
  bool all_upper = true;
  std::string ascii;  // the word's ASCII letters, for the placeholder check
};

}  // namespace

TextMeasures measure_text(std::string_view text) {
  TextMeasures m;
  m.emoticons = ascii_emoticons(text);
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  bool in_token = false, token_has_alnum = false;
  WordState word;
  int bracket_depth = 0, dots = 0;
  UChar32 previous = 0;
  auto end_word = [&] {
    if (word.letters >= 3 && word.all_upper && bracket_depth == 0 && !is_placeholder_word(word.ascii)) ++m.capital_words;
    word = WordState{};
  };
  auto end_dots = [&] {
    if (dots >= 2) ++m.ellipses;
    dots = 0;
  };
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) continue;
    if (c != '.') end_dots();
    if (u_isalpha(c)) {
      ++word.letters;
      if (!u_isupper(c)) word.all_upper = false;
      if (c < 0x80) word.ascii += static_cast<char>(c);
    } else {
      end_word();
    }
    if (u_isspace(c)) {
      if (in_token && token_has_alnum) ++m.words;
      in_token = token_has_alnum = false;
    } else {
      in_token = true;
      if (u_isalnum(c)) token_has_alnum = true;
    }
    switch (c) {
      case '?': ++m.questions; break;
      case '!': ++m.exclamations; break;
      case 0x2026: ++m.ellipses; break;
      case '.': ++dots; break;
      case '[': ++bracket_depth; break;
      case ']': bracket_depth = std::max(0, bracket_depth - 1); break;
      default: break;
    }
    // A sequence joined by U+200D (family, profession emoji) is one emoticon.
    if (is_emoji(c) && previous != 0x200D) ++m.emoticons;
    previous = c;
  }
  end_word();
  end_dots();
  if (in_token && token_has_alnum) ++m.words;
  return m;
}

namespace {

// Days from 1970-01-01 to a civil date (proleptic Gregorian).
long days_from_civil(long y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

}  // namespace

std::optional<double> parse_time(std::string_view time, bool* dated) {
  static const std::regex clock(R"(^\s*(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*$)");
  static const std::regex iso(
      R"(^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?\s*$)");
  static const std::regex dutch(R"(^\s*(\d{1,2})[-/](\d{1,2})[-/](\d{4})(?:,?\s+(\d{1,2})[:.](\d{2}))?\s*$)");
  const std::string s(time);
  std::smatch m;
  auto num = [&](int group) { return m[group].matched ? std::stol(m[group].str()) : 0L; };
  auto clock_ok = [](long h, long min, long sec) { return h < 24 && min < 60 && sec < 60; };
  if (std::regex_match(s, m, clock)) {
    if (!clock_ok(num(1), num(2), num(3))) return std::nullopt;
    if (dated) *dated = false;
    return double(num(1) * 3600 + num(2) * 60 + num(3));
  }
  long y = 0, mo = 0, d = 0, h = 0, mi = 0, se = 0, offset = 0;
  if (std::regex_match(s, m, iso)) {
    y = num(1), mo = num(2), d = num(3), h = num(4), mi = num(5), se = num(6);
    if (m[7].matched && m[7].str() != "Z") {
      std::string z = m[7].str();
      z.erase(std::remove(z.begin(), z.end(), ':'), z.end());
      const long hh = std::stol(z.substr(1, 2)), mm = std::stol(z.substr(3, 2));
      offset = (z[0] == '-' ? -1 : 1) * (hh * 3600 + mm * 60);
    }
  } else if (std::regex_match(s, m, dutch)) {
    d = num(1), mo = num(2), y = num(3), h = num(4), mi = num(5);
  } else {
    return std::nullopt;
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || !clock_ok(h, mi, se)) return std::nullopt;
  if (dated) *dated = true;
  return double(days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 + h * 3600 +
                mi * 60 + se - offset);
}

int ConversationCoding::count(std::string_view practice) const {
  const auto it = practice_counts.find(std::string(practice));
  return it == practice_counts.end() ? 0 : it->second;
}

std::optional<std::size_t> ConversationCoding::first(std::string_view practice) const {
  for (std::size_t i = 0; i < messages.size(); ++i) {
    const auto& p = messages[i].practices;
    if (std::find(p.begin(), p.end(), practice) != p.end()) return i;
  }
  return std::nullopt;
}

bool ConversationCoding::explored_before_advice() const {
  const auto explored = first("explore_problem");
  const auto advised = first("advice");
  return explored && (!advised || *explored < *advised);
}

namespace {

std::string dominance_of(int counsellor_words, int client_words, std::optional<double>* share = nullptr) {
  const int total = counsellor_words + client_words;
  if (total == 0) return "";
  const double s = double(counsellor_words) / total;
  if (share) *share = s;
  if (s > kDominanceShare) return "counsellor";
  if (1 - s > kDominanceShare) return "client";
  return "balanced";
}

// Seconds of each message on one time line: clock times that go back more than six hours
// crossed midnight.
std::vector<std::optional<double>> time_line(const std::vector<Message>& messages) {
  std::vector<std::optional<double>> out;
  double day = 0;
  std::optional<double> last;
  for (const Message& m : messages) {
    bool dated = false;
    std::optional<double> t = parse_time(m.time, &dated);
    if (t && !dated) {
      if (last && *t + day < *last - 6 * 3600) day += 86400;
      *t += day;
    }
    if (t) last = t;
    out.push_back(t);
  }
  return out;
}

void finish_side(SideCoding& side, double reply_total) {
  if (side.timed_replies > 0) side.mean_reply_seconds = reply_total / side.timed_replies;
}

}  // namespace

ConversationCoding code_conversation(const std::shared_ptr<const Engine>& engine, const std::vector<Message>& messages,
                                     Channel channel, std::string name) {
  ConversationCoding c;
  c.name = std::move(name);
  c.channel = messages.empty() ? channel : messages.front().channel;
  Session session(engine, c.channel);
  const auto times = time_line(messages);
  std::optional<double> first_time, last_time;
  double reply_total[2] = {0, 0};
  double turn_total = 0;
  int turns = 0;
  for (std::size_t i = 0; i < messages.size(); ++i) {
    const Message& m = messages[i];
    session.add_message(m);
    MessageCoding mc;
    mc.id = m.id;
    mc.role = m.role;
    mc.time = m.time;
    const Labels& labels = session.message_labels(i);
    mc.practices = labels.practices;
    mc.signals = labels.signals;
    const Report now = session.report();
    mc.phase = now.phase;
    // Every conversation starts with the intake (contact, first problem statement).
    if (i == 0) {
      c.phases.push_back("intake");
      mc.new_phases.push_back("intake");
    }
    for (const auto& p : now.phases)
      if (std::find(c.phases.begin(), c.phases.end(), p) == c.phases.end()) {
        c.phases.push_back(p);
        mc.new_phases.push_back(p);
      }
    mc.measures = measure_text(m.text);
    for (const auto& p : mc.practices) ++c.practice_counts[p];
    if (times[i]) {
      if (!first_time) first_time = times[i];
      mc.elapsed_seconds = *times[i] - *first_time;
      if (i > 0 && times[i - 1] && *times[i] >= *times[i - 1]) {
        const double gap = *times[i] - *times[i - 1];
        turn_total += gap;
        ++turns;
        if (messages[i - 1].role != m.role) mc.reply_seconds = gap;
      }
      last_time = times[i];
    }
    SideCoding& side = m.role == Role::counsellor ? c.counsellor : c.client;
    ++side.messages;
    side.totals += mc.measures;
    if (mc.reply_seconds) {
      ++side.timed_replies;
      reply_total[m.role == Role::counsellor ? 0 : 1] += *mc.reply_seconds;
      const double minutes = *mc.reply_seconds / 60;
      mc.silence = c.channel == Channel::chat && *mc.reply_seconds > kSilenceSeconds &&
                   mc.measures.words < minutes * kExplainedWordsPerMinute;
      if (mc.silence) ++side.silences;
    }
    c.messages.push_back(std::move(mc));
  }
  finish_side(c.counsellor, reply_total[0]);
  finish_side(c.client, reply_total[1]);
  if (first_time && last_time) c.duration_seconds = *last_time - *first_time;
  if (turns > 0) c.mean_turn_seconds = turn_total / turns;
  const Report report = session.report();
  c.checklist = report.checklist;
  c.topics = report.topics;
  c.dominance = dominance_of(c.counsellor.totals.words, c.client.totals.words, &c.counsellor_word_share);
  // Change of dominance: the halves of the conversation are dominated differently.
  int half_words[2][2] = {{0, 0}, {0, 0}};
  for (std::size_t i = 0; i < c.messages.size(); ++i)
    half_words[i * 2 < c.messages.size() ? 0 : 1][c.messages[i].role == Role::counsellor ? 0 : 1] +=
        c.messages[i].measures.words;
  const std::string first_half = dominance_of(half_words[0][0], half_words[0][1]);
  const std::string second_half = dominance_of(half_words[1][0], half_words[1][1]);
  c.dominance_change = !first_half.empty() && !second_half.empty() && first_half != second_half;
  return c;
}

Aggregate aggregate(const std::vector<ConversationCoding>& conversations) {
  Aggregate a;
  double chat_minutes = 0, turn_seconds = 0, email_days = 0, share = 0;
  int timed_chats = 0, turn_chats = 0, timed_emails = 0, shared = 0;
  for (const auto& c : conversations) {
    ++a.conversations;
    a.messages += static_cast<int>(c.messages.size());
    if (c.channel == Channel::chat) {
      ++a.chats;
      if (c.duration_seconds) { chat_minutes += *c.duration_seconds / 60; ++timed_chats; }
      if (c.mean_turn_seconds) { turn_seconds += *c.mean_turn_seconds; ++turn_chats; }
    } else {
      ++a.emails;
      if (c.counsellor.mean_reply_seconds) { email_days += *c.counsellor.mean_reply_seconds / 86400; ++timed_emails; }
    }
    if (c.counsellor_word_share) { share += *c.counsellor_word_share; ++shared; }
  }
  if (timed_chats) a.mean_chat_minutes = chat_minutes / timed_chats;
  if (turn_chats) a.mean_turn_seconds = turn_seconds / turn_chats;
  if (timed_emails) a.mean_email_reply_days = email_days / timed_emails;
  if (shared) a.mean_counsellor_word_share = share / shared;
  for (const StudyRow& row : study_rows()) {
    AggregateRow r;
    r.id = row.id;
    for (const auto& c : conversations) {
      const bool counted = row.base == StudyRow::Base::all ||
                           (row.base == StudyRow::Base::chats) == (c.channel == Channel::chat);
      if (!counted) continue;
      ++r.base;
      if (row.shows(c)) ++r.conversations;
    }
    a.rows.push_back(r);
  }
  return a;
}

nlohmann::json to_json(const TextMeasures& m) {
  return {{"words", m.words},           {"questions", m.questions},         {"exclamations", m.exclamations},
          {"ellipses", m.ellipses},     {"capital_words", m.capital_words}, {"emoticons", m.emoticons}};
}

namespace {

nlohmann::json optional_number(const std::optional<double>& v) {
  return v ? nlohmann::json(std::round(*v * 100) / 100) : nlohmann::json(nullptr);
}

nlohmann::json to_json(const SideCoding& s) {
  nlohmann::json j = to_json(s.totals);
  j["messages"] = s.messages;
  j["timed_replies"] = s.timed_replies;
  j["mean_reply_seconds"] = optional_number(s.mean_reply_seconds);
  j["silences"] = s.silences;
  return j;
}

}  // namespace

nlohmann::json to_json(const ConversationCoding& c, bool with_messages) {
  nlohmann::json checklist = nlohmann::json::object();
  for (const auto& item : c.checklist) checklist[item.practice] = item.done;
  nlohmann::json j = {
      {"name", c.name},
      {"channel", to_string(c.channel)},
      {"messages", c.messages.size()},
      {"counsellor", to_json(c.counsellor)},
      {"client", to_json(c.client)},
      {"practices", c.practice_counts},
      {"checklist", checklist},
      {"phases", c.phases},
      {"topics", c.topics},
      {"counsellor_word_share", optional_number(c.counsellor_word_share)},
      {"dominance", c.dominance.empty() ? nlohmann::json(nullptr) : nlohmann::json(c.dominance)},
      {"dominance_change", c.dominance_change},
      {"duration_seconds", optional_number(c.duration_seconds)},
      {"mean_turn_seconds", optional_number(c.mean_turn_seconds)},
      {"silences", c.silences()},
      {"explored_before_advice", c.explored_before_advice()},
      {"technical_failure", c.technical_failure()},
      {"crisis", c.crisis()},
      {"referral_f2f", c.shows("f2f_referral")},
      {"referral_online", c.shows("online_referral")},
  };
  if (with_messages) {
    nlohmann::json list = nlohmann::json::array();
    for (std::size_t i = 0; i < c.messages.size(); ++i) {
      const MessageCoding& m = c.messages[i];
      nlohmann::json mj = {{"index", i},
                           {"id", m.id},
                           {"role", to_string(m.role)},
                           {"time", m.time},
                           {"practices", m.practices},
                           {"signals", m.signals},
                           {"phase", m.phase},
                           {"measures", to_json(m.measures)},
                           {"elapsed_seconds", optional_number(m.elapsed_seconds)},
                           {"reply_seconds", optional_number(m.reply_seconds)},
                           {"silence", m.silence}};
      list.push_back(std::move(mj));
    }
    j["message_codes"] = std::move(list);
  }
  return j;
}

nlohmann::json to_json(const Aggregate& a, std::string_view locale) {
  nlohmann::json rows = nlohmann::json::array();
  for (const AggregateRow& r : a.rows) {
    const StudyRow* row = find_study_row(r.id);
    nlohmann::json j = {{"id", r.id},
                        {"label", row ? row->label(locale) : r.id},
                        {"conversations", r.conversations},
                        {"of", r.base},
                        {"percent", r.share() ? nlohmann::json(std::round(*r.share() * 1000) / 10) : nlohmann::json(nullptr)},
                        {"study_percent", row && row->study_percent ? nlohmann::json(*row->study_percent) : nlohmann::json(nullptr)}};
    if (row && *row->note_en) j["study_note"] = row->note(locale);
    rows.push_back(std::move(j));
  }
  return {{"conversations", a.conversations},
          {"chats", a.chats},
          {"emails", a.emails},
          {"messages", a.messages},
          {"rows", rows},
          {"mean_chat_minutes", optional_number(a.mean_chat_minutes)},
          {"mean_turn_seconds", optional_number(a.mean_turn_seconds)},
          {"mean_email_reply_days", optional_number(a.mean_email_reply_days)},
          {"mean_counsellor_word_share", optional_number(a.mean_counsellor_word_share)},
          {"study", {{"cases", 50},
                     {"mean_chat_minutes", kStudyMeanChatMinutes},
                     {"mean_turn_seconds", kStudyMeanTurnSeconds},
                     {"mean_email_reply_days", kStudyMeanEmailReplyDays}}}};
}

}  // namespace coach::report
