/*
 * cmd_check.c — `dossier check`: load each centre directory, find its
 * scheme's outline, run the rules, print the findings (text or JSON) and,
 * for several directories, one summary row per centre.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "util/util.h"
#include "util/num.h"

static void help(FILE *f)
{
	fprintf(f, "%s", L(
"用法：dossier check [选项] 目录...\n"
"\n"
"按中心所属管理办法的提纲（outlines/<方案>.xml）检查材料是否完整、一致：\n"
"章节与分项、数据表字段、“其中”不超过总数、合计相等、证明材料、期限、\n"
"门槛指标、命名规则、账表一致。每个目录含 centre.xml、sections/、evidence/。\n"
"也可给出 dossier render 生成的 evaluation-tables.xml：只运行数据表能回答的规则。\n"
"\n"
"选项：\n"
"  --format text|json   输出格式（默认 text）\n"
"  --as-of YYYY-MM-DD   未记录报送日期时，按此日期判断期限（默认今天）\n"
"  --outline 文件       使用此提纲文件，而不按 centre.xml 的 scheme 查找\n"
"  --outlines 目录      先在此目录查找 <方案>.xml\n"
"  --encoding 编码      章节文件的编码（UTF-8、GB18030、UTF-16），默认自动识别\n"
"  --lang zh|en         消息语言（默认按 DOSSIER_LANG，再按 LANG 等）\n"
"  -q, --quiet          只输出汇总\n"
"  -h, --help           显示本帮助\n"
"\n",
"usage: dossier check [options] DIR...\n"
"\n"
"Check each centre directory (centre.xml, sections/, evidence/) against the\n"
"outline of its scheme (outlines/<scheme>.xml): sections and sub-items,\n"
"data-table fields, of-which never above its total, totals that add up,\n"
"evidence, deadlines, thresholds, naming rules, narrative vs table figures.\n"
"A DIR may also be an evaluation-tables.xml written by dossier render: then\n"
"only the rules a data table can answer run.\n"
"\n"
"options:\n"
"  --format text|json   output format (default text)\n"
"  --as-of YYYY-MM-DD   judge deadlines with no recorded submission date\n"
"                       against this day (default today)\n"
"  --outline FILE       use this outline instead of the scheme's\n"
"  --outlines DIR       look for <scheme>.xml in DIR first\n"
"  --encoding ENC       encoding of section files (UTF-8, GB18030, UTF-16);\n"
"                       default: detect\n"
"  --lang zh|en         message language (default: DOSSIER_LANG, then LANG...)\n"
"  -q, --quiet          print only the summary\n"
"  -h, --help           show this help\n"
"\n"));
	fprintf(f, "%s\n%s", cli_limits_help(), L(
"退出码：0 无错误级问题；1 有错误级问题；2 用法错误或输入无法读取（含超过上限）；\n"
"3 内部错误。\n",
"Exit status: 0 no error-severity findings; 1 errors found; 2 bad usage or\n"
"unreadable input (a limit exceeded too); 3 internal failure.\n"));
}

typedef struct {
	cli_session ses;
	const char *format, *as_of;
	int quiet;
	dz_buf json;
	int first_json;
} opts;

static const char *sev_id(dossier_severity s)
{
	return s == DOSSIER_SEV_ERROR ? "error" : s == DOSSIER_SEV_WARNING ? "warning" : "info";
}

static void json_str(dz_buf *b, const char *k, const char *v, int comma)
{
	dz_buf_printf(b, "\"%s\":\"", k);
	dz_buf_put_json(b, v ? v : "");
	dz_buf_puts(b, comma ? "\"," : "\"");
}

static void json_centre(opts *op, const char *dir, const dossier_centre *c,
			const dossier_report *r, const char *status)
{
	dz_buf *b = &op->json;
	size_t i;
	if (!op->first_json)
		dz_buf_putc(b, ',');
	op->first_json = 0;
	dz_buf_putc(b, '{');
	json_str(b, "dir", dir, 1);
	json_str(b, "scheme", c ? dossier_centre_scheme(c) : "", 1);
	json_str(b, "name", c ? dossier_centre_name(c) : "", 1);
	json_str(b, "status", status, 1);
	dz_buf_printf(b, "\"errors\":%zu,\"warnings\":%zu,\"findings\":[",
		      dossier_report_count_sev(r, DOSSIER_SEV_ERROR),
		      dossier_report_count_sev(r, DOSSIER_SEV_WARNING));
	for (i = 0; i < dossier_report_count(r); i++) {
		const dossier_finding *f = dossier_report_get(r, i);
		dz_buf_puts(b, i ? ",{" : "{");
		json_str(b, "severity", sev_id(f->severity), 1);
		json_str(b, "rule", f->rule, 1);
		json_str(b, "article", f->article, 1);
		json_str(b, "file", f->file, 1);
		dz_buf_printf(b, "\"line\":%d,", f->line);
		json_str(b, "xpath", f->xpath, 1);
		dz_buf_puts(b, "\"message\":{");
		json_str(b, "zh", f->msg_zh, 1);
		json_str(b, "en", f->msg_en, 0);
		dz_buf_puts(b, "},\"hint\":{");
		json_str(b, "zh", f->hint_zh, 1);
		json_str(b, "en", f->hint_en, 0);
		dz_buf_puts(b, "}}");
	}
	dz_buf_puts(b, "]}");
}

typedef struct {
	char *dir, *name, *scheme;
	size_t errors, warnings;
	int status;
} row;

static int check_one(opts *op, const char *dir, row *rw)
{
	dossier_check_options co = DOSSIER_CHECK_OPTIONS_INIT;
	dossier_centre *c = NULL;
	dossier_report *r = NULL;
	dossier_outline *o = NULL;
	int status;
	int json = !strcmp(op->format, "json");
	rw->dir = dz_strdup(dir);
	co.as_of = op->as_of;
	if ((status = cli_open_centre(&op->ses, dir, &c, &o)) != 0)
		goto done;
	rw->name = dz_strdup(dossier_centre_name(c));
	rw->scheme = dz_strdup(dossier_centre_scheme(c));
	if (dossier_check_run(&r, c, o, &co) != 0) {
		status = cli_print_error(NULL);
		goto done;
	}
	rw->errors = dossier_report_count_sev(r, DOSSIER_SEV_ERROR);
	rw->warnings = dossier_report_count_sev(r, DOSSIER_SEV_WARNING);
	status = rw->errors ? EXIT_FINDINGS : EXIT_COMPLETE;
	if (!json && !op->quiet)
		cli_print_findings(stdout, r, 0);
done:
	if (json)
		json_centre(op, dir, c, r,
			    status == EXIT_COMPLETE ? "complete"
			    : status == EXIT_FINDINGS ? "incomplete" : "unreadable");
	rw->status = status;
	dossier_report_free(r);
	dossier_centre_free(c);
	return status;
}

static void print_row(const row *rw)
{
	const char *mark = rw->status == EXIT_COMPLETE ? L("完整", "complete")
			 : rw->status == EXIT_FINDINGS ? L("不完整", "incomplete")
			 : L("无法读取", "unreadable");
	printf("%-10s %4zu %4zu  %-22s %s  (%s)\n", mark, rw->errors, rw->warnings,
	       rw->scheme ? rw->scheme : "-", rw->name && *rw->name ? rw->name : "-", rw->dir);
}

const struct option cli_check_options[] = {
	{"format", required_argument, NULL, 'f'},
	{"as-of", required_argument, NULL, 'a'},
	{"outline", required_argument, NULL, 'o'},
	{"outlines", required_argument, NULL, 'O'},
	{"encoding", required_argument, NULL, 'e'},
	CLI_LIMIT_OPTIONS,
	{"lang", required_argument, NULL, 'l'},
	{"quiet", no_argument, NULL, 'q'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0}};

int cmd_check(int argc, char **argv)
{
	opts op;
	row *rows;
	int c, i, worst = EXIT_COMPLETE, n;
	size_t complete = 0;
	memset(&op, 0, sizeof op);
	cli_session_init(&op.ses);
	op.format = "text";
	op.first_json = 1;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":qh", cli_check_options, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "text") && strcmp(optarg, "json")) {
				fprintf(stderr, L("dossier check: --format 只能是 text 或 json\n",
						  "dossier check: --format must be text or json\n"));
				return cli_usage_hint("check");
			}
			op.format = optarg;
			break;
		case 'a': op.as_of = optarg; break;
		case 'o': op.ses.outline = optarg; break;
		case 'O': op.ses.outlines = optarg; break;
		case 'e': op.ses.encoding = optarg; break;
		case 'l':
			if (cli_set_lang("check", optarg) != 0)
				return cli_usage_hint("check");
			break;
		case 'q': op.quiet = 1; break;
		case 'h': help(stdout); return EXIT_COMPLETE;
		default:
			if ((i = cli_session_limit(&op.ses, c, optarg, "check")) > 0)
				break;
			return i == 0 ? cli_bad_option("check", c, argv) : EXIT_USAGE;
		}
	}
	n = argc - optind;
	if (n <= 0) {
		fprintf(stderr, "%s", L("dossier check: 需要至少一个中心目录（或 evaluation-tables.xml）\n",
					"dossier check: give at least one centre directory (or evaluation-tables.xml)\n"));
		return cli_usage_hint("check");
	}
	if (op.as_of) {
		long d;
		if (dz_date_parse(&d, op.as_of)) {
			fprintf(stderr, L("dossier check: --as-of 日期无效：%s（应为 YYYY-MM-DD）\n",
					  "dossier check: invalid --as-of date: %s (use YYYY-MM-DD)\n"),
				op.as_of);
			return EXIT_USAGE;
		}
	}
	rows = dz_calloc((size_t)n, sizeof *rows);
	if (!rows)
		return cli_print_error(NULL);
	if (!strcmp(op.format, "json"))
		dz_buf_puts(&op.json, "{\"centres\":[");
	for (i = 0; i < n; i++) {
		int st;
		if (n > 1 && !op.quiet && strcmp(op.format, "json"))
			printf("== %s\n", argv[optind + i]);
		st = check_one(&op, argv[optind + i], &rows[i]);
		if (st == EXIT_COMPLETE)
			complete++;
		if (st > worst)
			worst = st;
	}
	if (!strcmp(op.format, "json")) {
		dz_buf_printf(&op.json, "],\"summary\":{\"centres\":%d,\"complete\":%zu,\"exit\":%d}}\n",
			      n, complete, worst);
		fputs(dz_buf_cstr(&op.json), stdout);
		dz_buf_dispose(&op.json);
	} else {
		printf("\n%s\n", L("状态       错误 警告  方案                   中心（目录）",
				   "status     errs warn  scheme                 centre (dir)"));
		for (i = 0; i < n; i++)
			print_row(&rows[i]);
		printf(L("%d 个中心，%zu 个完整\n", "%d centres, %zu complete\n"), n, complete);
	}
	for (i = 0; i < n; i++) {
		dz_free(rows[i].dir);
		dz_free(rows[i].name);
		dz_free(rows[i].scheme);
	}
	dz_free(rows);
	cli_session_dispose(&op.ses);
	return worst;
}
