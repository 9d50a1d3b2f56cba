/*
 * cmd_pack.c — `dossier pack`: check the centre, load the signing key(s),
 * and write the signed submission package (dossier_pack_write). Passwords
 * come from a file, an environment variable or the terminal — never from
 * the command line, where other users could read them.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>
#include "cli.h"
#include "util/util.h"
#include "util/num.h"

static void help(FILE *f)
{
	fprintf(f, "%s", L(
"用法：dossier pack -o 软件包 --key 私钥 [--cert 证书] [--chain 证书链] [选项] 目录\n"
"\n"
"先按 dossier check 检查中心材料，不完整则拒绝（列出问题）；然后把 centre.xml、\n"
"sections/*.md、evidence/ 以及 --reports 目录中的文件打成 ASiC-E 软件包：\n"
"mimetype、数据条目、META-INF/ASiCManifest.xml（每个条目的路径、大小、媒体类型、\n"
"角色、支撑的提纲项和 SHA-256 摘要）、对清单的 CAdES 签名（RSA/ECDSA），\n"
"或 SM2 密钥时的 SM3 摘要与 SM2 签名。每个文件只读一遍；先写临时文件再改名，\n"
"出错或 Ctrl-C 不留下任何文件。\n"
"\n"
"选项：\n"
"  -o, --output 文件      要写出的软件包（习惯用 .asice 扩展名）\n"
"  --key 文件             私钥：PEM、DER PKCS#8 或 PKCS#12（.p12/.pfx），\n"
"                         或令牌（UKey）上的密钥：'pkcs11:token=标签;object=标签'\n"
"                         （RFC 7512，需 --cert；PIN 同口令，取自下列来源）\n"
"  --cert 文件            签名证书（PEM/DER）；PKCS#12 中已有时可省略\n"
"  --chain 文件           中间 CA 证书（PEM）\n"
"                         --key/--cert/--chain 可再给一组作第二签名者：\n"
"                         一个 RSA/ECDSA 加一个 SM2\n"
"  --password-file 文件   私钥口令取自该文件第一行\n"
"  --password-env 变量    私钥口令取自该环境变量\n"
"                         （都没有时在终端上询问；口令与 PIN 绝不放在命令行上：\n"
"                         --password、--pin 会被拒绝）\n"
"  --reports 目录         加入 dossier render 写出的文件（放在 reports/ 下）\n"
"  --tsa URL              向该 RFC 3161 时间戳服务（http/https）为 CAdES 签名申请\n"
"                         时间戳（CAdES-B-T），证书过期后软件包仍可核验\n"
"  --allow-incomplete     检查有错误也打包（记入清单）\n"
"  --as-of、--outline、--outlines、--encoding、--max-input、--max-evidence-files、\n"
"  --max-sections、--max-depth、--max-table-rows   同 dossier check\n"
"  --level N              所有条目的 deflate 压缩级别 1-9（默认：16 MiB 以内为 6，\n"
"                         更大的为 1）\n"
"  --force-zip64          即使不需要也写 ZIP64 记录（测试读取工具用）\n"
"  --lang zh|en           消息语言\n"
"  -q, --quiet            不显示进度条与结果摘要\n"
"  -h, --help             显示本帮助\n"
"\n"
"环境变量 SOURCE_DATE_EPOCH 固定软件包中的所有时间（可重现构建）。\n"
"退出码：0 已写出；1 材料不完整，未打包；2 用法错误或输入（目录、密钥、口令、\n"
"证书）无法读取；3 内部错误。\n",
"usage: dossier pack -o PKG --key KEY [--cert CERT] [--chain FILE] [options] DIR\n"
"\n"
"Check the centre as dossier check does and refuse an incomplete dossier\n"
"(listing the findings); then pack centre.xml, sections/*.md, evidence/ and\n"
"the files of --reports into an ASiC-E package: mimetype, the data entries,\n"
"META-INF/ASiCManifest.xml (each entry's path, size, media type, role,\n"
"supported outline item and SHA-256) and a CAdES signature over it (RSA or\n"
"ECDSA) — or, with an SM2 key, SM3 digests and an SM2 signature. Every file\n"
"is read once; the package is written to a temporary file and renamed, so an\n"
"error or Ctrl-C leaves nothing behind.\n"
"\n"
"options:\n"
"  -o, --output FILE      the package to write (conventionally .asice)\n"
"  --key FILE             private key: PEM, DER PKCS#8 or PKCS#12 (.p12/.pfx),\n"
"                         or a key on a token (UKey): 'pkcs11:token=LABEL;object=LABEL'\n"
"                         (RFC 7512; needs --cert; its PIN comes from the password\n"
"                         sources below)\n"
"  --cert FILE            signer certificate (PEM/DER), unless in the PKCS#12\n"
"  --chain FILE           intermediate CA certificates (PEM)\n"
"                         --key/--cert/--chain may be given again for a second\n"
"                         signer: one RSA/ECDSA and one SM2\n"
"  --password-file FILE   the key's password is the first line of FILE\n"
"  --password-env VAR     the key's password is in environment variable VAR\n"
"                         (otherwise asked on the terminal; a password or PIN\n"
"                         is never taken from the command line: --password and\n"
"                         --pin are refused)\n"
"  --reports DIR          add the files dossier render wrote (under reports/)\n"
"  --tsa URL              time-stamp the CAdES signature at this RFC 3161 TSA\n"
"                         (http or https; CAdES-B-T): the package still\n"
"                         verifies after the signer's certificate expired\n"
"  --allow-incomplete     pack even if the check finds errors (recorded in\n"
"                         the manifest)\n"
"  --as-of, --outline, --outlines, --encoding, --max-input,\n"
"  --max-evidence-files, --max-sections, --max-depth, --max-table-rows\n"
"                         as for dossier check\n"
"  --level N              deflate level 1-9 of every entry (default: 6 up to\n"
"                         16 MiB, 1 for larger entries)\n"
"  --force-zip64          write ZIP64 records even when not needed (to test\n"
"                         readers)\n"
"  --lang zh|en           message language\n"
"  -q, --quiet            no progress bar and no summary\n"
"  -h, --help             show this help\n"
"\n"
"SOURCE_DATE_EPOCH fixes every date in the package (reproducible builds).\n"
"Exit status: 0 package written; 1 dossier incomplete, nothing written;\n"
"2 bad usage or unreadable input (directory, key, password, certificate);\n"
"3 internal failure.\n"));
}

typedef struct {
	const char *file, *env;
} pwsrc;

/* Read a line from the terminal without echo. Echo goes off (and what was
 * typed ahead is dropped, as getpass does) before the prompt appears, so
 * whatever answers the prompt is read. */
