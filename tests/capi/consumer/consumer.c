/* A minimal C host of an installed libcoach: one session, one draft, one report. */
#include <coach.h>

#include <stdio.h>
#include <string.h>

int main(void) {
  const char *draft = "Begrijp ik het goed dat je je zorgen maakt over je schulden?";
  coach_engine *engine = coach_engine_new(NULL);
  coach_session *session;
  char *report = NULL;
  int ok;
  if (engine == NULL) {
    fprintf(stderr, "consumer: %s\n", coach_last_error());
    return 1;
  }
  session = coach_session_new(engine, COACH_CHANNEL_CHAT);
  ok = session != NULL &&
       coach_session_add_message(session, COACH_ROLE_CLIENT,
                                 "Ik heb schulden en weet niet wat ik moet doen.", NULL) ==
           COACH_OK &&
       coach_session_set_draft(session, draft, strlen(draft)) == COACH_OK &&
       coach_session_report(session, &report) == COACH_OK && strstr(report, "\"nudges\"");
  if (!ok) fprintf(stderr, "consumer: %s\n", coach_session_errmsg(session));
  else printf("consumer (C, libcoach %s): %s\n", coach_version(), report);
  coach_string_free(report);
  coach_session_free(session);
  coach_engine_free(engine);
  return ok ? 0 : 1;
}
