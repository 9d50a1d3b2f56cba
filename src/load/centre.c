/*
 * centre.c — load a centre source directory (stage 1, see load.h):
 * centre.xml through xml.c, sections/<id>.md through sections.c, and the list
 * of files under evidence/.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <stddef.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <libxml/xpath.h>
#include "util/util.h"
#include "util/num.h"
#include "model.h"
#include "load_int.h"
#include "xsd.h"
#include "office/office_int.h"

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmp_ev(const void *a, const void *b)
{
	return strcmp(((const dz_evfile *)a)->rel, ((const dz_evfile *)b)->rel);
}

/* Walk evidence/ iteratively-bounded: depth ≤ 8, at most `max` entries. */
static int scan_dir(dossier_centre *c, const char *root, const char *rel,
		    int depth, size_t max, size_t *cap)
{
	char *path = rel[0] ? dz_fmt("%s/%s", root, rel) : dz_strdup(root);
	DIR *d;
	struct dirent *de;
	int rc = 0;
	if (!path)
		return DOSSIER_ENOMEM;
	d = opendir(path);
	if (!d) {
		rc = dz_errf(DOSSIER_EIO, path, 0, 0, "检查目录权限。",
			     "Check the directory's permissions.",
			     "无法读取目录（%s）", "cannot read directory (%s)",
			     strerror(errno));
		dz_free(path);
		return rc;
	}
	while ((de = readdir(d)) != NULL && rc == 0) {
		struct stat st;
		char *sub, *full;
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		sub = rel[0] ? dz_fmt("%s/%s", rel, de->d_name) : dz_strdup(de->d_name);
		full = sub ? dz_fmt("%s/%s", root, sub) : NULL;
		if (!sub || !full) {
			dz_free(sub);
			dz_free(full);
			rc = DOSSIER_ENOMEM;
			break;
		}
		if (lstat(full, &st) == 0 && S_ISDIR(st.st_mode)) {
			if (depth >= 8)
				rc = dz_err(DOSSIER_ELIMIT, full, 0, 0,
					    "evidence/ 目录层级过深（上限 8 层）",
					    "evidence/ is nested too deeply (limit 8 levels)",
					    "减少子目录层级。", "Flatten the folders.");
			else
				rc = scan_dir(c, root, sub, depth + 1, max, cap);
			dz_free(sub);
			dz_free(full);
			continue;
		}
		if (c->nfiles >= max) {
			rc = dz_errf(DOSSIER_ELIMIT, root, 0, 0,
				     "合并或删除多余文件，或提高 --max-evidence-files。",
				     "Merge or remove files, or raise --max-evidence-files.",
				     "evidence/ 中文件过多（上限 %zu）",
				     "too many files in evidence/ (limit %zu)", max);
			dz_free(sub);
			dz_free(full);
			break;
		}
		if (dz_grow((void **)&c->files, cap, c->nfiles, sizeof *c->files)) {
			dz_free(sub);
			dz_free(full);
			rc = DOSSIER_ENOMEM;
			break;
		}
		{
			dz_evfile *f = &c->files[c->nfiles++];
			int fd;
			memset(f, 0, sizeof *f);
			f->rel = sub;
			if (lstat(full, &st) == 0) {
				f->regular = S_ISREG(st.st_mode);
				f->size = (long long)st.st_size;
			}
			fd = f->regular ? open(full, O_RDONLY | O_CLOEXEC | O_NOFOLLOW) : -1;
			f->readable = fd >= 0;
			if (fd >= 0)
				close(fd);
		}
		dz_free(full);
	}
	closedir(d);
	dz_free(path);
	return rc;
}

/* A finding of loading (c->notes), made when the first one comes. */
static int load_note(dossier_centre *c, dossier_severity sev, const char *rule,
		     const char *file, const char *zh, const char *en, const char *hint_zh,
		     const char *hint_en)
{
	if (!zh || !en || (!c->notes && !(c->notes = dz_notes_new())))
		return DOSSIER_ENOMEM;
	dz_note(c->notes, sev, rule, file, "", zh, en, hint_zh, hint_en);
	return dz_notes_oom(c->notes) ? DOSSIER_ENOMEM : 0;
}

