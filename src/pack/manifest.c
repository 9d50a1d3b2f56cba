/*
 * manifest.c — META-INF/ASiCManifest.xml: what the signatures cover.
 *
 * The manifest follows the ETSI ASiCManifest schema (EN 319 162-1): one
 * SigReference, one DataObjectReference per data entry with its SHA-256, and
 * extensions (non-critical, namespace urn:dossier:package:1) that carry what
 * a supervising unit needs to know about each entry — size, role, the
 * outline item it supports, the evidence record, an SM3 digest when signed
 * with SM2 — and about the package: scheme, centre, creation time, whether
 * it was packed incomplete (with the findings), and which signatures exist.
 * Declaring the signatures inside the signed manifest means none of them
 * can be stripped unnoticed.
 *
 * Written with libxml2's xmlTextWriter; read back strictly: anything the
 * writer would not produce is a rejection, so there is one reading of a
 * manifest, not several.
 */
#define _GNU_SOURCE 1     /* memmem */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include "util/util.h"
#include "model.h"
#include "pack_int.h"

/* ================= writing ================= */

#define W(call) do { if ((call) < 0) goto fail; } while (0)

static int attr(xmlTextWriterPtr w, const char *k, const char *v)
{
	return xmlTextWriterWriteAttribute(w, BAD_CAST k, BAD_CAST v);
}

