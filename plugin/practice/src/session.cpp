#include <coach/json.hpp>
#include <coach/practice/session.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

namespace coach::practice {
namespace {

std::uint64_t mix(std::uint64_t x) {  // splitmix64
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

std::uint64_t hash(std::string_view s) {  // FNV-1a: stable across platforms and runs
  std::uint64_t h = 0xCBF29CE484222325ULL;
  for (unsigned char c : s) h = (h ^ c) * 0x100000001B3ULL;
  return h;
}

bool shows(const Labels& labels, const std::string& id) {
  return std::binary_search(labels.practices.begin(), labels.practices.end(), id) ||
         std::find(labels.signals.begin(), labels.signals.end(), id) != labels.signals.end();
}

}  // namespace

struct PracticeSession::Impl {
  std::shared_ptr<const Engine> engine;
  Scenario scenario;
  PracticeOptions options;
  Session coach;
  std::vector<Message> messages;
  std::string state;
  std::map<std::string, int> visits;  // times each state was entered
  std::set<std::string> seen;         // practices and signals of the trainee's messages so far
  std::map<std::string, int> counts;  // trainee messages per practice
  std::vector<std::string> path;
  std::vector<std::string> notes;
  int turn = 0;
  bool finished = false;
  std::string ending;

  Impl(std::shared_ptr<const Engine> e, Scenario s, PracticeOptions o)
      : engine(std::move(e)), scenario(std::move(s)), options(o), coach(engine, scenario.channel) {
    if (options.seed == 0) options.seed = scenario.seed == 0 ? 1 : scenario.seed;
  }

  std::string clock() const {
    const int minutes = options.start_minutes + static_cast<int>(messages.size()) * options.minutes_per_message;
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%02d:%02d", (minutes / 60) % 24, minutes % 60);
    return buffer;
  }

  void send(Role role, const std::string& text) {
    Message m;
    m.id = "m" + std::to_string(messages.size() + 1);
    m.role = role;
    m.channel = scenario.channel;
    m.text = text;
    m.time = clock();
    coach.add_message(m);
    messages.push_back(std::move(m));
  }

  // Enters `id` and returns the client's messages for it (a variant chosen by seed and visit).
  std::vector<std::string> enter(const std::string& id) {
    const State& st = scenario.state(id);
    const int visit = visits[id]++;
    state = id;
    path.push_back(id);
    const std::size_t n = st.replies.size();
    const std::size_t pick = (mix(options.seed ^ hash(scenario.id + "/" + id)) + static_cast<std::size_t>(visit)) % n;
    for (const auto& text : st.replies[pick]) send(Role::client, text);
    if (!st.ending.empty()) {
      finished = true;
      ending = st.ending;
    }
    return st.replies[pick];
  }

