/*
 * cmd_init.c — `dossier init --scheme ID [--stage S] DIR`: a new centre
 * directory to fill (dossier_init): centre.xml with every element the
 * scheme and stage need, each after a Chinese comment; the sections of the
 * stage's documents with their headings and a prompt under each; an empty
 * evidence/. `dossier check` then lists what is still to write.
 */
#include <dirent.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "util/util.h"

static void help(FILE *f)
{
	fprintf(f, "%s", L(
"用法：dossier init --scheme 方案 [--stage 阶段] 目录\n"
"\n"
"新建一个中心目录：\n"
"  centre.xml      本方案、本阶段需要的各项，空着，每项前有中文注释（名称、写法、\n"
"                  单位、条款）；可选的项在注释里，需要时去掉注释记号再填写；本阶段\n"
"                  的报送文件；数据表中本阶段要求的字段\n"
"  sections/       本阶段各文件的每个章节一个 .md：提纲的标题、分项小标题，每处\n"
"                  下面一段以“【请填写】”开头的提示，说明要写什么\n"
"  evidence/       空目录，放证明材料\n"
"目录须不存在（或为空目录）；先在旁边建好再整体改名，失败时不留下任何东西。\n"
"dossier check 目录 列出每一处空项和每一段未删去的提示，直到全部写完。\n"
"\n"
"选项：\n"
"  --scheme 方案      方案（提纲编号，如 dalian-tic-2025；dossier explain 列出全部）\n"
"  --stage 阶段       报送阶段（如 apply、annual、confirm；默认为方案的第一个阶段；\n"
"                     dossier explain 方案 列出各阶段）\n"
"  --outline 文件 / --outlines 目录   同 dossier check\n"
"  --lang zh|en       消息语言\n"
"  -h, --help         显示本帮助\n"
"\n"
"退出码：0 已创建；2 用法错误（未知的方案或阶段、目录已存在且不为空）或无法写入；\n"
"3 内部错误。\n",
"usage: dossier init --scheme SCHEME [--stage STAGE] DIR\n"
"\n"
"Make a new centre directory:\n"
"  centre.xml      every value the scheme and stage need, empty, each after\n"
"                  a Chinese comment (label, how to write it, unit, article);\n"
"                  the optional ones commented out in place; the stage's\n"
"                  documents as submissions; the data-table fields the stage\n"
"                  requires\n"
"  sections/       one .md per section of the stage's documents: the\n"
"                  outline's heading, its sub-items as headings, and under\n"
"                  each a prompt starting 【请填写】 saying what to write\n"
"  evidence/       empty, for the supporting documents\n"
"DIR must not exist (or be an empty folder); it is built beside and renamed\n"
"into place, so a failure leaves nothing. dossier check DIR lists every\n"
"empty value and every prompt left until all is written.\n"
"\n"
"options:\n"
"  --scheme SCHEME    the scheme (outline id, e.g. dalian-tic-2025; dossier\n"
"                     explain lists them)\n"
"  --stage STAGE      the stage of submission (e.g. apply, annual, confirm;\n"
"                     default: the scheme's first; dossier explain SCHEME\n"
"                     lists them)\n"
"  --outline FILE / --outlines DIR   as for check\n"
"  --lang zh|en       message language\n"
"  -h, --help         show this help\n"
"\n"
"Exit status: 0 made; 2 bad usage (unknown scheme or stage, DIR exists and\n"
"is not empty) or cannot write; 3 internal failure.\n"));
}

const struct option cli_init_options[] = {
	{"scheme", required_argument, NULL, 's'},
	{"stage", required_argument, NULL, 'S'},
	{"outline", required_argument, NULL, 'o'},
	{"outlines", required_argument, NULL, 'O'},
	{"lang", required_argument, NULL, 'l'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0}};

static size_t count_files(const char *dir, const char *sub)
{
	char *p = dz_fmt("%s/%s", dir, sub);
	DIR *d = p ? opendir(p) : NULL;
	struct dirent *e;
	size_t n = 0;
	while (d && (e = readdir(d)) != NULL)
		n += e->d_name[0] != '.';
	if (d)
		closedir(d);
	dz_free(p);
	return n;
}

int cmd_init(int argc, char **argv)
{
	dossier_office_options oo = DOSSIER_OFFICE_OPTIONS_INIT;
	cli_session ses;
	const char *scheme = NULL, *stage = NULL, *dir;
	dossier_outline *o = NULL;
	char *schema = NULL;
	int ch, status = EXIT_COMPLETE;
	cli_session_init(&ses);
	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":h", cli_init_options, NULL)) != -1) {
		switch (ch) {
		case 's': scheme = optarg; break;
		case 'S': stage = optarg; break;
		case 'o': ses.outline = optarg; break;
		case 'O': ses.outlines = optarg; break;
		case 'l':
			if (cli_set_lang("init", optarg) != 0)
				return cli_usage_hint("init");
			break;
		case 'h': help(stdout); return EXIT_COMPLETE;
		default: return cli_bad_option("init", ch, argv);
		}
	}
	if (!scheme && !ses.outline) {
		fprintf(stderr, "%s", L("dossier init: 用 --scheme 给出方案（dossier explain 列出全部）\n",
					"dossier init: give the scheme with --scheme (dossier explain lists them)\n"));
		return cli_usage_hint("init");
	}
	if (argc - optind != 1) {
		fprintf(stderr, "%s", L("dossier init: 需要恰好一个目录\n",
					"dossier init: give exactly one directory\n"));
		return cli_usage_hint("init");
	}
	dir = argv[optind];
	if (!(o = cli_outline_for(&ses, scheme ? scheme : "", &status)))
		goto done;
	schema = dz_fmt("%s/outlines/schema", cli_datadir());
	oo.schema_dir = schema;
	if (!schema || dossier_init(dir, o, stage, &oo) != 0) {
		status = cli_print_error(NULL);
		goto done;
	}
	if (!stage && dossier_outline_stage_count(o))
		stage = dossier_outline_stage_id(o, 0);
	printf(L("已创建 %s（方案 %s，阶段 %s）：\n"
		 "  centre.xml   填写其中的空项（每项前的注释说明写什么、怎么写）\n"
		 "  sections/    %zu 个章节文件：按每段“【请填写】”提示写作，写好后删去提示\n"
		 "  evidence/    放证明材料，并在 centre.xml 的证明材料清单中登记\n"
		 "下一步：dossier check %s 列出尚未填写的每一处。\n",
		 "made %s (scheme %s, stage %s):\n"
		 "  centre.xml   fill in its empty values (the comment before each says what and how)\n"
		 "  sections/    %zu section files: write what each 【请填写】 prompt asks, then delete the prompt\n"
		 "  evidence/    the supporting documents, each declared in centre.xml's evidence list\n"
		 "next: dossier check %s lists everything still to write.\n"),
	       dir, dossier_outline_id(o), stage ? stage : "", count_files(dir, "sections"), dir);
done:
	dz_free(schema);
	cli_session_dispose(&ses);
	return status;
}
