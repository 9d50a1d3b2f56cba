/*
 * cades.c — the CAdES signature file (META-INF/signature.p7s) read as the
 * bytes it is, before OpenSSL parses it: a strict DER walk of the
 * SignedData that enforces RFC 5652 (§5.1-5.3, §11) and this profile, so
 * that nothing in the file goes unexamined.
 *
 * OpenSSL checks the cryptography (CMS_verify) but accepts BER, unsigned
 * attributes of any kind, a content-type attribute that contradicts the
 * eContentType, two message digests, certificate lists with strangers in
 * them, revocation lists nobody reads. Each of these is a place to hide
 * bytes nobody signed, or a second reading of what was signed; each is
 * refused here with its own reason.
 *
 * What is walked (RFC 5652):
 *   ContentInfo ::= SEQUENCE { contentType id-signedData, [0] EXPLICIT SignedData }
 *   SignedData ::= SEQUENCE { version, digestAlgorithms SET,
 *       encapContentInfo SEQUENCE { id-data } (detached: no eContent),
 *       certificates [0] IMPLICIT SET OF Certificate, (no crls [1]),
 *       signerInfos SET OF SignerInfo (exactly one) }
 *   SignerInfo ::= SEQUENCE { version, sid, digestAlgorithm,
 *       signedAttrs [0] IMPLICIT SET OF Attribute, signatureAlgorithm,
 *       signature OCTET STRING, unsignedAttrs [1] IMPLICIT SET OF Attribute OPTIONAL }
 * Certificates are not walked inside: OpenSSL parses each and its issuer's
 * signature covers its bytes.
 */
#include <string.h>
#include <openssl/asn1.h>
#include <openssl/objects.h>
#include "util/util.h"
#include "pack_int.h"

/* Unsigned attributes the format defines: the RFC 3161 time-stamp token
 * over the signature value (CAdES-B-T), once, with one value; verify.c
 * checks the token itself. */
static const struct {
	const char *oid, *name;
} unsigned_allowed[] = {
	{"1.2.840.113549.1.9.16.2.14", "signatureTimeStampToken"},
	{NULL, NULL}
};

/* Signed attributes of this profile (CAdES-B-B, EN 319 122-1). */
enum { A_CTYPE, A_DIGEST, A_TIME, A_SIGCERT2, A_N };
static const struct {
	int nid;
	const char *name;
} signed_allowed[A_N] = {
	{NID_pkcs9_contentType, "content-type"},
	{NID_pkcs9_messageDigest, "message-digest"},
	{NID_pkcs9_signingTime, "signing-time"},
	{NID_id_smime_aa_signingCertificateV2, "signing-certificate-v2"},
};

/* ---- strict DER ---- */

typedef struct {
	const unsigned char *p;
	size_t n;
} der;

typedef struct {
	unsigned char tag;
	const unsigned char *raw, *v;   /* the whole TLV, its content */
	size_t rawlen, len;
} tlv;

/* The next TLV of d: 1 read, 0 at the end, -1 not DER (a multi-byte tag,
 * an indefinite or non-minimal length, a length past the end). */
static int next(der *d, tlv *t)
{
	size_t len, k, i;
	if (d->n == 0)
		return 0;
	if (d->n < 2 || (d->p[0] & 0x1F) == 0x1F)
		return -1;
	t->raw = d->p;
	t->tag = d->p[0];
	len = d->p[1];
	k = 2;
	if (len & 0x80) {
		size_t nb = len & 0x7F;
		if (nb == 0 || nb > 4 || d->n < 2 + nb || d->p[2] == 0)
			return -1;   /* indefinite (BER), too long, or a leading zero */
		for (len = 0, i = 0; i < nb; i++)
			len = len << 8 | d->p[2 + i];
		if (len < 128)
			return -1;   /* the short form was due */
		k += nb;
	}
	if (len > d->n - k)
		return -1;
	t->v = d->p + k;
	t->len = len;
	t->rawlen = k + len;
	d->p += t->rawlen;
	d->n -= t->rawlen;
	return 1;
}

