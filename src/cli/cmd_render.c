/*
 * cmd_render.c — `dossier render`: check a centre, then write its documents
 * (summary report, annual report, evaluation tables) as PDF and/or XML.
 * Refuses an incomplete dossier unless --draft, which marks every page.
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <openssl/evp.h>
#include "cli.h"
#include "util/util.h"
#include "util/num.h"

static void help(FILE *f)
{
	fprintf(f, L(
"用法：dossier render [选项] -o 输出目录 目录\n"
"\n"
"先检查材料（同 dossier check），再生成本阶段报送的每一份文件（提纲中的文件，\n"
"如 summary-report.pdf/.xml 筹建期总结报告、annual-report 年度报告、\n"
"evaluation-tables 评估数据表、extension-request 延长筹建期申请……；\n"
"dossier explain 方案 列出各阶段的文件）。\n"
"PDF 按 GB/T 9704 版式，嵌入子集化中文字体（含 ToUnicode），默认 PDF/A-1b。\n"
"\n"
"选项：\n"
"  -o, --output 目录     输出目录（必填；全部生成后才一并替换同名文件：出错或\n"
"                        中断时目录保持原样）\n"
"  --doc 文件[,文件]|all  生成哪些文件：提纲中的文件编号，或 summary、annual、tables\n"
"                        （默认 all：本阶段已报送的全部文件）\n"
"  --format pdf|xml|both 输出格式（默认 both）\n"
"  --draft               检查有错误时仍生成，每页加“草稿”标记\n"
"  --no-pdfa             不生成 PDF/A-1b\n"
"  --style 文件          版式（默认 templates/gbt9704.style）\n"
"  --fonts 文件          字体配置（默认 fonts/fonts.conf）\n"
"  --max-pages N         每个文档最多页数（默认 5000；限制内存）\n"
"  --as-of YYYY-MM-DD    同 dossier check\n"
"  --outline 文件 / --outlines 目录 / --encoding 编码 / --lang zh|en   同 dossier check\n"
"  -q, --quiet           不列出检查发现的警告\n"
"  -h, --help            显示本帮助\n"
"\n"
"%s\n"
"可重现：设置 SOURCE_DATE_EPOCH 后，相同输入生成逐字节相同的 PDF 和 XML。\n"
"退出码：0 成功；1 材料有错误（未加 --draft）；2 用法错误、输入无法读取、超过上限或缺字；\n"
"3 内部错误。\n",
"usage: dossier render [options] -o OUTDIR DIR\n"
"\n"
"Check the centre (as dossier check does), then write every document the\n"
"stage submits (the outline's documents, e.g. summary-report.pdf/.xml, the\n"
"incubation summary; annual-report; evaluation-tables, the data tables;\n"
"extension-request…; dossier explain SCHEME lists each stage's documents).\n"
"PDFs follow GB/T 9704 layout with embedded, subset Chinese fonts (ToUnicode),\n"
"PDF/A-1b by default.\n"
"\n"
"options:\n"
"  -o, --output DIR      output directory (required); files are replaced only\n"
"                        once all are done: an error or Ctrl-C leaves DIR as it was\n"
"  --doc DOC[,DOC]|all   which documents: outline document ids, or summary,\n"
"                        annual, tables (default all: every document the\n"
"                        stage submits)\n"
"  --format pdf|xml|both output format (default both)\n"
"  --draft               render despite errors, with a 草稿 mark on every page\n"
"  --no-pdfa             plain PDF, not PDF/A-1b\n"
"  --style FILE          layout style (default templates/gbt9704.style)\n"
"  --fonts FILE          font configuration (default fonts/fonts.conf)\n"
"  --max-pages N         most pages of one document (default 5000; bounds memory)\n"
"  --as-of YYYY-MM-DD    as for dossier check\n"
"  --outline FILE / --outlines DIR / --encoding ENC / --lang zh|en   as for check\n"
"  -q, --quiet           do not list warnings found by the check\n"
"  -h, --help            show this help\n"
"\n"
"%s\n"
"Reproducible: with SOURCE_DATE_EPOCH set, the same input gives byte-identical\n"
"PDF and XML.\n"
"Exit status: 0 success; 1 the dossier has errors (without --draft); 2 bad\n"
"usage, unreadable input, a limit exceeded or a character no font has;\n"
"3 internal failure.\n"), cli_limits_help());
}

/* Hex SHA-256 of a file (the source data the documents were made from). */
static char *file_sha256(const char *path)
{
	unsigned char md[EVP_MAX_MD_SIZE], buf[65536];
	unsigned int n = 0, i;
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	FILE *f = fopen(path, "rb");
	char *hex = NULL;
	size_t r;
	if (!ctx || !f || !EVP_DigestInit_ex(ctx, EVP_sha256(), NULL))
		goto done;
	while ((r = fread(buf, 1, sizeof buf, f)) > 0)
		EVP_DigestUpdate(ctx, buf, r);
	if (ferror(f) || !EVP_DigestFinal_ex(ctx, md, &n))
		goto done;
	hex = dz_malloc(2 * n + 1);
	for (i = 0; hex && i < n; i++)
		snprintf(hex + 2 * i, 3, "%02x", md[i]);
done:
	if (f)
		fclose(f);
	EVP_MD_CTX_free(ctx);
	return hex;
}

