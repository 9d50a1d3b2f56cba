/*
 * policy.c — the algorithm policy (doc/package.md, "Algorithm policy"):
 * which keys and hash functions a signature may rest on.
 *
 * One policy for every link: the CAdES signer and each certificate of its
 * chain, the SM2 signer and its chain, and (with time-stamps) the TSA's
 * chain. By default RSA keys of at least 2048 bits, EC keys on P-256, P-384,
 * P-521 or SM2 only, and SHA-256/384/512 or SM3 in every signature,
 * certificates included; SHA-1 and MD5 never. The trust anchor's own
 * signature is not judged (a root is trusted because it is in the trust
 * store, not because of its self-signature), its key is.
 *
 * `verify --policy FILE` can only tighten this: a larger RSA minimum, fewer
 * curves, fewer hash functions. `pack` applies the default policy to its
 * signers, so it never writes a package verify refuses on these grounds.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include "util/util.h"
#include "util/text.h"
#include "pack_int.h"

static const struct {
	unsigned bit;
	const char *name;    /* as the policy file and messages say it */
	const char *group;   /* OpenSSL's group name */
} curves[] = {{DZ_CURVE_P256, "P-256", "prime256v1"},
	      {DZ_CURVE_P384, "P-384", "secp384r1"},
	      {DZ_CURVE_P521, "P-521", "secp521r1"},
	      {DZ_CURVE_SM2, "SM2", "SM2"}};

static const struct {
	unsigned bit;
	const char *name;
	int nid;
} digests[] = {{DZ_MD_SHA256, "sha256", NID_sha256},
	       {DZ_MD_SHA384, "sha384", NID_sha384},
	       {DZ_MD_SHA512, "sha512", NID_sha512},
	       {DZ_MD_SM3, "sm3", NID_sm3}};

#define NCURVES (sizeof curves / sizeof curves[0])
#define NDIGESTS (sizeof digests / sizeof digests[0])

void dz_policy_default(dz_policy *p)
{
	p->rsa_min = 2048;
	p->curves = DZ_CURVE_P256 | DZ_CURVE_P384 | DZ_CURVE_P521 | DZ_CURVE_SM2;
	p->digests = DZ_MD_SHA256 | DZ_MD_SHA384 | DZ_MD_SHA512 | DZ_MD_SM3;
}

int dz_policy_md(const dz_policy *p, int nid)
{
	size_t i;
	for (i = 0; i < NDIGESTS; i++)
		if (digests[i].nid == nid)
			return (p->digests & digests[i].bit) != 0;
	return 0;
}

/* "sha256 sha384" for messages (static buffer per call site is enough: the
 * caller formats it at once). */
static void list_names(char *buf, size_t cap, unsigned bits, int of_curves)
{
	size_t i, n = of_curves ? NCURVES : NDIGESTS, used = 0;
	buf[0] = '\0';
	for (i = 0; i < n; i++) {
		unsigned bit = of_curves ? curves[i].bit : digests[i].bit;
		const char *name = of_curves ? curves[i].name : digests[i].name;
		if (bits & bit) {
			int w = snprintf(buf + used, cap - used, "%s%s", used ? " " : "", name);
			if (w < 0 || (size_t)w >= cap - used)
				return;
			used += (size_t)w;
		}
	}
}

static int why(dz_policy_why *w, const char *id, X509 *x, const char *zh,
	       const char *en)
{
	char *subj = x ? dz_x509_name(X509_get_subject_name(x)) : NULL;
	w->id = id;
	snprintf(w->zh, sizeof w->zh, "%s%s%s", subj ? "证书（" : "", subj ? subj : "",
		 subj ? "）：" : "");
	snprintf(w->en, sizeof w->en, "%s%s%s", subj ? "the certificate (" : "",
		 subj ? subj : "", subj ? "): " : "");
	strncat(w->zh, zh, sizeof w->zh - strlen(w->zh) - 1);
	strncat(w->en, en, sizeof w->en - strlen(w->en) - 1);
	dz_free(subj);
	return 0;
}

