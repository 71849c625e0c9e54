// coach-bench: does the engine stay within its real-time budget? See README.md in this folder.
//
// Measures, for Dutch and English with the default rules:
//   - keystroke latency: edit_draft + report for every keystroke of a 300-word e-mail and a
//     40-word chat message typed at the end of a 100-turn conversation (with typos and backspaces);
//   - the floor: ICU word segmentation plus case folding of the whole draft after each keystroke;
//   - label throughput on one thread over a generated corpus (>= 100,000 messages);
//   - cold start (Engine::create in a fresh process) and peak resident memory (VmHWM).
#include "corpus.hpp"

#include <coach/engine.hpp>
#include <nlohmann/json.hpp>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#ifndef COACH_BENCH_BUILD_TYPE
#define COACH_BENCH_BUILD_TYPE "unknown"
#endif

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;
using json = nlohmann::json;

// Results go here so the optimiser cannot drop work whose result is otherwise unused.
volatile std::uint64_t g_sink = 0;

// ---------------------------------------------------------------------------------------------
// Targets (issue 4)
// ---------------------------------------------------------------------------------------------
constexpr double kKeystrokeP99LimitUs = 100.0;  // 300-word draft
constexpr double kFloorRatioLimit = 2.0;        // keystroke p99 / floor p99, 300-word draft
constexpr double kLabelMinMsgsPerS = 50000.0;
constexpr double kColdStartLimitMs = 250.0;
constexpr double kPeakRssLimitMib = 48.0;

constexpr std::size_t kConversationTurns = 100;
constexpr std::size_t kEmailWords = 300;
constexpr std::size_t kChatWords = 40;
constexpr std::size_t kFullCorpus = 100000;
constexpr std::size_t kQuickCorpus = 5000;

const char* const kHelp =
    "usage: coach-bench [--locale nl|en|both] [--quick] [--repeat N] [--json] [--messages N]\n"
    "                   [--rules DIR] [--locales DIR] [--dict DIR] [--strict]\n"
    "                   [--dump-corpus nl|en]\n"
    "\n"
    "Measures keystroke latency against the ICU floor, label throughput, cold start and peak\n"
    "memory of the engine with the default rules, and checks the targets of issue 4.\n"
    "\n"
    "  --locale L      measure nl, en or both (default both; both engines are always loaded so\n"
    "                  peak memory is with both locales)\n"
    "  --quick         small corpus (5,000 messages) and one cold start: a smoke test, not figures\n"
    "  --repeat N      run every measurement N times; latencies are pooled, throughput and cold\n"
    "                  start report the median (each run is listed in --json)\n"
    "  --messages N    corpus size for the label throughput (default 100,000)\n"
    "  --json          one JSON object instead of the table\n"
    "  --strict        exit 1 when a target is missed\n"
    "  --rules DIR, --locales DIR, --dict DIR   data folders (default: the engine's defaults)\n"
    "  --dump-corpus L print the first --messages corpus messages of locale L as JSONL\n"
    "                  (input for `coach label`) and exit\n";

struct Options {
  std::vector<std::string> locales{"nl", "en"};
  bool quick = false;
  bool json = false;
  bool strict = false;
  int repeat = 1;
  std::optional<std::size_t> messages;
  std::string rules_dir, locales_dir, dict_dir;
  std::string dump_corpus;
  std::string cold_child;  // internal: --cold-start-child LOCALE
};

std::size_t corpus_size(const Options& o) { return o.messages ? *o.messages : (o.quick ? kQuickCorpus : kFullCorpus); }

coach::EngineOptions engine_options(const Options& o, const std::string& locale) {
  coach::EngineOptions e;
  e.locale = locale;
  e.rules_dir = o.rules_dir;
  e.locales_dir = o.locales_dir;
  e.dict_dir = o.dict_dir;
  return e;
}

double ms_since(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }
double us_between(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::micro>(b - a).count();
}

