/*
 * signer.c — signing keys and the two signatures a package can carry.
 *
 * Keys come from PEM (PKCS#8 or traditional, encrypted or not), DER PKCS#8
 * or PKCS#12; a password is asked of the caller's callback only when a key
 * turns out to be encrypted (the library never reads a terminal). The
 * certificate must match the key, be valid now, and allow signing.
 *
 * CAdES: a detached CMS SignedData over the manifest with SHA-256 and the
 * signed attributes content-type, message-digest, signing-time and ESS
 * signing-certificate-v2 (CMS_CADES). OpenSSL 3.0 cannot make a CMS
 * signature with SM2 (doc/package.md), so an SM2 key signs the manifest with
 * a plain SM2 signature using SM3 and the GM/T 0009 distinguishing ID
 * 1234567812345678 — what `openssl dgst -sm3 -sigopt distid:...` checks.
 */
#include <string.h>
#include <openssl/cms.h>
#include <openssl/core_names.h>
#include <openssl/decoder.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509v3.h>
#include "util/util.h"
#include "util/text.h"
#include "pack_int.h"

const char *dz_ssl_error(void)
{
	static _Thread_local char buf[256];
	unsigned long e, last = 0;
	while ((e = ERR_get_error()) != 0)
		last = e;
	if (!last)
		return "no detail";
	ERR_error_string_n(last, buf, sizeof buf);
	return buf;
}

char *dz_x509_name(const X509_NAME *n)
{
	BIO *b = BIO_new(BIO_s_mem());
	char *s = NULL, *data;
	long len;
	if (!b)
		return NULL;
	if (X509_NAME_print_ex(b, n, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) >= 0) {
		len = BIO_get_mem_data(b, &data);
		s = dz_strndup(data, len > 0 ? (size_t)len : 0);
	}
	BIO_free(b);
	return s;
}

char *dz_asn1_time_iso(const ASN1_TIME *t)
{
	struct tm tm;
	char buf[32];
	if (!t || !ASN1_TIME_to_tm(t, &tm))
		return NULL;
	strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return dz_strdup(buf);
}

int dz_cert_can_sign(X509 *cert, const char **why_zh, const char **why_en)
{
	uint32_t ku;
	EXTENDED_KEY_USAGE *eku;
	int crit = 0, ok = 1, i;
	X509_check_purpose(cert, -1, 0);   /* caches the extensions */
	ku = X509_get_key_usage(cert);
	if (ku != UINT32_MAX && !(ku & (KU_DIGITAL_SIGNATURE | KU_NON_REPUDIATION))) {
		*why_zh = "证书的密钥用法（keyUsage）不含 digitalSignature 或 nonRepudiation";
		*why_en = "the certificate's key usage has neither digitalSignature nor nonRepudiation";
		return 0;
	}
	eku = X509_get_ext_d2i(cert, NID_ext_key_usage, &crit, NULL);
	if (eku) {
		ok = 0;
		for (i = 0; i < sk_ASN1_OBJECT_num(eku); i++) {
			char oid[80];
			OBJ_obj2txt(oid, sizeof oid, sk_ASN1_OBJECT_value(eku, i), 1);
			if (!strcmp(oid, "1.3.6.1.5.5.7.3.4") ||      /* emailProtection */
			    !strcmp(oid, "1.3.6.1.5.5.7.3.36") ||     /* documentSigning */
			    !strcmp(oid, "2.5.29.37.0") ||            /* anyExtendedKeyUsage */
			    !strcmp(oid, "1.3.6.1.4.1.311.10.3.12") || /* Microsoft document signing */
			    !strcmp(oid, "1.2.840.113583.1.1.5"))      /* Adobe authentic documents */
				ok = 1;
		}
		sk_ASN1_OBJECT_pop_free(eku, ASN1_OBJECT_free);
		if (!ok) {
			*why_zh = "证书的扩展密钥用法（extendedKeyUsage）不允许签署文档"
				  "（需含 emailProtection 或 documentSigning）";
			*why_en = "the certificate's extended key usage does not allow signing "
				  "documents (emailProtection or documentSigning is needed)";
			return 0;
		}
	} else if (crit < -1 || (X509_get_extension_flags(cert) & EXFLAG_INVALID)) {
		*why_zh = "证书的扩展无法解析";
		*why_en = "the certificate's extensions cannot be parsed";
		return 0;
	}
	return 1;
}

