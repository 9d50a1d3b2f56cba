/*
 * pack_int.h — internals shared by the package writer (pack.c), the verifier
 * (verify.c, extract.c) and their helpers: the streaming ZIP writer and the
 * strict ZIP reader, the entry-name policy, media types, digests, signers and
 * the manifest. Nothing here is public API (see dossier/pack.h, verify.h).
 *
 * One file format, one set of rules: every rule the verifier enforces on an
 * entry name or a ZIP record is the rule the writer obeys, and both sides call
 * the same function for it, so `dossier pack` can never produce a package
 * `dossier verify` rejects.
 */
#ifndef DOSSIER_PACK_INT_H
#define DOSSIER_PACK_INT_H

#include <stddef.h>
#include <stdint.h>
#include <zlib.h>
#include <openssl/evp.h>
#include <openssl/ts.h>
#include <openssl/x509.h>
#include "dossier/pack.h"
#include "dossier/verify.h"

/* zlib allocator hooks onto dz_calloc/dz_free (zipw.c) */
voidpf dz_pack_zalloc(voidpf opaque, uInt items, uInt size);
void dz_pack_zfree(voidpf opaque, voidpf p);

/* ---------- the profile (doc/package.md) ---------- */

#define DZ_MIMETYPE "application/vnd.etsi.asic-e+zip"
#define DZ_MANIFEST_NAME "META-INF/ASiCManifest.xml"
#define DZ_CMS_NAME "META-INF/signature.p7s"
#define DZ_SM2_NAME "META-INF/signature.sm2"
#define DZ_SM2_CERT_NAME "META-INF/sm2-signer.pem"
#define DZ_SM2_CHAIN_NAME "META-INF/sm2-chain.pem"
#define DZ_NS_ASIC "http://uri.etsi.org/02918/v1.2.1#"
#define DZ_NS_DS "http://www.w3.org/2000/09/xmldsig#"
#define DZ_NS_PKG "urn:dossier:package:1"
#define DZ_ALG_SHA256 "http://www.w3.org/2001/04/xmlenc#sha256"
#define DZ_ALG_SM3 "urn:oid:1.2.156.10197.1.401"
#define DZ_ALG_SM2SM3 "urn:oid:1.2.156.10197.1.501"
#define DZ_SM2_ID "1234567812345678"

#define DZ_CHUNK (1u << 20)          /* read / write buffer size */
#define DZ_MAX_MANIFEST (16u << 20)  /* largest manifest either side accepts */
#define DZ_MAX_SIGFILE (1u << 20)    /* largest signature or certificate file */
#define DZ_MAX_NAME 1024             /* bytes in an entry name */
#define DZ_MAX_COMPONENT 255         /* bytes in one path component */

/* ---------- rejections (the verifier's verdict) ---------- */

/* Returned by verifier steps when the package is rejected; the reason is in
 * the dz_problem. Negative codes remain hard errors (no verdict). */
#define DZ_REJECTED 1

typedef struct {
	char *id;        /* stable reason id, e.g. "name-dotdot" */
	char *entry;     /* entry concerned, or "" */
	char *zh, *en, *hint_zh, *hint_en;
} dz_problem;

/* Record a rejection (formats as dz_errf) and return DZ_REJECTED, or
 * DOSSIER_ENOMEM if the record itself cannot be made. */
int dz_reject(dz_problem *p, const char *id, const char *entry,
	      const char *hint_zh, const char *hint_en,
	      const char *fmt_zh, const char *fmt_en, ...)
	__attribute__((format(printf, 7, 8)));
void dz_problem_dispose(dz_problem *p);

/* ---------- entry names (names.c) ---------- */

typedef struct {
	const char *id;       /* "name-dotdot" ... */
	const char *zh, *en;  /* what is wrong */
} dz_name_rule;

/* NULL if `name` (n bytes, no NUL inside) is acceptable as a package entry
 * name: valid UTF-8 in NFC; '/'-separated relative path; no empty, "." or
 * ".." component; no backslash, colon, control, format or private-use
 * character; no character Windows forbids (<>"|?*); no component ending in a
 * dot or space; no DOS device name (CON, NUL, COM1 ...); length caps.
 * Otherwise the rule it breaks (static). */
