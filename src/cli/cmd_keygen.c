/*
 * cmd_keygen.c — `dossier keygen`: a throwaway TEST CA and signing keys
 * (RSA, ECDSA, SM2) so that pack and verify can be tried and tested
 * (dossier_keygen). Real keys come from a CA.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

static void help(FILE *f)
{
	fprintf(f, "%s", L(
"用法：dossier keygen [--force] [--days N] 目录\n"
"\n"
"在目录中生成一套仅供测试的 PKI：根 CA 与签发 CA（ECDSA P-256）、RSA-3072 与\n"
"ECDSA P-256 签名者、SM2 根 CA 与 SM2 签名者（按 GM/T 0009 区分标识签发），\n"
"以及 trust.pem（供 verify --ca 使用）。私钥不加密，权限 0600。\n"
"这些密钥不代表任何人：真实报送的签名密钥与证书须向 CA 申请。\n"
"\n"
"选项：\n"
"  --force       覆盖目录中已有的文件\n"
"  --days N      签名者证书有效天数（默认 825）\n"
"  --lang zh|en  消息语言\n"
"  -h, --help    显示本帮助\n"
"\n"
"退出码：0 已生成；2 用法错误或无法写入；3 内部错误。\n",
"usage: dossier keygen [--force] [--days N] DIR\n"
"\n"
"Make a TEST PKI in DIR: a root and an issuing CA (ECDSA P-256), an RSA-3072\n"
"and an ECDSA P-256 signer, an SM2 root and an SM2 signer (issued with the\n"
"GM/T 0009 distinguishing ID), and trust.pem for verify --ca. Private keys\n"
"are unencrypted, mode 0600. These keys identify nobody: real signing keys\n"
"and certificates come from a CA.\n"
"\n"
"options:\n"
"  --force       overwrite files already in DIR\n"
"  --days N      validity of the signer certificates (default 825)\n"
"  --lang zh|en  message language\n"
"  -h, --help    show this help\n"
"\n"
"Exit status: 0 done; 2 bad usage or cannot write; 3 internal failure.\n"));
}

const struct option cli_keygen_options[] = {
	{"force", no_argument, NULL, 'f'},
	{"days", required_argument, NULL, 'd'},
	{"lang", required_argument, NULL, 'l'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0}};

int cmd_keygen(int argc, char **argv)
{
	dossier_keygen_options ko = DOSSIER_KEYGEN_OPTIONS_INIT;
	int ch;
	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":h", cli_keygen_options, NULL)) != -1) {
		switch (ch) {
		case 'f': ko.overwrite = 1; break;
		case 'd':
			ko.days = atoi(optarg);
			if (ko.days < 1 || ko.days > 3650 ||
			    strspn(optarg, "0123456789") != strlen(optarg)) {
				fprintf(stderr, L("dossier keygen: --days 须为 1 到 3650：%s\n",
						  "dossier keygen: --days must be 1 to 3650: %s\n"), optarg);
				return EXIT_USAGE;
			}
			break;
		case 'l':
			if (cli_set_lang("keygen", optarg) != 0)
				return cli_usage_hint("keygen");
			break;
		case 'h': help(stdout); return EXIT_COMPLETE;
		default: return cli_bad_option("keygen", ch, argv);
		}
	}
	if (argc - optind != 1) {
		fprintf(stderr, "%s", L("dossier keygen: 需要恰好一个目录\n",
					"dossier keygen: give exactly one directory\n"));
		return cli_usage_hint("keygen");
	}
	if (dossier_keygen(argv[optind], &ko) != 0)
		return cli_print_error(NULL);
	printf(L("已在 %s 生成测试 PKI（仅供测试，不代表任何人）：\n"
		 "  trust.pem（verify --ca）、rsa.key/rsa.pem、ec.key/ec.pem、chain.pem、sm2.key/sm2.pem\n",
		 "made a TEST PKI in %s (for testing only; it identifies nobody):\n"
		 "  trust.pem (verify --ca), rsa.key/rsa.pem, ec.key/ec.pem, chain.pem, sm2.key/sm2.pem\n"),
	       argv[optind]);
	return EXIT_COMPLETE;
}
