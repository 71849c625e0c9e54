// coach label: one message per input line in, one {"id", "practices"} line out.
#include "options.hpp"

#include <coach/json.hpp>
#include <coach/transcript.hpp>

#include <iostream>

namespace coach::cli {
namespace {

constexpr const char* kHelp =
    "usage: coach label [--locale nl|en] [--rules DIR] [--matches] < messages.jsonl\n"
    "\n"
    "Reads one message per line ({\"id\", \"role\", \"channel\", \"text\"}) and writes one line per\n"
    "input line, in order: {\"id\": ..., \"practices\": [...], \"signals\": [...]}.\n"
    "--matches adds where each rule matched (byte offsets). A line that is not a valid message\n"
    "yields {\"id\": ..., \"error\": ...}; the line number goes to stderr and the exit status is 1.\n";

}  // namespace

int run_label(const Args& args) {
  const auto options = parse_common(args, "label", {"--matches"});
  if (!options) return 2;
  if (options->help) return print_help(kHelp);
  bool with_matches = false;
  for (const auto& p : options->positional) {
    if (p == "--matches") with_matches = true;
    else { std::cerr << "coach label: unexpected argument '" << p << "'\n"; return 2; }
  }
  const auto engine = make_engine(options->engine, "label");
  if (!engine) return 2;
  int failed = 0;
  for_each_stdin_line([&](const std::string& line, int number) {
    if (line.find_first_not_of(" \t") == std::string::npos) {
      // Blank lines keep their place so output lines stay aligned with input lines.
      std::cout << nlohmann::json{{"id", nullptr}, {"error", "empty line"}}.dump() << "\n";
      std::cerr << "coach label: line " << number << ": empty line\n";
      ++failed;
      return;
    }
    nlohmann::json id = nullptr;
    try {
      const auto value = nlohmann::json::parse(line);
      if (value.is_object() && value.contains("id")) id = value["id"];
      const Message message = message_from_json(value);
      if (message.text.find_first_not_of(" \t\r\n") == std::string::npos)
        throw Error(Error::Code::invalid_argument, "empty text");
      auto out = to_json(engine->label(message), message.id, with_matches);
      out["id"] = id;
      std::cout << out.dump() << "\n";
    } catch (const nlohmann::json::parse_error& e) {
      const std::string what = "invalid JSON at column " + std::to_string(e.byte);
      std::cout << nlohmann::json{{"id", id}, {"error", what}}.dump() << "\n";
      std::cerr << "coach label: line " << number << ": " << what << "\n";
      ++failed;
    } catch (const Error& e) {
      std::cout << nlohmann::json{{"id", id}, {"error", e.what()}}.dump() << "\n";
      std::cerr << "coach label: line " << number << ": " << e.what() << "\n";
      ++failed;
    }
  });
  std::cout.flush();
  return failed ? 1 : 0;
}

}  // namespace coach::cli
