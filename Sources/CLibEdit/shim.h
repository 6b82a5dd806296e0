// Thin wrappers around libedit's variadic calls, which Swift cannot call directly,
// and around the C standard streams, which Swift 6 will not read as globals.
#ifndef NABLA_CLIBEDIT_SHIM_H
#define NABLA_CLIBEDIT_SHIM_H

#include <histedit.h>
#include <stdio.h>

static inline FILE *nabla_stdin(void) { return stdin; }
static inline FILE *nabla_stdout(void) { return stdout; }
static inline FILE *nabla_stderr(void) { return stderr; }

typedef char *(*nabla_prompt_fn)(EditLine *);
typedef unsigned char (*nabla_key_fn)(EditLine *, int);

static inline int nabla_el_set_prompt(EditLine *e, nabla_prompt_fn f) { return el_set(e, EL_PROMPT, f); }
static inline int nabla_el_set_clientdata(EditLine *e, void *data) { return el_set(e, EL_CLIENTDATA, data); }
static inline void *nabla_el_get_clientdata(EditLine *e) {
  void *data = NULL;
  el_get(e, EL_CLIENTDATA, &data);
  return data;
}
static inline int nabla_el_set_editor(EditLine *e, const char *mode) { return el_set(e, EL_EDITOR, mode); }
static inline int nabla_el_addfn(EditLine *e, const char *name, const char *help, nabla_key_fn f) {
  return el_set(e, EL_ADDFN, name, help, f);
}
static inline int nabla_el_bind(EditLine *e, const char *key, const char *fn) {
  return el_set(e, EL_BIND, key, fn, NULL);
}
static inline int nabla_el_set_history(EditLine *e, History *h) { return el_set(e, EL_HIST, history, h); }
static inline int nabla_el_setty(EditLine *e, const char *a, const char *b) {
  return el_set(e, EL_SETTY, a, b, NULL);
}
static inline int nabla_el_prep_term(EditLine *e, int on) { return el_set(e, EL_PREP_TERM, on); }

static inline int nabla_history_setsize(History *h, HistEvent *ev, int n) { return history(h, ev, H_SETSIZE, n); }
static inline int nabla_history_setunique(History *h, HistEvent *ev, int on) {
  return history(h, ev, H_SETUNIQUE, on);
}
static inline int nabla_history_enter(History *h, HistEvent *ev, const char *line) {
  return history(h, ev, H_ENTER, line);
}
static inline int nabla_history_load(History *h, HistEvent *ev, const char *file) {
  return history(h, ev, H_LOAD, file);
}
static inline int nabla_history_save(History *h, HistEvent *ev, const char *file) {
  return history(h, ev, H_SAVE, file);
}

#endif
