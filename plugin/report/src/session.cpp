// coach report: one conversation as a printable page with SVG charts, and the same data as JSON.
#include <coach/report/render.hpp>
#include <coach/report/study.hpp>

#include "html.hpp"

#include <algorithm>
#include <cmath>

namespace coach::report {
namespace {

bool nl(std::string_view locale) { return locale == "nl"; }

const char* role_class(Role r) { return r == Role::counsellor ? "counsellor" : "client"; }

std::string role_name(Role r, std::string_view locale) {
  if (nl(locale)) return r == Role::counsellor ? "hulpverlener" : "hulpvrager";
  return r == Role::counsellor ? "counsellor" : "client";
}

// Practices shown in the charts: the five first, then the others the conversation has, in
// CONTRACT.md order.
std::vector<std::string> charted_practices(const ConversationCoding& c) {
  std::vector<std::string> out = checklist_practices();
  for (const auto& p : contract_practices())
    if (c.shows(p) && std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
  for (const auto& [p, n] : c.practice_counts)
    if (std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
  return out;
}

// Practices the session is compared on: the five, then others with a study figure.
std::vector<std::string> compared_practices() {
  std::vector<std::string> out = checklist_practices();
  for (const char* p : {"summarise", "compliment", "invite_control", "f2f_referral"}) out.push_back(p);
  return out;
}

std::vector<std::size_t> indexes_showing(const ConversationCoding& c, std::string_view practice) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < c.messages.size(); ++i) {
    const auto& p = c.messages[i].practices;
    if (std::find(p.begin(), p.end(), practice) != p.end()) out.push_back(i);
  }
  return out;
}

std::optional<std::size_t> first_reached(const ConversationCoding& c, std::string_view phase) {
  for (std::size_t i = 0; i < c.messages.size(); ++i) {
    const auto& p = c.messages[i].new_phases;
    if (std::find(p.begin(), p.end(), phase) != p.end()) return i;
  }
  return std::nullopt;
}

// Phases in the study's order, then any other phase the rules know.
std::vector<std::string> charted_phases(const ConversationCoding& c) {
  std::vector<std::string> out = study_phases();
  for (const auto& p : c.phases)
    if (std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
  return out;
}

std::string list_of_turns(const std::vector<std::size_t>& indexes) {
  std::string out;
  for (std::size_t i : indexes) out += (out.empty() ? "" : ", ") + std::to_string(i + 1);
  return out;
}

std::string rect(double x, double y, double w, double h, std::string_view cls, std::string_view title = "") {
  std::string out = "<rect x=\"" + html::number(x, 1) + "\" y=\"" + html::number(y, 1) + "\" width=\"" +
                    html::number(std::max(w, 0.0), 1) + "\" height=\"" + html::number(std::max(h, 0.0), 1) +
                    "\" class=\"" + std::string(cls) + "\"";
  if (title.empty()) return out + "/>";
  return out + "><title>" + html::escape(title) + "</title></rect>";
}

std::string line(double x1, double y1, double x2, double y2, std::string_view cls) {
  return "<line x1=\"" + html::number(x1, 1) + "\" y1=\"" + html::number(y1, 1) + "\" x2=\"" + html::number(x2, 1) +
         "\" y2=\"" + html::number(y2, 1) + "\" class=\"" + std::string(cls) + "\"/>";
}

// The five practices: done or not, how often, and the study's share beside it.
std::string checklist_chart(const ConversationCoding& c, std::string_view locale) {
  const bool n = nl(locale);
  const double label_w = 230, row_h = 34, bar_x = label_w + 90, bar_w = 300;
  const auto& five = checklist_practices();
  std::string svg = html::svg_open(bar_x + bar_w + 70, 26 + five.size() * row_h,
                                   n ? "Checklist van de vijf praktijken" : "Checklist of the five practices");
  svg += html::svg_text(label_w + 40, 14, n ? "dit gesprek" : "this session", "small", "middle");
  svg += html::svg_text(bar_x, 14, n ? "onderzoek: aandeel gesprekken dat het deed" : "study: share of conversations that did it", "small");
  for (std::size_t i = 0; i < five.size(); ++i) {
    const std::string& p = five[i];
    const double y = 22 + i * row_h;
    const int count = c.count(p);
    svg += html::svg_text(label_w - 8, y + 17, practice_label(p, locale), "", "end");
    svg += "<circle cx=\"" + html::number(label_w + 14) + "\" cy=\"" + html::number(y + 13) + "\" r=\"10\" class=\"" +
           (count > 0 ? "done" : "missing") + "\"/>";
    svg += html::svg_text(label_w + 14, y + 17, count > 0 ? "✓" : "✗", "on-dark", "middle");
    svg += html::svg_text(label_w + 32, y + 17, std::to_string(count) + "×");
    const StudyRow* row = find_study_row(p);
    const double share = row && row->study_percent ? *row->study_percent / 100 : 0;
    svg += rect(bar_x, y + 5, bar_w, 16, "track");
    svg += rect(bar_x, y + 5, share * bar_w, 16, "study");
    svg += html::svg_text(bar_x + bar_w + 6, y + 17, html::percent(share));
  }
  return svg + "</svg>\n";
}

// Charts over the turns: labels on the left, a column per message.
struct Grid {
  double label_w = 230;
  double cell = 20;
  std::size_t messages = 0;
  double left() const { return label_w; }
  double right() const { return label_w + messages * cell; }
  double x(std::size_t i) const { return label_w + i * cell + cell / 2; }
  // The <svg> of a chart `margin` wider than the columns.
  std::string open(double margin, double height, std::string_view title) const {
    return html::svg_open(std::max(right() + margin, 400.0), height, title);
  }
};

Grid grid_for(std::size_t messages) {
  Grid g;
  g.messages = messages;
  g.cell = std::clamp(560.0 / std::max<std::size_t>(messages, 1), 6.0, 24.0);
  return g;
}

// "message 5" / "bericht 5" for the message at 0-based `index`.
std::string message_ref(std::size_t index, std::string_view locale) {
  return (nl(locale) ? "bericht " : "message ") + std::to_string(index + 1);
}

// Message numbers along the bottom of a chart, every few messages.
std::string turn_axis(const Grid& g, double y) {
  std::string out;
  const std::size_t step = g.messages <= 20 ? 1 : g.messages <= 50 ? 5 : 10;
  for (std::size_t i = 0; i < g.messages; ++i)
    if ((i + 1) % step == 0 || i == 0) out += html::svg_text(g.x(i), y, std::to_string(i + 1), "small", "middle");
  return out;
}

// Which practice each message shows, over the course of the conversation.
std::string practices_chart(const ConversationCoding& c, std::string_view locale) {
  const bool n = nl(locale);
  const auto practices = charted_practices(c);
  const Grid g = grid_for(c.messages.size());
  const double row_h = 20, top = 22;
  const double height = top + practices.size() * row_h + 30;
  std::string svg = g.open(20, height, n ? "Praktijken per bericht" : "Practices per message");
  // The strip on top says who wrote each message.
  for (std::size_t i = 0; i < c.messages.size(); ++i)
    svg += rect(g.left() + i * g.cell + 1, 4, g.cell - 2, 10, role_class(c.messages[i].role),
                message_ref(i, locale) + ": " + role_name(c.messages[i].role, locale));
  for (std::size_t r = 0; r < practices.size(); ++r) {
    const double y = top + r * row_h;
    svg += line(g.left(), y + row_h, g.right(), y + row_h, "grid");
    svg += html::svg_text(g.left() - 8, y + 14, practice_label(practices[r], locale), "", "end");
    for (std::size_t i : indexes_showing(c, practices[r]))
      svg += "<circle cx=\"" + html::number(g.x(i), 1) + "\" cy=\"" + html::number(y + row_h / 2, 1) + "\" r=\"" +
             html::number(std::min(g.cell / 2 - 1, 7.0), 1) + "\" class=\"" + role_class(c.messages[i].role) +
             "\"><title>" + html::escape(message_ref(i, locale) + ": " + practice_label(practices[r], locale)) +
             "</title></circle>";
  }
  svg += turn_axis(g, height - 12);
  svg += html::svg_text(g.left() - 8, height - 12, n ? "bericht" : "message", "small", "end");
  return svg + "</svg>\n";
}

// The phase the conversation was in at each message; a diamond where a phase was first reached.
std::string phases_chart(const ConversationCoding& c, std::string_view locale) {
  const bool n = nl(locale);
  const auto phases = charted_phases(c);
  const Grid g = grid_for(c.messages.size());
  const double row_h = 22, top = 8;
  const double height = top + phases.size() * row_h + 28;
  std::string svg = g.open(120, height, n ? "Fasen van het gesprek" : "Phases of the conversation");
  for (std::size_t r = 0; r < phases.size(); ++r) {
    const double y = top + r * row_h;
    const auto first = first_reached(c, phases[r]);
    svg += rect(g.left(), y + 3, g.right() - g.left(), row_h - 6, "unreached");
    svg += html::svg_text(g.left() - 8, y + 15, phase_label(phases[r], locale), first ? "" : "small", "end");
    for (std::size_t i = 0; i < c.messages.size(); ++i)
      if (c.messages[i].phase == phases[r])
        svg += rect(g.left() + i * g.cell, y + 3, g.cell, row_h - 6, "reached");
    if (first) {
      const double x = g.x(*first), cy = y + row_h / 2;
      svg += "<path d=\"M" + html::number(x, 1) + " " + html::number(cy - 7, 1) + " l7 7 l-7 7 l-7 -7 z\" class=\"counsellor\"><title>" +
             html::escape((n ? "bereikt bij bericht " : "reached at message ") + std::to_string(*first + 1)) +
             "</title></path>";
    }
    svg += html::svg_text(g.right() + 8, y + 15,
                          first ? message_ref(*first, locale)
                                : (n ? "niet bereikt" : "not reached"),
                          "small");
  }
  svg += turn_axis(g, height - 10);
  return svg + "</svg>\n";
}

// Words per message: the counsellor above the line, the client below.
std::string words_chart(const ConversationCoding& c, std::string_view locale) {
  const bool n = nl(locale);
  const Grid g = grid_for(c.messages.size());
  int most = 1;
  for (const auto& m : c.messages) most = std::max(most, m.measures.words);
  const double half = 70, mid = 10 + half;
  const double height = mid + half + 28;
  std::string svg = g.open(20, height, n ? "Woorden per bericht" : "Words per message");
  svg += html::svg_text(g.left() - 8, mid - half / 2, (n ? "hulpverlener" : "counsellor"), "", "end");
  svg += html::svg_text(g.left() - 8, mid + half / 2, (n ? "hulpvrager" : "client"), "", "end");
  svg += html::svg_text(g.left() - 8, 18, std::to_string(most) + (n ? " woorden" : " words"), "small", "end");
  for (std::size_t i = 0; i < c.messages.size(); ++i) {
    const auto& m = c.messages[i];
    const double h = half * m.measures.words / most;
    const std::string title = message_ref(i, locale) + ": " +
                              std::to_string(m.measures.words) + (n ? " woorden" : " words");
    if (m.role == Role::counsellor) svg += rect(g.left() + i * g.cell + 1, mid - h, g.cell - 2, h, "counsellor", title);
    else svg += rect(g.left() + i * g.cell + 1, mid, g.cell - 2, h, "client", title);
  }
  svg += line(g.left(), mid, g.right(), mid, "grid");
  svg += turn_axis(g, height - 10);
  return svg + "</svg>\n";
}

// How long each reply took, with the study's three-minute line for chats.
std::string reply_chart(const ConversationCoding& c, std::string_view locale) {
  const bool n = nl(locale);
  const Grid g = grid_for(c.messages.size());
  double most = c.channel == Channel::chat ? kSilenceSeconds * 1.25 : 86400;
  for (const auto& m : c.messages)
    if (m.reply_seconds) most = std::max(most, *m.reply_seconds);
  const double plot = 120, top = 14;
  const double height = top + plot + 30;
  std::string svg = g.open(20, height, n ? "Reactietijd per bericht" : "Reply time per message");
  svg += html::svg_text(g.left() - 8, top + 8, html::duration(most, locale), "small", "end");
  svg += html::svg_text(g.left() - 8, top + plot, "0", "small", "end");
  for (std::size_t i = 0; i < c.messages.size(); ++i) {
    const auto& m = c.messages[i];
    if (!m.reply_seconds) continue;
    const double h = plot * *m.reply_seconds / most;
    std::string title = message_ref(i, locale) + ": " + role_name(m.role, locale) + ", " +
                        html::duration(m.reply_seconds, locale);
    if (m.silence) title += n ? " (stilte)" : " (silence)";
    svg += rect(g.left() + i * g.cell + 1, top + plot - h, g.cell - 2, h, role_class(m.role), title);
    if (m.silence)
      svg += html::svg_text(g.x(i), top + plot - h - 3, "!", "", "middle");
  }
  svg += line(g.left(), top + plot, g.right(), top + plot, "grid");
  const bool timed = std::any_of(c.messages.begin(), c.messages.end(), [](const MessageCoding& m) { return m.reply_seconds; });
  if (!timed)
    svg += html::svg_text(g.left() + 10, top + plot / 2, n ? "geen tijden in dit transcript" : "no times in this transcript");
  if (c.channel == Channel::chat) {
    const double y = top + plot - plot * kSilenceSeconds / most;
    svg += line(g.left(), y, g.right(), y, "limit");
    svg += html::svg_text(g.left() - 8, y + 4, n ? "3 min (stilte)" : "3 min (silence)", "small", "end");
  }
  svg += turn_axis(g, height - 10);
  return svg + "</svg>\n";
}

// The counsellor's share of the words, with the 60% line past which the study calls it dominance.
std::string share_chart(const ConversationCoding& c, std::string_view locale) {
  const bool n = nl(locale);
  const double x = 20, w = 560, share = c.counsellor_word_share.value_or(0);
  std::string svg = html::svg_open(x + w + 20, 58, n ? "Verdeling van de woorden" : "Share of the words");
  svg += rect(x, 8, w * share, 20, "counsellor", (n ? "hulpverlener " : "counsellor ") + html::percent(share));
  svg += rect(x + w * share, 8, w * (1 - share), 20, "client", (n ? "hulpvrager " : "client ") + html::percent(1 - share));
  svg += line(x + w * kDominanceShare, 2, x + w * kDominanceShare, 34, "limit");
  svg += html::svg_text(x, 46, (n ? "hulpverlener " : "counsellor ") + html::percent(share));
  svg += html::svg_text(x + w, 46, (n ? "hulpvrager " : "client ") + html::percent(1 - share), "", "end");
  svg += html::svg_text(x + w * kDominanceShare, 46, n ? "60%: hulpverlener domineert" : "60%: counsellor dominates",
                        "small", "middle");
  return svg + "</svg>\n";
}

std::string dominance_words(const ConversationCoding& c, std::string_view locale) {
  const bool n = nl(locale);
  if (c.dominance == "counsellor") return n ? "de hulpverlener domineert" : "the counsellor dominates";
  if (c.dominance == "client") return n ? "de hulpvrager domineert" : "the client dominates";
  if (c.dominance == "balanced") return n ? "in evenwicht" : "balanced";
  return "–";
}

std::string side_table(const ConversationCoding& c, std::string_view locale) {
  const bool n = nl(locale);
  auto both = [&](auto get) { return std::pair<std::string, std::string>{get(c.counsellor), get(c.client)}; };
  std::vector<std::pair<std::string, std::pair<std::string, std::string>>> rows = {
      {n ? "berichten" : "messages", both([](const SideCoding& s) { return std::to_string(s.messages); })},
      {n ? "woorden" : "words", both([](const SideCoding& s) { return std::to_string(s.totals.words); })},
      {n ? "gemiddelde reactietijd" : "mean reply time",
       both([&](const SideCoding& s) { return html::duration(s.mean_reply_seconds, locale); })},
      {n ? "stiltes (> 3 min)" : "silences (> 3 min)", both([](const SideCoding& s) { return std::to_string(s.silences); })},
      {n ? "vraagtekens" : "question marks", both([](const SideCoding& s) { return std::to_string(s.totals.questions); })},
      {n ? "uitroeptekens" : "exclamation marks", both([](const SideCoding& s) { return std::to_string(s.totals.exclamations); })},
      {n ? "beletseltekens (…)" : "ellipses (…)", both([](const SideCoding& s) { return std::to_string(s.totals.ellipses); })},
      {n ? "woorden in hoofdletters" : "words in capitals", both([](const SideCoding& s) { return std::to_string(s.totals.capital_words); })},
      {"emoticons", both([](const SideCoding& s) { return std::to_string(s.totals.emoticons); })},
  };
  std::string out = "<table class=\"sides\"><thead><tr><th></th><th class=\"num\">" +
                    std::string(n ? "hulpverlener" : "counsellor") + "</th><th class=\"num\">" +
                    (n ? "hulpvrager" : "client") + "</th></tr></thead><tbody>\n";
  for (const auto& [label, values] : rows)
    out += "<tr><td>" + html::escape(label) + "</td><td class=\"num\">" + html::escape(values.first) +
           "</td><td class=\"num\">" + html::escape(values.second) + "</td></tr>\n";
  return out + "</tbody></table>\n";
}

std::string tags(const std::vector<std::string>& practices, std::string_view locale) {
  std::string out;
  const auto& five = checklist_practices();
  for (const auto& p : practices) {
    const bool is_five = std::find(five.begin(), five.end(), p) != five.end();
    out += "<span class=\"tag" + std::string(is_five ? " five" : "") + "\" data-practice=\"" + html::escape(p) + "\">" +
           html::escape(practice_label(p, locale)) + "</span>";
  }
  return out;
}

}  // namespace

nlohmann::json session_json(const ConversationCoding& c, const std::vector<Message>& messages, std::string_view locale) {
  nlohmann::json checklist = nlohmann::json::array();
  for (const auto& p : checklist_practices()) {
    const StudyRow* row = find_study_row(p);
    const auto at = indexes_showing(c, p);
    checklist.push_back({{"practice", p},
                         {"label", practice_label(p, locale)},
                         {"done", !at.empty()},
                         {"count", c.count(p)},
                         {"message_indexes", at},  // 0-based, as "index" in "turns"
                         {"study_percent", row && row->study_percent ? nlohmann::json(*row->study_percent) : nlohmann::json(nullptr)},
                         {"recommendation", at.empty() ? recommendation(p, locale) : ""}});
  }
  nlohmann::json comparisons = nlohmann::json::array();
  for (const auto& p : compared_practices()) {
    const StudyRow* row = find_study_row(p);
    comparisons.push_back({{"practice", p},
                           {"count", c.count(p)},
                           {"study_percent", *row->study_percent},
                           {"sentence", comparison_sentence(p, c.count(p), locale)}});
  }
  nlohmann::json reached = nlohmann::json::object();
  for (const auto& p : c.phases) reached[p] = first_reached(c, p) ? nlohmann::json(*first_reached(c, p)) : nlohmann::json(nullptr);
  nlohmann::json turns = nlohmann::json::array();
  const nlohmann::json coded = to_json(c, true);
  for (std::size_t i = 0; i < c.messages.size(); ++i) {
    nlohmann::json t = coded["message_codes"][i];
    t["text"] = i < messages.size() ? messages[i].text : "";
    t["new_phases"] = c.messages[i].new_phases;
    turns.push_back(std::move(t));
  }
  nlohmann::json summary = coded;
  summary.erase("message_codes");
  return {{"report", "session"},
          {"version", version()},
          {"locale", std::string(locale)},
          {"summary", summary},
          {"checklist", checklist},
          {"comparisons", comparisons},
          {"phases", {{"order", charted_phases(c)}, {"reached", c.phases}, {"first_message_index", reached}}},
          {"turns", turns},
          {"study", {{"cases", 50},
                     {"mean_chat_minutes", kStudyMeanChatMinutes},
                     {"mean_turn_seconds", kStudyMeanTurnSeconds},
                     {"mean_email_reply_days", kStudyMeanEmailReplyDays}}}};
}

std::string session_html(const ConversationCoding& c, const std::vector<Message>& messages, std::string_view locale) {
  const bool n = nl(locale);
  const std::string title = (n ? "Gespreksrapport: " : "Session report: ") + c.name;
  std::string b = "<header><h1>" + html::escape(n ? "Gespreksrapport" : "Session report") + "</h1><p class=\"meta\">" +
                  html::escape(c.name) + " · " + to_string(c.channel) + " · " + std::to_string(c.messages.size()) +
                  (n ? " berichten" : " messages");
  if (c.duration_seconds) b += " · " + html::duration(c.duration_seconds, locale);
  b += "</p></header>\n";

  const auto crisis_at = indexes_showing(c, "crisis_risk");
  if (!crisis_at.empty())
    b += "<p class=\"alert\" id=\"crisis\">" +
         html::escape(n ? "De hulpvrager gebruikte crisistaal (bericht " + list_of_turns(crisis_at) +
                              "). Veiligheid gaat voor: vraag er direct naar en bied 113 aan (0800-0113, 113.nl)."
                        : "The client used crisis language (message " + list_of_turns(crisis_at) +
                              "). Safety comes first: ask about it directly and offer a crisis line.") +
         "</p>\n";

  b += "<section id=\"summary\"><h2>" + std::string(n ? "Samenvatting" : "Summary") + "</h2>\n<ul class=\"compare\">\n";
  b += "<li>" + html::escape((n ? "De hulpverlener schreef " : "The counsellor wrote ") + html::percent(c.counsellor_word_share) +
                             (n ? " van de woorden: " : " of the words: ") + dominance_words(c, locale) +
                             (c.dominance_change ? (n ? " (wisseling van dominantie)" : " (dominance changed)") : "") + ".") +
       "</li>\n";
  if (c.duration_seconds && c.channel == Channel::chat)
    b += "<li>" + html::escape((n ? "Het gesprek duurde " : "The conversation lasted ") + html::duration(c.duration_seconds, locale) +
                               (n ? "; een chat in het onderzoek duurde gemiddeld 46 minuten." : "; a chat in the study lasted 46 minutes on average.")) +
         "</li>\n";
  if (c.mean_turn_seconds && c.channel == Channel::chat)
    b += "<li>" + html::escape((n ? "Gemiddelde tijd tussen berichten: " : "Mean time between messages: ") +
                               html::duration(c.mean_turn_seconds, locale) +
                               (n ? "; in het onderzoek ongeveer een minuut." : "; in the study about one minute.")) +
         "</li>\n";
  if (c.channel == Channel::chat) {
    const int silences = c.silences();
    b += "<li>" + html::escape(std::to_string(silences) +
                               (n ? (silences == 1 ? " stilte" : " stiltes") : (silences == 1 ? " silence" : " silences")) +
                               (n ? ": een reactie na meer dan drie minuten (de hulpvrager: " : ": a reply after more than three minutes (the client: ") +
                               std::to_string(c.client.silences) + (n ? ", de hulpverlener: " : ", the counsellor: ") +
                               std::to_string(c.counsellor.silences) + ").") +
         "</li>\n";
  }
  const auto technical_at = indexes_showing(c, "technical_issue");
  if (!technical_at.empty())
    b += "<li>" + html::escape((n ? "Technische storing genoemd in bericht " : "Technical failure mentioned in message ") +
                               list_of_turns(technical_at) +
                               (n ? "; in het onderzoek had 14% van de chats er een." : "; in the study 14% of chats had one.")) +
         "</li>\n";
  b += "</ul></section>\n";

  b += "<section id=\"checklist\"><h2>" + std::string(n ? "De vijf praktijken" : "The five practices") + "</h2>\n";
  b += checklist_chart(c, locale);
  b += "<ul class=\"compare\">\n";
  for (const auto& p : compared_practices()) {
    b += "<li data-practice=\"" + html::escape(p) + "\">" + html::escape(comparison_sentence(p, c.count(p), locale));
    const auto at = indexes_showing(c, p);
    if (!at.empty()) b += " <span class=\"muted\">(" + html::escape((n ? "bericht " : "message ") + list_of_turns(at)) + ")</span>";
    const std::string tip = recommendation(p, locale);
    if (at.empty() && !tip.empty()) b += "<br><span class=\"muted\">" + html::escape(tip) + "</span>";
    b += "</li>\n";
  }
  if (!c.explored_before_advice() && c.shows("advice"))
    b += "<li>" + html::escape(n ? "Je gaf advies zonder eerst het probleem te verkennen; in het onderzoek verkende 65% eerst het probleem."
                                 : "You gave advice without exploring the problem first; in the study 65% explored first.") +
         "</li>\n";
  b += "</ul></section>\n";

  b += "<section id=\"practices\"><h2>" + std::string(n ? "Praktijken per bericht" : "Practices over the turns") + "</h2>\n";
  b += "<p class=\"legend\"><span><span class=\"swatch\" style=\"background:var(--counsellor)\"></span>" +
       std::string(n ? "hulpverlener" : "counsellor") + "</span><span><span class=\"swatch\" style=\"background:var(--client)\"></span>" +
       (n ? "hulpvrager" : "client") + "</span></p>\n";
  b += practices_chart(c, locale) + "</section>\n";

  b += "<section id=\"phases\"><h2>" + std::string(n ? "Bereikte fasen" : "Phases reached") + "</h2>\n";
  b += phases_chart(c, locale);
  std::vector<std::string> missing;
  for (const auto& p : study_phases())
    if (std::find(c.phases.begin(), c.phases.end(), p) == c.phases.end() && p.rfind("referral", 0) != 0)
      missing.push_back(phase_label(p, locale));
  if (!missing.empty()) {
    std::string list;
    for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
    const bool goal_or_evaluation = std::find(c.phases.begin(), c.phases.end(), "goal_formulation") == c.phases.end() ||
                                    std::find(c.phases.begin(), c.phases.end(), "evaluation") == c.phases.end();
    b += "<p>" + html::escape((n ? "Niet bereikt: " : "Not reached: ") + list + "." +
                              (!goal_or_evaluation ? ""
                               : n ? " Ook in het onderzoek ontbraken doelformulering en evaluatie meestal."
                                   : " The study also found goal formulation and evaluation mostly missing.")) +
         "</p>\n";
  }
  b += "</section>\n";

  b += "<section id=\"sides\"><h2>" + std::string(n ? "Woorden en reactietijden" : "Words and reply times") + "</h2>\n";
  b += share_chart(c, locale) + words_chart(c, locale) + reply_chart(c, locale) + side_table(c, locale) + "</section>\n";

  b += "<section id=\"transcript\"><h2>" + std::string(n ? "Het gesprek" : "The conversation") + "</h2>\n";
  for (std::size_t i = 0; i < c.messages.size() && i < messages.size(); ++i) {
    const MessageCoding& m = c.messages[i];
    b += "<div class=\"msg " + std::string(role_class(m.role)) + "\" id=\"m" + std::to_string(i + 1) + "\"><div class=\"who\">" +
         std::to_string(i + 1) + " · " + html::escape(role_name(m.role, locale)) +
         (m.time.empty() ? "" : " · " + html::escape(m.time)) +
         (m.silence ? (n ? " · stilte van " : " · silence of ") + html::duration(m.reply_seconds, locale) : "") + " " +
         tags(m.practices, locale) + "</div><div class=\"text\">" + html::escape(messages[i].text) + "</div></div>\n";
  }
  b += "</section>\n";
  b += "<footer>" + html::escape(std::string(n ? "Gemaakt door coach " : "Made by coach ") + version() +
                                 (n ? ". Dit rapport staat alleen op deze computer; er is niets verstuurd. Cijfers van het onderzoek: 50 casussen online maatschappelijk werk, 2013-2015."
                                    : ". This report is stored on this computer only; nothing was sent anywhere. Study figures: 50 cases of online social work, 2013-2015.")) +
       "</footer>\n";
  return html::page(locale, title, b);
}

}  // namespace coach::report