static der inside(const tlv *t)
{
	der d = {t->v, t->len};
	return d;
}

static int oid_nid(const tlv *t)
{
	const unsigned char *q = t->raw;
	ASN1_OBJECT *o;
	int nid;
	if (t->tag != V_ASN1_OBJECT)
		return -1;
	o = d2i_ASN1_OBJECT(NULL, &q, (long)t->rawlen);
	nid = o && q == t->raw + t->rawlen ? OBJ_obj2nid(o) : -1;
	ASN1_OBJECT_free(o);
	return nid;
}

static void oid_text(const tlv *t, char *buf, size_t cap)
{
	const unsigned char *q = t->raw;
	ASN1_OBJECT *o = d2i_ASN1_OBJECT(NULL, &q, (long)t->rawlen);
	if (!o || OBJ_obj2txt(buf, (int)cap, o, 1) <= 0)
		snprintf(buf, cap, "?");
	ASN1_OBJECT_free(o);
}

/* A small non-negative INTEGER, or -1. */
static long small_int(const tlv *t)
{
	if (t->tag != V_ASN1_INTEGER || t->len != 1 || t->v[0] > 0x7F)
		return -1;
	return t->v[0];
}

/* ---- rejections ---- */

#define P7S DZ_CMS_NAME

static int enc(dz_problem *prob, const char *where)
{
	return dz_reject(prob, "signature-encoding", P7S,
			 "签名文件必须是 DER 编码（dossier pack 写的就是）；它被改写过。",
			 "The signature file must be DER, as dossier pack writes it; it was "
			 "rewritten.",
			 "签名不是严格的 DER 编码（%s）", "the signature is not strict DER (%s)", where);
}

static int fmt(dz_problem *prob, const char *zh, const char *en)
{
	return dz_reject(prob, "signature-format", P7S,
			 "这个签名不符合本格式（RFC 5652 与 doc/package.md）；不要使用这个软件包。",
			 "This signature does not follow the format (RFC 5652 and doc/package.md); "
			 "do not use this package.", "%s%.0s", "%.0s%s", zh, en);
}

static int attrs(dz_problem *prob, const char *zh, const char *en, const char *name)
{
	return dz_reject(prob, "signature-attributes", P7S, "", "", zh, en, name);
}

/* ---- pieces ---- */

/* AlgorithmIdentifier { OID, parameters absent or NULL }; nid, or -1 if
 * malformed; *params says whether a NULL was there. */
static int algid(const tlv *t, int *params)
{
	der d = inside(t);
	tlv o, p;
	int nid, r;
	*params = 0;
	if (t->tag != (V_ASN1_SEQUENCE | V_ASN1_CONSTRUCTED) || next(&d, &o) != 1)
		return -1;
	nid = oid_nid(&o);
	r = next(&d, &p);
	if (r == 1) {
		if (p.tag != V_ASN1_NULL || p.len != 0 || next(&d, &p) != 0)
			return -1;
		*params = 1;
	} else if (r < 0) {
		return -1;
	}
	return nid;
}

/* DER sorts the elements of a SET OF by their encodings. */
static int set_sorted(const tlv *set)
{
	der d = inside(set);
	tlv prev, cur;
	int r, have = 0;
	while ((r = next(&d, &cur)) == 1) {
		if (have) {
			size_t m = prev.rawlen < cur.rawlen ? prev.rawlen : cur.rawlen;
			int c = memcmp(prev.raw, cur.raw, m);
			if (c > 0 || (c == 0 && prev.rawlen > cur.rawlen))
				return 0;
		}
		prev = cur;
		have = 1;
	}
	return r == 0;
}

static int digest_len(int nid)
{
	return nid == NID_sha256 ? 32 : nid == NID_sha384 ? 48 : nid == NID_sha512 ? 64 : 0;
}

/* RFC 5652 §11.3: UTCTime for 1950-2049, GeneralizedTime otherwise, both
 * in the DER form YY[YY]MMDDHHMMSSZ. */
