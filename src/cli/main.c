/*
 * main.c — the dossier command: a table of subcommands (one cmd_*.c each),
 * help, language selection, usage and error messages, data-directory
 * discovery and the lists shell completion asks for.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli.h"
#include "util/util.h"

#ifndef DOSSIER_DATADIR
#define DOSSIER_DATADIR "/usr/local/share/dossier"
#endif

int cli_zh;

/* A new subcommand: a row here, its cmd_NAME.c with cmd_NAME and
 * cli_NAME_options (cli.h), and man/dossier-NAME.1 in English and
 * man/zh_CN/dossier-NAME.1 in Chinese (tests/suites/cli.sh checks that
 * each option is in --help and in both pages; completion follows). */
static const cli_cmd cmds[] = {
	{"init", cmd_init, cli_init_options, "新建中心目录：带注释的 centre.xml、带提示的章节、evidence/",
	 "start a centre directory: commented centre.xml, sections with prompts, evidence/"},
	{"check", cmd_check, cli_check_options, "检查材料是否完整、一致（按管理办法提纲）",
	 "check a centre's material is complete and consistent with its scheme"},
	{"explain", cmd_explain, cli_explain_options, "列出方案的报送阶段与义务矩阵（条款、强度、检查规则）",
	 "print a scheme's stages and obligation matrix (articles, strength, rules)"},
	{"render", cmd_render, cli_render_options, "生成 PDF 与 XML 文件（本阶段的全部文件）",
	 "write the PDF and XML documents (summary report, annual report, data tables)"},
	{"pack", cmd_pack, cli_pack_options, "打成签名的报送软件包（ASiC-E，CAdES/SM2）",
	 "make the signed submission package (ASiC-E with CAdES and/or SM2)"},
	{"verify", cmd_verify, cli_verify_options, "核验报送软件包（结构、清单、签名、摘要），可解压",
	 "verify a submission package (structure, manifest, signatures, digests); extract"},
	{"export", cmd_export, cli_export_options, "把中心数据写成 Excel 工作簿（或空白模板）",
	 "write a centre's data as an Excel workbook (or the blank template)"},
	{"import", cmd_import, cli_import_options, "从 Excel 工作簿读回 centre.xml；从 Word 文档读入章节",
	 "read centre.xml back from a workbook; sections from a Word document"},
	{"keygen", cmd_keygen, cli_keygen_options, "生成仅供测试的 CA 与签名密钥（RSA、ECDSA、SM2）",
	 "make a throwaway TEST CA and signing keys (RSA, ECDSA, SM2)"},
};
#define NCMDS (sizeof cmds / sizeof cmds[0])

/* Options a command accepts only to refuse them with a reason: not
 * offered by completion, not listed by --help. */
static const char *const refused_options[] = {"password", NULL};

/* zh*, en* (any case): 1 Chinese, 0 English, -1 neither */
static int lang_value(const char *v)
{
	if (!v || strlen(v) < 2)
		return -1;
	if ((v[0] == 'z' || v[0] == 'Z') && (v[1] == 'h' || v[1] == 'H'))
		return 1;
	if ((v[0] == 'e' || v[0] == 'E') && (v[1] == 'n' || v[1] == 'N'))
		return 0;
	return -1;
}

/* The language of messages, first that is set: --lang, DOSSIER_LANG,
 * LC_ALL, LC_MESSAGES, LANG (as the C library reads the locale; LANG=C.UTF-8
 * is English). DOSSIER_LANG lets a user on an English server read Chinese
 * without changing the locale of everything else. */
void cli_lang_init(void)
{
	static const char *const vars[] = {"DOSSIER_LANG", "LC_ALL", "LC_MESSAGES", "LANG"};
	size_t i;
	cli_zh = 0;
	for (i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v) {
			/* an unknown DOSSIER_LANG falls through to the locale */
			if (i == 0 && lang_value(v) < 0)
				continue;
			cli_zh = lang_value(v) == 1;
			return;
		}
	}
}

int cli_set_lang(const char *cmd, const char *value)
{
	int v = lang_value(value);
	if (v < 0 || (strlen(value) > 2 && value[2] != '_' && value[2] != '-' && value[2] != '.')) {
		fprintf(stderr, L("dossier%s%s: --lang 只能是 zh 或 en：%s\n",
				  "dossier%s%s: --lang must be zh or en: %s\n"),
			cmd ? " " : "", cmd ? cmd : "", value);
		return -1;
	}
	cli_zh = v;
	return 0;
}

