// coach analyse: the study's table over many conversations, as text, CSV, JSON and HTML.
#include <coach/report/render.hpp>
#include <coach/report/study.hpp>

#include "html.hpp"

#include <algorithm>
#include <sstream>

namespace coach::report {
namespace {

bool nl(std::string_view locale) { return locale == "nl"; }

// Width of UTF-8 text in characters (for aligning the terminal table).
std::size_t width(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string pad(std::string s, std::size_t to) {
  const std::size_t w = width(s);
  if (w < to) s.append(to - w, ' ');
  return s;
}

std::string pad_left(const std::string& s, std::size_t to) {
  const std::size_t w = width(s);
  return w < to ? std::string(to - w, ' ') + s : s;
}

std::string study_percent(const StudyRow* row) {
  return row && row->study_percent ? html::number(*row->study_percent) + "%" : "–";
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : std::string(separator)) + item;
  return out;
}

std::string channel_counts(const Aggregate& a, std::string_view locale) {
  return std::to_string(a.conversations) + (nl(locale) ? " gesprekken (" : " conversations (") +
         std::to_string(a.chats) + " chat, " + std::to_string(a.emails) + " e-mail), " + std::to_string(a.messages) +
         (nl(locale) ? " berichten" : " messages");
}

struct Figure {
  std::string label;
  std::string value;
  std::string study;
};

std::vector<Figure> figures(const Aggregate& a, std::string_view locale) {
  const bool n = nl(locale);
  return {
      {n ? "gemiddelde duur van een chat" : "mean chat length", html::duration(
           a.mean_chat_minutes ? std::optional<double>(*a.mean_chat_minutes * 60) : std::nullopt, locale),
       html::number(kStudyMeanChatMinutes) + " min"},
      {n ? "gemiddelde tijd tussen beurten (chat)" : "mean time between turns (chat)",
       html::duration(a.mean_turn_seconds, locale), n ? "ongeveer 1 min" : "about 1 min"},
      {n ? "gemiddelde antwoordtijd e-mail" : "mean e-mail reply time",
       html::duration(a.mean_email_reply_days ? std::optional<double>(*a.mean_email_reply_days * 86400) : std::nullopt,
                      locale),
       html::number(kStudyMeanEmailReplyDays) + (n ? " dagen" : " days")},
      {n ? "aandeel woorden hulpverlener" : "counsellor's share of the words", html::percent(a.mean_counsellor_word_share),
       "–"},
  };
}

}  // namespace

std::string corpus_text(const Aggregate& a, std::string_view locale) {
  const bool n = nl(locale);
  std::ostringstream out;
  out << channel_counts(a, locale) << "\n\n";
  std::size_t label_width = width(n ? "praktijk" : "practice");
  for (const AggregateRow& r : a.rows) label_width = std::max(label_width, width(find_study_row(r.id)->label(locale)));
  out << pad(n ? "praktijk" : "practice", label_width) << "  " << pad_left(n ? "gesprekken" : "conversations", 13)
      << "  " << pad_left(n ? "onderzoek" : "study", 9) << "\n";
  out << std::string(label_width + 26, '-') << "\n";
  for (const AggregateRow& r : a.rows) {
    const StudyRow* row = find_study_row(r.id);
    const std::string count = std::to_string(r.conversations) + "/" + std::to_string(r.base);
    out << pad(row->label(locale), label_width) << "  " << pad_left(count, 6) << " " << pad_left(html::percent(r.share()), 6)
        << "  " << pad_left(study_percent(row), 9);
    const std::string note = row->note(locale);
    if (!note.empty()) out << "  " << note;
    out << "\n";
  }
  out << "\n";
  const auto figs = figures(a, locale);
  std::size_t figure_width = 0;
  for (const auto& f : figs) figure_width = std::max(figure_width, width(f.label));
  for (const auto& f : figs)
    out << pad(f.label, figure_width) << "  " << pad_left(f.value, 9) << "  "
        << (f.study == "–" ? "" : (n ? "(onderzoek: " : "(study: ") + f.study + ")") << "\n";
  out << "\n"
      << (n ? "Onderzoek: 50 casussen van online maatschappelijk werk (chat en e-mail), 2013-2015.\n"
            : "Study: 50 cases of online social work (chat and e-mail), 2013-2015.\n");
  return out.str();
}

std::string corpus_csv(const std::vector<ConversationCoding>& conversations) {
  std::ostringstream out;
  out << "file,channel,messages,counsellor_messages,client_messages,counsellor_words,client_words,"
         "counsellor_word_share,dominance,dominance_change,duration_minutes,mean_turn_seconds,"
         "counsellor_mean_reply_seconds,client_mean_reply_seconds,silences,emoticons,questions,exclamations,"
         "ellipses,capital_words,explored_before_advice,technical_failure,crisis,referral_f2f,referral_online,phases,"
         "topics";
  for (const auto& p : contract_practices()) out << "," << p;
  out << "\n";
  auto opt = [](const std::optional<double>& v, int decimals) { return v ? html::number(*v, decimals) : std::string(); };
  auto flag = [](bool b) { return b ? "1" : "0"; };
  for (const auto& c : conversations) {
    const TextMeasures both = [&] { TextMeasures t = c.counsellor.totals; t += c.client.totals; return t; }();
    out << csv_field(c.name) << "," << to_string(c.channel) << "," << c.messages.size() << "," << c.counsellor.messages
        << "," << c.client.messages << "," << c.counsellor.totals.words << "," << c.client.totals.words << ","
        << opt(c.counsellor_word_share, 3) << "," << c.dominance << "," << flag(c.dominance_change) << ","
        << opt(c.duration_seconds ? std::optional<double>(*c.duration_seconds / 60) : std::nullopt, 1) << ","
        << opt(c.mean_turn_seconds, 0) << "," << opt(c.counsellor.mean_reply_seconds, 0) << ","
        << opt(c.client.mean_reply_seconds, 0) << "," << c.silences() << "," << both.emoticons << "," << both.questions
        << "," << both.exclamations << "," << both.ellipses << "," << both.capital_words << ","
        << flag(c.explored_before_advice()) << "," << flag(c.technical_failure()) << "," << flag(c.crisis()) << ","
        << flag(c.shows("f2f_referral")) << "," << flag(c.shows("online_referral")) << ","
        << csv_field(join(c.phases, ";")) << "," << csv_field(join(c.topics, ";"));
    for (const auto& p : contract_practices()) out << "," << c.count(p);
    out << "\n";
  }
  return out.str();
}

nlohmann::json corpus_json(const std::vector<ConversationCoding>& conversations, const Aggregate& a,
                           std::string_view locale) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& c : conversations) list.push_back(to_json(c, true));
  return {{"aggregate", to_json(a, locale)}, {"conversations", std::move(list)}};
}