int dz_manifest_write(char **out, size_t *outlen, const dz_mhead *h,
		      const dz_mentry *e, size_t n)
{
	xmlBufferPtr buf;
	xmlTextWriterPtr w = NULL;
	size_t i;
	char num[32];
	int rc = DOSSIER_ENOMEM;
	*out = NULL;
	dz_xml_init();
	buf = xmlBufferCreate();
	if (!buf || !(w = xmlNewTextWriterMemory(buf, 0)))
		goto fail;
	W(xmlTextWriterSetIndent(w, 1));
	W(xmlTextWriterSetIndentString(w, BAD_CAST "  "));
	W(xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL));
	W(xmlTextWriterStartElement(w, BAD_CAST "ASiCManifest"));
	W(attr(w, "xmlns", DZ_NS_ASIC));
	W(attr(w, "xmlns:ds", DZ_NS_DS));
	W(attr(w, "xmlns:d", DZ_NS_PKG));
	W(xmlTextWriterStartElement(w, BAD_CAST "SigReference"));
	W(attr(w, "URI", h->has_cms ? DZ_CMS_NAME : DZ_SM2_NAME));
	W(attr(w, "MimeType", h->has_cms ? "application/pkcs7-signature"
			      : "application/octet-stream"));
	W(xmlTextWriterEndElement(w));
	for (i = 0; i < n; i++) {
		char *uri = dz_uri_encode(e[i].name), *b64;
		if (!uri)
			goto fail;
		rc = xmlTextWriterStartElement(w, BAD_CAST "DataObjectReference");
		if (rc >= 0)
			rc = attr(w, "URI", uri);
		dz_free(uri);
		if (rc < 0)
			goto fail;
		rc = DOSSIER_ENOMEM;
		W(attr(w, "MimeType", e[i].media));
		if (e[i].rootfile)
			W(attr(w, "Rootfile", "true"));
		W(xmlTextWriterStartElement(w, BAD_CAST "ds:DigestMethod"));
		W(attr(w, "Algorithm", DZ_ALG_SHA256));
		W(xmlTextWriterEndElement(w));
		if (!(b64 = dz_base64(e[i].sha256, 32)))
			goto fail;
		rc = xmlTextWriterWriteElement(w, BAD_CAST "ds:DigestValue", BAD_CAST b64);
		dz_free(b64);
		if (rc < 0)
			goto fail;
		rc = DOSSIER_ENOMEM;
		W(xmlTextWriterStartElement(w, BAD_CAST "DataObjectReferenceExtensions"));
		W(xmlTextWriterStartElement(w, BAD_CAST "Extension"));
		W(attr(w, "Critical", "false"));
		W(xmlTextWriterStartElement(w, BAD_CAST "d:entry"));
		snprintf(num, sizeof num, "%llu", (unsigned long long)e[i].size);
		W(attr(w, "size", num));
		W(attr(w, "role", e[i].role));
		W(attr(w, "supports", e[i].supports ? e[i].supports : ""));
		if (e[i].evidence_id)
			W(attr(w, "evidence", e[i].evidence_id));
		if (e[i].evidence_kind && *e[i].evidence_kind)
			W(attr(w, "kind", e[i].evidence_kind));
		if (e[i].evidence_title && *e[i].evidence_title)
			W(attr(w, "title", e[i].evidence_title));
		W(xmlTextWriterEndElement(w));
		if (h->has_sm3) {
			if (!(b64 = dz_base64(e[i].sm3, 32)))
				goto fail;
			rc = xmlTextWriterStartElement(w, BAD_CAST "d:digest");
			if (rc >= 0)
				rc = attr(w, "algorithm", DZ_ALG_SM3);
			if (rc >= 0)
				rc = xmlTextWriterWriteString(w, BAD_CAST b64);
			if (rc >= 0)
				rc = xmlTextWriterEndElement(w);
			dz_free(b64);
			if (rc < 0)
				goto fail;
			rc = DOSSIER_ENOMEM;
		}
		W(xmlTextWriterEndElement(w));   /* Extension */
		W(xmlTextWriterEndElement(w));   /* DataObjectReferenceExtensions */
		W(xmlTextWriterEndElement(w));   /* DataObjectReference */
	}
	W(xmlTextWriterStartElement(w, BAD_CAST "ASiCManifestExtensions"));
	W(xmlTextWriterStartElement(w, BAD_CAST "Extension"));
	W(attr(w, "Critical", "false"));
	W(xmlTextWriterStartElement(w, BAD_CAST "d:dossier"));
	W(attr(w, "scheme", h->scheme));
	if (h->stage && *h->stage)
		W(attr(w, "stage", h->stage));
	W(attr(w, "source", h->source ? h->source : ""));
	W(attr(w, "centre", h->centre));
	W(attr(w, "created", h->created));
	W(attr(w, "tool", h->tool));
	W(attr(w, "complete", h->complete ? "true" : "false"));
	W(attr(w, "allow-incomplete", h->allow_incomplete ? "true" : "false"));
	snprintf(num, sizeof num, "%zu", h->errors);
	W(attr(w, "errors", num));
	snprintf(num, sizeof num, "%zu", h->warnings);
	W(attr(w, "warnings", num));
	W(xmlTextWriterEndElement(w));
	if (h->findings && !h->complete) {
		for (i = 0; i < dossier_report_count(h->findings); i++) {
			const dossier_finding *f = dossier_report_get(h->findings, i);
			if (f->severity != DOSSIER_SEV_ERROR)
				continue;
			W(xmlTextWriterStartElement(w, BAD_CAST "d:finding"));
			W(attr(w, "rule", f->rule));
			W(attr(w, "article", f->article ? f->article : ""));
			W(attr(w, "message", f->msg_zh ? f->msg_zh : ""));
			W(xmlTextWriterEndElement(w));
		}
	}
	if (h->has_cms) {
		W(xmlTextWriterStartElement(w, BAD_CAST "d:signature"));
		W(attr(w, "URI", DZ_CMS_NAME));
		W(attr(w, "format", "cades"));
		W(xmlTextWriterEndElement(w));
	}
	if (h->has_sm2) {
		W(xmlTextWriterStartElement(w, BAD_CAST "d:signature"));
		W(attr(w, "URI", DZ_SM2_NAME));
		W(attr(w, "format", "sm2"));
		W(attr(w, "algorithm", DZ_ALG_SM2SM3));
		W(attr(w, "distinguishing-id", DZ_SM2_ID));
		W(attr(w, "certificate", DZ_SM2_CERT_NAME));
		{
			/* binds the signature to this certificate, as ESS
			 * signing-certificate-v2 does in CAdES */
			char *b64 = dz_base64(h->sm2_cert_sm3, 32);
			if (!b64)
				goto fail;
			rc = attr(w, "certificate-sm3", b64);
			dz_free(b64);
			if (rc < 0)
				goto fail;
			rc = DOSSIER_ENOMEM;
		}
		if (h->has_sm2_chain)
			W(attr(w, "chain", DZ_SM2_CHAIN_NAME));
		W(xmlTextWriterEndElement(w));
	}
	W(xmlTextWriterEndElement(w));   /* Extension */
	W(xmlTextWriterEndElement(w));   /* ASiCManifestExtensions */
	W(xmlTextWriterEndElement(w));   /* ASiCManifest */
	W(xmlTextWriterEndDocument(w));
	xmlFreeTextWriter(w);
	w = NULL;
	if ((size_t)xmlBufferLength(buf) > DZ_MAX_MANIFEST) {
		xmlBufferFree(buf);
		return dz_errf(DOSSIER_ELIMIT, "", 0, 0,
			       "减少证明材料文件数量（合并成册）。",
			       "Use fewer evidence files (merge them into volumes).",
			       "清单超过 %u 字节的上限", "the manifest exceeds the limit of %u bytes",
			       DZ_MAX_MANIFEST);
	}
	*out = dz_strndup((const char *)xmlBufferContent(buf), (size_t)xmlBufferLength(buf));
	*outlen = (size_t)xmlBufferLength(buf);
	xmlBufferFree(buf);
	return *out ? 0 : DOSSIER_ENOMEM;
