/*
 * digest.c — the digests of package entries (SHA-256 always, SM3 with an
 * SM2 signer), base64 for the manifest, and the package's clock (DOS and
 * ISO 8601 times from SOURCE_DATE_EPOCH or now).
 */
#include <string.h>
#include <time.h>
#include <openssl/evp.h>
#include "util/util.h"
#include "pack_int.h"

/* Fetched once: EVP_get_digestbyname() would look the algorithm up again
 * for every entry. */
static const EVP_MD *md_sha256(void)
{
	static EVP_MD *md;
	if (!md)
		md = EVP_MD_fetch(NULL, "SHA256", NULL);
	return md;
}

static const EVP_MD *md_sm3(void)
{
	static EVP_MD *md;
	if (!md)
		md = EVP_MD_fetch(NULL, "SM3", NULL);
	return md;
}

int dz_hash_init(dz_hash *h, int want_sm3)
{
	memset(h, 0, sizeof *h);
	h->sha256 = EVP_MD_CTX_new();
	if (!h->sha256 || !md_sha256() ||
	    !EVP_DigestInit_ex(h->sha256, md_sha256(), NULL))
		goto fail;
	if (want_sm3) {
		h->sm3 = EVP_MD_CTX_new();
		if (!h->sm3 || !md_sm3() || !EVP_DigestInit_ex(h->sm3, md_sm3(), NULL))
			goto fail;
	}
	return 0;
fail:
	dz_hash_dispose(h);
	return dz_err(DOSSIER_ERROR, "", 0, 0, "OpenSSL 无法初始化摘要算法",
		      "OpenSSL cannot set up the digest algorithm",
		      "检查 OpenSSL 安装（需要 SHA-256 与 SM3）。",
		      "Check the OpenSSL installation (SHA-256 and SM3 are needed).");
}

int dz_hash_update(dz_hash *h, const void *p, size_t n)
{
	if (!EVP_DigestUpdate(h->sha256, p, n) ||
	    (h->sm3 && !EVP_DigestUpdate(h->sm3, p, n)))
		return DOSSIER_ERROR;
	return 0;
}

int dz_hash_final(dz_hash *h, unsigned char *sha256_out, unsigned char *sm3_out)
{
	unsigned int n = 0;
	if (!EVP_DigestFinal_ex(h->sha256, sha256_out, &n) || n != 32)
		return DOSSIER_ERROR;
	if (h->sm3 && (!EVP_DigestFinal_ex(h->sm3, sm3_out, &n) || n != 32))
		return DOSSIER_ERROR;
	return 0;
}

void dz_hash_dispose(dz_hash *h)
{
	EVP_MD_CTX_free(h->sha256);
	EVP_MD_CTX_free(h->sm3);
	memset(h, 0, sizeof *h);
}

char *dz_base64(const unsigned char *p, size_t n)
{
	char *s = dz_malloc(4 * ((n + 2) / 3) + 1);
	if (s)
		EVP_EncodeBlock((unsigned char *)s, p, (int)n);
	return s;
}

int dz_unbase64(unsigned char *out, size_t want, const char *text)
{
	size_t n = strlen(text), s = 0, e, need = 4 * ((want + 2) / 3), i;
	unsigned char tmp[96];
	int got, pad;
	while (s < n && (text[s] == ' ' || text[s] == '\n' || text[s] == '\r' || text[s] == '\t'))
		s++;
	e = n;
	while (e > s && (text[e - 1] == ' ' || text[e - 1] == '\n' || text[e - 1] == '\r' ||
			 text[e - 1] == '\t'))
		e--;
	if (e - s != need || want > 64)
		return DOSSIER_EPARSE;
	for (i = s; i < e; i++) {
		char c = text[i];
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		      (c >= '0' && c <= '9') || c == '+' || c == '/' ||
		      (c == '=' && i >= e - 2)))
			return DOSSIER_EPARSE;
	}
	pad = (text[e - 1] == '=') + (text[e - 2] == '=');
	if ((size_t)pad != (3 - want % 3) % 3)
		return DOSSIER_EPARSE;
	got = EVP_DecodeBlock(tmp, (const unsigned char *)text + s, (int)need);
	if (got < 0 || (size_t)got - (size_t)pad != want)
		return DOSSIER_EPARSE;
	/* one spelling only: the bits below the last byte must be zero, so
	 * the text is what encoding the bytes gives */
	{
		unsigned char again[100];
		EVP_EncodeBlock(again, tmp, (int)want);
		if (memcmp(again, text + s, need))
			return DOSSIER_EPARSE;
	}
	memcpy(out, tmp, want);
	return 0;
}

void dz_dos_time(long long t, uint16_t *date, uint16_t *tm_out)
{
	struct tm tm;
	time_t tt;
	if (t < 315532800LL)          /* 1980-01-01, the DOS epoch */
		t = 315532800LL;
	if (t > 4354819198LL)         /* 2107-12-31 23:59:58 */
		t = 4354819198LL;
	tt = (time_t)t;
	gmtime_r(&tt, &tm);
	*date = (uint16_t)(((tm.tm_year - 80) << 9) | ((tm.tm_mon + 1) << 5) | tm.tm_mday);
	*tm_out = (uint16_t)((tm.tm_hour << 11) | (tm.tm_min << 5) | (tm.tm_sec / 2));
}

void dz_iso_time(long long t, char buf[21])
{
	struct tm tm;
	time_t tt = (time_t)t;
	gmtime_r(&tt, &tm);
	strftime(buf, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}