/* mkdir -p; *made says whether dir itself was created now */
static int make_dirs(const char *dir, int *made)
{
	char *p = dz_strdup(dir), *s;
	int rc = 0;
	if (!p)
		return -1;
	for (s = p + 1; *s && rc == 0; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST)
			rc = -1;
		*s = '/';
	}
	*made = 0;
	if (rc == 0) {
		if (mkdir(p, 0777) == 0)
			*made = 1;
		else if (errno != EEXIST)
			rc = -1;
	}
	dz_free(p);
	return rc;
}

/* Remove the staging folder and whatever is still in it (only files we
 * wrote: the folder is ours, mode 0700). */
static void unstage(const char *stage)
{
	DIR *d = opendir(stage);
	struct dirent *de;
	while (d && (de = readdir(d)) != NULL) {
		char *p;
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		if ((p = dz_fmt("%s/%s", stage, de->d_name)) != NULL)
			unlink(p);
		dz_free(p);
	}
	if (d)
		closedir(d);
	rmdir(stage);
}

/* Move the staged files into OUTDIR with signals held, so an interrupt
 * cannot split the set; print each final path. */
static int commit(const char *stage, const char *outdir, char *const *names, int n)
{
	sigset_t all, old;
	int i, status = EXIT_COMPLETE;
	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, &old);
	for (i = 0; i < n && status == EXIT_COMPLETE; i++) {
		char *from = dz_fmt("%s/%s", stage, names[i]);
		char *to = dz_fmt("%s/%s", outdir, names[i]);
		if (!from || !to || rename(from, to) != 0) {
			fprintf(stderr, L("dossier render: 无法写出 %s：%s\n",
					  "dossier render: cannot write %s: %s\n"),
				to ? to : names[i], strerror(errno));
			status = EXIT_USAGE;
		}
		dz_free(from);
		dz_free(to);
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	for (i = 0; i < n && status == EXIT_COMPLETE; i++)
		printf("%s/%s\n", outdir, names[i]);
	return status;
}

static int on_cancelled(void *payload)
{
	(void)payload;
	return cli_interrupted();
}

const struct option cli_render_options[] = {
	{"output", required_argument, NULL, 'o'},
	{"doc", required_argument, NULL, 'd'},
	{"format", required_argument, NULL, 'f'},
	{"draft", no_argument, NULL, 'D'},
	{"no-pdfa", no_argument, NULL, 'N'},
	{"style", required_argument, NULL, 's'},
	{"fonts", required_argument, NULL, 'F'},
	{"max-pages", required_argument, NULL, 'P'},
	{"as-of", required_argument, NULL, 'a'},
	{"outline", required_argument, NULL, 'L'},
	{"outlines", required_argument, NULL, 'O'},
	{"encoding", required_argument, NULL, 'e'},
	CLI_LIMIT_OPTIONS,
	{"lang", required_argument, NULL, 'l'},
	{"quiet", no_argument, NULL, 'q'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0}};

