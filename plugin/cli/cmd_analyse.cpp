// coach analyse FILES...: codes conversations with the study's scheme, prints the study's table.
#include "options.hpp"

#include <coach/report/coding.hpp>
#include <coach/report/files.hpp>
#include <coach/report/render.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>

namespace coach::cli {
namespace {

constexpr const char* kHelp =
    "usage: coach analyse FILE|FOLDER... [--format table|json|csv|html] [--out PATH]\n"
    "                     [--channel chat|email] [--locale nl|en] [--rules DIR]\n"
    "\n"
    "Codes each conversation (a transcript file: a JSON array of messages or the study's chat\n"
    "format; a FOLDER means its .txt and .json files) with the study's scheme: practices per\n"
    "message, phases reached, referrals, words per side, dominance (counsellor > 60% of the\n"
    "words), mean reply time, silences (a chat reply after more than three minutes), emoticons,\n"
    "punctuation and technical failures. Then prints the share of conversations showing each\n"
    "practice next to the study's figures.\n"
    "\n"
    "  --format table   the study's table as text (default)\n"
    "  --format json    everything: the table and the codes of every conversation and message\n"
    "  --format csv     one row per conversation\n"
    "  --format html    a self-contained page with the table, a chart and every conversation\n"
    "  --out PATH       write there instead of standard output\n"
    "\n"
    "A file that cannot be read is named on stderr and skipped; the others are still analysed\n"
    "and the exit status is 1. Message text never appears in the output. --locale applies to\n"
    "every file: analyse Dutch and English transcripts in separate runs.\n";

// The files named, with folders expanded to their transcripts in name order.
std::vector<std::string> expand(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  for (const auto& p : paths) {
    std::error_code ec;
    if (!fs::is_directory(p, ec)) { out.push_back(p); continue; }
    std::vector<std::string> found;
    for (const auto& entry : fs::directory_iterator(p, ec)) {
      const auto ext = entry.path().extension();
      if (entry.is_regular_file() && (ext == ".txt" || ext == ".json")) found.push_back(entry.path().string());
    }
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

}  // namespace

int run_analyse(const Args& args) {
  const auto options = parse_common(args, "analyse", {}, {"--format", "--channel", "--out"});
  if (!options) return 2;
  if (options->help) return print_help(kHelp);
  std::vector<std::string> files;
  std::string format = "table", out_path = "-";
  Channel channel = Channel::chat;
  for (std::size_t i = 0; i < options->positional.size(); ++i) {
    const std::string& p = options->positional[i];
    if (p == "--format") {
      format = options->positional[++i];
      if (format != "table" && format != "json" && format != "csv" && format != "html") {
        std::cerr << "coach analyse: --format must be table, json, csv or html\n";
        return 2;
      }
    } else if (p == "--channel") {
      const auto c = parse_channel(options->positional[++i]);
      if (!c) { std::cerr << "coach analyse: --channel must be chat or email\n"; return 2; }
      channel = *c;
    } else if (p == "--out") {
      out_path = options->positional[++i];
    } else {
      files.push_back(p);
    }
  }
  if (files.empty()) { std::cerr << kHelp; return 2; }
  files = expand(files);
  if (files.empty()) { std::cerr << "coach analyse: no .txt or .json transcripts in the folders given\n"; return 2; }
  const auto engine = make_engine(options->engine, "analyse");
  if (!engine) return 2;
  bool failed = false;
  std::vector<report::ConversationCoding> codings;
  for (const auto& file : files) {
    const report::LoadedTranscript t = report::load_transcript(file, channel);
    for (const auto& e : t.errors) std::cerr << "coach analyse: " << e << "\n";
    failed = failed || !t.errors.empty();
    if (t.messages.empty()) continue;
    codings.push_back(report::code_conversation(engine, t.messages, channel, t.name));
  }
  const report::Aggregate aggregate = report::aggregate(codings);
  const std::string& locale = options->engine.locale;
  std::string output;
  if (format == "table") output = report::corpus_text(aggregate, locale);
  else if (format == "csv") output = report::corpus_csv(codings);
  else if (format == "html") output = report::corpus_html(codings, aggregate, locale);
  else output = report::corpus_json(codings, aggregate, locale).dump(2) + "\n";
  if (const std::string error = report::write_output(out_path, output); !error.empty()) {
    std::cerr << "coach analyse: " << error << "\n";
    return 2;
  }
  return failed ? 1 : 0;
}

}  // namespace coach::cli
