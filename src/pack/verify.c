/*
 * verify.c — dossier_verify_run(): stage 6, judge a package, fail closed.
 *
 * The order matters (doc/package.md, "What verify checks"):
 *   1. the ZIP structure and the size caps (zipr.c), before any content is
 *      read;
 *   2. every entry name (names.c), then the clashes between names —
 *      duplicates, also after case and NFC folding, files that are folders
 *      — found by sorting, so no sender can choose our worst case; the
 *      mimetype entry, the META-INF set;
 *   3. the manifest (manifest.c) and that it lists exactly the data
 *      entries, with their sizes;
 *   4. the signatures: CAdES (the file walked as DER against RFC 5652 and
 *      the profile in cades.c, then the signature, the signer's key, chain,
 *      the algorithm policy on every link, the certificates it carries,
 *      ESS signing-certificate-v2, key usage, signing time) and/or SM2 (the
 *      files exact, the certificate the manifest names, chain with the
 *      GM/T 0009 distinguishing ID, policy, signature);
 *   5. every digest, streaming each entry once with its bytes counted;
 *   6. only then, extraction (extract.c).
 * The first failure is the verdict: one reason id, the entry, a message in
 * Chinese and English and what to do.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <openssl/cms.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>
#include "util/util.h"
#include "util/text.h"
#include "pack_int.h"

struct dossier_verify_result {
	int passed;
	dz_problem prob;
	dossier_verify_problem pub;
	dossier_verify_info info;
	char *signer, *issuer, *stime, *sm2_signer, *tstime, *tsa;
	dz_manifest m;
	dossier_verify_entry *entries;
};

/* ================= rejections ================= */

/* Entry names come from an untrusted file: show control bytes and bytes
 * that are not UTF-8 as \xNN so a name cannot drive the terminal. */
static char *printable(const char *s)
{
	dz_buf b = DZ_BUF_INIT;
	const unsigned char *u = (const unsigned char *)s;
	size_t n = strlen(s), i = 0;
	while (i < n) {
		uint32_t cp;
		int l = dz_utf8_decode(u + i, n - i, &cp);
		if (l == 0 || cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ||
		    cp == 0x202E || cp == 0x202D || cp == 0x2066 || cp == 0x2067 || cp == 0x2068) {
			int k, m = l ? l : 1;
			for (k = 0; k < m; k++)
				dz_buf_printf(&b, "\\x%02X", u[i + (size_t)k]);
			i += (size_t)m;
		} else {
			dz_buf_put(&b, s + i, (size_t)l);
			i += (size_t)l;
		}
	}
	if (b.oom) {
		dz_buf_dispose(&b);
		return NULL;
	}
	dz_buf_cstr(&b);
	return b.ptr ? dz_buf_detach(&b) : dz_strdup("");
}

int dz_reject(dz_problem *p, const char *id, const char *entry,
	      const char *hint_zh, const char *hint_en,
	      const char *fmt_zh, const char *fmt_en, ...)
{
	va_list ap;
	dz_problem_dispose(p);
	va_start(ap, fmt_en);
	p->zh = dz_vfmt(fmt_zh, ap);
	va_end(ap);
	va_start(ap, fmt_en);
	p->en = dz_vfmt(fmt_en, ap);
	va_end(ap);
	p->id = dz_strdup(id);
	p->entry = printable(entry ? entry : "");
	p->hint_zh = dz_strdup(hint_zh ? hint_zh : "");
	p->hint_en = dz_strdup(hint_en ? hint_en : "");
	if (!p->zh || !p->en || !p->id || !p->entry || !p->hint_zh || !p->hint_en) {
		dz_problem_dispose(p);
		return DOSSIER_ENOMEM;
	}
	return DZ_REJECTED;
}

void dz_problem_dispose(dz_problem *p)
{
	dz_free(p->id);
	dz_free(p->entry);
	dz_free(p->zh);
	dz_free(p->en);
	dz_free(p->hint_zh);
	dz_free(p->hint_en);
	memset(p, 0, sizeof *p);
}

/* ================= context ================= */

typedef struct {
	const char *path;
	const dossier_verify_options *opt;
	dossier_verify_result *r;
	dz_problem *prob;
	int fd;
	dz_zipr *z;
	X509_STORE *store;
	STACK_OF(X509_CRL) *crls;     /* --crl, or NULL */
	dz_policy policy;
	int idx[5];                   /* ZIP index of each of fixed[], or -1 */
	size_t *data_idx;             /* ZIP index of each manifest entry */
	const unsigned char **want;   /* per ZIP index: expected SHA-256 */
	uint64_t total, done;
	unsigned char meta_sha[5][32]; /* SHA-256 of the META-INF entries read */
} vctx;

static const char *fixed[] = {DZ_MANIFEST_NAME, DZ_CMS_NAME, DZ_SM2_NAME,
			      DZ_SM2_CERT_NAME, DZ_SM2_CHAIN_NAME};
enum { I_MANIFEST, I_CMS, I_SM2, I_SM2CERT, I_SM2CHAIN };

/* ================= 3: names ================= */

/* The names were accepted one by one, so they are safe to print. */
static int reject_clash(vctx *v, const dz_name_clash *c)
{
	const char *late = dz_zipr_entry(v->z, c->b)->name;
	const char *other = dz_zipr_entry(v->z, c->a)->name;
	if (c->kind == DZ_CLASH_EXACT)
		return dz_reject(v->prob, "name-duplicate", late,
				 "不同的工具会取不同的副本：这是解析器分歧攻击。",
				 "Different tools would pick different copies: a parser-"
				 "differential attack.",
				 "条目名重复出现", "the entry name occurs twice");
	if (c->kind == DZ_CLASH_FOLDED)
		return dz_reject(v->prob, "name-duplicate-folded", late,
				 "在 Windows 或 macOS 上两个条目会互相覆盖。",
				 "On Windows or macOS the two entries would overwrite each other.",
				 "条目名与条目 %s 只差大小写或 Unicode 规范化",
				 "the entry name differs from the entry %s only in case or Unicode "
				 "normalisation", other);
	return dz_reject(v->prob, "name-file-folder", late, "", "",
			 "条目所在的文件夹与条目 %s 同名",
			 "a folder on the entry's path has the name of the entry %s", other);
}

/* Every name on its own (in ZIP order), then the clashes between names:
 * duplicates, duplicates after folding, a file that is also a folder
 * (dz_name_clashes sorts; nothing here is keyed by a hash an attacker could
 * aim at). */