int dz_policy_key(const dz_policy *p, EVP_PKEY *k, X509 *x, dz_policy_why *w)
{
	char zh[200], en[200], allowed[64];
	if (!k)
		return why(w, "policy-key-type", x, "无法读取公钥", "the public key cannot be read");
	if (EVP_PKEY_is_a(k, "RSA") || EVP_PKEY_is_a(k, "RSA-PSS")) {
		int bits = EVP_PKEY_get_bits(k);
		if (bits >= 0 && (unsigned)bits >= p->rsa_min)
			return 1;
		snprintf(zh, sizeof zh, "RSA 密钥只有 %d 位，策略要求至少 %u 位", bits, p->rsa_min);
		snprintf(en, sizeof en, "the RSA key has %d bits where the policy asks for at "
			 "least %u", bits, p->rsa_min);
		return why(w, "policy-rsa-size", x, zh, en);
	}
	if (EVP_PKEY_is_a(k, "EC") || EVP_PKEY_is_a(k, "SM2")) {
		char g[64] = "";
		size_t gl = 0, i;
		if (EVP_PKEY_is_a(k, "SM2"))
			strcpy(g, "SM2");
		else if (!EVP_PKEY_get_utf8_string_param(k, OSSL_PKEY_PARAM_GROUP_NAME, g,
							 sizeof g, &gl))
			g[0] = '\0';   /* explicit parameters: no named curve */
		for (i = 0; i < NCURVES; i++)
			if (!strcmp(g, curves[i].group) && (p->curves & curves[i].bit))
				return 1;
		list_names(allowed, sizeof allowed, p->curves, 1);
		snprintf(zh, sizeof zh, "椭圆曲线 %s 不在策略允许的曲线（%s）之内",
			 g[0] ? g : "（显式参数）", allowed);
		snprintf(en, sizeof en, "the elliptic curve %s is not one the policy allows (%s)",
			 g[0] ? g : "(explicit parameters)", allowed);
		return why(w, "policy-curve", x, zh, en);
	}
	snprintf(zh, sizeof zh, "密钥类型 %s 不被接受（只接受 RSA、ECDSA 与 SM2）",
		 EVP_PKEY_get0_type_name(k) ? EVP_PKEY_get0_type_name(k) : "?");
	snprintf(en, sizeof en, "the key type %s is not accepted (RSA, ECDSA and SM2 only)",
		 EVP_PKEY_get0_type_name(k) ? EVP_PKEY_get0_type_name(k) : "?");
	return why(w, "policy-key-type", x, zh, en);
}

int dz_policy_cert(const dz_policy *p, X509 *x, int anchor, dz_policy_why *w)
{
	int mdnid = NID_undef, pknid = NID_undef;
	uint32_t flags = 0;
	char zh[200], en[200], allowed[64];
	if (!dz_policy_key(p, X509_get0_pubkey(x), x, w))
		return 0;
	if (anchor)
		return 1;
	if (!X509_get_signature_info(x, &mdnid, &pknid, NULL, &flags) ||
	    !(flags & X509_SIG_INFO_VALID))
		mdnid = NID_undef;
	if (dz_policy_md(p, mdnid))
		return 1;
	list_names(allowed, sizeof allowed, p->digests, 0);
	snprintf(zh, sizeof zh, "证书用 %s 签名，策略不接受（接受 %s）",
		 mdnid != NID_undef ? OBJ_nid2sn(mdnid) : OBJ_nid2sn(X509_get_signature_nid(x)),
		 allowed);
	snprintf(en, sizeof en, "the certificate is signed with %s, which the policy does not "
		 "accept (accepted: %s)",
		 mdnid != NID_undef ? OBJ_nid2sn(mdnid) : OBJ_nid2sn(X509_get_signature_nid(x)),
		 allowed);
	return why(w, "policy-cert-hash", x, zh, en);
}

int dz_policy_chain(const dz_policy *p, STACK_OF(X509) *chain, dz_policy_why *w)
{
	int i, n = sk_X509_num(chain);
	for (i = 0; i < n; i++) {
		X509 *x = sk_X509_value(chain, i);
		/* the last link is the trust anchor if it signed itself */
		int anchor = i == n - 1 && (X509_get_extension_flags(x) & EXFLAG_SS);
		if (!dz_policy_cert(p, x, anchor, w))
			return 0;
	}
	return 1;
}

/* ---- the policy file ---- */

