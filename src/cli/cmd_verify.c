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
	fprintf(f, "%s", L(
"用法：dossier verify [--ca CA文件] [--extract 目录] [选项] 软件包\n"
"\n"
"核验 dossier pack 生成的报送软件包，任一项不通过即拒绝，并说明原因：\n"
"先查 ZIP 结构（条目首尾相接、本地头与中央目录一致、无前后附加数据、无重名\n"
"（含大小写与 Unicode 规范化后）、安全的条目名、只含普通文件、无加密、条目数、\n"
"大小与压缩比上限），再查清单恰好列出全部数据条目、每个摘要相符、签名可由受\n"
"信任的 CA 验证且带签名属性、签名证书可用于签名。通过后显示签名者、签名时间、\n"
"方案与中心；给了 --extract 才在全部通过后解压。\n"
"\n"
"选项：\n"
"  --ca 文件              受信任的 CA 证书（PEM）；默认用系统的受信任证书\n"
"  --extract 目录         全部通过后解压到该目录（须不存在或为空）\n"
"  --list                 列出数据条目（角色、大小、支撑的提纲项）\n"
"  --max-package 大小     软件包大小上限（默认 64G）\n"
"  --max-entries N        条目数上限（默认 100000）\n"
"  --max-entry-size 大小  单个条目解压后上限（默认 16G）\n"
"  --max-total 大小       解压后总大小上限（默认 64G）\n"
"  --max-ratio N          压缩比上限（对 1 MiB 以上的条目，默认 200）\n"
"  --max-expansion N      解压后总大小最多为软件包大小的 N 倍（默认 100）\n"
"  --policy 文件          收紧算法策略（RSA 位数、曲线、摘要算法；格式见\n"
"                         doc/package.md 的“算法策略”）\n"
"  --crl 文件             吊销列表（PEM 或 DER）：签名者或其 CA 在列表上即拒绝，\n"
"                         除非时间戳证明签署早于吊销\n"
"  --lang zh|en           消息语言\n"
"  -q, --quiet            不显示进度条；通过时不输出\n"
"  -h, --help             显示本帮助\n"
"\n"
"退出码：0 核验通过（并已解压）；1 软件包被拒绝（原因已列出，未解压任何文件）；\n"
"2 用法错误，或软件包、CA 文件无法读取，或无法解压；3 内部错误。\n",
"usage: dossier verify [--ca CA.pem] [--extract DIR] [options] PKG\n"
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
"\n"
"options:\n"
"  --ca FILE              trusted CA certificates (PEM); default: the system's\n"
"  --extract DIR          after every check passed, extract into DIR (which\n"
"                         must not exist or be empty)\n"
"  --list                 list the data entries (role, size, outline item)\n"
"  --max-package SIZE     largest package (default 64G)\n"
"  --max-entries N        most entries (default 100000)\n"
"  --max-entry-size SIZE  largest uncompressed entry (default 16G)\n"
"  --max-total SIZE       largest total uncompressed size (default 64G)\n"
"  --max-ratio N          largest compression ratio of entries over 1 MiB\n"
"                         (default 200)\n"
"  --max-expansion N      the entries may expand to at most N times the\n"
"                         package's size in all (default 100)\n"
"  --policy FILE          tighten the algorithm policy (RSA size, curves,\n"
"                         digests; format in doc/package.md, \"Algorithm\n"
"                         policy\")\n"
"  --crl FILE             revocation lists (PEM or DER): a signer or CA on one\n"
"                         is refused, unless a time-stamp proves it signed\n"
"                         before the revocation\n"
"  --lang zh|en           message language\n"
"  -q, --quiet            no progress bar; print nothing on success\n"
"  -h, --help             show this help\n"
"\n"
"Exit status: 0 verified (and extracted); 1 package rejected (reason printed,\n"
"nothing extracted); 2 bad usage, or the package or CA file cannot be read,\n"
"or extraction failed; 3 internal failure.\n"));
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