static int check_names(vctx *v)
{
	size_t i, k, n = dz_zipr_count(v->z);
	const char **names = dz_calloc(n, sizeof *names);
	dz_name_clash c;
	int rc = 0;
	if (!names)
		return DOSSIER_ENOMEM;
	for (k = 0; k < 5; k++)
		v->idx[k] = -1;
	for (i = 0; i < n && rc == 0; i++) {
		const dz_zent *e = dz_zipr_entry(v->z, i);
		const dz_name_rule *bad = dz_name_check(e->name, e->name_len);
		char *f;
		size_t j;
		names[i] = e->name;
		if (bad) {
			rc = dz_reject(v->prob, bad->id, e->name,
				       "这样的条目名可能在解压时写到别处或互相覆盖；不要解压这个软件包。",
				       "Such a name could write elsewhere or overwrite other files when "
				       "unpacked; do not unpack this package.", "%s%.0s", "%.0s%s", bad->zh, bad->en);
			break;
		}
		for (j = 0; j < e->name_len && (unsigned char)e->name[j] < 0x80; j++)
			;
		if (j < e->name_len && !(e->flags & 0x0800)) {
			rc = dz_reject(v->prob, "name-utf8-flag", e->name, "", "",
				       "条目名含非 ASCII 字符，却没有标记为 UTF-8（标志位 11）",
				       "the entry name has non-ASCII characters but is not flagged as "
				       "UTF-8 (bit 11)");
			break;
		}
		/* reserved names live in the first component: fold that only */
		if ((rc = dz_name_fold(&f, e->name, strcspn(e->name, "/"))) != 0)
			break;
		if (i > 0 && ((!strcmp(f, "mimetype") && !strchr(e->name, '/')) ||
			      !strcmp(f, "meta-inf")) && strncmp(e->name, "META-INF/", 9))
			rc = dz_reject(v->prob, "name-reserved", e->name, "", "",
				       "条目名占用了保留名 mimetype 或 META-INF",
				       "the entry takes the reserved name mimetype or META-INF");
		dz_free(f);
		if (rc)
			break;
		if (!strncmp(e->name, "META-INF/", 9)) {
			for (k = 0; k < 5 && strcmp(e->name, fixed[k]); k++)
				;
			if (k == 5) {
				rc = dz_reject(v->prob, "meta-inf-unexpected", e->name,
					       "META-INF/ 只能含清单与签名文件。",
					       "META-INF/ holds only the manifest and the signature files.",
					       "META-INF/ 中有不认识的文件",
					       "an unexpected file in META-INF/");
				break;
			}
			v->idx[k] = (int)i;
		}
	}
	if (rc == 0 && (rc = dz_name_clashes(&c, names, n)) == 0 && c.kind != DZ_CLASH_NONE)
		rc = reject_clash(v, &c);
	dz_free(names);
	return rc;
}

/* Collect an entry's bytes (small files only: manifest, signatures). */
typedef struct {
	unsigned char *p;
	size_t n, cap;
} blob;

static int blob_sink(void *payload, const unsigned char *p, size_t n)
{
	blob *b = payload;
	if (b->n + n > b->cap)
		return DOSSIER_ELIMIT;
	memcpy(b->p + b->n, p, n);
	b->n += n;
	return 0;
}

static int read_small(vctx *v, int idx, size_t max, blob *b, const char *what)
{
	const dz_zent *e = dz_zipr_entry(v->z, (size_t)idx);
	int rc, k;
	b->p = NULL;
	b->n = 0;
	if (e->usize > max)
		return dz_reject(v->prob, "limit-meta", e->name, "", "",
				 "%s过大（%llu 字节，上限 %zu）", "the %s is too large (%llu bytes, limit %zu)",
				 what, (unsigned long long)e->usize, max);
	b->cap = (size_t)e->usize;
	if (!(b->p = dz_malloc(b->cap + 1)))
		return DOSSIER_ENOMEM;
	rc = dz_zipr_read(v->z, (size_t)idx, blob_sink, b, v->prob);
	if (rc == 0)
		b->p[b->n] = '\0';
	/* extraction checks these too: the file could change after verify */
	for (k = 0; rc == 0 && idx > 0 && k < 5; k++)
		if (v->idx[k] == idx && v->want) {
			if (!EVP_Digest(b->p, b->n, v->meta_sha[k], NULL, EVP_sha256(), NULL))
				return DOSSIER_ERROR;
			v->want[idx] = v->meta_sha[k];
		}
	return rc;
}

static int check_mimetype(vctx *v)
{
	const dz_zent *e = dz_zipr_entry(v->z, 0);
	blob b;
	int rc;
	if (strcmp(e->name, "mimetype"))
		return dz_reject(v->prob, "mimetype", e->name,
				 "ASiC-E 软件包的第一个条目必须是 mimetype。",
				 "The first entry of an ASiC-E package must be mimetype.",
				 "第一个条目不是 mimetype", "the first entry is not mimetype");
	if (e->method != 0 || e->local_extra || e->flags != 0)
		return dz_reject(v->prob, "mimetype", e->name, "", "",
				 "mimetype 条目必须不压缩、无扩展字段、无标志位",
				 "the mimetype entry must be stored, without extra field or flags");
	if ((rc = read_small(v, 0, 64, &b, "mimetype")) != 0) {
		dz_free(b.p);
		return rc;
	}
	rc = b.n == strlen(DZ_MIMETYPE) && !memcmp(b.p, DZ_MIMETYPE, b.n) ? 0
	     : dz_reject(v->prob, "mimetype", e->name, "", "",
			 "mimetype 的内容不是 %s", "the mimetype entry does not say %s", DZ_MIMETYPE);
	dz_free(b.p);
	return rc;
}

/* ================= 4: manifest and coverage ================= */

typedef struct {
	const char *name;
	size_t idx;
	uint64_t usize;
} dref;

static int cmp_dref(const void *a, const void *b)
{
	return strcmp(((const dref *)a)->name, ((const dref *)b)->name);
}

static int check_coverage(vctx *v)
{
	dz_manifest *m = &v->r->m;
	size_t n = dz_zipr_count(v->z), i, j, nd = 0;
	dref *data = dz_calloc(n, sizeof *data);
	int rc = 0;
	if (!data)
		return DOSSIER_ENOMEM;
	for (i = 1; i < n; i++) {
		const dz_zent *e = dz_zipr_entry(v->z, i);
		if (strncmp(e->name, "META-INF/", 9)) {
			data[nd].name = e->name;
			data[nd].idx = i;
			data[nd].usize = e->usize;
			nd++;
		}
	}
	dz_sort(data, nd, sizeof *data, cmp_dref);
	v->data_idx = dz_calloc(m->n ? m->n : 1, sizeof *v->data_idx);
	if (!v->data_idx) {
		dz_free(data);
		return DOSSIER_ENOMEM;
	}
	for (i = 0, j = 0; rc == 0 && (i < nd || j < m->n);) {
		int c = i == nd ? 1 : j == m->n ? -1 : strcmp(data[i].name, m->e[j].name);
		if (c < 0)
			rc = dz_reject(v->prob, "manifest-unlisted", data[i].name,
				       "软件包中混入了签名不覆盖的文件；不要使用它。",
				       "The package holds a file the signature does not cover; do not "
				       "use it.", "条目不在清单中（未被签名覆盖）",
				       "the entry is not listed in the manifest (not covered by the signature)");
		else if (c > 0)
			rc = dz_reject(v->prob, "manifest-missing-entry", m->e[j].name,
				       "签名所覆盖的文件被删除了；重新获取软件包。",
				       "A signed file was removed; obtain the package again.",
				       "清单列出的条目不在软件包中", "the manifest lists an entry that is not in the package");
		else if (data[i].usize != m->e[j].size)
			rc = dz_reject(v->prob, "manifest-size", data[i].name, "", "",
				       "条目大小 %llu 字节与清单记录的 %llu 字节不符",
				       "the entry has %llu bytes where the manifest records %llu",
				       (unsigned long long)data[i].usize,
				       (unsigned long long)m->e[j].size);
		else {
			v->data_idx[j] = data[i].idx;
			v->want[data[i].idx] = m->e[j].sha256;
			v->total += m->e[j].size;
			i++;
			j++;
		}
	}
	dz_free(data);
	return rc;
}