const dz_name_rule *dz_name_check(const char *name, size_t n);
/* NFC form of UTF-8 text (caller frees with dz_free). Fails with
 * DOSSIER_EENCODING on invalid UTF-8. */
int dz_name_nfc(char **out, const char *s, size_t n);
/* NFC + Unicode case folding: two names that fold equal collide on
 * case-insensitive or normalising file systems (macOS, Windows). */
int dz_name_fold(char **out, const char *s, size_t n);
/* RFC 3986 percent-encoding of a path (unreserved characters and '/' kept),
 * and its strict inverse (fails on a malformed escape or a NUL). */
char *dz_uri_encode(const char *s);
int dz_uri_decode(char **out, const char *s);

/* Clashes among entry names (each already accepted by dz_name_check): two
 * equal names, two equal after NFC and case folding, or a name that is also
 * a folder of another. Found by sorting the folded names (dz_sort), so the
 * cost is n log n whatever names an attacker picks; no hash table. */
typedef enum {
	DZ_CLASH_NONE, DZ_CLASH_EXACT, DZ_CLASH_FOLDED, DZ_CLASH_FOLDER
} dz_clash_kind;
typedef struct {
	dz_clash_kind kind;
	size_t a, b;     /* EXACT, FOLDED: a before b; FOLDER: a the file, b below it */
	size_t late;     /* the later of a and b */
} dz_name_clash;
/* 0 with *c filled (kind NONE if no clash): of the clashes found, the one
 * whose later name comes first in the list. DOSSIER_ENOMEM, or
 * DOSSIER_EENCODING if a name is not UTF-8. */
int dz_name_clashes(dz_name_clash *c, const char *const *names, size_t n);

/* ---------- media types (media.c) ---------- */

typedef enum { DZ_PACK_STORE, DZ_PACK_DEFLATE, DZ_PACK_SNIFF } dz_packhint;
/* Media type of a file by its extension (static string; never NULL) and
 * whether it is worth deflating: already-compressed types are stored,
 * text is deflated, unknown types are decided from their first bytes. */
const char *dz_media_type(const char *name, dz_packhint *hint);
/* Deflate (fast) the first 256 KiB of `p` (n bytes) as a trial into
 * `work` (DZ_TRIAL_BYTES): returns the compressed size (0 if the trial
 * failed) and the bytes used. */
#define DZ_TRIAL_BYTES ((256u << 10) + 1024)
size_t dz_media_trial(const unsigned char *p, size_t n, size_t *in_used,
		      unsigned char *work);

/* ---------- digests (digest.c) ---------- */

typedef struct {
	EVP_MD_CTX *sha256, *sm3;   /* sm3 NULL unless wanted */
} dz_hash;
int dz_hash_init(dz_hash *h, int want_sm3);
int dz_hash_update(dz_hash *h, const void *p, size_t n);
/* Writes 32 bytes each (sm3_out ignored if SM3 not wanted). */
int dz_hash_final(dz_hash *h, unsigned char *sha256_out, unsigned char *sm3_out);
void dz_hash_dispose(dz_hash *h);
/* Base64 without line breaks (caller frees) and strict decoding of exactly
 * `want` bytes (ASCII white space around the text is ignored). */
char *dz_base64(const unsigned char *p, size_t n);
int dz_unbase64(unsigned char *out, size_t want, const char *text);

/* ---------- streaming ZIP writer (zipw.c) ---------- */

typedef struct dz_zipw dz_zipw;
/* Write a ZIP to `fd` (an empty file open for writing; `path` is for
 * messages); `level` is the deflate level of dz_zipw_data. Every entry gets the DOS time `dos_date`/`dos_time`, mode
 * 0644, bit 11 (UTF-8) unless `plain` is asked for. With `force_zip64` the
 * ZIP64 records are written even when not needed (reader interoperability
 * tests). */
int dz_zipw_new(dz_zipw **out, int fd, const char *path, uint16_t dos_date,
		uint16_t dos_time, int force_zip64, int level);
/* Make room for `entries` more entries, so that begin() allocates nothing. */
int dz_zipw_reserve(dz_zipw *z, size_t entries);
/* Start an entry: method 0 (store) or 8 (deflate); `size` is the exact
 * uncompressed size that will follow. `plain`: flags 0 and no extra field,
 * as the mimetype entry requires. `name` is borrowed: it must outlive the
 * writer. */
