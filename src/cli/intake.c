/*
 * intake.c — received packages, shared by `dossier verify` and `dossier
 * check`: verify's options (trust, revocation, policy and the caps on a
 * package), telling a package from a centre directory, and the one-step
 * intake of check: verify a package, extract it into a private temporary
 * folder, hand that folder to the check, and remove it afterwards. Also the
 * reasons an input could not be read, kept for a review report and JSON.
 */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "util/util.h"

int cli_verify_option(dossier_verify_options *vo, int opt, const char *arg, const char *cmd)
{
	size_t v;
	switch (opt) {
	case CLI_OPT_CA: vo->ca_file = arg; return 1;
	case CLI_OPT_CRL: vo->crl_file = arg; return 1;
	case CLI_OPT_POLICY: vo->policy_file = arg; return 1;
	case CLI_OPT_MAX_PACKAGE: case CLI_OPT_MAX_ENTRIES: case CLI_OPT_MAX_ENTRY_SIZE:
	case CLI_OPT_MAX_TOTAL: case CLI_OPT_MAX_RATIO: case CLI_OPT_MAX_EXPANSION:
		break;
	default:
		return 0;
	}
	if (!(v = cli_parse_size(arg))) {
		fprintf(stderr, L("dossier %s: 无效的数值：%s\n", "dossier %s: invalid number: %s\n"),
			cmd, arg);
		return -1;
	}
	switch (opt) {
	case CLI_OPT_MAX_PACKAGE: vo->max_package = v; break;
	case CLI_OPT_MAX_ENTRIES: vo->max_entries = v; break;
	case CLI_OPT_MAX_ENTRY_SIZE: vo->max_entry_size = v; break;
	case CLI_OPT_MAX_TOTAL: vo->max_total = v; break;
	case CLI_OPT_MAX_RATIO: vo->max_ratio = v > 1000000 ? 1000000 : (unsigned)v; break;
	default: vo->max_expansion = v > 1000000 ? 1000000 : (unsigned)v; break;
	}
	return 1;
}

const char *cli_verify_help(void)
{
	return L("  --ca 文件              受信任的 CA 证书（PEM）；默认用系统的受信任证书\n"
		 "  --crl 文件             吊销列表（PEM 或 DER）：签名者或其 CA 在列表上即拒绝，\n"
		 "                         除非时间戳证明签署早于吊销\n"
		 "  --policy 文件          收紧算法策略（RSA 位数、曲线、摘要算法；格式见\n"
		 "                         doc/package.md 的“算法策略”）\n"
		 "  --max-package 大小     软件包大小上限（默认 64G）\n"
		 "  --max-entries N        条目数上限（默认 100000）\n"
		 "  --max-entry-size 大小  单个条目解压后上限（默认 16G）\n"
		 "  --max-total 大小       解压后总大小上限（默认 64G）\n"
		 "  --max-ratio N          压缩比上限（对 1 MiB 以上的条目，默认 200）\n"
		 "  --max-expansion N      解压后总大小最多为软件包大小的 N 倍（默认 100）\n",
		 "  --ca FILE              trusted CA certificates (PEM); default: the system's\n"
		 "  --crl FILE             revocation lists (PEM or DER): a signer or CA on one\n"
		 "                         is refused, unless a time-stamp proves it signed\n"
		 "                         before the revocation\n"
		 "  --policy FILE          tighten the algorithm policy (RSA size, curves,\n"
		 "                         digests; format in doc/package.md, \"Algorithm\n"
		 "                         policy\")\n"
		 "  --max-package SIZE     largest package (default 64G)\n"
		 "  --max-entries N        most entries (default 100000)\n"
		 "  --max-entry-size SIZE  largest uncompressed entry (default 16G)\n"
		 "  --max-total SIZE       largest total uncompressed size (default 64G)\n"
		 "  --max-ratio N          largest compression ratio of entries over 1 MiB\n"
		 "                         (default 200)\n"
		 "  --max-expansion N      the entries may expand to at most N times the\n"
		 "                         package's size in all (default 100)\n");
}

int cli_is_package(const char *path)
{
	unsigned char head[4];
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK), yes = 0;
	if (fd < 0)
		return 0;
	/* a ZIP starts with a local file header (a directory fails the read) */
	yes = read(fd, head, 4) == 4 && !memcmp(head, "PK\3\4", 4);
	close(fd);
	return yes;
}

/* ---------- reasons ---------- */

const char *cli_error_id(int code)
{
	switch (code) {
	case DOSSIER_ENOMEM: return "out-of-memory";
	case DOSSIER_EIO: return "io";
	case DOSSIER_ENOTFOUND: return "not-found";
	case DOSSIER_EPARSE: return "parse";
	case DOSSIER_EENCODING: return "encoding";
	case DOSSIER_ESCHEMA: return "schema";
	case DOSSIER_ELIMIT: return "limit";
	case DOSSIER_EOUTLINE: return "outline";
	case DOSSIER_EUSAGE: return "usage";
	case DOSSIER_EFONT: return "font";
	case DOSSIER_EINTR: return "interrupted";
	default: return "error";
	}
}

static char *dup_or(const char *s)
{
	return dz_strdup(s ? s : "");
}

void cli_reason_dispose(cli_reason *r)
{
	dz_free(r->id);
	dz_free(r->file);
	dz_free(r->msg_zh);
	dz_free(r->msg_en);
	dz_free(r->hint_zh);
	dz_free(r->hint_en);
	memset(r, 0, sizeof *r);
}

static int reason_ok(cli_reason *r)
{
	if (r->id && r->file && r->msg_zh && r->msg_en && r->hint_zh && r->hint_en)
		return 0;
	cli_reason_dispose(r);
	return -1;
}

