/* coach.h from a program compiled as strict C99: the header is valid C, and the API behaves
 * the same from C as from C++ (normal use, misuse, ownership). Exits 1 on the first failure. */
#include <coach.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;

#define CHECK(cond)                                                          \
  do {                                                                       \
    if (!(cond)) {                                                           \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      ++failures;                                                            \
    }                                                                        \
  } while (0)

#define CHECK_STR(actual, expected)                                                      \
  do {                                                                                   \
    const char *a_ = (actual);                                                           \
    if (a_ == NULL || strcmp(a_, (expected)) != 0) {                                     \
      fprintf(stderr, "%s:%d: CHECK_STR failed: %s is \"%s\", expected \"%s\"\n", __FILE__, \
              __LINE__, #actual, a_ ? a_ : "(null)", (expected));                        \
      ++failures;                                                                        \
    }                                                                                    \
  } while (0)

static void test_version(void) {
  char expected[32];
  sprintf(expected, "%d.%d.%d", COACH_VERSION_MAJOR, COACH_VERSION_MINOR, COACH_VERSION_PATCH);
  CHECK_STR(coach_version(), expected);
  CHECK_STR(coach_status_string(COACH_OK), "ok");
  CHECK_STR(coach_status_string(COACH_ERROR_RULES), "invalid rules");
}

static void test_conversation(coach_engine *engine) {
  const char *draft = "Begrijp ik het goed dat je schulden hebt?";
  coach_edit edit;
  char *report = NULL;
  coach_session *session = coach_session_new(engine, COACH_CHANNEL_EMAIL);
  CHECK(session != NULL);
  if (session == NULL) return;

  CHECK(coach_session_add_message(session, COACH_ROLE_CLIENT,
                                  "Beste hulpverlener, ik heb schulden en durf de post niet "
                                  "meer open te maken.",
                                  "2015-03-02T19:18:00") == COACH_OK);
  CHECK(coach_session_add_message_json(
            session, "{\"role\": \"counsellor\", \"text\": \"Dank je voor je mail.\"}") ==
        COACH_OK);
  CHECK(coach_session_set_draft(session, draft, strlen(draft)) == COACH_OK);

  /* Append " Klopt dat?" as an edit at the end. */
  edit.start_byte = strlen(draft);
  edit.old_end_byte = strlen(draft);
  edit.text = " Klopt dat?";
  edit.text_length = strlen(edit.text);
  CHECK(coach_session_edit_draft(session, &edit) == COACH_OK);

  CHECK(coach_session_report(session, &report) == COACH_OK);
  CHECK(report != NULL);
  if (report != NULL) {
    CHECK(strstr(report, "\"nudges\"") != NULL);
    CHECK(strstr(report, "\"checklist\"") != NULL);
    CHECK(strstr(report, "\"verify_interpretation\":true") != NULL);
  }
  coach_string_free(report);

  CHECK(coach_session_reset(session) == COACH_OK);
  CHECK(coach_session_errcode(session) == COACH_OK);
  CHECK_STR(coach_session_errmsg(session), "not an error");
  coach_session_free(session);
}

static void test_misuse(coach_engine *engine) {
  char *out = (char *)&failures; /* anything non-NULL: it must be reset */
  coach_edit edit = {5, 1, "x", 1};
  coach_session *session = coach_session_new(engine, COACH_CHANNEL_CHAT);
  CHECK(session != NULL);
  if (session == NULL) return;

  CHECK(coach_session_add_message(NULL, COACH_ROLE_CLIENT, "hoi", NULL) ==
        COACH_ERROR_INVALID_ARGUMENT);
  CHECK_STR(coach_last_error(), "null session handle");
  CHECK(coach_session_report(NULL, &out) == COACH_ERROR_INVALID_ARGUMENT);
  CHECK(out == NULL);
  CHECK(coach_engine_label(NULL, "{}", &out) == COACH_ERROR_INVALID_ARGUMENT);
  CHECK(coach_session_new(NULL, COACH_CHANNEL_CHAT) == NULL);
  CHECK_STR(coach_last_error(), "null engine handle");

  CHECK(coach_session_add_message(session, COACH_ROLE_CLIENT, "\xC3\x28", NULL) ==
        COACH_ERROR_INVALID_UTF8);
  CHECK_STR(coach_session_errmsg(session), "invalid utf-8 in text at byte 0");
  CHECK(coach_session_set_draft(session, NULL, 0) == COACH_ERROR_INVALID_ARGUMENT);
  CHECK(coach_session_edit_draft(session, &edit) == COACH_ERROR_INVALID_ARGUMENT);
  CHECK_STR(coach_session_errmsg(session), "edit range [5, 1) is reversed");
  CHECK(coach_session_add_message(session, (coach_role)7, "hoi", NULL) ==
        COACH_ERROR_INVALID_ARGUMENT);
  CHECK_STR(coach_session_errmsg(session), "unknown role 7");
  CHECK(coach_session_new(engine, (coach_channel)-3) == NULL);
  CHECK_STR(coach_last_error(), "unknown channel -3");
  CHECK_STR(coach_status_string((coach_status)42), "unknown status");
  CHECK_STR(coach_status_string((coach_status)-1), "unknown status");
  CHECK(coach_session_dismiss(session, "no_such_nudge") == COACH_ERROR_INVALID_ARGUMENT);
  CHECK(coach_session_snooze(session, "set_goal", 0) == COACH_ERROR_INVALID_ARGUMENT);
  CHECK(coach_session_errcode(session) == COACH_ERROR_INVALID_ARGUMENT);

  coach_session_free(session);
  coach_session_free(NULL);
  coach_engine_free(NULL);
  coach_string_free(NULL);
}

static void test_label(coach_engine *engine) {
  char *out = NULL;
  CHECK(coach_engine_label(engine,
                           "{\"id\": \"m1\", \"role\": \"counsellor\", \"text\": \"Heb je hier "
                           "iets aan?\"}",
                           &out) == COACH_OK);
  CHECK(out != NULL && strstr(out, "\"ask_feedback\"") != NULL);
  coach_string_free(out);
  CHECK(coach_engine_label(engine, "{\"role\": 1}", &out) == COACH_ERROR_INVALID_ARGUMENT);
  CHECK(coach_engine_errcode(engine) == COACH_ERROR_INVALID_ARGUMENT);
  CHECK_STR(coach_engine_errmsg(engine), "'role' must be a string");
}

int main(void) {
  coach_engine_options options;
  coach_engine *engine;

  test_version();

  memset(&options, 0, sizeof options);
  options.struct_size = sizeof options;
  options.locale = "nl";
  engine = coach_engine_new(&options);
  if (engine == NULL) {
    fprintf(stderr, "coach_engine_new: %s\n", coach_last_error());
    return 1;
  }
  test_conversation(engine);
  test_misuse(engine);
  test_label(engine);
  coach_engine_free(engine);

  if (failures != 0) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  printf("ok: C API from C99\n");
  return 0;
}
