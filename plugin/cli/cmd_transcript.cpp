// coach transcript FILE: what the coach sees in a whole conversation, message by message.
#include "options.hpp"

#include <coach/json.hpp>
#include <coach/transcript.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

namespace coach::cli {
namespace {

constexpr const char* kHelp =
    "usage: coach transcript FILE [--channel chat|email] [--format json|text] [--locale nl|en] [--rules DIR]\n"
    "\n"
    "Reads a transcript (a JSON array of messages, or the study's chat format such as\n"
    "\"Hulpvrager (19:19): tekst\"; FILE - reads stdin) and writes one JSON line per message:\n"
    "  {\"index\", \"id\", \"role\", \"time\", \"practices\", \"signals\", \"nudges\"}\n"
    "where \"nudges\" are the nudges the coach showed while that counsellor message was typed,\n"
    "then a last line {\"summary\": {\"checklist\", \"phases\", \"topics\"}}.\n"
    "--format text prints the same for people: each message, then what the coach showed.\n";

void print_text(std::ostream& out, const Message& m, const Labels& labels, const std::vector<Nudge>& shown) {
  out << (m.time.empty() ? "" : "[" + m.time + "] ") << (m.role == Role::client ? "client" : "counsellor") << ": "
      << m.text << "\n";
  std::string practices;
  for (const auto& p : labels.practices) practices += (practices.empty() ? "" : ", ") + p;
  if (!practices.empty()) out << "    practices: " << practices << "\n";
  for (const Nudge& n : shown)
    out << "    coach (" << to_string(n.severity) << ") " << n.title << ": " << n.message << "\n";
  out << "\n";
}

void print_summary(std::ostream& out, const Report& report) {
  out << "checklist:\n";
  for (const auto& item : report.checklist) out << "    [" << (item.done ? "x" : " ") << "] " << item.practice << "\n";
  std::string phases;
  for (const auto& p : report.phases) phases += (phases.empty() ? "" : " -> ") + p;
  out << "phases: " << (phases.empty() ? "intake" : phases) << "\n";
}

}  // namespace

int run_transcript(const Args& args) {
  const auto options = parse_common(args, "transcript", {}, {"--channel", "--format"});
  if (!options) return 2;
  if (options->help) return print_help(kHelp);
  std::string file;
  Channel channel = Channel::chat;
  bool text_format = false;
  for (std::size_t i = 0; i < options->positional.size(); ++i) {
    const std::string& p = options->positional[i];
    if (p == "--channel") {
      const auto c = parse_channel(options->positional[++i]);
      if (!c) { std::cerr << "coach transcript: --channel must be chat or email\n"; return 2; }
      channel = *c;
    } else if (p == "--format") {
      const std::string f = options->positional[++i];
      if (f != "json" && f != "text") { std::cerr << "coach transcript: --format must be json or text\n"; return 2; }
      text_format = f == "text";
    } else if (file.empty()) {
      file = p;
    } else {
      std::cerr << "coach transcript: one file at a time\n";
      return 2;
    }
  }
  if (file.empty()) { std::cerr << kHelp; return 2; }
  std::ostringstream buffer;
  if (file == "-") {
    buffer << std::cin.rdbuf();
  } else {
    std::ifstream in(file, std::ios::binary);
    if (!in) { std::cerr << "coach transcript: " << file << ": cannot open file\n"; return 2; }
    buffer << in.rdbuf();
  }
  std::vector<TranscriptProblem> problems;
  const std::vector<Message> messages = parse_transcript(buffer.str(), problems, channel);
  for (const auto& p : problems) std::cerr << file << ":" << p.line << ": error: " << p.message << "\n";
  const auto engine = make_engine(options->engine, "transcript");
  if (!engine) return 2;
  Session session(engine, channel);
  for (std::size_t i = 0; i < messages.size(); ++i) {
    const Message& m = messages[i];
    nlohmann::json nudges = nlohmann::json::array();
    std::vector<Nudge> shown;
    if (m.role == Role::counsellor) {
      session.set_draft(m.text);
      shown = session.report().nudges;
      for (const Nudge& n : shown) nudges.push_back(n.id);
    }
    session.add_message(m);
    if (text_format) {
      print_text(std::cout, m, session.message_labels(i), shown);
      continue;
    }
    nlohmann::json line = to_json(session.message_labels(i), m.id);
    line["index"] = i;
    line["role"] = to_string(m.role);
    line["time"] = m.time;
    line["nudges"] = nudges;
    std::cout << line.dump() << "\n";
  }
  const Report report = session.report();
  if (text_format) {
    print_summary(std::cout, report);
    return problems.empty() ? 0 : 1;
  }
  nlohmann::json summary = to_json(report);
  summary.erase("nudges");
  std::cout << nlohmann::json{{"summary", summary}}.dump() << "\n";
  return problems.empty() ? 0 : 1;
}

}  // namespace coach::cli