static int check_meta_set(vctx *v)
{
	const dz_manifest *m = &v->r->m;
	struct {
		int have, want;
		const char *name;
	} t[] = {{v->idx[I_CMS] >= 0, m->has_cms, DZ_CMS_NAME},
		 {v->idx[I_SM2] >= 0, m->has_sm2, DZ_SM2_NAME},
		 {v->idx[I_SM2CERT] >= 0, m->has_sm2, DZ_SM2_CERT_NAME},
		 {v->idx[I_SM2CHAIN] >= 0, m->has_sm2_chain, DZ_SM2_CHAIN_NAME}};
	size_t i;
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		if (t[i].want && !t[i].have)
			return dz_reject(v->prob, "meta-inf-missing", t[i].name,
					 "签名文件被删除了；重新获取软件包。",
					 "A signature file was removed; obtain the package again.",
					 "清单声明的签名文件缺失", "a signature file the manifest declares is missing");
		if (!t[i].want && t[i].have)
			return dz_reject(v->prob, "meta-inf-unexpected", t[i].name, "", "",
					 "清单没有声明这个签名文件", "the manifest does not declare this signature file");
	}
	return 0;
}

/* ================= 5: signatures ================= */

static int is_expired(int err)
{
	return err == X509_V_ERR_CERT_HAS_EXPIRED || err == X509_V_ERR_CERT_NOT_YET_VALID;
}

/* Verify `leaf` against the trust store with `untrusted` helpers, for
 * `purpose`, at the time `at` (seconds since 1970; 0: now); on success
 * *chain is the path found, leaf first, trust anchor last. An expired leaf
 * is `expired_id` (the signer's "signer-expired"), anything else `id`. */
static int check_chain(vctx *v, X509 *leaf, STACK_OF(X509) *untrusted, const char *id,
		       const char *expired_id, const char *entry, STACK_OF(X509) **chain,
		       long long at, int purpose)
{
	X509_STORE_CTX *ctx = X509_STORE_CTX_new();
	int ok, err, depth;
	char *subj, *na;
	*chain = NULL;
	if (!ctx || !X509_STORE_CTX_init(ctx, v->store, leaf, untrusted)) {
		X509_STORE_CTX_free(ctx);
		return DOSSIER_ENOMEM;
	}
	X509_STORE_CTX_set_purpose(ctx, purpose);
	X509_VERIFY_PARAM_set_flags(X509_STORE_CTX_get0_param(ctx), X509_V_FLAG_X509_STRICT);
	if (at)
		X509_VERIFY_PARAM_set_time(X509_STORE_CTX_get0_param(ctx), (time_t)at);
	ok = X509_verify_cert(ctx) == 1;
	err = X509_STORE_CTX_get_error(ctx);
	depth = X509_STORE_CTX_get_error_depth(ctx);
	if (ok && !(*chain = X509_STORE_CTX_get1_chain(ctx))) {
		X509_STORE_CTX_free(ctx);
		return DOSSIER_ENOMEM;
	}
	X509_STORE_CTX_free(ctx);
	ERR_clear_error();
	if (ok)
		return 0;
	subj = dz_x509_name(X509_get_subject_name(leaf));
	if (expired_id && err == X509_V_ERR_CERT_HAS_EXPIRED && depth == 0 && !at) {
		/* said as such: no time-stamp proves the signature older */
		na = dz_asn1_time_iso(X509_get0_notAfter(leaf));
		ok = dz_reject(v->prob, expired_id, entry,
			       "没有时间戳证明签名早于证书过期，签名因此无法再核验；请签名者重新签署，"
			       "以后用 dossier pack --tsa 加上时间戳。",
			       "No time-stamp proves the signature older than the expiry, so it can no "
			       "longer be verified; ask the signer to sign again, with dossier pack "
			       "--tsa from now on.",
			       "签名者证书（%s）已于 %s 过期，软件包没有时间戳",
			       "the signer's certificate (%s) expired on %s and the package has no "
			       "time-stamp", subj ? subj : "?", na ? na : "?");
		dz_free(na);
		dz_free(subj);
		return ok;
	}
	ok = dz_reject(v->prob, expired_id && is_expired(err) && depth == 0 ? expired_id : id, entry,
		       v->opt->ca_file ? "确认签名者的 CA 证书在 --ca 文件中，且证书在有效期内。"
				       : "用 --ca 给出签名者所属 CA 的根证书。",
		       v->opt->ca_file ? "Make sure the signer's CA is in the --ca file and the "
					 "certificates are valid."
				       : "Give the signer's root CA certificate with --ca.",
		       "证书（%s）不可信：%s（证书链第 %d 层）",
		       "the certificate (%s) is not trusted: %s (at depth %d)",
		       subj ? subj : "?", X509_verify_cert_error_string(err), depth);
	dz_free(subj);
	return ok;
}

/* A CRL names its issuer's key by its authority key identifier (RFC 5280
 * 5.2.1): a CRL of another key of the same name (a rollover, another test
 * PKI) is not this issuer's. Without identifiers on both sides, the name
 * decides. */
static int crl_of_key(X509_CRL *crl, X509 *issuer)
{
	AUTHORITY_KEYID *akid = X509_CRL_get_ext_d2i(crl, NID_authority_key_identifier, NULL, NULL);
	const ASN1_OCTET_STRING *ski = X509_get0_subject_key_id(issuer);
	int same = !akid || !akid->keyid || !ski || !ASN1_OCTET_STRING_cmp(akid->keyid, ski);
	AUTHORITY_KEYID_free(akid);
	ERR_clear_error();
	return same;
}

/* --crl: every link of a verified chain whose issuer has a CRL in the file
 * must not be on it — or, with a time-stamp, must have been revoked only
 * after the time it proves (`at`). The CRL must be signed by that issuer. */
static int check_revoked(vctx *v, STACK_OF(X509) *chain, long long at, const char *entry)
{
	int i, j;
	for (i = 0; v->crls && i + 1 < sk_X509_num(chain); i++) {
		X509 *x = sk_X509_value(chain, i), *up = sk_X509_value(chain, i + 1);
		for (j = 0; j < sk_X509_CRL_num(v->crls); j++) {
			X509_CRL *crl = sk_X509_CRL_value(v->crls, j);
			X509_REVOKED *rev = NULL;
			char *subj, *when;
			int rc;
			if (X509_NAME_cmp(X509_CRL_get_issuer(crl), X509_get_subject_name(up)) ||
			    !crl_of_key(crl, up))
				continue;
			if (X509_CRL_verify(crl, X509_get0_pubkey(up)) != 1) {
				subj = dz_x509_name(X509_get_subject_name(up));
				ERR_clear_error();
				rc = dz_errf(DOSSIER_EPARSE, v->opt->crl_file, 0, 0,
					     "从 CA 重新取得吊销列表。", "Obtain the CRL from the CA again.",
					     "吊销列表自称由 %s 签发，签名却不符",
					     "a CRL names %s as its issuer but its signature does not match",
					     subj ? subj : "?");
				dz_free(subj);
				return rc;
			}
			if (X509_CRL_get0_by_cert(crl, &rev, x) != 1 || !rev)
				continue;
			if (at && ASN1_TIME_cmp_time_t(X509_REVOKED_get0_revocationDate(rev),
						       (time_t)at) > 0) {
				v->r->info.signer_revoked_after = 1;
				continue;   /* revoked after it signed, as the token proves */
			}
			subj = dz_x509_name(X509_get_subject_name(x));
			when = dz_asn1_time_iso(X509_REVOKED_get0_revocationDate(rev));
			rc = dz_reject(v->prob, "signer-revoked", entry,
				       "签署时证书已被吊销（或没有时间戳证明签署在吊销之前）；不要使用这个软件包。",
				       "The certificate was revoked when it signed (or no time-stamp proves "
				       "it signed before); do not use this package.",
				       "证书（%s）已于 %s 被吊销%s%.0s",
				       "the certificate (%s) was revoked on %s%.0s%s",
				       subj ? subj : "?", when ? when : "?",
				       at ? "，早于时间戳" : "，软件包没有时间戳",
				       at ? ", before the time-stamp" : "; the package has no time-stamp");
			dz_free(subj);
			dz_free(when);
			return rc;
		}
	}
	return 0;
}

