/*
 * cmd_explain.c — `dossier explain`: the obligation matrix of a scheme (its
 * stages and every obligation of its text, with the rules that enforce it),
 * as text, JSON or Markdown; with --verify-text, the outline checked against
 * the policy text itself.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "cli.h"
#include "util/util.h"

static void help(FILE *f)
{
	fprintf(f, "%s", L(
"用法：dossier explain [选项] 方案...\n"
"       dossier explain [选项] --all\n"
"\n"
"列出方案（管理办法）的义务矩阵：各报送阶段（谁报给谁、由哪些文件组成），\n"
"以及原文每一项可由材料满足或违反的义务：条款、原文短语、适用阶段、义务主体、\n"
"强度（要求→错误，倡导→警告，允许→提示，评审实践→警告）和检查它的规则，\n"
"或工具无法检查的理由。方案为提纲编号（如 ndrc-engineering-2025）或提纲文件。\n"
"\n"
"选项：\n"
"  --format text|json|markdown  输出格式（默认 text；markdown 即 doc/schemes.md）\n"
"  --stage 阶段          只列出该阶段\n"
"  --all                 列出提纲目录中的全部方案\n"
"  --verify-text 文件    与管理办法原文（UTF-8 文本）核对：条、项编号一致，\n"
"                        引文都在所引条款中\n"
"  --outlines 目录       先在此目录查找 <方案>.xml\n"
"  --lang zh|en          消息语言（默认按 LANG）\n"
"  -h, --help            显示本帮助\n"
"\n"
"退出码：0 成功（--verify-text：无差异）；1 --verify-text 发现差异；\n"
"2 用法错误或提纲无法读取；3 内部错误。\n",
"usage: dossier explain [options] SCHEME...\n"
"       dossier explain [options] --all\n"
"\n"
"Print a scheme's obligation matrix: its stages of submission (who submits\n"
"to whom, which documents) and every obligation of its text that a dossier\n"
"can satisfy or violate: article, quote, stages, who owes it, strength\n"
"(requires → error, recommends → warning, permits → info, evaluation\n"
"practice → warning) and the rules that enforce it, or why no tool can.\n"
"SCHEME is an outline id (e.g. ndrc-engineering-2025) or an outline file.\n"
"\n"
"options:\n"
"  --format text|json|markdown  output format (default text; markdown is\n"
"                        what doc/schemes.md holds)\n"
"  --stage STAGE         only this stage\n"
"  --all                 every scheme of the outlines directory\n"
"  --verify-text FILE    check the outline against the policy text (UTF-8):\n"
"                        same article and item numbers, every quote in the\n"
"                        article it cites\n"
"  --outlines DIR        look for <scheme>.xml in DIR first\n"
"  --lang zh|en          message language (default from LANG)\n"
"  -h, --help            show this help\n"
"\n"
"Exit status: 0 done (--verify-text: no difference); 1 --verify-text found\n"
"differences; 2 bad usage or unreadable outline; 3 internal failure.\n"));
}

static char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	dz_buf b = DZ_BUF_INIT;
	char chunk[65536];
	size_t n;
	if (!f) {
		fprintf(stderr, L("dossier explain: 无法读取 %s：%s\n", "dossier explain: cannot read %s: %s\n"),
			path, strerror(errno));
		return NULL;
	}
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 && b.len < (64u << 20))
		dz_buf_put(&b, chunk, n);
	fclose(f);
	*len = b.len;
	if (b.oom) {
		dz_buf_dispose(&b);
		return NULL;
	}
	dz_buf_cstr(&b);
	return dz_buf_detach(&b);
}

const struct option cli_explain_options[] = {
	{"format", required_argument, NULL, 'f'},
	{"stage", required_argument, NULL, 's'},
	{"all", no_argument, NULL, 'A'},
	{"verify-text", required_argument, NULL, 'V'},
	{"outlines", required_argument, NULL, 'O'},
	{"lang", required_argument, NULL, 'l'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0}};

int cmd_explain(int argc, char **argv)
{
	cli_session ses;
	dossier_explain_format fmt = DOSSIER_EXPLAIN_TEXT;
	const char *stage = NULL, *verify = NULL;
	char **ids = NULL, *def = NULL;
	size_t nids = 0, i;
	int c, all = 0, status = EXIT_COMPLETE;
	cli_session_init(&ses);
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", cli_explain_options, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (!strcmp(optarg, "text")) fmt = DOSSIER_EXPLAIN_TEXT;
			else if (!strcmp(optarg, "json")) fmt = DOSSIER_EXPLAIN_JSON;
			else if (!strcmp(optarg, "markdown")) fmt = DOSSIER_EXPLAIN_MARKDOWN;
			else {
				fprintf(stderr, L("dossier explain: --format 只能是 text、json 或 markdown：%s\n",
						  "dossier explain: --format must be text, json or markdown: %s\n"), optarg);
				return cli_usage_hint("explain");
			}
			break;
		case 's': stage = optarg; break;
		case 'A': all = 1; break;
		case 'V': verify = optarg; break;
		case 'O': ses.outlines = optarg; break;
		case 'l':
			if (cli_set_lang("explain", optarg) != 0)
				return cli_usage_hint("explain");
			break;
		case 'h': help(stdout); return EXIT_COMPLETE;
		default: return cli_bad_option("explain", c, argv);
		}
	}
	if (all == (optind < argc) || (verify && (all || argc - optind != 1))) {
		fprintf(stderr, L("dossier explain: 给出方案，或 --all（--verify-text 只核对一个方案）\n",
				  "dossier explain: give schemes, or --all (--verify-text checks one scheme)\n"));
		return cli_usage_hint("explain");
	}
	if (all) {
		def = dz_fmt("%s/outlines", cli_datadir());
		if (!def)
			return cli_print_error(NULL);
		if ((status = cli_scheme_ids(&ids, &nids, ses.outlines, def)) != 0)
			goto done;
	}
	for (i = 0; status == EXIT_COMPLETE && i < (all ? nids : (size_t)(argc - optind)); i++) {
		const char *arg = all ? ids[i] : argv[optind + (int)i];
		struct stat st;
		dossier_outline *o;
		char *out = NULL;
		int st_o = EXIT_COMPLETE;
		ses.outline = strchr(arg, '/') || (stat(arg, &st) == 0 && S_ISREG(st.st_mode)) ? arg : NULL;
		if (!(o = cli_outline_for(&ses, arg, &st_o))) {
			status = st_o;
			break;
		}
		if (verify) {
			size_t len = 0, problems = 0;
			char *text = read_all(verify, &len);
			if (!text) {
				status = EXIT_USAGE;
				break;
			}
			if (dossier_outline_verify_text(o, text, len, cli_zh, &out, &problems) != 0) {
				dz_free(text);
				status = cli_print_error(NULL);
				break;
			}
			dz_free(text);
			fputs(out, stdout);
			if (problems)
				status = EXIT_FINDINGS;
		} else {
			if (dossier_outline_explain(o, fmt, cli_zh, stage, &out) != 0) {
				status = cli_print_error(NULL);
				break;
			}
			if (fmt == DOSSIER_EXPLAIN_JSON && all)
				printf("%s", i ? "," : "[");
			fputs(out, stdout);
			if (fmt == DOSSIER_EXPLAIN_TEXT && i + 1 < (all ? nids : (size_t)(argc - optind)))
				putchar('\n');
		}
		dossier_free(out);
	}
	if (status == EXIT_COMPLETE && fmt == DOSSIER_EXPLAIN_JSON && all && !verify)
		puts("]");
done:
	for (i = 0; i < nids; i++)
		dz_free(ids[i]);
	dz_free(ids);
	dz_free(def);
	cli_session_dispose(&ses);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, L("dossier explain: 无法写出标准输出\n", "dossier explain: cannot write standard output\n"));
		return EXIT_USAGE;
	}
	return status;
}