fail:
	if (w)
		xmlFreeTextWriter(w);
	if (buf)
		xmlBufferFree(buf);
	return dz_err(rc, "", 0, 0, "无法生成清单", "cannot write the manifest", "", "");
}

/* ================= reading ================= */

typedef struct {
	dz_problem *prob;
	dz_manifest *m;
	int oom;
} rd;

/* A structural rejection at node n; zh and en say what is wrong (the
 * "%.0s" skips the other language's text). */
static int bad(rd *r, const xmlNode *n, const char *zh, const char *en)
{
	return dz_reject(r->prob, "manifest-structure", DZ_MANIFEST_NAME,
			 "清单被改动过或不是 dossier pack 生成的；重新获取软件包。",
			 "The manifest was altered or not made by dossier pack; obtain the "
			 "package again.",
			 "清单第 %ld 行：%s%.0s", "manifest line %ld: %.0s%s",
			 n ? (long)xmlGetLineNo((xmlNode *)n) : 0L, zh, en);
}

static int is_el(const xmlNode *n, const char *ns, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
	       !strcmp((const char *)n->ns->href, ns) && !strcmp((const char *)n->name, name);
}

/* Next element sibling from n (inclusive); anything but white-space text
 * in between is a rejection (sets *err). */
static xmlNode *next_el(rd *r, xmlNode *n, int *err)
{
	for (; n; n = n->next) {
		if (n->type == XML_ELEMENT_NODE)
			return n;
		if (n->type == XML_TEXT_NODE) {
			const xmlChar *c = n->content;
			while (c && *c && (*c == ' ' || *c == '\n' || *c == '\r' || *c == '\t'))
				c++;
			if (c && *c) {
				*err = bad(r, n, "元素之间有多余文本", "stray text between elements");
				return NULL;
			}
			continue;
		}
		*err = bad(r, n, "清单中不得有注释、处理指令或 CDATA",
			   "comments, processing instructions and CDATA are not allowed");
		return NULL;
	}
	return NULL;
}

/* The attribute `name` (no namespace), or NULL. Attributes outside the
 * allowed list are a rejection. */
static int check_attrs(rd *r, const xmlNode *n, const char *const *allowed)
{
	const xmlAttr *a;
	for (a = n->properties; a; a = a->next) {
		const char *const *k;
		int ok = 0;
		if (a->ns)
			return bad(r, n, "元素带有不认识的命名空间属性",
				   "an element has an attribute in an unknown namespace");
		for (k = allowed; *k; k++)
			if (!strcmp(*k, (const char *)a->name))
				ok = 1;
		if (!ok)
			return bad(r, n, "元素带有不认识的属性", "an element has an unknown attribute");
	}
	return 0;
}

/* The attribute `name` (no namespace) as a new string, or NULL if absent
 * (or out of memory, which r->oom records). */
static char *get(rd *r, const xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetNoNsProp((xmlNode *)n, BAD_CAST name);
	char *s;
	if (!v)
		return NULL;
	s = dz_strdup((const char *)v);
	xmlFree(v);
	if (!s)
		r->oom = 1;
	return s;
}

/* An Extension must say Critical="false" and nothing else. */
static int check_critical(rd *r, const xmlNode *x)
{
	static const char *const ext_attrs[] = {"Critical", NULL};
	char *crit = get(r, x, "Critical");
	int ok = crit && !strcmp(crit, "false");
	int err;
	dz_free(crit);
	if ((err = check_attrs(r, x, ext_attrs)) != 0)
		return err;
	if (!ok)
		return r->oom ? DOSSIER_ENOMEM
			      : bad(r, x, "Extension 的 Critical 必须为 false",
				    "the Extension must have Critical=\"false\"");
	return 0;
}

