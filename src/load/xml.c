/*
 * xml.c — safe XML reading for every XML input (centre.xml, outlines):
 * decode to UTF-8, parse without network, DTD or entity expansion, capture
 * libxml2's messages instead of letting it print, and validate against a
 * schema compiled once per process.
 */
#include <string.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include "util/util.h"
#include "util/text.h"
#include "model.h"

static _Thread_local dz_xml_errors *cur;

static void on_error(void *payload, xmlErrorPtr err)
{
	dz_xml_errors *e = cur;
	char msg[512];
	size_t n;
	(void)payload;
	if (!e || !err)
		return;
	snprintf(msg, sizeof msg, "%s", err->message ? err->message : "?");
	n = strlen(msg);
	while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	if (e->count++ == 0) {
		e->first_line = err->line;
		memcpy(e->first_msg, msg, n + 1);
	}
	if (e->list && *e->nlist < e->max) {
		size_t k = *e->nlist;
		dz_schema_error *l = dz_realloc(*e->list, (k + 1) * sizeof *l);
		if (!l)
			return;
		*e->list = l;
		memset(&l[k], 0, sizeof l[k]);
		l[k].line = err->line;
		l[k].code = err->code;
		l[k].msg = dz_strdup(msg);
		if (err->node) {
			xmlChar *p = xmlGetNodePath((xmlNodePtr)err->node);
			l[k].path = p ? dz_strdup((const char *)p) : NULL;
			xmlFree(p);
		}
		if (l[k].msg)
			*e->nlist = k + 1;
		else
			dz_free(l[k].path);
	}
}

void dz_xml_errors_begin(dz_xml_errors *e)
{
	dz_xml_init();
	memset(e, 0, sizeof *e);
	cur = e;
	xmlSetStructuredErrorFunc(NULL, on_error);
}

void dz_xml_errors_end(void)
{
	cur = NULL;
	xmlSetStructuredErrorFunc(NULL, NULL);
}

int dz_xml_parse(xmlDocPtr *out, const char *utf8, size_t len, const char *path)
{
	dz_xml_errors e;
	xmlDocPtr doc;
	*out = NULL;
	if (len > INT32_MAX)
		return dz_err(DOSSIER_ELIMIT, path, 0, 0, "XML 文件过大",
			      "XML file too large", "", "");
	dz_xml_errors_begin(&e);
	doc = xmlReadMemory(utf8, (int)len, path, "UTF-8",
			    XML_PARSE_NONET | XML_PARSE_NOCDATA);
	dz_xml_errors_end();
	if (!doc || e.count) {
		xmlFreeDoc(doc);
		return dz_errf(DOSSIER_EPARSE, path, e.first_line, 0,
			       "修正该行的 XML 语法（标签配对、引号、转义 & 和 <）。",
			       "Fix the XML syntax on that line (matching tags, "
			       "quotes, escaping & and <).",
			       "XML 格式错误：%s", "malformed XML: %s",
			       e.count ? e.first_msg : "?");
	}
	if (doc->intSubset || doc->extSubset) {
		int line = doc->intSubset ? (int)xmlGetLineNo((xmlNodePtr)doc->intSubset) : 0;
		xmlFreeDoc(doc);
		return dz_err(DOSSIER_EPARSE, path, line > 0 ? line : 1, 0,
			      "不允许 DOCTYPE/DTD 声明", "DOCTYPE/DTD declarations are not allowed",
			      "删除 <!DOCTYPE ...> 声明。", "Remove the <!DOCTYPE ...> declaration.");
	}
	if (!xmlDocGetRootElement(doc)) {
		xmlFreeDoc(doc);
		return dz_err(DOSSIER_EPARSE, path, 1, 0, "XML 文件没有根元素",
			      "the XML file has no root element", "", "");
	}
	*out = doc;
	return 0;
}

int dz_xml_load(xmlDocPtr *out, const char **enc_used, const char *path,
		size_t max_bytes)
{
	char *raw = NULL, *utf8 = NULL;
	size_t rawlen, len;
	const char *used = "UTF-8";
	int rc;
	*out = NULL;
	if ((rc = dz_read_file(&raw, &rawlen, path, max_bytes)) != 0)
		return rc;
	rc = dz_decode(&utf8, &len, &used, raw, rawlen, NULL, path, 1);
	dz_free(raw);
	if (rc)
		return rc;
	rc = dz_xml_parse(out, utf8, len, path);
	dz_free(utf8);
	if (rc == 0 && enc_used)
		*enc_used = used;
	return rc;
}