// ---------------------------------------------------------------------------------------------
// Process figures
// ---------------------------------------------------------------------------------------------
// A "VmHWM:" style line of /proc/self/status, in MiB.
double proc_status_mib(const char* key) {
  std::ifstream in("/proc/self/status");
  std::string line;
  const std::size_t key_len = std::strlen(key);
  while (std::getline(in, line))
    if (line.compare(0, key_len, key) == 0) return std::stod(line.substr(key_len)) / 1024.0;  // kB
  return -1;
}

std::string cpu_model() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("model name", 0) == 0) {
      const std::size_t colon = line.find(':');
      return colon == std::string::npos ? line : line.substr(colon + 2);
    }
  return "unknown";
}

// ---------------------------------------------------------------------------------------------
// Statistics
// ---------------------------------------------------------------------------------------------
struct Stats {
  std::size_t n = 0;
  double p50 = 0, p90 = 0, p99 = 0, max = 0, mean = 0;
};

// Nearest-rank percentiles.
Stats summarise(std::vector<double> v) {
  Stats s;
  s.n = v.size();
  if (v.empty()) return s;
  std::sort(v.begin(), v.end());
  const auto rank = [&](double p) {
    const auto k = static_cast<std::size_t>(std::ceil(p * static_cast<double>(v.size())));
    return v[std::min(v.size() - 1, k == 0 ? 0 : k - 1)];
  };
  s.p50 = rank(0.50);
  s.p90 = rank(0.90);
  s.p99 = rank(0.99);
  s.max = v.back();
  double sum = 0;
  for (double x : v) sum += x;
  s.mean = sum / static_cast<double>(v.size());
  return s;
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const std::size_t m = v.size() / 2;
  return v.size() % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

json stats_json(const Stats& s) {
  return {{"n", s.n}, {"p50_us", s.p50}, {"p90_us", s.p90}, {"p99_us", s.p99}, {"max_us", s.max}, {"mean_us", s.mean}};
}

// ---------------------------------------------------------------------------------------------
// The floor: what any keystroke handler that segments and folds the draft must pay.
// ---------------------------------------------------------------------------------------------
class Floor {
 public:
  explicit Floor(const std::string& locale) {
    UErrorCode status = U_ZERO_ERROR;
    words_.reset(icu::BreakIterator::createWordInstance(icu::Locale(locale.c_str()), status));
    if (U_FAILURE(status) || !words_) throw std::runtime_error("ICU word break iterator: " + std::string(u_errorName(status)));
  }

  // UTF-8 -> UTF-16, every word boundary with its rule status, and the case-folded text.
  double measure_us(const std::string& text) {
    const auto t0 = Clock::now();
    chars_ = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    words_->setText(chars_);
    std::uint64_t seen = 0;
    for (int32_t b = words_->first(); b != icu::BreakIterator::DONE; b = words_->next())
      seen += static_cast<std::uint64_t>(b) + static_cast<std::uint64_t>(words_->getRuleStatus());
    const int32_t length = chars_.length();
    if (folded_.size() < static_cast<std::size_t>(length) * 3 + 16) folded_.resize(static_cast<std::size_t>(length) * 3 + 16);
    UErrorCode status = U_ZERO_ERROR;
    const int32_t folded_length = u_strFoldCase(folded_.data(), static_cast<int32_t>(folded_.size()), chars_.getBuffer(),
                                                length, U_FOLD_CASE_DEFAULT, &status);
    const auto t1 = Clock::now();
    sink_ += seen + static_cast<std::uint64_t>(folded_length);
    return us_between(t0, t1);
  }

  std::uint64_t sink() const { return sink_; }

 private:
  std::unique_ptr<icu::BreakIterator> words_;
  icu::UnicodeString chars_;
  std::vector<UChar> folded_;
  std::uint64_t sink_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Keystrokes
// ---------------------------------------------------------------------------------------------
struct DraftResult {
  std::string name;
  coach::Channel channel = coach::Channel::chat;
  std::size_t words = 0, bytes = 0, keystrokes_per_run = 0, backspaces_per_run = 0;
  std::vector<double> keystroke_us, floor_us, edit_us, report_us;
  std::vector<double> run_keystroke_p99, run_floor_p99;
  std::size_t nudges_at_end = 0;
};

std::size_t utf8_length(unsigned char lead) { return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4; }

// Types `text` character by character into a fresh session holding `conversation`: a wrong
// letter followed by a backspace every 35..45 characters. Every keystroke is one update
// (edit_draft + report), timed, followed by one floor measurement of the same draft.
void type_draft(const std::shared_ptr<const coach::Engine>& engine, const std::vector<coach::Message>& conversation,
                const std::string& text, Floor& floor, DraftResult& out, bench::Rng& rng) {
  coach::Session session(engine, out.channel);
  for (const coach::Message& m : conversation) session.add_message(m);

  std::string typed;
  typed.reserve(text.size() + 8);
  std::size_t keystrokes = 0, backspaces = 0, sink = 0;
  std::vector<double> run_keys, run_floor;
  const auto keystroke = [&](std::size_t begin, std::size_t end, std::string_view insert) {
    const auto t0 = Clock::now();
    session.edit_draft(begin, end, insert);
    const auto t1 = Clock::now();
    const coach::Report report = session.report();
    const auto t2 = Clock::now();
    sink += report.nudges.size() + report.checklist.size();
    typed.replace(begin, end - begin, insert);
    const double total = us_between(t0, t2);
    out.keystroke_us.push_back(total);
    out.edit_us.push_back(us_between(t0, t1));
    out.report_us.push_back(us_between(t1, t2));
    run_keys.push_back(total);
    const double f = floor.measure_us(typed);
    out.floor_us.push_back(f);
    run_floor.push_back(f);
    ++keystrokes;
  };

  std::size_t next_typo = rng.between(35, 45);
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t len = std::min(utf8_length(static_cast<unsigned char>(text[i])), text.size() - i);
    const std::string_view ch(text.data() + i, len);
    if (--next_typo == 0) {
      next_typo = rng.between(35, 45);
      const char wrong[2] = {static_cast<char>('a' + rng.below(26)), 0};
      keystroke(typed.size(), typed.size(), std::string_view(wrong, 1));
      keystroke(typed.size() - 1, typed.size(), "");
      ++backspaces;
    }
    keystroke(typed.size(), typed.size(), ch);
    i += len;
  }
  if (session.draft() != text || typed != text)
    throw std::runtime_error("draft after typing differs from the text typed (" + out.name + ")");
  out.keystrokes_per_run = keystrokes;
  out.backspaces_per_run = backspaces;
  out.nudges_at_end = session.report().nudges.size();
  g_sink = g_sink + sink;
  out.run_keystroke_p99.push_back(summarise(run_keys).p99);
  out.run_floor_p99.push_back(summarise(run_floor).p99);
}

json draft_json(const DraftResult& d) {
  const Stats k = summarise(d.keystroke_us), f = summarise(d.floor_us);
  return {{"channel", coach::to_string(d.channel)},
          {"words", d.words},
          {"bytes", d.bytes},
          {"keystrokes_per_run", d.keystrokes_per_run},
          {"backspaces_per_run", d.backspaces_per_run},
          {"keystroke", stats_json(k)},
          {"floor", stats_json(f)},
          {"keystroke_p99_us", k.p99},
          {"floor_p99_us", f.p99},
          {"ratio_p99", f.p99 > 0 ? k.p99 / f.p99 : 0.0},
          {"ratio_p50", f.p50 > 0 ? k.p50 / f.p50 : 0.0},  // less noisy than the p99 ratio
          {"edit_draft", stats_json(summarise(d.edit_us))},
          {"report", stats_json(summarise(d.report_us))},
          {"runs_keystroke_p99_us", d.run_keystroke_p99},
          {"runs_floor_p99_us", d.run_floor_p99},
          {"nudges_at_end", d.nudges_at_end}};
}

// ---------------------------------------------------------------------------------------------
// Label throughput
// ---------------------------------------------------------------------------------------------
struct LabelRun {
  double seconds = 0;
  std::size_t messages = 0, words = 0, matches = 0;
};

// Labels `count` generated messages on this thread. Messages are generated in chunks outside
// the timed region, so neither generation nor a 100,000-message corpus in memory is measured.
LabelRun label_corpus(const coach::Engine& engine, const bench::Language& lang, std::size_t count) {
  constexpr std::size_t kChunk = 2048;
  LabelRun run;
  std::vector<coach::Message> chunk;
  chunk.reserve(kChunk);
  for (std::size_t start = 0; start < count; start += kChunk) {
    chunk.clear();
    for (std::size_t i = start; i < std::min(count, start + kChunk); ++i) {
      chunk.push_back(bench::corpus_message(lang, 42, i));
      run.words += bench::word_count(chunk.back().text);
    }
    const auto t0 = Clock::now();
    for (const coach::Message& m : chunk) run.matches += engine.label(m).matches.size();
    run.seconds += std::chrono::duration<double>(Clock::now() - t0).count();
    run.messages += chunk.size();
  }
  return run;
}

// ---------------------------------------------------------------------------------------------
// Cold start: Engine::create as the first thing a fresh process does (a child of this one).
// ---------------------------------------------------------------------------------------------
int run_cold_child(const Options& o) {
  const auto t0 = Clock::now();
  const auto engine = coach::Engine::create(engine_options(o, o.cold_child));
  const double ms = ms_since(t0);
  std::printf("%.3f %.3f\n", ms, proc_status_mib("VmHWM:"));
  return engine ? 0 : 1;
}

struct ColdStart {
  double ms = -1, rss_mib = -1;
};

std::optional<ColdStart> cold_start_in_child(const Options& o, const std::string& locale) {
  // The real path, not /proc/self/exe: under valgrind that link names the tool, not this program.
  char self[4096];
  const ssize_t self_len = readlink("/proc/self/exe", self, sizeof self - 1);
  if (self_len <= 0) return std::nullopt;
  self[self_len] = 0;
  std::vector<std::string> args{self, "--cold-start-child", locale};
  if (!o.rules_dir.empty()) args.insert(args.end(), {"--rules", o.rules_dir});
  if (!o.locales_dir.empty()) args.insert(args.end(), {"--locales", o.locales_dir});
  if (!o.dict_dir.empty()) args.insert(args.end(), {"--dict", o.dict_dir});
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  int pipe_fd[2];
  if (pipe(pipe_fd) != 0) return std::nullopt;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fd[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, pipe_fd[0]);
  // A child that fails says why on stderr; this process then creates the engine itself and
  // reports the same problem once.
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, self, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_fd[1]);
  std::string output;
  if (rc == 0) {
    char buf[256];
    ssize_t n;
    while ((n = read(pipe_fd[0], buf, sizeof buf)) > 0) output.append(buf, static_cast<std::size_t>(n));
  }
  close(pipe_fd[0]);
  if (rc != 0) return std::nullopt;
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
  ColdStart c;
  std::istringstream in(output);
  if (!(in >> c.ms >> c.rss_mib)) return std::nullopt;
  return c;
}

