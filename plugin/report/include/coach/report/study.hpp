// The study's figures (STUDY.md) that reports compare against, and the wording of practices and
// phases for people, in Dutch ("nl") and English (any other locale).
#pragma once

#include <coach/report/coding.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace coach::report {

// One row of the study's hand-made table.
struct StudyRow {
  std::string id;
  const char* label_en;
  const char* label_nl;
  std::optional<double> study_percent;  // share of the study's 50 cases; nullopt: not counted
  const char* note_en;                  // how the study counted it ("" when nothing to add)
  const char* note_nl;
  enum class Base { all, chats, emails } base = Base::all;
  std::function<bool(const ConversationCoding&)> shows;

  std::string label(std::string_view locale) const { return locale == "nl" ? label_nl : label_en; }
  std::string note(std::string_view locale) const { return locale == "nl" ? note_nl : note_en; }
};

// The rows of `coach analyse`, in the order of STUDY.md's table, then rows without a figure.
const std::vector<StudyRow>& study_rows();
const StudyRow* find_study_row(std::string_view id);

// Other figures of the study.
constexpr double kStudyMeanChatMinutes = 46;
constexpr double kStudyMeanTurnSeconds = 60;
constexpr double kStudyMeanEmailReplyDays = 3;

// "checking the interpretation" / "interpretatie controleren"; the id itself when unknown.
std::string practice_label(std::string_view practice, std::string_view locale);
// The practice ids of CONTRACT.md, in its order.
const std::vector<std::string>& contract_practices();
// "problem analysis" / "probleemanalyse"; the id itself when unknown.
std::string phase_label(std::string_view phase, std::string_view locale);
// The study's phases in conversation order (intake first, referrals last).
const std::vector<std::string>& study_phases();

// The session report's sentence for one practice, or "" when the study has no figure for it:
// "You checked your interpretation 3 times; in the study 40% of conversations did it at all."
std::string comparison_sentence(std::string_view practice, int count, std::string_view locale);
// The study's recommendation for a practice the session missed, or "".
std::string recommendation(std::string_view practice, std::string_view locale);

}  // namespace coach::report