/* ---- loading ---- */

typedef struct {
	dossier_password_cb cb;
	void *payload;
	const char *what;
	int asked, refused;
	char pass[1024];
	int have;
} pwctx;

static int get_pass(pwctx *p)
{
	int n;
	if (p->have)
		return 0;
	p->asked = 1;
	n = p->cb ? p->cb(p->pass, sizeof p->pass, p->what, p->payload) : -1;
	if (n < 0 || (size_t)n >= sizeof p->pass) {
		p->refused = 1;
		return -1;
	}
	p->pass[n] = '\0';
	p->have = 1;
	return 0;
}

static int pem_cb(char *buf, int size, int rwflag, void *u)
{
	pwctx *p = u;
	size_t n;
	(void)rwflag;
	if (get_pass(p))
		return -1;
	n = strlen(p->pass);
	if (n >= (size_t)size)
		return -1;
	memcpy(buf, p->pass, n + 1);
	return (int)n;
}

static int key_error(const pwctx *pw, const char *path)
{
	if (pw->refused)
		return dz_err(DOSSIER_EUSAGE, path, 0, 0, "私钥已加密，但没有给出口令",
			      "the private key is encrypted and no password was given",
			      "用 --password-file 文件 或 --password-env 变量名 给出口令，"
			      "或在终端上运行以便输入口令。",
			      "Give the password with --password-file FILE or --password-env VAR, "
			      "or run on a terminal to be asked for it.");
	if (pw->asked)
		return dz_errf(DOSSIER_EUSAGE, path, 0, 0,
			       "检查口令；口令文件只取第一行。",
			       "Check the password; only the first line of a password file is used.",
			       "私钥口令错误，或文件已损坏（%s）",
			       "wrong password for the private key, or the file is damaged (%s)",
			       dz_ssl_error());
	return dz_errf(DOSSIER_EPARSE, path, 0, 0,
		       "给出 PEM 或 DER 私钥，或 PKCS#12（.p12/.pfx）文件。",
		       "Give a PEM or DER private key, or a PKCS#12 (.p12/.pfx) file.",
		       "无法读取私钥（%s）", "cannot read the private key (%s)", dz_ssl_error());
}

static int add_certs(STACK_OF(X509) *sk, BIO *b)
{
	X509 *x;
	int n = 0;
	while ((x = PEM_read_bio_X509(b, NULL, NULL, NULL)) != NULL) {
		if (!sk_X509_push(sk, x)) {
			X509_free(x);
			return -1;
		}
		n++;
	}
	ERR_clear_error();   /* the end of the file reads as an error */
	return n;
}

/* Certificates from a PEM or DER file: the first one, then any others. */
static int load_certs(STACK_OF(X509) *sk, const char *path)
{
	char *data = NULL;
	size_t len;
	BIO *b;
	int rc, n;
	if ((rc = dz_read_file(&data, &len, path, 4u << 20)) != 0)
		return rc;
	b = BIO_new_mem_buf(data, (int)len);
	if (!b) {
		dz_free(data);
		return DOSSIER_ENOMEM;
	}
	if (strstr(data, "-----BEGIN")) {
		n = add_certs(sk, b);
	} else {
		X509 *x = d2i_X509_bio(b, NULL);
		n = x && sk_X509_push(sk, x) ? 1 : 0;
		if (x && !n)
			X509_free(x);
	}
	BIO_free(b);
	dz_free(data);
	if (n <= 0)
		return dz_errf(DOSSIER_EPARSE, path, 0, 0,
			       "给出 PEM 或 DER 格式的 X.509 证书。",
			       "Give an X.509 certificate in PEM or DER form.",
			       "文件中没有可读的证书（%s）", "no readable certificate in the file (%s)",
			       dz_ssl_error());
	return 0;
}