// ---------------------------------------------------------------------------------------------
// Rule count, for context in the report (read from the rule files, not the engine).
// ---------------------------------------------------------------------------------------------
json rule_counts(const Options& o, const std::string& locale) {
  namespace fs = std::filesystem;
  const fs::path dir = o.rules_dir.empty() ? fs::path(coach::default_data_dir()) / "rules" : fs::path(o.rules_dir);
  std::size_t detect = 0, nudge = 0, files = 0;
  for (const fs::path& sub : {dir / locale, dir / "nudges"}) {
    std::error_code ec;
    if (!fs::is_directory(sub, ec)) continue;
    for (const auto& entry : fs::directory_iterator(sub, ec)) {
      if (entry.path().extension() != ".json") continue;
      try {
        std::ifstream in(entry.path());
        const json doc = json::parse(in);
        ++files;
        if (doc.contains("rules") && doc["rules"].is_array())
          for (const auto& r : doc["rules"]) (r.value("kind", "") == "nudge" ? nudge : detect) += 1;
      } catch (const std::exception&) {
      }
    }
  }
  return {{"files", files}, {"detect", detect}, {"nudge", nudge}, {"dir", dir.string()}};
}

// ---------------------------------------------------------------------------------------------
// One locale
// ---------------------------------------------------------------------------------------------
struct LocaleResult {
  std::string locale;
  double create_in_process_ms = 0;
  std::vector<double> cold_ms, cold_rss_mib;
  bool cold_in_child = true;
  std::vector<LabelRun> label_runs;
  DraftResult email, chat;
  json rules;

