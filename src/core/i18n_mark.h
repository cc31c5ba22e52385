/*
 * Marker for translatable strings in code that must not call gettext itself.
 *
 * The domain code in src/core returns English message ids; the web and CLI
 * layers translate them when rendering. N_() expands to its argument so the
 * string stays a plain constant, while xgettext (run with --keyword=N_) still
 * extracts it into po/stellwerk.pot.
 */
#ifndef STELLWERK_CORE_I18N_MARK_H
#define STELLWERK_CORE_I18N_MARK_H

#ifndef N_
#define N_(s) (s)
#endif

#endif