namespace {

// Horizontal bars: this corpus against the study, for the rows the study has a figure for.
std::string comparison_chart(const Aggregate& a, std::string_view locale) {
  std::vector<const AggregateRow*> rows;
  for (const AggregateRow& r : a.rows)
    if (find_study_row(r.id)->study_percent && r.base > 0) rows.push_back(&r);
  const double label_w = 260, bar_w = 380, row_h = 34, top = 24;
  const double height = top + rows.size() * row_h + 10;
  const bool n = nl(locale);
  std::string svg = html::svg_open(label_w + bar_w + 60, height,
                                   n ? "Aandeel gesprekken per praktijk: dit corpus en het onderzoek"
                                     : "Share of conversations per practice: this corpus and the study");
  svg += "<rect x=\"" + html::number(label_w) + "\" y=\"4\" width=\"10\" height=\"10\" class=\"counsellor\"/>" +
         html::svg_text(label_w + 14, 13, n ? "dit corpus" : "this corpus") + "<rect x=\"" +
         html::number(label_w + 110) + "\" y=\"4\" width=\"10\" height=\"10\" class=\"study\"/>" +
         html::svg_text(label_w + 124, 13, n ? "onderzoek (50 casussen)" : "study (50 cases)") + "\n";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const AggregateRow& r = *rows[i];
    const StudyRow* row = find_study_row(r.id);
    const double y = top + i * row_h;
    const double share = r.share().value_or(0), study = *row->study_percent / 100;
    svg += html::svg_text(label_w - 8, y + 16, row->label(locale), "", "end");
    svg += "<rect x=\"" + html::number(label_w) + "\" y=\"" + html::number(y + 3, 1) + "\" width=\"" +
           html::number(std::max(1.0, share * bar_w), 1) + "\" height=\"12\" class=\"counsellor\"/>";
    svg += html::svg_text(label_w + share * bar_w + 4, y + 13, html::percent(share), "small");
    svg += "<rect x=\"" + html::number(label_w) + "\" y=\"" + html::number(y + 16, 1) + "\" width=\"" +
           html::number(std::max(1.0, study * bar_w), 1) + "\" height=\"10\" class=\"study\"/>";
    svg += html::svg_text(label_w + study * bar_w + 4, y + 25, html::percent(study), "small") + "\n";
  }
  return svg + "</svg>\n";
}

