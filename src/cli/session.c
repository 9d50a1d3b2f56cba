/*
 * session.c — what every CLI command that reads a centre shares: the data
 * directory, loading a centre directory, finding its scheme's outline
 * (cached for the run, so 200 centres compile each outline once) and
 * printing findings.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <string.h>
#include "cli.h"
#include "util/util.h"

void cli_session_init(cli_session *s)
{
	dossier_load_options lo = DOSSIER_LOAD_OPTIONS_INIT;
	memset(s, 0, sizeof *s);
	s->max_input = lo.max_file_bytes;
	s->max_files = lo.max_evidence_files;
	s->max_sections = lo.max_sections;
	s->max_depth = lo.max_depth;
	s->max_rows = lo.max_table_rows;
}

int cli_session_limit(cli_session *s, int opt, const char *arg, const char *cmd)
{
	size_t v;
	if (opt < CLI_OPT_MAX_INPUT || opt > CLI_OPT_MAX_ROWS)
		return 0;
	v = opt == CLI_OPT_MAX_INPUT ? cli_parse_size(arg) : cli_parse_count(arg);
	if (!v) {
		fprintf(stderr, L("dossier %s: 无效的上限：%s（应为正整数%s）\n",
				  "dossier %s: invalid limit: %s (a positive whole number%s)\n"),
			cmd, arg, opt == CLI_OPT_MAX_INPUT ? L("，可带 K/M/G", ", optionally with K/M/G") : "");
		return -1;
	}
	switch (opt) {
	case CLI_OPT_MAX_INPUT: s->max_input = v; break;
	case CLI_OPT_MAX_EVIDENCE: s->max_files = v; break;
	case CLI_OPT_MAX_SECTIONS: s->max_sections = v; break;
	case CLI_OPT_MAX_DEPTH: s->max_depth = v; break;
	default: s->max_rows = v; break;
	}
	return 1;
}

const char *cli_limits_help(void)
{
	return L("输入上限（超过时报错并指出是哪一项）：\n"
		 "  --max-input 大小         单个文本文件（centre.xml、每个 .md，默认 16M）\n"
		 "  --max-evidence-files N   evidence/ 下的文件数（默认 20000）\n"
		 "  --max-sections N         sections/ 下的 .md 文件数（默认 500）\n"
		 "  --max-depth N            XML 元素与 Markdown 的嵌套层数（默认 32，最大 1000）\n"
		 "  --max-table-rows N       一张表的行数（XML 同一元素的子元素、Markdown 表格行，默认 50000）\n",
		 "input limits (going over one is an error naming it):\n"
		 "  --max-input SIZE         one text file: centre.xml, each .md (default 16M)\n"
		 "  --max-evidence-files N   files under evidence/ (default 20000)\n"
		 "  --max-sections N         .md files under sections/ (default 500)\n"
		 "  --max-depth N            nesting of XML elements and Markdown (default 32,\n"
		 "                           at most 1000)\n"
		 "  --max-table-rows N       rows of one table: children of one XML element,\n"
		 "                           rows of one Markdown table (default 50000)\n");
}

void cli_session_dispose(cli_session *s)
{
	int i;
	for (i = 0; i < s->ncache; i++) {
		dossier_outline_free(s->cache[i].o);
		dz_free(s->cache[i].path);
	}
	s->ncache = 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int cli_scheme_ids(char ***out, size_t *count, const char *extra, const char *dir)
{
	const char *dirs[2] = {extra, dir};
	char **names = NULL;
	size_t n = 0, cap = 0, i, m = 0;
	int k, rc = EXIT_COMPLETE;
	for (k = 0; k < 2; k++) {
		DIR *d = dirs[k] ? opendir(dirs[k]) : NULL;
		struct dirent *de;
		while (d && rc == EXIT_COMPLETE && (de = readdir(d)) != NULL) {
			size_t len = strlen(de->d_name);
			if (len <= 4 || de->d_name[0] == '.' || strcmp(de->d_name + len - 4, ".xml"))
				continue;
			if (n == cap) {
				char **more = dz_realloc(names, (cap = cap ? 2 * cap : 16) * sizeof *names);
				if (!more) {
					rc = EXIT_INTERNAL;
					break;
				}
				names = more;
			}
			if (!(names[n] = dz_strdup(de->d_name))) {
				rc = EXIT_INTERNAL;
				break;
			}
			names[n++][len - 4] = '\0';
		}
		if (d)
			closedir(d);
	}
	if (n)
		qsort(names, n, sizeof *names, by_name);
	/* once each: an outline in --outlines DIR hides the installed one */
	for (i = 0; i < n; i++) {
		if (m && !strcmp(names[i], names[m - 1]))
			dz_free(names[i]);
		else
			names[m++] = names[i];
	}
	if (rc != EXIT_COMPLETE) {
		for (i = 0; i < m; i++)
			dz_free(names[i]);
		dz_free(names);
		names = NULL;
		m = 0;
	}
	*out = names;
	*count = m;
	return rc;
}