/* Is sections/name a section? 1 Markdown, 2 Word; 0 not (and said why). */
static int section_kind(dossier_centre *c, const char *dir, const char *name)
{
	struct stat st;
	char *full = dz_fmt("%s/%s", dir, name), *zh = NULL, *en = NULL;
	int kind = 0, isdir, rc = 0;
	if (!full)
		return -1;
	isdir = lstat(full, &st) == 0 && S_ISDIR(st.st_mode);
	if (!isdir && name[0] != '.' && dz_endswith(name, ".md"))
		kind = 1;
	else if (!isdir && name[0] != '.' && strncmp(name, "~$", 2) && dz_endswith(name, ".docx"))
		kind = 2;
	else if (!strncmp(name, "~$", 2)) {
		zh = dz_fmt("%s 是 Word 打开文档时留下的临时文件，未读取", name);
		en = dz_fmt("%s is the lock file Word leaves while a document is open; not read", name);
		rc = load_note(c, DOSSIER_SEV_INFO, "CORE-SECTION-FILE", full, zh, en,
			       "关闭 Word 后它会消失；若仍在，可删除。",
			       "It goes when Word closes; if it stays, delete it.");
	} else {
		zh = dz_fmt("%s %s不是章节文件（.md 或 .docx），未读取", name, isdir ? "是目录，" : "");
		en = dz_fmt("%s %sis not a section file (.md or .docx); not read", name,
			    isdir ? "is a folder and " : "");
		rc = load_note(c, DOSSIER_SEV_WARNING, "CORE-SECTION-FILE", full, zh, en,
			       "把章节另存为 <编号>.md 或 <编号>.docx（.doc、.wps 须先另存为 .docx），或把它移出 sections/。",
			       "Save the section as <id>.md or <id>.docx (a .doc or .wps must be saved as "
			       ".docx first), or move it out of sections/.");
	}
	dz_free(zh);
	dz_free(en);
	dz_free(full);
	return rc ? -1 : kind;
}

static int load_sections(dossier_centre *c, const dossier_load_options *o)
{
	char *dir = dz_fmt("%s/sections", c->dir);
	char **names = NULL;
	size_t n = 0, cap = 0, i;
	DIR *d;
	struct dirent *de;
	int rc = 0;
	if (!dir)
		return DOSSIER_ENOMEM;
	d = opendir(dir);
	if (!d) {
		dz_free(dir);
		return 0; /* no sections/: the check reports each missing section */
	}
	c->have_sections_dir = 1;
	while ((de = readdir(d)) != NULL) {
		int kind;
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		/* every file is a section or a finding: none is passed over */
		if ((kind = section_kind(c, dir, de->d_name)) <= 0) {
			if (kind < 0) {
				rc = DOSSIER_ENOMEM;
				break;
			}
			continue;
		}
		if (n >= o->max_sections) {
			rc = dz_errf(DOSSIER_ELIMIT, dir, 0, 0,
				     "删除多余的 .md 文件，或用 --max-sections 放宽上限。",
				     "Remove extra .md files, or raise the limit with --max-sections.",
				     "sections/ 中章节文件过多（上限 %zu，--max-sections）",
				     "too many section files (limit %zu, --max-sections)", o->max_sections);
			break;
		}
		if (dz_grow((void **)&names, &cap, n, sizeof *names) ||
		    !(names[n] = dz_strdup(de->d_name))) {
			rc = DOSSIER_ENOMEM;
			break;
		}
		n++;
	}
	closedir(d);
	if (rc == 0 && n) {
		qsort(names, n, sizeof *names, cmp_str);
		c->secs = dz_calloc(n, sizeof *c->secs);
		if (!c->secs)
			rc = DOSSIER_ENOMEM;
	}
	for (i = 0; rc == 0 && i < n; i++) {
		dz_section *s = &c->secs[c->nsecs];
		int docx = dz_endswith(names[i], ".docx");
		size_t idlen = strlen(names[i]) - (docx ? 5 : 3);
		char *path;
		if (docx) {
			/* x.docx beside x.md: one section, two texts */
			size_t k;
			int twin = 0;
			for (k = 0; k < n && !twin; k++)
				twin = strlen(names[k]) == idlen + 3 && !strncmp(names[k], names[i], idlen) &&
				       dz_endswith(names[k], ".md");
			if (twin) {
				char *full = dz_fmt("%s/%s", dir, names[i]);
				char *zh = dz_fmt("章节 %.*s 有两个文件（%.*s.md 与 %s），读取 .md，未读取 .docx",
						  (int)idlen, names[i], (int)idlen, names[i], names[i]);
				char *en = dz_fmt("section %.*s has two files (%.*s.md and %s); the .md is "
						  "read, the .docx is not", (int)idlen, names[i], (int)idlen,
						  names[i], names[i]);
				rc = load_note(c, DOSSIER_SEV_ERROR, "CORE-SECTION-TWICE", full ? full : names[i],
					       zh, en, "删除其中一个文件，只保留要报送的那一份。",
					       "Delete one of them and keep the one to submit.");
				dz_free(full);
				dz_free(zh);
				dz_free(en);
				continue;
			}
		}
		path = dz_fmt("%s/%s", dir, names[i]);
		if (!path) {
			rc = DOSSIER_ENOMEM;
			break;
		}
		s->docx = docx;
		s->id = dz_strndup(names[i], idlen);
		s->path = dz_fmt("sections/%s", names[i]);
		if (!s->id || !s->path)
			rc = DOSSIER_ENOMEM;
		else
			rc = dz_section_load(s, path, o, &c->notes);
		c->nsecs++;
		dz_free(path);
	}
	for (i = 0; i < n; i++)
		dz_free(names[i]);
	dz_free(names);
	dz_free(dir);
	if (rc == 0 && dz_notes_oom(c->notes))
		rc = DOSSIER_ENOMEM;
	return rc;
}