int cli_reason_from_error(cli_reason *r, const char *dir, const char *as)
{
	const dossier_error *e = dossier_error_last();
	const char *file;
	size_t n = dir ? strlen(dir) : 0;
	memset(r, 0, sizeof *r);
	r->code = e ? e->code : DOSSIER_ERROR;
	r->line = e ? e->line : 0;
	r->column = e ? e->column : 0;
	/* a failed allocation rewrites the error record (out of memory), so
	 * read it only while every copy so far succeeded */
	file = e && e->file ? e->file : "";
	if (n && !strncmp(file, dir, n) && (file[n] == '/' || !file[n]))
		r->file = dz_fmt("%s%s", as, file + n); /* named inside the package */
	else
		r->file = dz_strdup(file);
	if (!r->file || !(r->msg_zh = dup_or(e ? e->msg_zh : "失败")) ||
	    !(r->msg_en = dup_or(e ? e->msg_en : "failed")) ||
	    !(r->hint_zh = dup_or(e ? e->hint_zh : "")) ||
	    !(r->hint_en = dup_or(e ? e->hint_en : "")))
		return reason_ok(r);
	r->id = dz_strdup(cli_error_id(r->code));
	return reason_ok(r);
}

int cli_reason_from_problem(cli_reason *r, const char *pkg, const dossier_verify_problem *p)
{
	memset(r, 0, sizeof *r);
	r->code = DOSSIER_ERROR;
	r->id = dz_fmt("verify:%s", p->reason);
	r->file = *p->entry ? dz_fmt("%s/%s", pkg, p->entry) : dz_strdup(pkg);
	r->msg_zh = dup_or(p->msg_zh);
	r->msg_en = dup_or(p->msg_en);
	r->hint_zh = dup_or(p->hint_zh);
	r->hint_en = dup_or(p->hint_en);
	return reason_ok(r);
}

void cli_reason_print(const cli_reason *r)
{
	fprintf(stderr, "dossier: ");
	if (*r->file) {
		fprintf(stderr, "%s", r->file);
		if (r->line > 0)
			fprintf(stderr, ":%d", r->line);
		if (r->column > 0)
			fprintf(stderr, ":%d", r->column);
		fprintf(stderr, ": ");
	}
	if (!strncmp(r->id, "verify:", 7))
		fprintf(stderr, L("拒绝 [%s]：", "REJECTED [%s]: "), r->id + 7);
	fprintf(stderr, "%s\n", L(r->msg_zh, r->msg_en));
	if (*L(r->hint_zh, r->hint_en))
		fprintf(stderr, "  %s%s\n", L("处理：", "fix: "), L(r->hint_zh, r->hint_en));
}

void cli_json_reason(dz_buf *b, const cli_reason *r)
{
	dz_buf_puts(b, "{\"id\":\"");
	dz_buf_put_json(b, r->id);
	dz_buf_puts(b, "\",\"file\":\"");
	dz_buf_put_json(b, r->file);
	dz_buf_printf(b, "\",\"line\":%d,\"column\":%d,\"message\":{\"zh\":\"", r->line, r->column);
	dz_buf_put_json(b, r->msg_zh);
	dz_buf_puts(b, "\",\"en\":\"");
	dz_buf_put_json(b, r->msg_en);
	dz_buf_puts(b, "\"},\"hint\":{\"zh\":\"");
	dz_buf_put_json(b, r->hint_zh);
	dz_buf_puts(b, "\",\"en\":\"");
	dz_buf_put_json(b, r->hint_en);
	dz_buf_puts(b, "\"}}");
}

/* ---------- one-step intake ---------- */

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if (flag == FTW_DP)
		rmdir(path);
	else
		unlink(path);
	return 0;
}

void cli_intake_remove(char *dir)
{
	if (!dir)
		return;
	/* depth first, never following a link: only what verify extracted */
	nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS | FTW_MOUNT);
	rmdir(dir);
	dz_free(dir);
}

int cli_intake(const char *pkg, const dossier_verify_options *opts, int quiet,
	       char **dir, cli_reason *why)
{
	dossier_verify_options vo = *opts;
	dossier_verify_result *r = NULL;
	const char *tmp = getenv("TMPDIR");
	cli_progress prog;
	char *d;
	int rc;
	*dir = NULL;
	memset(why, 0, sizeof *why);
	d = dz_fmt("%s/dossier-check-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!d)
		return EXIT_INTERNAL;
	if (!mkdtemp(d)) { /* mode 0700: private */
		dz_errf(DOSSIER_EIO, d, 0, 0, "设置 TMPDIR 为可写的目录。",
			"Set TMPDIR to a writable folder.",
			"无法创建临时目录以解压软件包：%s", "cannot create a temporary folder to extract "
			"the package into: %s", strerror(errno));
		dz_free(d);
		return cli_reason_from_error(why, NULL, NULL) ? EXIT_INTERNAL : EXIT_USAGE;
	}
	vo.extract_dir = d;
	cli_progress_init(&prog, quiet, L("核验", "verifying"));
	vo.progress = cli_progress_cb;
	vo.payload = &prog;
	dossier_error_clear();
	rc = dossier_verify_run(&r, pkg, &vo);
	cli_progress_end(&prog);
	if (rc != 0) {
		rc = rc == DOSSIER_ENOMEM ? EXIT_INTERNAL : EXIT_USAGE;
		if (cli_reason_from_error(why, d, pkg))
			rc = EXIT_INTERNAL;
	} else if (!dossier_verify_result_passed(r)) {
		rc = cli_reason_from_problem(why, pkg, dossier_verify_result_problem(r))
		     ? EXIT_INTERNAL : EXIT_USAGE;
	} else {
		*dir = d;
		d = NULL;
	}
	dossier_verify_result_free(r);
	cli_intake_remove(d);
	return rc;
}