  double cold_start_ms() const { return median(cold_ms); }
  std::vector<double> label_rates() const {
    std::vector<double> v;
    for (const auto& r : label_runs) v.push_back(r.seconds > 0 ? static_cast<double>(r.messages) / r.seconds : 0);
    return v;
  }
  double label_rate() const { return median(label_rates()); }
};

void measure_keystrokes(const std::shared_ptr<const coach::Engine>& engine, const Options& o, LocaleResult& r) {
  const bench::Language& lang = bench::language(r.locale);
  Floor floor(r.locale);
  r.email.name = "email_300";
  r.email.channel = coach::Channel::email;
  r.chat.name = "chat_40";
  r.chat.channel = coach::Channel::chat;
  bench::Rng text_rng(r.locale == "nl" ? 1001 : 2002);
  const std::string email = bench::email_draft(lang, kEmailWords, text_rng);
  const std::string chat = bench::chat_draft(lang, kChatWords, text_rng);
  r.email.words = bench::word_count(email);
  r.email.bytes = email.size();
  r.chat.words = bench::word_count(chat);
  r.chat.bytes = chat.size();
  for (int run = 0; run < o.repeat; ++run) {
    // A new conversation each run; the engine (and its caches) lives on, as in a host.
    bench::Rng conv_rng(7000 + static_cast<std::uint64_t>(run));
    const auto email_conv = bench::conversation(lang, coach::Channel::email, kConversationTurns, conv_rng);
    const auto chat_conv = bench::conversation(lang, coach::Channel::chat, kConversationTurns, conv_rng);
    bench::Rng typo_rng(9000 + static_cast<std::uint64_t>(run));
    type_draft(engine, email_conv, email, floor, r.email, typo_rng);
    type_draft(engine, chat_conv, chat, floor, r.chat, typo_rng);
  }
  g_sink = g_sink + floor.sink();
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------
struct Target {
  std::string name, locale;
  double value, limit;
  bool at_most;
  std::string unit;
  bool pass() const { return at_most ? value <= limit : value >= limit; }
};

std::vector<Target> targets_of(const std::vector<LocaleResult>& results, double peak_rss) {
  std::vector<Target> t;
  for (const auto& r : results) {
    const Stats k = summarise(r.email.keystroke_us), f = summarise(r.email.floor_us);
    t.push_back({"keystroke p99, 300-word e-mail", r.locale, k.p99, kKeystrokeP99LimitUs, true, "us"});
    t.push_back({"keystroke p99 / floor p99, 300-word e-mail", r.locale, f.p99 > 0 ? k.p99 / f.p99 : 0, kFloorRatioLimit,
                 true, "x"});
    t.push_back({"label throughput, one thread", r.locale, r.label_rate(), kLabelMinMsgsPerS, false, "msgs/s"});
    t.push_back({"cold start", r.locale, r.cold_start_ms(), kColdStartLimitMs, true, "ms"});
  }
  t.push_back({"peak RSS, both locales loaded", "nl+en", peak_rss, kPeakRssLimitMib, true, "MiB"});
  return t;
}

std::string fmt(double v, int decimals = 1) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string spread(const std::vector<double>& v, int decimals = 1) {
  if (v.size() < 2) return "";
  const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
  return " (runs " + fmt(*lo, decimals) + ".." + fmt(*hi, decimals) + ")";
}

void print_table(const std::vector<LocaleResult>& results, const json& meta, double peak_rss, double rss_loaded,
                 const std::vector<Target>& targets) {
  std::printf("coach-bench %s  (%s build, %s, %s CPUs)\n", meta["engine_version"].get<std::string>().c_str(),
              meta["build_type"].get<std::string>().c_str(), meta["cpu"].get<std::string>().c_str(),
              std::to_string(meta["cpus"].get<long>()).c_str());
  std::printf("corpus %zu messages per locale, %d run(s)%s\n\n", meta["corpus_messages"].get<std::size_t>(),
              meta["repeat"].get<int>(), meta["quick"].get<bool>() ? ", --quick (figures are not meaningful)" : "");
  for (const auto& r : results) {
    std::printf("[%s]  rules: %zu detect, %zu nudge (%zu files)\n", r.locale.c_str(), r.rules["detect"].get<std::size_t>(),
                r.rules["nudge"].get<std::size_t>(), r.rules["files"].get<std::size_t>());
    std::printf("  %-26s %8s %8s %8s %8s   %s\n", "keystroke (µs)", "p50", "p90", "p99", "max", "");
    for (const DraftResult* d : {&r.email, &r.chat}) {
      const Stats k = summarise(d->keystroke_us), f = summarise(d->floor_us), e = summarise(d->edit_us),
                  rp = summarise(d->report_us);
      const std::string label = d->name + " (" + std::to_string(d->words) + " words, " +
                                std::to_string(d->keystrokes_per_run) + " keys)";
      std::printf("  %-26s\n", label.c_str());
      std::printf("    %-24s %8s %8s %8s %8s%s\n", "update", fmt(k.p50).c_str(), fmt(k.p90).c_str(), fmt(k.p99).c_str(),
                  fmt(k.max).c_str(), spread(d->run_keystroke_p99).c_str());
      std::printf("      %-22s %8s %8s %8s %8s\n", "edit_draft", fmt(e.p50).c_str(), fmt(e.p90).c_str(),
                  fmt(e.p99).c_str(), fmt(e.max).c_str());
      std::printf("      %-22s %8s %8s %8s %8s\n", "report", fmt(rp.p50).c_str(), fmt(rp.p90).c_str(),
                  fmt(rp.p99).c_str(), fmt(rp.max).c_str());
      std::printf("    %-24s %8s %8s %8s %8s%s\n", "floor (ICU words+fold)", fmt(f.p50).c_str(), fmt(f.p90).c_str(),
                  fmt(f.p99).c_str(), fmt(f.max).c_str(), spread(d->run_floor_p99).c_str());
      std::printf("    %-24s %8s %17s %8s\n", "ratio update/floor", fmt(f.p50 > 0 ? k.p50 / f.p50 : 0, 2).c_str(), "",
                  fmt(f.p99 > 0 ? k.p99 / f.p99 : 0, 2).c_str());
    }
    std::size_t words = 0, messages = 0;
    for (const auto& run : r.label_runs) words += run.words, messages += run.messages;
    std::printf("  label: %s msgs/s%s, %s words/message\n", fmt(r.label_rate(), 0).c_str(),
                spread(r.label_rates(), 0).c_str(), fmt(messages ? double(words) / double(messages) : 0).c_str());
    std::printf("  cold start: %s ms%s%s; create in this process: %s ms\n\n", fmt(r.cold_start_ms()).c_str(),
                spread(r.cold_ms).c_str(), r.cold_in_child ? "" : " (in process: child failed)",
                fmt(r.create_in_process_ms).c_str());
  }
  std::printf("peak RSS (VmHWM): %s MiB at the end, %s MiB right after loading nl+en\n\n", fmt(peak_rss).c_str(),
              fmt(rss_loaded).c_str());
  std::printf("targets\n");
  for (const Target& t : targets)
    std::printf("  %-4s %-44s %-5s %10s %-6s (%s %s)\n", t.pass() ? "PASS" : "FAIL", t.name.c_str(), t.locale.c_str(),
                fmt(t.value, t.unit == "x" ? 2 : 1).c_str(), t.unit.c_str(), t.at_most ? "<=" : ">=",
                fmt(t.limit, t.unit == "x" ? 1 : 0).c_str());
}

std::optional<Options> parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const auto value = [&]() -> std::optional<std::string> {
      if (i + 1 >= argc) {
        std::cerr << "coach-bench: " << a << " needs a value\n";
        return std::nullopt;
      }
      return std::string(argv[++i]);
    };
    if (a == "--help" || a == "-h") {
      std::cout << kHelp;
      std::exit(0);
    } else if (a == "--quick") {
      o.quick = true;
    } else if (a == "--json") {
      o.json = true;
    } else if (a == "--strict") {
      o.strict = true;
    } else if (a == "--locale") {
      const auto v = value();
      if (!v) return std::nullopt;
      if (*v == "both") o.locales = {"nl", "en"};
      else if (*v == "nl" || *v == "en") o.locales = {*v};
      else { std::cerr << "coach-bench: --locale must be nl, en or both\n"; return std::nullopt; }
    } else if (a == "--repeat" || a == "--messages") {
      const auto v = value();
      if (!v) return std::nullopt;
      char* end = nullptr;
      const long n = std::strtol(v->c_str(), &end, 10);
      if (*end || n < 1 || (a == "--repeat" && n > 100)) {
        std::cerr << "coach-bench: bad " << a << " '" << *v << "'\n";
        return std::nullopt;
      }
      if (a == "--repeat") o.repeat = static_cast<int>(n);
      else o.messages = static_cast<std::size_t>(n);
    } else if (a == "--rules" || a == "--locales" || a == "--dict" || a == "--dump-corpus" ||
               a == "--cold-start-child") {
      const auto v = value();
      if (!v) return std::nullopt;
      (a == "--rules" ? o.rules_dir : a == "--locales" ? o.locales_dir : a == "--dict" ? o.dict_dir
                       : a == "--dump-corpus"           ? o.dump_corpus
                                                        : o.cold_child) = *v;
    } else {
      std::cerr << "coach-bench: unknown option '" << a << "'\n" << kHelp;
      return std::nullopt;
    }
  }
  return o;
}

