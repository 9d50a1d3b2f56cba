/*
 * cli.h — shared by the dossier command-line tool's files (not the library).
 * The CLI formats every message: the library never prints.
 */
#ifndef DOSSIER_CLI_H
#define DOSSIER_CLI_H
#include <getopt.h>
#include <stdio.h>
#include "dossier.h"
#include "util/util.h"

/* Documented exit statuses (man dossier(1), README "Exit status"). */
enum {
	EXIT_COMPLETE = 0, /* done; for check: no error-severity findings */
	EXIT_FINDINGS = 1, /* check found errors; render/pack refused */
	EXIT_USAGE = 2,    /* bad usage, or input that cannot be read */
	EXIT_INTERNAL = 3  /* out of memory or another internal failure */
};

typedef struct {
	const char *name;
	int (*run)(int argc, char **argv);
	const struct option *options; /* the table its getopt_long reads */
	const char *summary_zh, *summary_en;
} cli_cmd;

/* 1 if messages should be Chinese: --lang, else DOSSIER_LANG, else
 * LC_ALL, LC_MESSAGES, LANG (zh* is Chinese). */
extern int cli_zh;
void cli_lang_init(void);
/* --lang VALUE (zh or en, also zh_CN, en_US.UTF-8 ...): 0, or -1 after
 * saying what is wrong (cmd names the subcommand, or NULL). */
int cli_set_lang(const char *cmd, const char *value);
/* Pick the message for the current language. */
#define L(zh, en) (cli_zh ? (zh) : (en))

/* Usage errors are one line saying what is wrong, then the hint to use
 * --help; both return EXIT_USAGE. cli_bad_option takes what getopt_long
 * returned for an option it could not take (':' or '?': the option strings
 * start with ':' and opterr is left to the commands to clear). */
int cli_bad_option(const char *cmd, int opt, char **argv);
int cli_usage_hint(const char *cmd);
/* dossier --version: versions of the tool and the libraries in use. */
void cli_print_version(FILE *f);

/* Print the library's last error as "dossier: file:line:col: message" plus
 * the hint, in the current language. Returns the exit status for it. */
int cli_print_error(const char *what);

/* Directory holding outlines/ (with schema/), templates/ and fonts/. */
const char *cli_datadir(void);
/* Print the scheme ids (outline file names) found in extra (may be NULL)
 * and dir, sorted, once each. Returns an exit status. */
int cli_list_schemes(FILE *out, const char *extra, const char *dir);
/* The same list in memory (free each and the array with dz_free). */
int cli_scheme_ids(char ***out, size_t *n, const char *extra, const char *dir);
/* Parse a size like "16M", "200K", "1G" or plain bytes; 0 on error. */
size_t cli_parse_size(const char *s);
/* Parse a positive whole number below 10^9; 0 on error. */
size_t cli_parse_count(const char *s);

/* ---- session.c: loading centres and outlines for a command ---- */
#define CLI_OUTLINE_CACHE 16
typedef struct {
	const char *outline;   /* --outline FILE, or NULL */
	const char *outlines;  /* --outlines DIR, or NULL */
	const char *encoding;  /* --encoding, or NULL */
	size_t max_input, max_files, max_sections, max_depth, max_rows;
	int silent;            /* loading errors are not printed: the caller
				  reads dossier_error_last() */
	struct {
		char *path;
		dossier_outline *o;
	} cache[CLI_OUTLINE_CACHE];
	int ncache;
} cli_session;
void cli_session_init(cli_session *s);
/* The input limits every command that loads a centre takes (check, render,
 * pack): put CLI_LIMIT_OPTIONS in the getopt_long table and hand unknown
 * option codes to cli_session_limit, which returns 1 if it took the option,
 * 0 if it is not a limit, -1 after printing why the value is bad. */
enum {
	CLI_OPT_MAX_INPUT = 0x1000, CLI_OPT_MAX_EVIDENCE, CLI_OPT_MAX_SECTIONS,
	CLI_OPT_MAX_DEPTH, CLI_OPT_MAX_ROWS
};
#define CLI_LIMIT_OPTIONS \
	{"max-input", required_argument, NULL, CLI_OPT_MAX_INPUT}, \
	{"max-evidence-files", required_argument, NULL, CLI_OPT_MAX_EVIDENCE}, \
	{"max-sections", required_argument, NULL, CLI_OPT_MAX_SECTIONS}, \
	{"max-depth", required_argument, NULL, CLI_OPT_MAX_DEPTH}, \
	{"max-table-rows", required_argument, NULL, CLI_OPT_MAX_ROWS}
int cli_session_limit(cli_session *s, int opt, const char *arg, const char *cmd);
/* Help text for CLI_LIMIT_OPTIONS, in the current language. */
const char *cli_limits_help(void);
void cli_session_dispose(cli_session *s);
/* Load `dir` and its scheme's outline (owned by the session). On failure
 * prints the error (unless the session is silent) and returns its exit
 * status; 0 on success. */
int cli_open_centre(cli_session *s, const char *dir, dossier_centre **c,
		    dossier_outline **o);
dossier_outline *cli_outline_for(cli_session *s, const char *scheme, int *status);
/* SOURCE_DATE_EPOCH (warning about an invalid one), or now. */
long long cli_created_time(void);
/* A dossier_pdf_options.on_substitute_at that says each font substitution
 * once per run on standard error, with where a licensed font would go. */
void cli_font_substitute(const char *role, const char *wanted, const char *used,
			 const char *files, const char *folder, void *p);
