/*
 * tsa.c — RFC 3161 time-stamps on the CAdES signature (CAdES-B-T, EN 319
 * 122-1): `pack --tsa URL` asks a time-stamp authority for a token over the
 * signature value and carries it as the unsigned attribute
 * id-aa-signatureTimeStampToken; verify checks the token and then the
 * signer's chain at the time it proves, so a package signed while its
 * certificate was valid still verifies after the certificate expired.
 *
 * The request goes over HTTP(S) with libcurl: one POST of the DER query
 * (application/timestamp-query), at most 1 MiB of reply, no redirects, a
 * timeout. libcurl (and the dozen libraries it brings) is loaded with
 * dlopen when a time-stamp is asked for, not at every start of dossier. The reply must grant a token that answers this request (version,
 * imprint, nonce); its signature and its TSA are judged by the receiver,
 * with the receiver's trust store.
 */
#include <dlfcn.h>
#include <string.h>
#include <time.h>
#include <curl/curl.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/pkcs7.h>
#include <openssl/rand.h>
#include <openssl/ts.h>
#include "util/util.h"
#include "pack_int.h"

#define MAX_REPLY (1u << 20)

/* ================= asking for a token ================= */

static size_t sink(char *p, size_t size, size_t n, void *payload)
{
	dz_buf *b = payload;
	size_t k = size * n;
	if (b->len + k > MAX_REPLY || dz_buf_put(b, p, k) != 0)
		return 0;   /* curl stops with CURLE_WRITE_ERROR */
	return k;
}

static int tsa_error(const char *url, const char *zh, const char *en, const char *detail)
{
	return dz_errf(DOSSIER_EIO, url, 0, 0,
		       "检查 --tsa 的地址与网络；时间戳服务不可用时可以先不加 --tsa 打包。",
		       "Check the --tsa address and the network; without a working TSA, pack "
		       "without --tsa.", "%s%.0s（%s）", "%.0s%s (%s)", zh, en, detail);
}

/* The libcurl functions post() uses, found in libcurl.so.4 on first use;
 * the handle is kept to exit (libcurl keeps global state). */
static struct {
	void *so;
	CURLcode (*global_init)(long);
	CURL *(*easy_init)(void);
	CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
	CURLcode (*easy_perform)(CURL *);
	CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
	void (*easy_cleanup)(CURL *);
	const char *(*easy_strerror)(CURLcode);
	struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
	void (*slist_free_all)(struct curl_slist *);
} lc;

static int sym(const char *name, void *fp)
{
	void *f = dlsym(lc.so, name);
	if (!f)
		return -1;
	memcpy(fp, &f, sizeof f);   /* object to function pointer, as POSIX allows */
	return 0;
}

static int load_curl(const char *url)
{
	if (lc.so)
		return 0;
	if (!(lc.so = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL)))
		return dz_errf(DOSSIER_EIO, url, 0, 0,
			       "安装 libcurl4（apt-get install libcurl4）后再用 --tsa。",
			       "Install libcurl4 (apt-get install libcurl4) to use --tsa.",
			       "--tsa 需要 libcurl，但无法载入：%s", "--tsa needs libcurl, which cannot be loaded: %s",
			       dlerror());
	if (sym("curl_global_init", &lc.global_init) || sym("curl_easy_init", &lc.easy_init) ||
	    sym("curl_easy_setopt", &lc.easy_setopt) || sym("curl_easy_perform", &lc.easy_perform) ||
	    sym("curl_easy_getinfo", &lc.easy_getinfo) || sym("curl_easy_cleanup", &lc.easy_cleanup) ||
	    sym("curl_easy_strerror", &lc.easy_strerror) || sym("curl_slist_append", &lc.slist_append) ||
	    sym("curl_slist_free_all", &lc.slist_free_all)) {
		dlclose(lc.so);
		lc.so = NULL;
		return dz_errf(DOSSIER_EIO, url, 0, 0,
			       "安装 Debian 的 libcurl4。", "Install Debian's libcurl4.",
			       "载入的 libcurl 缺少所需的函数", "the libcurl loaded lacks a function dossier needs");
	}
	if (lc.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		lc.global_init = NULL;
		return DOSSIER_ENOMEM;
	}
	return 0;
}

