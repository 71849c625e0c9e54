// coach practice SCENARIO: a practice conversation with a simulated client on the terminal.
#include "options.hpp"

#include <coach/practice/session.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>

namespace coach::cli {
namespace {

constexpr const char* kHelp =
    "usage: coach practice SCENARIO [--coach] [--script FILE] [--report PATH] [--seed N]\n"
    "       coach practice --list\n"
    "       coach practice --check FILE...\n"
    "\n"
    "Plays a practice conversation with a simulated client. SCENARIO is a scenario file or the\n"
    "id of a shipped one (see --list; host-demo/scenarios/README.md describes the format).\n"
    "The client's messages are printed; type your reply as one line and press Enter. The client\n"
    "answers depending on what your message does (explore, check your interpretation, ask about\n"
    "the network, ask for feedback, advise too early, ...). End of input stops the session.\n"
    "\n"
    "  --coach         show the coach's nudges (as the coach panel would) and why the client\n"
    "                  reacted as it did\n"
    "  --script FILE   read the trainee's turns from FILE, one per line (empty lines and lines\n"
    "                  starting with # are skipped) instead of standard input\n"
    "  --report PATH   write the conversation in the study's chat format to PATH, for\n"
    "                  `coach report PATH`\n"
    "  --seed N        choose other reply variants (the same seed always gives the same replies)\n"
    "  --list          list the shipped scenarios\n"
    "  --check FILE... validate scenario files; problems as file:line:column: error: ...\n"
    "\n"
    "Ends with a summary: how the conversation ended, the checklist of the five practices and the\n"
    "practices your messages showed. Exit status 0, or 2 when the scenario cannot be loaded.\n";

void print_nudges(const std::vector<Nudge>& nudges, std::set<std::string>* shown, const char* when) {
  for (const Nudge& n : nudges) {
    if (shown && !shown->insert(n.id).second) continue;
    std::cout << "  [coach" << when << "] " << to_string(n.severity) << " " << n.id << ": " << n.title;
    if (!n.message.empty()) std::cout << " - " << n.message;
    std::cout << "\n";
  }
}

bool write_atomic(const std::string& path, const std::string& content) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out || !(out << content) || !out.flush()) return false;
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) std::filesystem::remove(tmp, ec);
  return !ec;
}

int list_scenarios() {
  const std::string dir = practice::default_scenarios_dir();
  int status = 0;
  for (const auto& file : practice::scenario_files(dir)) {
    try {
      const auto s = practice::load_scenario(file);
      std::cout << s.id << "\t" << s.locale << "\t" << s.topic << "\t" << s.title << "\n";
    } catch (const practice::ScenarioError& e) {
      std::cerr << e.what() << "\n";
      status = 1;
    }
  }
  return status;
}

int check_files(const std::vector<std::string>& files) {
  if (files.empty()) { std::cerr << "coach practice: --check needs scenario files\n"; return 2; }
  int status = 0;
  for (const auto& f : files) {
    const auto problems = practice::check_scenario(f);
    for (const auto& p : problems) std::cerr << p << "\n";
    if (!problems.empty()) status = 1;
    else std::cout << f << ": ok\n";
  }
  return status;
}

}  // namespace