/* Print findings as `dossier check` does (only errors if errors_only). */
void cli_print_findings(FILE *out, const dossier_report *r, int errors_only);

/* ---- intake.c: received packages (verify, and check's one-step intake) ---- */
/* verify's options about trust and a package's caps, which check takes
 * too: put CLI_VERIFY_OPTIONS in the getopt_long table and hand unknown
 * option codes to cli_verify_option (1 took it, 0 not one of them, -1
 * after saying why the value is bad); cli_verify_help describes them. */
enum {
	CLI_OPT_CA = 0x1100, CLI_OPT_CRL, CLI_OPT_POLICY, CLI_OPT_MAX_PACKAGE,
	CLI_OPT_MAX_ENTRIES, CLI_OPT_MAX_ENTRY_SIZE, CLI_OPT_MAX_TOTAL,
	CLI_OPT_MAX_RATIO, CLI_OPT_MAX_EXPANSION
};
#define CLI_VERIFY_OPTIONS \
	{"ca", required_argument, NULL, CLI_OPT_CA}, \
	{"crl", required_argument, NULL, CLI_OPT_CRL}, \
	{"policy", required_argument, NULL, CLI_OPT_POLICY}, \
	{"max-package", required_argument, NULL, CLI_OPT_MAX_PACKAGE}, \
	{"max-entries", required_argument, NULL, CLI_OPT_MAX_ENTRIES}, \
	{"max-entry-size", required_argument, NULL, CLI_OPT_MAX_ENTRY_SIZE}, \
	{"max-total", required_argument, NULL, CLI_OPT_MAX_TOTAL}, \
	{"max-ratio", required_argument, NULL, CLI_OPT_MAX_RATIO}, \
	{"max-expansion", required_argument, NULL, CLI_OPT_MAX_EXPANSION}
int cli_verify_option(dossier_verify_options *vo, int opt, const char *arg, const char *cmd);
const char *cli_verify_help(void);
/* 1 if path is a file that starts as a ZIP does (a package, whatever its
 * name), 0 otherwise (a directory, an XML file, nothing). */
int cli_is_package(const char *path);

/* Why an input could not be read: an error of the library, or the reason
 * a package was rejected ("verify:digest-mismatch"). Strings owned. */
typedef struct {
	int code;            /* dossier_error_code; DOSSIER_ERROR for a rejection */
	char *id;            /* "parse", "limit" ... or "verify:REASON" */
	char *file;          /* named as the user knows it, or "" */
	int line, column;
	char *msg_zh, *msg_en, *hint_zh, *hint_en;
} cli_reason;
/* A stable id for a dossier_error_code ("parse", "io", ...). */
const char *cli_error_id(int code);
/* From dossier_error_last(), a file under `dir` named under `as` instead
 * (dir may be NULL); from a verify rejection of package `pkg`. 0, or -1
 * out of memory (r is then empty). */
int cli_reason_from_error(cli_reason *r, const char *dir, const char *as);
int cli_reason_from_problem(cli_reason *r, const char *pkg, const dossier_verify_problem *p);
/* As cli_print_error prints an error, on standard error. */
void cli_reason_print(const cli_reason *r);
/* {"id":…,"file":…,"line":…,"column":…,"message":{zh,en},"hint":{zh,en}} */
void cli_json_reason(dz_buf *b, const cli_reason *r);
void cli_reason_dispose(cli_reason *r);
/* Verify package `pkg` with `opts` and extract it into a new private
 * temporary folder (*dir; remove it with cli_intake_remove). A package
 * that is rejected or cannot be read leaves nothing behind and fills
 * `why`: EXIT_USAGE (it is input that cannot be read); EXIT_INTERNAL out
 * of memory. 0 on success. */
int cli_intake(const char *pkg, const dossier_verify_options *opts, int quiet,
	       char **dir, cli_reason *why);
/* Remove a folder cli_intake made, and free its name. */
void cli_intake_remove(char *dir);

/* ---- progress.c: progress bar and Ctrl-C for long commands ---- */
typedef struct {
	int enabled;          /* stderr is a terminal and not --quiet */
	const char *verb;     /* "packing", "verifying" ... */
	double start, last;
	int drawn;
} cli_progress;
void cli_progress_init(cli_progress *p, int quiet, const char *verb);
/* A dossier_progress_cb (payload: cli_progress *). Draws the bar and
 * returns 1 once SIGINT, SIGTERM or SIGHUP has arrived, so the library
 * stops and removes what it wrote. */
int cli_progress_cb(const dossier_progress *pr, void *payload);
void cli_progress_end(cli_progress *p);
/* Catch SIGINT/SIGTERM/SIGHUP (the library is told through the progress
 * callback); after the library has cleaned up, cli_interrupt_finish()
 * dies of the same signal if one came, and restores the handlers. */
void cli_interrupt_install(void);
/* The signal that has arrived since cli_interrupt_install, or 0. */
int cli_interrupted(void);
void cli_interrupt_finish(void);

int cmd_check(int argc, char **argv);
int cmd_render(int argc, char **argv);
int cmd_pack(int argc, char **argv);
int cmd_verify(int argc, char **argv);
int cmd_keygen(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_init(int argc, char **argv);
extern const struct option cli_check_options[], cli_render_options[], cli_pack_options[],
	cli_verify_options[], cli_keygen_options[], cli_explain_options[], cli_export_options[],
	cli_import_options[], cli_init_options[];

#endif
