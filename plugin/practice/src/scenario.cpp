#include <coach/engine.hpp>
#include <coach/practice/scenario.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <initializer_list>
#include <regex>
#include <set>
#include <sstream>
#include <unordered_map>

namespace coach::practice {
namespace {

using nlohmann::json;

// Byte offset of every value by JSON pointer (nlohmann keeps no positions); runs on text that
// nlohmann already accepted.
class OffsetScanner {
 public:
  OffsetScanner(std::string_view text, std::unordered_map<std::string, std::size_t>& out) : text_(text), out_(out) {}
  void run() { value(""); }

 private:
  void space() {
    while (pos_ < text_.size() && std::string_view(" \t\r\n").find(text_[pos_]) != std::string_view::npos) ++pos_;
  }
  std::string token() {
    std::string s;
    ++pos_;
    while (pos_ < text_.size() && text_[pos_] != '"') {
      if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) { s += text_[pos_ + 1]; pos_ += 2; continue; }
      s += text_[pos_++];
    }
    ++pos_;
    return s;
  }
  static std::string escape(const std::string& key) {
    std::string out;
    for (char c : key) out += c == '~' ? std::string("~0") : c == '/' ? std::string("~1") : std::string(1, c);
    return out;
  }
  void value(const std::string& pointer) {
    space();
    if (pos_ >= text_.size()) return;
    out_[pointer] = pos_;
    const char c = text_[pos_];
    if (c == '{' || c == '[') {
      const char close = c == '{' ? '}' : ']';
      ++pos_;
      space();
      if (pos_ < text_.size() && text_[pos_] == close) { ++pos_; return; }
      for (std::size_t index = 0; pos_ < text_.size(); ++index) {
        space();
        if (c == '{') {
          const std::string key = token();
          space();
          ++pos_;  // ':'
          value(pointer + "/" + escape(key));
        } else {
          value(pointer + "/" + std::to_string(index));
        }
        space();
        if (pos_ < text_.size() && text_[pos_] == ',') { ++pos_; continue; }
        ++pos_;
        return;
      }
    } else if (c == '"') {
      token();
    } else {
      while (pos_ < text_.size() && std::string_view(",]} \t\r\n").find(text_[pos_]) == std::string_view::npos) ++pos_;
    }
  }
  std::string_view text_;
  std::unordered_map<std::string, std::size_t>& out_;
  std::size_t pos_ = 0;
};

std::pair<int, int> line_column(std::string_view text, std::size_t offset) {
  int line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') { ++line; column = 1; }
    else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  }
  return {line, column};
}

bool valid_utf8(std::string_view s, std::size_t& bad) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
    if (n < 0 || i + n >= s.size() + (n == 0 ? 1 : 0)) { bad = i; return false; }
    for (int k = 1; k <= n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) { bad = i; return false; }
    i += n + 1;
  }
  return true;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// Reads one scenario file, collecting every problem with its place.
class Reader {
 public:
  Reader(std::string_view text, std::string name) : text_(text), name_(std::move(name)) {}