int dz_zipw_begin(dz_zipw *z, const char *name, int method, uint64_t size,
		  int plain);
int dz_zipw_data(dz_zipw *z, const void *p, size_t n);
/* Finish the entry (patches the local header with CRC and sizes). */
int dz_zipw_end(dz_zipw *z);
/* The other way to fill an entry: bytes already in their final form
 * (stored, or deflated with dz_deflate_chunk), standing for `ulen` bytes
 * of the file; then end with the file's CRC-32. */
int dz_zipw_raw(dz_zipw *z, const void *p, size_t n, size_t ulen);
int dz_zipw_end_raw(dz_zipw *z, uint32_t crc);
/* Deflate one chunk of an entry as its own run of blocks, primed with the
 * last 32 KiB of the previous chunk (`dict`) and ended with a sync flush
 * (or, for the last chunk, the final block): the chunks concatenate into
 * one valid deflate stream, and each can be made on any thread (pigz's
 * method). The output is a function of the input and chunk size alone. */
#define DZ_DICT (32u << 10)
#define DZ_OUTCAP (DZ_CHUNK + (64u << 10))
int dz_deflate_init(z_stream *zs, int level);
int dz_deflate_chunk(z_stream *zs, int level, const unsigned char *dict, size_t dlen,
		     const unsigned char *in, size_t n, int last,
		     unsigned char *out, size_t cap, size_t *outlen);
/* Write the central directory and end records, flush. */
int dz_zipw_finish(dz_zipw *z);
uint64_t dz_zipw_offset(const dz_zipw *z);
void dz_zipw_free(dz_zipw *z);

/* ---------- writer thread (pipe.c) ---------- */

/* Splits the work of writing entries between the caller's thread (read,
 * one digest, CRC-32, deflate of even chunks) and a writer thread (deflate
 * of odd chunks, a second digest, writing, through dz_zipw). Slots circulate between the
 * two; if no thread can be started, each call runs the writer inline.
 * Every call returns the writer's first error once it has failed;
 * dz_pipe_finish records it again in the caller's thread. */
typedef struct {
	unsigned char *in;     /* DZ_CHUNK bytes of the file */
	unsigned char *dict;   /* DZ_DICT: the previous chunk's last bytes */
	unsigned char *out;    /* DZ_OUTCAP: the chunk deflated */
} dz_slot;
typedef struct dz_pipe dz_pipe;
/* `md`: the OpenSSL name of the digest the writer computes, or NULL. */
int dz_pipe_new(dz_pipe **out, dz_zipw *z, const char *md);
/* A free slot (waits for one), or NULL if the writer has failed. */
dz_slot *dz_pipe_slot(dz_pipe *p);
void dz_pipe_release(dz_pipe *p, dz_slot *s);
/* `level`: the deflate level of this entry's chunks. */
int dz_pipe_begin(dz_pipe *p, const char *name, int method, int level, uint64_t size);
/* Hand over slot s holding n bytes of the entry. For method 8, `dlen`
 * bytes of s->dict prime the chunk's deflate; `outlen` > 0 says s->out
 * already holds the chunk deflated (else the writer deflates it); `last`
 * marks the final chunk. The slot returns to the free list. */
int dz_pipe_chunk(dz_pipe *p, dz_slot *s, size_t n, int method, size_t dlen,
		  int last, size_t outlen);
/* End the entry with its CRC-32; the writer stores its digest at md_out. */
int dz_pipe_end(dz_pipe *p, uint32_t crc, unsigned char *md_out);
/* Wait for everything queued, stop the thread; then the caller may use
 * the dz_zipw directly. */
int dz_pipe_finish(dz_pipe *p);
void dz_pipe_free(dz_pipe *p);

/* ---------- strict ZIP reader (zipr.c) ---------- */

typedef struct {
	char *name;           /* raw bytes, NUL-terminated (NUL inside rejected) */
	size_t name_len;
	uint64_t local;       /* offset of the local header */
	uint64_t data;        /* offset of the data */
	uint64_t csize, usize;
	uint32_t crc;
	uint32_t mtime;       /* DOS time and date, as one little-endian word */
	uint16_t method, flags, made_by, needed;
	uint32_t ext_attr;
	int local_extra;      /* the local header carries an extra field */
} dz_zent;