static char *xpath_string(xmlDocPtr doc, const char *expr)
{
	xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
	xmlXPathObjectPtr r = ctx ? xmlXPathEvalExpression(BAD_CAST expr, ctx) : NULL;
	char *s = NULL;
	if (r) {
		xmlChar *v = xmlXPathCastToString(r);
		if (v) {
			s = dz_strdup((const char *)v);
			xmlFree(v);
		}
	}
	xmlXPathFreeObject(r);
	xmlXPathFreeContext(ctx);
	return s;
}

/* Set and read back: libxml2 2.9 cannot report a failed allocation here. */
static int set_checked(xmlNodePtr e, const xmlChar *attr, const char *v)
{
	xmlChar *now;
	int ok;
	if (attr)
		xmlSetProp(e, attr, BAD_CAST v);
	else
		xmlNodeSetContent(e, BAD_CAST v);
	now = attr ? xmlGetProp(e, attr) : xmlNodeGetContent(e);
	ok = now && !strcmp((const char *)now, v);
	xmlFree(now);
	return ok ? 0 : DOSSIER_ENOMEM;
}

/* Numbers are normalised once, here, so that every later reader (the
 * XPath of the rules above all) sees "5000.00" where people wrote
 * "5,000.00" or "５０００": number() of a thousands separator is NaN.
 * A figure of the data table or a target may also carry its unit in the
 * text ("1,234.5万元", "12.5%"): the unit moves to @unit unless @unit
 * says otherwise (then the value is left for the check to report). */
static int normalise_value(xmlNodePtr owner, const char *v, int with_unit,
			   char *out, size_t n)
{
	char unit[32];
	const char *p;
	int interesting = 0;
	for (p = v; *p; p++)
		if (*p == ',' || (unsigned char)*p >= 0x80)
			interesting = 1;
	if (!interesting && !with_unit)
		return 0;
	if (!dz_num_canon(v, out, n, unit, sizeof unit))
		return 0;
	if (*unit) {
		xmlChar *have;
		int same;
		if (!with_unit)
			return 0;
		have = xmlGetProp(owner, BAD_CAST "unit");
		same = !have || !strcmp((const char *)have, unit);
		if (!have && set_checked(owner, BAD_CAST "unit", unit) != 0)
			same = 0;
		xmlFree(have);
		if (!same)
			return 0;
	}
	return strcmp(out, v) != 0;
}

