// coach anonymise [FILE|-]: placeholders for names, places, numbers and addresses in a transcript.
#include "options.hpp"

#include <coach/report/anonymise.hpp>
#include <coach/report/files.hpp>

#include <iostream>

namespace coach::cli {
namespace {

constexpr const char* kHelp =
    "usage: coach anonymise [FILE|-] [--out PATH] [--report PATH] [--show-originals]\n"
    "                       [--locale nl|en] [--locales DIR]\n"
    "\n"
    "Replaces names, places, phone numbers, e-mail addresses, postcodes and personal web\n"
    "addresses with the study's placeholders (NAAM, PLAATS, TELEFOON, EMAIL, POSTCODE, URL) and\n"
    "writes the transcript to standard output (or --out). Speaker labels and times\n"
    "(\"Hulpvrager (19:19):\") stay; so do help resources such as 113.nl, kindertelefoon.nl and\n"
    "0800 numbers. A JSON array of messages keeps its shape: only each \"text\" changes.\n"
    "\n"
    "  --report PATH      what was replaced, as JSON: counts per kind and the line and column of\n"
    "                     each replacement, never the original text...\n"
    "  --show-originals   ...unless asked (keep such a report private)\n"
    "\n"
    "Names and places come from locales/<locale>/names.json and simple cues (\"ik ben Sanne\",\n"
    "\"Beste Tom\", \"I live in Leeds\"). Check the result before sharing: no anonymiser is perfect.\n";

}  // namespace

int run_anonymise(const Args& args) {
  const auto options = parse_common(args, "anonymise", {"--show-originals"}, {"--report", "--out"});
  if (!options) return 2;
  if (options->help) return print_help(kHelp);
  std::string file, report_path, out_path = "-";
  bool show_originals = false;
  for (std::size_t i = 0; i < options->positional.size(); ++i) {
    const std::string& p = options->positional[i];
    if (p == "--report") report_path = options->positional[++i];
    else if (p == "--out") out_path = options->positional[++i];
    else if (p == "--show-originals") show_originals = true;
    else if (file.empty()) file = p;
    else { std::cerr << "coach anonymise: one file at a time\n"; return 2; }
  }
  if (file.empty()) file = std::string("-");  // (not = "-": a GCC 12 -Wrestrict false positive)
  const std::string name = report::display_name(file);
  std::string text, error;
  if (!report::read_input(file, text, error)) {
    std::cerr << "coach anonymise: " << error << "\n";
    return 2;
  }
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    std::cerr << "coach anonymise: " << name << ": error: empty input\n";
    return 1;
  }
  report::Anonymised result;
  try {
    const auto anonymiser = report::Anonymiser::load(options->engine.locales_dir, options->engine.locale);
    const std::size_t first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    const bool json = first != std::string::npos && text[first] == '[';
    result = json ? anonymiser.json_transcript(text) : anonymiser.text(text);
  } catch (const Error& e) {
    // Data file problems name their file; problems of the input name its line.
    const bool input = e.code() == Error::Code::invalid_utf8 || e.code() == Error::Code::invalid_argument;
    std::cerr << "coach anonymise: " << (input ? name + ":" : "") << e.what() << "\n";
    return input ? 1 : 2;
  }
  if (!report_path.empty()) {
    nlohmann::json report = report::to_json(result, show_originals);
    report["file"] = name;
    report["locale"] = options->engine.locale;
    if (const std::string err = report::write_output(report_path, report.dump(2) + "\n"); !err.empty()) {
      std::cerr << "coach anonymise: " << err << "\n";
      return 2;
    }
  }
  if (const std::string err = report::write_output(out_path, result.text); !err.empty()) {
    std::cerr << "coach anonymise: " << err << "\n";
    return 2;
  }
  return 0;
}

}  // namespace coach::cli