static int time_ok(const tlv *t)
{
	size_t i, digits = t->tag == V_ASN1_UTCTIME ? 12 : t->tag == V_ASN1_GENERALIZEDTIME ? 14 : 0;
	int year;
	if (!digits || t->len != digits + 1 || t->v[digits] != 'Z')
		return 0;
	for (i = 0; i < digits; i++)
		if (t->v[i] < '0' || t->v[i] > '9')
			return 0;
	if (digits == 14) {
		year = (t->v[0] - '0') * 1000 + (t->v[1] - '0') * 100 + (t->v[2] - '0') * 10 +
		       (t->v[3] - '0');
		return year < 1950 || year > 2049;
	}
	return 1;
}

static int check_signed_attrs(const tlv *set, int ctype_nid, int md_nid, dz_problem *prob)
{
	der d = inside(set);
	tlv a;
	int seen[A_N] = {0}, r, i;
	if (set->len == 0)
		return attrs(prob, "签名属性集为空%s", "the signed attributes are empty%s", "");
	if (!set_sorted(set))
		return enc(prob, "signed attributes not in DER order");
	while ((r = next(&d, &a)) == 1) {
		der ad = inside(&a), vd;
		tlv type, vals, val, extra;
		int nid, k;
		char oid[80];
		if (a.tag != (V_ASN1_SEQUENCE | V_ASN1_CONSTRUCTED) || next(&ad, &type) != 1 ||
		    next(&ad, &vals) != 1 || next(&ad, &extra) != 0 ||
		    vals.tag != (V_ASN1_SET | V_ASN1_CONSTRUCTED))
			return fmt(prob, "签名属性格式错误", "a signed attribute is malformed");
		nid = oid_nid(&type);
		for (k = 0; k < A_N && signed_allowed[k].nid != nid; k++)
			;
		if (k == A_N) {
			oid_text(&type, oid, sizeof oid);
			return attrs(prob, "签名属性 %s 不属于本格式",
				     "the signed attribute %s is not part of this format", oid);
		}
		if (seen[k]++)
			return attrs(prob, "签名属性 %s 出现了两次（RFC 5652 §11）",
				     "the signed attribute %s appears twice (RFC 5652 section 11)",
				     signed_allowed[k].name);
		vd = inside(&vals);
		if (!set_sorted(&vals))
			return enc(prob, "attribute values not in DER order");
		if (next(&vd, &val) != 1 || next(&vd, &extra) != 0)
			return attrs(prob, "签名属性 %s 必须恰有一个值（RFC 5652 §11）",
				     "the signed attribute %s must have exactly one value (RFC 5652 "
				     "section 11)", signed_allowed[k].name);
		if (k == A_CTYPE && oid_nid(&val) != ctype_nid)
			return dz_reject(prob, "signature-content-type", P7S,
					 "签名所说的内容类型与它实际封装的不同：这是构造出来的签名。",
					 "The signature claims a content type other than the one it "
					 "encapsulates: it was crafted.",
					 "签名属性 content-type 与 eContentType 不同（RFC 5652 §11.1）",
					 "the content-type attribute differs from the eContentType "
					 "(RFC 5652 section 11.1)");
		if (k == A_DIGEST && (val.tag != V_ASN1_OCTET_STRING ||
				      (int)val.len != digest_len(md_nid)))
			return attrs(prob, "签名属性 %s 不是摘要算法长度的 OCTET STRING",
				     "the signed attribute %s is not an OCTET STRING of the digest's "
				     "length", "message-digest");
		if (k == A_TIME && !time_ok(&val))
			return attrs(prob, "签名属性 %s 的编码不符合 RFC 5652 §11.3（1950-2049 年用 "
				     "UTCTime，其余用 GeneralizedTime，精确到秒并以 Z 结尾）",
				     "the signed attribute %s is not encoded as RFC 5652 section 11.3 "
				     "says (UTCTime for 1950-2049, else GeneralizedTime; seconds, Z)",
				     "signing-time");
		if (k == A_SIGCERT2 && val.tag != (V_ASN1_SEQUENCE | V_ASN1_CONSTRUCTED))
			return attrs(prob, "签名属性 %s 格式错误", "the signed attribute %s is malformed",
				     "signing-certificate-v2");
	}
	if (r < 0)
		return enc(prob, "signed attributes");
	for (i = 0; i < A_N; i++)
		if (!seen[i])
			return attrs(prob, "签名缺少签名属性 %s", "the signature lacks the signed attribute %s",
				     signed_allowed[i].name);
	return 0;
}