static int load_p12(dossier_signer *s, const char *data, size_t len, pwctx *pw,
		    const char *path, int *is_p12)
{
	BIO *b = BIO_new_mem_buf(data, (int)len);
	PKCS12 *p12 = b ? d2i_PKCS12_bio(b, NULL) : NULL;
	const char *pass = NULL;
	STACK_OF(X509) *ca = NULL;
	X509 *cert = NULL;
	int rc = 0;
	BIO_free(b);
	*is_p12 = p12 != NULL;
	if (!p12) {
		ERR_clear_error();
		return 0;
	}
	if (PKCS12_verify_mac(p12, NULL, 0))
		pass = NULL;
	else if (PKCS12_verify_mac(p12, "", 0))
		pass = "";
	else if (get_pass(pw) == 0 && PKCS12_verify_mac(p12, pw->pass, -1))
		pass = pw->pass;
	else {
		rc = key_error(pw, path);
		goto done;
	}
	if (!PKCS12_parse(p12, pass, &s->key, &cert, &ca) || !s->key) {
		rc = dz_errf(DOSSIER_EPARSE, path, 0, 0, "用 openssl pkcs12 -info 检查该文件。",
			     "Inspect the file with openssl pkcs12 -info.",
			     "无法读取 PKCS#12 文件中的私钥（%s）",
			     "cannot read the private key in the PKCS#12 file (%s)", dz_ssl_error());
		goto done;
	}
	if (cert && !s->cert) {
		s->cert = cert;
		cert = NULL;
	}
	while (ca && sk_X509_num(ca) > 0) {
		X509 *x = sk_X509_shift(ca);
		if (!sk_X509_push(s->chain, x)) {
			X509_free(x);
			rc = DOSSIER_ENOMEM;
			break;
		}
	}
done:
	X509_free(cert);
	sk_X509_pop_free(ca, X509_free);
	PKCS12_free(p12);
	return rc;
}

static int load_key(dossier_signer *s, const char *path, pwctx *pw)
{
	char *data = NULL;
	size_t len;
	int rc, is_p12 = 0;
	if ((rc = dz_read_file(&data, &len, path, 4u << 20)) != 0)
		return rc;
	if (strstr(data, "-----BEGIN")) {
		BIO *b = BIO_new_mem_buf(data, (int)len);
		s->key = b ? PEM_read_bio_PrivateKey(b, NULL, pem_cb, pw) : NULL;
		BIO_free(b);
		if (!s->key)
			rc = key_error(pw, path);
		else if (strstr(data, "-----BEGIN CERTIFICATE")) {
			/* a combined key + certificate PEM file */
			BIO *c = BIO_new_mem_buf(data, (int)len);
			STACK_OF(X509) *sk = sk_X509_new_null();
			if (c && sk && add_certs(sk, c) > 0) {
				if (!s->cert)
					s->cert = sk_X509_shift(sk);
				while (sk_X509_num(sk) > 0)
					sk_X509_push(s->chain, sk_X509_shift(sk));
			}
			sk_X509_pop_free(sk, X509_free);
			BIO_free(c);
		}
	} else {
		rc = load_p12(s, data, len, pw, path, &is_p12);
		if (!is_p12 && rc == 0) {
			OSSL_DECODER_CTX *dc = OSSL_DECODER_CTX_new_for_pkey(
				&s->key, "DER", NULL, NULL, EVP_PKEY_KEYPAIR, NULL, NULL);
			const unsigned char *p = (const unsigned char *)data;
			size_t l = len;
			if (dc)
				OSSL_DECODER_CTX_set_pem_password_cb(dc, pem_cb, pw);
			if (!dc || !OSSL_DECODER_from_data(dc, &p, &l) || !s->key)
				rc = key_error(pw, path);
			OSSL_DECODER_CTX_free(dc);
		}
	}
	OPENSSL_cleanse(data, len);
	dz_free(data);
	return rc;
}

