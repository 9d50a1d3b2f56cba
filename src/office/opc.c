/*
 * opc.c — an Office Open XML package (ECMA-376 part 2) as a hostile input:
 * the ZIP container through libzip, each part inflated under caps, XML
 * parts parsed without DTD or network, relationships resolved.
 *
 * A zip bomb is stopped twice: by the sizes the central directory declares
 * (judged before anything is inflated) and by the bytes really inflated
 * (counted while reading, since the declared sizes may lie). The caps are
 * per part, over all parts read, and on the ratio of a part over 1 MiB.
 * Only the parts the reader asks for are inflated, so entries it never
 * names cost nothing.
 */
#include <errno.h>
#include <string.h>
#include <zip.h>
#include <libxml/parser.h>
#include "util/util.h"
#include "util/text.h"
#include "model.h"
#include "office_int.h"

#define MAX_ENTRIES 10000
#define RATIO_FLOOR (1u << 20) /* parts below this may compress better */

struct dz_opc {
	zip_t *za;
	unsigned char *data;
	char *path;
	dossier_office_options o;
	size_t total;          /* inflated bytes read so far */
};

const char *dz_opc_path(const dz_opc *p) { return p->path; }
const dossier_office_options *dz_opc_opts(const dz_opc *p) { return &p->o; }

/* Record an error "PART: what" in both languages. */
static int part_err(const dz_opc *p, int code, const char *part,
		    const char *zh, const char *en, const char *hint_zh,
		    const char *hint_en)
{
	char *z = dz_fmt("%s：%s", part, zh), *e = dz_fmt("%s: %s", part, en);
	dz_err(code, p->path, 0, 0, z ? z : zh, e ? e : en, hint_zh, hint_en);
	dz_free(z);
	dz_free(e);
	return code;
}

int dz_opc_limit(const dz_opc *p, const char *part, const char *what_zh,
		 const char *what_en, size_t limit, const char *opt)
{
	char *z = dz_fmt("%s（上限 %zu%s%s）", what_zh, limit, opt && *opt ? "，" : "",
			 opt ? opt : "");
	char *e = dz_fmt("%s (limit %zu%s%s)", what_en, limit, opt && *opt ? ", " : "",
			 opt ? opt : "");
	part_err(p, DOSSIER_ELIMIT, part, z ? z : what_zh, e ? e : what_en,
		 "该文件不像正常的 Office 文件；若确是正常文件，请拆分它或放宽该上限。",
		 "The file does not look like a normal Office file; if it is one, "
		 "split it or raise the limit.");
	dz_free(z);
	dz_free(e);
	return DOSSIER_ELIMIT;
}

static int zip_fail(const dz_opc *p, const char *part, zip_error_t *ze)
{
	char *z = dz_fmt("无法读取（%s）", zip_error_strerror(ze));
	char *e = dz_fmt("cannot be read (%s)", zip_error_strerror(ze));
	part_err(p, DOSSIER_EPARSE, part, z ? z : "无法读取", e ? e : "cannot be read",
		 "该文件已损坏或不是 Office 文件；请用 Excel、WPS 或 Word 重新保存。",
		 "The file is damaged or not an Office file; save it again from Excel, WPS or Word.");
	dz_free(z);
	dz_free(e);
	return DOSSIER_EPARSE;
}

