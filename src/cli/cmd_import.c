/*
 * cmd_import.c — `dossier import`: a filled workbook back into centre.xml
 * (--xlsx, dossier_xlsx_import), or a whole report written in Word split
 * into sections/<id>.md (--docx, dossier_docx_split).
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "cli.h"
#include "util/util.h"
#include "util/text.h"

static void help(FILE *f)
{
	fprintf(f, "%s", L(
"用法：dossier import --xlsx 工作簿 目录\n"
"      dossier import --docx 文档 [--doc 文件编号] [--force] 目录\n"
"      dossier import --docx 文档 --markdown\n"
"\n"
"--xlsx：把填好的工作簿（dossier export --xlsx 生成的格式，Excel、WPS、LibreOffice\n"
"保存均可）读回 目录/centre.xml（整体写入，失败时原文件不变）。无法读取的单元格\n"
"逐一报错（如 数据表!D7：找到什么、应填什么），此时不写入；仍缺的必填项为警告；\n"
"以其他写法读入的值（2026年3月1日、1,234.5万元）给出提示。\n"
"--docx：把一份完整报告按提纲各节标题（“一、摘要”……）拆成 目录/sections/<编号>.md。\n"
"方案取自 目录/centre.xml（或 --scheme）。已有的章节文件不覆盖，除非 --force。\n"
"\n"
"选项：\n"
"  --xlsx 文件 / --docx 文件   输入\n"
"  --doc 文件编号              按提纲中该文件的章节拆分（默认按标题自动判断）\n"
"  --scheme 方案               方案（默认取自工作簿或 centre.xml）\n"
"  --force                     覆盖已有的章节文件\n"
"  --markdown                  不拆分，把文档读成的 Markdown 输出到标准输出\n"
"  --outline 文件 / --outlines 目录   同 dossier check\n"
"  --max-input 大小            输入文件的上限（默认 64M）\n"
"  --lang zh|en                消息语言\n"
"  -h, --help                  显示本帮助\n"
"\n"
"退出码：0 已写入（可能有警告）；1 有错误，未写入；2 用法错误或无法读取（含超过上限）；\n"
"3 内部错误。\n",
"usage: dossier import --xlsx WORKBOOK DIR\n"
"       dossier import --docx DOCUMENT [--doc DOC-ID] [--force] DIR\n"
"       dossier import --docx DOCUMENT --markdown\n"
"\n"
"--xlsx: read a filled workbook (the layout of dossier export --xlsx, saved\n"
"by Excel, WPS or LibreOffice) back into DIR/centre.xml (written whole: on\n"
"failure the old file stays). Each cell that cannot be read is an error\n"
"naming it (数据表!D7: what was found, what to enter) and then nothing is\n"
"written; required values still missing are warnings; values read in\n"
"another form (2026年3月1日, 1,234.5万元) are noted.\n"
"--docx: split a whole report at the outline's section headings (\"一、摘要\"\n"
"...) into DIR/sections/<id>.md. The scheme comes from DIR/centre.xml (or\n"
"--scheme). Existing section files are kept unless --force.\n"
"\n"
"options:\n"
"  --xlsx FILE / --docx FILE   the input\n"
"  --doc DOC-ID                split by the sections of this document of the\n"
"                              outline (default: found from the headings)\n"
"  --scheme SCHEME             the scheme (default: the workbook's or centre.xml's)\n"
"  --force                     replace existing section files\n"
"  --markdown                  print the document as dossier reads it\n"
"                              (Markdown), without splitting\n"
"  --outline FILE / --outlines DIR   as for check\n"
"  --max-input SIZE            cap on the input file (default 64M)\n"
"  --lang zh|en                message language\n"
"  -h, --help                  show this help\n"
"\n"
"Exit status: 0 written (warnings possible); 1 errors, nothing written;\n"
"2 bad usage or unreadable input (a limit exceeded too); 3 internal failure.\n"));
}

static const char *sev_name(dossier_severity s)
{
	static const char *n[][2] = {{"错误", "error"}, {"警告", "warning"}, {"提示", "info"}};
	return n[s][cli_zh ? 0 : 1];
}

/* "book.xlsx: 数据表!D7: 错误 [XLSX-VALUE]" and the message and fix; infos
 * to `info` (stdout, or stderr when stdout carries the Markdown). */
