/*
 * cmd_export.c — `dossier export --xlsx`: a centre's data as an Excel
 * workbook, or with --blank the empty workbook of a scheme to hand out
 * (dossier_xlsx_export). `dossier import --xlsx` reads it back.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "util/util.h"

static void help(FILE *f)
{
	fprintf(f, "%s", L(
"用法：dossier export --xlsx 文件 目录\n"
"      dossier export --xlsx 文件 --blank --scheme 方案\n"
"\n"
"把中心目录中 centre.xml 的结构化数据写成 Excel 工作簿：基本信息（只出现一次的\n"
"各项）、数据表（提纲的各字段，含单位、证明材料、条款）、以及每个列表一张表\n"
"（人员、仪器设备、科研任务、知识产权……）。表头、单位、说明取自 centre.xsd 的\n"
"注释；单元格带数据有效性与批注。用 Excel 或 WPS 填写后，dossier import --xlsx\n"
"读回 centre.xml。--blank 写出同样结构的空白模板（供下发），其“阶段”一栏可选；\n"
"要某一阶段已选好的模板：先 dossier init --scheme 方案 --stage 阶段 目录，\n"
"再 dossier export --xlsx 文件 目录。\n"
"\n"
"选项：\n"
"  --xlsx 文件        输出的工作簿（先写临时文件，成功后改名）\n"
"  --blank            不含数据的空白模板\n"
"  --scheme 方案      空白模板所用的方案（提纲编号，如 ndrc-engineering-2025）\n"
"  --outline 文件 / --outlines 目录   同 dossier check\n"
"  --lang zh|en       消息语言\n"
"  -h, --help         显示本帮助\n"
"\n"
"退出码：0 已写出；2 用法错误或无法读写；3 内部错误。\n",
"usage: dossier export --xlsx FILE DIR\n"
"       dossier export --xlsx FILE --blank --scheme SCHEME\n"
"\n"
"Write the structured data of DIR/centre.xml as an Excel workbook: 基本信息\n"
"(every value that occurs once), 数据表 (the outline's fields with unit,\n"
"evidence and article) and a sheet per list (staff, equipment, projects,\n"
"patents ...). Headers, units and notes come from centre.xsd's annotations;\n"
"cells carry data validation and comments. Fill it in Excel or WPS and read\n"
"it back with dossier import --xlsx. --blank writes the same workbook empty,\n"
"as the template to hand out (its 阶段 cell a list of the scheme's stages).\n"
"For a template with the stage already chosen: dossier init --scheme SCHEME\n"
"--stage STAGE DIR, then dossier export --xlsx FILE DIR.\n"
"\n"
"options:\n"
"  --xlsx FILE        the workbook to write (a temporary file renamed into place)\n"
"  --blank            the empty template\n"
"  --scheme SCHEME    the scheme of the template (outline id)\n"
"  --outline FILE / --outlines DIR   as for check\n"
"  --lang zh|en       message language\n"
"  -h, --help         show this help\n"
"\n"
"Exit status: 0 written; 2 bad usage, cannot read or write; 3 internal failure.\n"));
}

const struct option cli_export_options[] = {
	{"xlsx", required_argument, NULL, 'x'},
	{"blank", no_argument, NULL, 'b'},
	{"scheme", required_argument, NULL, 's'},
	{"outline", required_argument, NULL, 'o'},
	{"outlines", required_argument, NULL, 'O'},
	{"lang", required_argument, NULL, 'l'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0}};

int cmd_export(int argc, char **argv)
{
	dossier_office_options oo = DOSSIER_OFFICE_OPTIONS_INIT;
	cli_session ses;
	const char *xlsx = NULL, *scheme = NULL;
	dossier_centre *c = NULL;
	dossier_outline *o = NULL;
	char *schema = NULL;
	int ch, blank = 0, status = EXIT_COMPLETE;
	cli_session_init(&ses);
	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":h", cli_export_options, NULL)) != -1) {
		switch (ch) {
		case 'x': xlsx = optarg; break;
		case 'b': blank = 1; break;
		case 's': scheme = optarg; break;
		case 'o': ses.outline = optarg; break;
		case 'O': ses.outlines = optarg; break;
		case 'l':
			if (cli_set_lang("export", optarg) != 0)
				return cli_usage_hint("export");
			break;
		case 'h': help(stdout); return EXIT_COMPLETE;
		default: return cli_bad_option("export", ch, argv);
		}
	}
	if (!xlsx) {
		fprintf(stderr, "%s", L("dossier export: 用 --xlsx 给出要写的工作簿\n",
					"dossier export: give the workbook to write with --xlsx\n"));
		return cli_usage_hint("export");
	}
	if (blank ? argc - optind != 0 || (!scheme && !ses.outline) : argc - optind != 1 || scheme) {
		fprintf(stderr, "%s", blank ? L("dossier export: --blank 需要 --scheme，且不带目录\n",
						"dossier export: --blank takes --scheme and no directory\n")
					    : L("dossier export: 需要恰好一个中心目录（或 --blank --scheme）\n",
						"dossier export: give exactly one centre directory (or --blank --scheme)\n"));
		return cli_usage_hint("export");
	}
	if (blank) {
		if (!(o = cli_outline_for(&ses, scheme ? scheme : "", &status)))
			goto done;
	} else if ((status = cli_open_centre(&ses, argv[optind], &c, &o)) != 0) {
		goto done;
	}
	schema = dz_fmt("%s/outlines/schema", cli_datadir());
	oo.schema_dir = schema;
	if (!schema || dossier_xlsx_export(xlsx, c ? dossier_centre_xml_path(c) : NULL, o, &oo) != 0) {
		status = cli_print_error(NULL);
		goto done;
	}
	printf(L("已写出 %s\n", "wrote %s\n"), xlsx);
done:
	dz_free(schema);
	dossier_centre_free(c);
	cli_session_dispose(&ses);
	return status;
}
