#include <coach/report/study.hpp>

#include <cmath>
#include <map>

namespace coach::report {
namespace {

bool nl(std::string_view locale) { return locale == "nl"; }

std::function<bool(const ConversationCoding&)> showing(std::string practice) {
  return [practice](const ConversationCoding& c) { return c.shows(practice); };
}

struct Words {
  const char* en;
  const char* nl;
};

// In the order of CONTRACT.md.
const std::vector<std::pair<std::string, Words>>& practice_words() {
  static const std::vector<std::pair<std::string, Words>> words = {
      {"summarise", {"summarising the client's message", "samenvatten van het bericht"}},
      {"verify_interpretation", {"checking the interpretation", "interpretatie controleren"}},
      {"set_goal", {"goals and concrete steps", "doelen en concrete stappen"}},
      {"ask_feedback", {"asking for feedback", "feedback vragen"}},
      {"mobilise_network", {"mobilising the network", "netwerk inschakelen"}},
      {"online_referral", {"referral to online help", "verwijzing naar online hulp"}},
      {"f2f_referral", {"referral to face-to-face help", "verwijzing naar face-to-face hulp"}},
      {"compliment", {"compliments", "complimenten"}},
      {"explore_strengths", {"exploring strengths", "krachten verkennen"}},
      {"invite_control", {"handing control to the client", "regie bij de hulpvrager"}},
      {"evaluate_progress", {"evaluating progress", "voortgang evalueren"}},
      {"emotion_check", {"asking about feelings", "vragen naar gevoelens"}},
      {"explore_problem", {"exploring the problem", "probleem verkennen"}},
      {"advice", {"advice", "advies"}},
      {"open_question", {"open question", "open vraag"}},
      {"closed_question", {"closed question", "gesloten vraag"}},
      {"technical_issue", {"technical failure", "technische storing"}},
      {"crisis_risk", {"crisis language (client)", "crisistaal (hulpvrager)"}},
  };
  return words;
}

const std::map<std::string_view, Words>& phase_words() {
  static const std::map<std::string_view, Words> words = {
      {"intake", {"intake", "intake"}},
      {"problem_analysis", {"problem analysis", "probleemanalyse"}},
      {"goal_formulation", {"goal formulation", "doelformulering"}},
      {"strategy", {"strategy", "strategie"}},
      {"evaluation", {"evaluation", "evaluatie"}},
      {"closing", {"closing", "afsluiting"}},
      {"referral_f2f", {"referral face-to-face", "verwijzing face-to-face"}},
      {"referral_online", {"referral online", "verwijzing online"}},
  };
  return words;
}

// How a session report says what the counsellor did: "{n}" becomes "3 times" / "3 keer".
struct Sentence {
  const char* some_en;
  const char* none_en;
  const char* some_nl;
  const char* none_nl;
  const char* advice_en;
  const char* advice_nl;
};

const std::map<std::string_view, Sentence>& sentences() {
  static const std::map<std::string_view, Sentence> s = {
      {"verify_interpretation",
       {"You checked your interpretation {n}", "You did not check your interpretation",
        "Je hebt je interpretatie {n} gecontroleerd", "Je hebt je interpretatie niet gecontroleerd",
        "Check your interpretation throughout the conversation, not only at the start: paraphrase and ask "
        "whether it is right, and ask about feelings you cannot see.",
        "Controleer je interpretatie het hele gesprek door, niet alleen aan het begin: parafraseer en vraag of "
        "het klopt, en vraag naar gevoelens die je niet kunt zien."}},
      {"set_goal",
       {"You talked about goals or concrete steps {n}", "You did not talk about goals or concrete steps",
        "Je sprak {n} over doelen of concrete stappen", "Je sprak niet over doelen of concrete stappen",
        "Formulate the goal with the client and break it into small, feasible steps the client can take.",
        "Formuleer samen met de hulpvrager een doel en deel het op in kleine, haalbare stappen."}},
      {"ask_feedback",
       {"You asked for feedback {n}", "You did not ask for feedback", "Je vroeg {n} om feedback",
        "Je vroeg niet om feedback",
        "Ask during the conversation whether this is useful, whether it fits and what is missing.",
        "Vraag tijdens het gesprek of de hulp bruikbaar is, of het past en wat er mist."}},
      {"mobilise_network",
       {"You asked about or involved the client's network {n}", "You did not ask about the client's network",
        "Je vroeg {n} naar het netwerk van de hulpvrager", "Je vroeg niet naar het netwerk van de hulpvrager",
        "Search the client's network together: friends, family, neighbours, peers, also for practical help.",
        "Zoek samen in het netwerk: vrienden, familie, buren, lotgenoten, ook voor praktische hulp."}},
      {"online_referral",
       {"You pointed to online help {n}", "You did not point to online help", "Je verwees {n} naar online hulp",
        "Je verwees niet naar online hulp",
        "Consider online interventions and information sites, not only face-to-face services.",
        "Denk ook aan online interventies en informatiesites, niet alleen aan face-to-face hulp."}},
      {"summarise",
       {"You summarised the client's message {n}", "You did not summarise the client's message",
        "Je vatte {n} samen wat de hulpvrager schreef", "Je vatte niet samen wat de hulpvrager schreef", "", ""}},
      {"compliment",
       {"You complimented the client {n}", "You did not compliment the client", "Je gaf {n} een compliment",
        "Je gaf geen compliment",
        "Compliment strengths and progress, not only actions.",
        "Geef complimenten over krachten en vooruitgang, niet alleen over wat de hulpvrager deed."}},
      {"invite_control",
       {"You handed control back to the client {n}", "You did not hand control back to the client",
        "Je legde de regie {n} bij de hulpvrager", "Je legde de regie niet bij de hulpvrager",
        "Keep the client in control: ask what they expect, what they tried, what they can do.",
        "Laat de regie bij de hulpvrager: vraag wat die verwacht, al probeerde en zelf kan."}},
      {"f2f_referral",
       {"You referred to face-to-face help {n}", "You did not refer to face-to-face help",
        "Je verwees {n} naar face-to-face hulp", "Je verwees niet naar face-to-face hulp", "", ""}},
  };
  return s;
}

std::string replace_all(std::string text, std::string_view from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

}  // namespace

const std::vector<StudyRow>& study_rows() {
  using Base = StudyRow::Base;
  static const std::vector<StudyRow> rows = {
      {"summarise", "summarising the client's message", "samenvatten van het bericht", 73,
       "mostly only at the start", "meestal alleen aan het begin", Base::all, showing("summarise")},
      {"verify_interpretation", "checking the interpretation", "interpretatie controleren", 40, "20 of 50 cases",
       "20 van de 50 casussen", Base::all, showing("verify_interpretation")},
      {"compliment", "compliments, positive labelling", "complimenten, positief labelen", 65,
       "mostly about actions, rarely strengths", "meestal over acties, zelden over krachten", Base::all,
       showing("compliment")},
      {"mobilise_network", "asking about the informal network", "informeel netwerk inschakelen", 42,
       "mostly as a listening ear", "meestal als luisterend oor", Base::all, showing("mobilise_network")},
      {"set_goal", "explicit goals and concrete steps", "expliciete doelen en concrete stappen", 4,
       "2 of 50 cases used the word \"doel\"", "2 van de 50 casussen gebruikten het woord \"doel\"", Base::all,
       showing("set_goal")},
      {"invite_control", "handing control back to the client", "regie terugleggen bij de hulpvrager", 62,
       "present but not systematic", "aanwezig maar niet systematisch", Base::all, showing("invite_control")},
      {"explore_before_advice", "exploring the problem before advising", "probleem verkennen voor advies", 65,
       "counsellors jump to advice", "hulpverleners springen naar advies", Base::all,
       [](const ConversationCoding& c) { return c.explored_before_advice(); }},
      {"ask_feedback", "asking for feedback", "feedback vragen", 40, "rarely during the conversation",
       "zelden tijdens het gesprek", Base::all, showing("ask_feedback")},
      {"online_referral", "referral to online help", "verwijzing naar online hulp", 10, "a large unused potential",
       "groot onbenut potentieel", Base::all, showing("online_referral")},
      {"f2f_referral", "referral to face-to-face help", "verwijzing naar face-to-face hulp", 38,
       "38% to social work, 51% to other face-to-face services",
       "38% naar maatschappelijk werk, 51% naar andere face-to-face hulp", Base::all, showing("f2f_referral")},
      {"no_referral", "no reference to other help", "geen verwijzing naar andere hulp", 28, "fully online help",
       "volledig online hulp", Base::all, [](const ConversationCoding& c) { return !c.any_referral(); }},
      {"technical_failure_chat", "technical failure (chats)", "technische storing (chats)", 14, "", "", Base::chats,
       [](const ConversationCoding& c) { return c.technical_failure(); }},
      {"technical_failure_email", "technical failure (e-mails)", "technische storing (e-mails)", 4, "", "",
       Base::emails, [](const ConversationCoding& c) { return c.technical_failure(); }},
      {"emotion_check", "asking about feelings", "vragen naar gevoelens", std::nullopt, "", "", Base::all,
       showing("emotion_check")},
      {"advice", "advice", "advies", std::nullopt, "", "", Base::all, showing("advice")},
      {"crisis_risk", "crisis language (client)", "crisistaal (hulpvrager)", std::nullopt, "", "", Base::all,
       showing("crisis_risk")},
      {"counsellor_dominates", "counsellor dominates (> 60% of the words)",
       "hulpverlener domineert (> 60% van de woorden)", std::nullopt, "", "", Base::all,
       [](const ConversationCoding& c) { return c.dominance == "counsellor"; }},
      {"silence", "silences (chat reply after > 3 minutes)", "stiltes (chatreactie na > 3 minuten)", std::nullopt,
       "", "", Base::chats, [](const ConversationCoding& c) { return c.silences() > 0; }},
      {"emoticons", "emoticons", "emoticons", std::nullopt, "rare: 1 of 184 e-mails", "zeldzaam: 1 van 184 e-mails",
       Base::all, [](const ConversationCoding& c) { return c.emoticons() > 0; }},
  };
  return rows;
}

const StudyRow* find_study_row(std::string_view id) {
  for (const StudyRow& row : study_rows())
    if (row.id == id) return &row;
  return nullptr;
}

std::string practice_label(std::string_view practice, std::string_view locale) {
  for (const auto& [id, words] : practice_words())
    if (id == practice) return nl(locale) ? words.nl : words.en;
  return std::string(practice);
}

const std::vector<std::string>& contract_practices() {
  static const std::vector<std::string> ids = [] {
    std::vector<std::string> out;
    for (const auto& entry : practice_words()) out.push_back(entry.first);
    return out;
  }();
  return ids;
}

std::string phase_label(std::string_view phase, std::string_view locale) {
  const auto& words = phase_words();
  const auto it = words.find(phase);
  if (it == words.end()) return std::string(phase);
  return nl(locale) ? it->second.nl : it->second.en;
}

const std::vector<std::string>& study_phases() {
  static const std::vector<std::string> phases = {"intake",     "problem_analysis", "goal_formulation",
                                                  "strategy",   "evaluation",       "closing",
                                                  "referral_f2f", "referral_online"};
  return phases;
}

std::string comparison_sentence(std::string_view practice, int count, std::string_view locale) {
  const auto& all = sentences();
  const auto it = all.find(practice);
  const StudyRow* row = find_study_row(practice);
  if (it == all.end() || !row || !row->study_percent) return "";
  const Sentence& s = it->second;
  const long percent = std::lround(*row->study_percent);
  if (nl(locale)) {
    std::string first = count > 0 ? replace_all(s.some_nl, "{n}", std::to_string(count) + " keer") : s.none_nl;
    return first + "; in het onderzoek gebeurde dat in " + std::to_string(percent) + "% van de gesprekken.";
  }
  const std::string times = count == 1 ? "once" : std::to_string(count) + " times";
  std::string first = count > 0 ? replace_all(s.some_en, "{n}", times) : s.none_en;
  return first + "; in the study " + std::to_string(percent) + "% of conversations did it at all.";
}

std::string recommendation(std::string_view practice, std::string_view locale) {
  const auto& all = sentences();
  const auto it = all.find(practice);
  if (it == all.end()) return "";
  return nl(locale) ? it->second.advice_nl : it->second.advice_en;
}

}  // namespace coach::report