/* --lang X or --lang=X anywhere before "--": applied before any other
 * argument is read, so every message of the run is in that language. A
 * bad value is left for the command's own option parsing to report. */
static void lang_prescan(int argc, char **argv)
{
	int i;
	for (i = 1; i < argc; i++) {
		const char *v = NULL;
		if (!strcmp(argv[i], "--"))
			break;
		if (!strcmp(argv[i], "--lang") && i + 1 < argc)
			v = argv[i + 1];
		else if (!strncmp(argv[i], "--lang=", 7))
			v = argv[i] + 7;
		if (v && lang_value(v) >= 0)
			cli_zh = lang_value(v);
	}
}

int cli_bad_option(const char *cmd, int opt, char **argv)
{
	const char *arg = optind > 0 ? argv[optind - 1] : "";
	if (opt == ':')
		fprintf(stderr, L("dossier %s: 选项 %s 需要一个值\n",
				  "dossier %s: option %s needs a value\n"), cmd, arg);
	else if (optopt && strncmp(arg, "--", 2))
		fprintf(stderr, L("dossier %s: 未知选项 -%c\n", "dossier %s: unknown option -%c\n"),
			cmd, optopt);
	else if (optopt)
		fprintf(stderr, L("dossier %s: 选项 %s 不带值\n",
				  "dossier %s: option %s takes no value\n"), cmd, arg);
	else
		fprintf(stderr, L("dossier %s: 未知选项 %s\n", "dossier %s: unknown option %s\n"),
			cmd, arg);
	return cli_usage_hint(cmd);
}

int cli_usage_hint(const char *cmd)
{
	fprintf(stderr, L("运行 dossier %s --help 查看用法。\n",
			  "Run 'dossier %s --help' for its usage.\n"), cmd);
	return EXIT_USAGE;
}

int cli_print_error(const char *what)
{
	const dossier_error *e = dossier_error_last();
	if (!e) {
		fprintf(stderr, "dossier: %s\n", what ? what : L("失败", "failed"));
		return EXIT_INTERNAL;
	}
	fprintf(stderr, "dossier: ");
	if (e->file && *e->file) {
		fprintf(stderr, "%s", e->file);
		if (e->line > 0)
			fprintf(stderr, ":%d", e->line);
		if (e->column > 0)
			fprintf(stderr, ":%d", e->column);
		fprintf(stderr, ": ");
	}
	fprintf(stderr, "%s\n", L(e->msg_zh, e->msg_en));
	{
		const char *hint = L(e->hint_zh, e->hint_en);
		if (hint && *hint)
			fprintf(stderr, "  %s%s\n", L("处理：", "fix: "), hint);
	}
	return e->code == DOSSIER_ENOMEM ? EXIT_INTERNAL : EXIT_USAGE;
}

static int exists(const char *dir, const char *rel)
{
	char path[PATH_MAX + 64];
	struct stat st;
	if (strlen(dir) + strlen(rel) + 2 > sizeof path)
		return 0;
	snprintf(path, sizeof path, "%s/%s", dir, rel);
	return stat(path, &st) == 0;
}

/* The folder holding outlines/, templates/ and fonts/, first that has
 * outlines/schema/centre.xsd: $DOSSIER_DATADIR; the source tree when run
 * from it (<repo>/build/dossier → <repo>); ../share/dossier beside the
 * binary's own folder, so an installed tree works wherever it was put
 * (make install PREFIX=~/.local, a package unpacked anywhere); else the
 * folder compiled in. */
const char *cli_datadir(void)
{
	static char dir[PATH_MAX];
	static const char *const rel[] = {"/..", "/../share/dossier"};
	const char *env = getenv("DOSSIER_DATADIR");
	char exe[PATH_MAX], *slash;
	ssize_t n;
	size_t i;
	if (env && *env)
		return env;
	if (dir[0])
		return dir;
	n = readlink("/proc/self/exe", exe, sizeof exe - 32);
	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			for (i = 0; i < sizeof rel / sizeof rel[0]; i++) {
				char cand[PATH_MAX + 32];
				snprintf(cand, sizeof cand, "%s%s", exe, rel[i]);
				if (exists(cand, "outlines/schema/centre.xsd") && realpath(cand, dir))
					return dir;
			}
		}
	}
	snprintf(dir, sizeof dir, "%s", DOSSIER_DATADIR);
	return dir;
}

