// coach nudge: one conversation per input line in, nudges and checklist out.
#include "conversation_input.hpp"
#include "options.hpp"

#include <coach/json.hpp>

#include <iostream>

namespace coach::cli {
namespace {

constexpr const char* kHelp =
    "usage: coach nudge [--locale nl|en] [--rules DIR] < conversations.jsonl\n"
    "\n"
    "Reads one conversation per line:\n"
    "  {\"channel\": \"chat\", \"messages\": [...messages so far...], \"draft\": \"text being typed\"}\n"
    "and writes one line per input line:\n"
    "  {\"nudges\": [{\"id\", \"severity\", \"title\", \"message\", \"why\"}, ...], \"checklist\": {...},\n"
    "   \"phase\": ..., \"phases\": [...], \"topics\": [...]}\n"
    "Nudges come most important first. Invalid lines yield {\"error\": ...} (exit status 1).\n";

}  // namespace

int run_nudge(const Args& args) {
  const auto options = parse_common(args, "nudge");
  if (!options) return 2;
  if (options->help) return print_help(kHelp);
  if (!options->positional.empty()) { std::cerr << "coach nudge: unexpected argument '" << options->positional[0] << "'\n"; return 2; }
  const auto engine = make_engine(options->engine, "nudge");
  if (!engine) return 2;
  int failed = 0;
  for_each_stdin_line([&](const std::string& line, int number) {
    try {
      if (line.find_first_not_of(" \t") == std::string::npos) throw Error(Error::Code::invalid_argument, "empty line");
      const Session session = session_from_json(engine, nlohmann::json::parse(line));
      std::cout << to_json(session.report()).dump() << "\n";
    } catch (const nlohmann::json::parse_error& e) {
      const std::string what = "invalid JSON at column " + std::to_string(e.byte);
      std::cout << nlohmann::json{{"error", what}}.dump() << "\n";
      std::cerr << "coach nudge: line " << number << ": " << what << "\n";
      ++failed;
    } catch (const Error& e) {
      std::cout << nlohmann::json{{"error", e.what()}}.dump() << "\n";
      std::cerr << "coach nudge: line " << number << ": " << e.what() << "\n";
      ++failed;
    }
  });
  std::cout.flush();
  return failed ? 1 : 0;
}

}  // namespace coach::cli