static int reject_policy(vctx *v, const dz_policy_why *w, const char *entry)
{
	return dz_reject(v->prob, w->id, entry,
			 "签名所依赖的密钥或算法太弱（doc/package.md“算法策略”）；请签名者向 CA "
			 "申请符合要求的证书后重新打包。",
			 "A key or algorithm the signature rests on is too weak (doc/package.md, "
			 "\"Algorithm policy\"); the signer must obtain a certificate that meets it "
			 "and pack again.", "%s%.0s", "%.0s%s", w->zh, w->en);
}

/* The signer's own key, before any chain is built. */
static int check_policy_leaf(vctx *v, X509 *leaf, const char *entry)
{
	dz_policy_why w;
	return dz_policy_key(&v->policy, X509_get0_pubkey(leaf), leaf, &w) ? 0
	       : reject_policy(v, &w, entry);
}

/* Every certificate a signature file carries must be on the path that was
 * verified: anything else is bytes nobody vouches for. */
static int check_carried(vctx *v, STACK_OF(X509) *carried, STACK_OF(X509) *chain,
			 const char *entry)
{
	int i, j;
	for (i = 0; i < sk_X509_num(carried); i++) {
		X509 *x = sk_X509_value(carried, i);
		char *subj;
		int rc;
		for (j = 0; j < sk_X509_num(chain) && X509_cmp(x, sk_X509_value(chain, j)); j++)
			;
		if (j < sk_X509_num(chain))
			continue;
		subj = dz_x509_name(X509_get_subject_name(x));
		rc = dz_reject(v->prob, "signature-extra-certificate", entry,
			       "签名文件只应带签名者证书链上的证书；多出的证书没有任何人担保。",
			       "A signature file carries only the certificates of the signer's path; "
			       "an extra one is vouched for by nobody.",
			       "签名文件带有一张不在签名者证书链上的证书（%s）",
			       "the signature file carries a certificate that is not on the signer's "
			       "path (%s)", subj ? subj : "?");
		dz_free(subj);
		return rc;
	}
	return 0;
}

static int check_usage(vctx *v, X509 *cert, const char *entry)
{
	const char *zh, *en;
	if (dz_cert_can_sign(cert, &zh, &en))
		return 0;
	return dz_reject(v->prob, "signer-usage", entry,
			 "签名者的证书不是用于签署文档的。", "The signer's certificate is not for signing documents.",
			 "%s%.0s", "%.0s%s", zh, en);
}

static const ASN1_TIME *signing_time(CMS_SignerInfo *si)
{
	int loc = CMS_signed_get_attr_by_NID(si, NID_pkcs9_signingTime, -1);
	X509_ATTRIBUTE *a = loc >= 0 ? CMS_signed_get_attr(si, loc) : NULL;
	ASN1_TYPE *t = a && X509_ATTRIBUTE_count(a) == 1 ? X509_ATTRIBUTE_get0_type(a, 0) : NULL;
	if (!t || (t->type != V_ASN1_UTCTIME && t->type != V_ASN1_GENERALIZEDTIME))
		return NULL;
	return (const ASN1_TIME *)t->value.asn1_string;
}

static int cms_reason_is(unsigned long e, int reason)
{
	return ERR_GET_LIB(e) == ERR_LIB_CMS && ERR_GET_REASON(e) == reason;
}

#define TS_SKEW 600   /* seconds a signer's or TSA's clock may be ahead */

static int reject_token(vctx *v, const char *id, const char *zh, const char *en)
{
	return dz_reject(v->prob, id, DZ_CMS_NAME,
			 "时间戳不能证明签署时间；不要依靠它。",
			 "The time-stamp proves nothing about when this was signed; do not rely "
			 "on it.", "%s%.0s", "%.0s%s", zh, en);
}

/* The RFC 3161 token on the signature value: parsed exactly, its imprint
 * the digest of this signature, its TSA trusted for time-stamping (at the
 * current time) and under the policy, its signature valid, nothing carried
 * that is not on the TSA's path. *at is the time it proves. */
static int check_token(vctx *v, const dz_cades_info *ci, long long *at)
{
	dz_tsa_token t;
	STACK_OF(X509) *signers = NULL, *chain = NULL;
	STACK_OF(PKCS7_SIGNER_INFO) *sis;
	dz_policy_why w;
	X509 *tsa;
	int rc = 0, alg_ok = 0, ok;
	if (dz_tsa_parse(&t, ci->token, ci->token_len) != 0)
		return reject_token(v, "timestamp-format", "时间戳属性不是 RFC 3161 时间戳",
				    "the time-stamp attribute is not an RFC 3161 token");
	sis = PKCS7_get_signer_info(t.p7);
	if (!dz_tsa_imprint_ok(&t, &v->policy, ci->sig, ci->sig_len, &alg_ok)) {
		rc = alg_ok ? reject_token(v, "timestamp-imprint", "时间戳盖在另一个签名上（摘要不符）",
					   "the time-stamp is over another signature (the imprint "
					   "does not match)")
			    : reject_token(v, "timestamp-algorithm", "时间戳的摘要算法不被算法策略接受",
					   "the time-stamp's hash is not one the algorithm policy "
					   "accepts");
		goto done;
	}
	if (sk_PKCS7_SIGNER_INFO_num(sis) != 1 ||
	    sk_X509_ATTRIBUTE_num(sk_PKCS7_SIGNER_INFO_value(sis, 0)->unauth_attr) > 0) {
		rc = reject_token(v, "timestamp-format", "时间戳必须恰有一个签名者，且不带未签名属性",
				  "the time-stamp must have one signer and no unsigned attribute");
		goto done;
	}
	signers = PKCS7_get0_signers(t.p7, NULL, 0);
	tsa = sk_X509_num(signers) == 1 ? sk_X509_value(signers, 0) : NULL;
	ERR_clear_error();
	if (!tsa) {
		rc = reject_token(v, "timestamp-format", "时间戳中没有时间戳服务的证书",
				  "the time-stamp does not carry the TSA's certificate");
		goto done;
	}
	if (!dz_policy_key(&v->policy, X509_get0_pubkey(tsa), tsa, &w)) {
		rc = reject_policy(v, &w, DZ_CMS_NAME);
		goto done;
	}
	if ((rc = check_chain(v, tsa, t.p7->d.sign->cert, "timestamp-untrusted", NULL,
			      DZ_CMS_NAME, &chain, 0, X509_PURPOSE_TIMESTAMP_SIGN)) != 0)
		goto done;
	if (!dz_policy_chain(&v->policy, chain, &w)) {
		rc = reject_policy(v, &w, DZ_CMS_NAME);
		goto done;
	}
	if ((rc = check_carried(v, t.p7->d.sign->cert, chain, DZ_CMS_NAME)) != 0 ||
	    (rc = check_revoked(v, chain, 0, DZ_CMS_NAME)) != 0)
		goto done;
	if ((ok = dz_tsa_signature_ok(&t, v->store)) <= 0) {
		rc = ok < 0 ? DOSSIER_ENOMEM
		     : reject_token(v, "timestamp-invalid", "时间戳服务的签名无效",
				    "the TSA's signature on the time-stamp is not valid");
		goto done;
	}
	if (t.when > (long long)time(NULL) + TS_SKEW) {
		rc = reject_token(v, "timestamp-invalid", "时间戳的时间在未来",
				  "the time-stamp's time lies in the future");
		goto done;
	}
	*at = t.when;
	{
		char buf[21];
		dz_iso_time(t.when, buf);
		v->r->tstime = dz_strdup(buf);
		v->r->tsa = dz_x509_name(X509_get_subject_name(tsa));
		if (!v->r->tstime || !v->r->tsa)
			rc = DOSSIER_ENOMEM;
	}
done:
	sk_X509_free(signers);
	sk_X509_pop_free(chain, X509_free);
	dz_tsa_dispose(&t);
	return rc;
}

