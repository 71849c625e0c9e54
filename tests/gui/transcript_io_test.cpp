// Tests of the demo host's readers: JSON conversations, the study's chat text and client
// scripts, including the error texts.
//
//   coach_transcript_io_test SAMPLES_DIR DATA_DIR
#include "transcript_io.hpp"
#include "tap.hpp"

#include <cstdio>
#include <string>

using namespace coach::demo;

namespace {

coach::test::Tap g_tap;

void Check(bool ok, const std::string& what, const std::string& detail = {}) { g_tap.Check(ok, what, detail); }

void TestStudyChat(const std::string& samples) {
  Conversation c;
  std::string error;
  Check(LoadConversation(samples + "/nl-eenzaam.txt", c, error), "nl-eenzaam.txt loads", error);
  Check(c.messages.size() == 7, "nl-eenzaam.txt has 7 messages",
        std::to_string(c.messages.size()));
  if (c.messages.size() < 7) return;
  Check(c.messages[0].role == COACH_ROLE_CLIENT && c.messages[0].text == "hoi" &&
            c.messages[0].time == "20:11",
        "Hulpvrager (20:11) is the client at 20:11");
  Check(c.messages[1].role == COACH_ROLE_COUNSELLOR, "Online hulpverlener is the counsellor");
  Check(c.messages[2].text.find("studie ken ik hier bijna niemand en in het weekend") !=
            std::string::npos,
        "continuation lines join the message before them with a space");
  Check(c.messages[4].text.find("terug te gaan\n\nsoms denk ik") != std::string::npos,
        "a blank line inside a message keeps a paragraph break", c.messages[4].text);
  Check(c.channel == COACH_CHANNEL_CHAT, "a study chat is a chat");

  Conversation d;
  Check(ParseStudyChat("Hulpverlener: hallo\nHULPVRAGER (9.05): hoi\nCounsellor (21:00): hi\n",
                       d, error) &&
            d.messages.size() == 3 && d.messages[0].time.empty() && d.messages[1].time == "9:05" &&
            d.messages[1].role == COACH_ROLE_CLIENT && d.messages[2].role == COACH_ROLE_COUNSELLOR,
        "speakers without a time, in capitals, with 9.05 and in English");
  Conversation e;
  Check(!ParseStudyChat("zomaar wat tekst\nHulpvrager (19:19): ja\n", e, error) &&
            error == "line 1: expected a speaker such as \"Hulpvrager (19:19):\" before the first text",
        "text before the first speaker is an error naming the line", error);
  Check(!ParseStudyChat("\n\n", e, error) && error == "line 1: empty transcript", "an empty chat is an error",
        error);
  Conversation bom;
  Check(ParseConversation("\xEF\xBB\xBFHulpvrager (19:19): ja\r\n", bom, error) &&
            bom.messages.size() == 1 && bom.messages[0].text == "ja",
        "a byte order mark and CRLF line ends are accepted");
}

void TestJson(const std::string& samples, const std::string& data) {
  Conversation c;
  std::string error;
  Check(LoadConversation(samples + "/nl-schulden.json", c, error) && c.messages.size() == 5,
        "nl-schulden.json: an array of 5 messages", error);
  Check(LoadConversation(samples + "/en-loneliness.json", c, error) && c.messages.size() == 5 &&
            c.messages[1].role == COACH_ROLE_COUNSELLOR && c.messages[1].time == "21:05",
        "en-loneliness.json: an object with 5 messages", error);
  Check(LoadConversation(data + "/nl-long-client.json", c, error) && c.messages.size() == 3 &&
            c.messages.back().role == COACH_ROLE_CLIENT,
        "the GUI test's conversation ends with the client", error);

  Conversation m;
  Check(ParseConversation(R"([{"role":"client","text":"a"},{"role":"counsellor","channel":"email","text":"b"},{"role":"counsellor","channel":"email","text":"c"}])",
                          m, error) &&
            m.messages[0].channel == COACH_CHANNEL_CHAT && m.messages[0].id == "m1" &&
            m.channel == COACH_CHANNEL_EMAIL,
        "channel defaults to chat; mostly e-mail makes an e-mail conversation");
  Check(!ParseConversation(R"([{"role":"therapist","text":"a"}])", m, error) &&
            error == "message 1: \"role\" must be \"counsellor\" or \"client\"",
        "an unknown role is an error naming the message", error);
  Check(!ParseConversation(R"([{"role":"client"}])", m, error) &&
            error == "message 1: \"text\" is missing",
        "a message without text is an error", error);
  Check(!ParseConversation(R"([{"role":"client","text":"a","channel":"fax"}])", m, error) &&
            error == "message 1: \"channel\" must be \"chat\" or \"email\"",
        "an unknown channel is an error", error);
  Check(!ParseConversation("[{\"role\": ", m, error) && error.rfind("not valid JSON", 0) == 0,
        "broken JSON is an error", error);
  Check(!LoadConversation(samples + "/does-not-exist.json", m, error) &&
            error.rfind("cannot open ", 0) == 0,
        "a missing file is an error", error);
}

void TestScript(const std::string& samples) {
  ClientScript s;
  std::string error;
  Check(LoadScript(samples + "/nl-script-huisvesting.json", s, error), "the housing script loads",
        error);
  Check(s.locale == "nl" && s.channel == COACH_CHANNEL_CHAT && s.opening.size() == 1 &&
            s.opening[0].role == COACH_ROLE_CLIENT && s.turns.size() == 5 &&
            s.turns[0].delay_ms == 1800,
        "the housing script: Dutch chat, one opening message, five timed turns");
  ClientScript t;
  Check(ParseScript(R"(["eerste", "tweede"])", t, error) && t.turns.size() == 2 &&
            t.turns[1].text == "tweede" && t.turns[1].delay_ms == 1500,
        "a plain array of strings is a script with default delays");
  Check(!ParseScript(R"({"turns": [{"text": "x", "delay_ms": -5}]})", t, error) &&
            error == "turn 1: \"delay_ms\" must be 0..600000",
        "a negative delay is an error", error);
  Check(!ParseScript(R"({"title": "leeg"})", t, error) && error == "\"turns\" is missing",
        "a script without turns is an error", error);
}

void TestDisplayTime() {
  Check(DisplayTime("19:18") == "19:18" && DisplayTime("2015-03-02T19:18:00") == "19:18" &&
            DisplayTime("2015-03-02 9:05") == "09:05" && DisplayTime("") == "",
        "times display as HH:MM");
  Check(DisplayDateTime("2015-03-05T21:30:00") == "2015-03-05 21:30" &&
            DisplayDateTime("21:30") == "21:30",
        "e-mail times display with their date");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: coach_transcript_io_test SAMPLES_DIR DATA_DIR\n");
    return 2;
  }
  TestStudyChat(argv[1]);
  TestJson(argv[1], argv[2]);
  TestScript(argv[1]);
  TestDisplayTime();
  return g_tap.Finish();
}
