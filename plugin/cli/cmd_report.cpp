// coach report FILE: the session report, a printable page comparing a conversation with the study.
#include "options.hpp"

#include <coach/report/coding.hpp>
#include <coach/report/files.hpp>
#include <coach/report/render.hpp>

#include <iostream>

namespace coach::cli {
namespace {

constexpr const char* kHelp =
    "usage: coach report FILE [--out report.html] [--json report.json] [--channel chat|email]\n"
    "                    [--locale nl|en] [--rules DIR]\n"
    "\n"
    "Writes the session report of one conversation (a transcript: a JSON array of messages or\n"
    "the study's chat format; FILE - reads stdin): a self-contained, printable HTML page with\n"
    "charts of the practices over the turns, the checklist of the five practices, the phases\n"
    "reached, and words and reply times per side, each compared with the study's baselines;\n"
    "--json writes the same data as JSON. Without --out or --json the page goes to standard\n"
    "output. The report holds the conversation's text: it stays on this computer, and nothing\n"
    "is sent anywhere.\n";

}  // namespace

int run_report(const Args& args) {
  const auto options = parse_common(args, "report", {}, {"--out", "--json", "--channel"});
  if (!options) return 2;
  if (options->help) return print_help(kHelp);
  std::string file, html_path, json_path;
  Channel channel = Channel::chat;
  for (std::size_t i = 0; i < options->positional.size(); ++i) {
    const std::string& p = options->positional[i];
    if (p == "--out") html_path = options->positional[++i];
    else if (p == "--json") json_path = options->positional[++i];
    else if (p == "--channel") {
      const auto c = parse_channel(options->positional[++i]);
      if (!c) { std::cerr << "coach report: --channel must be chat or email\n"; return 2; }
      channel = *c;
    } else if (file.empty()) file = p;
    else { std::cerr << "coach report: one file at a time\n"; return 2; }
  }
  if (file.empty()) { std::cerr << kHelp; return 2; }
  if (html_path.empty() && json_path.empty()) html_path = std::string("-");  // (see cmd_anonymise.cpp)
  const report::LoadedTranscript t = report::load_transcript(file, channel);
  for (const auto& e : t.errors) std::cerr << "coach report: " << e << "\n";
  if (t.messages.empty()) return 1;
  const auto engine = make_engine(options->engine, "report");
  if (!engine) return 2;
  const report::ConversationCoding coding = report::code_conversation(engine, t.messages, channel, t.name);
  const std::string& locale = options->engine.locale;
  if (!html_path.empty())
    if (const std::string error = report::write_output(html_path, report::session_html(coding, t.messages, locale));
        !error.empty()) {
      std::cerr << "coach report: " << error << "\n";
      return 2;
    }
  if (!json_path.empty())
    if (const std::string error =
            report::write_output(json_path, report::session_json(coding, t.messages, locale).dump(2) + "\n");
        !error.empty()) {
      std::cerr << "coach report: " << error << "\n";
      return 2;
    }
  return t.errors.empty() ? 0 : 1;
}

}  // namespace coach::cli