typedef struct {
	uint64_t max_entries, max_entry_size, max_total;
	unsigned max_ratio;          /* usize / csize above this is a bomb */
	uint64_t ratio_floor;        /* ... for entries larger than this */
	unsigned max_expansion;      /* the sum of usize over the file's size */
} dz_zlimits;

typedef struct dz_zipr dz_zipr;
/* Parse and check the whole structure of the ZIP in `fd` (`size` bytes):
 * end records, central directory, every local header and the layout (no
 * byte before, between, after or shared by entries), flags, methods,
 * extra fields, file types, sizes and the limits. Names are not judged
 * here (see dz_name_check). Returns 0, DZ_REJECTED (reason in *prob), or a
 * negative error. */
int dz_zipr_open(dz_zipr **out, int fd, uint64_t size, const char *path,
		 const dz_zlimits *lim, dz_problem *prob);
size_t dz_zipr_count(const dz_zipr *z);
const dz_zent *dz_zipr_entry(const dz_zipr *z, size_t i);
/* Stream the uncompressed bytes of entry i to `sink` (chunks of at most
 * DZ_CHUNK). Counts bytes while inflating: more or fewer than declared, a
 * bad deflate stream, trailing compressed bytes or a CRC mismatch reject the
 * package. A sink returning non-zero stops and that value is returned. */
typedef int (*dz_sink)(void *payload, const unsigned char *p, size_t n);
int dz_zipr_read(dz_zipr *z, size_t i, dz_sink sink, void *payload,
		 dz_problem *prob);
void dz_zipr_free(dz_zipr *z);

/* ---------- signers (signer.c) ---------- */

struct dossier_signer {
	EVP_PKEY *key;
	X509 *cert;
	STACK_OF(X509) *chain;   /* intermediates, in the order given */
	dossier_key_kind kind;
	char *subject;           /* one-line UTF-8 subject */
	char *key_path;
};

/* PKCS#11 keys (token.c): 1 if `key` is an RFC 7512 URI ("pkcs11:..."). */
int dz_is_token_uri(const char *key);
/* The private key the URI names, on its token; `pin` is asked for the PIN
 * (the password callback of dossier_signer_load). */
int dz_token_load(EVP_PKEY **out, const char *uri,
		  int (*pin)(char *buf, size_t size, const char *what, void *payload),
		  void *payload);

/* Detached CAdES signature (DER) over `data`: SHA-256, signed attributes
 * content-type, message-digest, signing-time (= `when`) and ESS
 * signing-certificate-v2; signer certificate and chain included. ECDSA
 * signatures are re-made until their DER length is the maximum, so the
 * package's size and layout do not depend on the random nonce. With `tsa`
 * (a URL), the signature value is time-stamped there and the token added
 * as the unsigned attribute id-aa-signatureTimeStampToken (CAdES-B-T). */
int dz_cms_sign(unsigned char **out, size_t *outlen, const dossier_signer *s,
		const unsigned char *data, size_t len, long long when, const char *tsa);
/* Plain SM2 signature (DER SEQUENCE{r,s}, fixed 72-byte length) over
 * `data` with SM3 and the GM/T 0009 distinguishing ID. */
int dz_sm2_sign(unsigned char **out, size_t *outlen, const dossier_signer *s,
		const unsigned char *data, size_t len);
/* Start an SM2/SM3 signature (sign != 0) or verification on `m` with the
 * GM/T 0009 distinguishing ID. (OpenSSL 3.0 refuses the ID as an init
 * parameter; it has to be set on the context afterwards.) */
int dz_sm2_md_init(EVP_MD_CTX *m, EVP_PKEY *key, int sign);
/* SM3 of a certificate's DER: how the manifest names the SM2 signer. */
int dz_cert_sm3(X509 *x, unsigned char out[32]);
/* PEM of the signer certificate, and of its chain (NULL if none). */
int dz_signer_pem(char **cert_pem, size_t *cert_len, char **chain_pem,
		  size_t *chain_len, const dossier_signer *s);
