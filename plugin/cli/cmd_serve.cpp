// `coach serve`: JSON-RPC 2.0 over stdin/stdout, one JSON value per line, mirroring the C API for
// hosts in other languages (a browser chat tool through a sidecar, a Python script, ...).
//
// It uses the engine's public C++ API. It never writes message text anywhere but the replies
// on stdout, and logs nothing while serving.
#include "commands.hpp"
#include "options.hpp"

#include "../capi/boundary.hpp"

#include <coach/engine.hpp>
#include <coach/json.hpp>
#include <coach/transcript.hpp>
#include <coach/types.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <initializer_list>
#include <iostream>
#include <map>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <utility>

namespace coach::cli {
namespace {

using nlohmann::json;
using coach::boundary::quote;

constexpr const char* kUsage =
    "usage: coach serve [--locale nl|en] [--rules DIR] [--locales DIR] [--dict DIR]\n"
    "\n"
    "JSON-RPC 2.0 over stdin/stdout, one request (or batch) per line, one reply per line.\n"
    "Methods (params by name):\n"
    "  engine.version                                   -> {version, locale}\n"
    "  session.new         {channel?: chat|email}       -> {session}\n"
    "  session.add_message {session, role, text, time?, id?}\n"
    "                                                   -> {index, practices, signals, matches}\n"
    "  session.set_draft   {session, text}              -> {length}\n"
    "  session.edit_draft  {session, start, old_end, text} -> {length}\n"
    "  session.report      {session}                    -> {nudges, checklist, phase, ...}\n"
    "  session.dismiss     {session, nudge}             -> {}\n"
    "  session.snooze      {session, nudge, turns}      -> {}\n"
    "  session.reset       {session}                    -> {}\n"
    "  session.free        {session}                    -> {}\n"
    "  label               {message}                    -> {id, practices, signals, matches}\n"
    "Offsets are UTF-8 byte offsets. Errors: -32700 parse error, -32600 invalid request,\n"
    "-32601 method not found, -32602 invalid params, -32603 internal error; engine errors use\n"
    "the coach_status numbers of coach.h (1 invalid argument, 2 invalid utf-8, ...).\n"
    "Message text is never logged. Exits 0 at the end of input, 2 if the engine cannot load.\n";

constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kInternalError = -32603;
// Application errors: the coach_status values of coach.h.
constexpr int kAppInvalidArgument = 1;
constexpr int kAppNoMemory = 8;

constexpr int kMaxDepth = 64;  // deeper requests are refused rather than parsed

struct RpcError {
  int code;
  std::string message;
  json data;
};

[[noreturn]] void invalid_param(const std::string& name, const std::string& problem) {
  throw RpcError{kInvalidParams, "invalid params: " + quote(name) + " " + problem,
                 json{{"param", name}}};
}

[[noreturn]] void app_error(const std::string& message) {
  throw RpcError{kAppInvalidArgument, message, json{{"status", "invalid argument"}}};
}

int app_code(Error::Code code) {
  switch (code) {
    case Error::Code::invalid_argument: return 1;
    case Error::Code::invalid_utf8: return 2;
    case Error::Code::io: return 3;
    case Error::Code::rules: return 4;
    case Error::Code::locale: return 5;
    case Error::Code::dictionary: return 6;
    case Error::Code::internal: return 7;
  }
  return 7;
}

const char* app_status(int code) {
  switch (code) {
    case 1: return "invalid argument";
    case 2: return "invalid utf-8";
    case 3: return "i/o error";
    case 4: return "invalid rules";
    case 5: return "unknown locale";
    case 6: return "dictionary missing";
    case 8: return "out of memory";
    default: return "internal error";
  }
}

// The params of one call: typed access by name; names the method does not know are refused so
// that a typo ("sesion") is reported instead of ignored.
class Params {
 public:
  Params(const json* params, std::initializer_list<const char*> known) : params_(params) {
    if (params_ == nullptr) return;
    if (params_->is_array()) {
      if (!params_->empty())
        throw RpcError{kInvalidParams, "invalid params: params must be an object (by name)",
                       json::object()};
      params_ = nullptr;
      return;
    }
    if (!params_->is_object())
      throw RpcError{kInvalidParams, "invalid params: params must be an object", json::object()};
    for (auto it = params_->begin(); it != params_->end(); ++it) {
      bool ok = false;
      for (const char* k : known) ok = ok || it.key() == k;
      if (!ok) invalid_param(it.key(), "is not a param of this method");
    }
  }