static int normalise_numbers(xmlNodePtr e)
{
	int rc = 0;
	for (; e && rc == 0; e = e->next) {
		xmlAttrPtr a;
		xmlNodePtr ch;
		int leaf = 1, with_unit;
		char buf[128];
		if (e->type != XML_ELEMENT_NODE)
			continue;
		for (a = e->properties; a && rc == 0; a = a->next) {
			xmlChar *v = xmlNodeGetContent((xmlNodePtr)a);
			if (!v)
				rc = DOSSIER_ENOMEM;
			else if (strlen((const char *)v) < 96 &&
				 normalise_value(e, (const char *)v, 0, buf, sizeof buf))
				rc = set_checked(e, a->name, buf);
			xmlFree(v);
		}
		for (ch = e->children; ch; ch = ch->next)
			if (ch->type == XML_ELEMENT_NODE)
				leaf = 0;
		if (!leaf) {
			if (rc == 0)
				rc = normalise_numbers(e->children);
			continue;
		}
		with_unit = e->parent && e->parent->type == XML_ELEMENT_NODE &&
			    ((!strcmp((const char *)e->name, "value") &&
			      !strcmp((const char *)e->parent->name, "indicators")) ||
			     (!strcmp((const char *)e->name, "target") &&
			      !strcmp((const char *)e->parent->name, "targets")));
		if (rc == 0) {
			xmlChar *v = xmlNodeGetContent(e);
			if (!v)
				rc = e->children ? DOSSIER_ENOMEM : 0;
			else if (strlen((const char *)v) < 96 &&
				 normalise_value(e, (const char *)v, with_unit, buf, sizeof buf))
				rc = set_checked(e, NULL, buf);
			xmlFree(v);
		}
	}
	return rc;
}

int dossier_centre_load(dossier_centre **out, const char *dir,
			const dossier_load_options *opts)
{
	dossier_centre *c;
	dossier_load_options o = DOSSIER_LOAD_OPTIONS_INIT;
	struct stat st;
	void *schema;
	int rc;
	*out = NULL;
	if (opts && opts->version >= 2)
		o = *opts;
	else if (opts) /* version 1: the fields before max_depth */
		memcpy(&o, opts, offsetof(dossier_load_options, max_depth));
	o.version = DOSSIER_LOAD_OPTIONS_VERSION;
	if (!o.max_depth || !o.max_table_rows || !o.max_sections)
		return dz_err(DOSSIER_EUSAGE, dir, 0, 0, "上限不能为 0",
			      "a limit cannot be 0", "", "");
	if (o.max_depth > DOSSIER_MAX_DEPTH)
		return dz_errf(DOSSIER_EUSAGE, dir, 0, 0, "", "",
			       "嵌套上限最大为 %d（更深的树会耗尽栈）",
			       "the nesting limit can be at most %d (deeper trees would exhaust the stack)",
			       DOSSIER_MAX_DEPTH);
	if (!o.schema_dir)
		return dz_err(DOSSIER_EUSAGE, "", 0, 0, "未指定数据模式目录",
			      "no schema directory given", "", "");
	if (stat(dir, &st) == 0 && S_ISREG(st.st_mode))
		return dz_tables_load(out, dir, &o); /* a received evaluation-tables.xml */
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return dz_errf(DOSSIER_ENOTFOUND, dir, 0, 0,
			       "给出中心材料目录（含 centre.xml）。",
			       "Give a centre directory (the one holding centre.xml).",
			       "不是目录：%s", "not a directory: %s", dir);
	c = dz_calloc(1, sizeof *c);
	if (!c)
		return DOSSIER_ENOMEM;
	c->dir = dz_strdup(dir);
	if (c->dir) {
		size_t n = strlen(c->dir);
		while (n > 1 && c->dir[n - 1] == '/')
			c->dir[--n] = '\0';
	}
	c->xml_path = c->dir ? dz_fmt("%s/centre.xml", c->dir) : NULL;
	if (!c->dir || !c->xml_path) {
		rc = DOSSIER_ENOMEM;
		goto fail;
	}
	if ((rc = dz_xml_load(&c->doc, &c->xml_encoding, c->xml_path,
			      o.max_file_bytes)) != 0 ||
	    (rc = dz_xml_check_shape(c->doc, c->xml_path, o.max_depth,
				     o.max_table_rows)) != 0)
		goto fail;
	schema = dz_schema_get(o.schema_dir, "centre.xsd");
	if (!schema) {
		rc = DOSSIER_ENOTFOUND;
		goto fail;
	}
	rc = dz_schema_validate(schema, c->doc, &c->schema_errors,
				&c->nschema_errors);
	if (rc < 0)
		goto fail;
	/* all of them at once, in Chinese, with labels, units and examples */
	if (c->nschema_errors &&
	    (rc = dz_schema_friendly(o.schema_dir, c->doc, &c->schema_errors,
				     &c->nschema_errors)) < 0)
		goto fail;
	{
		const dz_xmodel *m = dz_xmodel_get(o.schema_dir, "centre.xsd");
		c->xsd = m ? m->root : NULL;
	}
	if ((rc = normalise_numbers(xmlDocGetRootElement(c->doc))) != 0)
		goto fail;
	c->scheme = xpath_string(c->doc, "string(/centre/@scheme)");
	c->stage = xpath_string(c->doc, "string(/centre/@stage)");
	c->name = xpath_string(c->doc, "normalize-space(/centre/identity/name)");
	if (!c->scheme || !c->name || !c->stage) {
		rc = DOSSIER_ENOMEM;
		goto fail;
	}
	if ((rc = load_sections(c, &o)) != 0)
		goto fail;
	{
		char *ev = dz_fmt("%s/evidence", c->dir);
		size_t cap = 0;
		if (!ev) {
			rc = DOSSIER_ENOMEM;
			goto fail;
		}
		if (stat(ev, &st) == 0 && S_ISDIR(st.st_mode)) {
			c->have_evidence_dir = 1;
			rc = scan_dir(c, ev, "", 0, o.max_evidence_files, &cap);
		}
		dz_free(ev);
		if (rc)
			goto fail;
		if (c->nfiles)
			qsort(c->files, c->nfiles, sizeof *c->files, cmp_ev);
	}
	*out = c;
	return 0;
fail:
	if (rc == DOSSIER_ENOMEM && !dossier_error_last())
		dz_err(rc, dir, 0, 0, "内存不足", "out of memory", "", "");
	dossier_centre_free(c);
	return rc;
}