static int check_cms(vctx *v, const blob *sig, const blob *man)
{
	const unsigned char *p = sig->p;
	CMS_ContentInfo *cms = NULL;
	STACK_OF(X509) *certs = NULL, *signers, *chain = NULL;
	CMS_SignerInfo *si;
	dz_cades_info ci;
	dz_policy_why w;
	const ASN1_TIME *st;
	X509 *sc;
	BIO *in;
	int rc, ok;
	unsigned long e;
	long long at = 0;   /* the time-stamp's time, or 0 */
	/* the bytes first: strict DER, RFC 5652 and this profile */
	if ((rc = dz_cades_profile(sig->p, sig->n, &v->policy, &ci, v->prob)) != 0)
		return rc;
	cms = d2i_CMS_ContentInfo(NULL, &p, (long)sig->n);
	if (!cms || p != sig->p + sig->n) {
		rc = dz_reject(v->prob, "signature-format", DZ_CMS_NAME, "", "",
			       "签名不是一个完整的 DER 编码 CMS 结构",
			       "the signature is not exactly one DER-encoded CMS structure");
		goto done;
	}
	si = sk_CMS_SignerInfo_value(CMS_get0_SignerInfos(cms), 0);
	/* the signature itself, over the signed attributes and the manifest */
	ERR_clear_error();
	in = BIO_new_mem_buf(man->p, (int)man->n);
	ok = in && CMS_verify(cms, NULL, NULL, in, NULL,
			      CMS_BINARY | CMS_NO_SIGNER_CERT_VERIFY) == 1;
	BIO_free(in);
	if (!ok) {
		e = ERR_peek_last_error();
		ERR_clear_error();
		if (cms_reason_is(e, CMS_R_SIGNER_CERTIFICATE_NOT_FOUND))
			rc = dz_reject(v->prob, "signature-format", DZ_CMS_NAME, "", "",
				       "签名中没有签名者的证书", "the signature does not include the signer's certificate");
		else
			rc = dz_reject(v->prob, "signature-invalid", DZ_MANIFEST_NAME,
				       "清单在签名之后被改动过；不要使用这个软件包。",
				       "The manifest was changed after it was signed; do not use this package.",
				       "签名与清单不符", "the signature does not match the manifest");
		goto done;
	}
	signers = CMS_get0_signers(cms);
	sc = signers && sk_X509_num(signers) == 1 ? sk_X509_value(signers, 0) : NULL;
	sk_X509_free(signers);
	if (!sc) {
		rc = dz_reject(v->prob, "signature-format", DZ_CMS_NAME, "", "",
			       "找不到签名者的证书", "the signer's certificate cannot be found");
		goto done;
	}
	/* the signature algorithm must fit the signer's key */
	if (ci.sig_is_ec != (EVP_PKEY_is_a(X509_get0_pubkey(sc), "EC") != 0)) {
		rc = dz_reject(v->prob, "signature-algorithm", DZ_CMS_NAME, "", "",
			       "签名算法与签名者的密钥类型不符",
			       "the signature algorithm does not fit the signer's key type");
		goto done;
	}
	if ((rc = check_policy_leaf(v, sc, DZ_CMS_NAME)) != 0)
		goto done;
	/* a time-stamp proves when the signature existed: the chain is judged
	 * then, so an expiry since does not matter */
	if (ci.token && (rc = check_token(v, &ci, &at)) != 0)
		goto done;
	certs = CMS_get1_certs(cms);
	if ((rc = check_chain(v, sc, certs, "signature-untrusted", "signer-expired", DZ_CMS_NAME,
			      &chain, at, X509_PURPOSE_ANY)) != 0 ||
	    (rc = check_revoked(v, chain, at, DZ_CMS_NAME)) != 0)
		goto done;
	if (!dz_policy_chain(&v->policy, chain, &w)) {
		rc = reject_policy(v, &w, DZ_CMS_NAME);
		goto done;
	}
	if ((rc = check_carried(v, certs, chain, DZ_CMS_NAME)) != 0)
		goto done;
	/* the ESS signing-certificate-v2 must name this certificate; OpenSSL
	 * builds the chain again for it, so at the time-stamp's time if any */
	if (at)
		X509_VERIFY_PARAM_set_time(X509_STORE_get0_param(v->store), (time_t)at);
	in = BIO_new_mem_buf(man->p, (int)man->n);
	ok = in && CMS_verify(cms, NULL, v->store, in, NULL, CMS_BINARY | CMS_CADES) == 1;
	BIO_free(in);
	X509_VERIFY_PARAM_clear_flags(X509_STORE_get0_param(v->store), X509_V_FLAG_USE_CHECK_TIME);
	ERR_clear_error();
	if (!ok) {
		rc = dz_reject(v->prob, "signature-attributes", DZ_CMS_NAME, "", "",
			       "签名属性 signing-certificate-v2 与签名者证书不符",
			       "the signing-certificate-v2 attribute does not match the signer's certificate");
		goto done;
	}
	if ((rc = check_usage(v, sc, DZ_CMS_NAME)) != 0)
		goto done;
	st = signing_time(si);
	if (!st || ASN1_TIME_compare(st, X509_get0_notBefore(sc)) < 0 ||
	    ASN1_TIME_compare(st, X509_get0_notAfter(sc)) > 0) {
		rc = dz_reject(v->prob, "signing-time", DZ_CMS_NAME, "", "",
			       "签名时间不在签名者证书的有效期内",
			       "the signing time lies outside the signer certificate's validity");
		goto done;
	}
	/* the signer's clock may be ahead of the TSA's, not by much */
	if (at && ASN1_TIME_cmp_time_t(st, (time_t)(at + TS_SKEW)) > 0) {
		rc = dz_reject(v->prob, "signing-time", DZ_CMS_NAME, "", "",
			       "签名时间晚于时间戳证明的时间（超过 10 分钟）",
			       "the signing time is later than the time-stamp (by more than 10 "
			       "minutes)");
		goto done;
	}
	v->r->info.signer_expired = at && X509_cmp_current_time(X509_get0_notAfter(sc)) < 0;
	v->r->signer = dz_x509_name(X509_get_subject_name(sc));
	v->r->issuer = dz_x509_name(X509_get_issuer_name(sc));
	v->r->stime = dz_asn1_time_iso(st);
	if (!v->r->signer || !v->r->issuer || !v->r->stime)
		rc = DOSSIER_ENOMEM;
done:
	sk_X509_pop_free(certs, X509_free);
	sk_X509_pop_free(chain, X509_free);
	CMS_ContentInfo_free(cms);
	ERR_clear_error();
	return rc;
}

static int set_distid(X509 *x)
{
	ASN1_OCTET_STRING *id = ASN1_OCTET_STRING_new();
	if (!id || !ASN1_OCTET_STRING_set(id, (const unsigned char *)DZ_SM2_ID, (int)strlen(DZ_SM2_ID))) {
		ASN1_OCTET_STRING_free(id);
		return DOSSIER_ENOMEM;
	}
	X509_set0_distinguishing_id(x, id);
	return 0;
}