  bool holds(const Condition& c, const Labels& labels) const {
    if (!c.any.empty() && std::none_of(c.any.begin(), c.any.end(), [&](const auto& p) { return shows(labels, p); })) return false;
    if (!std::all_of(c.all.begin(), c.all.end(), [&](const auto& p) { return shows(labels, p); })) return false;
    if (std::any_of(c.none.begin(), c.none.end(), [&](const auto& p) { return shows(labels, p); })) return false;
    if (!std::all_of(c.seen.begin(), c.seen.end(), [&](const auto& p) { return seen.count(p) > 0; })) return false;
    if (std::any_of(c.not_yet.begin(), c.not_yet.end(), [&](const auto& p) { return seen.count(p) > 0; })) return false;
    auto was = [&](const std::string& s) { const auto it = visits.find(s); return it != visits.end() && it->second > 0; };
    if (!std::all_of(c.visited.begin(), c.visited.end(), was)) return false;
    if (std::any_of(c.not_visited.begin(), c.not_visited.end(), was)) return false;
    if (c.min_turn > 0 && turn < c.min_turn) return false;
    if (c.max_turn > 0 && turn > c.max_turn) return false;
    return true;
  }
};

PracticeSession::PracticeSession(std::shared_ptr<const Engine> engine, Scenario scenario, PracticeOptions options) {
  if (!engine) throw Error(Error::Code::invalid_argument, "practice session without an engine");
  if (engine->locale() != scenario.locale)
    throw Error(Error::Code::invalid_argument, "scenario '" + scenario.id + "' is in locale '" + scenario.locale +
                                                   "' but the engine is '" + engine->locale() + "'");
  if (!scenario.states.count(scenario.start))
    throw Error(Error::Code::invalid_argument, "scenario '" + scenario.id + "' has no start state");
  impl_ = std::make_unique<Impl>(std::move(engine), std::move(scenario), options);
  for (const auto& text : impl_->scenario.opening) impl_->send(Role::client, text);
  impl_->state = impl_->scenario.start;
  impl_->visits[impl_->state] = 1;
  impl_->path.push_back(impl_->state);
}

PracticeSession::~PracticeSession() = default;
PracticeSession::PracticeSession(PracticeSession&&) noexcept = default;
PracticeSession& PracticeSession::operator=(PracticeSession&&) noexcept = default;

const Scenario& PracticeSession::scenario() const { return impl_->scenario; }
const std::string& PracticeSession::state() const { return impl_->state; }
bool PracticeSession::finished() const { return impl_->finished; }
int PracticeSession::turn() const { return impl_->turn; }
const std::vector<Message>& PracticeSession::messages() const { return impl_->messages; }

Report PracticeSession::preview(std::string_view draft) {
  impl_->coach.set_draft(draft);
  Report r = impl_->coach.report();
  impl_->coach.set_draft("");
  return r;
}

Report PracticeSession::report() const { return impl_->coach.report(); }
void PracticeSession::dismiss(std::string_view nudge_id) { impl_->coach.dismiss(nudge_id); }

TurnResult PracticeSession::reply(std::string_view trainee_text) {
  Impl& d = *impl_;
  if (d.finished) throw Error(Error::Code::invalid_argument, "the practice conversation has finished");
  if (trainee_text.find_first_not_of(" \t\r\n") == std::string_view::npos)
    throw Error(Error::Code::invalid_argument, "empty message");
  TurnResult r;
  r.turn = ++d.turn;
  r.from_state = d.state;
  d.send(Role::counsellor, std::string(trainee_text));
  r.labels = d.coach.message_labels(d.messages.size() - 1);
  for (const auto& p : r.labels.practices) { d.seen.insert(p); ++d.counts[p]; }
  for (const auto& s : r.labels.signals) d.seen.insert(s);

  const State& here = d.scenario.state(d.state);
  const Transition* chosen = nullptr;
  const std::vector<Transition>* lists[] = {&here.transitions, &d.scenario.anywhere};
  for (const auto* list : lists) {
    for (const auto& t : *list)
      if (d.holds(t.when, r.labels)) { chosen = &t; break; }
    if (chosen) break;
  }
  std::string next;
  if (chosen) {
    next = chosen->to;
    r.note = chosen->note;
    if (!r.note.empty()) d.notes.push_back(r.note);
  } else {
    r.fallback = true;
    next = here.fallback.empty() ? d.state : here.fallback;
  }
  // Out of time: the client's last turn is the out_of_time state unless the story ends anyway.
  const bool out_of_time = d.turn >= d.scenario.max_turns && d.scenario.state(next).ending.empty();
  if (out_of_time && !d.scenario.out_of_time.empty()) next = d.scenario.out_of_time;
  if (!(out_of_time && d.scenario.out_of_time.empty())) r.replies = d.enter(next);
  if (out_of_time) {
    d.finished = true;
    d.ending = "out_of_time";
  }
  r.to_state = d.state;
  r.finished = d.finished;
  r.ending = d.ending;
  return r;
}

void PracticeSession::stop() {
  if (impl_->finished) return;
  impl_->finished = true;
  impl_->ending = "stopped";
}

PracticeSummary PracticeSession::summary() const {
  const Impl& d = *impl_;
  PracticeSummary s;
  s.finished = d.finished;
  s.ending = d.ending;
  s.trainee_turns = d.turn;
  s.checklist = d.coach.report().checklist;
  for (const auto& [id, n] : d.counts) s.practices.emplace_back(id, n);
  std::stable_sort(s.practices.begin(), s.practices.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  s.path = d.path;
  s.notes = d.notes;
  return s;
}

std::string PracticeSession::chat_transcript() const {
  const bool nl = impl_->scenario.locale == "nl";
  std::string out;
  for (const auto& m : impl_->messages) {
    std::string text = m.text;
    std::replace(text.begin(), text.end(), '\n', ' ');
    out += m.role == Role::client ? (nl ? "Hulpvrager" : "Client") : (nl ? "Online hulpverlener" : "Counsellor");
    out += " (" + m.time + "): " + text + "\n";
  }
  return out;
}

nlohmann::json PracticeSession::transcript_json() const {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& m : impl_->messages)
    out.push_back({{"id", m.id}, {"role", to_string(m.role)}, {"channel", to_string(m.channel)}, {"text", m.text}, {"time", m.time}});
  return out;
}

}  // namespace coach::practice