const struct option cli_verify_options[] = {
	{"ca", required_argument, NULL, 'c'},
	{"extract", required_argument, NULL, 'x'},
	{"list", no_argument, NULL, 'L'},
	{"max-package", required_argument, NULL, 'P'},
	{"max-entries", required_argument, NULL, 'E'},
	{"max-entry-size", required_argument, NULL, 'S'},
	{"max-total", required_argument, NULL, 'T'},
	{"max-ratio", required_argument, NULL, 'R'},
	{"max-expansion", required_argument, NULL, 'X'},
	{"policy", required_argument, NULL, 'p'},
	{"crl", required_argument, NULL, 'r'},
	{"lang", required_argument, NULL, 'l'},
	{"quiet", no_argument, NULL, 'q'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0}};

int cmd_verify(int argc, char **argv)
{
	dossier_verify_options vo = DOSSIER_VERIFY_OPTIONS_INIT;
	dossier_verify_result *r = NULL;
	cli_progress prog;
	int ch, quiet = 0, list = 0, status;
	const char *pkg;
	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":qh", cli_verify_options, NULL)) != -1) {
		switch (ch) {
		case 'c': vo.ca_file = optarg; break;
		case 'x': vo.extract_dir = optarg; break;
		case 'L': list = 1; break;
		case 'p': vo.policy_file = optarg; break;
		case 'r': vo.crl_file = optarg; break;
		case 'P': case 'E': case 'S': case 'T': case 'R': case 'X': {
			size_t v = cli_parse_size(optarg);
			if (!v) {
				fprintf(stderr, L("dossier verify: 无效的数值：%s\n",
						  "dossier verify: invalid number: %s\n"), optarg);
				return EXIT_USAGE;
			}
			if (ch == 'P') vo.max_package = v;
			else if (ch == 'E') vo.max_entries = v;
			else if (ch == 'S') vo.max_entry_size = v;
			else if (ch == 'T') vo.max_total = v;
			else if (ch == 'R') vo.max_ratio = v > 1000000 ? 1000000 : (unsigned)v;
			else vo.max_expansion = v > 1000000 ? 1000000 : (unsigned)v;
			break;
		}
		case 'l':
			if (cli_set_lang("verify", optarg) != 0)
				return cli_usage_hint("verify");
			break;
		case 'q': quiet = 1; break;
		case 'h': help(stdout); return EXIT_COMPLETE;
		default: return cli_bad_option("verify", ch, argv);
		}
	}
	if (argc - optind != 1) {
		fprintf(stderr, "%s", L("dossier verify: 需要恰好一个软件包\n",
					"dossier verify: give exactly one package\n"));
		return cli_usage_hint("verify");
	}
	pkg = argv[optind];
	cli_progress_init(&prog, quiet, L("核验", "verifying"));
	vo.progress = cli_progress_cb;
	vo.payload = &prog;
	cli_interrupt_install();
	dossier_error_clear();
	status = dossier_verify_run(&r, pkg, &vo);
	cli_progress_end(&prog);
	cli_interrupt_finish();
	if (status != 0)
		return cli_print_error(NULL);
	if (dossier_verify_result_passed(r)) {
		if (!quiet)
			print_pass(pkg, r, list, vo.extract_dir);
		status = EXIT_COMPLETE;
	} else {
		const dossier_verify_problem *p = dossier_verify_result_problem(r);
		fprintf(stderr, L("dossier verify: %s：拒绝 [%s]", "dossier verify: %s: REJECTED [%s]"),
			pkg, p->reason);
		if (*p->entry)
			fprintf(stderr, " %s", p->entry);
		fprintf(stderr, L("：%s\n", ": %s\n"), L(p->msg_zh, p->msg_en));
		if (*L(p->hint_zh, p->hint_en))
			fprintf(stderr, "  %s%s\n", L("处理：", "fix: "), L(p->hint_zh, p->hint_en));
		if (vo.extract_dir)
			fprintf(stderr, "%s", L("  未解压任何文件。\n", "  nothing was extracted.\n"));
		status = EXIT_FINDINGS;
	}
	dossier_verify_result_free(r);
	return status;
}
