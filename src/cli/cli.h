/*
 * cli.h — shared by the dossier command-line tool's files (not the library).
 * The CLI formats every message: the library never prints.
 */
#ifndef DOSSIER_CLI_H
#define DOSSIER_CLI_H
#include <stdio.h>
#include "dossier.h"

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
	const char *summary_zh, *summary_en;
} cli_cmd;

/* 1 if messages should be Chinese (LANG/LC_ALL/LC_MESSAGES zh*, or --lang). */
extern int cli_zh;
void cli_lang_init(void);
/* Pick the message for the current language. */
#define L(zh, en) (cli_zh ? (zh) : (en))

/* Print the library's last error as "dossier: file:line:col: message" plus
 * the hint, in the current language. Returns the exit status for it. */
int cli_print_error(const char *what);

/* Directory holding outlines/ (with schema/) and templates/. */
const char *cli_datadir(void);
/* Parse a size like "16M", "200K", "1G" or plain bytes; 0 on error. */
size_t cli_parse_size(const char *s);

int cmd_check(int argc, char **argv);

#endif