int dz_xml_check_shape(xmlDocPtr doc, const char *path, size_t max_depth,
		       size_t max_children)
{
	/* iterative walk: the tree may be as deep as libxml2 allows */
	xmlNodePtr n = xmlDocGetRootElement(doc);
	size_t depth = 1;
	while (n) {
		if (n->type == XML_ELEMENT_NODE) {
			xmlNodePtr k;
			size_t kids = 0;
			if (depth > max_depth)
				return dz_errf(DOSSIER_ELIMIT, path, (int)xmlGetLineNo(n), 0,
					       "减少嵌套层数，或用 --max-depth 放宽上限。",
					       "Nest less, or raise the limit with --max-depth.",
					       "元素 <%s> 嵌套过深（上限 %zu 层，--max-depth）",
					       "element <%s> is nested too deeply (limit %zu levels, --max-depth)",
					       (const char *)n->name, max_depth);
			for (k = n->children; k; k = k->next)
				if (k->type == XML_ELEMENT_NODE && ++kids > max_children)
					return dz_errf(DOSSIER_ELIMIT, path, (int)xmlGetLineNo(k), 0,
						       "拆分该表，或用 --max-table-rows 放宽上限。",
						       "Split the table, or raise the limit with --max-table-rows.",
						       "元素 <%s> 的子元素（行）过多（上限 %zu，--max-table-rows）",
						       "element <%s> has too many child elements (rows) (limit %zu, --max-table-rows)",
						       (const char *)n->name, max_children);
			if (n->children) {
				n = n->children;
				depth++;
				continue;
			}
		}
		while (n && !n->next) {
			n = n->parent;
			depth--;
			if (!n || n->type == XML_DOCUMENT_NODE)
				return 0;
		}
		if (n)
			n = n->next;
	}
	return 0;
}

/* Compiled schemas live for the process: a supervising unit checking 200
 * centres compiles centre.xsd once. */
static struct schema_cache {
	char *key;
	xmlSchemaPtr schema;
} cache[4];

void *dz_schema_get(const char *dir, const char *name)
{
	char *path;
	size_t i;
	xmlSchemaParserCtxtPtr pc;
	xmlSchemaPtr s;
	dz_xml_errors e;
	path = dz_fmt("%s/%s", dir, name);
	if (!path)
		return NULL;
	for (i = 0; i < 4 && cache[i].key; i++) {
		if (strcmp(cache[i].key, path) == 0) {
			dz_free(path);
			return cache[i].schema;
		}
	}
	dz_xml_errors_begin(&e);
	pc = xmlSchemaNewParserCtxt(path);
	s = pc ? xmlSchemaParse(pc) : NULL;
	xmlSchemaFreeParserCtxt(pc);
	dz_xml_errors_end();
	if (!s) {
		dz_errf(DOSSIER_ENOTFOUND, path, e.first_line, 0,
			"检查安装是否完整，或用 DOSSIER_DATADIR 指定数据目录。",
			"Check the installation, or point DOSSIER_DATADIR at the data directory.",
			"无法读取数据模式：%s", "cannot load schema: %s",
			e.count ? e.first_msg : "?");
		dz_free(path);
		return NULL;
	}
	for (i = 0; i < 4 && cache[i].key; i++)
		;
	if (i == 4) {
		/* cache full: keep the schema uncached for the process */
		dz_free(path);
		return s;
	}
	cache[i].key = path;
	cache[i].schema = s;
	return s;
}

int dz_schema_validate(void *schema, xmlDocPtr doc, dz_schema_error **list,
		       size_t *nlist)
{
	xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(schema);
	dz_xml_errors e;
	int rc;
	if (!vc)
		return DOSSIER_ENOMEM;
	dz_xml_errors_begin(&e);
	e.list = list;
	e.nlist = nlist;
	e.max = 200;
	xmlSchemaSetValidStructuredErrors(vc, (xmlStructuredErrorFunc)on_error, NULL);
	rc = xmlSchemaValidateDoc(vc, doc);
	dz_xml_errors_end();
	xmlSchemaFreeValidCtxt(vc);
	if (rc < 0)
		return DOSSIER_ERROR;
	return e.count ? e.count : rc;
}

void dz_schema_errors_free(dz_schema_error *list, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++) {
		dz_free(list[i].msg);
		dz_free(list[i].path);
		dz_free(list[i].zh);
		dz_free(list[i].en);
		dz_free(list[i].hint_zh);
		dz_free(list[i].hint_en);
	}
	dz_free(list);
}