static int ask_tty(char *buf, size_t size, const char *what)
{
	struct termios old, quiet;
	int fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC), have_old;
	size_t n = 0;
	char c;
	char *prompt;
	if (fd < 0)
		return -1;
	have_old = tcgetattr(fd, &old) == 0;
	if (have_old) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(fd, TCSAFLUSH, &quiet);
	}
	prompt = !strncmp(what, "pkcs11:", 7) ? dz_fmt(L("%s 的 PIN：", "PIN for %s: "), what)
					      : dz_fmt(L("%s 的口令：", "Password for %s: "), what);
	if (prompt) {
		ssize_t w = write(fd, prompt, strlen(prompt));
		(void)w;
		dz_free(prompt);
	}
	while (n + 1 < size && read(fd, &c, 1) == 1 && c != '\n' && c != '\r')
		buf[n++] = c;
	buf[n] = '\0';
	if (have_old)
		tcsetattr(fd, TCSAFLUSH, &old);
	{
		ssize_t w = write(fd, "\n", 1);   /* the newline echo swallowed */
		(void)w;
	}
	close(fd);
	return (int)n;
}

static int password_cb(char *buf, size_t size, const char *what, void *payload)
{
	const pwsrc *src = payload;
	size_t n = 0;
	if (src->file) {
		int fd = open(src->file, O_RDONLY | O_CLOEXEC);
		ssize_t r;
		if (fd < 0)
			return -1;
		r = read(fd, buf, size - 1);
		close(fd);
		if (r < 0)
			return -1;
		while (n < (size_t)r && buf[n] != '\n' && buf[n] != '\r')
			n++;
		buf[n] = '\0';
		return (int)n;
	}
	if (src->env) {
		const char *v = getenv(src->env);
		if (!v || strlen(v) >= size)
			return -1;
		memcpy(buf, v, strlen(v) + 1);
		return (int)strlen(v);
	}
	return ask_tty(buf, size, what);
}

static int usage_error(const char *zh, const char *en, const char *arg)
{
	fprintf(stderr, "dossier pack: ");
	fprintf(stderr, L(zh, en), arg);
	fputc('\n', stderr);
	return EXIT_USAGE;
}