static int check_kind(dossier_signer *s, const char *path)
{
	/* the certificate's key, which is the private key's public half
	 * (checked before): a key on a token need not reveal its parameters */
	EVP_PKEY *k = X509_get0_pubkey(s->cert);
	dz_policy pol;
	dz_policy_why w;
	/* the verifier's default algorithm policy: pack never signs with what
	 * verify would refuse */
	dz_policy_default(&pol);
	if (!dz_policy_key(&pol, k, NULL, &w))
		return dz_err(DOSSIER_EUSAGE, path, 0, 0, w.zh, w.en,
			      "使用至少 2048 位（建议 3072 位）的 RSA 密钥、P-256/P-384/P-521 曲线的 "
			      "ECDSA 密钥或 SM2 密钥。",
			      "Use an RSA key of at least 2048 bits (3072 recommended), an ECDSA key "
			      "on P-256, P-384 or P-521, or an SM2 key.");
	if (EVP_PKEY_is_a(k, "SM2")) {
		s->kind = DOSSIER_KEY_SM2;
		return 0;
	}
	if (EVP_PKEY_is_a(k, "RSA")) {
		s->kind = DOSSIER_KEY_RSA;
		return 0;
	}
	if (EVP_PKEY_is_a(k, "EC")) {
		char g[64] = "";
		size_t gl = 0;
		EVP_PKEY_get_utf8_string_param(k, OSSL_PKEY_PARAM_GROUP_NAME, g, sizeof g, &gl);
		s->kind = !strcmp(g, "SM2") ? DOSSIER_KEY_SM2 : DOSSIER_KEY_EC;
		return 0;
	}
	return dz_errf(DOSSIER_EUSAGE, path, 0, 0,
		       "使用 RSA、ECDSA（P-256/P-384/P-521）或 SM2 密钥。",
		       "Use an RSA, ECDSA (P-256/P-384/P-521) or SM2 key.",
		       "不支持的密钥类型 %s", "unsupported key type %s",
		       EVP_PKEY_get0_type_name(k) ? EVP_PKEY_get0_type_name(k) : "?");
}

/* Keep of the chain only the certificates on the signer's path, in order
 * (its issuer, that one's issuer ...), and no root: the receiver has the
 * root in its trust store, and the verifier refuses a signature file that
 * carries a certificate not on the path it verified. Each must pass the
 * algorithm policy, as verify will ask. */
static int order_chain(dossier_signer *s, const char *path)
{
	STACK_OF(X509) *p = sk_X509_new_null();
	X509 *cur = s->cert;
	dz_policy pol;
	dz_policy_why w;
	int i, rc = 0;
	if (!p)
		return DOSSIER_ENOMEM;
	dz_policy_default(&pol);
	if (!dz_policy_cert(&pol, s->cert, 0, &w)) {
		sk_X509_free(p);
		return dz_err(DOSSIER_EUSAGE, path, 0, 0, w.zh, w.en,
			      "向 CA 申请以 SHA-256 或更强算法签发的证书。",
			      "Obtain a certificate signed with SHA-256 or stronger from the CA.");
	}
	while (!(X509_get_extension_flags(cur) & EXFLAG_SS) && sk_X509_num(p) < sk_X509_num(s->chain)) {
		X509 *up = NULL;
		for (i = 0; i < sk_X509_num(s->chain) && !up; i++) {
			X509 *c = sk_X509_value(s->chain, i);
			if (X509_check_issued(c, cur) == X509_V_OK && c != cur)
				up = c;
		}
		if (!up || (X509_get_extension_flags(up) & EXFLAG_SS))
			break;
		if (!dz_policy_cert(&pol, up, 0, &w)) {
			rc = dz_err(DOSSIER_EUSAGE, path, 0, 0, w.zh, w.en,
				    "向 CA 索取符合算法策略的证书链。",
				    "Obtain a chain that meets the algorithm policy from the CA.");
			break;
		}
		if (!X509_up_ref(up) || !sk_X509_push(p, up)) {
			X509_free(up);
			rc = DOSSIER_ENOMEM;
			break;
		}
		cur = up;
	}
	ERR_clear_error();
	if (rc) {
		sk_X509_pop_free(p, X509_free);
		return rc;
	}
	sk_X509_pop_free(s->chain, X509_free);
	s->chain = p;
	return 0;
}