static void print_notes(const dossier_report *r, FILE *info)
{
	size_t i;
	for (i = 0; i < dossier_report_count(r); i++) {
		const dossier_finding *f = dossier_report_get(r, i);
		const char *hint = L(f->hint_zh, f->hint_en);
		FILE *out = f->severity == DOSSIER_SEV_INFO ? info : stderr;
		fprintf(out, "%s: %s%s%s [%s]\n  %s\n", f->file, f->xpath, *f->xpath ? ": " : "",
			sev_name(f->severity), f->rule, L(f->msg_zh, f->msg_en));
		if (hint && *hint)
			fprintf(out, "  %s%s\n", L("修改：", "fix: "), hint);
	}
}

static int ensure_dir(const char *dir)
{
	struct stat st;
	if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
		return 0;
	if (mkdir(dir, 0777) == 0)
		return 0;
	fprintf(stderr, L("dossier import: 无法创建目录 %s：%s\n",
			  "dossier import: cannot create directory %s: %s\n"), dir, strerror(errno));
	return EXIT_USAGE;
}

static int import_xlsx(cli_session *ses, dossier_office_options *oo, const char *file,
		       const char *scheme, const char *dir)
{
	dossier_workbook *wb = NULL;
	dossier_report *notes = NULL;
	dossier_outline *o;
	char *out = NULL;
	int status = EXIT_COMPLETE, rc;
	if (dossier_xlsx_open(&wb, file, oo) != 0)
		return cli_print_error(NULL);
	if (!scheme)
		scheme = dossier_xlsx_scheme(wb);
	if (!*scheme && !ses->outline) {
		fprintf(stderr, L("dossier import: %s 的“基本信息”中没有方案（管理办法）\n"
				  "  修改：在“基本信息”的“管理办法”一行填写方案编号，或用 --scheme 指定。\n",
				  "dossier import: the 基本信息 sheet of %s names no scheme\n"
				  "  fix: Fill in the scheme (管理办法) row of 基本信息, or give --scheme.\n"),
			file);
		dossier_xlsx_free(wb);
		return EXIT_USAGE;
	}
	if (!(o = cli_outline_for(ses, scheme, &status)) || (status = ensure_dir(dir)) != 0) {
		dossier_xlsx_free(wb);
		return status ? status : EXIT_USAGE;
	}
	out = dz_fmt("%s/centre.xml", dir);
	dossier_error_clear();
	rc = out ? dossier_xlsx_import(&notes, wb, o, out) : DOSSIER_ENOMEM;
	print_notes(notes, stdout);
	if (rc == DOSSIER_ESCHEMA) {
		cli_print_error(NULL);
		status = EXIT_FINDINGS;
	} else if (rc != 0) {
		status = cli_print_error(NULL);
	} else {
		printf(L("已写入 %s（%zu 条警告，%zu 条提示）\n", "wrote %s (%zu warnings, %zu notes)\n"),
		       out, dossier_report_count_sev(notes, DOSSIER_SEV_WARNING),
		       dossier_report_count_sev(notes, DOSSIER_SEV_INFO));
	}
	dossier_report_free(notes);
	dossier_xlsx_free(wb);
	dz_free(out);
	return status;
}

/* The scheme of DIR's centre.xml ("" if none can be read). */
static char *dir_scheme(const char *dir)
{
	char *path = dz_fmt("%s/centre.xml", dir), *raw = NULL, *s = NULL;
	size_t n;
	if (path && dz_read_file(&raw, &n, path, 16u << 20) == 0) {
		/* the root's scheme attribute, read without a full load:
		 * the sections may not exist yet */
		const char *p = strstr(raw, "scheme=\"");
		if (p) {
			const char *e = strchr(p + 8, '"');
			s = e ? dz_strndup(p + 8, (size_t)(e - p - 8)) : NULL;
		}
	}
	dossier_error_clear();
	dz_free(raw);
	dz_free(path);
	return s ? s : dz_strdup("");
}