int cli_list_schemes(FILE *out, const char *extra, const char *dir)
{
	char **names;
	size_t n, i;
	int rc = cli_scheme_ids(&names, &n, extra, dir);
	for (i = 0; i < n; i++) {
		if (rc == EXIT_COMPLETE)
			fprintf(out, "%s\n", names[i]);
		dz_free(names[i]);
	}
	dz_free(names);
	return rc;
}

/* The exit status of the library's last error, printed unless the
 * session is silent (the caller then reads dossier_error_last()). */
static int fail(const cli_session *s)
{
	const dossier_error *e;
	if (!s->silent)
		return cli_print_error(NULL);
	e = dossier_error_last();
	return !e || e->code == DOSSIER_ENOMEM ? EXIT_INTERNAL : EXIT_USAGE;
}

static char *schema_dir(void)
{
	return dz_fmt("%s/outlines/schema", cli_datadir());
}

dossier_outline *cli_outline_for(cli_session *s, const char *scheme, int *status)
{
	char *path = NULL, *schema = schema_dir(), *def = NULL;
	const char *dirs[2];
	int i, nd = 0;
	FILE *f;
	dossier_outline *o = NULL;
	if (!schema) {
		*status = fail(s);
		return NULL;
	}
	if (s->outline) {
		path = dz_strdup(s->outline);
	} else {
		def = dz_fmt("%s/outlines", cli_datadir());
		if (s->outlines)
			dirs[nd++] = s->outlines;
		dirs[nd++] = def ? def : ".";
		for (i = 0; i < nd && !path; i++) {
			char *p = dz_fmt("%s/%s.xml", dirs[i], scheme);
			if (p && (f = fopen(p, "r")) != NULL) {
				fclose(f);
				path = p;
			} else {
				dz_free(p);
			}
		}
		if (!path) {
			dz_errf(DOSSIER_ENOTFOUND, "", 0, 0,
				"检查 centre.xml 的 scheme 属性，或用 --outline 指定提纲。",
				"Check the scheme attribute of centre.xml, or give --outline.",
				"找不到方案 %s 的提纲（%s/%s.xml）",
				"no outline for scheme %s (%s/%s.xml)", scheme, dirs[nd - 1], scheme);
			*status = fail(s);
			goto done;
		}
	}
	for (i = 0; path && i < s->ncache; i++)
		if (!strcmp(s->cache[i].path, path)) {
			o = s->cache[i].o;
			goto done;
		}
	if (!path || dossier_outline_load(&o, path, schema) != 0) {
		*status = fail(s);
		o = NULL;
		goto done;
	}
	if (s->ncache == CLI_OUTLINE_CACHE) {
		/* more schemes than slots in one run: recycle the oldest */
		dossier_outline_free(s->cache[0].o);
		dz_free(s->cache[0].path);
		memmove(s->cache, s->cache + 1, sizeof s->cache[0] * (CLI_OUTLINE_CACHE - 1));
		s->ncache--;
	}
	s->cache[s->ncache].path = path;
	s->cache[s->ncache].o = o;
	s->ncache++;
	path = NULL;
done:
	dz_free(path);
	dz_free(def);
	dz_free(schema);
	return o;
}

