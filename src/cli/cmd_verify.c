/*
 * cmd_verify.c — `dossier verify`: judge a submission package
 * (dossier_verify_run) and say exactly why it fails, or who signed it, when,
 * and for which centre and scheme; extract it only after it has passed.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "util/util.h"

static void help(FILE *f)
{
	fprintf(f, L(
"用法：dossier verify [--ca CA文件] [--extract 目录] [选项] 软件包...\n"
"\n"
"核验 dossier pack 生成的报送软件包，任一项不通过即拒绝，并说明原因：\n"
"先查 ZIP 结构（条目首尾相接、本地头与中央目录一致、无前后附加数据、无重名\n"
"（含大小写与 Unicode 规范化后）、安全的条目名、只含普通文件、无加密、条目数、\n"
"大小与压缩比上限），再查清单恰好列出全部数据条目、每个摘要相符、签名可由受\n"
"信任的 CA 验证且带签名属性、签名证书可用于签名。通过后显示签名者、签名时间、\n"
"方案与中心；给了 --extract 才在全部通过后解压。\n"
"给出多个软件包时逐个核验，最后每个软件包一行汇总。\n"
"\n"
"选项：\n"
"  --format text|json     输出格式（默认 text）；json 每个软件包一个对象\n"
"  --extract 目录         全部通过后解压到该目录（须不存在或为空；只能给一个软件包）\n"
"  --list                 列出数据条目（角色、大小、支撑的提纲项）\n"
"%s"
"  --lang zh|en           消息语言\n"
"  -q, --quiet            不显示进度条；通过时不输出（多个软件包时只输出汇总）\n"
"  -h, --help             显示本帮助\n"
"\n"
"退出码：0 核验通过（并已解压）；1 软件包被拒绝（原因已列出，未解压任何文件）；\n"
"2 用法错误，或软件包、CA 文件无法读取，或无法解压；3 内部错误。\n"
"多个软件包时取最严重的一个。\n",
"usage: dossier verify [--ca CA.pem] [--extract DIR] [options] PKG...\n"
"\n"
"Verify a submission package made by dossier pack; fail closed and say why.\n"
"First the ZIP structure (entries contiguous, local headers matching the\n"
"central directory, nothing prepended or appended, no duplicate names even\n"
"after case and Unicode folding, safe names, regular files only, no\n"
"encryption, caps on entries, sizes and compression ratio), then that the\n"
"manifest lists exactly the data entries, every digest matches, the\n"
"signature verifies against the trusted CAs with signed attributes, and the\n"
"signer's certificate allows signing. Prints the signer, the signing time,\n"
"the scheme and the centre. With --extract, extracts only after all passed.\n"
"Several packages are verified one after the other, then one summary row\n"
"each.\n"
"\n"
"options:\n"
"  --format text|json     output format (default text); json: one object per\n"
"                         package\n"
"  --extract DIR          after every check passed, extract into DIR (which\n"
"                         must not exist or be empty; one package only)\n"
"  --list                 list the data entries (role, size, outline item)\n"
"%s"
"  --lang zh|en           message language\n"
"  -q, --quiet            no progress bar; print nothing on success (with\n"
"                         several packages: only the summary)\n"
"  -h, --help             show this help\n"
"\n"
"Exit status: 0 verified (and extracted); 1 package rejected (reason printed,\n"
"nothing extracted); 2 bad usage, or the package or CA file cannot be read,\n"
"or extraction failed; 3 internal failure. With several packages, the worst.\n"),
		cli_verify_help());
}

static void print_pass(const char *pkg, const dossier_verify_result *r, int list,
		       const char *extracted)
{
	const dossier_verify_info *in = dossier_verify_result_info(r);
	size_t i;
	printf(L("核验通过：%s\n", "verified: %s\n"), pkg);
	if (*in->signer) {
		printf(L("  签名者：    %s\n", "  signer:       %s\n"), in->signer);
		printf(L("  签发者：    %s\n", "  issuer:       %s\n"), in->signer_issuer);
		if (*in->timestamp) {
			printf(L("  签名时间：  %s（签名者声明）\n", "  signing time: %s (claimed by the signer)\n"),
			       in->signing_time);
			printf(L("  时间戳：    %s，由 %s 证明签名在此之前已存在\n",
				 "  time-stamp:   %s: %s proves the signature existed by then\n"),
			       in->timestamp, in->tsa);
			if (in->signer_expired)
				printf("%s", L("  注意：签名者证书此后已过期；时间戳证明签署时证书有效\n",
					       "  note: the signer's certificate has expired since; the "
					       "time-stamp proves it was valid when it signed\n"));
			if (in->signer_revoked_after)
				printf("%s", L("  注意：签名者（或其 CA）在时间戳之后被吊销\n",
					       "  note: the signer (or a CA) was revoked after the "
					       "time-stamp\n"));
		} else {
			printf(L("  签名时间：  %s（签名者声明，无时间戳）\n",
				 "  signing time: %s (claimed by the signer; no time-stamp)\n"),
			       in->signing_time);
		}
	}
	if (*in->sm2_signer)
		printf(L("  SM2 签名者：%s\n", "  SM2 signer:   %s\n"), in->sm2_signer);
	printf(L("  方案：      %s\n", "  scheme:       %s\n"), in->scheme);
	if (*in->stage)
		printf(L("  报送阶段：  %s\n", "  stage:        %s\n"), in->stage);
	printf(L("  中心：      %s\n", "  centre:       %s\n"), in->centre);
	printf(L("  打包时间：  %s（%s）\n", "  created:      %s (%s)\n"), in->created, in->tool);
	printf(L("  数据条目：  %zu 个，%llu 字节，%s 摘要全部相符\n",
		 "  entries:      %zu data entries, %llu bytes; %s digests all match\n"),
	       in->entries, (unsigned long long)in->bytes, in->sm3 ? "SHA-256 + SM3" : "SHA-256");
	if (!in->complete)
		printf(L("  注意：该材料按 --allow-incomplete 打包，检查时有 %zu 个错误\n",
			 "  note: packed with --allow-incomplete; the check found %zu errors\n"),
		       in->errors);
	if (list) {
		for (i = 0; i < dossier_verify_result_count(r); i++) {
			const dossier_verify_entry *e = dossier_verify_result_entry(r, i);
			printf("  %-9s %12llu  %s%s%s%s\n", e->role, (unsigned long long)e->size,
			       e->name, *e->supports ? "  [" : "", e->supports,
			       *e->supports ? "]" : "");
		}
	}
	if (extracted)
		printf(L("  已解压到：  %s\n", "  extracted to: %s\n"), extracted);
}

/* One package's outcome. */
typedef struct {
	const char *pkg;
	int status;                /* EXIT_COMPLETE verified, EXIT_FINDINGS rejected,
				      EXIT_USAGE unreadable, EXIT_INTERNAL */
	dossier_verify_result *r;  /* the verdict, when one was reached */
	cli_reason why;            /* rejected or unreadable */
} vrow;