/* Text of a leaf element (no child elements). */
static char *leaf_text(rd *r, const xmlNode *n, int *err)
{
	const xmlNode *c;
	xmlChar *t;
	char *s;
	for (c = n->children; c; c = c->next)
		if (c->type != XML_TEXT_NODE) {
			*err = bad(r, n, "叶元素中不得有子元素", "a leaf element has child nodes");
			return NULL;
		}
	t = xmlNodeGetContent((xmlNode *)n);
	s = dz_strdup(t ? (const char *)t : "");
	xmlFree(t);
	if (!s)
		*err = DOSSIER_ENOMEM;
	return s;
}

static int parse_u64(const char *s, uint64_t *v)
{
	char *end;
	unsigned long long x;
	if (!s || !*s || *s < '0' || *s > '9' || (s[0] == '0' && s[1]) || strlen(s) > 20)
		return -1;
	errno = 0;
	x = strtoull(s, &end, 10);
	if (errno || *end)
		return -1;
	*v = x;
	return 0;
}

static int parse_entry(rd *r, xmlNode *dor, dz_mentry *e)
{
	static const char *const dor_attrs[] = {"URI", "MimeType", "Rootfile", NULL};
	static const char *const ent_attrs[] = {"size", "role", "supports", "evidence",
						"kind", "title", NULL};
	xmlNode *c, *x, *ext;
	char *uri, *t;
	int err = 0;
	if ((err = check_attrs(r, dor, dor_attrs)) != 0)
		return err;
	uri = get(r, dor, "URI");
	if (!uri || !*uri)
		return bad(r, dor, "DataObjectReference 缺少 URI", "a DataObjectReference has no URI");
	err = dz_uri_decode(&e->name, uri);
	dz_free(uri);
	if (err == DOSSIER_ENOMEM)
		return err;
	if (err)
		return dz_reject(r->prob, "manifest-uri", DZ_MANIFEST_NAME, "", "",
				 "清单第 %ld 行：URI 的百分号编码不规范",
				 "manifest line %ld: a URI is not canonically percent-encoded",
				 (long)xmlGetLineNo(dor));
	t = get(r, dor, "Rootfile");
	if (t) {
		e->rootfile = !strcmp(t, "true");
		if (strcmp(t, "true") && strcmp(t, "false"))
			err = bad(r, dor, "Rootfile 只能是 true 或 false", "Rootfile must be true or false");
		dz_free(t);
		if (err)
			return err;
	}
	t = get(r, dor, "MimeType");
	if (t) {
		/* kept only as the static string the writer would use */
		dz_packhint hint;
		const char *mt = dz_media_type(e->name, &hint);
		e->media = !strcmp(t, mt) ? mt : "application/octet-stream";
		if (strcmp(t, mt))
			err = bad(r, dor, "MimeType 与文件扩展名不符", "the MimeType does not match the file's extension");
		dz_free(t);
		if (err)
			return err;
	} else {
		return bad(r, dor, "DataObjectReference 缺少 MimeType",
			   "a DataObjectReference has no MimeType");
	}
	c = next_el(r, dor->children, &err);
	if (!is_el(c, DZ_NS_DS, "DigestMethod"))
		return err ? err : bad(r, c ? c : dor, "缺少 ds:DigestMethod", "ds:DigestMethod is missing");
	t = get(r, c, "Algorithm");
	if (!t || strcmp(t, DZ_ALG_SHA256) || c->children) {
		dz_free(t);
		return dz_reject(r->prob, "manifest-algorithm", DZ_MANIFEST_NAME, "", "",
				 "清单第 %ld 行：摘要算法必须是 SHA-256",
				 "manifest line %ld: the digest algorithm must be SHA-256",
				 (long)xmlGetLineNo(c));
	}
	dz_free(t);
	c = next_el(r, c->next, &err);
	if (!is_el(c, DZ_NS_DS, "DigestValue"))
		return err ? err : bad(r, c ? c : dor, "缺少 ds:DigestValue", "ds:DigestValue is missing");
	if (!(t = leaf_text(r, c, &err)))
		return err;
	err = dz_unbase64(e->sha256, 32, t);
	dz_free(t);
	if (err)
		return dz_reject(r->prob, "manifest-digest", DZ_MANIFEST_NAME, "", "",
				 "清单第 %ld 行：摘要值不是 32 字节的 base64",
				 "manifest line %ld: the digest value is not 32 bytes of base64",
				 (long)xmlGetLineNo(c));
	ext = next_el(r, c->next, &err);
	if (!is_el(ext, DZ_NS_ASIC, "DataObjectReferenceExtensions"))
		return err ? err : bad(r, ext ? ext : dor, "缺少 DataObjectReferenceExtensions",
				       "DataObjectReferenceExtensions is missing");
	if (next_el(r, ext->next, &err) || err)
		return err ? err : bad(r, ext->next, "DataObjectReference 中有多余元素",
				       "extra elements in a DataObjectReference");
	x = next_el(r, ext->children, &err);
	if (!is_el(x, DZ_NS_ASIC, "Extension"))
		return err ? err : bad(r, x ? x : ext, "缺少 Extension", "the Extension is missing");
	if ((err = check_critical(r, x)) != 0)
		return err;
	if (next_el(r, x->next, &err) || err)
		return err ? err : bad(r, x->next, "多余的 Extension", "an extra Extension");
	c = next_el(r, x->children, &err);
	if (!is_el(c, DZ_NS_PKG, "entry"))
		return err ? err : bad(r, c ? c : x, "缺少 d:entry", "d:entry is missing");
	if ((err = check_attrs(r, c, ent_attrs)) != 0)
		return err;
	t = get(r, c, "size");
	err = parse_u64(t, &e->size);
	dz_free(t);
	if (err)
		return bad(r, c, "d:entry 的 size 不是非负整数", "d:entry's size is not a non-negative integer");
	t = get(r, c, "role");
	if (!t)
		return bad(r, c, "d:entry 缺少 role", "d:entry has no role");
	e->role = !strcmp(t, "report") ? "report" : !strcmp(t, "data") ? "data"
		: !strcmp(t, "section") ? "section" : !strcmp(t, "evidence") ? "evidence" : NULL;
	dz_free(t);
	if (!e->role)
		return bad(r, c, "d:entry 的 role 未知", "d:entry has an unknown role");
	e->supports = get(r, c, "supports");
	e->evidence_id = get(r, c, "evidence");
	e->evidence_kind = get(r, c, "kind");
	e->evidence_title = get(r, c, "title");
	if (r->oom)
		return DOSSIER_ENOMEM;
	if (c->children)
		return bad(r, c, "d:entry 必须为空元素", "d:entry must be empty");
	c = next_el(r, c->next, &err);
	if (err)
		return err;
	if (c) {
		static const char *const dg_attrs[] = {"algorithm", NULL};
		if (!is_el(c, DZ_NS_PKG, "digest") || (err = check_attrs(r, c, dg_attrs)) != 0)
			return err ? err : bad(r, c, "d:entry 之后只能是 d:digest",
					       "only d:digest may follow d:entry");
		t = get(r, c, "algorithm");
		if (!t || strcmp(t, DZ_ALG_SM3)) {
			dz_free(t);
			return dz_reject(r->prob, "manifest-algorithm", DZ_MANIFEST_NAME, "", "",
					 "清单第 %ld 行：附加摘要只能是 SM3",
					 "manifest line %ld: the additional digest must be SM3",
					 (long)xmlGetLineNo(c));
		}
		dz_free(t);
		if (!(t = leaf_text(r, c, &err)))
			return err;
		err = dz_unbase64(e->sm3, 32, t);
		dz_free(t);
		if (err)
			return dz_reject(r->prob, "manifest-digest", DZ_MANIFEST_NAME, "", "",
					 "清单第 %ld 行：SM3 摘要不是 32 字节的 base64",
					 "manifest line %ld: the SM3 digest is not 32 bytes of base64",
					 (long)xmlGetLineNo(c));
		e->rootfile |= 2;   /* marks "has SM3" until the caller looks */
		if (next_el(r, c->next, &err) || err)
			return err ? err : bad(r, c->next, "d:digest 之后有多余元素",
					       "extra elements after d:digest");
	}
	return 0;
}