int cli_open_centre(cli_session *s, const char *dir, dossier_centre **c,
		    dossier_outline **o)
{
	dossier_load_options lo = DOSSIER_LOAD_OPTIONS_INIT;
	char *schema = schema_dir();
	int status = EXIT_COMPLETE;
	*c = NULL;
	*o = NULL;
	if (!schema)
		return fail(s);
	lo.schema_dir = schema;
	lo.encoding = s->encoding;
	lo.max_file_bytes = s->max_input;
	lo.max_evidence_files = s->max_files;
	lo.max_sections = s->max_sections;
	lo.max_depth = s->max_depth;
	lo.max_table_rows = s->max_rows;
	dossier_error_clear();
	if (dossier_centre_load(c, dir, &lo) != 0) {
		status = fail(s);
	} else if (!(*o = cli_outline_for(s, dossier_centre_scheme(*c), &status))) {
		dossier_centre_free(*c);
		*c = NULL;
	}
	dz_free(schema);
	return status;
}

static const char *sev_name(dossier_severity s)
{
	static const char *n[][2] = {{"错误", "error"}, {"警告", "warning"}, {"提示", "info"}};
	return n[s][cli_zh ? 0 : 1];
}

void cli_print_findings(FILE *out, const dossier_report *r, int errors_only)
{
	size_t i;
	for (i = 0; i < dossier_report_count(r); i++) {
		const dossier_finding *f = dossier_report_get(r, i);
		if (errors_only && f->severity != DOSSIER_SEV_ERROR)
			continue;
		if (f->file && *f->file) {
			fprintf(out, "%s", f->file);
			if (f->line > 0)
				fprintf(out, ":%d", f->line);
			fprintf(out, ": ");
		}
		fprintf(out, "%s [%s] %s\n", sev_name(f->severity), f->rule, f->article);
		fprintf(out, "  %s\n", L(f->msg_zh, f->msg_en));
		if (f->quote && *f->quote)
			fprintf(out, "  %s%s%s%s\n", L("依据：", "basis: "),
				f->basis == DOSSIER_BASIS_PRACTICE ? "" : L("“", "\u201c"), f->quote,
				f->basis == DOSSIER_BASIS_PRACTICE ? ""
				: f->basis == DOSSIER_BASIS_REQUIRES ? L("”（原文要求）", "\u201d (the text requires it)")
				: f->basis == DOSSIER_BASIS_RECOMMENDS ? L("”（原文为倡导性规定）", "\u201d (the text recommends it)")
				: L("”（原文允许）", "\u201d (the text permits it)"));
		if (f->xpath && *f->xpath)
			fprintf(out, "  %s%s\n", L("位置：", "at: "), f->xpath);
		if (*L(f->hint_zh, f->hint_en))
			fprintf(out, "  %s%s\n", L("修改：", "fix: "), L(f->hint_zh, f->hint_en));
	}
}

/* SOURCE_DATE_EPOCH, or now. */
long long cli_created_time(void)
{
	const char *e = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long v;
	if (e && *e) {
		v = strtoll(e, &end, 10);
		if (!*end && v >= 0)
			return v;
		fprintf(stderr, L("dossier: 忽略无效的 SOURCE_DATE_EPOCH=%s\n",
				  "dossier: ignoring invalid SOURCE_DATE_EPOCH=%s\n"), e);
	}
	return (long long)time(NULL);
}

/* Each font substitution once per run (every document reloads the fonts),
 * with where the licensed file would be found. */
void cli_font_substitute(const char *role, const char *wanted, const char *used,
			  const char *files, const char *folder, void *p)
{
	static char said[8][16];
	size_t i;
	(void)p;
	for (i = 0; i < 8 && said[i][0]; i++)
		if (!strcmp(said[i], role))
			return;
	if (i < 8)
		snprintf(said[i], sizeof said[i], "%s", role);
	if (used)
		fprintf(stderr, L("dossier: 字体替代：%s 角色未找到 %s，使用 %s",
				  "dossier: font substitution: role %s has no %s, using %s"),
			role, wanted, used);
	else
		fprintf(stderr, L("dossier: 字体替代：%s 角色未找到 %s，拉丁字母和数字用各角色自己的字体",
				  "dossier: font substitution: role %s has no %s; Latin letters and digits stay in each role's font"),
			role, wanted);
	if (files && *files && folder && *folder)
		fprintf(stderr, L("；使用有授权的字体，把 %s 之一放入 %s/\n",
				  "; to use the licensed font, put one of %s in %s/\n"),
			files, folder);
	else
		fputc('\n', stderr);
}