std::string mark(bool done) { return done ? "<span class=\"ok\">✓</span>" : "<span class=\"no\">✗</span>"; }

}  // namespace

std::string corpus_html(const std::vector<ConversationCoding>& conversations, const Aggregate& a,
                        std::string_view locale) {
  const bool n = nl(locale);
  const std::string title = n ? "Corpusanalyse" : "Corpus analysis";
  std::string b = "<header><h1>" + html::escape(title) + "</h1><p class=\"meta\">" +
                  html::escape(channel_counts(a, locale)) + (n ? ", gecodeerd met het schema van het onderzoek"
                                                               : ", coded with the study's scheme") +
                  ".</p></header>\n";
  b += "<section id=\"aggregate\"><h2>" + std::string(n ? "Aandeel gesprekken per praktijk" : "Share of conversations per practice") + "</h2>\n";
  b += comparison_chart(a, locale);
  b += "<table><thead><tr><th>" + std::string(n ? "praktijk" : "practice") + "</th><th class=\"num\">" +
       (n ? "gesprekken" : "conversations") + "</th><th class=\"num\">%</th><th class=\"num\">" +
       (n ? "onderzoek" : "study") + "</th><th>" + (n ? "toelichting onderzoek" : "what the study found") +
       "</th></tr></thead><tbody>\n";
  for (const AggregateRow& r : a.rows) {
    const StudyRow* row = find_study_row(r.id);
    b += "<tr id=\"row-" + html::escape(r.id) + "\"><td>" + html::escape(row->label(locale)) + "</td><td class=\"num\">" +
         std::to_string(r.conversations) + " / " + std::to_string(r.base) + "</td><td class=\"num\">" +
         html::percent(r.share()) + "</td><td class=\"num\">" + study_percent(row) + "</td><td class=\"muted\">" +
         html::escape(row->note(locale)) + "</td></tr>\n";
  }
  b += "</tbody></table>\n<table><tbody>\n";
  for (const auto& f : figures(a, locale))
    b += "<tr><td>" + html::escape(f.label) + "</td><td class=\"num\">" + html::escape(f.value) +
         "</td><td class=\"num muted\">" + (f.study == "–" ? "" : (n ? "onderzoek: " : "study: ") + html::escape(f.study)) +
         "</td></tr>\n";
  b += "</tbody></table></section>\n";

  b += "<section id=\"conversations\"><h2>" + std::string(n ? "Per gesprek" : "Per conversation") + "</h2>\n";
  b += "<table><thead><tr><th>" + std::string(n ? "bestand" : "file") + "</th><th class=\"num\">" +
       (n ? "berichten" : "messages") + "</th><th class=\"num\">" + (n ? "woorden hv/hvr" : "words c/cl") +
       "</th><th>" + (n ? "dominantie" : "dominance") + "</th><th class=\"num\">" + (n ? "duur" : "length") +
       "</th><th class=\"num\">" + (n ? "stiltes" : "silences") + "</th>";
  for (const auto& p : checklist_practices()) b += "<th title=\"" + html::escape(practice_label(p, locale)) + "\">" + html::escape(practice_label(p, locale)) + "</th>";
  b += "<th>" + std::string(n ? "fasen" : "phases") + "</th></tr></thead><tbody>\n";
  for (const auto& c : conversations) {
    b += "<tr><td>" + html::escape(c.name) + " <span class=\"muted\">(" + to_string(c.channel) + ")</span></td><td class=\"num\">" +
         std::to_string(c.messages.size()) + "</td><td class=\"num\">" + std::to_string(c.counsellor.totals.words) + " / " +
         std::to_string(c.client.totals.words) + "</td><td>" + html::escape(c.dominance) + " " +
         html::percent(c.counsellor_word_share) + "</td><td class=\"num\">" + html::duration(c.duration_seconds, locale) +
         "</td><td class=\"num\">" + std::to_string(c.silences()) + "</td>";
    for (const auto& p : checklist_practices()) b += "<td>" + mark(c.shows(p)) + "</td>";
    std::vector<std::string> phases;
    for (const auto& p : c.phases) phases.push_back(phase_label(p, locale));
    b += "<td>" + html::escape(join(phases, " → ")) + "</td></tr>\n";
  }
  b += "</tbody></table></section>\n";
  b += "<footer>" + std::string(n ? "Gemaakt door coach analyse. Alleen lokaal opgeslagen; er is niets verstuurd."
                                  : "Made by coach analyse. Stored locally only; nothing was sent anywhere.") +
       "</footer>\n";
  return html::page(locale, title, b);
}

}  // namespace coach::report