static int post(dz_buf *reply, const char *url, const unsigned char *q, size_t qlen)
{
	CURL *c;
	struct curl_slist *h = NULL;
	CURLcode cr;
	long status = 0;
	char err[CURL_ERROR_SIZE] = "";
	int rc = 0;
	if ((rc = load_curl(url)) != 0)
		return rc;
	if (!(c = lc.easy_init()) ||
	    !(h = lc.slist_append(h, "Content-Type: application/timestamp-query")) ||
	    !lc.slist_append(h, "Accept: application/timestamp-reply")) {
		lc.slist_free_all(h);
		lc.easy_cleanup(c);
		return DOSSIER_ENOMEM;
	}
	lc.easy_setopt(c, CURLOPT_URL, url);
	lc.easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	lc.easy_setopt(c, CURLOPT_HTTPHEADER, h);
	lc.easy_setopt(c, CURLOPT_POSTFIELDS, (const char *)q);
	lc.easy_setopt(c, CURLOPT_POSTFIELDSIZE, (long)qlen);
	lc.easy_setopt(c, CURLOPT_WRITEFUNCTION, sink);
	lc.easy_setopt(c, CURLOPT_WRITEDATA, reply);
	lc.easy_setopt(c, CURLOPT_ERRORBUFFER, err);
	lc.easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 20L);
	lc.easy_setopt(c, CURLOPT_TIMEOUT, 60L);
	lc.easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	lc.easy_setopt(c, CURLOPT_USERAGENT, "dossier/" DOSSIER_VERSION);
	cr = lc.easy_perform(c);
	lc.easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
	if (reply->oom)
		rc = DOSSIER_ENOMEM;
	else if (cr != CURLE_OK)
		rc = tsa_error(url, "无法从时间戳服务取得回复", "cannot get a reply from the TSA",
			       err[0] ? err : lc.easy_strerror(cr));
	else if (status != 200) {
		char s[32];
		snprintf(s, sizeof s, "HTTP %ld", status);
		rc = tsa_error(url, "时间戳服务拒绝了请求", "the TSA refused the request", s);
	}
	lc.slist_free_all(h);
	lc.easy_cleanup(c);
	return rc;
}

/* A query for SHA-256 of `sig`, with a fresh nonce and the TSA's
 * certificate asked for. */
static TS_REQ *make_query(const unsigned char *sig, size_t siglen)
{
	TS_REQ *rq = TS_REQ_new();
	TS_MSG_IMPRINT *mi = TS_MSG_IMPRINT_new();
	X509_ALGOR *alg = X509_ALGOR_new();
	unsigned char dig[32], rnd[8];
	BIGNUM *bn = NULL;
	ASN1_INTEGER *nonce = NULL;
	int ok = rq && mi && alg && SHA256(sig, siglen, dig) &&
		 X509_ALGOR_set0(alg, OBJ_nid2obj(NID_sha256), V_ASN1_NULL, NULL) &&
		 TS_MSG_IMPRINT_set_algo(mi, alg) && TS_MSG_IMPRINT_set_msg(mi, dig, 32) &&
		 TS_REQ_set_version(rq, 1) && TS_REQ_set_msg_imprint(rq, mi) &&
		 RAND_bytes(rnd, sizeof rnd) == 1 && (bn = BN_bin2bn(rnd, sizeof rnd, NULL)) &&
		 (nonce = BN_to_ASN1_INTEGER(bn, NULL)) && TS_REQ_set_nonce(rq, nonce) &&
		 TS_REQ_set_cert_req(rq, 1);
	X509_ALGOR_free(alg);
	TS_MSG_IMPRINT_free(mi);
	ASN1_INTEGER_free(nonce);
	BN_free(bn);
	if (!ok) {
		TS_REQ_free(rq);
		return NULL;
	}
	return rq;
}