static int parse_head(rd *r, xmlNode *exts)
{
	static const char *const head_attrs[] = {"scheme", "stage", "source", "centre", "created",
						 "tool", "complete", "allow-incomplete",
						 "errors", "warnings", NULL};
	static const char *const fnd_attrs[] = {"rule", "article", "message", NULL};
	static const char *const sig_attrs[] = {"URI", "format", "algorithm",
						"distinguishing-id", "certificate", "certificate-sm3",
						"chain", NULL};
	dz_manifest *m = r->m;
	xmlNode *x, *c;
	int err = 0;
	char *t;
	uint64_t v = 0;
	size_t fcap = 0;
	x = next_el(r, exts->children, &err);
	if (!is_el(x, DZ_NS_ASIC, "Extension"))
		return err ? err : bad(r, x ? x : exts, "缺少 Extension", "the Extension is missing");
	if ((err = check_critical(r, x)) != 0)
		return err;
	if (next_el(r, x->next, &err) || err)
		return err ? err : bad(r, x->next, "多余的 Extension", "an extra Extension");
	c = next_el(r, x->children, &err);
	if (!is_el(c, DZ_NS_PKG, "dossier"))
		return err ? err : bad(r, c ? c : x, "缺少 d:dossier", "d:dossier is missing");
	if ((err = check_attrs(r, c, head_attrs)) != 0)
		return err;
	m->scheme = get(r, c, "scheme");
	m->stage = get(r, c, "stage");
	m->source = get(r, c, "source");
	m->centre = get(r, c, "centre");
	m->created = get(r, c, "created");
	m->tool = get(r, c, "tool");
	if (r->oom)
		return DOSSIER_ENOMEM;
	if (!m->scheme || !m->centre || !m->created)
		return bad(r, c, "d:dossier 缺少 scheme、centre 或 created",
			   "d:dossier lacks scheme, centre or created");
	t = get(r, c, "complete");
	m->complete = t && !strcmp(t, "true");
	err = !t || (strcmp(t, "true") && strcmp(t, "false"));
	dz_free(t);
	t = get(r, c, "allow-incomplete");
	m->allow_incomplete = t && !strcmp(t, "true");
	err |= t && strcmp(t, "true") && strcmp(t, "false");
	dz_free(t);
	t = get(r, c, "errors");
	err |= parse_u64(t, &v) != 0;
	m->errors = (size_t)v;
	dz_free(t);
	if (err || (!m->complete && !m->allow_incomplete))
		return bad(r, c, "d:dossier 的完整性标记无效", "d:dossier's completeness flags are invalid");
	for (c = next_el(r, c->next, &err); c && !err; c = next_el(r, c->next, &err)) {
		if (is_el(c, DZ_NS_PKG, "finding")) {
			char **nf;
			if ((err = check_attrs(r, c, fnd_attrs)) != 0)
				return err;
			if (dz_grow((void **)&m->finding_rules, &fcap, m->nfindings, sizeof *nf))
				return DOSSIER_ENOMEM;
			nf = m->finding_rules;
			if (!(nf[m->nfindings] = get(r, c, "rule")) && r->oom)
				return DOSSIER_ENOMEM;
			if (!nf[m->nfindings])
				return bad(r, c, "d:finding 缺少 rule", "d:finding has no rule");
			m->nfindings++;
			continue;
		}
		if (is_el(c, DZ_NS_PKG, "signature")) {
			char *uri, *fmt;
			if ((err = check_attrs(r, c, sig_attrs)) != 0)
				return err;
			uri = get(r, c, "URI");
			fmt = get(r, c, "format");
			if (uri && fmt && !strcmp(fmt, "cades") && !strcmp(uri, DZ_CMS_NAME) &&
			    !m->has_cms && !xmlHasProp(c, BAD_CAST "certificate")) {
				m->has_cms = 1;
			} else if (uri && fmt && !strcmp(fmt, "sm2") && !strcmp(uri, DZ_SM2_NAME) &&
				   !m->has_sm2) {
				char *alg = get(r, c, "algorithm"), *id = get(r, c, "distinguishing-id"),
				     *cert = get(r, c, "certificate"), *chain = get(r, c, "chain"),
				     *csm3 = get(r, c, "certificate-sm3");
				int ok = alg && id && cert && !strcmp(alg, DZ_ALG_SM2SM3) &&
					 !strcmp(id, DZ_SM2_ID) && !strcmp(cert, DZ_SM2_CERT_NAME) &&
					 (!chain || !strcmp(chain, DZ_SM2_CHAIN_NAME));
				m->has_sm2 = 1;
				m->has_sm2_chain = chain != NULL;
				dz_free(alg);
				dz_free(id);
				dz_free(cert);
				dz_free(chain);
				if (r->oom)
					err = DOSSIER_ENOMEM;
				else if (!ok)
					err = bad(r, c, "SM2 签名的声明无效", "the SM2 signature's declaration is invalid");
				else if (!csm3 || dz_unbase64(m->sm2_cert_sm3, 32, csm3) != 0)
					err = bad(r, c, "SM2 签名的声明没有用 certificate-sm3 指明签名者证书"
						  "（较早的 dossier 打的包：SM2 签名者未与签名绑定）",
						  "the SM2 signature's declaration does not name the signer's "
						  "certificate with certificate-sm3 (a package of an older "
						  "dossier: the SM2 signer is not bound to the signature)");
				dz_free(csm3);
			} else {
				err = bad(r, c, "未知或重复的签名声明", "an unknown or repeated signature declaration");
			}
			dz_free(uri);
			dz_free(fmt);
			if (err)
				return err;
			continue;
		}
		return bad(r, c, "ASiCManifestExtensions 中有未知元素",
			   "an unknown element in ASiCManifestExtensions");
	}
	if (err)
		return err;
	if (!m->has_cms && !m->has_sm2)
		return bad(r, exts, "清单没有声明任何签名", "the manifest declares no signature");
	return 0;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(((const dz_mentry *)a)->name, ((const dz_mentry *)b)->name);
}