/* The certificates of a PEM file that holds them and nothing else: the
 * file must be exactly what PEM_write makes of them (what pack writes), so
 * no text, key or second encoding can ride along. *exact says whether it
 * is; NULL on ENOMEM. */
static STACK_OF(X509) *pem_certs(const blob *b, int *exact)
{
	BIO *bio = BIO_new_mem_buf(b->p, (int)b->n), *out = BIO_new(BIO_s_mem());
	STACK_OF(X509) *sk = sk_X509_new_null();
	X509 *x;
	char *data;
	long len;
	int i, ok = 1;
	*exact = 0;
	if (!bio || !sk || !out) {
		BIO_free(bio);
		BIO_free(out);
		sk_X509_free(sk);
		return NULL;
	}
	while ((x = PEM_read_bio_X509(bio, NULL, NULL, NULL)) != NULL)
		if (!sk_X509_push(sk, x))
			X509_free(x);
	ERR_clear_error();
	for (i = 0; ok && i < sk_X509_num(sk); i++)
		ok = PEM_write_bio_X509(out, sk_X509_value(sk, i));
	len = BIO_get_mem_data(out, &data);
	*exact = ok && sk_X509_num(sk) > 0 && len >= 0 && (size_t)len == b->n &&
		 !memcmp(data, b->p, b->n);
	BIO_free(bio);
	BIO_free(out);
	return sk;
}

static int reject_certfile(vctx *v, const char *entry, const char *zh, const char *en)
{
	return dz_reject(v->prob, "sm2-certificate-file", entry,
			 "证书文件只能是 dossier pack 写出的 PEM 证书，不能夹带其他内容。",
			 "A certificate file holds the PEM certificates dossier pack writes and "
			 "nothing else.", "%s%.0s", "%.0s%s", zh, en);
}

/* signature.sm2 must be one DER SEQUENCE {r, s}, exactly. */
static int sm2_sig_exact(const blob *sig)
{
	const unsigned char *p = sig->p;
	ECDSA_SIG *es = d2i_ECDSA_SIG(NULL, &p, (long)sig->n);
	unsigned char *der = NULL;
	int n = es && p == sig->p + sig->n ? i2d_ECDSA_SIG(es, &der) : -1;
	int ok = n > 0 && (size_t)n == sig->n && !memcmp(der, sig->p, sig->n);
	OPENSSL_free(der);
	ECDSA_SIG_free(es);
	ERR_clear_error();
	return ok;
}

static int check_sm2(vctx *v, const blob *man)
{
	blob sig = {NULL, 0, 0}, cert = {NULL, 0, 0}, chain = {NULL, 0, 0};
	STACK_OF(X509) *leafs = NULL, *inter = NULL, *path = NULL;
	X509 *leaf;
	EVP_MD_CTX *m = NULL;
	dz_policy_why w;
	unsigned char sm3[32];
	int rc, i, ok, exact_leaf, exact_chain = 1;
	if ((rc = read_small(v, v->idx[I_SM2], 1024, &sig, "SM2 signature")) != 0 ||
	    (rc = read_small(v, v->idx[I_SM2CERT], 64u << 10, &cert, "SM2 certificate")) != 0 ||
	    (v->idx[I_SM2CHAIN] >= 0 &&
	     (rc = read_small(v, v->idx[I_SM2CHAIN], 256u << 10, &chain, "SM2 chain")) != 0))
		goto done;
	if (!sm2_sig_exact(&sig)) {
		rc = dz_reject(v->prob, "sm2-signature-format", DZ_SM2_NAME, "", "",
			       "SM2 签名文件必须恰是一个 DER 编码的 SEQUENCE {r, s}",
			       "the SM2 signature file must be exactly one DER SEQUENCE {r, s}");
		goto done;
	}
	leafs = pem_certs(&cert, &exact_leaf);
	inter = chain.p ? pem_certs(&chain, &exact_chain) : sk_X509_new_null();
	if (!leafs || !inter) {
		rc = DOSSIER_ENOMEM;
		goto done;
	}
	if (sk_X509_num(leafs) != 1 || !exact_leaf) {
		rc = reject_certfile(v, DZ_SM2_CERT_NAME,
				     "SM2 签名者证书文件必须恰含一张 PEM 证书，别无他物",
				     "the SM2 signer file must hold exactly one PEM certificate and "
				     "nothing else");
		goto done;
	}
	if (!exact_chain) {
		rc = reject_certfile(v, DZ_SM2_CHAIN_NAME, "SM2 证书链文件只能含 PEM 证书，别无他物",
				     "the SM2 chain file must hold PEM certificates and nothing else");
		goto done;
	}
	leaf = sk_X509_value(leafs, 0);
	if (!EVP_PKEY_is_a(X509_get0_pubkey(leaf), "SM2")) {
		rc = dz_reject(v->prob, "signature-format", DZ_SM2_CERT_NAME, "", "",
			       "SM2 签名者证书的公钥不是 SM2", "the SM2 signer's certificate has no SM2 key");
		goto done;
	}
	if ((rc = check_policy_leaf(v, leaf, DZ_SM2_CERT_NAME)) != 0)
		goto done;
	if (!dz_policy_md(&v->policy, NID_sm3)) {
		rc = dz_reject(v->prob, "signature-algorithm", DZ_SM2_NAME, "", "",
			       "算法策略不接受 SM3，SM2 签名因此不被接受",
			       "the algorithm policy does not accept SM3, so the SM2 signature is not "
			       "accepted");
		goto done;
	}
	/* the manifest, which the SM2 signature covers, names this very
	 * certificate by its SM3 digest: a second certificate for the same
	 * key (another name, another CA) cannot be slipped in */
	if ((rc = dz_cert_sm3(leaf, sm3)) != 0)
		goto done;
	if (CRYPTO_memcmp(sm3, v->r->m.sm2_cert_sm3, 32)) {
		rc = dz_reject(v->prob, "sm2-signer-mismatch", DZ_SM2_CERT_NAME,
			       "签名者证书被换成了另一张（可能同一密钥、不同身份）；不要使用这个软件包。",
			       "The signer's certificate was replaced by another (perhaps for the same "
			       "key, naming someone else); do not use this package.",
			       "SM2 签名者证书不是清单（certificate-sm3）所指定的那一张",
			       "the SM2 signer's certificate is not the one the manifest names "
			       "(certificate-sm3)");
		goto done;
	}
	/* GM/T 0009: certificates issued by a Chinese CA are signed with the
	 * default ID; OpenSSL 3.0 must be told so for every non-root link */
	if ((rc = set_distid(leaf)) != 0)
		goto done;
	for (i = 0; i < sk_X509_num(inter); i++)
		if ((rc = set_distid(sk_X509_value(inter, i))) != 0)
			goto done;
	if ((rc = check_chain(v, leaf, inter, "sm2-untrusted", "signer-expired", DZ_SM2_CERT_NAME,
			      &path, 0, X509_PURPOSE_ANY)) != 0)
		goto done;
	if (!dz_policy_chain(&v->policy, path, &w)) {
		rc = reject_policy(v, &w, DZ_SM2_CERT_NAME);
		goto done;
	}
	if ((rc = check_carried(v, inter, path, DZ_SM2_CHAIN_NAME)) != 0 ||
	    (rc = check_usage(v, leaf, DZ_SM2_CERT_NAME)) != 0)
		goto done;
	m = EVP_MD_CTX_new();
	ok = m && dz_sm2_md_init(m, X509_get0_pubkey(leaf), 0) &&
	     EVP_DigestVerify(m, sig.p, sig.n, man->p, man->n) == 1;
	ERR_clear_error();
	if (!ok) {
		rc = dz_reject(v->prob, "sm2-signature-invalid", DZ_MANIFEST_NAME,
			       "清单在签名之后被改动过；不要使用这个软件包。",
			       "The manifest was changed after it was signed; do not use this package.",
			       "SM2 签名与清单不符", "the SM2 signature does not match the manifest");
		goto done;
	}
	if (!(v->r->sm2_signer = dz_x509_name(X509_get_subject_name(leaf))))
		rc = DOSSIER_ENOMEM;
done:
	EVP_MD_CTX_free(m);
	sk_X509_pop_free(leafs, X509_free);
	sk_X509_pop_free(inter, X509_free);
	sk_X509_pop_free(path, X509_free);
	dz_free(sig.p);
	dz_free(cert.p);
	dz_free(chain.p);
	return rc;
}