int dz_opc_open_mem(dz_opc **out, const void *data, size_t n, const char *path,
		    const dossier_office_options *o)
{
	dz_opc *p;
	zip_source_t *src;
	zip_error_t ze;
	zip_int64_t count;
	*out = NULL;
	p = dz_calloc(1, sizeof *p);
	if (!p)
		return DOSSIER_ENOMEM;
	p->o = *o;
	p->path = dz_strdup(path);
	p->data = dz_malloc(n ? n : 1);
	if (!p->path || !p->data) {
		dz_opc_close(p);
		return DOSSIER_ENOMEM;
	}
	if (n > o->max_file) {
		int rc = dz_opc_limit(p, path, "文件过大", "the file is too large",
				      o->max_file, "--max-input");
		dz_opc_close(p);
		return rc;
	}
	if (n)
		memcpy(p->data, data, n);
	zip_error_init(&ze);
	src = zip_source_buffer_create(p->data, n, 0, &ze);
	if (src)
		p->za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
	if (!p->za) {
		int rc;
		if (src)
			zip_source_free(src);
		rc = part_err(p, DOSSIER_EPARSE, path,
			      "不是 Office 文件（无法作为 ZIP 读取）",
			      "not an Office file (not readable as a ZIP archive)",
			      "用 Excel、WPS 或 Word 另存为 .xlsx 或 .docx（不是 .xls、.doc 或 .et、.wps）。",
			      "Save it from Excel, WPS or Word as .xlsx or .docx (not .xls, .doc, .et or .wps).");
		zip_error_fini(&ze);
		dz_opc_close(p);
		return rc;
	}
	zip_error_fini(&ze);
	count = zip_get_num_entries(p->za, 0);
	if (count < 0 || count > MAX_ENTRIES) {
		int rc = dz_opc_limit(p, path, "ZIP 条目过多", "too many ZIP entries",
				      MAX_ENTRIES, "");
		dz_opc_close(p);
		return rc;
	}
	*out = p;
	return 0;
}

int dz_opc_open(dz_opc **out, const char *path, const dossier_office_options *o)
{
	char *data = NULL;
	size_t n;
	int rc;
	*out = NULL;
	rc = dz_read_file(&data, &n, path, o->max_file);
	if (rc == DOSSIER_ELIMIT) {
		dz_opc dummy;
		memset(&dummy, 0, sizeof dummy);
		dummy.path = (char *)path;
		return dz_opc_limit(&dummy, path, "文件过大", "the file is too large",
				    o->max_file, "--max-input");
	}
	if (rc)
		return rc;
	rc = dz_opc_open_mem(out, data, n, path, o);
	dz_free(data);
	return rc;
}

void dz_opc_close(dz_opc *p)
{
	if (!p)
		return;
	if (p->za)
		zip_discard(p->za); /* frees the source, which does not own data */
	dz_free(p->data);
	dz_free(p->path);
	dz_free(p);
}

/* Part names are case-insensitive (ECMA-376-2 §6.2.2.3); libzip's
 * ZIP_FL_NOCASE finds "XL/Workbook.xml" for "xl/workbook.xml". */
static zip_int64_t locate(dz_opc *p, const char *part)
{
	if (part[0] == '/')
		part++;
	return zip_name_locate(p->za, part, ZIP_FL_NOCASE | ZIP_FL_ENC_GUESS);
}

int dz_opc_has(dz_opc *p, const char *part)
{
	return locate(p, part) >= 0;
}