/* 1 if `cert` may sign documents: key usage (if present) has
 * digitalSignature or nonRepudiation; extended key usage (if present) has
 * emailProtection, documentSigning, anyExtendedKeyUsage or Microsoft /
 * Adobe document signing. `why` gets a static English + Chinese reason. */
int dz_cert_can_sign(X509 *cert, const char **why_zh, const char **why_en);
/* One-line UTF-8 name (caller frees). */
char *dz_x509_name(const X509_NAME *n);
/* "YYYY-MM-DDTHH:MM:SSZ" (caller frees), or NULL. */
char *dz_asn1_time_iso(const ASN1_TIME *t);
/* The last OpenSSL error as text, for messages (static buffer). */
const char *dz_ssl_error(void);

/* ---------- algorithm policy (policy.c) ---------- */

#define DZ_CURVE_P256 1u
#define DZ_CURVE_P384 2u
#define DZ_CURVE_P521 4u
#define DZ_CURVE_SM2 8u
#define DZ_MD_SHA256 1u
#define DZ_MD_SHA384 2u
#define DZ_MD_SHA512 4u
#define DZ_MD_SM3 8u

typedef struct {
	unsigned rsa_min;    /* bits */
	unsigned curves;     /* DZ_CURVE_* */
	unsigned digests;    /* DZ_MD_*: in every signature, certificates' too */
} dz_policy;

/* Why a key or certificate is refused: a reason id ("policy-rsa-size",
 * "policy-curve", "policy-key-type", "policy-cert-hash") and messages naming
 * the certificate. */
typedef struct {
	const char *id;
	char zh[512], en[512];
} dz_policy_why;

/* RSA >= 2048, P-256/384/521 and SM2, SHA-256/384/512 and SM3. */
void dz_policy_default(dz_policy *p);
/* The default tightened by a policy file (doc/package.md); a setting that
 * would loosen it, an unknown one or a malformed line is an error naming
 * the file and line (DOSSIER_EUSAGE). */
int dz_policy_load(dz_policy *p, const char *path);
/* 1 if the digest `nid` is allowed in signatures. */
int dz_policy_md(const dz_policy *p, int nid);
/* 1 if the key (of certificate `x`, named in messages; may be NULL) is
 * allowed, else 0 and *w says why. */
int dz_policy_key(const dz_policy *p, EVP_PKEY *k, X509 *x, dz_policy_why *w);
/* The key, and unless `anchor` the hash of the certificate's signature. */
int dz_policy_cert(const dz_policy *p, X509 *x, int anchor, dz_policy_why *w);
/* Every certificate of a verified chain (leaf first; the last one is the
 * trust anchor when it signed itself). */
int dz_policy_chain(const dz_policy *p, STACK_OF(X509) *chain, dz_policy_why *w);

/* ---------- RFC 3161 time-stamps (tsa.c) ---------- */

/* Ask the TSA at `url` (HTTP or HTTPS) for a token over SHA-256 of `sig`;
 * the reply must grant one that answers the query (version, imprint,
 * nonce). *tok is the token's DER (caller frees). Errors name the URL. */
int dz_tsa_stamp(unsigned char **tok, size_t *toklen, const char *url,
		 const unsigned char *sig, size_t siglen);

typedef struct {
	PKCS7 *p7;            /* the token: a SignedData over a TSTInfo */
	TS_TST_INFO *info;
	long long when;       /* genTime, seconds since 1970 */
} dz_tsa_token;
/* Parse a token (exactly n bytes); 0, or -1 if it is not one. */
int dz_tsa_parse(dz_tsa_token *t, const unsigned char *p, size_t n);
void dz_tsa_dispose(dz_tsa_token *t);
/* 1 if the token's message imprint is the digest of `sig` (*alg_ok says
 * whether its hash is one the policy allows; SM3 is not an RFC 3161 one). */
int dz_tsa_imprint_ok(const dz_tsa_token *t, const dz_policy *pol,
		      const unsigned char *sig, size_t siglen, int *alg_ok);
/* 1 if the TSA's signature on the token verifies, with its chain to
 * `store` for time-stamping, ESS certificate identifier included; 0 if
 * not; -1 on ENOMEM. */
