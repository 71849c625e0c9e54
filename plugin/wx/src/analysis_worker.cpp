#include "analysis_worker.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <utility>

namespace coach::wx {

namespace {

const char* const kPractices[] = {"verify_interpretation", "set_goal", "ask_feedback",
                                  "mobilise_network", "online_referral"};

std::string str_or_empty(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return {};
  return it->get<std::string>();
}

// Start of the UTF-8 character that contains byte `i` of `s`.
std::size_t char_start(const std::string& s, std::size_t i) {
  while (i > 0 && i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return i;
}

}  // namespace

AnalysisWorker::AnalysisWorker(Sink sink) : m_sink(std::move(sink)) {
  m_thread = std::thread([this] { Run(); });
}

AnalysisWorker::~AnalysisWorker() {
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_stop = true;
    m_queue.clear();
  }
  m_cv.notify_all();
  if (m_thread.joinable()) m_thread.join();
}

std::uint64_t AnalysisWorker::Push(Command command) {
  std::uint64_t seq;
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    seq = ++m_nextSeq;
    command.seq = seq;
    m_queue.push_back(std::move(command));
  }
  m_cv.notify_one();
  return seq;
}

std::uint64_t AnalysisWorker::Configure(EngineConfig config, std::vector<MessageRecord> replay,
                                        std::string draft, std::vector<std::string> dismissed) {
  Command c(Kind::configure);
  c.config = std::move(config);
  c.replay = std::move(replay);
  c.text = std::move(draft);
  c.dismissed = std::move(dismissed);
  return Push(std::move(c));
}

std::uint64_t AnalysisWorker::SetDraft(std::string text) {
  Command c(Kind::draft);
  c.text = std::move(text);
  return Push(std::move(c));
}

std::uint64_t AnalysisWorker::AddMessage(MessageRecord message) {
  Command c(Kind::message);
  c.message = std::move(message);
  return Push(std::move(c));
}

std::uint64_t AnalysisWorker::Dismiss(std::string nudge_id) {
  Command c(Kind::dismiss);
  c.text = std::move(nudge_id);
  return Push(std::move(c));
}

std::uint64_t AnalysisWorker::Snooze(std::string nudge_id, int turns) {
  Command c(Kind::snooze);
  c.text = std::move(nudge_id);
  c.turns = turns;
  return Push(std::move(c));
}

std::uint64_t AnalysisWorker::Reset() { return Push(Command(Kind::reset)); }

void AnalysisWorker::Run() {
  for (;;) {
    std::deque<Command> batch;
    {
      std::unique_lock<std::mutex> lock(m_mutex);
      m_cv.wait(lock, [this] { return m_stop || !m_queue.empty(); });
      if (m_stop) return;
      batch.swap(m_queue);
    }
    std::string warning;
    std::uint64_t last = 0;
    for (std::size_t i = 0; i < batch.size(); ++i) {
      Command& c = batch[i];
      last = c.seq;
      // A draft followed directly by another draft is outdated: skip it.
      if (c.kind == Kind::draft && i + 1 < batch.size() && batch[i + 1].kind == Kind::draft)
        continue;
      Apply(c, warning);
    }

    AnalysisResult result;
    result.seq = last;
    result.warning = warning;
    if (!m_session) {
      result.state.error = m_loadError.empty() ? "the coach is not loaded" : m_loadError;
    } else {
      result.state.ready = true;
      try {
        std::string err;
        if (!ParseReport(m_session->report(), result.state, err)) result.warning = err;
      } catch (const std::exception& e) {
        result.warning = e.what();
      }
    }
    {
      std::lock_guard<std::mutex> lock(m_mutex);
      if (m_stop) return;
    }
    m_sink(std::move(result));
  }
}

void AnalysisWorker::Apply(Command& c, std::string& warning) {
  if (c.kind == Kind::configure) {
    ApplyConfigure(c, warning);
    return;
  }
  if (c.kind == Kind::draft) {
    ApplyDraft(c.text, warning);
    return;
  }
  if (!m_session) return;
  try {
    switch (c.kind) {
      case Kind::message:
        if (AddOne(c.message, warning) && c.message.role == COACH_ROLE_COUNSELLOR) m_draft.clear();
        break;
      case Kind::dismiss:
        m_session->dismiss(c.text);
        break;
      case Kind::snooze:
        m_session->snooze(c.text, c.turns);
        break;
      case Kind::reset:
        m_session->reset();
        m_draft.clear();
        break;
      default:
        break;
    }
  } catch (const coach::c::Error& e) {
    warning = e.what();
  }
}