static int check_unsigned_attrs(const tlv *set, dz_cades_info *info, dz_problem *prob)
{
	der d = inside(set);
	tlv a;
	int r;
	if (set->len == 0)
		return fmt(prob, "未签名属性集为空（RFC 5652 要求至少一个）",
			   "the unsigned attributes are present but empty (RFC 5652 requires one)");
	while ((r = next(&d, &a)) == 1) {
		der ad = inside(&a);
		tlv type;
		char oid[80];
		size_t k;
		if (a.tag != (V_ASN1_SEQUENCE | V_ASN1_CONSTRUCTED) || next(&ad, &type) != 1 ||
		    type.tag != V_ASN1_OBJECT)
			return fmt(prob, "未签名属性格式错误", "an unsigned attribute is malformed");
		oid_text(&type, oid, sizeof oid);
		for (k = 0; unsigned_allowed[k].oid && strcmp(unsigned_allowed[k].oid, oid); k++)
			;
		if (!unsigned_allowed[k].oid)
			return dz_reject(prob, "signature-unsigned-attribute", P7S,
					 "未签名属性不受签名保护，任何人都能添加；本格式只允许时间戳。",
					 "Unsigned attributes are not protected by the signature: anyone "
					 "can add them. This format allows a time-stamp only.",
					 "签名带有未签名属性 %s（%zu 字节）",
					 "the signature carries an unsigned attribute %s (%zu bytes)",
					 oid, a.rawlen);
		{
			/* the time-stamp token: once, one value, a ContentInfo */
			der vd;
			tlv vals, val, extra;
			if (info->token)
				return dz_reject(prob, "signature-unsigned-attribute", P7S, "", "",
						 "签名带有两个时间戳属性%s", "the signature carries two "
						 "time-stamp attributes%s", "");
			if (next(&ad, &vals) != 1 || vals.tag != (V_ASN1_SET | V_ASN1_CONSTRUCTED) ||
			    next(&ad, &extra) != 0)
				return fmt(prob, "未签名属性格式错误", "an unsigned attribute is malformed");
			vd = inside(&vals);
			if (next(&vd, &val) != 1 || next(&vd, &extra) != 0 ||
			    val.tag != (V_ASN1_SEQUENCE | V_ASN1_CONSTRUCTED))
				return dz_reject(prob, "signature-unsigned-attribute", P7S, "", "",
						 "时间戳属性必须恰有一个值%s",
						 "the time-stamp attribute must have exactly one value%s", "");
			info->token = val.raw;
			info->token_len = val.rawlen;
		}
	}
	return r < 0 ? enc(prob, "unsigned attributes") : 0;
}

/* The signature algorithm must agree with the digest algorithm and name no
 * other hash (RFC 5754: rsaEncryption or shaNNNWithRSAEncryption, ecdsa-
 * with-SHANNN without parameters). */
static int sigalg_ok(int sig, int params, int md, int *is_ec)
{
	int sig_md = NID_undef, pk = NID_undef;
	*is_ec = 0;
	if (sig == NID_rsaEncryption)
		return params;
	if (!OBJ_find_sigid_algs(sig, &sig_md, &pk) || sig_md != md)
		return 0;
	if (pk == NID_rsaEncryption)
		return 1;   /* parameters NULL or absent */
	*is_ec = 1;
	return pk == NID_X9_62_id_ecPublicKey && !params;
}