int run_practice(const Args& args) {
  const auto options = parse_common(args, "practice", {"--coach", "--list", "--check"}, {"--script", "--report", "--seed"});
  if (!options) return 2;
  if (options->help) return print_help(kHelp);
  bool coach_on = false, list = false, check = false;
  std::string scenario_arg, script, report_path;
  std::vector<std::string> files;
  std::uint64_t seed = 0;
  for (std::size_t i = 0; i < options->positional.size(); ++i) {
    const std::string& p = options->positional[i];
    if (p == "--coach") coach_on = true;
    else if (p == "--list") list = true;
    else if (p == "--check") check = true;
    else if (p == "--script") script = options->positional[++i];
    else if (p == "--report") report_path = options->positional[++i];
    else if (p == "--seed") {
      try {
        seed = std::stoull(options->positional[++i]);
      } catch (const std::exception&) {
        std::cerr << "coach practice: --seed must be a whole number\n";
        return 2;
      }
    } else files.push_back(p);
  }
  if (list) return list_scenarios();
  if (check) return check_files(files);
  if (files.size() != 1) { std::cerr << kHelp; return 2; }
  scenario_arg = files[0];

  const auto path = practice::find_scenario(scenario_arg);
  if (!path) {
    std::cerr << "coach practice: no scenario file or shipped scenario '" << scenario_arg << "' (see coach practice --list)\n";
    return 2;
  }
  practice::Scenario scenario;
  try {
    scenario = practice::load_scenario(*path);
  } catch (const practice::ScenarioError& e) {
    std::cerr << e.what() << "\n";
    return 2;
  }
  std::ifstream script_in;
  if (!script.empty()) {
    script_in.open(script);
    if (!script_in) { std::cerr << "coach practice: " << script << ": cannot open file\n"; return 2; }
  }
  EngineOptions engine_options = options->engine;
  engine_options.locale = scenario.locale;
  const auto engine = make_engine(engine_options, "practice");
  if (!engine) return 2;
  practice::PracticeOptions po;
  po.seed = seed;
  practice::PracticeSession session(engine, scenario, po);

  const bool nl = scenario.locale == "nl";
  const char* client = nl ? "Hulpvrager" : "Client";
  const char* trainee = nl ? "Online hulpverlener" : "Counsellor";
  std::cout << "== " << scenario.title << " (" << scenario.id << ", " << scenario.topic << ", "
            << to_string(scenario.channel) << ")\n" << scenario.brief << "\n\n";
  const auto& msgs = session.messages();
  for (const auto& m : msgs) std::cout << client << " (" << m.time << "): " << m.text << "\n";
  std::set<std::string> shown;
  if (coach_on) print_nudges(session.report().nudges, &shown, "");

  std::istream& in = script.empty() ? std::cin : script_in;
  const bool interactive = script.empty();
  std::string line;
  int unused = 0;
  while (true) {
    if (interactive && !session.finished()) std::cout << "> " << std::flush;
    if (!std::getline(in, line)) break;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos || line[line.find_first_not_of(" \t")] == '#') continue;
    if (session.finished()) { ++unused; continue; }
    if (coach_on) {
      std::set<std::string> before = shown;
      print_nudges(session.preview(line).nudges, &before, ", while you typed");
    }
    const auto result = session.reply(line);
    const std::size_t first_reply = msgs.size() - result.replies.size();
    if (!interactive) std::cout << trainee << " (" << msgs[first_reply - 1].time << "): " << line << "\n";
    if (coach_on && !result.note.empty()) std::cout << "  [why] " << result.note << "\n";
    for (std::size_t i = first_reply; i < msgs.size(); ++i)
      std::cout << client << " (" << msgs[i].time << "): " << msgs[i].text << "\n";
    if (coach_on && !session.finished()) {
      shown.clear();
      print_nudges(session.report().nudges, &shown, "");
    }
  }
  if (interactive && !session.finished()) std::cout << "\n";
  if (unused > 0)
    std::cerr << "coach practice: the conversation ended at turn " << session.turn() << "; " << unused
              << " more line(s) of the script not used\n";
  session.stop();

  const auto summary = session.summary();
  std::cout << "\n== end: " << summary.ending << " (state " << session.state() << ") after " << summary.trainee_turns
            << " turn(s)\nchecklist:";
  for (const auto& item : summary.checklist) std::cout << " [" << (item.done ? "x" : " ") << "] " << item.practice;
  std::cout << "\npractices used:";
  if (summary.practices.empty()) std::cout << " none";
  for (std::size_t i = 0; i < summary.practices.size(); ++i)
    std::cout << (i ? ", " : " ") << summary.practices[i].first << " " << summary.practices[i].second;
  std::cout << "\n";
  if (!summary.notes.empty()) {
    std::cout << "what the client reacted to:\n";
    for (const auto& n : summary.notes) std::cout << "  - " << n << "\n";
  }
  if (!report_path.empty()) {
    if (!write_atomic(report_path, session.chat_transcript())) {
      std::cerr << "coach practice: " << report_path << ": cannot write\n";
      return 2;
    }
    std::cout << "transcript: " << report_path << " (coach report " << report_path
              << (nl ? "" : " --locale en") << ")\n";
  }
  return 0;
}

}  // namespace coach::cli
