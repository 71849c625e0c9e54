/*
 * counsel-coach C API: the only stable ABI of libcoach.
 *
 * Usable from C99 and C++. All strings are UTF-8 and NUL-terminated unless a length is given;
 * offsets are UTF-8 byte offsets. Payloads are JSON in the formats of CONTRACT.md.
 *
 * Ownership: every `coach_*_new` has a matching `coach_*_free`. Strings returned as `char *`
 * are owned by the caller and must be released with `coach_string_free`. Strings returned as
 * `const char *` are owned by the library (valid until the next call on the same handle).
 *
 * Thread safety: one engine may be shared by many sessions used from many threads at once;
 * one session must be used from one thread at a time. coach_engine_errmsg/errcode are kept per
 * engine and per calling thread; coach_session_errmsg/errcode per session.
 *
 * Errors: functions return a coach_status (COACH_OK == 0) or NULL; the reason is available
 * through coach_engine_errmsg / coach_session_errmsg (or coach_last_error for failed creation).
 */
#ifndef COACH_H
#define COACH_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#define COACH_API __declspec(dllexport)
#else
#define COACH_API __attribute__((visibility("default")))
#endif

#define COACH_VERSION_MAJOR 0
#define COACH_VERSION_MINOR 1
#define COACH_VERSION_PATCH 0

typedef struct coach_engine coach_engine;
typedef struct coach_session coach_session;

typedef enum coach_status {
  COACH_OK = 0,
  COACH_ERROR_INVALID_ARGUMENT = 1, /* null handle, bad range, unknown id, bad JSON */
  COACH_ERROR_INVALID_UTF8 = 2,
  COACH_ERROR_IO = 3,               /* a file could not be read */
  COACH_ERROR_RULES = 4,            /* a rule file is invalid */
  COACH_ERROR_LOCALE = 5,           /* unknown locale */
  COACH_ERROR_DICTIONARY = 6,       /* Hunspell dictionary missing */
  COACH_ERROR_INTERNAL = 7,
  COACH_ERROR_NO_MEMORY = 8
} coach_status;

typedef enum coach_channel { COACH_CHANNEL_CHAT = 0, COACH_CHANNEL_EMAIL = 1 } coach_channel;
typedef enum coach_role { COACH_ROLE_COUNSELLOR = 0, COACH_ROLE_CLIENT = 1 } coach_role;

/* Options for coach_engine_new. Zero-initialise, set `struct_size = sizeof(coach_engine_options)`
 * so that later versions can add fields, then fill what you need; NULL means the default. */
typedef struct coach_engine_options {
  size_t struct_size;
  const char *locale;      /* "nl" (default) or "en" */
  const char *rules_dir;   /* folder with nl/, en/, nudges/; NULL: the default rules */
  const char *locales_dir; /* folder with nl/, en/ lexicons and catalogues; NULL: default */
  const char *dict_dir;    /* folder with Hunspell .aff/.dic; NULL: the system folder */
} coach_engine_options;

/* Library version as "MAJOR.MINOR.PATCH"; owned by the library. */
COACH_API const char *coach_version(void);

/* Text of the last error of a failed coach_engine_new/coach_session_new on this thread;
 * owned by the library. */
COACH_API const char *coach_last_error(void);
/* Status of the last failed coach_engine_new/coach_session_new (or call with a NULL handle) on
 * this thread; COACH_OK when none failed. */
COACH_API coach_status coach_last_errcode(void);

/* Human-readable name of a status; owned by the library. */
COACH_API const char *coach_status_string(coach_status status);

/* Frees a string returned by this library as `char *`. NULL is allowed. */
COACH_API void coach_string_free(char *text);

/* --- engine --------------------------------------------------------------------------- */

/* Loads rules, lexicon and dictionary. Returns NULL on failure (see coach_last_error).
 * `options` may be NULL for all defaults. */
COACH_API coach_engine *coach_engine_new(const coach_engine_options *options);
/* Frees the engine. Sessions keep what they need alive: it is safe to free the engine while
 * sessions created from it still exist. NULL is allowed. */
COACH_API void coach_engine_free(coach_engine *engine);
COACH_API const char *coach_engine_errmsg(const coach_engine *engine);
COACH_API coach_status coach_engine_errcode(const coach_engine *engine);

/* Labels one message given as CONTRACT.md message JSON. On success *out_json receives
 * {"id": ..., "practices": [...], "signals": [...], "matches": [...]} (free with
 * coach_string_free). */
COACH_API coach_status coach_engine_label(coach_engine *engine, const char *message_json,
                                          char **out_json);

/* --- session -------------------------------------------------------------------------- */

COACH_API coach_session *coach_session_new(coach_engine *engine, coach_channel channel);
COACH_API void coach_session_free(coach_session *session);
COACH_API const char *coach_session_errmsg(const coach_session *session);
COACH_API coach_status coach_session_errcode(const coach_session *session);

/* Adds a sent message. `time` may be NULL. A counsellor message clears the draft. */
COACH_API coach_status coach_session_add_message(coach_session *session, coach_role role,
                                                 const char *text, const char *time);
/* Adds a sent message given as CONTRACT.md message JSON. */
COACH_API coach_status coach_session_add_message_json(coach_session *session,
                                                      const char *message_json);

/* Replaces the whole draft. */
COACH_API coach_status coach_session_set_draft(coach_session *session, const char *text,
                                               size_t length);

/* An edit of the draft: bytes [start_byte, old_end_byte) are replaced by `text`
 * (`text_length` bytes). Cheap: only the touched sentences are analysed again. */
typedef struct coach_edit {
  size_t start_byte;
  size_t old_end_byte;
  const char *text;
  size_t text_length;
} coach_edit;
COACH_API coach_status coach_session_edit_draft(coach_session *session, const coach_edit *edit);

/* Current nudges and checklist as {"nudges": [...], "checklist": {...}, "phase": ...,
 * "phases": [...], "topics": [...]}. *out_json is owned by the caller (coach_string_free). */
COACH_API coach_status coach_session_report(coach_session *session, char **out_json);

/* Spelling help: words of the draft the locale's dictionary does not know, as
 * [{"begin": byte, "end": byte, "word": "..."}]. Cached per word; call it after a pause in typing. */
COACH_API coach_status coach_session_spelling(coach_session *session, char **out_json);

/* Hunspell's suggestions for one word as a JSON list of strings. Slow (milliseconds to a tenth
 * of a second): call it when the counsellor asks, never per keystroke. */
COACH_API coach_status coach_engine_suggest(coach_engine *engine, const char *word, char **out_json);

/* Hides a nudge for the rest of the conversation. A crisis nudge stays visible, marked
 * acknowledged. Unknown nudge ids are COACH_ERROR_INVALID_ARGUMENT. */
COACH_API coach_status coach_session_dismiss(coach_session *session, const char *nudge_id);
/* Hides a nudge for `turns` (>= 1) counsellor messages. Crisis nudges cannot be snoozed. */
COACH_API coach_status coach_session_snooze(coach_session *session, const char *nudge_id,
                                            int turns);
/* Forgets all messages, the draft, dismissals and snoozes. */
COACH_API coach_status coach_session_reset(coach_session *session);

#ifdef __cplusplus
}
#endif

#endif /* COACH_H */