static long line_at(const char *x, size_t i)
{
	long line = 1;
	const char *p = x, *end = x + i;
	while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		line++;
		p++;
	}
	return line;
}

/* Before libxml2 sees the manifest, one pass over its bytes:
 *  - libxml2 2.9 compares each attribute (and namespace declaration) of an
 *    element with every earlier one, so an element with 100,000 of them
 *    costs minutes, before any signature is checked. The manifest's
 *    elements have at most nine: a start tag with more than 32 is refused;
 *  - comments, processing instructions (but the XML declaration) and CDATA
 *    sections are refused wherever they are: libxml2 merges CDATA into text
 *    and keeps comments outside the root where the strict reader does not
 *    look, so they would pass unseen;
 *  - a DOCTYPE is refused (and with it every entity trick). */
#define MAX_ATTRS 32
static int prescan(const char *x, size_t n, dz_problem *prob)
{
	size_t i = 0;
	while (i < n) {
		const char *lt = memchr(x + i, '<', n - i);
		size_t j, count = 0;
		char quote = 0;
		if (!lt)
			return 0;
		i = (size_t)(lt - x);
		if (n - i >= 2 && lt[1] == '!') {
			int doctype = !(n - i >= 4 && !memcmp(lt, "<!--", 4)) &&
				      !(n - i >= 9 && !memcmp(lt, "<![CDATA[", 9));
			return dz_reject(prob, doctype ? "manifest-xml" : "manifest-structure",
					 DZ_MANIFEST_NAME, "", "",
					 "清单第 %ld 行：不允许 DOCTYPE、注释或 CDATA",
					 "manifest line %ld: DOCTYPE, comments and CDATA are not allowed",
					 line_at(x, i));
		}
		if (n - i >= 2 && lt[1] == '?') {
			const char *end = memmem(lt + 2, n - i - 2, "?>", 2);
			if (i != 0 || n < 5 || memcmp(lt, "<?xml", 5))
				return dz_reject(prob, "manifest-structure", DZ_MANIFEST_NAME, "", "",
						 "清单第 %ld 行：除开头的 XML 声明外不允许处理指令",
						 "manifest line %ld: no processing instruction but the XML "
						 "declaration at the start", line_at(x, i));
			if (!end)
				return 0;   /* unterminated: libxml2 says so */
			i = (size_t)(end - x) + 2;
			continue;
		}
		for (j = i + 1; j < n; j++) {
			char c = x[j];
			if (quote) {
				if (c == quote)
					quote = 0;
			} else if (c == '"' || c == '\'') {
				quote = c;
			} else if (c == '=') {
				if (++count > MAX_ATTRS)
					return dz_reject(prob, "manifest-structure", DZ_MANIFEST_NAME, "", "",
							 "清单第 %ld 行：一个元素的属性超过 %d 个",
							 "manifest line %ld: an element has more than %d "
							 "attributes", line_at(x, i), MAX_ATTRS);
			} else if (c == '>') {
				break;
			}
		}
		i = j + 1;
	}
	return 0;
}