int dz_opc_read(dz_opc *p, const char *part, char **data, size_t *len)
{
	zip_int64_t idx = locate(p, part);
	zip_stat_t st;
	zip_file_t *zf;
	dz_buf b = DZ_BUF_INIT;
	char chunk[65536];
	zip_int64_t r;
	size_t cap = p->o.max_part;
	*data = NULL;
	*len = 0;
	if (idx < 0)
		return part_err(p, DOSSIER_ENOTFOUND, part, "缺少该部件", "this part is missing",
				"该文件不完整或不是所需类型的 Office 文件；请用 Excel、WPS 或 Word 重新保存。",
				"The file is incomplete or not the kind of Office file needed; "
				"save it again from Excel, WPS or Word.");
	zip_stat_init(&st);
	if (zip_stat_index(p->za, (zip_uint64_t)idx, 0, &st) != 0)
		return zip_fail(p, part, zip_get_error(p->za));
	/* declared sizes first: nothing inflated yet */
	if ((st.valid & ZIP_STAT_SIZE) && st.size > cap)
		return dz_opc_limit(p, part, "解压后过大", "inflates to too many bytes", cap, "");
	if ((st.valid & ZIP_STAT_SIZE) && st.size > p->o.max_total - p->total)
		return dz_opc_limit(p, part, "各部件解压后合计过大",
				    "the parts read inflate to too many bytes in all",
				    p->o.max_total, "");
	if ((st.valid & ZIP_STAT_SIZE) && (st.valid & ZIP_STAT_COMP_SIZE) &&
	    st.size > RATIO_FLOOR && st.size / (st.comp_size ? st.comp_size : 1) > p->o.max_ratio)
		return dz_opc_limit(p, part, "压缩比异常（疑似压缩炸弹）",
				    "its compression ratio is abnormal (a zip bomb?)",
				    p->o.max_ratio, "");
	zf = zip_fopen_index(p->za, (zip_uint64_t)idx, 0);
	if (!zf)
		return zip_fail(p, part, zip_get_error(p->za));
	while ((r = zip_fread(zf, chunk, sizeof chunk)) > 0) {
		size_t got = (size_t)r;
		if (b.len + got > cap || p->total + got > p->o.max_total ||
		    (b.len + got > RATIO_FLOOR && st.comp_size &&
		     (b.len + got) / st.comp_size > p->o.max_ratio)) {
			int over_total = p->total + got > p->o.max_total;
			int over_part = b.len + got > cap;
			zip_fclose(zf);
			dz_buf_dispose(&b);
			if (over_part)
				return dz_opc_limit(p, part, "解压后过大", "inflates to too many bytes",
						    cap, "");
			if (over_total)
				return dz_opc_limit(p, part, "各部件解压后合计过大",
						    "the parts read inflate to too many bytes in all",
						    p->o.max_total, "");
			return dz_opc_limit(p, part, "压缩比异常（疑似压缩炸弹）",
					    "its compression ratio is abnormal (a zip bomb?)",
					    p->o.max_ratio, "");
		}
		if (dz_buf_put(&b, chunk, got)) {
			zip_fclose(zf);
			dz_buf_dispose(&b);
			return DOSSIER_ENOMEM;
		}
		p->total += got;
	}
	if (r < 0) {
		int rc = zip_fail(p, part, zip_file_get_error(zf));
		zip_fclose(zf);
		dz_buf_dispose(&b);
		return rc;
	}
	zip_fclose(zf);
	*len = b.len;
	*data = dz_buf_detach(&b);
	return *data ? 0 : DOSSIER_ENOMEM;
}

int dz_opc_prolog_ok(const dz_opc *p, const char *part, const char *data, size_t len)
{
	/* The DOCTYPE can only stand in the prolog: before the first element,
	 * after the XML declaration, comments and processing instructions.
	 * Refusing it there means no entity is ever declared, so none can be
	 * expanded, however the rest of the part is built. */
	size_t i = 0;
	if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3))
		i = 3;
	while (i < len) {
		unsigned char c = (unsigned char)data[i];
		if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
			i++;
			continue;
		}
		if (c != '<' || i + 1 >= len)
			return 0; /* not markup: the parser will say what is wrong */
		if (data[i + 1] == '?' || (i + 3 < len && !memcmp(data + i + 1, "!--", 3))) {
			const char *end = data[i + 1] == '?' ? "?>" : "-->";
			size_t k = i + 2;
			while (k + strlen(end) <= len && memcmp(data + k, end, strlen(end)))
				k++;
			i = k + strlen(end);
			continue;
		}
		if (data[i + 1] == '!')
			return part_err(p, DOSSIER_EPARSE, part,
					"含有 DOCTYPE（DTD）声明，不予读取（可被用来定义实体，展开成海量数据）",
					"holds a DOCTYPE (DTD) declaration, which is refused (it can "
					"declare entities that expand to huge data)",
					"Office 程序从不写 DTD：该文件是被改过的；请用 Excel、WPS 或 Word 重新保存。",
					"Office programs never write a DTD: the file was tampered with; "
					"save it again from Excel, WPS or Word.");
		return 0;
	}
	return 0;
}

/* Depth and size were capped on the way in; libxml2 additionally keeps
 * its own limits (no XML_PARSE_HUGE). */