int dossier_signer_load(dossier_signer **out, const char *key_path,
			const char *cert_path, const char *chain_path,
			dossier_password_cb password, void *payload)
{
	dossier_signer *s;
	pwctx *pw;
	const char *zh, *en;
	const char *cpath = cert_path ? cert_path : key_path;
	int rc = 0;
	*out = NULL;
	s = dz_calloc(1, sizeof *s);
	pw = dz_calloc(1, sizeof *pw);
	if (!s || !pw || !(s->chain = sk_X509_new_null()) || !(s->key_path = dz_strdup(key_path))) {
		rc = DOSSIER_ENOMEM;
		goto done;
	}
	pw->cb = password;
	pw->payload = payload;
	pw->what = key_path;
	if (cert_path) {
		STACK_OF(X509) *sk = sk_X509_new_null();
		if (!sk) {
			rc = DOSSIER_ENOMEM;
			goto done;
		}
		rc = load_certs(sk, cert_path);
		if (rc == 0) {
			s->cert = sk_X509_shift(sk);
			while (sk_X509_num(sk) > 0)
				sk_X509_push(s->chain, sk_X509_shift(sk));
		}
		sk_X509_pop_free(sk, X509_free);
		if (rc)
			goto done;
	}
	if (dz_is_token_uri(key_path)) {
		if (!cert_path) {
			rc = dz_err(DOSSIER_EUSAGE, key_path, 0, 0, "令牌上的密钥需要 --cert",
				    "a key on a token needs --cert",
				    "用 --cert 给出与令牌上的私钥对应的证书。",
				    "Give the certificate of the token's key with --cert.");
			goto done;
		}
		if ((rc = dz_token_load(&s->key, key_path, password, payload)) != 0)
			goto done;
	} else if ((rc = load_key(s, key_path, pw)) != 0) {
		goto done;
	}
	if (!s->cert) {
		rc = dz_err(DOSSIER_EUSAGE, key_path, 0, 0, "没有签名证书", "no signing certificate",
			    "用 --cert 给出与私钥对应的证书。",
			    "Give the key's certificate with --cert.");
		goto done;
	}
	if (chain_path && (rc = load_certs(s->chain, chain_path)) != 0)
		goto done;
	if (X509_check_private_key(s->cert, s->key) != 1) {
		rc = dz_err(DOSSIER_EUSAGE, cpath, 0, 0, "证书与私钥不匹配",
			    "the certificate does not belong to the private key",
			    "给出与私钥配对的证书。", "Give the certificate issued for this key.");
		ERR_clear_error();
		goto done;
	}
	if ((rc = check_kind(s, key_path)) != 0 || (rc = order_chain(s, cpath)) != 0)
		goto done;
	if (X509_cmp_current_time(X509_get0_notAfter(s->cert)) <= 0 ||
	    X509_cmp_current_time(X509_get0_notBefore(s->cert)) >= 0) {
		char *nb = dz_asn1_time_iso(X509_get0_notBefore(s->cert));
		char *na = dz_asn1_time_iso(X509_get0_notAfter(s->cert));
		rc = dz_errf(DOSSIER_EUSAGE, cpath, 0, 0, "向 CA 申请有效的证书。",
			     "Obtain a currently valid certificate from the CA.",
			     "签名证书不在有效期内（%s 至 %s）",
			     "the signing certificate is not valid now (valid %s to %s)",
			     nb ? nb : "?", na ? na : "?");
		dz_free(nb);
		dz_free(na);
		goto done;
	}
	if (!dz_cert_can_sign(s->cert, &zh, &en)) {
		rc = dz_err(DOSSIER_EUSAGE, cpath, 0, 0, zh, en,
			    "向 CA 申请用于文档签名的证书。",
			    "Obtain a certificate for document signing from the CA.");
		goto done;
	}
	if (!(s->subject = dz_x509_name(X509_get_subject_name(s->cert))))
		rc = DOSSIER_ENOMEM;
done:
	if (pw)
		OPENSSL_cleanse(pw->pass, sizeof pw->pass);
	dz_free(pw);
	if (rc) {
		if (rc == DOSSIER_ENOMEM && !dossier_error_last())
			dz_err(rc, key_path, 0, 0, "内存不足", "out of memory", "", "");
		dossier_signer_free(s);
		return rc;
	}
	*out = s;
	return 0;
}

