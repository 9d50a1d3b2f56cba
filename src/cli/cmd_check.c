/*
 * cmd_check.c — `dossier check`: load each centre directory (or received
 * data table, or package: verified and extracted first, intake.c), find its
 * scheme's outline, run the rules, print the findings (text or JSON) and,
 * for several inputs, one summary row per centre; or write them all as a
 * review report (HTML or PDF, review.h).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "cli.h"
#include "util/util.h"
#include "util/num.h"

static void help(FILE *f)
{
	fprintf(f, L(
"用法：dossier check [选项] 目录|软件包|evaluation-tables.xml...\n"
"\n"
"按中心所属管理办法的提纲（outlines/<方案>.xml）检查材料是否完整、一致：\n"
"章节与分项、数据表字段、“其中”不超过总数、合计相等、证明材料、期限、\n"
"门槛指标、命名规则、账表一致。每个目录含 centre.xml、sections/、evidence/。\n"
"也可给出 dossier render 生成的 evaluation-tables.xml：只运行数据表能回答的规则。\n"
"也可给出 dossier pack 生成的报送软件包：先按 dossier verify 核验，再解压到私有\n"
"临时目录检查其中的中心，以软件包的名称报告，最后删除临时目录；核验不通过的\n"
"软件包按无法读取的输入报告（附拒绝原因）。\n"
"\n"
"选项：\n"
"  --format text|json|html|pdf  输出格式（默认 text）；html、pdf 为审核意见，\n"
"                       须用 -o 给出文件\n"
"  -o, --output 文件    写入该文件（html、pdf 必填；json 可选），先写临时文件再改名\n"
"  --as-of YYYY-MM-DD   未记录报送日期时，按此日期判断期限（默认今天）\n"
"  --stage 阶段         按此报送阶段检查（默认 centre.xml 的 stage；\n"
"                       dossier explain 方案 列出各阶段）\n"
"  --outline 文件       使用此提纲文件，而不按 centre.xml 的 scheme 查找\n"
"  --outlines 目录      先在此目录查找 <方案>.xml\n"
"  --encoding 编码      章节文件的编码（UTF-8、GB18030、UTF-16），默认自动识别\n"
"  --lang zh|en         消息语言（默认按 DOSSIER_LANG，再按 LANG 等）\n"
"  -q, --quiet          只输出汇总\n"
"  -h, --help           显示本帮助\n"
"\n"
"%s\n"
"软件包的核验（同 dossier verify）：\n"
"%s\n"
"退出码：0 无错误级问题；1 有错误级问题；2 用法错误或输入无法读取（含超过上限、\n"
"软件包核验不通过）或输出无法写入；3 内部错误。多个输入时取最严重的一个。\n",
"usage: dossier check [options] DIR|PKG|evaluation-tables.xml...\n"
"\n"
"Check each centre directory (centre.xml, sections/, evidence/) against the\n"
"outline of its scheme (outlines/<scheme>.xml): sections and sub-items,\n"
"data-table fields, of-which never above its total, totals that add up,\n"
"evidence, deadlines, thresholds, naming rules, narrative vs table figures.\n"
"An argument may also be an evaluation-tables.xml written by dossier render\n"
"(only the rules a data table can answer run), or a package written by\n"
"dossier pack: it is verified as dossier verify does, extracted into a\n"
"private temporary folder, the centre it carries is checked and reported\n"
"under the package's name, and the folder is removed. A package that fails\n"
"verification is an input that cannot be read, with the reason.\n"
"\n"
"options:\n"
"  --format text|json|html|pdf  output format (default text); html and pdf\n"
"                       write a review report, to the file given with -o\n"
"  -o, --output FILE    write to FILE (required for html and pdf; optional\n"
"                       for json) through a temporary file renamed into place\n"
"  --as-of YYYY-MM-DD   judge deadlines with no recorded submission date\n"
"                       against this day (default today)\n"
"  --stage STAGE        check for this stage of submission (default: the\n"
"                       stage centre.xml declares; dossier explain SCHEME\n"
"                       lists the stages)\n"
"  --outline FILE       use this outline instead of the scheme's\n"
"  --outlines DIR       look for <scheme>.xml in DIR first\n"
"  --encoding ENC       encoding of section files (UTF-8, GB18030, UTF-16);\n"
"                       default: detect\n"
"  --lang zh|en         message language (default: DOSSIER_LANG, then LANG...)\n"
"  -q, --quiet          print only the summary\n"
"  -h, --help           show this help\n"
"\n"
"%s\n"
"packages are verified as dossier verify does:\n"
"%s\n"
"Exit status: 0 no error-severity findings; 1 errors found; 2 bad usage or\n"
"unreadable input (a limit exceeded, a package that fails verification) or\n"
"output that cannot be written; 3 internal failure. With several inputs,\n"
"the worst.\n"), cli_limits_help(), cli_verify_help());
}

typedef struct {
	cli_session ses;
	dossier_verify_options vo;
	const char *format, *as_of, *stage, *output;
	int quiet;
	dz_buf json;
	int first_json;
	dossier_review *rv;   /* --format html|pdf */
} opts;

