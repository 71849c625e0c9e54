/*
 * counsel-coach C API example: a short Dutch chat about debts. The client tells a long story,
 * the counsellor starts typing advice to go to the debt desk straight away, and the coach says
 * what the counsellor might do first. Prints the report (nudges and checklist) as JSON.
 *
 * From the repository root, after the build:
 *   cc -Iplugin/include plugin/examples/example.c -Lbuild/lib -lcoach -o /tmp/ex
 *   LD_LIBRARY_PATH=build/lib /tmp/ex
 */
#include <coach.h>

#include <stdio.h>
#include <string.h>

static int fail_session(coach_session *session, const char *what) {
  fprintf(stderr, "example: %s: %s (%s)\n", what, coach_session_errmsg(session),
          coach_status_string(coach_session_errcode(session)));
  return 1;
}

int main(void) {
  static const char *const client_story =
      "Hoi, ik weet niet goed waar ik moet beginnen. Sinds mijn scheiding vorig jaar lukt het "
      "me niet meer om alle rekeningen te betalen. Eerst was het alleen de energierekening, "
      "maar nu heb ik ook een achterstand bij de zorgverzekering en de huur. Er komen bijna "
      "elke week brieven van incassobureaus en ik durf ze niet meer open te maken. Mijn "
      "kinderen merken dat ik gespannen ben en ik slaap slecht. Ik schaam me er heel erg voor.";
  static const char *const draft =
      "Je moet echt naar de schuldhulpverlening van je gemeente gaan, die kunnen je helpen "
      "met een betalingsregeling.";

  coach_engine *engine;
  coach_session *session;
  char *report = NULL;
  int status = 1;

  printf("libcoach %s\n", coach_version());

  /* Default options: Dutch, the default rules, lexicon and system dictionary. */
  engine = coach_engine_new(NULL);
  if (engine == NULL) {
    fprintf(stderr, "example: cannot create the engine: %s\n", coach_last_error());
    return 1;
  }
  session = coach_session_new(engine, COACH_CHANNEL_CHAT);
  if (session == NULL) {
    fprintf(stderr, "example: cannot create a session: %s\n", coach_last_error());
    coach_engine_free(engine);
    return 1;
  }

  if (coach_session_add_message(session, COACH_ROLE_COUNSELLOR,
                                "Hoi, welkom bij de chat. Waar wil je het over hebben?",
                                "19:02") != COACH_OK) {
    status = fail_session(session, "add_message");
  } else if (coach_session_add_message(session, COACH_ROLE_CLIENT, client_story, "19:04") !=
             COACH_OK) {
    status = fail_session(session, "add_message");
  } else if (coach_session_set_draft(session, draft, strlen(draft)) != COACH_OK) {
    status = fail_session(session, "set_draft");
  } else if (coach_session_report(session, &report) != COACH_OK) {
    status = fail_session(session, "report");
  } else {
    printf("%s\n", report);
    status = 0;
  }

  coach_string_free(report);
  coach_session_free(session);
  coach_engine_free(engine);
  return status;
}
