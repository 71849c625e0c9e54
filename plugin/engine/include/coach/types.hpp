// Value types shared by the engine's public C++ API.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace coach {

enum class Role { counsellor, client };
enum class Channel { chat, email };
enum class Severity { info = 0, suggest = 1, warn = 2, urgent = 3 };

const char* to_string(Role);
const char* to_string(Channel);
const char* to_string(Severity);
std::optional<Role> parse_role(std::string_view);
std::optional<Channel> parse_channel(std::string_view);
std::optional<Severity> parse_severity(std::string_view);

// The five practices the study found missing; the checklist reports them in this order.
inline const std::vector<std::string>& checklist_practices() {
  static const std::vector<std::string> ids = {"verify_interpretation", "set_goal", "ask_feedback",
                                               "mobilise_network", "online_referral"};
  return ids;
}

// Practice ids of CONTRACT.md. Rules may also detect extra signals (closing, isolation, ...):
// those are reported separately so hosts relying on the contract see only contract ids.
bool is_contract_practice(std::string_view id);

struct Message {
  std::string id;
  Role role = Role::client;
  Channel channel = Channel::chat;
  std::string text;
  std::string time;  // "19:18" or ISO 8601, may be empty
};

// One place where a rule matched: byte offsets into the analysed text.
struct Match {
  std::string rule_id;
  std::string practice;
  std::size_t begin = 0;
  std::size_t end = 0;
};

// A word the dictionary does not know (spelling help in the draft).
struct SpellingIssue {
  std::size_t begin = 0;  // byte offsets
  std::size_t end = 0;
  std::string word;
};

struct Labels {
  std::vector<std::string> practices;  // contract ids, sorted
  std::vector<std::string> signals;    // extra signal ids (closing, isolation, ...), sorted
  std::vector<Match> matches;          // in text order
};

struct Nudge {
  std::string id;
  Severity severity = Severity::info;
  std::string title;
  std::string message;
  std::string why;
  std::string rule_id;
  int priority = 50;
  bool acknowledged = false;  // a dismissed crisis nudge stays visible, marked acknowledged
};

struct ChecklistItem {
  std::string practice;
  bool done = false;
};

struct Report {
  std::vector<Nudge> nudges;  // most important first
  std::vector<ChecklistItem> checklist;
  std::string phase;                      // current phase of the conversation
  std::vector<std::string> phases;        // phases reached, in order of first appearance
  std::vector<std::string> topics;        // topics the conversation touches
};

// Every error the engine reports. `code` names the family; `what()` is the full message with
// its place ("rules/nl/x.json:12:5: error: rule R: ...").
class Error : public std::runtime_error {
 public:
  enum class Code { invalid_argument, invalid_utf8, io, rules, locale, dictionary, internal };
  Error(Code code, const std::string& message) : std::runtime_error(message), code_(code) {}
  Code code() const { return code_; }

 private:
  Code code_;
};

}  // namespace coach