void AnalysisWorker::ApplyConfigure(Command& c, std::string& warning) {
  // A new session; the engine (rules, lexicon, dictionary: the slow part) is kept when only the
  // channel changed.
  const bool sameEngine = m_engine && !c.config.reload && c.config.locale == m_config.locale &&
                          c.config.rules_dir == m_config.rules_dir &&
                          c.config.locales_dir == m_config.locales_dir &&
                          c.config.dict_dir == m_config.dict_dir;
  m_session.reset();
  if (!sameEngine) m_engine.reset();
  m_draft.clear();
  m_loadError.clear();
  m_config = c.config;
  try {
    if (!m_engine) {
      coach::c::EngineOptions opts;
      opts.locale = c.config.locale;
      opts.rules_dir = c.config.rules_dir;
      opts.locales_dir = c.config.locales_dir;
      opts.dict_dir = c.config.dict_dir;
      m_engine.emplace(opts);
    }
    m_session.emplace(*m_engine, c.config.channel);
  } catch (const std::exception& e) {
    m_loadError = *e.what() ? e.what() : "the coach engine could not be created";
    m_session.reset();
    m_engine.reset();
    return;
  }
  for (const MessageRecord& m : c.replay) AddOne(m, warning);
  for (const std::string& id : c.dismissed) {
    try {
      m_session->dismiss(id);
    } catch (const coach::c::Error&) {
      // a nudge id this engine does not know: nothing to hide
    }
  }
  if (!c.text.empty()) ApplyDraft(c.text, warning);
}

void AnalysisWorker::ApplyDraft(const std::string& text, std::string& warning) {
  if (!m_session || text == m_draft) return;
  // Send only the edited range: the common prefix and suffix stay (on character boundaries).
  const std::string& old = m_draft;
  std::size_t prefix = 0;
  const std::size_t max_prefix = std::min(old.size(), text.size());
  while (prefix < max_prefix && old[prefix] == text[prefix]) ++prefix;
  prefix = std::min(char_start(old, prefix), char_start(text, prefix));
  std::size_t suffix = 0;
  const std::size_t max_suffix = std::min(old.size(), text.size()) - prefix;
  while (suffix < max_suffix && old[old.size() - 1 - suffix] == text[text.size() - 1 - suffix])
    ++suffix;
  // Keep the suffix starting on a character boundary in both strings.
  while (suffix > 0 && ((static_cast<unsigned char>(old[old.size() - suffix]) & 0xC0) == 0x80 ||
                        (static_cast<unsigned char>(text[text.size() - suffix]) & 0xC0) == 0x80))
    --suffix;

  try {
    try {
      m_session->edit_draft(prefix, old.size() - suffix,
                            std::string_view(text).substr(prefix, text.size() - suffix - prefix));
    } catch (const coach::c::Error&) {
      m_session->set_draft(text);  // the edit was refused: send the whole draft
    }
  } catch (const coach::c::Error& e) {
    warning = e.what();
    return;
  }
  m_draft = text;
}

bool AnalysisWorker::AddOne(const MessageRecord& m, std::string& warning) {
  if (!m_session) return false;
  nlohmann::json j = {{"role", m.role == COACH_ROLE_COUNSELLOR ? "counsellor" : "client"},
                      {"channel", m.channel == COACH_CHANNEL_EMAIL ? "email" : "chat"},
                      {"text", m.text}};
  if (!m.time.empty()) j["time"] = m.time;
  std::string payload;
  try {
    payload = j.dump();
  } catch (const std::exception&) {  // invalid UTF-8 from the host
    warning = "a message is not valid UTF-8";
    return false;
  }
  try {
    m_session->add_message_json(payload);
    return true;
  } catch (const coach::c::Error& e) {
    warning = e.what();
    return false;
  }
}

bool AnalysisWorker::ParseReport(const std::string& text, PanelState& state, std::string& error) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    error = "the coach returned a report that is not JSON";
    return false;
  }
  state.nudges.clear();
  if (auto it = j.find("nudges"); it != j.end() && it->is_array()) {
    for (const auto& n : *it) {
      if (!n.is_object()) continue;
      NudgeView v;
      v.id = str_or_empty(n, "id");
      if (v.id.empty()) continue;
      v.severity = str_or_empty(n, "severity");
      v.title = str_or_empty(n, "title");
      v.message = str_or_empty(n, "message");
      v.why = str_or_empty(n, "why");
      if (auto a = n.find("acknowledged"); a != n.end() && a->is_boolean()) v.acknowledged = *a;
      state.nudges.push_back(std::move(v));
    }
  }
  // Checklist: {"id": bool, ...} (CONTRACT.md); also accept [{"practice": id, "done": bool}].
  state.checklist.clear();
  for (const char* p : kPractices) state.checklist.emplace_back(p, false);
  if (auto it = j.find("checklist"); it != j.end()) {
    auto set = [&](const std::string& id, bool done) {
      for (auto& [practice, d] : state.checklist)
        if (practice == id) {
          d = done;
          return;
        }
      state.checklist.emplace_back(id, done);
    };
    if (it->is_object()) {
      for (auto kv = it->begin(); kv != it->end(); ++kv)
        if (kv.value().is_boolean()) set(kv.key(), kv.value().get<bool>());
    } else if (it->is_array()) {
      for (const auto& item : *it)
        if (item.is_object() && item.contains("done") && item["done"].is_boolean())
          set(str_or_empty(item, "practice"), item["done"].get<bool>());
    }
  }
  state.phase = str_or_empty(j, "phase");
  return true;
}

}  // namespace coach::wx
