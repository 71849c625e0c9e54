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
    "usage: coach transcript FILE [--channel chat|email] [--locale nl|en] [--rules DIR]\n"
    "\n"
    "Reads a transcript (a JSON array of messages, or the study's chat format such as\n"
    "\"Hulpvrager (19:19): tekst\"; FILE - reads stdin) and writes one JSON line per message:\n"
    "  {\"index\", \"id\", \"role\", \"time\", \"practices\", \"signals\", \"nudges\"}\n"
    "where \"nudges\" are the nudges the coach showed while that counsellor message was typed,\n"
    "then a last line {\"summary\": {\"checklist\", \"phases\", \"topics\"}}.\n";

}  // namespace

int run_transcript(const Args& args) {
  const auto options = parse_common(args, "transcript", {}, {"--channel"});
  if (!options) return 2;
  if (options->help) return print_help(kHelp);
  std::string file;
  Channel channel = Channel::chat;
  for (std::size_t i = 0; i < options->positional.size(); ++i) {
    const std::string& p = options->positional[i];
    if (p == "--channel") {
      const auto c = parse_channel(options->positional[++i]);
      if (!c) { std::cerr << "coach transcript: --channel must be chat or email\n"; return 2; }
      channel = *c;
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
    if (m.role == Role::counsellor) {
      session.set_draft(m.text);
      for (const Nudge& n : session.report().nudges) nudges.push_back(n.id);
    }
    session.add_message(m);
    nlohmann::json line = to_json(session.message_labels(i), m.id);
    line["index"] = i;
    line["role"] = to_string(m.role);
    line["time"] = m.time;
    line["nudges"] = nudges;
    std::cout << line.dump() << "\n";
  }
  const Report report = session.report();
  nlohmann::json summary = to_json(report);
  summary.erase("nudges");
  std::cout << nlohmann::json{{"summary", summary}}.dump() << "\n";
  return problems.empty() ? 0 : 1;
}

}  // namespace coach::cli
