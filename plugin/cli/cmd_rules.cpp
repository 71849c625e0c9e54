// coach rules check PATH | coach rules test [PATH]
#include "options.hpp"

#include <coach/rule_tools.hpp>

#include <iostream>

namespace coach::cli {
namespace {

constexpr const char* kHelp =
    "usage: coach rules check [PATH] [--locale nl|en]\n"
    "       coach rules test [PATH] [--locale nl|en]\n"
    "\n"
    "check  validates rule files (a file, or a folder with nl/, en/, nudges/) and prints each\n"
    "       problem as file:line:column: error: rule ID: problem. Exit status 1 when any.\n"
    "test   runs every rule's own examples ('match'/'no_match', 'fire'/'quiet') and names each\n"
    "       failure. Exit status 1 when any fails.\n"
    "PATH defaults to the default rule set; without --locale both nl and en are checked.\n";

}  // namespace

int run_rules(const Args& args) {
  const auto options = parse_common(args, "rules");
  if (!options) return 2;
  if (options->help || options->positional.empty()) return options->help ? print_help(kHelp) : (std::cerr << kHelp, 2);
  const std::string verb = options->positional[0];
  if (verb != "check" && verb != "test") { std::cerr << "coach rules: unknown action '" << verb << "' (check or test)\n"; return 2; }
  if (options->positional.size() > 2) { std::cerr << "coach rules: too many arguments\n"; return 2; }
  const std::string path = options->positional.size() == 2 ? options->positional[1] : "";
  const bool locale_given = std::find(args.begin(), args.end(), "--locale") != args.end();
  const std::vector<std::string> locales = locale_given ? std::vector<std::string>{options->engine.locale}
                                                        : std::vector<std::string>{"nl", "en"};
  int problems = 0;
  for (const std::string& locale : locales) {
    EngineOptions engine = options->engine;
    engine.locale = locale;
    try {
      if (verb == "check") {
        const RuleCheckResult r = check_rules(engine, path);
        for (const auto& p : r.problems) std::cerr << p << "\n";
        problems += static_cast<int>(r.problems.size());
        std::cout << locale << ": " << r.detect_rules << " detection rules, " << r.nudge_rules << " nudge rules, "
                  << r.problems.size() << " problems\n";
      } else {
        const RuleTestResult r = test_rules(engine, path);
        for (const auto& p : r.problems) std::cerr << p << "\n";
        problems += r.failures;
        std::cout << locale << ": " << (r.examples - r.failures) << " passed, " << r.failures << " failed ("
                  << r.rules << " rules, " << r.examples << " examples)\n";
      }
    } catch (const Error& e) {
      std::cerr << "coach rules: " << e.what() << "\n";
      ++problems;
    }
  }
  return problems ? 1 : 0;
}

}  // namespace coach::cli