static int import_docx(cli_session *ses, dossier_office_options *oo, const char *file,
		       const char *scheme, const char *doc, const char *dir)
{
	dossier_report *notes = NULL;
	dossier_outline *o;
	char *own = scheme ? NULL : dir_scheme(dir);
	int status = EXIT_COMPLETE, rc;
	if (!scheme)
		scheme = own ? own : "";
	if (!*scheme && !ses->outline) {
		fprintf(stderr, L("dossier import: %s/centre.xml 中没有方案\n"
				  "  修改：用 --scheme 指定方案（提纲编号）。\n",
				  "dossier import: %s/centre.xml names no scheme\n"
				  "  fix: Give the scheme (outline id) with --scheme.\n"), dir);
		dz_free(own);
		return EXIT_USAGE;
	}
	if (!(o = cli_outline_for(ses, scheme, &status)) || (status = ensure_dir(dir)) != 0) {
		dz_free(own);
		return status ? status : EXIT_USAGE;
	}
	dossier_error_clear();
	rc = dossier_docx_split(&notes, file, o, doc, dir, oo);
	print_notes(notes, stdout);
	if (rc != 0)
		status = rc == DOSSIER_ESCHEMA ? (cli_print_error(NULL), EXIT_FINDINGS) : cli_print_error(NULL);
	else if (dossier_report_count_sev(notes, DOSSIER_SEV_ERROR))
		status = EXIT_FINDINGS;
	else
		printf(L("已写入 %s/sections（%zu 条警告，%zu 条提示）\n",
			 "wrote %s/sections (%zu warnings, %zu notes)\n"), dir,
		       dossier_report_count_sev(notes, DOSSIER_SEV_WARNING),
		       dossier_report_count_sev(notes, DOSSIER_SEV_INFO));
	dossier_report_free(notes);
	dz_free(own);
	return status;
}

/* --markdown: what dossier reads from a Word document, on stdout. */
static int print_markdown(dossier_office_options *oo, const char *docx)
{
	dossier_report *notes = NULL;
	char *md = NULL;
	int status = EXIT_COMPLETE;
	if (dossier_docx_markdown(&md, &notes, docx, oo) != 0)
		status = cli_print_error(NULL);
	else
		fputs(md, stdout);
	print_notes(notes, stderr);
	dossier_free(md);
	dossier_report_free(notes);
	return status;
}

const struct option cli_import_options[] = {
	{"xlsx", required_argument, NULL, 'x'},
	{"docx", required_argument, NULL, 'w'},
	{"doc", required_argument, NULL, 'd'},
	{"scheme", required_argument, NULL, 's'},
	{"force", no_argument, NULL, 'f'},
	{"markdown", no_argument, NULL, 'M'},
	{"outline", required_argument, NULL, 'o'},
	{"outlines", required_argument, NULL, 'O'},
	{"max-input", required_argument, NULL, 'm'},
	{"lang", required_argument, NULL, 'l'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0}};

int cmd_import(int argc, char **argv)
{
	dossier_office_options oo = DOSSIER_OFFICE_OPTIONS_INIT;
	cli_session ses;
	const char *xlsx = NULL, *docx = NULL, *doc = NULL, *scheme = NULL;
	char *schema;
	int ch, status, markdown = 0;
	cli_session_init(&ses);
	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":h", cli_import_options, NULL)) != -1) {
		switch (ch) {
		case 'x': xlsx = optarg; break;
		case 'w': docx = optarg; break;
		case 'd': doc = optarg; break;
		case 's': scheme = optarg; break;
		case 'f': oo.force = 1; break;
		case 'M': markdown = 1; break;
		case 'o': ses.outline = optarg; break;
		case 'O': ses.outlines = optarg; break;
		case 'm':
			if (!(oo.max_file = cli_parse_size(optarg))) {
				fprintf(stderr, L("dossier import: 无效的上限：%s\n",
						  "dossier import: invalid limit: %s\n"), optarg);
				return cli_usage_hint("import");
			}
			break;
		case 'l':
			if (cli_set_lang("import", optarg) != 0)
				return cli_usage_hint("import");
			break;
		case 'h': help(stdout); return EXIT_COMPLETE;
		default: return cli_bad_option("import", ch, argv);
		}
	}
	if (!xlsx == !docx) {
		fprintf(stderr, "%s", L("dossier import: 给出 --xlsx 或 --docx 之一\n",
					"dossier import: give one of --xlsx and --docx\n"));
		return cli_usage_hint("import");
	}
	if (markdown && docx && argc == optind)
		return print_markdown(&oo, docx);
	if (argc - optind != 1 || (doc && !docx) || markdown) {
		fprintf(stderr, "%s", markdown ? L("dossier import: --markdown 只用于 --docx，且不带目录\n",
						   "dossier import: --markdown goes with --docx and no directory\n")
					       : L("dossier import: 需要恰好一个中心目录\n",
						   "dossier import: give exactly one centre directory\n"));
		return cli_usage_hint("import");
	}
	schema = dz_fmt("%s/outlines/schema", cli_datadir());
	if (!schema)
		return cli_print_error(NULL);
	oo.schema_dir = schema;
	if (xlsx)
		status = import_xlsx(&ses, &oo, xlsx, scheme, argv[optind]);
	else
		status = import_docx(&ses, &oo, docx, scheme, doc, argv[optind]);
	dz_free(schema);
	cli_session_dispose(&ses);
	return status;
}