static int perr(const char *path, int line, const char *zh, const char *en)
{
	return dz_err(DOSSIER_EUSAGE, path, line, 0, zh, en,
		      "策略文件每行一项：rsa-min-bits = N、curves = …、digests = …（见 "
		      "doc/package.md“算法策略”）；只能收紧默认策略。",
		      "One setting a line: rsa-min-bits = N, curves = ..., digests = ... "
		      "(doc/package.md, \"Algorithm policy\"); a policy can only tighten the "
		      "default one.");
}

/* Parse a space-separated subset of the names of `of_curves` ? curves :
 * digests into *bits; 0, or -1 with the unknown word in `bad`. */
static int parse_set(char *v, int of_curves, unsigned *bits, char *bad, size_t badcap)
{
	char *tok, *save = NULL;
	*bits = 0;
	for (tok = strtok_r(v, " \t,", &save); tok; tok = strtok_r(NULL, " \t,", &save)) {
		size_t i, n = of_curves ? NCURVES : NDIGESTS;
		for (i = 0; i < n; i++)
			if (!strcasecmp(tok, of_curves ? curves[i].name : digests[i].name))
				break;
		if (i == n) {
			snprintf(bad, badcap, "%s", tok);
			return -1;
		}
		*bits |= of_curves ? curves[i].bit : digests[i].bit;
	}
	return 0;
}

int dz_policy_load(dz_policy *p, const char *path)
{
	char *data = NULL, *line, *next, bad[64];
	size_t len;
	int rc, lineno = 0, seen = 0;
	dz_policy def;
	dz_policy_default(p);
	def = *p;
	if ((rc = dz_read_file(&data, &len, path, 64u << 10)) != 0)
		return rc;
	if (strlen(data) != len) {
		dz_free(data);
		return perr(path, 0, "策略文件含 NUL 字节", "the policy file holds a NUL byte");
	}
	for (line = data; line && rc == 0; line = next) {
		char *eq, *k, *v, *hash;
		unsigned bits = 0;
		int which;
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		lineno++;
		if ((hash = strchr(line, '#')) != NULL)
			*hash = '\0';
		k = dz_trim(line);
		if (!*k)
			continue;
		if (!(eq = strchr(k, '='))) {
			rc = perr(path, lineno, "应为“名称 = 值”", "expected \"name = value\"");
			break;
		}
		*eq = '\0';
		k = dz_trim(k);
		v = dz_trim(eq + 1);
		which = !strcmp(k, "rsa-min-bits") ? 1 : !strcmp(k, "curves") ? 2
			: !strcmp(k, "digests") ? 4 : 0;
		if (!which) {
			rc = perr(path, lineno, "未知的设置（只有 rsa-min-bits、curves、digests）",
				  "unknown setting (there are rsa-min-bits, curves and digests)");
		} else if (seen & which) {
			rc = perr(path, lineno, "该设置出现了两次", "the setting appears twice");
		} else if (which == 1) {
			char *end;
			unsigned long b;
			errno = 0;
			b = strtoul(v, &end, 10);
			if (!*v || *end || errno || b > 16384)
				rc = perr(path, lineno, "rsa-min-bits 应为不超过 16384 的整数",
					  "rsa-min-bits must be a whole number up to 16384");
			else if (b < def.rsa_min)
				rc = perr(path, lineno, "rsa-min-bits 低于默认的 2048：策略只能收紧",
					  "rsa-min-bits is below the default 2048: a policy can only "
					  "tighten");
			else
				p->rsa_min = (unsigned)b;
		} else if (parse_set(v, which == 2, &bits, bad, sizeof bad) != 0) {
			rc = dz_errf(DOSSIER_EUSAGE, path, lineno, 0,
				     "曲线：P-256 P-384 P-521 SM2；摘要：sha256 sha384 sha512 sm3。",
				     "Curves: P-256 P-384 P-521 SM2; digests: sha256 sha384 sha512 sm3.",
				     "不认识“%s”（或默认策略不接受它：策略只能收紧）",
				     "unknown \"%s\" (or one the default policy refuses: a policy "
				     "can only tighten)", bad);
		} else if (!bits) {
			rc = perr(path, lineno, "列表为空：什么都不接受的策略没有意义",
				  "the list is empty: a policy that accepts nothing is of no use");
		} else if (which == 2) {
			p->curves = bits;
		} else {
			p->digests = bits;
		}
		seen |= which;
	}
	dz_free(data);
	return rc;
}