int dump_corpus(const Options& o) {
  const bench::Language& lang = bench::language(o.dump_corpus);
  for (std::size_t i = 0; i < corpus_size(o); ++i) {
    const coach::Message m = bench::corpus_message(lang, 42, i);
    std::cout << json{{"id", m.id}, {"role", coach::to_string(m.role)}, {"channel", coach::to_string(m.channel)},
                      {"text", m.text}}
                     .dump()
              << "\n";
  }
  return 0;
}

int run(const Options& o) {
  // Cold start first, in fresh child processes, before this process has touched ICU or Hunspell.
  std::vector<LocaleResult> results;
  for (const std::string& locale : o.locales) {
    LocaleResult r;
    r.locale = locale;
    r.rules = rule_counts(o, locale);
    const int cold_runs = o.quick ? 1 : std::max(3, o.repeat);
    for (int i = 0; i < cold_runs; ++i) {
      if (const auto c = cold_start_in_child(o, locale)) {
        r.cold_ms.push_back(c->ms);
        r.cold_rss_mib.push_back(c->rss_mib);
      } else {
        r.cold_in_child = false;
        break;
      }
    }
    results.push_back(std::move(r));
  }

  // Both engines, always: peak memory is "with both locales loaded". The first creation in this
  // process stands in for the cold start when a child could not be run.
  std::shared_ptr<const coach::Engine> engines[2];
  const char* all_locales[2] = {"nl", "en"};
  double create_ms[2] = {0, 0};
  for (int i = 0; i < 2; ++i) {
    const auto t0 = Clock::now();
    engines[i] = coach::Engine::create(engine_options(o, all_locales[i]));
    create_ms[i] = ms_since(t0);
  }
  const double rss_loaded = proc_status_mib("VmHWM:");
  for (auto& r : results) {
    const int i = r.locale == "nl" ? 0 : 1;
    r.create_in_process_ms = create_ms[i];
    if (!r.cold_in_child) r.cold_ms = {create_ms[i]};
  }

  // Keystrokes first (the caches are as cold as a fresh session on a fresh engine can be), then
  // labelling.
  for (auto& r : results) measure_keystrokes(engines[r.locale == "nl" ? 0 : 1], o, r);
  for (auto& r : results) {
    const auto& engine = *engines[r.locale == "nl" ? 0 : 1];
    for (int run = 0; run < o.repeat; ++run)
      r.label_runs.push_back(label_corpus(engine, bench::language(r.locale), corpus_size(o)));
  }
  const double peak_rss = proc_status_mib("VmHWM:");
  const double rss_now = proc_status_mib("VmRSS:");

  json meta = {{"engine_version", coach::version()},
               {"build_type", std::string(COACH_BENCH_BUILD_TYPE).empty() ? "none" : COACH_BENCH_BUILD_TYPE},
               {"cpu", cpu_model()},
               {"cpus", static_cast<long>(sysconf(_SC_NPROCESSORS_ONLN))},
               {"quick", o.quick},
               {"repeat", o.repeat},
               {"corpus_messages", corpus_size(o)},
               {"conversation_turns", kConversationTurns},
               {"data_dir", coach::default_data_dir()}};
  const auto targets = targets_of(results, peak_rss);
  bool all_pass = true;
  for (const Target& t : targets) all_pass &= t.pass();

  if (!o.json) {
    print_table(results, meta, peak_rss, rss_loaded, targets);
    return o.strict && !all_pass ? 1 : 0;
  }

  // Top-level figures: the 300-word e-mail of the first locale measured (nl unless --locale en).
  const LocaleResult& head = results.front();
  const Stats k = summarise(head.email.keystroke_us), f = summarise(head.email.floor_us);
  json out = {{"locale", head.locale},
              {"keystroke_p50_us", k.p50},
              {"keystroke_p99_us", k.p99},
              {"keystroke_max_us", k.max},
              {"floor_p50_us", f.p50},
              {"floor_p99_us", f.p99},
              {"floor_max_us", f.max},
              {"keystroke_floor_ratio", f.p99 > 0 ? k.p99 / f.p99 : 0.0},
              {"keystroke_floor_ratio_p50", f.p50 > 0 ? k.p50 / f.p50 : 0.0},
              {"label_msgs_per_s", head.label_rate()},
              {"cold_start_ms", head.cold_start_ms()},
              {"peak_rss_mib", peak_rss},
              {"rss_after_load_mib", rss_loaded},
              {"rss_end_mib", rss_now},
              {"meta", meta}};
  json locales = json::object();
  for (const auto& r : results) {
    std::size_t words = 0, messages = 0, matches = 0;
    for (const auto& run : r.label_runs) words += run.words, messages += run.messages, matches += run.matches;
    locales[r.locale] = {
        {"rules", r.rules},
        {"cold_start_ms", r.cold_start_ms()},
        {"cold_start_runs_ms", r.cold_ms},
        {"cold_start_in_child", r.cold_in_child},
        {"rss_after_create_mib", median(r.cold_rss_mib)},
        {"create_in_process_ms", r.create_in_process_ms},
        {"label", {{"msgs_per_s", r.label_rate()},
                   {"runs_msgs_per_s", r.label_rates()},
                   {"messages_per_run", r.label_runs.empty() ? 0 : r.label_runs.front().messages},
                   {"words_per_message", messages ? double(words) / double(messages) : 0.0},
                   {"matches_per_message", messages ? double(matches) / double(messages) : 0.0}}},
        {"drafts", {{r.email.name, draft_json(r.email)}, {r.chat.name, draft_json(r.chat)}}}};
  }
  out["locales"] = locales;
  json tj = json::array();
  for (const Target& t : targets)
    tj.push_back({{"target", t.name}, {"locale", t.locale}, {"value", t.value}, {"limit", t.limit},
                  {"at_most", t.at_most}, {"unit", t.unit}, {"pass", t.pass()}});
  out["targets"] = tj;
  out["all_targets_pass"] = all_pass;
  std::cout << out.dump(2) << "\n";
  return o.strict && !all_pass ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  const auto options = parse(argc, argv);
  if (!options) return 2;
  try {
    if (!options->cold_child.empty()) return run_cold_child(*options);
    if (!options->dump_corpus.empty()) return dump_corpus(*options);
    return run(*options);
  } catch (const std::exception& e) {
    std::cerr << "coach-bench: " << e.what() << "\n";
    return 2;
  }
}