size_t cli_parse_size(const char *s)
{
	char *end;
	unsigned long long v = strtoull(s, &end, 10);
	if (end == s)
		return 0;
	switch (*end) {
	case 'k': case 'K': v <<= 10; end++; break;
	case 'm': case 'M': v <<= 20; end++; break;
	case 'g': case 'G': v <<= 30; end++; break;
	}
	return *end ? 0 : (size_t)v;
}

size_t cli_parse_count(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 9 || strspn(s, "0123456789") != n)
		return 0;
	return (size_t)strtoul(s, NULL, 10);
}

static void usage(FILE *f)
{
	size_t i;
	fprintf(f, "%s", L("用法：dossier [--lang zh|en] <命令> [选项] ...\n"
			   "      dossier help <命令> | --help | --version\n\n命令：\n",
			   "usage: dossier [--lang zh|en] <command> [options] ...\n"
			   "       dossier help <command> | --help | --version\n\ncommands:\n"));
	for (i = 0; i < NCMDS; i++)
		fprintf(f, "  %-8s %s\n", cmds[i].name, L(cmds[i].summary_zh, cmds[i].summary_en));
	fprintf(f, "%s", L("\n`dossier help <命令>` 查看各命令的选项；man dossier 查看完整说明。\n"
			   "语言：--lang，否则 DOSSIER_LANG，否则 LC_ALL、LC_MESSAGES、LANG（zh* 为中文）。\n"
			   "退出码：0 完整/成功，1 发现错误（或软件包被拒绝），2 用法错误或输入无法读取，3 内部错误。\n",
			   "\nRun `dossier help <command>` for its options; see man dossier.\n"
			   "Language: --lang, else DOSSIER_LANG, else LC_ALL, LC_MESSAGES, LANG (zh* is Chinese).\n"
			   "Exit status: 0 complete/success, 1 errors found (or package rejected), 2 bad usage or "
			   "unreadable input, 3 internal failure.\n"));
}

static const cli_cmd *find_cmd(const char *name)
{
	size_t i;
	for (i = 0; i < NCMDS; i++)
		if (!strcmp(name, cmds[i].name))
			return &cmds[i];
	return NULL;
}

static int unknown_command(const char *name)
{
	fprintf(stderr, L("dossier: 未知命令 %s\n运行 dossier --help 查看命令。\n",
			  "dossier: unknown command %s\nRun 'dossier --help' for the commands.\n"), name);
	return EXIT_USAGE;
}

static int refused(const char *name)
{
	size_t i;
	for (i = 0; refused_options[i]; i++)
		if (!strcmp(name, refused_options[i]))
			return 1;
	return 0;
}

static int by_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The stage ids of one scheme, or of every scheme, sorted, once each. */
static int complete_stages(const char *scheme, const char *dir)
{
	cli_session ses;
	char **ids = NULL, *def = dz_fmt("%s/outlines", cli_datadir());
	char **stages = NULL;
	size_t nids = 0, n = 0, cap = 0, i, k;
	int rc = def ? EXIT_COMPLETE : EXIT_INTERNAL, st;
	cli_session_init(&ses);
	ses.outlines = dir;
	if (rc == EXIT_COMPLETE && !scheme)
		rc = cli_scheme_ids(&ids, &nids, dir, def);
	for (i = 0; rc == EXIT_COMPLETE && i < (scheme ? 1 : nids); i++) {
		dossier_outline *o = cli_outline_for(&ses, scheme ? scheme : ids[i], &st);
		for (k = 0; o && k < dossier_outline_stage_count(o); k++) {
			/* copied: the session may recycle an outline it caches */
			if (dz_grow((void **)&stages, &cap, n, sizeof *stages) ||
			    !(stages[n] = dz_strdup(dossier_outline_stage_id(o, k)))) {
				rc = EXIT_INTERNAL;
				break;
			}
			n++;
		}
	}
	if (n)
		qsort(stages, n, sizeof *stages, by_str);
	for (i = 0; rc == EXIT_COMPLETE && i < n; i++)
		if (i == 0 || strcmp(stages[i], stages[i - 1]))
			printf("%s\n", stages[i]);
	for (i = 0; i < n; i++)
		dz_free(stages[i]);
	dz_free(stages);
	for (i = 0; i < nids; i++)
		dz_free(ids[i]);
	dz_free(ids);
	dz_free(def);
	cli_session_dispose(&ses);
	return rc;
}

/* dossier __complete WHAT [ARG]: the lists bash completion
 * (completion/dossier.bash) offers, one a line; not for people.
 *   commands        the subcommands
 *   options CMD     CMD's long options, from the table its parser uses
 *   schemes [DIR]   scheme ids: outlines in DIR (--outlines) and installed
 *   stages [SCHEME [DIR]]  the stages of SCHEME, or of every scheme */