int dz_tsa_signature_ok(const dz_tsa_token *t, X509_STORE *store);

/* ---------- the CAdES file as bytes (cades.c) ---------- */

typedef struct {
	int econtent_nid;   /* NID_pkcs7_data */
	int md_nid;         /* the signer's digest algorithm */
	int sig_is_ec;      /* ecdsa-with-SHAnnn (else an RSA algorithm) */
	int ncerts;         /* certificates carried */
	const unsigned char *sig;     /* the signature value */
	size_t sig_len;
	const unsigned char *token;   /* the time-stamp token (DER), or NULL */
	size_t token_len;
} dz_cades_info;

/* Walk the DER of a .p7s before OpenSSL parses it: strict DER, RFC 5652
 * sections 5.1-5.3 and 11 and this profile (detached id-data, one signer,
 * no crls, X.509 certificates only, the four signed attributes of
 * CAdES-B-B each once with one value, content-type equal to eContentType,
 * digest and signature algorithms agreeing and allowed by `pol`, no
 * unsigned attribute but those the format defines). 0 or DZ_REJECTED. */
int dz_cades_profile(const unsigned char *p, size_t n, const dz_policy *pol,
		     dz_cades_info *info, dz_problem *prob);

/* ---------- manifest (manifest.c) ---------- */

typedef struct {
	char *name;            /* entry name (NFC UTF-8) */
	const char *media;     /* static */
	const char *role;      /* "report", "data", "section", "evidence" */
	char *supports;        /* "document:annual-report field:rd_staff ..." */
	char *evidence_id, *evidence_kind, *evidence_title;   /* or NULL */
	uint64_t size;
	unsigned char sha256[32], sm3[32];
	int rootfile;
} dz_mentry;

typedef struct {
	const char *scheme, *source, *centre, *created, *tool, *stage;
	int complete, allow_incomplete;
	size_t errors, warnings;
	const dossier_report *findings;   /* errors listed when incomplete */
	int has_cms, has_sm2, has_sm2_chain, has_sm3;
	unsigned char sm2_cert_sm3[32];   /* SM3 of the SM2 signer's DER certificate */
} dz_mhead;

/* Serialise the manifest (caller frees *out with dz_free). */
int dz_manifest_write(char **out, size_t *outlen, const dz_mhead *h,
		      const dz_mentry *e, size_t n);

typedef struct {
	char *scheme, *source, *centre, *created, *tool, *stage;
	int complete, allow_incomplete;
	size_t errors;
	char **finding_rules;
	size_t nfindings;
	char *sigref;             /* SigReference URI, decoded */
	int has_cms, has_sm2, has_sm2_chain, has_sm3;
	unsigned char sm2_cert_sm3[32];   /* the SM2 signer the manifest names */
	dz_mentry *e;
	size_t n;
} dz_manifest;

/* Parse and check the manifest (strict: ETSI structure, our extension,
 * decoded URIs, base64 digests of the right length, no duplicates).
 * Returns 0, DZ_REJECTED or a negative error. */
int dz_manifest_parse(dz_manifest *m, const char *xml, size_t len,
		      dz_problem *prob);
void dz_manifest_dispose(dz_manifest *m);

/* ---------- time ---------- */

/* Seconds since 1970 to DOS date/time (UTC, clamped to 1980-2107) and to
 * "YYYY-MM-DDTHH:MM:SSZ" (buffer of 21 bytes). */
void dz_dos_time(long long t, uint16_t *date, uint16_t *time);
void dz_iso_time(long long t, char buf[21]);

/* ---------- extraction (extract.c) ---------- */

/* Create `dir` (absent or empty) and write every entry of `z` into it with
 * O_CREAT|O_EXCL|O_NOFOLLOW, re-checking each data entry's SHA-256 against
 * `want` (indexed like the ZIP, NULL for META-INF and mimetype entries)
 * while writing. On any failure everything written is removed. */
int dz_extract(dz_zipr *z, const char *dir, const unsigned char *const *want,
	       const dossier_verify_options *opts, uint64_t total,
	       dz_problem *prob);
/* 0 if `dir` does not exist or is an empty directory; an error otherwise. */
int dz_extract_precheck(const char *dir);

#endif