static void print_reject(const vrow *v, int extracting)
{
	const dossier_verify_problem *p = dossier_verify_result_problem(v->r);
	fprintf(stderr, L("dossier verify: %s：拒绝 [%s]", "dossier verify: %s: REJECTED [%s]"),
		v->pkg, p->reason);
	if (*p->entry)
		fprintf(stderr, " %s", p->entry);
	fprintf(stderr, L("：%s\n", ": %s\n"), L(p->msg_zh, p->msg_en));
	if (*L(p->hint_zh, p->hint_en))
		fprintf(stderr, "  %s%s\n", L("处理：", "fix: "), L(p->hint_zh, p->hint_en));
	if (extracting)
		fprintf(stderr, "%s", L("  未解压任何文件。\n", "  nothing was extracted.\n"));
}

static const char *status_id(int st)
{
	return st == EXIT_COMPLETE ? "verified" : st == EXIT_FINDINGS ? "rejected" : "unreadable";
}

static void print_row(const vrow *v)
{
	const char *mark = v->status == EXIT_COMPLETE ? L("通过", "verified")
			 : v->status == EXIT_FINDINGS ? L("拒绝", "rejected") : L("无法读取", "unreadable");
	printf("%-10s %s", mark, v->pkg);
	if (v->status == EXIT_COMPLETE) {
		const dossier_verify_info *in = dossier_verify_result_info(v->r);
		printf("  %s %s %s", in->scheme, *in->stage ? in->stage : "-", in->centre);
		if (*in->signer)
			printf(L("  签名者：%s", "  signer: %s"), in->signer);
		else if (*in->sm2_signer)
			printf(L("  SM2 签名者：%s", "  SM2 signer: %s"), in->sm2_signer);
	} else if (v->why.id) {
		printf("  [%s] %s", !strncmp(v->why.id, "verify:", 7) ? v->why.id + 7 : v->why.id,
		       L(v->why.msg_zh, v->why.msg_en));
	}
	putchar('\n');
}