static int complete(int argc, char **argv)
{
	size_t i;
	if (argc >= 2 && !strcmp(argv[1], "commands")) {
		for (i = 0; i < NCMDS; i++)
			printf("%s\n", cmds[i].name);
		return EXIT_COMPLETE;
	}
	if (argc >= 3 && !strcmp(argv[1], "options")) {
		const cli_cmd *c = find_cmd(argv[2]);
		const struct option *o;
		if (!c)
			return EXIT_USAGE;
		for (o = c->options; o->name; o++)
			if (!refused(o->name))
				printf("--%s\n", o->name);
		return EXIT_COMPLETE;
	}
	if (argc >= 2 && !strcmp(argv[1], "schemes")) {
		char *def = dz_fmt("%s/outlines", cli_datadir());
		int rc = def ? cli_list_schemes(stdout, argc >= 3 ? argv[2] : NULL, def) : EXIT_INTERNAL;
		dz_free(def);
		return rc;
	}
	if (argc >= 2 && !strcmp(argv[1], "stages"))
		return complete_stages(argc >= 3 && *argv[2] ? argv[2] : NULL, argc >= 4 ? argv[3] : NULL);
	return EXIT_USAGE;
}

/* Standard output is where check's findings and render's paths go: a full
 * disk or a closed pipe there is a failure, not a silent success. */
static int finish(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, L("dossier: 无法写标准输出：%s\n  处理：检查输出重定向的目标（磁盘空间、管道）。\n",
				  "dossier: cannot write standard output: %s\n"
				  "  fix: Check where the output goes (disk space, pipe).\n"),
			strerror(errno));
		if (status != EXIT_INTERNAL)
			status = EXIT_USAGE;
	}
	return status;
}

static int run(int argc, char **argv)
{
	const cli_cmd *c;
	/* a language given before the command: dossier --lang zh check ... */
	while (argc >= 2 && (!strcmp(argv[1], "--lang") || !strncmp(argv[1], "--lang=", 7))) {
		const char *v = argv[1][6] == '=' ? argv[1] + 7 : argc >= 3 ? argv[2] : NULL;
		if (!v) {
			fprintf(stderr, L("dossier: 选项 --lang 需要一个值\n", "dossier: option --lang needs a value\n"));
			return EXIT_USAGE;
		}
		if (cli_set_lang(NULL, v) != 0)
			return EXIT_USAGE;
		argc -= argv[1][6] == '=' ? 1 : 2;
		argv += argv[1][6] == '=' ? 1 : 2;
	}
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") ||
	    (!strcmp(argv[1], "help") && argc == 2)) {
		usage(stdout);
		return EXIT_COMPLETE;
	}
	if (!strcmp(argv[1], "help")) {
		/* dossier help CMD: CMD's own --help */
		char *hargv[3];
		if (!(c = find_cmd(argv[2])))
			return unknown_command(argv[2]);
		hargv[0] = argv[2];
		hargv[1] = "--help";
		hargv[2] = NULL;
		return c->run(2, hargv);
	}
	if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V")) {
		cli_print_version(stdout);
		return EXIT_COMPLETE;
	}
	if (!strcmp(argv[1], "__complete"))
		return complete(argc - 1, argv + 1);
	if (argv[1][0] == '-') {
		fprintf(stderr, L("dossier: 未知选项 %s\n运行 dossier --help 查看用法。\n",
				  "dossier: unknown option %s\nRun 'dossier --help' for its usage.\n"), argv[1]);
		return EXIT_USAGE;
	}
	if (!(c = find_cmd(argv[1])))
		return unknown_command(argv[1]);
	return c->run(argc - 1, argv + 1);
}

int main(int argc, char **argv)
{
	const char *fail_at = getenv("DOSSIER_ALLOC_FAIL_AT");
	int status;
	cli_lang_init();
	lang_prescan(argc, argv);
	/* test switch (tests/suites/faults.sh): the Nth allocation of the
	 * library fails; DOSSIER_ALLOC_FAIL_AT=0 counts them and prints the
	 * count on stderr at exit */
	if (fail_at)
		dossier_alloc_fail_at(strtoul(fail_at, NULL, 10));
	status = finish(run(argc, argv));
	if (fail_at && !strcmp(fail_at, "0"))
		fprintf(stderr, "dossier: %lu allocations\n", dossier_alloc_fail_at(0));
	return status;
}
