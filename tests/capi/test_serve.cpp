// `coach serve` round trips: JSON-RPC lines piped into build/bin/coach serve.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <vector>

using nlohmann::json;

namespace {

struct Run {
  int exit_code = -1;
  std::vector<json> replies;  // stdout, one JSON value per line
  std::string stdout_text;
  std::string stderr_text;
};

// Writes `input` to a file, runs `coach serve ARGS < file`, and parses every output line unless
// `raw` (for --help).
Run serve(const std::string& input, const std::string& args = "", bool raw = false) {
#ifndef COACH_CLI_PATH
  (void)input;
  (void)args;
  (void)raw;
  MESSAGE("the coach_cli target is not part of this build");
  std::exit(77);  // skipped
#else
  static int counter = 0;
  const std::string base = std::string(COACH_TEST_WORK_DIR) + "/serve" + std::to_string(++counter);
  {
    std::ofstream in(base + ".in", std::ios::binary);
    in << input;
  }
  const std::string command = std::string("'") + COACH_CLI_PATH + "' serve " + args + " < '" +
                              base + ".in' > '" + base + ".out' 2> '" + base + ".err'";
  const int status = std::system(command.c_str());
  Run run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  std::ifstream out(base + ".out", std::ios::binary);
  std::string line;
  while (std::getline(out, line)) {
    run.stdout_text += line + "\n";
    if (raw) continue;
    INFO("reply line: " << line);
    REQUIRE_NOTHROW(run.replies.push_back(json::parse(line)));
  }
  std::ifstream err(base + ".err", std::ios::binary);
  std::stringstream text;
  text << err.rdbuf();
  run.stderr_text = text.str();
  return run;
#endif
}

std::string request(const json& id, const std::string& method, const json& params = nullptr) {
  json r = {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}};
  if (!params.is_null()) r["params"] = params;
  return r.dump() + "\n";
}

const json& result_of(const json& reply) {
  INFO("reply " << reply.dump());
  REQUIRE(reply.at("jsonrpc") == "2.0");
  REQUIRE(reply.contains("result"));
  return reply.at("result");
}

int error_code(const json& reply) {
  INFO("reply " << reply.dump());
  REQUIRE(reply.at("jsonrpc") == "2.0");
  REQUIRE(reply.contains("error"));
  return reply.at("error").at("code").get<int>();
}

}  // namespace