static int depth_ok(const dz_opc *p, const char *part, xmlNodePtr root)
{
	xmlNodePtr n = root;
	size_t depth = 1;
	while (n) {
		if (n->type == XML_ELEMENT_NODE && depth > p->o.max_depth) {
			char *z = dz_fmt("XML 嵌套过深（第 %ld 行）", xmlGetLineNo(n));
			char *e = dz_fmt("XML nested too deeply (line %ld)", xmlGetLineNo(n));
			dz_opc_limit(p, part, z ? z : "XML 嵌套过深", e ? e : "XML nested too deeply",
				     p->o.max_depth, "");
			dz_free(z);
			dz_free(e);
			return DOSSIER_ELIMIT;
		}
		if (n->type == XML_ELEMENT_NODE && n->children) {
			n = n->children;
			depth++;
			continue;
		}
		while (n && !n->next) {
			n = n->parent;
			depth--;
			if (!n || n == root->parent)
				return 0;
		}
		if (n)
			n = n->next;
	}
	return 0;
}

int dz_opc_text(dz_opc *p, const char *part, char **utf8, size_t *len)
{
	char *raw;
	size_t n;
	const char *used = "UTF-8";
	int rc;
	*utf8 = NULL;
	*len = 0;
	if ((rc = dz_opc_read(p, part, &raw, &n)) != 0)
		return rc;
	rc = dz_decode(utf8, len, &used, raw, n, NULL, part, 1);
	dz_free(raw);
	if (rc == 0 && (rc = dz_opc_prolog_ok(p, part, *utf8, *len)) != 0) {
		dz_free(*utf8);
		*utf8 = NULL;
	}
	if (rc == 0 && *len > INT32_MAX) {
		dz_free(*utf8);
		*utf8 = NULL;
		rc = dz_opc_limit(p, part, "XML 过大", "XML too large", INT32_MAX, "");
	}
	return rc;
}

int dz_opc_xml(dz_opc *p, const char *part, xmlDocPtr *doc)
{
	char *data;
	size_t len;
	int rc;
	dz_xml_errors xe;
	*doc = NULL;
	if ((rc = dz_opc_text(p, part, &data, &len)) != 0)
		return rc;
	dz_xml_errors_begin(&xe);
	*doc = xmlReadMemory(data, (int)len, part, "UTF-8",
			     XML_PARSE_NONET | XML_PARSE_NOCDATA);
	dz_xml_errors_end();
	dz_free(data);
	if (!*doc && xe.count && strstr(xe.first_msg, "Excessive depth")) {
		/* libxml2's own cap (256 without XML_PARSE_HUGE) came first */
		char *z = dz_fmt("XML 嵌套过深（第 %d 行）", xe.first_line);
		char *e = dz_fmt("XML nested too deeply (line %d)", xe.first_line);
		dz_opc_limit(p, part, z ? z : "XML 嵌套过深", e ? e : "XML nested too deeply", 256, "");
		dz_free(z);
		dz_free(e);
		return DOSSIER_ELIMIT;
	}
	if (!*doc || xe.count || !xmlDocGetRootElement(*doc) ||
	    (*doc)->intSubset || (*doc)->extSubset) {
		char *z = dz_fmt("XML 格式错误（第 %d 行：%s）", xe.first_line,
				 xe.count ? xe.first_msg : "?");
		char *e = dz_fmt("malformed XML (line %d: %s)", xe.first_line,
				 xe.count ? xe.first_msg : "?");
		xmlFreeDoc(*doc);
		*doc = NULL;
		part_err(p, DOSSIER_EPARSE, part, z ? z : "XML 格式错误", e ? e : "malformed XML",
			 "该文件已损坏；请用 Excel、WPS 或 Word 重新保存。",
			 "The file is damaged; save it again from Excel, WPS or Word.");
		dz_free(z);
		dz_free(e);
		return DOSSIER_EPARSE;
	}
	if ((rc = depth_ok(p, part, xmlDocGetRootElement(*doc))) != 0) {
		xmlFreeDoc(*doc);
		*doc = NULL;
	}
	return rc;
}