const struct option cli_pack_options[] = {
	{"output", required_argument, NULL, 'o'},
	{"key", required_argument, NULL, 'k'},
	{"cert", required_argument, NULL, 'c'},
	{"chain", required_argument, NULL, 'C'},
	{"password-file", required_argument, NULL, 'p'},
	{"password-env", required_argument, NULL, 'P'},
	{"password", required_argument, NULL, 'W'},
	{"pin", required_argument, NULL, 'W'},
	{"reports", required_argument, NULL, 'r'},
	{"tsa", required_argument, NULL, 'T'},
	{"allow-incomplete", no_argument, NULL, 'I'},
	{"as-of", required_argument, NULL, 'a'},
	{"outline", required_argument, NULL, 'O'},
	{"outlines", required_argument, NULL, 'D'},
	{"encoding", required_argument, NULL, 'e'},
	CLI_LIMIT_OPTIONS,
	{"level", required_argument, NULL, 'L'},
	{"force-zip64", no_argument, NULL, 'Z'},
	{"lang", required_argument, NULL, 'l'},
	{"quiet", no_argument, NULL, 'q'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0}};

int cmd_pack(int argc, char **argv)
{
	dossier_pack_options po = DOSSIER_PACK_OPTIONS_INIT;
	dossier_check_options co = DOSSIER_CHECK_OPTIONS_INIT;
	const char *out = NULL, *key[2] = {NULL, NULL}, *cert[2] = {NULL, NULL},
		   *chain[2] = {NULL, NULL}, *dir;
	dossier_signer *signers[2] = {NULL, NULL};
	dossier_centre *c = NULL;
	dossier_outline *o = NULL;
	dossier_report *r = NULL;
	cli_session ses;
	cli_progress prog;
	pwsrc pw = {NULL, NULL};
	int ch, nkeys = 0, quiet = 0, status = EXIT_COMPLETE, i;
	size_t errors;
	const char *sde;
	cli_session_init(&ses);
	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":o:qh", cli_pack_options, NULL)) != -1) {
		int k = nkeys ? nkeys - 1 : 0;
		switch (ch) {
		case 'o': out = optarg; break;
		case 'k':
			if (nkeys == 2)
				return usage_error("最多两个 --key（一个 RSA/ECDSA，一个 SM2）%s",
						   "at most two --key (one RSA/ECDSA, one SM2)%s", "");
			key[nkeys++] = optarg;
			break;
		case 'c':
		case 'C': {
			const char **slot = ch == 'c' ? &cert[k] : &chain[k];
			if (*slot)
				return usage_error("每个 --key 只能有一个 %s", "only one %s per --key",
						   ch == 'c' ? "--cert" : "--chain");
			*slot = optarg;
			break;
		}
		case 'p': pw.file = optarg; break;
		case 'P': pw.env = optarg; break;
		case 'W':
			return usage_error("口令不能写在命令行上（其他用户可见）：用 --password-file 或 --password-env%s",
					   "a password is never taken from the command line (other users "
					   "can read it): use --password-file or --password-env%s", "");
		case 'r': po.reports_dir = optarg; break;
		case 'T': po.tsa_url = optarg; break;
		case 'I': po.allow_incomplete = 1; break;
		case 'a': co.as_of = optarg; break;
		case 'O': ses.outline = optarg; break;
		case 'D': ses.outlines = optarg; break;
		case 'e': ses.encoding = optarg; break;
		case 'L':
			po.level = atoi(optarg);
			if (po.level < 1 || po.level > 9 || strspn(optarg, "0123456789") != strlen(optarg))
				return usage_error("--level 须为 1 到 9：%s", "--level must be 1 to 9: %s", optarg);
			break;
		case 'Z': po.force_zip64 = 1; break;
		case 'l':
			if (cli_set_lang("pack", optarg) != 0)
				return cli_usage_hint("pack");
			break;
		case 'q': quiet = 1; break;
		case 'h': help(stdout); return EXIT_COMPLETE;
		default: {
			int took = cli_session_limit(&ses, ch, optarg, "pack");
			if (took > 0)
				break;
			return took == 0 ? cli_bad_option("pack", ch, argv) : EXIT_USAGE;
		}
		}
	}
	if (argc - optind != 1 || !out || !nkeys) {
		if (argc - optind != 1)
			fprintf(stderr, "%s", L("dossier pack: 需要恰好一个中心目录\n",
						"dossier pack: give exactly one centre directory\n"));
		if (!out)
			fprintf(stderr, "%s", L("dossier pack: 用 -o 给出软件包文件名\n",
						"dossier pack: give the package file with -o\n"));
		if (!nkeys)
			fprintf(stderr, "%s", L("dossier pack: 用 --key 给出签名私钥（测试可用 dossier keygen）\n",
						"dossier pack: give the signing key with --key "
						"(dossier keygen makes test keys)\n"));
		return cli_usage_hint("pack");
	}
	dir = argv[optind];
	if (pw.file && pw.env)
		return usage_error("--password-file 与 --password-env 只能给一个%s",
				   "give only one of --password-file and --password-env%s", "");
	if (pw.file && access(pw.file, R_OK) != 0)
		return usage_error("无法读取口令文件 %s", "cannot read the password file %s", pw.file);
	if (pw.env && !getenv(pw.env))
		return usage_error("环境变量 %s 未设置", "environment variable %s is not set", pw.env);
	if (co.as_of) {
		long d;
		if (dz_date_parse(&d, co.as_of))
			return usage_error("--as-of 日期无效：%s（应为 YYYY-MM-DD）",
					   "invalid --as-of date: %s (use YYYY-MM-DD)", co.as_of);
	}
	if ((sde = getenv("SOURCE_DATE_EPOCH")) != NULL && *sde) {
		char *end;
		long long v;
		errno = 0;
		v = strtoll(sde, &end, 10);
		if (errno || *end || v < 0 || end == sde)
			return usage_error("SOURCE_DATE_EPOCH 须为 1970 年以来的秒数：%s",
					   "SOURCE_DATE_EPOCH must be seconds since 1970: %s", sde);
		po.source_date = v;
	}

	if ((status = cli_open_centre(&ses, dir, &c, &o)) != EXIT_COMPLETE)
		goto done;
	if (dossier_check_run(&r, c, o, &co) != 0) {
		status = cli_print_error(NULL);
		goto done;
	}
	errors = dossier_report_count_sev(r, DOSSIER_SEV_ERROR);
	if (errors && !po.allow_incomplete) {
		cli_print_findings(stderr, r, 1);
		fprintf(stderr, L("dossier pack: %s：材料不完整（%zu 个错误），未打包。\n"
				  "  处理：改正上述错误；确需提交不完整材料时加 --allow-incomplete（会记入清单）。\n",
				  "dossier pack: %s: the dossier is incomplete (%zu errors); nothing was packed.\n"
				  "  fix: correct the errors above; to submit it anyway, add "
				  "--allow-incomplete (it is recorded in the manifest).\n"), dir, errors);
		status = EXIT_FINDINGS;
		goto done;
	}
	if (errors && !quiet)
		fprintf(stderr, L("dossier pack: 警告：材料不完整（%zu 个错误），按 --allow-incomplete 打包并记入清单\n",
				  "dossier pack: warning: the dossier is incomplete (%zu errors); packing "
				  "it as --allow-incomplete asks, recorded in the manifest\n"), errors);
	for (i = 0; i < nkeys; i++) {
		if (dossier_signer_load(&signers[i], key[i], cert[i], chain[i], password_cb, &pw) != 0) {
			status = cli_print_error(NULL);
			goto done;
		}
	}
	cli_progress_init(&prog, quiet, L("打包", "packing"));
	po.progress = cli_progress_cb;
	po.payload = &prog;
	cli_interrupt_install();
	if (dossier_pack_write(out, c, o, r, signers, (size_t)nkeys, &po) != 0) {
		cli_progress_end(&prog);
		cli_interrupt_finish();
		status = cli_print_error(NULL);
		goto done;
	}
	cli_progress_end(&prog);
	cli_interrupt_finish();
	if (!quiet) {
		struct stat st;
		printf(L("已写出 %s（%lld 字节）\n", "wrote %s (%lld bytes)\n"), out,
		       stat(out, &st) == 0 ? (long long)st.st_size : -1LL);
		for (i = 0; i < nkeys; i++) {
			dossier_key_kind k = dossier_signer_kind(signers[i]);
			printf(L("  签名：%s（%s）\n", "  signed: %s (%s)\n"),
			       dossier_signer_subject(signers[i]),
			       k == DOSSIER_KEY_SM2 ? L("SM2/SM3，另附 SM3 摘要", "SM2/SM3, with SM3 digests")
			       : k == DOSSIER_KEY_RSA ? "CAdES, RSA/SHA-256" : "CAdES, ECDSA/SHA-256");
		}
		if (errors)
			printf(L("  不完整：%zu 个错误已记入清单\n", "  incomplete: %zu errors recorded in the manifest\n"),
			       errors);
	}
done:
	for (i = 0; i < 2; i++)
		dossier_signer_free(signers[i]);
	dossier_report_free(r);
	dossier_centre_free(c);
	cli_session_dispose(&ses);
	return status;
}