  const json* find(const char* name) const {
    if (params_ == nullptr) return nullptr;
    auto it = params_->find(name);
    return it == params_->end() ? nullptr : &*it;
  }

  const json& need(const char* name) const {
    const json* v = find(name);
    if (v == nullptr) invalid_param(name, "is missing");
    return *v;
  }

  const std::string& string(const char* name) const {
    const json& v = need(name);
    if (!v.is_string()) invalid_param(name, "must be a string");
    return v.get_ref<const std::string&>();
  }

  std::optional<std::string> optional_string(const char* name) const {
    const json* v = find(name);
    if (v == nullptr || v->is_null()) return std::nullopt;
    if (!v->is_string()) invalid_param(name, "must be a string");
    return v->get<std::string>();
  }

  std::size_t offset(const char* name) const {
    const json& v = need(name);
    if (!v.is_number_unsigned()) invalid_param(name, "must be a byte offset (an integer >= 0)");
    return v.get<std::size_t>();
  }

  int positive_int(const char* name) const {
    const json& v = need(name);
    if (!v.is_number_integer()) invalid_param(name, "must be an integer");
    const auto n = v.get<std::int64_t>();
    if (n < 1) invalid_param(name, "must be at least 1");
    if (n > 1000000) invalid_param(name, "must be at most 1000000");
    return static_cast<int>(n);
  }

 private:
  const json* params_;
};

class Server {
 public:
  explicit Server(std::shared_ptr<const Engine> engine) : engine_(std::move(engine)) {}

  // The reply to one request (a JSON object), or nothing for a notification.
  std::optional<json> handle(const json& request) {
    if (!request.is_object()) return error_reply(nullptr, kInvalidRequest,
                                                 "invalid request: not a json object");
    json id = nullptr;
    bool notification = true;
    if (auto it = request.find("id"); it != request.end()) {
      notification = false;
      if (!it->is_string() && !it->is_number() && !it->is_null())
        return error_reply(nullptr, kInvalidRequest,
                           "invalid request: \"id\" must be a string, a number or null");
      id = *it;
    }
    auto version = request.find("jsonrpc");
    if (version == request.end() || *version != "2.0")
      return error_reply(id, kInvalidRequest, "invalid request: \"jsonrpc\" must be \"2.0\"");
    auto method = request.find("method");
    if (method == request.end() || !method->is_string())
      return error_reply(id, kInvalidRequest, "invalid request: \"method\" must be a string");
    const json* params = nullptr;
    if (auto it = request.find("params"); it != request.end()) {
      if (!it->is_object() && !it->is_array())
        return error_reply(id, kInvalidRequest,
                           "invalid request: \"params\" must be an object or an array");
      params = &*it;
    }

    json result;
    std::optional<RpcError> error;
    try {
      result = call(method->get_ref<const std::string&>(), params);
    } catch (const RpcError& e) {
      error = e;
    } catch (const Error& e) {
      const int code = app_code(e.code());
      error = RpcError{code, e.what(), json{{"status", app_status(code)}}};
    } catch (const std::bad_alloc&) {
      error = RpcError{kAppNoMemory, "out of memory", json{{"status", app_status(kAppNoMemory)}}};
    } catch (const std::exception& e) {
      error = RpcError{kInternalError, std::string("internal error: ") + e.what(), nullptr};
    } catch (...) {
      error = RpcError{kInternalError, "internal error", nullptr};
    }
    if (notification) return std::nullopt;
    if (error) return error_reply(id, error->code, error->message, error->data);
    json reply = json::object();
    reply["jsonrpc"] = "2.0";
    reply["id"] = id;
    reply["result"] = std::move(result);
    return reply;
  }