int dz_tsa_stamp(unsigned char **tok, size_t *toklen, const char *url,
		 const unsigned char *sig, size_t siglen)
{
	TS_REQ *rq = make_query(sig, siglen);
	TS_RESP *rs = NULL;
	TS_VERIFY_CTX *vc = NULL;
	unsigned char *q = NULL, *der = NULL;
	const unsigned char *p;
	dz_buf reply = DZ_BUF_INIT;
	int qlen, n, rc;
	*tok = NULL;
	*toklen = 0;
	if (!rq || (qlen = i2d_TS_REQ(rq, &q)) <= 0) {
		rc = DOSSIER_ENOMEM;
		goto done;
	}
	if ((rc = post(&reply, url, q, (size_t)qlen)) != 0)
		goto done;
	p = (const unsigned char *)reply.ptr;
	rs = reply.len ? d2i_TS_RESP(NULL, &p, (long)reply.len) : NULL;
	if (!rs || p != (const unsigned char *)reply.ptr + reply.len) {
		rc = tsa_error(url, "时间戳服务的回复不是 RFC 3161 TimeStampResp",
			       "the TSA's reply is not an RFC 3161 TimeStampResp", "DER");
		goto done;
	}
	/* granted, and an answer to this query: version, imprint, nonce */
	vc = TS_REQ_to_TS_VERIFY_CTX(rq, NULL);
	if (!vc || TS_RESP_verify_response(vc, rs) != 1) {
		rc = tsa_error(url, "时间戳服务没有给出与请求相符的时间戳",
			       "the TSA did not grant a token that answers the request",
			       dz_ssl_error());
		goto done;
	}
	if ((n = i2d_PKCS7(TS_RESP_get_token(rs), &der)) <= 0 ||
	    !(*tok = dz_malloc((size_t)n))) {
		rc = DOSSIER_ENOMEM;
		goto done;
	}
	memcpy(*tok, der, (size_t)n);
	*toklen = (size_t)n;
done:
	OPENSSL_free(q);
	OPENSSL_free(der);
	TS_VERIFY_CTX_free(vc);
	TS_RESP_free(rs);
	TS_REQ_free(rq);
	dz_buf_dispose(&reply);
	ERR_clear_error();
	return rc;
}

/* ================= reading a token ================= */

int dz_tsa_parse(dz_tsa_token *t, const unsigned char *p, size_t n)
{
	const unsigned char *q = p;
	const ASN1_GENERALIZEDTIME *gt;
	struct tm tm;
	memset(t, 0, sizeof *t);
	t->p7 = d2i_PKCS7(NULL, &q, (long)n);
	if (!t->p7 || q != p + n || !(t->info = PKCS7_to_TS_TST_INFO(t->p7)) ||
	    !(gt = TS_TST_INFO_get_time(t->info)) || !ASN1_TIME_to_tm(gt, &tm)) {
		ERR_clear_error();
		return -1;
	}
	t->when = (long long)timegm(&tm);
	return 0;
}

void dz_tsa_dispose(dz_tsa_token *t)
{
	TS_TST_INFO_free(t->info);
	PKCS7_free(t->p7);
	memset(t, 0, sizeof *t);
}

int dz_tsa_imprint_ok(const dz_tsa_token *t, const dz_policy *pol,
		      const unsigned char *sig, size_t siglen, int *alg_ok)
{
	TS_MSG_IMPRINT *mi = TS_TST_INFO_get_msg_imprint(t->info);
	X509_ALGOR *alg = TS_MSG_IMPRINT_get_algo(mi);
	ASN1_OCTET_STRING *msg = TS_MSG_IMPRINT_get_msg(mi);
	const ASN1_OBJECT *obj;
	const EVP_MD *md;
	unsigned char dig[EVP_MAX_MD_SIZE];
	unsigned int dl = 0;
	int nid;
	X509_ALGOR_get0(&obj, NULL, NULL, alg);
	nid = OBJ_obj2nid(obj);
	*alg_ok = dz_policy_md(pol, nid) && nid != NID_sm3;
	if (!*alg_ok || !(md = EVP_get_digestbynid(nid)) ||
	    !EVP_Digest(sig, siglen, dig, &dl, md, NULL))
		return 0;
	return (int)dl == ASN1_STRING_length(msg) &&
	       !CRYPTO_memcmp(dig, ASN1_STRING_get0_data(msg), dl);
}

int dz_tsa_signature_ok(const dz_tsa_token *t, X509_STORE *store)
{
	TS_VERIFY_CTX *vc = TS_VERIFY_CTX_new();
	STACK_OF(X509) *certs = X509_chain_up_ref(t->p7->d.sign->cert);
	int ok;
	if (!vc || (t->p7->d.sign->cert && !certs) || !X509_STORE_up_ref(store)) {
		TS_VERIFY_CTX_free(vc);
		sk_X509_free(certs);
		return -1;
	}
	/* the context frees what it is given */
	TS_VERIFY_CTX_set_store(vc, store);
	TS_VERIFY_CTX_set_certs(vc, certs);
	TS_VERIFY_CTX_set_flags(vc, TS_VFY_VERSION | TS_VFY_SIGNATURE);
	ok = TS_RESP_verify_token(vc, t->p7) == 1;
	TS_VERIFY_CTX_free(vc);
	ERR_clear_error();
	return ok;
}