/* ================= 6: digests ================= */

typedef struct {
	vctx *v;
	dz_hash h;
	const char *name;
} hsink;

static int progress(vctx *v, const char *entry)
{
	dossier_progress pr;
	if (!v->opt->progress)
		return 0;
	pr.done = v->done;
	pr.total = v->total;
	pr.entry = entry;
	if (v->opt->progress(&pr, v->opt->payload))
		return dz_err(DOSSIER_ERROR, v->path, 0, 0, "已中断", "interrupted", "", "");
	return 0;
}

static int hash_sink(void *payload, const unsigned char *p, size_t n)
{
	hsink *s = payload;
	if (dz_hash_update(&s->h, p, n) != 0)
		return DOSSIER_ERROR;
	s->v->done += n;
	return progress(s->v, s->name);
}

static int check_digests(vctx *v)
{
	dz_manifest *m = &v->r->m;
	size_t j;
	int rc = 0;
	for (j = 0; j < m->n && rc == 0; j++) {
		hsink s;
		unsigned char sha[32], sm3[32];
		s.v = v;
		s.name = m->e[j].name;
		if ((rc = dz_hash_init(&s.h, m->has_sm3)) != 0)
			break;
		rc = dz_zipr_read(v->z, v->data_idx[j], hash_sink, &s, v->prob);
		if (rc == 0 && dz_hash_final(&s.h, sha, sm3) != 0)
			rc = DOSSIER_ERROR;
		dz_hash_dispose(&s.h);
		if (rc)
			break;
		if (CRYPTO_memcmp(sha, m->e[j].sha256, 32))
			rc = dz_reject(v->prob, "digest-mismatch", m->e[j].name,
				       "条目内容在签名之后被改动过；不要使用这个软件包。",
				       "The entry was changed after signing; do not use this package.",
				       "SHA-256 摘要与清单不符", "the SHA-256 digest does not match the manifest");
		else if (m->has_sm3 && CRYPTO_memcmp(sm3, m->e[j].sm3, 32))
			rc = dz_reject(v->prob, "sm3-mismatch", m->e[j].name,
				       "条目内容在签名之后被改动过；不要使用这个软件包。",
				       "The entry was changed after signing; do not use this package.",
				       "SM3 摘要与清单不符", "the SM3 digest does not match the manifest");
	}
	return rc;
}

/* ================= the whole ================= */

/* --crl FILE: CRLs in PEM (any number) or one in DER. */
static int load_crls(vctx *v)
{
	char *data = NULL;
	size_t len;
	BIO *b;
	X509_CRL *c;
	int rc;
	if ((rc = dz_read_file(&data, &len, v->opt->crl_file, 64u << 20)) != 0)
		return rc;
	if (!(v->crls = sk_X509_CRL_new_null()) || !(b = BIO_new_mem_buf(data, (int)len))) {
		dz_free(data);
		return DOSSIER_ENOMEM;
	}
	if (strstr(data, "-----BEGIN")) {
		while ((c = PEM_read_bio_X509_CRL(b, NULL, NULL, NULL)) != NULL)
			if (!sk_X509_CRL_push(v->crls, c))
				X509_CRL_free(c);
	} else if ((c = d2i_X509_CRL_bio(b, NULL)) != NULL && !sk_X509_CRL_push(v->crls, c)) {
		X509_CRL_free(c);
	}
	BIO_free(b);
	dz_free(data);
	ERR_clear_error();
	if (sk_X509_CRL_num(v->crls) == 0)
		return dz_err(DOSSIER_EPARSE, v->opt->crl_file, 0, 0, "文件中没有可读的吊销列表",
			      "no readable CRL in the file",
			      "给出 CA 发布的 CRL（PEM 或 DER）。", "Give a CRL the CA published (PEM or DER).");
	return 0;
}

static int load_store(vctx *v)
{
	struct stat st;
	v->store = X509_STORE_new();
	if (!v->store)
		return DOSSIER_ENOMEM;
	if (v->opt->ca_file) {
		if (stat(v->opt->ca_file, &st) != 0 || !S_ISREG(st.st_mode))
			return dz_errf(DOSSIER_ENOTFOUND, v->opt->ca_file, 0, 0,
				       "给出 PEM 格式的 CA 证书文件。", "Give a PEM file of CA certificates.",
				       "无法读取 CA 文件（%s）", "cannot read the CA file (%s)",
				       S_ISREG(st.st_mode) ? strerror(errno) : "not a file");
		if (!X509_STORE_load_file(v->store, v->opt->ca_file))
			return dz_errf(DOSSIER_EPARSE, v->opt->ca_file, 0, 0,
				       "给出 PEM 格式的 CA 证书文件。", "Give a PEM file of CA certificates.",
				       "CA 文件中没有可用的证书（%s）", "no usable certificate in the CA file (%s)",
				       dz_ssl_error());
	} else if (!X509_STORE_set_default_paths(v->store)) {
		return dz_err(DOSSIER_ENOTFOUND, "", 0, 0, "无法读取系统的受信任证书",
			      "cannot read the system's trusted certificates",
			      "用 --ca 给出 CA 证书。", "Give the CA certificates with --ca.");
	}
	X509_STORE_set_purpose(v->store, X509_PURPOSE_ANY);
	X509_STORE_set_flags(v->store, X509_V_FLAG_X509_STRICT);
	ERR_clear_error();
	return v->opt->crl_file ? load_crls(v) : 0;
}