  static json error_reply(const json& id, int code, const std::string& message,
                          const json& data = nullptr) {
    json error = json::object();
    error["code"] = code;
    error["message"] = message;
    if (!data.is_null()) error["data"] = data;
    json reply = json::object();
    reply["jsonrpc"] = "2.0";
    reply["id"] = id;
    reply["error"] = std::move(error);
    return reply;
  }

 private:
  json call(const std::string& method, const json* raw) {
    if (method == "engine.version") {
      Params p(raw, {});
      return json{{"version", version()}, {"locale", engine_->locale()}};
    }
    if (method == "session.new") {
      Params p(raw, {"channel"});
      Channel channel = Channel::chat;
      if (auto name = p.optional_string("channel")) {
        auto parsed = parse_channel(*name);
        if (!parsed) invalid_param("channel", "must be \"chat\" or \"email\"");
        channel = *parsed;
      }
      std::string id = "s" + std::to_string(next_session_++);
      sessions_.emplace(id, Session(engine_, channel));
      return json{{"session", id}};
    }
    // Every method validates all its params before it looks the session up, so that a
    // malformed call is always -32602 whatever the state.
    if (method == "session.add_message") {
      Params p(raw, {"session", "role", "text", "time", "id"});
      Message m;
      auto role = parse_role(p.string("role"));
      if (!role) invalid_param("role", "must be \"counsellor\" or \"client\"");
      m.role = *role;
      m.text = p.string("text");
      if (auto time = p.optional_string("time")) m.time = *time;
      if (auto id = p.optional_string("id")) m.id = *id;
      Session& s = session(p);
      m.channel = s.channel();
      s.add_message(m);
      const std::size_t index = s.message_count() - 1;
      json out = to_json(s.message_labels(index), m.id, true);
      out.erase("id");
      out["index"] = index;
      return out;
    }
    if (method == "session.set_draft") {
      Params p(raw, {"session", "text"});
      const std::string& text = p.string("text");
      Session& s = session(p);
      s.set_draft(text);
      return json{{"length", s.draft().size()}};
    }
    if (method == "session.edit_draft") {
      Params p(raw, {"session", "start", "old_end", "text"});
      const std::size_t start = p.offset("start"), end = p.offset("old_end");
      const std::string& text = p.string("text");
      Session& s = session(p);
      const std::string& draft = s.draft();
      if (start > end)
        app_error("edit range [" + std::to_string(start) + ", " + std::to_string(end) +
                  ") is reversed");
      if (end > draft.size())
        app_error("edit end " + std::to_string(end) + " is past the end of the draft (" +
                  std::to_string(draft.size()) + " bytes)");
      if (!coach::boundary::is_char_boundary(draft, start))
        app_error("edit start " + std::to_string(start) + " splits a utf-8 character");
      if (!coach::boundary::is_char_boundary(draft, end))
        app_error("edit end " + std::to_string(end) + " splits a utf-8 character");
      s.edit_draft(start, end, text);
      return json{{"length", s.draft().size()}};
    }
    if (method == "session.report") {
      Params p(raw, {"session"});
      return to_json(session(p).report());
    }
    if (method == "session.dismiss") {
      Params p(raw, {"session", "nudge"});
      const std::string& nudge = nudge_id(p);
      session(p).dismiss(nudge);
      return json::object();
    }
    if (method == "session.snooze") {
      Params p(raw, {"session", "nudge", "turns"});
      const std::string& nudge = nudge_id(p);
      const int turns = p.positive_int("turns");
      session(p).snooze(nudge, turns);
      return json::object();
    }
    if (method == "session.reset") {
      Params p(raw, {"session"});
      session(p).reset();
      return json::object();
    }
    if (method == "session.free") {
      Params p(raw, {"session"});
      session(p);  // unknown ids are an error here too
      sessions_.erase(p.string("session"));
      return json::object();
    }
    if (method == "label") {
      Params p(raw, {"message"});
      const json& value = p.need("message");
      const Message m = message(value);
      json out = to_json(engine_->label(m), m.id, true);
      out["id"] = value.contains("id") ? value["id"] : json(nullptr);  // as given
      return out;
    }
    throw RpcError{kMethodNotFound, "method not found: " + quote(method), nullptr};
  }