  Scenario read() {
    Scenario s;
    s.file = name_;
    std::size_t bad = 0;
    if (!valid_utf8(text_, bad)) {
      at_offset(bad, "invalid UTF-8");
      throw ScenarioError(problems_);
    }
    json root;
    try {
      root = json::parse(text_);
    } catch (const json::parse_error& e) {
      std::string what = e.what();
      const std::size_t colon = what.find(": ", what.find("parse error"));
      if (colon != std::string::npos) what = what.substr(colon + 2);
      at_offset(e.byte > 0 ? e.byte - 1 : 0, "invalid JSON: " + what);
      throw ScenarioError(problems_);
    }
    OffsetScanner(text_, offsets_).run();
    if (!root.is_object()) {
      error("", "a scenario must be a JSON object");
      throw ScenarioError(problems_);
    }
    keys(root, "", {"id", "locale", "title", "topic", "channel", "brief", "seed", "max_turns", "opening", "start",
                    "out_of_time", "anywhere", "states", "note"});
    if (auto v = string(root, "", "id", true)) {
      s.id = *v;
      if (!std::regex_match(s.id, std::regex("[a-z0-9][a-z0-9_-]*")))
        error("/id", "'id' must be lower-case letters, digits, '-' and '_' (such as \"nl-schulden\")");
    }
    if (auto v = one_of(root, "", "locale", {"nl", "en"}, true)) s.locale = *v;
    if (auto v = string(root, "", "title", true)) s.title = *v;
    if (auto v = string(root, "", "topic", true)) s.topic = *v;
    if (auto v = string(root, "", "brief", true)) s.brief = *v;
    if (auto v = one_of(root, "", "channel", {"chat", "email"}, false)) s.channel = *parse_channel(*v);
    if (auto v = integer(root, "", "seed", 0, 1'000'000'000)) s.seed = static_cast<std::uint64_t>(*v);
    if (auto v = integer(root, "", "max_turns", 1, 200)) s.max_turns = *v;
    if (auto v = string_list(root, "", "opening", true)) s.opening = *v;
    if (auto v = string(root, "", "start", false)) s.start = *v;
    if (auto v = string(root, "", "out_of_time", false)) s.out_of_time = *v;
    if (root.contains("anywhere")) s.anywhere = transitions(root["anywhere"], "/anywhere", "");

    const auto states = root.find("states");
    if (states == root.end()) {
      error("", "missing required key 'states'");
    } else if (!states->is_object() || states->empty()) {
      error("/states", "'states' must be a non-empty object of states by id");
    } else {
      for (auto it = states->begin(); it != states->end(); ++it) {
        State st = state(it.key(), it.value(), "/states/" + it.key());
        s.states.emplace(st.id, std::move(st));
      }
      references(s);
    }
    if (!problems_.empty()) throw ScenarioError(problems_);
    return s;
  }

 private:
  std::string where(const std::string& pointer) const {
    std::string p = pointer;
    while (true) {
      if (const auto it = offsets_.find(p); it != offsets_.end()) {
        const auto [line, column] = line_column(text_, it->second);
        return name_ + ":" + std::to_string(line) + ":" + std::to_string(column);
      }
      const std::size_t slash = p.rfind('/');
      if (slash == std::string::npos) return name_ + ":1:1";
      p = p.substr(0, slash);
    }
  }
  void error(const std::string& pointer, const std::string& message) {
    problems_.push_back(where(pointer) + ": error: " + context_ + message);
  }
  void at_offset(std::size_t offset, const std::string& message) {
    const auto [line, column] = line_column(text_, offset);
    problems_.push_back(name_ + ":" + std::to_string(line) + ":" + std::to_string(column) + ": error: " + message);
  }

  void keys(const json& object, const std::string& pointer, std::initializer_list<const char*> allowed) {
    std::vector<std::string> list(allowed.begin(), allowed.end());
    for (auto it = object.begin(); it != object.end(); ++it)
      if (std::find(list.begin(), list.end(), it.key()) == list.end())
        error(pointer + "/" + it.key(), "unknown key '" + it.key() + "' (allowed: " + join(list) + ")");
  }
  std::optional<std::string> string(const json& object, const std::string& pointer, const char* key, bool required) {
    const auto it = object.find(key);
    if (it == object.end()) {
      if (required) error(pointer, std::string("missing required key '") + key + "'");
      return std::nullopt;
    }
    if (!it->is_string() || it->get_ref<const std::string&>().empty()) {
      error(pointer + "/" + key, std::string("'") + key + "' must be a non-empty string");
      return std::nullopt;
    }
    return it->get<std::string>();
  }
  std::optional<std::string> one_of(const json& object, const std::string& pointer, const char* key,
                                    std::initializer_list<const char*> allowed, bool required) {
    auto v = string(object, pointer, key, required);
    if (!v) return std::nullopt;
    std::vector<std::string> list(allowed.begin(), allowed.end());
    if (std::find(list.begin(), list.end(), *v) != list.end()) return v;
    error(pointer + "/" + key, std::string("'") + key + "' must be one of [" + join(list) + "], not '" + *v + "'");
    return std::nullopt;
  }
  std::optional<int> integer(const json& object, const std::string& pointer, const char* key, int min, int max) {
    const auto it = object.find(key);
    if (it == object.end()) return std::nullopt;
    if (!it->is_number_integer() || it->get<long long>() < min || it->get<long long>() > max) {
      error(pointer + "/" + key, std::string("'") + key + "' must be a whole number from " + std::to_string(min) +
                                     " to " + std::to_string(max));
      return std::nullopt;
    }
    return static_cast<int>(it->get<long long>());
  }
  std::optional<std::vector<std::string>> string_list(const json& object, const std::string& pointer,
                                                      const char* key, bool required) {
    const auto it = object.find(key);
    if (it == object.end()) {
      if (required) error(pointer, std::string("missing required key '") + key + "'");
      return std::nullopt;
    }
    const std::string here = pointer + "/" + key;
    if (!it->is_array() || it->empty()) {
      error(here, std::string("'") + key + "' must be a non-empty list of strings");
      return std::nullopt;
    }
    std::vector<std::string> out;
    for (std::size_t i = 0; i < it->size(); ++i) {
      const json& item = (*it)[i];
      if (!item.is_string() || item.get_ref<const std::string&>().empty()) {
        error(here + "/" + std::to_string(i), std::string("'") + key + "' must contain only non-empty strings");
        return std::nullopt;
      }
      out.push_back(item.get<std::string>());
    }
    return out;
  }
  std::vector<std::string> ids(const json& object, const std::string& pointer, const char* key) {
    auto list = string_list(object, pointer, key, false);
    if (!list) return {};
    for (std::size_t i = 0; i < list->size(); ++i)
      if (!is_condition_id((*list)[i]))
        error(pointer + "/" + key + "/" + std::to_string(i),
              "unknown practice '" + (*list)[i] + "' in '" + key + "' (a practice id of CONTRACT.md or a signal: closing, greeting, isolation, listening_only)");
    return *list;
  }

  Condition condition(const json& when, const std::string& pointer) {
    Condition c;
    if (!when.is_object()) {
      error(pointer, "'when' must be an object of conditions");
      return c;
    }
    keys(when, pointer, {"any", "all", "none", "seen", "not_yet", "visited", "not_visited", "min_turn", "max_turn"});
    c.any = ids(when, pointer, "any");
    c.all = ids(when, pointer, "all");
    c.none = ids(when, pointer, "none");
    c.seen = ids(when, pointer, "seen");
    c.not_yet = ids(when, pointer, "not_yet");
    if (auto v = string_list(when, pointer, "visited", false)) {
      c.visited = *v;
      for (std::size_t i = 0; i < v->size(); ++i) state_refs_.push_back({pointer + "/visited/" + std::to_string(i), (*v)[i], context_});
    }
    if (auto v = string_list(when, pointer, "not_visited", false)) {
      c.not_visited = *v;
      for (std::size_t i = 0; i < v->size(); ++i) state_refs_.push_back({pointer + "/not_visited/" + std::to_string(i), (*v)[i], context_});
    }
    if (auto v = integer(when, pointer, "min_turn", 1, 200)) c.min_turn = *v;
    if (auto v = integer(when, pointer, "max_turn", 1, 200)) c.max_turn = *v;
    return c;
  }

  std::vector<Transition> transitions(const json& list, const std::string& pointer, const std::string& from) {
    std::vector<Transition> out;
    if (!list.is_array()) {
      error(pointer, "transitions must be a list of {\"when\": ..., \"to\": ...}");
      return out;
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string here = pointer + "/" + std::to_string(i);
      const json& t = list[i];
      if (!t.is_object()) {
        error(here, "a transition must be an object {\"when\": ..., \"to\": ...}");
        continue;
      }
      keys(t, here, {"when", "to", "note"});
      Transition tr;
      if (const auto w = t.find("when"); w != t.end()) tr.when = condition(*w, here + "/when");
      if (auto v = string(t, here, "to", true)) {
        tr.to = *v;
        state_refs_.push_back({here + "/to", *v, context_});
      }
      if (auto v = string(t, here, "note", false)) tr.note = *v;
      (void)from;
      out.push_back(std::move(tr));
    }
    return out;
  }

  State state(const std::string& id, const json& value, const std::string& pointer) {
    State st;
    st.id = id;
    context_ = "state " + id + ": ";
    if (!std::regex_match(id, std::regex("[a-z0-9_]+")))
      error(pointer, "a state id must be lower-case letters, digits and '_'");
    if (!value.is_object()) {
      error(pointer, "a state must be an object with 'replies'");
      context_.clear();
      return st;
    }
    keys(value, pointer, {"replies", "transitions", "fallback", "ending", "note"});
    if (const auto r = value.find("replies"); r == value.end()) {
      error(pointer, "missing required key 'replies'");
    } else if (!r->is_array() || r->empty()) {
      error(pointer + "/replies", "'replies' must be a non-empty list (each a text, or a list of texts sent one after the other)");
    } else {
      for (std::size_t i = 0; i < r->size(); ++i) {
        const json& item = (*r)[i];
        const std::string here = pointer + "/replies/" + std::to_string(i);
        std::vector<std::string> texts;
        if (item.is_string() && !item.get_ref<const std::string&>().empty()) texts.push_back(item.get<std::string>());
        else if (item.is_array() && !item.empty() &&
                 std::all_of(item.begin(), item.end(), [](const json& x) { return x.is_string() && !x.get_ref<const std::string&>().empty(); }))
          for (const auto& x : item) texts.push_back(x.get<std::string>());
        else {
          error(here, "a reply must be a non-empty text or a non-empty list of texts");
          continue;
        }
        st.replies.push_back(std::move(texts));
      }
    }
    if (value.contains("transitions")) st.transitions = transitions(value["transitions"], pointer + "/transitions", id);
    if (auto v = string(value, pointer, "fallback", false)) {
      st.fallback = *v;
      state_refs_.push_back({pointer + "/fallback", *v, context_});
    }
    if (auto v = one_of(value, pointer, "ending", {"good", "neutral", "poor"}, false)) st.ending = *v;
    if (auto v = string(value, pointer, "note", false)) st.note = *v;
    if (!st.ending.empty() && (value.contains("transitions") || value.contains("fallback")))
      error(pointer + "/ending", "an ending state has no 'transitions' or 'fallback': the conversation stops there");
    context_.clear();
    return st;
  }

  void references(const Scenario& s) {
    std::vector<std::string> names;
    for (const auto& [id, st] : s.states) names.push_back(id);
    for (const auto& ref : state_refs_) {
      if (s.states.count(ref.target)) continue;
      const std::string saved = context_;
      context_ = ref.context;
      error(ref.pointer, "no state '" + ref.target + "' (states: " + join(names) + ")");
      context_ = saved;
    }
    if (!s.states.count(s.start)) error(offsets_.count("/start") ? "/start" : "/states", "no start state '" + s.start + "' (states: " + join(names) + ")");
    if (!s.out_of_time.empty()) {
      if (!s.states.count(s.out_of_time)) error("/out_of_time", "no state '" + s.out_of_time + "' (states: " + join(names) + ")");
      else if (s.states.at(s.out_of_time).ending.empty()) error("/out_of_time", "'out_of_time' must name an ending state");
    }
    if (!s.states.count(s.start)) return;
    if (!s.states.at(s.start).ending.empty()) error("/start", "the start state cannot be an ending");
    // Every state can be reached from the start; some ending can be reached.
    std::set<std::string> reached = {s.start};
    std::vector<std::string> todo = {s.start};
    auto add = [&](const std::string& id) {
      if (s.states.count(id) && reached.insert(id).second) todo.push_back(id);
    };
    for (const auto& t : s.anywhere) add(t.to);
    if (!s.out_of_time.empty()) add(s.out_of_time);
    while (!todo.empty()) {
      const State& st = s.states.at(todo.back());
      todo.pop_back();
      for (const auto& t : st.transitions) add(t.to);
      if (!st.fallback.empty()) add(st.fallback);
    }
    bool ending = false;
    for (const auto& [id, st] : s.states) {
      if (!reached.count(id)) error("/states/" + id, "state " + id + ": cannot be reached from '" + s.start + "'");
      else ending |= !st.ending.empty();
    }
    if (!ending) error("/states", "no ending state can be reached: give some state an 'ending'");
  }

  struct Ref {
    std::string pointer, target, context;
  };
  std::string_view text_;
  std::string name_;
  std::unordered_map<std::string, std::size_t> offsets_;
  std::vector<std::string> problems_;
  std::vector<Ref> state_refs_;
  std::string context_;
};

}  // namespace

ScenarioError::ScenarioError(std::vector<std::string> problems)
    : Error(Code::invalid_argument,
            [&] {
              std::string all;
              for (const auto& p : problems) all += (all.empty() ? "" : "\n") + p;
              return all;
            }()),
      problems_(std::move(problems)) {}

bool is_condition_id(std::string_view id) {
  static const std::set<std::string_view> signals = {"closing", "greeting", "isolation", "listening_only"};
  return is_contract_practice(id) || signals.count(id) > 0;
}

Scenario parse_scenario(std::string_view text, const std::string& name) { return Reader(text, name).read(); }

Scenario load_scenario(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in || std::filesystem::is_directory(path)) throw ScenarioError({path + ": error: cannot open file"});
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return parse_scenario(buffer.str(), path);
}

std::vector<std::string> check_scenario(const std::string& path) {
  try {
    load_scenario(path);
    return {};
  } catch (const ScenarioError& e) {
    return e.problems();
  }
}

std::string default_scenarios_dir() {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("COACH_SCENARIOS_DIR"); env && *env) return env;
  const fs::path data = default_data_dir();
  if (fs::exists(data / "host-demo" / "scenarios")) return (data / "host-demo" / "scenarios").string();
  return (data / "scenarios").string();
}

std::vector<std::string> scenario_files(const std::string& dir) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file() && it->path().extension() == ".json") out.push_back(it->path().string());
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<std::string> find_scenario(const std::string& path_or_id) {
  namespace fs = std::filesystem;
  if (fs::is_regular_file(path_or_id)) return path_or_id;
  const fs::path shipped = fs::path(default_scenarios_dir()) / (path_or_id + ".json");
  if (path_or_id.find('/') == std::string::npos && fs::is_regular_file(shipped)) return shipped.string();
  return std::nullopt;
}

}  // namespace coach::practice