void dossier_signer_free(dossier_signer *s)
{
	if (!s)
		return;
	EVP_PKEY_free(s->key);
	X509_free(s->cert);
	sk_X509_pop_free(s->chain, X509_free);
	dz_free(s->subject);
	dz_free(s->key_path);
	dz_free(s);
}

dossier_key_kind dossier_signer_kind(const dossier_signer *s) { return s->kind; }
const char *dossier_signer_subject(const dossier_signer *s) { return s->subject; }

/* ---- signing ---- */

static int sign_error(const dossier_signer *s, const char *what)
{
	return dz_errf(DOSSIER_ERROR, s->key_path, 0, 0,
		       "检查密钥与证书；如使用硬件密钥，确认它已连接。",
		       "Check the key and the certificate; with a hardware key, make sure "
		       "it is connected.",
		       "无法生成%s签名（%s）", "cannot make the %s signature (%s)",
		       what, dz_ssl_error());
}

static int copy_out(unsigned char **out, size_t *outlen, const unsigned char *p, size_t n)
{
	*out = dz_malloc(n ? n : 1);
	if (!*out)
		return DOSSIER_ENOMEM;
	memcpy(*out, p, n);
	*outlen = n;
	return 0;
}

/* The time-stamp token of `tsa` over the signature value, as the unsigned
 * attribute id-aa-signatureTimeStampToken (CAdES-B-T). */
static int stamp(CMS_SignerInfo *si, const char *tsa)
{
	ASN1_OCTET_STRING *sv = CMS_SignerInfo_get0_signature(si);
	unsigned char *tok = NULL;
	size_t toklen = 0;
	int rc = dz_tsa_stamp(&tok, &toklen, tsa, ASN1_STRING_get0_data(sv),
			      (size_t)ASN1_STRING_length(sv));
	if (rc == 0 && !CMS_unsigned_add1_attr_by_NID(si, NID_id_smime_aa_timeStampToken,
						      V_ASN1_SEQUENCE, tok, (int)toklen))
		rc = DOSSIER_ENOMEM;
	dz_free(tok);
	return rc;
}

/* One CMS signature: 0 done, 1 to be made again (short ECDSA DER), or an
 * error. The time-stamp is asked for only once the signature is kept. */
static int cms_once(unsigned char **out, size_t *outlen, const dossier_signer *s,
		    const unsigned char *data, size_t len, long long when, const char *tsa)
{
	BIO *in = BIO_new_mem_buf(data, (int)len);
	CMS_ContentInfo *cms = CMS_sign(NULL, NULL, s->chain, NULL,
					CMS_DETACHED | CMS_BINARY | CMS_PARTIAL);
	CMS_SignerInfo *si = cms ? CMS_add1_signer(cms, s->cert, s->key, EVP_sha256(),
						  CMS_BINARY | CMS_CADES | CMS_NOSMIMECAP) : NULL;
	ASN1_TIME *t = ASN1_TIME_set(NULL, (time_t)when);
	unsigned char *der = NULL;
	int n, rc;
	if (!in || !si || !t ||
	    !CMS_signed_add1_attr_by_NID(si, NID_pkcs9_signingTime, t->type, t, -1) ||
	    !CMS_final(cms, in, NULL, CMS_BINARY | CMS_DETACHED))
		rc = sign_error(s, "CAdES ");
	else if (s->kind == DOSSIER_KEY_EC &&
		 CMS_SignerInfo_get0_signature(si)->length != EVP_PKEY_get_size(s->key))
		rc = 1;
	else if (tsa && (rc = stamp(si, tsa)) != 0)
		;
	else if ((n = i2d_CMS_ContentInfo(cms, &der)) <= 0)
		rc = sign_error(s, "CAdES ");
	else
		rc = copy_out(out, outlen, der, (size_t)n);
	OPENSSL_free(der);
	ASN1_TIME_free(t);
	CMS_ContentInfo_free(cms);
	BIO_free(in);
	return rc;
}