static int verify_all(vctx *v)
{
	blob man = {NULL, 0, 0}, sig = {NULL, 0, 0};
	struct stat st;
	dz_zlimits lim;
	int rc;
	if (fstat(v->fd, &st) != 0 || !S_ISREG(st.st_mode))
		return dz_err(DOSSIER_EUSAGE, v->path, 0, 0, "不是普通文件", "not a regular file",
			      "给出软件包文件。", "Give the package file.");
	if ((uint64_t)st.st_size > v->opt->max_package)
		return dz_reject(v->prob, "limit-package-size", "",
				 "如确属正常，用 --max-package 提高上限。",
				 "If this is expected, raise --max-package.",
				 "软件包 %llu 字节，超过上限 %llu",
				 "the package is %llu bytes, over the limit of %llu",
				 (unsigned long long)st.st_size,
				 (unsigned long long)v->opt->max_package);
	for (rc = 0; rc < 5; rc++)
		v->idx[rc] = -1;
	lim.max_entries = v->opt->max_entries;
	lim.max_entry_size = v->opt->max_entry_size;
	lim.max_total = v->opt->max_total;
	lim.max_ratio = v->opt->max_ratio ? v->opt->max_ratio : 200;
	lim.ratio_floor = 1u << 20;
	lim.max_expansion = v->opt->max_expansion ? v->opt->max_expansion : 100;
	if ((rc = dz_zipr_open(&v->z, v->fd, (uint64_t)st.st_size, v->path, &lim, v->prob)) != 0 ||
	    (rc = check_mimetype(v)) != 0 || (rc = check_names(v)) != 0)
		return rc;
	if (v->idx[I_MANIFEST] < 0)
		return dz_reject(v->prob, "meta-inf-missing", DZ_MANIFEST_NAME,
				 "这不是已签名的软件包。", "This is not a signed package.",
				 "没有清单", "there is no manifest");
	if (!(v->want = dz_calloc(dz_zipr_count(v->z), sizeof *v->want)))
		return DOSSIER_ENOMEM;
	if ((rc = read_small(v, v->idx[I_MANIFEST], DZ_MAX_MANIFEST, &man, "manifest")) != 0)
		goto done;
	if ((rc = dz_manifest_parse(&v->r->m, (const char *)man.p, man.n, v->prob)) != 0 ||
	    (rc = check_meta_set(v)) != 0 || (rc = check_coverage(v)) != 0)
		goto done;
	if (v->r->m.has_cms) {
		if ((rc = read_small(v, v->idx[I_CMS], DZ_MAX_SIGFILE, &sig, "signature")) != 0 ||
		    (rc = check_cms(v, &sig, &man)) != 0)
			goto done;
	}
	if (v->r->m.has_sm2 && (rc = check_sm2(v, &man)) != 0)
		goto done;
	if ((rc = progress(v, "")) != 0)
		goto done;
	rc = check_digests(v);
done:
	dz_free(man.p);
	dz_free(sig.p);
	return rc;
}

static int fill_result(dossier_verify_result *r, uint64_t total)
{
	dz_manifest *m = &r->m;
	dossier_verify_info *in = &r->info;
	size_t i;
	in->signer = r->signer ? r->signer : "";
	in->signer_issuer = r->issuer ? r->issuer : "";
	in->signing_time = r->stime ? r->stime : "";
	in->timestamp = r->tstime ? r->tstime : "";
	in->tsa = r->tsa ? r->tsa : "";
	in->sm2_signer = r->sm2_signer ? r->sm2_signer : "";
	in->created = m->created ? m->created : "";
	in->scheme = m->scheme ? m->scheme : "";
	in->stage = m->stage ? m->stage : "";
	in->centre = m->centre ? m->centre : "";
	in->tool = m->tool ? m->tool : "";
	in->complete = m->complete;
	in->errors = m->errors;
	in->entries = m->n;
	in->bytes = total;
	in->sm3 = m->has_sm3;
	r->entries = dz_calloc(m->n ? m->n : 1, sizeof *r->entries);
	if (!r->entries)
		return DOSSIER_ENOMEM;
	for (i = 0; i < m->n; i++) {
		r->entries[i].name = m->e[i].name;
		r->entries[i].media_type = m->e[i].media ? m->e[i].media : "";
		r->entries[i].role = m->e[i].role ? m->e[i].role : "";
		r->entries[i].supports = m->e[i].supports ? m->e[i].supports : "";
		r->entries[i].size = m->e[i].size;
	}
	return 0;
}

int dossier_verify_run(dossier_verify_result **out, const char *path,
		       const dossier_verify_options *opts)
{
	dossier_verify_options o = DOSSIER_VERIFY_OPTIONS_INIT;
	dossier_verify_result *r;
	vctx v;
	int rc;
	*out = NULL;
	if (opts && opts->version >= 3)
		o = *opts;
	else if (opts && opts->version == 2)
		memcpy(&o, opts, offsetof(dossier_verify_options, crl_file));
	else if (opts) /* version 1: the fields before max_expansion */
		memcpy(&o, opts, offsetof(dossier_verify_options, max_expansion));
	o.version = DOSSIER_VERIFY_OPTIONS_VERSION;
	opts = &o;
	memset(&v, 0, sizeof v);
	v.path = path;
	v.opt = opts;
	v.fd = -1;
	if (opts->extract_dir && (rc = dz_extract_precheck(opts->extract_dir)) != 0)
		return rc;
	if (!(r = dz_calloc(1, sizeof *r)))
		return DOSSIER_ENOMEM;
	/* verify.h promises "" for what is absent, after a reject too */
	r->info.signer = r->info.signer_issuer = r->info.signing_time = "";
	r->info.sm2_signer = r->info.created = r->info.scheme = r->info.stage = "";
	r->info.centre = r->info.tool = "";
	r->info.timestamp = r->info.tsa = "";
	v.r = r;
	v.prob = &r->prob;
	dz_xml_init();
	dz_policy_default(&v.policy);
	if ((rc = load_store(&v)) != 0 ||
	    (opts->policy_file && (rc = dz_policy_load(&v.policy, opts->policy_file)) != 0))
		goto done;
	v.fd = open(path, O_RDONLY | O_CLOEXEC);
	if (v.fd < 0) {
		rc = dz_errf(errno == ENOENT ? DOSSIER_ENOTFOUND : DOSSIER_EIO, path, 0, 0,
			     "检查软件包的路径。", "Check the package's path.",
			     "无法打开软件包（%s）", "cannot open the package (%s)", strerror(errno));
		goto done;
	}
	rc = verify_all(&v);
	/* the result is complete before anything is extracted: nothing can
	 * fail after the files are on disk */
	if (rc == 0)
		rc = fill_result(r, v.total);
	if (rc == 0 && opts->extract_dir)
		rc = dz_extract(v.z, opts->extract_dir, v.want, opts, v.total, v.prob);
	if (rc == 0 || rc == DZ_REJECTED) {
		r->passed = rc == 0;
		rc = 0;
	}
done:
	if (rc == 0 && !r->passed) {
		r->pub.reason = r->prob.id;
		r->pub.entry = r->prob.entry;
		r->pub.msg_zh = r->prob.zh;
		r->pub.msg_en = r->prob.en;
		r->pub.hint_zh = r->prob.hint_zh;
		r->pub.hint_en = r->prob.hint_en;
	}
	if (rc == DOSSIER_ENOMEM && !dossier_error_last())
		dz_err(rc, path, 0, 0, "内存不足", "out of memory", "", "");
	dz_zipr_free(v.z);
	if (v.fd >= 0)
		close(v.fd);
	X509_STORE_free(v.store);
	sk_X509_CRL_pop_free(v.crls, X509_CRL_free);
	dz_free(v.data_idx);
	dz_free(v.want);
	if (rc) {
		dossier_verify_result_free(r);
		return rc;
	}
	*out = r;
	return 0;
}

int dossier_verify_result_passed(const dossier_verify_result *r) { return r->passed; }

const dossier_verify_problem *dossier_verify_result_problem(const dossier_verify_result *r)
{
	return r->passed ? NULL : &r->pub;
}

const dossier_verify_info *dossier_verify_result_info(const dossier_verify_result *r)
{
	return &r->info;
}

size_t dossier_verify_result_count(const dossier_verify_result *r)
{
	return r->passed ? r->m.n : 0;
}

const dossier_verify_entry *dossier_verify_result_entry(const dossier_verify_result *r, size_t i)
{
	return r->passed && i < r->m.n ? &r->entries[i] : NULL;
}

void dossier_verify_result_free(dossier_verify_result *r)
{
	if (!r)
		return;
	dz_problem_dispose(&r->prob);
	dz_manifest_dispose(&r->m);
	dz_free(r->signer);
	dz_free(r->issuer);
	dz_free(r->stime);
	dz_free(r->sm2_signer);
	dz_free(r->tstime);
	dz_free(r->tsa);
	dz_free(r->entries);
	dz_free(r);
}