TEST_SUITE("serve") {

TEST_CASE("a conversation round trip") {
  const std::string client = "Ik zie het niet meer zitten. Ik wil niet meer leven.";
  std::string in;
  in += request(1, "engine.version");
  in += request(2, "session.new", {{"channel", "chat"}});
  in += request(3, "session.add_message",
                {{"session", "s1"}, {"role", "client"}, {"text", client}, {"time", "21:40"}});
  in += request(4, "session.set_draft", {{"session", "s1"}, {"text", "Wat vervelend"}});
  in += request(5, "session.edit_draft",
                {{"session", "s1"}, {"start", 13}, {"old_end", 13}, {"text", " voor je."}});
  in += request(6, "session.report", {{"session", "s1"}});
  in += request(7, "session.snooze", {{"session", "s1"}, {"nudge", "crisis"}, {"turns", 2}});
  in += request(8, "session.dismiss", {{"session", "s1"}, {"nudge", "crisis"}});
  in += request(9, "session.report", {{"session", "s1"}});
  in += request(10, "session.reset", {{"session", "s1"}});
  in += request("eleven", "session.report", {{"session", "s1"}});
  in += request(12, "label",
                {{"message", {{"id", "m7"}, {"role", "counsellor"},
                              {"text", "Begrijp ik het goed dat je je alleen voelt?"}}}});
  in += request(13, "session.free", {{"session", "s1"}});
  in += request(14, "session.report", {{"session", "s1"}});

  const Run run = serve(in);
  CHECK(run.exit_code == 0);
  CHECK(run.stderr_text.empty());
  REQUIRE(run.replies.size() == 14);
  for (std::size_t i = 0; i < run.replies.size(); ++i) {
    if (i == 10) CHECK(run.replies[i].at("id") == "eleven");
    else CHECK(run.replies[i].at("id") == i + 1);
  }

  const json& version = result_of(run.replies[0]);
  CHECK(version.at("version") == COACH_PROJECT_VERSION);
  CHECK(version.at("locale") == "nl");
  CHECK(result_of(run.replies[1]) == json{{"session", "s1"}});
  CHECK(result_of(run.replies[2]).at("index") == 0);
  CHECK(result_of(run.replies[2]).at("practices").is_array());
  CHECK(result_of(run.replies[3]) == json{{"length", 13}});
  CHECK(result_of(run.replies[4]) == json{{"length", 22}});

  const json& report = result_of(run.replies[5]);
  REQUIRE(!report.at("nudges").empty());
  CHECK(report.at("nudges")[0].at("id") == "crisis");
  CHECK(report.at("checklist").size() == 5);
  CHECK(report.contains("phase"));

  CHECK(error_code(run.replies[6]) == 1);  // a crisis cannot be snoozed
  CHECK(result_of(run.replies[7]) == json::object());
  const json& after = result_of(run.replies[8]);
  REQUIRE(!after.at("nudges").empty());
  CHECK(after.at("nudges")[0].at("id") == "crisis");
  CHECK(after.at("nudges")[0].at("acknowledged") == true);
  CHECK(result_of(run.replies[9]) == json::object());
  for (const auto& n : result_of(run.replies[10]).at("nudges")) CHECK(n.at("id") != "crisis");

  const json& label = result_of(run.replies[11]);
  CHECK(label.at("id") == "m7");
  const json& practices = label.at("practices");
  CHECK(std::find(practices.begin(), practices.end(), "verify_interpretation") != practices.end());

  CHECK(result_of(run.replies[12]) == json::object());
  CHECK(error_code(run.replies[13]) == 1);
  CHECK(run.replies[13].at("error").at("message") == "unknown session \"s1\"");
}

TEST_CASE("protocol errors") {
  std::string in;
  in += "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \n";                           // 1: parse
  in += "\n";                                                                        // blank: skipped
  in += "[]\n";                                                                      // 3: empty batch
  in += "42\n";                                                                      // 4: not an object
  in += "{\"jsonrpc\": \"1.0\", \"id\": 5, \"method\": \"engine.version\"}\n";       // 5
  in += "{\"jsonrpc\": \"2.0\", \"id\": 6, \"method\": 7}\n";                        // 6
  in += request(7, "no.such.method");                                                // 7
  in += request(8, "session.report");                                                // 8: missing
  in += request(9, "session.report", {{"session", 9}});                              // 9: type
  in += request(10, "session.report", {{"sesion", "s1"}});                           // 10: unknown
  in += request(11, "session.snooze", {{"session", "s1"}, {"nudge", "x"}, {"turns", 0}});
  in += request(12, "session.edit_draft",
                {{"session", "s1"}, {"start", -1}, {"old_end", 0}, {"text", ""}});
  in += "{\"jsonrpc\": \"2.0\", \"method\": \"session.new\"}\n";                     // notification
  in += "{\"jsonrpc\": \"2.0\", \"method\": \"no.such.method\"}\n";                  // notification
  in += "[" + json{{"jsonrpc", "2.0"}, {"id", 15}, {"method", "session.new"}}.dump() + ", 1, " +
        json{{"jsonrpc", "2.0"}, {"method", "session.new"}}.dump() + "]\n";          // batch
  in += request(16, "session.edit_draft",
                {{"session", "s2"}, {"start", 0}, {"old_end", 5}, {"text", "x"}});   // range
  in += "\xff\xfe garbage\n";                                                        // 17: parse
  in += std::string(10000, '[') + std::string(10000, ']') + "\n";                    // 18: deep
  in += request(19, "session.add_message", {{"session", "s2"}, {"role", "client"}});
  in += request(20, "label", {{"message", {{"text", "x"}}}});
  in += request(21, "session.new", json::array());                                   // [] ok
  in += request(22, "session.new", json::array({"chat"}));                           // positional
  in += "{\"jsonrpc\": \"2.0\", \"id\": {\"a\": 1}, \"method\": \"engine.version\"}\n";

  const Run run = serve(in);
  CHECK(run.exit_code == 0);
  CHECK(run.stderr_text.empty());
  REQUIRE(run.replies.size() == 20);
  const auto& r = run.replies;
  std::size_t i = 0;

  CHECK(error_code(r[i]) == -32700);
  CHECK(r[i].at("id").is_null());
  CHECK(r[i].at("error").at("message") == "parse error at line 1, column 39");
  CHECK(r[i].at("error").at("data").at("line") == 1);
  ++i;
  CHECK(error_code(r[i++]) == -32600);  // []
  CHECK(error_code(r[i++]) == -32600);  // 42
  CHECK(error_code(r[i]) == -32600);
  CHECK(r[i++].at("id") == 5);
  CHECK(error_code(r[i++]) == -32600);
  CHECK(error_code(r[i]) == -32601);
  CHECK(r[i++].at("error").at("message") == "method not found: \"no.such.method\"");
  CHECK(error_code(r[i]) == -32602);
  CHECK(r[i].at("error").at("message") == "invalid params: \"session\" is missing");
  CHECK(r[i++].at("error").at("data").at("param") == "session");
  CHECK(error_code(r[i]) == -32602);
  CHECK(r[i++].at("error").at("message") == "invalid params: \"session\" must be a string");
  CHECK(error_code(r[i]) == -32602);
  CHECK(r[i++].at("error").at("message") ==
        "invalid params: \"sesion\" is not a param of this method");
  // Params are checked before the (unknown) session is looked up.
  CHECK(error_code(r[i]) == -32602);
  CHECK(r[i++].at("error").at("message") == "invalid params: \"turns\" must be at least 1");
  CHECK(error_code(r[i]) == -32602);
  CHECK(r[i++].at("error").at("data").at("param") == "start");

  // The batch: one reply for the request, one for the bad element, none for the notification.
  REQUIRE(r[i].is_array());
  REQUIRE(r[i].size() == 2);
  CHECK(result_of(r[i][0]).at("session") == "s2");  // s1 was the notification
  CHECK(error_code(r[i][1]) == -32600);
  ++i;
  CHECK(error_code(r[i]) == 1);
  CHECK(r[i++].at("error").at("message") == "edit end 5 is past the end of the draft (0 bytes)");
  CHECK(error_code(r[i++]) == -32700);
  CHECK(error_code(r[i++]) == -32600);  // too deep
  CHECK(error_code(r[i]) == -32602);
  CHECK(r[i++].at("error").at("message") == "invalid params: \"text\" is missing");
  CHECK(error_code(r[i]) == -32602);
  CHECK(r[i++].at("error").at("message") ==
        "invalid params: missing 'role' (counsellor or client)");
  CHECK(result_of(r[i++]).at("session") == "s4");  // s3 was the batch's notification
  CHECK(error_code(r[i++]) == -32602);
  CHECK(error_code(r[i]) == -32600);
  CHECK(r[i++].at("id").is_null());
  CHECK(i == r.size());
}

TEST_CASE("edits must not split characters") {
  std::string in;
  in += request(1, "session.new");
  in += request(2, "session.set_draft", {{"session", "s1"}, {"text", "hé"}});
  in += request(3, "session.edit_draft",
                {{"session", "s1"}, {"start", 2}, {"old_end", 2}, {"text", "x"}});
  in += request(4, "session.edit_draft",
                {{"session", "s1"}, {"start", 1}, {"old_end", 3}, {"text", "e"}});
  const Run run = serve(in);
  REQUIRE(run.replies.size() == 4);
  CHECK(error_code(run.replies[2]) == 1);
  CHECK(run.replies[2].at("error").at("message") == "edit start 2 splits a utf-8 character");
  CHECK(result_of(run.replies[3]) == json{{"length", 2}});
}

TEST_CASE("mutated requests never crash it") {
  // Valid requests with bytes flipped, dropped, duplicated or cut: every reply must still be
  // one JSON line, and the server must reach the end of its input.
  std::vector<std::string> seeds = {
      request(1, "session.new", {{"channel", "email"}}),
      request(2, "session.add_message",
              {{"session", "s1"}, {"role", "client"}, {"text", "Ik wil niet meer leven. Één €"}}),
      request(3, "session.set_draft", {{"session", "s1"}, {"text", "Klopt dat?"}}),
      request(4, "session.edit_draft",
              {{"session", "s1"}, {"start", 5}, {"old_end", 10}, {"text", "het? 😀"}}),
      request(5, "session.report", {{"session", "s1"}}),
      request(6, "session.snooze", {{"session", "s1"}, {"nudge", "crisis"}, {"turns", 1}}),
      request(7, "label", {{"message", {{"role", "counsellor"}, {"text", "Heb je hier iets aan?"}}}}),
      request(8, "session.reset", {{"session", "s1"}}),
  };
  std::mt19937 rng(1913);
  const std::string alphabet = "{}[]\":,0-9eE.+- \\ntrufalsnul\x00\xC3\xA9\xFF\x80";
  std::string in;
  for (const std::string& seed : seeds) in += seed;  // a valid session first, so state is used
  for (int i = 0; i < 400; ++i) {
    std::string line = seeds[std::uniform_int_distribution<std::size_t>(0, seeds.size() - 1)(rng)];
    line.pop_back();  // the newline
    for (int k = std::uniform_int_distribution<int>(1, 4)(rng); k > 0 && !line.empty(); --k) {
      const std::size_t at = std::uniform_int_distribution<std::size_t>(0, line.size() - 1)(rng);
      switch (std::uniform_int_distribution<int>(0, 3)(rng)) {
        case 0: line[at] = alphabet[std::uniform_int_distribution<std::size_t>(0, alphabet.size() - 1)(rng)]; break;
        case 1: line.erase(at, 1); break;
        case 2: line.insert(at, line.substr(at, 3)); break;
        default: line.resize(at); break;
      }
    }
    for (char& c : line)
      if (c == '\n') c = ' ';
    in += line + "\n";
  }
  const Run run = serve(in);
  CHECK(run.exit_code == 0);
  CHECK(run.stderr_text.empty());
  CHECK(run.replies.size() >= seeds.size());  // every line parsed as JSON in serve()
  for (const json& reply : run.replies) {
    const json& one = reply.is_array() ? reply.at(0) : reply;
    CHECK(one.at("jsonrpc") == "2.0");
    CHECK((one.contains("result") != one.contains("error")));
  }
}

TEST_CASE("command line") {
  Run help = serve("", "--help", true);
  CHECK(help.exit_code == 0);
  CHECK(help.stdout_text.find("session.edit_draft") != std::string::npos);
  Run bad = serve("", "--no-such-option");
  CHECK(bad.exit_code == 2);
  CHECK(bad.stderr_text.find("--no-such-option") != std::string::npos);
  Run locale = serve(request(1, "engine.version"), "--locale en");
  CHECK(locale.exit_code == 0);
  REQUIRE(locale.replies.size() == 1);
  CHECK(result_of(locale.replies[0]).at("locale") == "en");
  Run missing = serve("", "--rules /nonexistent/coach-rules");
  CHECK(missing.exit_code == 2);
  CHECK(missing.stderr_text.find("/nonexistent/coach-rules") != std::string::npos);
  Run empty = serve("");
  CHECK(empty.exit_code == 0);
  CHECK(empty.replies.empty());
}

}  // TEST_SUITE
