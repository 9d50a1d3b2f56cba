/*
 * main.c — the dossier command: a table of subcommands (one cmd_*.c each),
 * language selection, error printing and data-directory discovery.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli.h"

#ifndef DOSSIER_DATADIR
#define DOSSIER_DATADIR "/usr/local/share/dossier"
#endif

int cli_zh;

static const cli_cmd cmds[] = {
	{"check", cmd_check, "检查材料是否完整、一致（按管理办法提纲）",
	 "check a centre's material is complete and consistent with its scheme"},
	{"render", cmd_render, "生成 PDF 与 XML 文件（总结报告、年度报告、评估数据表）",
	 "write the PDF and XML documents (summary report, annual report, data tables)"},
	{"pack", cmd_pack, "打成签名的报送软件包（ASiC-E，CAdES/SM2）",
	 "make the signed submission package (ASiC-E with CAdES and/or SM2)"},
	{"verify", cmd_verify, "核验报送软件包（结构、清单、签名、摘要），可解压",
	 "verify a submission package (structure, manifest, signatures, digests); extract"},
	{"export", cmd_export, "把中心数据写成 Excel 工作簿（或空白模板）",
	 "write a centre's data as an Excel workbook (or the blank template)"},
	{"import", cmd_import, "从 Excel 工作簿读回 centre.xml；从 Word 文档读入章节",
	 "read centre.xml back from a workbook; sections from a Word document"},
	{"keygen", cmd_keygen, "生成仅供测试的 CA 与签名密钥（RSA、ECDSA、SM2）",
	 "make a throwaway TEST CA and signing keys (RSA, ECDSA, SM2)"},
};

static int lang_is_zh(const char *v)
{
	return v && (v[0] == 'z' || v[0] == 'Z') && (v[1] == 'h' || v[1] == 'H');
}

void cli_lang_init(void)
{
	const char *v = getenv("LC_ALL");
	if (!v || !*v)
		v = getenv("LC_MESSAGES");
	if (!v || !*v)
		v = getenv("LANG");
	cli_zh = lang_is_zh(v);
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

const char *cli_datadir(void)
{
	static char dir[PATH_MAX];
	const char *env = getenv("DOSSIER_DATADIR");
	ssize_t n;
	if (env && *env)
		return env;
	if (dir[0])
		return dir;
	/* running from the build tree: <repo>/build/dossier → <repo> */
	n = readlink("/proc/self/exe", dir, sizeof dir - 4);
	if (n > 0) {
		char *slash;
		dir[n] = '\0';
		slash = strrchr(dir, '/');
		if (slash) {
			char real[PATH_MAX];
			strcpy(slash, "/..");
			if (exists(dir, "outlines/schema/centre.xsd")) {
				if (realpath(dir, real))
					snprintf(dir, sizeof dir, "%s", real);
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
	fprintf(f, "%s", L("用法：dossier <命令> [选项] ...\n\n命令：\n",
			   "usage: dossier <command> [options] ...\n\ncommands:\n"));
	for (i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
		fprintf(f, "  %-8s %s\n", cmds[i].name, L(cmds[i].summary_zh, cmds[i].summary_en));
	fprintf(f, "%s", L("\n`dossier <命令> --help` 查看各命令的选项；man dossier 查看完整说明。\n"
			   "退出码：0 完整/成功，1 发现错误（或软件包被拒绝），2 用法错误或输入无法读取，3 内部错误。\n",
			   "\nRun `dossier <command> --help` for its options; see man dossier.\n"
			   "Exit status: 0 complete/success, 1 errors found (or package rejected), 2 bad usage or "
			   "unreadable input, 3 internal failure.\n"));
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
	size_t i;
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
		usage(stdout);
		return EXIT_COMPLETE;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("dossier %s\n", DOSSIER_VERSION);
		return EXIT_COMPLETE;
	}
	for (i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
		if (!strcmp(argv[1], cmds[i].name))
			return cmds[i].run(argc - 1, argv + 1);
	fprintf(stderr, L("dossier: 未知命令 %s\n", "dossier: unknown command %s\n"), argv[1]);
	usage(stderr);
	return EXIT_USAGE;
}

int main(int argc, char **argv)
{
	const char *fail_at = getenv("DOSSIER_ALLOC_FAIL_AT");
	int status;
	cli_lang_init();
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