int dz_manifest_parse(dz_manifest *m, const char *xml, size_t len, dz_problem *prob)
{
	xmlDocPtr doc = NULL;
	xmlNode *root, *c;
	rd r = {prob, m, 0};
	int rc = 0, err = 0;
	size_t cap = 0, i, sm3 = 0;
	memset(m, 0, sizeof *m);
	if ((rc = prescan(xml, len, prob)) != 0)
		return rc;
	if (dz_xml_parse(&doc, xml, len, DZ_MANIFEST_NAME) != 0) {
		const dossier_error *e = dossier_error_last();
		return dz_reject(prob, "manifest-xml", DZ_MANIFEST_NAME, "", "",
				 "清单不是合格的 XML（第 %d 行：%s）",
				 "the manifest is not well-formed XML (line %d: %s)",
				 e ? e->line : 0, e ? e->msg_en : "?");
	}
	root = xmlDocGetRootElement(doc);
	if (!is_el(root, DZ_NS_ASIC, "ASiCManifest") || root->properties) {
		rc = bad(&r, root, "根元素不是 ETSI ASiCManifest",
			 "the root element is not an ETSI ASiCManifest");
		goto done;
	}
	c = next_el(&r, root->children, &err);
	if (!is_el(c, DZ_NS_ASIC, "SigReference") || c->children) {
		rc = err ? err : bad(&r, c ? c : root, "缺少 SigReference", "SigReference is missing");
		goto done;
	}
	{
		static const char *const sr_attrs[] = {"URI", "MimeType", NULL};
		char *u;
		if ((rc = check_attrs(&r, c, sr_attrs)) != 0)
			goto done;
		u = get(&r, c, "URI");
		if (!u || dz_uri_decode(&m->sigref, u) != 0) {
			dz_free(u);
			rc = bad(&r, c, "SigReference 的 URI 无效", "SigReference has an invalid URI");
			goto done;
		}
		dz_free(u);
	}
	for (c = next_el(&r, c->next, &err); is_el(c, DZ_NS_ASIC, "DataObjectReference");
	     c = next_el(&r, c->next, &err)) {
		if (dz_grow((void **)&m->e, &cap, m->n, sizeof *m->e)) {
			rc = DOSSIER_ENOMEM;
			goto done;
		}
		memset(&m->e[m->n], 0, sizeof m->e[m->n]);
		m->n++;
		if ((rc = parse_entry(&r, c, &m->e[m->n - 1])) != 0)
			goto done;
	}
	if (err) {
		rc = err;
		goto done;
	}
	if (m->n == 0) {
		rc = bad(&r, c ? c : root, "清单没有列出任何数据条目", "the manifest lists no data entry");
		goto done;
	}
	if (!is_el(c, DZ_NS_ASIC, "ASiCManifestExtensions")) {
		rc = bad(&r, c ? c : root, "缺少 ASiCManifestExtensions",
			 "ASiCManifestExtensions is missing");
		goto done;
	}
	if ((rc = parse_head(&r, c)) != 0)
		goto done;
	if (next_el(&r, c->next, &err) || err) {
		rc = err ? err : bad(&r, c->next, "根元素末尾有多余元素", "extra elements at the end");
		goto done;
	}
	for (i = 0; i < m->n; i++) {
		if (m->e[i].rootfile & 2)
			sm3++;
		m->e[i].rootfile &= 1;
	}
	if (sm3 && sm3 != m->n) {
		rc = bad(&r, root, "只有部分条目带 SM3 摘要", "only some entries carry an SM3 digest");
		goto done;
	}
	m->has_sm3 = sm3 == m->n;
	if (m->has_sm2 && !m->has_sm3) {
		rc = bad(&r, root, "有 SM2 签名却没有 SM3 摘要", "an SM2 signature without SM3 digests");
		goto done;
	}
	if (strcmp(m->sigref, m->has_cms ? DZ_CMS_NAME : DZ_SM2_NAME)) {
		rc = bad(&r, root, "SigReference 没有指向声明的签名",
			 "SigReference does not name the declared signature");
		goto done;
	}
	dz_sort(m->e, m->n, sizeof *m->e, cmp_name);
	for (i = 1; i < m->n; i++)
		if (!strcmp(m->e[i - 1].name, m->e[i].name)) {
			rc = dz_reject(prob, "manifest-duplicate", m->e[i].name, "", "",
				       "清单两次列出同一条目", "the manifest lists the entry twice");
			goto done;
		}
done:
	xmlFreeDoc(doc);
	return rc;
}

void dz_manifest_dispose(dz_manifest *m)
{
	size_t i;
	for (i = 0; i < m->n; i++) {
		dz_free(m->e[i].name);
		dz_free(m->e[i].supports);
		dz_free(m->e[i].evidence_id);
		dz_free(m->e[i].evidence_kind);
		dz_free(m->e[i].evidence_title);
	}
	dz_free(m->e);
	for (i = 0; i < m->nfindings; i++)
		dz_free(m->finding_rules[i]);
	dz_free(m->finding_rules);
	dz_free(m->scheme);
	dz_free(m->stage);
	dz_free(m->source);
	dz_free(m->centre);
	dz_free(m->created);
	dz_free(m->tool);
	dz_free(m->sigref);
	memset(m, 0, sizeof *m);
}