static void json_kv(dz_buf *b, const char *k, const char *v)
{
	dz_buf_printf(b, ",\"%s\":\"", k);
	dz_buf_put_json(b, v ? v : "");
	dz_buf_putc(b, '"');
}

static void json_row(dz_buf *b, const vrow *v, int list, const char *extracted)
{
	dz_buf_puts(b, "{\"package\":\"");
	dz_buf_put_json(b, v->pkg);
	dz_buf_printf(b, "\",\"status\":\"%s\"", status_id(v->status));
	if (v->status == EXIT_COMPLETE) {
		const dossier_verify_info *in = dossier_verify_result_info(v->r);
		size_t i;
		json_kv(b, "signer", in->signer);
		json_kv(b, "issuer", in->signer_issuer);
		json_kv(b, "signing_time", in->signing_time);
		json_kv(b, "timestamp", in->timestamp);
		json_kv(b, "tsa", in->tsa);
		dz_buf_printf(b, ",\"signer_expired\":%s,\"signer_revoked_after\":%s",
			      in->signer_expired ? "true" : "false",
			      in->signer_revoked_after ? "true" : "false");
		json_kv(b, "sm2_signer", in->sm2_signer);
		json_kv(b, "scheme", in->scheme);
		json_kv(b, "stage", in->stage);
		json_kv(b, "centre", in->centre);
		json_kv(b, "created", in->created);
		json_kv(b, "tool", in->tool);
		dz_buf_printf(b, ",\"complete\":%s,\"errors\":%zu,\"entries\":%zu,\"bytes\":%llu,\"sm3\":%s",
			      in->complete ? "true" : "false", in->errors, in->entries,
			      (unsigned long long)in->bytes, in->sm3 ? "true" : "false");
		if (extracted)
			json_kv(b, "extracted", extracted);
		if (list) {
			dz_buf_puts(b, ",\"files\":[");
			for (i = 0; i < dossier_verify_result_count(v->r); i++) {
				const dossier_verify_entry *e = dossier_verify_result_entry(v->r, i);
				dz_buf_puts(b, i ? ",{\"name\":\"" : "{\"name\":\"");
				dz_buf_put_json(b, e->name);
				dz_buf_putc(b, '"');
				json_kv(b, "role", e->role);
				json_kv(b, "media_type", e->media_type);
				json_kv(b, "supports", e->supports);
				dz_buf_printf(b, ",\"size\":%llu}", (unsigned long long)e->size);
			}
			dz_buf_putc(b, ']');
		}
	} else if (v->why.id) {
		dz_buf_puts(b, ",\"reason\":");
		cli_json_reason(b, &v->why);
	}
	dz_buf_putc(b, '}');
}

const struct option cli_verify_options[] = {
	{"format", required_argument, NULL, 'f'},
	{"extract", required_argument, NULL, 'x'},
	{"list", no_argument, NULL, 'L'},
	CLI_VERIFY_OPTIONS,
	{"lang", required_argument, NULL, 'l'},
	{"quiet", no_argument, NULL, 'q'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0}};

/* Verify one package into *v (printing it, in text), or stop at an
 * interrupt. */
static void verify_one(vrow *v, dossier_verify_options *vo, int quiet, int list, int json)
{
	cli_progress prog;
	int rc;
	cli_progress_init(&prog, quiet, L("核验", "verifying"));
	vo->progress = cli_progress_cb;
	vo->payload = &prog;
	dossier_error_clear();
	rc = dossier_verify_run(&v->r, v->pkg, vo);
	cli_progress_end(&prog);
	if (rc != 0) {
		v->status = cli_print_error(NULL);
		if (cli_reason_from_error(&v->why, NULL, NULL))
			v->status = EXIT_INTERNAL;
	} else if (dossier_verify_result_passed(v->r)) {
		v->status = EXIT_COMPLETE;
		if (!quiet && !json)
			print_pass(v->pkg, v->r, list, vo->extract_dir);
	} else {
		v->status = EXIT_FINDINGS;
		print_reject(v, vo->extract_dir != NULL);
		if (cli_reason_from_problem(&v->why, v->pkg, dossier_verify_result_problem(v->r)))
			v->status = EXIT_INTERNAL;
	}
}