int dz_cms_sign(unsigned char **out, size_t *outlen, const dossier_signer *s,
		const unsigned char *data, size_t len, long long when, const char *tsa)
{
	int attempt;
	*out = NULL;
	for (attempt = 0; attempt < 200; attempt++) {
		int rc = cms_once(out, outlen, s, data, len, when, tsa);
		if (rc <= 0)
			return rc;
	}
	return sign_error(s, "CAdES ");
}

int dz_sm2_md_init(EVP_MD_CTX *m, EVP_PKEY *key, int sign)
{
	EVP_PKEY_CTX *pc = NULL;
	int ok = sign ? EVP_DigestSignInit_ex(m, &pc, "SM3", NULL, NULL, key, NULL)
		      : EVP_DigestVerifyInit_ex(m, &pc, "SM3", NULL, NULL, key, NULL);
	return ok == 1 && pc && EVP_PKEY_CTX_set1_id(pc, DZ_SM2_ID, strlen(DZ_SM2_ID)) > 0;
}

int dz_sm2_sign(unsigned char **out, size_t *outlen, const dossier_signer *s,
		const unsigned char *data, size_t len)
{
	int attempt;
	size_t want = (size_t)EVP_PKEY_get_size(s->key);
	unsigned char sig[160];
	*out = NULL;
	for (attempt = 0; attempt < 200; attempt++) {
		EVP_MD_CTX *m = EVP_MD_CTX_new();
		size_t sl = sizeof sig;
		int ok = m && dz_sm2_md_init(m, s->key, 1) &&
			 EVP_DigestSign(m, sig, &sl, data, len) == 1;
		EVP_MD_CTX_free(m);
		if (!ok)
			return sign_error(s, "SM2 ");
		if (sl == want)
			return copy_out(out, outlen, sig, sl);
	}
	return sign_error(s, "SM2 ");
}

int dz_cert_sm3(X509 *x, unsigned char out[32])
{
	unsigned char *der = NULL;
	int n = i2d_X509(x, &der), ok;
	ok = n > 0 && EVP_Digest(der, (size_t)n, out, NULL, EVP_sm3(), NULL);
	OPENSSL_free(der);
	return ok ? 0 : DOSSIER_ERROR;
}

static char *pem_of(STACK_OF(X509) *sk, X509 *one, size_t *len)
{
	BIO *b = BIO_new(BIO_s_mem());
	char *data, *s = NULL;
	long n;
	int i, ok = b != NULL;
	if (ok && one)
		ok = PEM_write_bio_X509(b, one);
	for (i = 0; ok && sk && i < sk_X509_num(sk); i++)
		ok = PEM_write_bio_X509(b, sk_X509_value(sk, i));
	if (ok) {
		n = BIO_get_mem_data(b, &data);
		if (n > 0 && (s = dz_strndup(data, (size_t)n)) != NULL)
			*len = (size_t)n;
	}
	BIO_free(b);
	return s;
}

int dz_signer_pem(char **cert_pem, size_t *cert_len, char **chain_pem,
		  size_t *chain_len, const dossier_signer *s)
{
	*chain_pem = NULL;
	*chain_len = 0;
	if (!(*cert_pem = pem_of(NULL, s->cert, cert_len)))
		return DOSSIER_ENOMEM;
	if (sk_X509_num(s->chain) > 0 && !(*chain_pem = pem_of(s->chain, NULL, chain_len))) {
		dz_free(*cert_pem);
		*cert_pem = NULL;
		return DOSSIER_ENOMEM;
	}
	return 0;
}
