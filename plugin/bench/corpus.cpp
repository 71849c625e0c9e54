#include "corpus.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <stdexcept>

namespace bench {

std::uint64_t Rng::next() {
  std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

using Bank = std::vector<std::string_view>;

struct Language {
  std::string locale;
  std::map<std::string, Bank, std::less<>> slots;  // {name} -> choices
  Bank client;                                   // client sentences
  Bank client_short;                             // short chat replies
  Bank client_crisis;                            // rare
  Bank counsellor;                               // counsellor sentences (chat and e-mail)
  Bank counsellor_open;                          // first chat message of a conversation
  Bank email_greeting;                           // "Beste {name},"
  Bank email_thanks;                             // first sentence of an e-mail reply
  Bank email_closing;                            // sign-off, may hold a line break
  Bank client_email_closing;
  Bank tails;                                    // chat noise appended now and then: ":)", "haha"
};

namespace {

// ---------------------------------------------------------------------------------------------
// Dutch
// ---------------------------------------------------------------------------------------------
Language make_dutch() {
  Language l;
  l.locale = "nl";
  l.slots = {
      {"name", {"Sanne", "Daan", "Fatima", "Mohammed", "Kevin", "Lotte", "Emma", "Noah", "Yara", "Bram", "Sophie",
                "Thijs", "Anouk", "Youssef", "Chloë", "Eline", "Joris", "Naïma", "Ruben", "Ilse", "Mila", "Jesse"}},
      {"cname", {"Marieke", "Jeroen", "Annelies", "Pieter", "Hanneke", "Sander", "Femke", "Wouter"}},
      {"feeling", {"verdrietig", "eenzaam", "boos", "moe", "bang", "onzeker", "gespannen", "leeg", "somber",
                   "gestrest", "geïrriteerd", "machteloos", "schuldig", "opgejaagd"}},
      {"person", {"mijn moeder", "mijn vader", "mijn vriend", "mijn vriendin", "mijn zus", "mijn broer", "mijn baas",
                  "mijn ex", "mijn partner", "mijn buurvrouw", "mijn schoonmoeder", "mijn beste vriendin",
                  "mijn oom", "mijn mentor", "mijn huisgenoot"}},
      {"person_short", {"je moeder", "je vader", "je zus", "je broer", "een goede vriend", "je partner",
                        "een buurvrouw", "een collega", "je mentor", "je huisarts"}},
      {"time", {"twee weken", "een maand", "drie maanden", "een half jaar", "een jaar", "twee jaar", "een paar dagen",
                "vier maanden", "anderhalf jaar", "een week of zes"}},
      {"place", {"Utrecht", "Rotterdam", "Den Haag", "Groningen", "Eindhoven", "Zwolle", "Tilburg",
                 "'s-Hertogenbosch", "Leeuwarden", "Almere", "Maastricht", "Deventer"}},
      {"age", {"15", "16", "17", "19", "23", "27", "34", "38", "42", "51", "58", "63"}},
      {"event", {"de scheiding", "het ontslag", "de verhuizing", "de geboorte van je dochter",
                 "het overlijden van je vader", "de operatie", "de ruzie met je zus", "je examens"}},
      {"problem", {"mijn schulden", "mijn werk", "school", "de scheiding", "mijn gezondheid", "de kinderen",
                   "mijn relatie", "het geld", "mijn huis", "mijn studie", "de toekomst", "mijn moeder"}},
      {"clock", {"twee uur 's nachts", "middernacht", "half vier", "één uur ’s nachts", "zes uur 's ochtends"}},
      {"site", {"www.113.nl", "www.nibud.nl", "www.deluisterlijn.nl", "https://www.mindkorrelatie.nl",
                "www.zelfjeschuldenregelen.nl", "www.opvoeden.nl", "https://www.griponjedip.nl"}},
      {"activity", {"wandelen", "sporten", "muziek luisteren", "tekenen", "met de hond naar buiten gaan",
                    "koken", "gamen", "naar de sportschool gaan", "lezen"}},
  };
  l.client = {
      "Ik weet eigenlijk niet goed waar ik moet beginnen.",
      "Het gaat al {time} niet goed met me.",
      "Ik voel me de laatste tijd heel {feeling}.",
      "{person} begrijpt niet wat ik doormaak.",
      "Ik heb ruzie gehad met {person} en nu praten we niet meer met elkaar.",
      "Ik heb schulden en ik durf mijn post niet meer open te maken.",
      "Sinds de scheiding woon ik alleen in een klein appartement in {place}.",
      "Mijn zoon van {age} gaat al weken niet naar school.",
      "Ik slaap slecht en lig 's nachts uren wakker te piekeren over {problem}.",
      "Op mijn werk loopt het ook niet lekker, mijn baas zit de hele tijd op mijn nek.",
      "Ik heb het gevoel dat niemand naar me luistert.",
      "Soms denk ik dat het nooit meer beter wordt.",
      "Ik heb al eens met de huisarts gepraat maar dat hielp niet echt.",
      "Eerlijk gezegd schaam ik me er een beetje voor.",
      "Mijn vriendin zegt dat ik hulp moet zoeken, daarom chat ik nu.",
      "Ik ben {age} en ik woon nog bij mijn ouders in {place}.",
      "De huur is omhoog gegaan en ik kan het bijna niet meer betalen.",
      "Ik heb een uitkering maar dat is niet genoeg om rond te komen.",
      "Ik mis mijn oma heel erg, ze is {time} geleden overleden.",
      "Mijn ex laat de kinderen niet meer bij mij komen.",
      "Ik drink de laatste tijd meer dan goed voor me is.",
      "Ik heb niemand om mee te praten, mijn vrienden zijn allemaal verhuisd.",
      "Ik ben bang dat ik mijn baan kwijtraak.",
      "Ik werk in een café en ben vaak pas om {clock} thuis.",
      "Mijn contract wordt waarschijnlijk beëindigd na de zomer.",
      "Ik heb allerlei ideeën maar ik kom nergens toe.",
      "Ik heb [NAAM] er nog niets over verteld.",
      "Kan ik ook bellen in plaats van chatten?",
      "Ik weet niet of ik hier wel goed zit.",
      "Het voelt alsof alles tegelijk op me afkomt.",
      "Gisteren was het weer mis, we hebben tot {clock} ruzie gemaakt.",
      "Mijn moeder is ziek en ik zorg voor haar naast mijn werk.",
      "Ik heb me aangemeld bij de schuldhulp maar er is een wachtlijst van {time}.",
      "Ik zit echt met mijn handen in het haar.",
      "Ik heb het al geprobeerd, maar het lukt me gewoon niet.",
      "Het is privé en ik wil niet dat mijn collega's het weten.",
      "Na {event} is alles veranderd.",
      "Ik kan me op school helemaal niet meer concentreren.",
      "Mijn dochter wordt gepest en ik weet niet wat ik moet doen.",
      "De deurwaarder is vorige week al twee keer aan de deur geweest.",
      "Ik voel me {feeling} en tegelijk ook {feeling}, dat is zo raar.",
      "Hoe moet ik dat dan aanpakken?",
      "Wat zou jij doen als je mij was?",
      "Ik heb het gevoel dat ik er helemaal alleen voor sta.",
      "Mijn financiële situatie is echt een puinhoop.",
      "Ik wil gewoon dat het weer rustig wordt in mijn hoofd.",
      "Vroeger vond ik {activity} heel fijn, maar nu heb ik nergens zin in.",
      "Soms eet ik de hele dag niks en dan 's avonds heel veel tegelijk.",
      "Mijn huisgenoot maakt steeds opmerkingen over mijn gewicht.",
      "Ik weet niet zo goed hoe ik dat moet uitleggen.",
  };
  l.client_short = {
      "Ja dat klopt wel, zo voelt het echt.", "Nee, zo bedoel ik het niet helemaal.",
      "Ik weet het niet... misschien wel.", "Dank je, dat is fijn om te horen :)",
      "Ja, dat heb ik ook al gedacht.", "Oké, dat ga ik proberen.", "Dat is een goed idee eigenlijk.",
      "Nou, niet echt heb ik het idee.", "Ja precies, dat bedoel ik.", "Hmm, daar moet ik even over nadenken.",
      "Bedankt voor het luisteren, echt.", "Ik denk het wel ja.", "Dat weet ik eerlijk gezegd niet.",
  };
  l.client_crisis = {
      "Ik wil er soms gewoon niet meer zijn.",
      "Ik denk er wel eens aan om er een einde aan te maken.",
      "Ik heb mezelf gisteren weer gesneden.",
  };
  l.counsellor = {
      "Wat vervelend dat je dat meemaakt.",
      "Als ik het goed begrijp, voel je je vooral {feeling} sinds {event}, klopt dat?",
      "Begrijp ik het goed dat je al {time} niet goed slaapt?",
      "Klopt dat zo een beetje?",
      "Kun je daar iets meer over vertellen?",
      "Hoe gaat het op dit moment met je?",
      "Wat zou je willen dat er verandert?",
      "Wat wil je aan het eind van dit gesprek bereikt hebben?",
      "Waar zou je het eerst aan willen werken?",
      "Heb je iemand in je omgeving met wie je hierover kunt praten?",
      "Zou {person_short} je hierbij kunnen helpen?",
      "Op {site} kun je ook anoniem chatten of informatie vinden.",
      "Op de website van het Nibud staan handige tips om je uitgaven op een rij te zetten.",
      "Heb je er wel eens aan gedacht om naar je huisarts te gaan?",
      "Wat knap dat je dit zo eerlijk durft te vertellen.",
      "Dat klinkt alsof je al heel veel hebt geprobeerd.",
      "Helpt het je een beetje om het zo op een rijtje te zetten?",
      "Heb je iets aan dit gesprek tot nu toe?",
      "Wat vind je ervan als we samen kijken naar wat je nu kunt doen?",
      "Jij bepaalt waar we het over hebben.",
      "Dus samengevat: je maakt je zorgen over {problem}, je slaapt slecht en je hebt weinig steun, klopt dat?",
      "Ik hoor dat het allemaal heel veel is op dit moment.",
      "Wat heeft je in het verleden geholpen als het zwaar was?",
      "Hoe voel je je nu je dit hebt opgeschreven?",
      "Neem gerust de tijd om na te denken.",
      "Ik snap dat dit een moeilijke stap is.",
      "Bedoel je dat je {person_short} niet meer vertrouwt?",
      "Je kunt ook een afspraak maken bij het maatschappelijk werk in {place}.",
      "Zullen we afspreken dat je deze week één ding probeert?",
      "Wat zou een eerste kleine stap kunnen zijn?",
      "Ik ben blij dat je de stap hebt gezet om contact op te nemen.",
      "Mag ik je vragen hoe oud je bent?",
      "Wat bedoel je precies met 'het gaat niet'?",
      "Fijn dat je het zegt, dat is belangrijk.",
      "Wil je dat ik je wat tips geef, of wil je vooral je verhaal kwijt?",
      "Het lijkt me heel zwaar om dat allemaal alleen te dragen.",
      "Je schrijft dat je je {feeling} voelt, kun je vertellen wanneer dat begon?",
      "Wat doe je meestal als je je zo voelt?",
      "Ik merk dat je heel goed weet wat je wel en niet wilt.",
      "Zou je het fijn vinden om samen een plan te maken?",
      "Heb je al eens met {person_short} over {problem} gepraat?",
      "Hoe was het voor je om dit op te schrijven?",
      "Je vertelde eerder dat {activity} je vroeger rust gaf.",
      "Misschien is het een idee om een lijstje te maken van alle rekeningen.",
      "Het is heel begrijpelijk dat je je zo voelt na {event}.",
      "Denk je dat het je zou helpen om hier vaker over te praten?",
      "Wat heb je nodig om de komende dagen door te komen?",
  };
  l.counsellor_open = {
      "Hoi, welkom bij de chat! Waar wil je het vandaag over hebben?",
      "Hallo, fijn dat je er bent. Wat kan ik voor je doen?",
      "Goedenavond, je chat met een vrijwilliger. Waar loop je tegenaan?",
  };
  l.email_greeting = {"Beste {name},", "Hallo {name},", "Hoi {name},", "Lieve {name},"};
  l.email_thanks = {
      "Dank je wel voor je e-mail en voor het vertrouwen om je verhaal met ons te delen.",
      "Fijn dat je ons weer mailt, ik heb je bericht met aandacht gelezen.",
      "Bedankt voor je uitgebreide bericht van gisteravond.",
  };
  l.email_closing = {"Met vriendelijke groet,\n{cname}", "Hartelijke groet,\n{cname}", "Veel sterkte en groet,\n{cname}"};
  l.client_email_closing = {"Groetjes, {name}", "Alvast bedankt, {name}", "Groet {name}"};
  l.tails = {":)", ":(", "haha", "...", "😕", "xx"};
  return l;
}

// ---------------------------------------------------------------------------------------------
// English
// ---------------------------------------------------------------------------------------------
Language make_english() {
  Language l;
  l.locale = "en";
  l.slots = {
      {"name", {"Emma", "Liam", "Olivia", "Noah", "Ava", "Oliver", "Sophia", "Jack", "Amelia", "Harry", "Priya",
                "Mohammed", "Zoë", "Siobhán", "Chloe", "Ethan", "Aisha", "Callum", "Ruby", "Daniel", "Maya"}},
      {"cname", {"Sarah", "James", "Helen", "Mark", "Rachel", "Tom", "Kate", "Andrew"}},
      {"feeling", {"sad", "lonely", "angry", "exhausted", "scared", "anxious", "tense", "empty", "low", "stressed",
                   "overwhelmed", "hopeless", "guilty", "numb"}},
      {"person", {"my mum", "my dad", "my boyfriend", "my girlfriend", "my sister", "my brother", "my boss",
                  "my ex", "my partner", "my neighbour", "my mother-in-law", "my best friend", "my flatmate",
                  "my tutor", "my uncle"}},
      {"person_short", {"your mum", "your dad", "your sister", "your brother", "a close friend", "your partner",
                        "a neighbour", "a colleague", "your tutor", "your GP"}},
      {"time", {"two weeks", "a month", "three months", "half a year", "a year", "two years", "a few days",
                "four months", "eighteen months", "six weeks or so"}},
      {"place", {"Manchester", "Leeds", "Bristol", "Glasgow", "Cardiff", "Birmingham", "Norwich", "Brighton",
                 "Newcastle", "Belfast", "Sheffield", "Exeter"}},
      {"age", {"15", "16", "17", "19", "23", "27", "34", "38", "42", "51", "58", "63"}},
      {"event", {"the divorce", "losing your job", "the move", "your daughter's birth", "your dad's death",
                 "the operation", "the row with your sister", "your exams"}},
      {"problem", {"my debts", "my job", "school", "the divorce", "my health", "the kids", "my relationship",
                   "money", "my flat", "my course", "the future", "my mum"}},
      {"clock", {"two in the morning", "midnight", "half three", "one o’clock at night", "six in the morning"}},
      {"site", {"www.samaritans.org", "www.mind.org.uk", "https://www.nhs.uk/mental-health", "www.stepchange.org",
                "www.shelter.org.uk", "https://www.childline.org.uk", "www.citizensadvice.org.uk"}},
      {"activity", {"walking", "going to the gym", "listening to music", "drawing", "taking the dog out",
                    "cooking", "gaming", "swimming", "reading"}},
  };
  l.client = {
      "I don't really know where to start.",
      "Things haven't been good for {time} now.",
      "I've been feeling really {feeling} lately.",
      "{person} doesn't understand what I'm going through.",
      "I had a row with {person} and now we're not speaking.",
      "I'm in debt and I can't bring myself to open my post any more.",
      "Since the divorce I live on my own in a small flat in {place}.",
      "My son is {age} and he hasn't been to school for weeks.",
      "I sleep badly and lie awake for hours worrying about {problem}.",
      "Work isn't going well either, my boss is on my back all the time.",
      "I feel like nobody listens to me.",
      "Sometimes I think it will never get better.",
      "I talked to my GP once but it didn't really help.",
      "To be honest I'm a bit ashamed of it.",
      "My girlfriend says I should get help, that's why I'm on this chat.",
      "I'm {age} and I still live with my parents in {place}.",
      "The rent went up and I can barely pay it.",
      "I'm on benefits but it isn't enough to get by.",
      "I miss my nan so much, she died {time} ago.",
      "My ex won't let the kids come to mine any more.",
      "I've been drinking more than is good for me.",
      "I've got nobody to talk to, my friends have all moved away.",
      "I'm scared I'll lose my job.",
      "I work in a café and often don’t get home until {clock}.",
      "My contract probably won't be renewed after the summer.",
      "I've got all sorts of ideas but I never get round to anything.",
      "I haven't told [NAME] anything about it yet.",
      "Can I phone instead of chatting?",
      "I'm not sure I'm in the right place here.",
      "It feels like everything is hitting me at once.",
      "Yesterday it went wrong again, we argued until {clock}.",
      "My mum is ill and I look after her on top of my job.",
      "I signed up for debt advice but there's a waiting list of {time}.",
      "I honestly don't know what to do any more.",
      "I've tried, but I just can't manage it.",
      "It's private and I don't want my colleagues to know.",
      "After {event} everything changed.",
      "I can't concentrate at school at all.",
      "My daughter is being bullied and I don't know what to do.",
      "The bailiffs have already been round twice last week.",
      "I feel {feeling} and {feeling} at the same time, it's so weird.",
      "How am I supposed to deal with that?",
      "What would you do if you were me?",
      "I feel like I'm completely on my own with this.",
      "My finances are a complete mess.",
      "I just want my head to be quiet again.",
      "I used to love {activity}, but now I can't be bothered with anything.",
      "Some days I don't eat anything and then eat loads in the evening.",
      "My flatmate keeps making comments about my weight.",
      "I'm not sure how to explain it.",
  };
  l.client_short = {
      "Yeah that's right, that's exactly how it feels.", "No, that's not quite what I mean.",
      "I don't know... maybe.", "Thanks, that's nice to hear :)", "Yes, I'd thought of that too.",
      "OK, I'll give that a try.", "That's actually a good idea.", "Well, not really I think.",
      "Yes exactly, that's what I mean.", "Hmm, I need to think about that.", "Thanks for listening, really.",
      "I think so yes.", "Honestly I don't know.",
  };
  l.client_crisis = {
      "Sometimes I just don't want to be here any more.",
      "I've been thinking about ending it all.",
      "I cut myself again yesterday.",
  };
  l.counsellor = {
      "I'm sorry you're going through that.",
      "If I understand you correctly, you've mostly felt {feeling} since {event}, is that right?",
      "Am I right that you haven't slept well for {time}?",
      "Does that sound about right?",
      "Could you tell me a bit more about that?",
      "How are you doing right now?",
      "What would you like to change?",
      "What would you like to have achieved by the end of this chat?",
      "What would you like to work on first?",
      "Is there anyone around you that you can talk to about this?",
      "Could {person_short} help you with this?",
      "On {site} you can also chat anonymously or find information.",
      "The StepChange website has useful tips for getting your spending in order.",
      "Have you thought about going to see your GP?",
      "It's really brave of you to be so honest about this.",
      "It sounds like you've already tried a lot.",
      "Does it help a bit to put it all in order like this?",
      "Is this chat helpful for you so far?",
      "How would you feel about looking together at what you could do now?",
      "You decide what we talk about.",
      "So to sum up: you're worried about {problem}, you're sleeping badly and you don't have much support, is that right?",
      "I can hear that it's all a lot right now.",
      "What has helped you in the past when things were hard?",
      "How do you feel now that you've written this down?",
      "Take your time to think about it.",
      "I understand this is a difficult step.",
      "Do you mean that you don't trust {person_short} any more?",
      "You could also make an appointment with a support worker in {place}.",
      "Shall we agree that you try one thing this week?",
      "What could a small first step be?",
      "I'm glad you took the step to get in touch.",
      "May I ask how old you are?",
      "What exactly do you mean by 'it's not working'?",
      "Thank you for saying that, it matters.",
      "Would you like some tips, or would you mostly like to get it off your chest?",
      "It sounds really hard to carry all of that on your own.",
      "You write that you feel {feeling}, can you tell me when that started?",
      "What do you usually do when you feel like this?",
      "I notice you know very well what you do and don’t want.",
      "Would you like to make a plan together?",
      "Have you talked to {person_short} about {problem}?",
      "How was it for you to write this down?",
      "You mentioned earlier that {activity} used to calm you down.",
      "Maybe it's an idea to make a list of all the bills.",
      "It's completely understandable that you feel this way after {event}.",
      "Do you think it would help to talk about this more often?",
      "What do you need to get through the next few days?",
  };
  l.counsellor_open = {
      "Hi, welcome to the chat! What would you like to talk about today?",
      "Hello, good to have you here. How can I help?",
      "Good evening, you're chatting with a volunteer. What's on your mind?",
  };
  l.email_greeting = {"Dear {name},", "Hello {name},", "Hi {name},"};
  l.email_thanks = {
      "Thank you for your e-mail and for trusting us with your story.",
      "Good to hear from you again, I have read your message carefully.",
      "Thanks for your long message from last night.",
  };
  l.email_closing = {"Kind regards,\n{cname}", "Best wishes,\n{cname}", "Take care,\n{cname}"};
  l.client_email_closing = {"Thanks, {name}", "Thanks in advance, {name}", "Best, {name}"};
  l.tails = {":)", ":(", "haha", "...", "😕", "x"};
  return l;
}

// Replaces every {slot} with a random choice for that slot.
std::string fill(std::string_view pattern, const Language& lang, Rng& rng) {
  std::string out;
  out.reserve(pattern.size() + 16);
  for (std::size_t i = 0; i < pattern.size();) {
    if (pattern[i] == '{') {
      const std::size_t close = pattern.find('}', i);
      if (close != std::string_view::npos) {
        const auto it = lang.slots.find(pattern.substr(i + 1, close - i - 1));
        if (it != lang.slots.end()) {
          out += it->second[rng.below(it->second.size())];
          i = close + 1;
          continue;
        }
      }
    }
    out.push_back(pattern[i++]);
  }
  return out;
}

std::string pick(const Bank& bank, const Language& lang, Rng& rng) { return fill(bank[rng.below(bank.size())], lang, rng); }

// The first `n` words of `sentence`, ending with a full stop.
std::string first_words(std::string_view sentence, std::size_t n) {
  std::string out;
  std::size_t words = 0, i = 0;
  while (i < sentence.size() && words < n) {
    while (i < sentence.size() && sentence[i] == ' ') ++i;
    const std::size_t start = i;
    while (i < sentence.size() && sentence[i] != ' ') ++i;
    if (start == i) break;
    if (!out.empty()) out += ' ';
    out.append(sentence.substr(start, i - start));
    ++words;
  }
  while (!out.empty() && std::string_view(",;:.?!").find(out.back()) != std::string_view::npos) out.pop_back();
  return out + ".";
}

// Chat is typed fast: lower-case starts, missing full stops, a smiley now and then.
void chat_noise(std::string& s, const Language& lang, Rng& rng, double rate) {
  if (s.empty()) return;
  if (rng.chance(rate) && s[0] >= 'A' && s[0] <= 'Z' && s.rfind("I ", 0) != 0 && s.rfind("I'", 0) != 0)
    s[0] = static_cast<char>(s[0] - 'A' + 'a');
  if (rng.chance(rate) && s.back() == '.') s.pop_back();
  if (rng.chance(rate / 5)) {
    s += ' ';
    s.append(lang.tails[rng.below(lang.tails.size())]);
  }
}

// Appends sentences from `next` to `out` until it holds at least `target` words. With `exact`
// the last sentence is cut to land on `target`; otherwise whole sentences are kept and only
// one that would pass `cap` is cut.
template <class Next>
void append_until(std::string& out, std::size_t& words, std::size_t target, Next next, bool exact,
                  std::size_t cap = 80) {
  const std::size_t limit = exact ? target : std::max(target, cap);
  while (words < target) {
    std::string s = next();
    std::size_t n = word_count(s);
    if (words + n > limit) {
      s = first_words(s, limit - words);
      n = limit - words;
    }
    if (!out.empty() && out.back() != '\n') out += ' ';
    out += s;
    words += n;
  }
}

}  // namespace

const Language& language(std::string_view locale) {
  static const Language nl = make_dutch();
  static const Language en = make_english();
  if (locale == "nl") return nl;
  if (locale == "en") return en;
  throw std::invalid_argument("no generated text for locale '" + std::string(locale) + "'");
}

std::size_t word_count(std::string_view text) {
  std::size_t n = 0;
  bool in_word = false;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

std::string message_text(const Language& lang, coach::Role role, coach::Channel channel, std::size_t target_words,
                         Rng& rng) {
  const bool client = role == coach::Role::client;
  const bool chat = channel == coach::Channel::chat;
  std::string head, tail;
  if (!chat) {
    if (!client) head = pick(lang.email_greeting, lang, rng) + "\n\n";
    tail = "\n\n" + pick(client ? lang.client_email_closing : lang.email_closing, lang, rng);
  }
  const std::size_t fixed = word_count(head) + word_count(tail);
  const std::size_t body_target = target_words > fixed + 3 ? target_words - fixed : 3;
  std::string out = head;
  std::size_t words = 0;
  const std::size_t cap = 80 > fixed + 3 ? 80 - fixed : 3;
  append_until(out, words, body_target, [&] {
    std::string s;
    if (client) {
      if (rng.chance(0.01)) s = pick(lang.client_crisis, lang, rng);
      else if (chat && rng.chance(0.2)) s = pick(lang.client_short, lang, rng);
      else s = pick(lang.client, lang, rng);
    } else {
      s = pick(lang.counsellor, lang, rng);
    }
    if (chat) chat_noise(s, lang, rng, client ? 0.3 : 0.1);
    return s;
  }, false, cap);
  out += tail;
  return out;
}

std::vector<coach::Message> conversation(const Language& lang, coach::Channel channel, std::size_t turns, Rng& rng) {
  std::vector<coach::Message> out;
  out.reserve(turns);
  for (std::size_t i = 0; i < turns; ++i) {
    coach::Message m;
    m.id = std::to_string(i + 1);
    m.id.insert(m.id.begin(), 'm');
    // Counsellor first, client last: the draft typed afterwards is the counsellor's reply.
    m.role = (i % 2 == 0) ? coach::Role::counsellor : coach::Role::client;
    m.channel = channel;
    const int minute = static_cast<int>(i / 2);
    char clock[16];
    std::snprintf(clock, sizeof clock, "%02d:%02d", (19 + minute / 60) % 24, minute % 60);
    m.time = clock;
    if (i == 0 && channel == coach::Channel::chat) {
      m.text = pick(lang.counsellor_open, lang, rng);
    } else {
      const std::size_t target = channel == coach::Channel::chat ? rng.between(5, 40) : rng.between(30, 80);
      m.text = message_text(lang, m.role, channel, target, rng);
    }
    out.push_back(std::move(m));
  }
  return out;
}

std::string email_draft(const Language& lang, std::size_t words, Rng& rng) {
  const std::string greeting = pick(lang.email_greeting, lang, rng);
  const std::string closing = pick(lang.email_closing, lang, rng);
  const std::size_t fixed = word_count(greeting) + word_count(closing);
  const std::size_t body_target = words > fixed + 1 ? words - fixed : 1;
  std::string body;
  std::size_t body_words = 0;
  std::size_t in_paragraph = 0, paragraph_length = rng.between(3, 5);
  bool first = true;
  append_until(body, body_words, body_target, [&] {
    std::string s = first ? pick(lang.email_thanks, lang, rng) : pick(lang.counsellor, lang, rng);
    first = false;
    if (++in_paragraph > paragraph_length) {
      in_paragraph = 1;
      paragraph_length = rng.between(3, 5);
      body += "\n\n";
    }
    return s;
  }, true);
  return greeting + "\n\n" + body + "\n\n" + closing;
}

std::string chat_draft(const Language& lang, std::size_t words, Rng& rng) {
  std::string out;
  std::size_t n = 0;
  append_until(out, n, words, [&] { return pick(lang.counsellor, lang, rng); }, true);
  return out;
}

coach::Message corpus_message(const Language& lang, std::uint64_t seed, std::size_t index) {
  Rng rng(seed * 0x100000001B3ull + index);
  coach::Message m;
  m.id = lang.locale;
  m.id += '-';
  m.id += std::to_string(index);
  m.role = rng.chance(0.5) ? coach::Role::client : coach::Role::counsellor;
  m.channel = rng.chance(0.8) ? coach::Channel::chat : coach::Channel::email;
  // Lengths 5..80 words: chat mostly short, e-mail mostly long.
  const std::size_t target = m.channel == coach::Channel::chat ? rng.between(5, rng.chance(0.85) ? 30 : 80)
                                                              : rng.between(20, 76);
  m.text = message_text(lang, m.role, m.channel, target, rng);
  return m;
}

}  // namespace bench