int dz_cades_profile(const unsigned char *p, size_t n, const dz_policy *pol,
		     dz_cades_info *info, dz_problem *prob)
{
	der d = {p, n}, c, sd, si_set, si;
	tlv ci, t, v, dalgs, eci, signer, x;
	int r, dnid, snid, params, ver, sver, ec;
	memset(info, 0, sizeof *info);
	r = next(&d, &ci);
	if (r < 0)
		return enc(prob, "ContentInfo");
	if (r == 0 || d.n)
		return fmt(prob, "签名不是一个完整的 DER 编码 CMS 结构（其后还有字节）",
			   "the signature is not exactly one DER-encoded CMS structure (bytes follow it)");
	c = inside(&ci);
	if (ci.tag != (V_ASN1_SEQUENCE | V_ASN1_CONSTRUCTED) || next(&c, &t) != 1 ||
	    oid_nid(&t) != NID_pkcs7_signed || next(&c, &v) != 1 || v.tag != 0xA0 ||
	    next(&c, &x) != 0)
		return fmt(prob, "签名不是 CMS SignedData", "the signature is not a CMS SignedData");
	c = inside(&v);
	if (next(&c, &t) != 1 || t.tag != (V_ASN1_SEQUENCE | V_ASN1_CONSTRUCTED) ||
	    next(&c, &x) != 0)
		return fmt(prob, "SignedData 格式错误", "the SignedData is malformed");
	sd = inside(&t);
	/* version, digestAlgorithms, encapContentInfo */
	if (next(&sd, &t) != 1 || (ver = (int)small_int(&t)) < 0 ||
	    next(&sd, &dalgs) != 1 || dalgs.tag != (V_ASN1_SET | V_ASN1_CONSTRUCTED) ||
	    next(&sd, &eci) != 1 || eci.tag != (V_ASN1_SEQUENCE | V_ASN1_CONSTRUCTED))
		return fmt(prob, "SignedData 格式错误", "the SignedData is malformed");
	c = inside(&eci);
	if (next(&c, &t) != 1 || (info->econtent_nid = oid_nid(&t)) != NID_pkcs7_data)
		return fmt(prob, "签名必须封装 id-data（清单的字节）",
			   "the signature must encapsulate id-data (the manifest's bytes)");
	if ((r = next(&c, &t)) != 0)
		return r < 0 ? enc(prob, "encapContentInfo")
			     : fmt(prob, "签名必须是分离式的（不含被签名的内容）",
				   "the signature must be detached (without the signed content)");
	/* certificates [0], no crls [1], signerInfos */
	if ((r = next(&sd, &t)) != 1)
		return r < 0 ? enc(prob, "SignedData") : fmt(prob, "SignedData 格式错误", "the SignedData is malformed");
	if (t.tag == 0xA0) {
		der cd = inside(&t);
		if (!set_sorted(&t))
			return enc(prob, "certificates not in DER order");
		while ((r = next(&cd, &x)) == 1) {
			if (x.tag != (V_ASN1_SEQUENCE | V_ASN1_CONSTRUCTED))
				return fmt(prob, "证书集中只能有 X.509 证书（没有属性证书或其他类型）",
					   "the certificate set may hold X.509 certificates only (no "
					   "attribute or other certificates)");
			info->ncerts++;
		}
		if (r < 0)
			return enc(prob, "certificates");
		if ((r = next(&sd, &t)) != 1)
			return r < 0 ? enc(prob, "SignedData") : fmt(prob, "SignedData 格式错误", "the SignedData is malformed");
	}
	if (t.tag == 0xA1)
		return fmt(prob, "签名带有吊销列表（crls），本格式不允许：没有人会读它",
			   "the signature carries revocation lists (crls), which this format does "
			   "not allow: nothing reads them");
	if (t.tag != (V_ASN1_SET | V_ASN1_CONSTRUCTED) || next(&sd, &x) != 0)
		return fmt(prob, "SignedData 格式错误", "the SignedData is malformed");
	si_set = inside(&t);
	if (next(&si_set, &signer) != 1 || next(&si_set, &x) != 0 ||
	    signer.tag != (V_ASN1_SEQUENCE | V_ASN1_CONSTRUCTED))
		return fmt(prob, "签名必须恰有一个签名者", "the signature must have exactly one signer");
	/* SignerInfo */
	si = inside(&signer);
	if (next(&si, &t) != 1 || (sver = (int)small_int(&t)) < 0 || next(&si, &t) != 1)
		return fmt(prob, "SignerInfo 格式错误", "the SignerInfo is malformed");
	/* RFC 5652 §5.3: version 1 with issuerAndSerialNumber, 3 with a
	 * subjectKeyIdentifier; §5.1: SignedData version 3 if any SignerInfo
	 * is version 3, else 1 (no attribute or other certificates here) */
	if (!((sver == 1 && t.tag == (V_ASN1_SEQUENCE | V_ASN1_CONSTRUCTED)) ||
	      (sver == 3 && t.tag == 0x80)) || ver != (sver == 3 ? 3 : 1))
		return fmt(prob, "SignedData 或 SignerInfo 的版本号与其内容不符（RFC 5652 §5.1、§5.3）",
			   "the version of the SignedData or SignerInfo does not match its "
			   "content (RFC 5652 sections 5.1 and 5.3)");
	if (next(&si, &t) != 1 || (dnid = algid(&t, &params)) < 0)
		return fmt(prob, "SignerInfo 格式错误", "the SignerInfo is malformed");
	info->md_nid = dnid;
	if (!digest_len(dnid) || !dz_policy_md(pol, dnid))
		return dz_reject(prob, "signature-algorithm", P7S, "", "",
				 "签名的摘要算法 %s 不被接受（算法策略）",
				 "the signature's digest algorithm %s is not accepted (algorithm policy)",
				 OBJ_nid2sn(dnid));
	/* digestAlgorithms: exactly the signer's */
	{
		der dd = inside(&dalgs);
		tlv a, b;
		if (next(&dd, &a) != 1 || next(&dd, &b) != 0 || a.rawlen != t.rawlen ||
		    memcmp(a.raw, t.raw, t.rawlen))
			return fmt(prob, "digestAlgorithms 必须恰好列出签名者的摘要算法（RFC 5652 §5.1）",
				   "digestAlgorithms must list exactly the signer's digest algorithm "
				   "(RFC 5652 section 5.1)");
	}
	if (next(&si, &t) != 1 || t.tag != 0xA0)
		return dz_reject(prob, "signature-attributes", P7S,
				 "CAdES 要求签名属性；这个签名不是 dossier pack 生成的。",
				 "CAdES requires signed attributes; this signature was not made by "
				 "dossier pack.", "签名没有签名属性（不是 CAdES）",
				 "the signature has no signed attributes (not CAdES)");
	if ((r = check_signed_attrs(&t, info->econtent_nid, dnid, prob)) != 0)
		return r;
	if (next(&si, &t) != 1 || (snid = algid(&t, &params)) < 0)
		return fmt(prob, "SignerInfo 格式错误", "the SignerInfo is malformed");
	if (!sigalg_ok(snid, params, dnid, &ec))
		return dz_reject(prob, "signature-algorithm", P7S, "", "",
				 "签名算法 %s 与摘要算法不一致，或不属于本格式（RFC 5754）",
				 "the signature algorithm %s does not agree with the digest algorithm "
				 "or is not part of this format (RFC 5754)", OBJ_nid2sn(snid));
	info->sig_is_ec = ec;
	if (next(&si, &t) != 1 || t.tag != V_ASN1_OCTET_STRING)
		return fmt(prob, "SignerInfo 格式错误", "the SignerInfo is malformed");
	info->sig = t.v;        /* what a time-stamp token stamps */
	info->sig_len = t.len;
	if ((r = next(&si, &t)) == 1) {
		if (t.tag != 0xA1)
			return fmt(prob, "SignerInfo 末尾有多余内容", "the SignerInfo has extra content at its end");
		if ((r = check_unsigned_attrs(&t, info, prob)) != 0)
			return r;
		r = next(&si, &t);
		if (r == 1)
			return fmt(prob, "SignerInfo 末尾有多余内容", "the SignerInfo has extra content at its end");
	}
	return r < 0 ? enc(prob, "SignerInfo") : 0;
}
