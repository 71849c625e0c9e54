// `coach`: the command-line host of the engine.
#include "commands.hpp"

#include <coach/engine.hpp>

#include <cstring>
#include <iostream>

// Commands that live in optional files are weak: the tool lists only those built in.
namespace coach::cli {
__attribute__((weak)) int run_serve(const Args& args);
__attribute__((weak)) int run_analyse(const Args& args);
__attribute__((weak)) int run_anonymise(const Args& args);
__attribute__((weak)) int run_report(const Args& args);
__attribute__((weak)) int run_practice(const Args& args);
}  // namespace coach::cli

namespace {

struct Command {
  const char* name;
  const char* summary;
  int (*run)(const coach::cli::Args&);
};

const Command kCommands[] = {
    {"label", "label each message (JSON lines on stdin) with the practices it shows", coach::cli::run_label},
    {"nudge", "nudges and checklist for each conversation (JSON lines on stdin)", coach::cli::run_nudge},
    {"transcript", "practices per message and nudges per turn of a transcript file", coach::cli::run_transcript},
    {"rules", "rules check PATH | rules test [PATH]: validate rule files, run their examples", coach::cli::run_rules},
    {"serve", "JSON-RPC 2.0 over stdin/stdout for hosts in other languages", coach::cli::run_serve},
    {"analyse", "code conversations with the study's scheme and print the aggregate table", coach::cli::run_analyse},
    {"anonymise", "replace names, places, numbers and addresses with placeholders", coach::cli::run_anonymise},
    {"report", "session report: a printable page (and JSON) comparing one conversation with the study", coach::cli::run_report},
    {"practice", "practice conversation with a simulated client (scenario files, --script, --coach)", coach::cli::run_practice},
};

int usage(std::ostream& out) {
  out << "usage: coach <command> [options]\n\ncommands:\n";
  for (const Command& c : kCommands)
    if (c.run) out << "  " << c.name << std::string(12 - std::strlen(c.name), ' ') << c.summary << "\n";
  out << "\ncommon options: --locale nl|en  --rules DIR  --locales DIR  --dict DIR  --help\n"
         "coach never uses the network; message text is never logged.\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  if (argc < 2) { usage(std::cerr); return 2; }
  const std::string name = argv[1];
  if (name == "-h" || name == "--help" || name == "help") return usage(std::cout);
  if (name == "--version" || name == "version") { std::cout << "coach " << coach::version() << "\n"; return 0; }
  const coach::cli::Args args(argv + 2, argv + argc);
  for (const Command& c : kCommands) {
    if (name != c.name || !c.run) continue;
    try {
      return c.run(args);
    } catch (const std::exception& e) {
      std::cerr << "coach " << name << ": internal error: " << e.what() << "\n";
      return 3;
    }
  }
  std::cerr << "coach: unknown command '" << name << "'\n";
  usage(std::cerr);
  return 2;
}