static const char *sev_id(dossier_severity s)
{
	return s == DOSSIER_SEV_ERROR ? "error" : s == DOSSIER_SEV_WARNING ? "warning" : "info";
}

static const char *basis_id(dossier_basis b)
{
	static const char *const ids[] = {"requires", "recommends", "permits", "practice", "format"};
	return (unsigned)b < 5 ? ids[b] : "format";
}

static void json_str(dz_buf *b, const char *k, const char *v, int comma)
{
	dz_buf_printf(b, "\"%s\":\"", k);
	dz_buf_put_json(b, v ? v : "");
	dz_buf_puts(b, comma ? "\"," : "\"");
}

/* One summary row, and what the review and JSON need of an input. */
typedef struct {
	char *dir, *name, *scheme, *stage;
	const char *kind;     /* "directory", "table", "package" */
	size_t errors, warnings;
	int status;
	cli_reason why;       /* when it could not be read */
} row;

static void json_centre(opts *op, const row *rw, const dossier_report *r, const char *status)
{
	dz_buf *b = &op->json;
	size_t i;
	if (!op->first_json)
		dz_buf_putc(b, ',');
	op->first_json = 0;
	dz_buf_putc(b, '{');
	json_str(b, "dir", rw->dir, 1);
	json_str(b, "kind", rw->kind, 1);
	json_str(b, "scheme", rw->scheme, 1);
	json_str(b, "stage", rw->stage, 1);
	json_str(b, "name", rw->name, 1);
	json_str(b, "status", status, 1);
	if (rw->why.id) {
		dz_buf_puts(b, "\"reason\":");
		cli_json_reason(b, &rw->why);
		dz_buf_putc(b, ',');
	}
	dz_buf_printf(b, "\"errors\":%zu,\"warnings\":%zu,\"infos\":%zu,\"findings\":[",
		      dossier_report_count_sev(r, DOSSIER_SEV_ERROR),
		      dossier_report_count_sev(r, DOSSIER_SEV_WARNING),
		      dossier_report_count_sev(r, DOSSIER_SEV_INFO));
	for (i = 0; i < dossier_report_count(r); i++) {
		const dossier_finding *f = dossier_report_get(r, i);
		dz_buf_puts(b, i ? ",{" : "{");
		json_str(b, "severity", sev_id(f->severity), 1);
		json_str(b, "rule", f->rule, 1);
		json_str(b, "article", f->article, 1);
		json_str(b, "basis", basis_id(f->basis), 1);
		json_str(b, "quote", f->quote, 1);
		json_str(b, "obligation", f->obligation, 1);
		json_str(b, "document", f->document, 1);
		json_str(b, "section", f->section, 1);
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

/* Record why `rw` could not be read, from the library's last error (a file
 * under `tmp`, an extracted package, named inside `pkg`), and say it. */
static int unreadable(row *rw, int status, const char *tmp, const char *pkg)
{
	if (cli_reason_from_error(&rw->why, tmp, pkg)) {
		cli_print_error(NULL); /* out of memory: says so without allocating */
		return EXIT_INTERNAL;
	}
	cli_reason_print(&rw->why);
	return status;
}

static int check_one(opts *op, const char *input, row *rw)
{
	dossier_check_options co = DOSSIER_CHECK_OPTIONS_INIT;
	dossier_centre *c = NULL;
	dossier_report *r = NULL;
	dossier_outline *o = NULL;
	char *tmp = NULL;      /* an extracted package */
	const char *dir = input;
	struct stat st;
	int status;
	rw->dir = dz_strdup(input);
	rw->kind = "directory";
	if (!rw->dir) {
		dz_err(DOSSIER_ENOMEM, "", 0, 0, "内存不足", "out of memory", "", "");
		status = cli_print_error(NULL);
		goto done;
	}
	co.as_of = op->as_of;
	co.stage = op->stage;
	if (stat(input, &st) == 0 && S_ISREG(st.st_mode))
		rw->kind = "table"; /* a file that is not a package: an evaluation-tables.xml */
	if (cli_is_package(input)) {
		rw->kind = "package";
		if ((status = cli_intake(input, &op->vo, op->quiet, &tmp, &rw->why)) != 0) {
			if (rw->why.id)
				cli_reason_print(&rw->why);
			else
				status = cli_print_error(NULL);
			goto done;
		}
		dir = tmp;
		co.display_dir = input;
	}
	op->ses.silent = 1;
	status = cli_open_centre(&op->ses, dir, &c, &o);
	op->ses.silent = 0;
	if (status != 0) {
		status = unreadable(rw, status, tmp, input);
		goto done;
	}
	rw->name = dz_strdup(dossier_centre_name(c));
	rw->scheme = dz_strdup(dossier_centre_scheme(c));
	if (dossier_check_run(&r, c, o, &co) != 0) {
		status = cli_print_error(NULL);
		goto done;
	}
	rw->stage = dz_strdup(dossier_report_stage(r));
	if (!rw->name || !rw->scheme || !rw->stage) {
		dz_err(DOSSIER_ENOMEM, "", 0, 0, "内存不足", "out of memory", "", "");
		status = cli_print_error(NULL);
		goto done;
	}
	rw->errors = dossier_report_count_sev(r, DOSSIER_SEV_ERROR);
	rw->warnings = dossier_report_count_sev(r, DOSSIER_SEV_WARNING);
	status = rw->errors ? EXIT_FINDINGS : EXIT_COMPLETE;
	if (!strcmp(op->format, "text") && !op->quiet)
		cli_print_findings(stdout, r, 0);
	if (op->rv && dossier_review_add(op->rv, input, c, o, r) != 0)
		status = cli_print_error(NULL);
done:
	if (status == EXIT_USAGE && op->rv && rw->why.id) {
		dossier_error e;
		memset(&e, 0, sizeof e);
		e.code = rw->why.code;
		e.file = rw->why.file;
		e.line = rw->why.line;
		e.column = rw->why.column;
		e.msg_zh = rw->why.msg_zh;
		e.msg_en = rw->why.msg_en;
		e.hint_zh = rw->why.hint_zh;
		e.hint_en = rw->why.hint_en;
		if (dossier_review_add_unreadable(op->rv, input, rw->why.id, &e) != 0)
			status = cli_print_error(NULL);
	}
	if (!strcmp(op->format, "json"))
		json_centre(op, rw, r,
			    status == EXIT_COMPLETE ? "complete"
			    : status == EXIT_FINDINGS ? "incomplete" : "unreadable");
	rw->status = status;
	dossier_report_free(r);
	dossier_centre_free(c);
	cli_intake_remove(tmp);
	return status;
}

static void print_row(const row *rw)
{
	const char *mark = rw->status == EXIT_COMPLETE ? L("完整", "complete")
			 : rw->status == EXIT_FINDINGS ? L("不完整", "incomplete")
			 : L("无法读取", "unreadable");
	printf("%-10s %4zu %4zu  %-22s %-12s %s  (%s)\n", mark, rw->errors, rw->warnings,
	       rw->scheme ? rw->scheme : "-", rw->stage && *rw->stage ? rw->stage : "-",
	       rw->name && *rw->name ? rw->name : "-", rw->dir);
}

/* Write the review report (--format html|pdf) to op->output. */
static int write_review(opts *op)
{
	int rc;
	if (!strcmp(op->format, "html")) {
		rc = dossier_review_html_write(op->rv, op->output);
	} else {
		dossier_pdf_options po = DOSSIER_PDF_OPTIONS_INIT;
		dossier_doc *d = NULL;
		char *style = dz_fmt("%s/templates/gbt9704.style", cli_datadir());
		char *fonts = dz_fmt("%s/fonts/fonts.conf", cli_datadir());
		po.style_path = style;
		po.fonts_path = fonts;
		po.created = cli_created_time();
		po.on_substitute_at = op->quiet ? NULL : cli_font_substitute;
		rc = !style || !fonts ? DOSSIER_ENOMEM : dossier_review_doc(&d, op->rv);
		if (rc == 0)
			rc = dossier_pdf_write(d, op->output, &po);
		dossier_doc_free(d);
		dz_free(style);
		dz_free(fonts);
	}
	if (rc != 0)
		return cli_print_error(NULL);
	return EXIT_COMPLETE;
}

const struct option cli_check_options[] = {
	{"format", required_argument, NULL, 'f'},
	{"output", required_argument, NULL, 'o'},
	{"as-of", required_argument, NULL, 'a'},
	{"stage", required_argument, NULL, 's'},
	{"outline", required_argument, NULL, 'L'},
	{"outlines", required_argument, NULL, 'O'},
	{"encoding", required_argument, NULL, 'e'},
	CLI_LIMIT_OPTIONS,
	CLI_VERIFY_OPTIONS,
	{"lang", required_argument, NULL, 'l'},
	{"quiet", no_argument, NULL, 'q'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0}};

int cmd_check(int argc, char **argv)
{
	static const char *const formats[] = {"text", "json", "html", "pdf"};
	dossier_verify_options vo = DOSSIER_VERIFY_OPTIONS_INIT;
	opts op;
	row *rows;
	int c, i, worst = EXIT_COMPLETE, n, done = 0, wrote = 0;
	size_t complete = 0, k;
	memset(&op, 0, sizeof op);
	cli_session_init(&op.ses);
	op.vo = vo;
	op.format = "text";
	op.first_json = 1;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:qh", cli_check_options, NULL)) != -1) {
		switch (c) {
		case 'f':
			for (k = 0; k < 4 && strcmp(optarg, formats[k]); k++)
				;
			if (k == 4) {
				fprintf(stderr, L("dossier check: --format 只能是 text、json、html 或 pdf\n",
						  "dossier check: --format must be text, json, html or pdf\n"));
				return cli_usage_hint("check");
			}
			op.format = formats[k];
			break;
		case 'o': op.output = optarg; break;
		case 'a': op.as_of = optarg; break;
		case 's': op.stage = optarg; break;
		case 'L': op.ses.outline = optarg; break;
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
			if (i == 0 && (i = cli_verify_option(&op.vo, c, optarg, "check")) > 0)
				break;
			return i == 0 ? cli_bad_option("check", c, argv) : EXIT_USAGE;
		}
	}
	n = argc - optind;
	if (n <= 0) {
		fprintf(stderr, "%s", L("dossier check: 需要至少一个中心目录（或软件包、evaluation-tables.xml）\n",
					"dossier check: give at least one centre directory (or package, evaluation-tables.xml)\n"));
		return cli_usage_hint("check");
	}
	if (!op.output && (!strcmp(op.format, "html") || !strcmp(op.format, "pdf"))) {
		fprintf(stderr, L("dossier check: --format %s 写审核意见，用 -o 给出文件\n",
				  "dossier check: --format %s writes a review report: give the file with -o\n"),
			op.format);
		return cli_usage_hint("check");
	}
	if (op.output && !strcmp(op.format, "text")) {
		fprintf(stderr, "%s", L("dossier check: -o 用于 --format json、html 或 pdf\n",
					"dossier check: -o goes with --format json, html or pdf\n"));
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
	if (!strcmp(op.format, "html") || !strcmp(op.format, "pdf")) {
		dossier_review_options ro = DOSSIER_REVIEW_OPTIONS_INIT;
		ro.zh = cli_zh;
		ro.created = cli_created_time();
		if (dossier_review_new(&op.rv, &ro) != 0)
			return cli_print_error(NULL);
	}
	rows = dz_calloc((size_t)n, sizeof *rows);
	if (!rows) {
		dossier_review_free(op.rv);
		return cli_print_error(NULL);
	}
	if (!strcmp(op.format, "json"))
		dz_buf_puts(&op.json, "{\"centres\":[");
	/* Ctrl-C stops a package's verification at once, and the check after
	 * the centre in hand: its temporary folder is always removed */
	cli_interrupt_install();
	for (i = 0; i < n && !cli_interrupted(); i++) {
		int st;
		if (n > 1 && !op.quiet && !strcmp(op.format, "text"))
			printf("== %s\n", argv[optind + i]);
		st = check_one(&op, argv[optind + i], &rows[i]);
		done++;
		if (st == EXIT_COMPLETE)
			complete++;
		if (st > worst)
			worst = st;
	}
	if (cli_interrupted()) {
		fprintf(stderr, "%s", L("dossier check: 已中断\n", "dossier check: interrupted\n"));
		worst = EXIT_USAGE;
	} else if (op.rv) {
		int st = write_review(&op);
		wrote = st == EXIT_COMPLETE;
		if (st > worst)
			worst = st;
	}
	if (!strcmp(op.format, "json")) {
		dz_buf_printf(&op.json, "],\"summary\":{\"centres\":%d,\"complete\":%zu,\"exit\":%d}}\n",
			      done, complete, worst);
		if (op.json.oom) {
			dz_err(DOSSIER_ENOMEM, "", 0, 0, "内存不足", "out of memory", "", "");
			worst = cli_print_error(NULL);
		} else if (op.output) {
			if (dz_write_atomic(op.output, op.json.ptr, op.json.len) != 0) {
				int st = cli_print_error(NULL);
				if (st > worst)
					worst = st;
			}
		} else {
			fputs(dz_buf_cstr(&op.json), stdout);
		}
		dz_buf_dispose(&op.json);
	} else if (!cli_interrupted()) {
		printf("\n%s\n", L("状态       错误 警告  方案                   阶段         中心（目录）",
				   "status     errs warn  scheme                 stage        centre (dir)"));
		for (i = 0; i < done; i++)
			print_row(&rows[i]);
		printf(L("%d 个中心，%zu 个完整\n", "%d centres, %zu complete\n"), done, complete);
		if (wrote)
			printf("%s\n", op.output);
	}
	for (i = 0; i < n; i++) {
		dz_free(rows[i].dir);
		dz_free(rows[i].name);
		dz_free(rows[i].scheme);
		dz_free(rows[i].stage);
		cli_reason_dispose(&rows[i].why);
	}
	dz_free(rows);
	dossier_review_free(op.rv);
	cli_session_dispose(&op.ses);
	cli_interrupt_finish();
	return worst;
}