  Session& session(const Params& p) {
    const std::string& id = p.string("session");
    auto it = sessions_.find(id);
    if (it == sessions_.end()) app_error("unknown session " + quote(id));
    return it->second;
  }

  static const std::string& nudge_id(const Params& p) {
    const std::string& id = p.string("nudge");
    if (id.empty()) invalid_param("nudge", "must not be empty");
    return id;
  }

  // A CONTRACT.md message; its problems are reported as invalid params of "message".
  static Message message(const json& value) {
    try {
      return message_from_json(value, Channel::chat);
    } catch (const Error& e) {
      throw RpcError{kInvalidParams, std::string("invalid params: ") + e.what(),
                     json{{"param", "message"}}};
    }
  }

  std::shared_ptr<const Engine> engine_;
  std::map<std::string, Session> sessions_;
  unsigned long long next_session_ = 1;
};

struct TooDeep {};

// Parses one input line; throws json::parse_error or TooDeep.
json parse_line(const std::string& line) {
  json::parser_callback_t limit_depth = [](int depth, json::parse_event_t, json&) {
    if (depth > kMaxDepth) throw TooDeep{};
    return true;
  };
  return json::parse(line, limit_depth);
}

// One reply as text, its members in the conventional order (nlohmann::json sorts keys).
std::string serialize(const json& reply) {
  using coach::boundary::dump;
  if (reply.is_array()) {
    std::string out = "[";
    for (const json& item : reply) out += (out.size() > 1 ? "," : "") + serialize(item);
    return out + "]";
  }
  std::string out = "{\"jsonrpc\":\"2.0\",\"id\":" + dump(reply.at("id"));
  if (reply.contains("error")) return out + ",\"error\":" + dump(reply.at("error")) + "}";
  return out + ",\"result\":" + dump(reply.at("result")) + "}";
}

void write_line(const json& reply) { std::cout << serialize(reply) << '\n' << std::flush; }

// Handles one input line; writes at most one line.
void serve_line(Server& server, const std::string& line, unsigned long long line_no) {
  json request;
  try {
    request = parse_line(line);
  } catch (const json::parse_error& e) {
    write_line(Server::error_reply(
        nullptr, kParseError,
        "parse error at line " + std::to_string(line_no) + ", column " + std::to_string(e.byte),
        json{{"line", line_no}, {"column", e.byte}}));
    return;
  } catch (const TooDeep&) {
    write_line(Server::error_reply(nullptr, kInvalidRequest,
                                   "invalid request: nested deeper than " +
                                       std::to_string(kMaxDepth) + " levels at line " +
                                       std::to_string(line_no),
                                   json{{"line", line_no}}));
    return;
  }
  if (!request.is_array()) {
    if (auto reply = server.handle(request)) write_line(*reply);
    return;
  }
  if (request.empty()) {
    write_line(Server::error_reply(nullptr, kInvalidRequest, "invalid request: empty batch"));
    return;
  }
  json replies = json::array();
  for (const json& item : request)
    if (auto reply = server.handle(item)) replies.push_back(std::move(*reply));
  if (!replies.empty()) write_line(replies);
}

bool is_blank(const std::string& line) {
  return line.find_first_not_of(" \t\r\n") == std::string::npos;
}

}  // namespace

int run_serve(const Args& args) {
  const auto options = parse_common(args, "serve");
  if (!options) return 2;
  if (options->help) return print_help(kUsage);
  if (!options->positional.empty()) {
    std::cerr << "coach serve: unexpected argument " << quote(options->positional.front())
              << " (see coach serve --help)\n";
    return 2;
  }
  const auto engine = make_engine(options->engine, "serve");
  if (!engine) return 2;

  Server server(engine);
  std::string line;
  unsigned long long line_no = 0;
  while (std::getline(std::cin, line)) {
    ++line_no;
    if (is_blank(line)) continue;
    try {
      serve_line(server, line, line_no);
    } catch (const std::exception&) {
      // Only writing can get here (out of memory while building a reply): answer generically.
      write_line(Server::error_reply(nullptr, kInternalError, "internal error"));
    }
  }
  return 0;
}

}  // namespace coach::cli