int cmd_verify(int argc, char **argv)
{
	dossier_verify_options vo = DOSSIER_VERIFY_OPTIONS_INIT;
	const char *format = "text";
	vrow *rows;
	dz_buf json = DZ_BUF_INIT;
	int ch, quiet = 0, list = 0, n, i, done = 0, worst = EXIT_COMPLETE, ok = 0;
	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":qh", cli_verify_options, NULL)) != -1) {
		switch (ch) {
		case 'f':
			if (strcmp(optarg, "text") && strcmp(optarg, "json")) {
				fprintf(stderr, "%s", L("dossier verify: --format 只能是 text 或 json\n",
							"dossier verify: --format must be text or json\n"));
				return cli_usage_hint("verify");
			}
			format = optarg;
			break;
		case 'x': vo.extract_dir = optarg; break;
		case 'L': list = 1; break;
		case 'l':
			if (cli_set_lang("verify", optarg) != 0)
				return cli_usage_hint("verify");
			break;
		case 'q': quiet = 1; break;
		case 'h': help(stdout); return EXIT_COMPLETE;
		default:
			if ((i = cli_verify_option(&vo, ch, optarg, "verify")) > 0)
				break;
			return i == 0 ? cli_bad_option("verify", ch, argv) : EXIT_USAGE;
		}
	}
	n = argc - optind;
	if (n < 1) {
		fprintf(stderr, "%s", L("dossier verify: 需要至少一个软件包\n",
					"dossier verify: give at least one package\n"));
		return cli_usage_hint("verify");
	}
	if (n > 1 && vo.extract_dir) {
		fprintf(stderr, "%s", L("dossier verify: --extract 只能用于一个软件包（多个软件包可用 dossier check 一步核验并检查）\n",
					"dossier verify: --extract takes one package (dossier check verifies and "
					"checks several in one step)\n"));
		return cli_usage_hint("verify");
	}
	rows = dz_calloc((size_t)n, sizeof *rows);
	if (!rows)
		return cli_print_error(NULL);
	cli_interrupt_install();
	for (i = 0; i < n && !cli_interrupted(); i++) {
		vrow *v = &rows[i];
		v->pkg = argv[optind + i];
		if (n > 1 && !quiet && strcmp(format, "json"))
			printf("== %s\n", v->pkg);
		verify_one(v, &vo, quiet, list, !strcmp(format, "json"));
		done++;
		ok += v->status == EXIT_COMPLETE;
		if (v->status > worst)
			worst = v->status;
	}
	if (cli_interrupted())
		worst = EXIT_USAGE;
	if (!strcmp(format, "json")) {
		dz_buf_puts(&json, "{\"packages\":[");
		for (i = 0; i < done; i++) {
			if (i)
				dz_buf_putc(&json, ',');
			json_row(&json, &rows[i], list, rows[i].status == EXIT_COMPLETE ? vo.extract_dir : NULL);
		}
		dz_buf_printf(&json, "],\"summary\":{\"packages\":%d,\"verified\":%d,\"exit\":%d}}\n",
			      done, ok, worst);
		if (json.oom) {
			fprintf(stderr, "dossier: %s\n", L("内存不足", "out of memory"));
			worst = EXIT_INTERNAL;
		} else {
			fputs(dz_buf_cstr(&json), stdout);
		}
		dz_buf_dispose(&json);
	} else if (n > 1) {
		printf("\n%s\n", L("状态       软件包  方案 阶段 中心  签名者（或拒绝原因）",
				    "status     package  scheme stage centre  signer (or the reason)"));
		for (i = 0; i < done; i++)
			print_row(&rows[i]);
		printf(L("%d 个软件包，%d 个通过\n", "%d packages, %d verified\n"), done, ok);
	}
	for (i = 0; i < n; i++) {
		dossier_verify_result_free(rows[i].r);
		cli_reason_dispose(&rows[i].why);
	}
	dz_free(rows);
	cli_interrupt_finish();
	return worst;
}