int cmd_render(int argc, char **argv)
{
	static const struct { const char *opt, *kind; } alias[] = {
		{"summary", "summary-report"}, {"annual", "annual-report"},
		{"tables", "evaluation-table"}};
	cli_session ses;
	dossier_check_options co = DOSSIER_CHECK_OPTIONS_INIT;
	dossier_pdf_options po = DOSSIER_PDF_OPTIONS_INIT;
	dossier_xml_options xo = DOSSIER_XML_OPTIONS_INIT;
	dossier_centre *c = NULL;
	dossier_outline *o = NULL;
	dossier_report *r = NULL;
	const char *outdir = NULL, *which = "all", *format = "both";
	char *style = NULL, *fonts = NULL, *digest = NULL, *stage = NULL;
	char **names = NULL; /* staged: a PDF and an XML per document */
	size_t nnames = 0;
	int draft = 0, quiet = 0, opt, status = EXIT_COMPLETE, written = 0, made_outdir = 0;
	size_t i;
	cli_session_init(&ses);
	optind = 1;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":o:qh", cli_render_options, NULL)) != -1) {
		switch (opt) {
		case 'o': outdir = optarg; break;
		case 'd': which = optarg; break;
		case 'f': format = optarg; break;
		case 'D': draft = 1; break;
		case 'N': po.pdfa = 0; break;
		case 's': style = dz_strdup(optarg); break;
		case 'F': fonts = dz_strdup(optarg); break;
		case 'P':
			if ((po.max_pages = cli_parse_count(optarg)) == 0) {
				fprintf(stderr, L("dossier render: 无效的上限：%s（应为正整数）\n",
						  "dossier render: invalid limit: %s (a positive whole number)\n"),
					optarg);
				dz_free(style);
				dz_free(fonts);
				return EXIT_USAGE;
			}
			break;
		case 'a': co.as_of = optarg; break;
		case 'L': ses.outline = optarg; break;
		case 'O': ses.outlines = optarg; break;
		case 'e': ses.encoding = optarg; break;
		case 'l':
			if (cli_set_lang("render", optarg) != 0) {
				dz_free(style);
				dz_free(fonts);
				return cli_usage_hint("render");
			}
			break;
		case 'q': quiet = 1; break;
		case 'h': help(stdout); return EXIT_COMPLETE;
		default: {
			int took = cli_session_limit(&ses, opt, optarg, "render");
			if (took > 0)
				break;
			dz_free(style);
			dz_free(fonts);
			return took == 0 ? cli_bad_option("render", opt, argv) : EXIT_USAGE;
		}
		}
	}
	if (optind != argc - 1 || !outdir ||
	    (strcmp(format, "pdf") && strcmp(format, "xml") && strcmp(format, "both"))) {
		if (optind != argc - 1)
			fprintf(stderr, "%s", L("dossier render: 需要恰好一个中心目录\n",
						"dossier render: give exactly one centre directory\n"));
		if (!outdir)
			fprintf(stderr, "%s", L("dossier render: 用 -o 给出输出目录\n",
						"dossier render: give the output directory with -o\n"));
		if (strcmp(format, "pdf") && strcmp(format, "xml") && strcmp(format, "both"))
			fprintf(stderr, L("dossier render: --format 只能是 pdf、xml 或 both：%s\n",
					  "dossier render: --format must be pdf, xml or both: %s\n"), format);
		status = cli_usage_hint("render");
		goto done;
	}
	if (co.as_of) {
		long d;
		if (dz_date_parse(&d, co.as_of)) {
			fprintf(stderr, L("dossier render: --as-of 日期无效：%s\n",
					  "dossier render: invalid --as-of date: %s\n"), co.as_of);
			status = EXIT_USAGE;
			goto done;
		}
	}
	if ((status = cli_open_centre(&ses, argv[optind], &c, &o)) != 0)
		goto done;
	if (dossier_check_run(&r, c, o, &co) != 0) {
		status = cli_print_error(NULL);
		goto done;
	}
	if (dossier_report_count_sev(r, DOSSIER_SEV_ERROR) && !draft) {
		cli_print_findings(stderr, r, 1);
		fprintf(stderr, L("dossier render: 材料有 %zu 个错误，未生成文件；修正后重试，或加 --draft 生成草稿。\n",
				  "dossier render: the dossier has %zu errors; nothing written. Fix them, "
				  "or use --draft for a marked draft.\n"),
			dossier_report_count_sev(r, DOSSIER_SEV_ERROR));
		status = EXIT_FINDINGS;
		goto done;
	}
	if (!quiet)
		cli_print_findings(stderr, r, 0);
	if (make_dirs(outdir, &made_outdir) != 0) {
		fprintf(stderr, L("dossier render: 无法创建输出目录 %s：%s\n",
				  "dossier render: cannot create output directory %s: %s\n"),
			outdir, strerror(errno));
		status = EXIT_USAGE;
		goto done;
	}
	if (!style)
		style = dz_fmt("%s/templates/gbt9704.style", cli_datadir());
	if (!fonts)
		fonts = dz_fmt("%s/fonts/fonts.conf", cli_datadir());
	po.style_path = style;
	po.fonts_path = fonts;
	po.draft = draft;
	po.created = xo.created = cli_created_time();
	po.on_substitute_at = quiet ? NULL : cli_font_substitute;
	po.cancelled = on_cancelled; /* Ctrl-C stops a long PDF within a page */
	digest = file_sha256(dossier_centre_xml_path(c));
	xo.source_digest = digest;
	/* Everything is written into a private staging folder inside OUTDIR and
	 * renamed into place only when every document is done: an error or
	 * Ctrl-C leaves OUTDIR as it was, never a mix of old and new files. */
	cli_interrupt_install(); /* before the folder exists: no window */
	stage = dz_fmt("%s/.dossier-render-XXXXXX", outdir);
	if (!stage || !mkdtemp(stage)) {
		fprintf(stderr, L("dossier render: 无法在 %s 中写文件：%s\n",
				  "dossier render: cannot write in %s: %s\n"),
			outdir, strerror(errno));
		dz_free(stage);
		stage = NULL;
		cli_interrupt_finish();
		status = EXIT_USAGE;
		goto done;
	}
	nnames = 2 * dossier_outline_document_count(o);
	names = dz_calloc(nnames + 1, sizeof *names);
	if (!names) {
		status = cli_print_error(NULL);
		goto done;
	}
	if (strcmp(which, "all")) {
		/* --doc ID[,ID...]: each an outline document id or a short name */
		const char *p = which;
		while (*p && status == EXIT_COMPLETE) {
			size_t len = strcspn(p, ","), j;
			int found = 0;
			for (j = 0; j < dossier_outline_document_count(o) && !found; j++) {
				const char *id = dossier_outline_document_id(o, j);
				found = strlen(id) == len && !strncmp(p, id, len);
			}
			for (j = 0; j < sizeof alias / sizeof alias[0] && !found; j++)
				found = strlen(alias[j].opt) == len && !strncmp(p, alias[j].opt, len);
			if (!found) {
				fprintf(stderr, L("dossier render: 方案没有文件 %.*s（dossier explain %s 列出各文件）\n",
						  "dossier render: the scheme has no document %.*s (dossier explain %s lists them)\n"),
					(int)len, p, dossier_outline_id(o));
				status = EXIT_USAGE;
			}
			p += len + (p[len] == ',');
		}
	}
	for (i = 0; i < dossier_outline_document_count(o) && status == EXIT_COMPLETE; i++) {
		const char *kind = dossier_outline_document_id(o, i);
		dossier_doc *d = NULL;
		int k;
		if (strcmp(which, "all")) {
			/* asked for by id or short name? */
			const char *p = which;
			int asked = 0;
			size_t j;
			while (*p && !asked) {
				size_t len = strcspn(p, ",");
				asked = strlen(kind) == len && !strncmp(p, kind, len);
				for (j = 0; j < sizeof alias / sizeof alias[0] && !asked; j++)
					asked = strlen(alias[j].opt) == len && !strncmp(p, alias[j].opt, len) &&
						!strcmp(alias[j].kind, kind);
				p += len + (p[len] == ',');
			}
			if (!asked)
				continue;
		}
		if (!dossier_doc_wanted(c, o, kind)) {
			if (strcmp(which, "all")) {
				fprintf(stderr, L("dossier render: 该中心没有报送 %s（见 centre.xml 的 submissions）\n",
						  "dossier render: this centre does not submit %s (see submissions in centre.xml)\n"),
					kind);
				status = EXIT_USAGE;
			}
			continue;
		}
		if (dossier_doc_build(&d, c, o, kind) != 0) {
			status = cli_print_error(NULL);
			break;
		}
		for (k = 0; k < 2 && status == EXIT_COMPLETE; k++) {
			const char *ext = k == 0 ? "pdf" : "xml";
			char *path;
			int rc;
			if (!strcmp(format, k == 0 ? "xml" : "pdf"))
				continue;
			if (cli_interrupted())
				break;
			names[written] = dz_fmt("%s.%s", dossier_doc_output(d), ext);
			path = names[written] ? dz_fmt("%s/%s", stage, names[written]) : NULL;
			if (!path) {
				dz_err(DOSSIER_ENOMEM, outdir, 0, 0, "内存不足", "out of memory", "", "");
				status = cli_print_error(NULL);
				break;
			}
			rc = k == 0 ? dossier_pdf_write(d, path, &po) : dossier_xml_write(d, path, &xo);
			dz_free(path);
			if (rc != 0)
				status = cli_interrupted() ? EXIT_USAGE : cli_print_error(NULL);
			else
				written++;
		}
		dossier_doc_free(d);
		if (cli_interrupted())
			break;
	}
	if (status == EXIT_COMPLETE && !written && !cli_interrupted()) {
		fprintf(stderr, L("dossier render: 没有要生成的文件\n", "dossier render: nothing to render\n"));
		status = EXIT_USAGE;
	}
	if (status == EXIT_COMPLETE && !cli_interrupted())
		status = commit(stage, outdir, names, written);
	if (cli_interrupted()) {
		fprintf(stderr, L("dossier render: 已中断，未写出任何文件\n",
				  "dossier render: interrupted; nothing written\n"));
		status = EXIT_USAGE;
	}
done:
	if (stage)
		unstage(stage);
	for (i = 0; names && i < nnames; i++)
		dz_free(names[i]);
	dz_free(names);
	/* a failed run does not leave the output folder it made (rmdir: only if empty) */
	if (status != EXIT_COMPLETE && made_outdir)
		rmdir(outdir);
	dossier_report_free(r);
	dossier_centre_free(c);
	cli_session_dispose(&ses);
	dz_free(style);
	dz_free(fonts);
	dz_free(digest);
	if (stage) {
		dz_free(stage);
		cli_interrupt_finish(); /* everything freed: die of the signal if one came */
	}
	return status;
}