int dz_el(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

xmlNodePtr dz_el_child(const xmlNode *n, const char *name)
{
	xmlNodePtr c;
	for (c = n ? n->children : NULL; c; c = c->next)
		if (dz_el(c, name))
			return c;
	return NULL;
}

const char *dz_el_attr(const xmlNode *n, const char *name)
{
	xmlAttrPtr a;
	for (a = n ? n->properties : NULL; a; a = a->next)
		if (!strcmp((const char *)a->name, name) && a->children &&
		    a->children->type == XML_TEXT_NODE)
			return (const char *)a->children->content;
		else if (!strcmp((const char *)a->name, name))
			return "";
	return NULL;
}

/* The folder of a part, "" for the root: "xl/workbook.xml" → "xl/". */
static char *folder(const char *part)
{
	const char *slash = strrchr(part, '/');
	return dz_strndup(part, slash ? (size_t)(slash - part + 1) : 0);
}

/* Resolve `target` against `base` folder: "worksheets/sheet1.xml" under
 * "xl/", "/xl/styles.xml" absolute, "../media/x.png"; NULL if it climbs
 * out of the package. */
static char *resolve(const char *base, const char *target)
{
	dz_buf b = DZ_BUF_INIT;
	const char *s;
	char *joined, *seg, *save = NULL;
	char *out;
	size_t mark[64];
	int n = 0;
	if (target[0] == '/')
		joined = dz_strdup(target + 1);
	else
		joined = dz_fmt("%s%s", base, target);
	if (!joined)
		return NULL;
	for (seg = strtok_r(joined, "/", &save); seg; seg = strtok_r(NULL, "/", &save)) {
		if (!strcmp(seg, "."))
			continue;
		if (!strcmp(seg, "..")) {
			if (n == 0) {
				dz_free(joined);
				dz_buf_dispose(&b);
				return dz_strdup("");
			}
			b.len = mark[--n];
			if (b.ptr)
				b.ptr[b.len] = '\0';
			continue;
		}
		if (n < 64)
			mark[n++] = b.len;
		if (b.len)
			dz_buf_putc(&b, '/');
		dz_buf_puts(&b, seg);
	}
	dz_free(joined);
	s = dz_buf_cstr(&b);
	out = dz_strdup(s);
	dz_buf_dispose(&b);
	return out;
}

char *dz_opc_rel_target(dz_opc *p, const char *source, const char *rid)
{
	char *dir = folder(source), *relpart;
	const char *slash = strrchr(source, '/');
	xmlDocPtr doc = NULL;
	xmlNodePtr r;
	char *out = NULL;
	if (!dir)
		return NULL;
	relpart = dz_fmt("%s_rels/%s.rels", dir, slash ? slash + 1 : source);
	dz_free(dir);
	if (!relpart || !dz_opc_has(p, relpart) || dz_opc_xml(p, relpart, &doc) != 0) {
		dz_free(relpart);
		return NULL;
	}
	for (r = xmlDocGetRootElement(doc)->children; r && !out; r = r->next) {
		const char *id = dz_el_attr(r, "Id"), *target = dz_el_attr(r, "Target");
		if (dz_el(r, "Relationship") && id && target && !strcmp(id, rid))
			out = dz_strdup(target);
	}
	xmlFreeDoc(doc);
	dz_free(relpart);
	return out;
}

char *dz_opc_rel(dz_opc *p, const char *source, const char *rid,
		 const char *type_suffix)
{
	char *dir = folder(source), *relpart;
	const char *slash = strrchr(source, '/');
	xmlDocPtr doc = NULL;
	xmlNodePtr r;
	char *out = NULL;
	if (!dir)
		return NULL;
	relpart = dz_fmt("%s_rels/%s.rels", dir, slash ? slash + 1 : source);
	if (!relpart || !dz_opc_has(p, relpart) || dz_opc_xml(p, relpart, &doc) != 0) {
		dz_free(relpart);
		dz_free(dir);
		return NULL;
	}
	for (r = xmlDocGetRootElement(doc)->children; r && !out; r = r->next) {
		const char *id = dz_el_attr(r, "Id"), *type = dz_el_attr(r, "Type");
		const char *target = dz_el_attr(r, "Target"), *mode = dz_el_attr(r, "TargetMode");
		if (!dz_el(r, "Relationship") || !target || (mode && !strcmp(mode, "External")))
			continue;
		if (rid ? (id && !strcmp(id, rid))
			: (type && type_suffix && dz_endswith(type, type_suffix)))
			out = resolve(dir, target);
	}
	xmlFreeDoc(doc);
	dz_free(relpart);
	dz_free(dir);
	return out;
}