void dossier_centre_free(dossier_centre *c)
{
	size_t i;
	if (!c)
		return;
	for (i = 0; i < c->nsecs; i++)
		dz_section_dispose(&c->secs[i]);
	dz_free(c->secs);
	for (i = 0; i < c->nfiles; i++)
		dz_free(c->files[i].rel);
	dz_free(c->files);
	dz_schema_errors_free(c->schema_errors, c->nschema_errors);
	dossier_report_free(c->notes);
	for (i = 0; i < c->nreceived; i++) {
		dz_free(c->received[i].field);
		dz_free(c->received[i].value);
	}
	dz_free(c->received);
	xmlFreeDoc(c->doc);
	dz_free(c->dir);
	dz_free(c->xml_path);
	dz_free(c->scheme);
	dz_free(c->stage);
	dz_free(c->name);
	dz_free(c);
}

const char *dossier_centre_scheme(const dossier_centre *c) { return c->scheme; }
const char *dossier_centre_stage(const dossier_centre *c) { return c->stage ? c->stage : ""; }
const char *dossier_centre_name(const dossier_centre *c) { return c->name; }
const char *dossier_centre_dir(const dossier_centre *c) { return c->dir; }
const char *dossier_centre_xml_path(const dossier_centre *c) { return c->xml_path; }

xmlNodePtr dz_centre_child(const dossier_centre *c, const char *name)
{
	xmlNodePtr ch;
	for (ch = xmlDocGetRootElement(c->doc)->children; ch; ch = ch->next)
		if (ch->type == XML_ELEMENT_NODE && !strcmp((const char *)ch->name, name))
			return ch;
	return NULL;
}

xmlNodePtr dz_child_with(xmlNodePtr parent, const char *attr, const char *value)
{
	xmlNodePtr ch;
	for (ch = parent ? parent->children : NULL; ch; ch = ch->next) {
		xmlChar *v;
		int m;
		if (ch->type != XML_ELEMENT_NODE)
			continue;
		v = xmlGetProp(ch, BAD_CAST attr);
		m = v && !strcmp((const char *)v, value);
		xmlFree(v);
		if (m)
			return ch;
	}
	return NULL;
}

int dz_centre_submits(const dossier_centre *c, const char *doc)
{
	return dz_child_with(dz_centre_child(c, "submissions"), "document", doc) != NULL;
}

const dz_section *dz_centre_section(const dossier_centre *c, const char *id)
{
	size_t i;
	for (i = 0; i < c->nsecs; i++)
		if (strcmp(c->secs[i].id, id) == 0)
			return &c->secs[i];
	return NULL;
}
