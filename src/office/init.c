/*
 * init.c — `dossier init`: a new centre directory for a scheme and stage,
 * to fill without reading centre.xsd.
 *
 *   centre.xml        every element centre.xsd requires, empty, each after
 *                     a Chinese comment (its label and notes, how to write
 *                     the value, its optional attributes); the optional
 *                     ones in place as commented-out skeletons; the
 *                     stage's documents as submissions; the data table's
 *                     fields of the stage's data documents (those a
 *                     field-present rule of the stage asks for, empty; the
 *                     others commented out), each with its unit and
 *                     article;
 *   sections/<id>.md  one per section of the stage's documents: the
 *                     outline's heading, its sub-items as headings, and a
 *                     prompt (DZ_PROMPT) under each saying what to write;
 *   evidence/         empty.
 *
 * Everything comes from centre.xsd's model (load/xsd.h) and the outline;
 * the only element names here are the bindings office_int.h declares.
 * `dossier check` on the result is never complete: each empty value is a
 * finding (CORE-SCHEMA or CORE-EMPTY) and so is each prompt (CORE-PROMPT).
 * The directory is built beside DIR and renamed into place: on failure
 * nothing is left.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "util/util.h"
#include "load/xsd.h"
#include "model.h"
#include "office_int.h"

typedef struct {
	const dossier_outline *o;
	const dz_stage *st;
	char *need;        /* per outline field: a field-present rule of the
			      stage asks for it */
	dz_buf b;
} gen;

/* ---------- what the stage asks for ---------- */

static int stage_has_doc(const dz_stage *st, const char *doc)
{
	size_t i;
	for (i = 0; doc && i < st->ndocs; i++)
		if (!strcmp(st->docs[i], doc))
			return 1;
	return 0;
}

static void need_operand(gen *g, const dz_operand *op)
{
	const dz_field *f;
	for (; op; op = op->plus) {
		if (op->kind == DZ_OP_FIELD && (f = dz_outline_field(g->o, op->arg)) != NULL)
			g->need[f - g->o->fields] = 1;
		if (op->den)
			need_operand(g, op->den);
	}
}

/* The fields to fill: those the outline marks required (not derived),
 * and those a rule of the stage reads without leaving them optional (a
 * field-present rule naming them, a sum or comparison that does not
 * skip an absent value: Dalian 第五条's thresholds at apply). */
static void needed_fields(gen *g)
{
	const dossier_outline *o = g->o;
	size_t i, k;
	for (k = 0; k < o->nfields; k++)
		g->need[k] = o->fields[k].required;
	for (i = 0; i < o->nrules; i++) {
		const dz_rule *r = &o->rules[i];
		if (!r->ob || !dz_stage_in(r->ob->stages, r->ob->nstages, g->st->id) ||
		    !dz_stage_in(r->stages, r->nstages, g->st->id) ||
		    (r->document && !stage_has_doc(g->st, r->document)))
			continue;
		if (r->kind == DZ_K_FIELD_PRESENT) {
			for (k = 0; k < r->nfields; k++) {
				const dz_field *f = dz_outline_field(o, r->fields[k]);
				if (f)
					g->need[f - o->fields] = 1;
			}
		} else if ((r->kind == DZ_K_SUM || r->kind == DZ_K_COMPARE) && !r->skip_absent) {
			need_operand(g, r->left);
			need_operand(g, r->right);
			need_operand(g, r->total);
			need_operand(g, r->parts);
		}
	}
	for (k = 0; k < o->nfields; k++)
		if (o->fields[k].derived)
			g->need[k] = 0;
}

/* ---------- writing XML with comments ---------- */

static void indent(gen *g, int depth)
{
	int i;
	for (i = 0; i < depth; i++)
		dz_buf_puts(&g->b, "  ");
}

/* Text inside <!-- -->, which may hold no "--" and not end in "-": a run
 * of hyphens (or a last one) is written with U+2011, which looks the same. */
static void comment_text(gen *g, const char *s)
{
	const char *start = s;
	for (; *s; s++) {
		if (*s == '-' && (s[1] == '-' || s[1] == '\0' || (s > start && s[-1] == '-')))
			dz_buf_puts(&g->b, "\u2011");
		else
			dz_buf_putc(&g->b, *s);
	}
}

static void xml_text(gen *g, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': dz_buf_puts(&g->b, "&amp;"); break;
		case '<': dz_buf_puts(&g->b, "&lt;"); break;
		case '>': dz_buf_puts(&g->b, "&gt;"); break;
		case '"': dz_buf_puts(&g->b, "&quot;"); break;
		default: dz_buf_putc(&g->b, *s); break;
		}
	}
}

/* How a value of node n is written: "日期，写作 YYYY-MM-DD，如 2026-03-01"
 * (its example, unless its notes already give it). */
static void value_hint(dz_buf *b, const dz_xnode *n)
{
	const dz_xtype *t = n->type;
	const char *ex = n->doc && strstr(n->doc, "示例：") ? "" : dz_xnode_example(n);
	char *c;
	if (!t)
		return;
	switch (t->kind) {
	case DZ_XK_DATE:
		dz_buf_puts(b, "日期，写作 YYYY-MM-DD，如 2026-03-01");
		break;
	case DZ_XK_YEAR:
		dz_buf_puts(b, "四位年份，如 2025");
		break;
	case DZ_XK_NUMBER:
		dz_buf_printf(b, "数字，如 %s", *ex ? ex : "1,234.50");
		break;
	case DZ_XK_BOOL:
		dz_buf_puts(b, "true（是）或 false（否）");
		break;
	case DZ_XK_ENUM:
		c = dz_xtype_choices(t, 1);
		dz_buf_printf(b, "取 %s 之一", c ? c : "");
		dz_free(c);
		break;
	default:
		if (*ex)
			dz_buf_printf(b, "如 %s", ex);
		else
			dz_buf_puts(b, "文字");
		if (t->list)
			dz_buf_puts(b, "，多个以空格分隔");
		break;
	}
	if (n->unit)
		dz_buf_printf(b, "，单位 %s", n->unit);
}

/* "name 姓名（必填，如 …）；degree 学位" for the attributes of n. */
static void attr_legend(dz_buf *b, const dz_xnode *n, int required)
{
	size_t i;
	int first = 1;
	for (i = 0; i < n->nkids; i++) {
		const dz_xnode *a = n->kids[i];
		if (!a->attr || (a->required != 0) != required)
			continue;
		dz_buf_printf(b, "%s%s %s（", first ? "" : "；", a->name, a->label);
		value_hint(b, a);
		dz_buf_puts(b, "）");
		first = 0;
	}
}

static int has_attrs(const dz_xnode *n, int required)
{
	size_t i;
	for (i = 0; i < n->nkids; i++)
		if (n->kids[i]->attr && (n->kids[i]->required != 0) == required)
			return 1;
	return 0;
}

static int has_elements(const dz_xnode *n)
{
	size_t i;
	for (i = 0; i < n->nkids; i++)
		if (!n->kids[i]->attr)
			return 1;
	return 0;
}

/* The comment before a live element: its documentation, how to write its
 * value and its attributes. */
static void element_comment(gen *g, const dz_xnode *n, int depth)
{
	dz_buf c = DZ_BUF_INIT;
	dz_buf_puts(&c, n->doc ? n->doc : n->label);
	if (n->type && !has_elements(n)) {
		dz_buf_puts(&c, "（必填，");
		value_hint(&c, n);
		dz_buf_puts(&c, "）");
	}
	if (has_attrs(n, 1)) {
		dz_buf_puts(&c, "\n属性：");
		attr_legend(&c, n, 1);
	}
	if (has_attrs(n, 0)) {
		dz_buf_puts(&c, "\n可选属性（需要时写在标签里）：");
		attr_legend(&c, n, 0);
	}
	indent(g, depth);
	dz_buf_puts(&g->b, "<!-- ");
	{
		/* continuation lines line up under the text */
		const char *s = dz_buf_cstr(&c);
		while (s && *s) {
			const char *nl = strchr(s, '\n');
			size_t len = nl ? (size_t)(nl - s) : strlen(s);
			char *line = dz_strndup(s, len);
			if (line)
				comment_text(g, line);
			dz_free(line);
			if (!nl)
				break;
			dz_buf_putc(&g->b, '\n');
			indent(g, depth);
			dz_buf_puts(&g->b, "     ");
			s = nl + 1;
		}
	}
	dz_buf_puts(&g->b, " -->\n");
	dz_buf_dispose(&c);
}

static void open_tag(gen *g, const dz_xnode *n, int all_attrs)
{
	size_t i;
	dz_buf_printf(&g->b, "<%s", n->name);
	for (i = 0; i < n->nkids; i++) {
		const dz_xnode *a = n->kids[i];
		const char *v = "";
		if (!a->attr || (!all_attrs && !a->required))
			continue;
		if (a->fixed)
			v = a->fixed;
		else if (a->type && a->type->nenums == 1)
			v = a->type->enums[0]; /* the only value it can have */
		else if (!n->parent && !strcmp(a->name, &DZ_SCHEME_KEY[1]))
			v = dossier_outline_id(g->o);
		else if (!n->parent && !strcmp(a->name, &DZ_STAGE_KEY[1]))
			v = g->st->id;
		dz_buf_printf(&g->b, " %s=\"", a->name);
		xml_text(g, v);
		dz_buf_putc(&g->b, '"');
	}
}

/* A skeleton of n: every attribute and child element, empty (inside a
 * commented-out block, so no comments of its own). */
static void skeleton(gen *g, const dz_xnode *n, int depth)
{
	size_t i;
	indent(g, depth);
	open_tag(g, n, 1);
	if (!has_elements(n)) {
		dz_buf_puts(&g->b, n->type ? "></" : "/>\n");
		if (n->type)
			dz_buf_printf(&g->b, "%s>\n", n->name);
		return;
	}
	dz_buf_puts(&g->b, ">\n");
	for (i = 0; i < n->nkids; i++)
		if (!n->kids[i]->attr)
			skeleton(g, n->kids[i], depth + 1);
	indent(g, depth);
	dz_buf_printf(&g->b, "</%s>\n", n->name);
}

/* "name-en 英文名称；person 人员（id 编号、name 姓名 …）" for a block. */
static void legend(dz_buf *b, const dz_xnode *n, int *first, int depth)
{
	size_t i;
	if (depth > 3)
		return;
	for (i = 0; i < n->nkids; i++) {
		const dz_xnode *k = n->kids[i];
		dz_buf_printf(b, "%s%s%s %s", *first ? "" : "；", k->attr ? "" : "<", k->name,
			      k->label);
		if (!k->attr)
			dz_buf_puts(b, ">");
		*first = 0;
		if (k->type && !has_elements(k) && k->type->kind != DZ_XK_TEXT) {
			dz_buf_puts(b, "（");
			value_hint(b, k);
			dz_buf_puts(b, "）");
		}
		if (!k->attr)
			legend(b, k, first, depth + 1);
	}
}

/* An optional element: in place, commented out, to take in when it
 * applies. */
static void optional_block(gen *g, const dz_xnode *n, int depth)
{
	dz_buf c = DZ_BUF_INIT;
	int first = 1;
	dz_buf_printf(&c, "可选 · %s", n->doc ? n->doc : n->label);
	if (n->repeated)
		dz_buf_puts(&c, "（可有多个，每个一段）");
	if (n->type && !has_elements(n)) {
		dz_buf_puts(&c, "（");
		value_hint(&c, n);
		dz_buf_puts(&c, "）");
	}
	if (n->nkids) {
		dz_buf_puts(&c, "\n各项：");
		legend(&c, n, &first, 0);
	}
	dz_buf_puts(&c, "\n需要时删去本段首尾的注释记号并填写，不适用的项删去：");
	indent(g, depth);
	dz_buf_puts(&g->b, "<!-- ");
	{
		const char *s = dz_buf_cstr(&c);
		while (s && *s) {
			const char *nl = strchr(s, '\n');
			size_t len = nl ? (size_t)(nl - s) : strlen(s);
			char *line = dz_strndup(s, len);
			if (line)
				comment_text(g, line);
			dz_free(line);
			if (!nl)
				break;
			dz_buf_putc(&g->b, '\n');
			indent(g, depth);
			dz_buf_puts(&g->b, "     ");
			s = nl + 1;
		}
	}
	dz_buf_putc(&g->b, '\n');
	dz_buf_dispose(&c);
	skeleton(g, n, depth);
	indent(g, depth);
	dz_buf_puts(&g->b, "-->\n");
}

static const char *type_zh(dz_ftype t)
{
	static const char *n[] = {"金额", "整数", "数值", "比例", "面积", "文字", "日期", "是/否"};
	return n[t];
}

/* The data table's fields of the stage's data documents. */
static void fields(gen *g, const dz_xnode *row, int depth)
{
	const dossier_outline *o = g->o;
	const char *group = NULL;
	size_t i;
	for (i = 0; i < o->nfields; i++) {
		const dz_field *f = &o->fields[i];
		const dz_field *of = f->of ? dz_outline_field(o, f->of) : NULL;
		dz_buf c = DZ_BUF_INIT;
		if (!f->doc || !stage_has_doc(g->st, f->doc->id) || f->derived)
			continue;
		if (!group || strcmp(group, f->group ? f->group : "")) {
			group = f->group ? f->group : "";
			indent(g, depth);
			dz_buf_puts(&g->b, "<!-- ======== ");
			comment_text(g, group);
			dz_buf_puts(&g->b, " ======== -->\n");
		}
		dz_buf_printf(&c, "%s%s：%s", g->need[i] ? "" : "可选 · ", f->label, type_zh(f->type));
		if (f->unit && *f->unit)
			dz_buf_printf(&c, "，单位 %s", f->unit);
		dz_buf_puts(&c, g->need[i] ? "，必填" : "，可选（有则去掉注释记号填写）");
		if (f->min)
			dz_buf_printf(&c, "；不小于 %s", f->min);
		if (f->max)
			dz_buf_printf(&c, "；不大于 %s", f->max);
		if (of)
			dz_buf_printf(&c, "；为“%s”的其中项", of->label);
		if (f->evidence_nonzero)
			dz_buf_puts(&c, "；非零时须引用证明材料（evidence=\"E01\"）");
		if (f->article)
			dz_buf_printf(&c, "；%s %s", o->source_short ? o->source_short : "", f->article);
		indent(g, depth);
		dz_buf_puts(&g->b, "<!-- ");
		comment_text(g, dz_buf_cstr(&c) ? dz_buf_cstr(&c) : "");
		dz_buf_puts(&g->b, g->need[i] ? " -->\n" : "\n");
		dz_buf_dispose(&c);
		indent(g, depth);
		dz_buf_printf(&g->b, "<%s %s=\"", row->name, DZ_FIELDS_KEY);
		xml_text(g, f->id);
		dz_buf_putc(&g->b, '"');
		if (f->unit && *f->unit && dz_xnode_child(row, "unit", 1)) {
			dz_buf_puts(&g->b, " unit=\"");
			xml_text(g, f->unit);
			dz_buf_putc(&g->b, '"');
		}
		dz_buf_printf(&g->b, "></%s>%s\n", row->name, g->need[i] ? "" : " -->");
	}
}

/* The stage's documents, each a submission. */
static void submissions(gen *g, const dz_xnode *row, int depth)
{
	const dz_xnode *date = NULL;
	size_t i, k;
	for (k = 0; k < row->nkids; k++)
		if (row->kids[k]->attr && !row->kids[k]->required && row->kids[k]->type &&
		    row->kids[k]->type->kind == DZ_XK_DATE)
			date = row->kids[k];
	for (i = 0; i < g->st->ndocs; i++) {
		const dz_odoc *d = dz_outline_doc(g->o, g->st->docs[i]);
		if (!d)
			continue;
		indent(g, depth);
		dz_buf_puts(&g->b, "<!-- ");
		comment_text(g, d->title);
		if (d->article) {
			dz_buf_printf(&g->b, "（%s ", g->o->source_short ? g->o->source_short : "");
			comment_text(g, d->article);
			dz_buf_puts(&g->b, "）");
		}
		if (date) {
			dz_buf_printf(&g->b, "；报送后写 %s=\"YYYY-MM-DD\"（", date->name);
			comment_text(g, date->label);
			dz_buf_puts(&g->b, "；未写时期限按检查当天判断）");
		}
		dz_buf_puts(&g->b, " -->\n");
		indent(g, depth);
		dz_buf_printf(&g->b, "<%s %s=\"", row->name, DZ_SUBMIT_KEY);
		xml_text(g, d->id);
		dz_buf_puts(&g->b, "\"/>\n");
	}
}

/* A required element, empty, after its comment; its optional children
 * commented out in place. */
static void live(gen *g, const dz_xnode *n, int depth)
{
	size_t i;
	if (depth > 0)
		element_comment(g, n, depth);
	indent(g, depth);
	open_tag(g, n, 0);
	if (!has_elements(n)) {
		if (n->type)
			dz_buf_printf(&g->b, "></%s>\n", n->name);
		else
			dz_buf_puts(&g->b, "/>\n");
		return;
	}
	dz_buf_puts(&g->b, ">\n");
	for (i = 0; i < n->nkids; i++) {
		const dz_xnode *k = n->kids[i];
		char *path;
		if (k->attr)
			continue;
		path = dz_xnode_path(k);
		if (path && !strcmp(path, DZ_FIELDS_PATH))
			fields(g, k, depth + 1);
		else if (path && !strcmp(path, DZ_SUBMIT_PATH))
			submissions(g, k, depth + 1);
		else if (k->required)
			live(g, k, depth + 1);
		else
			optional_block(g, k, depth + 1);
		if (!path)
			g->b.oom = 1;
		dz_free(path);
	}
	indent(g, depth);
	dz_buf_printf(&g->b, "</%s>\n", n->name);
}

static char *centre_xml(gen *g, const dz_xnode *root)
{
	const dossier_outline *o = g->o;
	size_t i;
	dz_buf_puts(&g->b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!--\n  ");
	comment_text(g, o->source_title ? o->source_title : o->title);
	if (o->source_doc) {
		dz_buf_puts(&g->b, "（");
		comment_text(g, o->source_doc);
		dz_buf_puts(&g->b, "）");
	}
	dz_buf_puts(&g->b, "\n  阶段：");
	comment_text(g, g->st->title);
	dz_buf_printf(&g->b, "（%s", g->st->id);
	if (g->st->article) {
		dz_buf_puts(&g->b, "，");
		comment_text(g, g->st->article);
	}
	dz_buf_puts(&g->b, "）");
	if (g->st->from && g->st->to) {
		dz_buf_puts(&g->b, "：");
		comment_text(g, g->st->from);
		dz_buf_puts(&g->b, " → ");
		comment_text(g, g->st->to);
	}
	dz_buf_puts(&g->b, "\n  本阶段报送：");
	for (i = 0; i < g->st->ndocs; i++) {
		const dz_odoc *d = dz_outline_doc(o, g->st->docs[i]);
		dz_buf_puts(&g->b, i ? "、" : "");
		comment_text(g, d ? d->title : g->st->docs[i]);
		dz_buf_printf(&g->b, "（%s）", g->st->docs[i]);
	}
	dz_buf_puts(&g->b,
		    "\n\n  由 dossier init 生成。每一项前的注释说明它是什么、怎么写；空着的每一处，\n"
		    "  dossier check 都会列出。标“可选”的项写在注释里：需要时删去注释记号再填写。\n"
		    "  不想写 XML，也可以导出为 Excel 工作簿填写后导回（dossier help export、\n"
		    "  dossier help import）。\n-->\n");
	live(g, root, 0);
	return dz_buf_detach(&g->b);
}

/* ---------- sections ---------- */

static const char *numeral(size_t i)
{
	static const char *const n[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九",
					"十", "十一", "十二", "十三", "十四", "十五", "十六",
					"十七", "十八", "十九", "二十"};
	return i < sizeof n / sizeof n[0] ? n[i] : "";
}

static char *section_md(const dossier_outline *o, const dz_osection *s)
{
	dz_buf b = DZ_BUF_INIT;
	size_t i;
	dz_buf_printf(&b, "# %s%s%s\n\n", s->number ? s->number : "",
		      s->number && *s->number ? "、" : "", s->title);
	dz_buf_printf(&b, "%s本节写“%s”", DZ_PROMPT, s->title);
	if (s->article)
		dz_buf_printf(&b, "（%s %s）", o->source_short ? o->source_short : "", s->article);
	if (s->min_chars > 0)
		dz_buf_printf(&b, "，正文不少于 %ld 字", s->min_chars);
	dz_buf_puts(&b, "。");
	if (!s->required)
		dz_buf_puts(&b, "这是 dossier 建议的结构，管理办法没有要求：不写就删除本文件。");
	if (s->nitems)
		dz_buf_puts(&b, "下列分项各有小标题，每个小标题下都要有内容。");
	dz_buf_puts(&b, "数据表的数值写 {{fig:字段编号}}，表格单独一段写 {{table:表格编号}}"
			"（dossier explain 列出编号）。写好后删去这段提示。\n");
	for (i = 0; i < s->nitems; i++) {
		const dz_item *it = &s->items[i];
		size_t k;
		dz_buf_printf(&b, "\n## （%s）%s\n\n%s写“%s”", numeral(i), it->title, DZ_PROMPT,
			      it->title);
		if (it->nmatch && !(it->nmatch == 1 && !strcmp(it->match[0], it->title))) {
			dz_buf_puts(&b, "；小标题须含");
			for (k = 0; k < it->nmatch; k++)
				dz_buf_printf(&b, "%s“%s”", k ? "或" : "", it->match[k]);
		}
		dz_buf_puts(&b, "。写好后删去这段提示。\n");
	}
	return dz_buf_detach(&b);
}

/* ---------- the directory ---------- */

static int write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wx");
	size_t len = strlen(text);
	int ok;
	if (!f)
		return dz_errf(DOSSIER_EIO, path, 0, 0, "检查目录是否可写。",
			       "Check that the directory is writable.", "无法写入：%s",
			       "cannot write: %s", strerror(errno));
	ok = fwrite(text, 1, len, f) == len;
	ok = fflush(f) == 0 && ok;
	ok = fsync(fileno(f)) == 0 && ok;
	if (fclose(f) != 0 || !ok)
		return dz_errf(DOSSIER_EIO, path, 0, 0, "检查磁盘空间。", "Check the disk space.",
			       "写入失败：%s", "write failed: %s", strerror(errno));
	return 0;
}

/* Remove what init wrote into its staging folder. */
static void remove_stage(const char *tmp)
{
	const char *sub[] = {"sections", "evidence", NULL};
	char *p;
	size_t i;
	for (i = 0; sub[i]; i++) {
		DIR *d;
		struct dirent *e;
		if (!(p = dz_fmt("%s/%s", tmp, sub[i])))
			continue;
		if ((d = opendir(p)) != NULL) {
			while ((e = readdir(d)) != NULL) {
				char *f;
				if (e->d_name[0] == '.')
					continue;
				if ((f = dz_fmt("%s/%s", p, e->d_name)) != NULL)
					unlink(f);
				dz_free(f);
			}
			closedir(d);
		}
		rmdir(p);
		dz_free(p);
	}
	if ((p = dz_fmt("%s/centre.xml", tmp)) != NULL)
		unlink(p);
	dz_free(p);
	rmdir(tmp);
}

/* DIR may not exist yet, or be an empty folder. */
static int dir_free(const char *dir)
{
	struct stat st;
	DIR *d;
	struct dirent *e;
	int empty = 1;
	if (lstat(dir, &st) != 0)
		return errno == ENOENT ? 0
				       : dz_errf(DOSSIER_EIO, dir, 0, 0, "", "", "无法访问：%s",
						 "cannot access: %s", strerror(errno));
	if (S_ISDIR(st.st_mode) && (d = opendir(dir)) != NULL) {
		while (empty && (e = readdir(d)) != NULL)
			empty = !strcmp(e->d_name, ".") || !strcmp(e->d_name, "..");
		closedir(d);
		if (empty)
			return 0;
	}
	return dz_err(DOSSIER_EUSAGE, dir, 0, 0, "已存在，且不是空目录",
		      "exists and is not an empty folder",
		      "给出一个新目录名（或一个空目录）；已有的中心目录不会被覆盖。",
		      "Give a new folder name (or an empty folder); an existing centre is never overwritten.");
}

int dossier_init(const char *dir, const dossier_outline *o, const char *stage,
		 const dossier_office_options *opts)
{
	const dz_xmodel *m;
	gen g;
	char *tmp = NULL, *xml = NULL, *p = NULL;
	int rc;
	size_t i, k;
	if (!dir || !*dir || !o || !opts || !opts->schema_dir)
		return dz_err(DOSSIER_EUSAGE, "", 0, 0, "参数为空", "a required argument is NULL", "", "");
	memset(&g, 0, sizeof g);
	g.o = o;
	g.st = stage ? dz_outline_stage(o, stage) : o->nstages ? &o->stages[0] : NULL;
	if (!g.st) {
		dz_buf zh = DZ_BUF_INIT, en = DZ_BUF_INIT, hz = DZ_BUF_INIT, he = DZ_BUF_INIT;
		dz_buf_printf(&zh, "方案 %s 没有阶段“%s”；它的阶段：", o->id, stage);
		dz_buf_printf(&en, "scheme %s has no stage \"%s\"; its stages: ", o->id, stage);
		for (i = 0; i < o->nstages; i++) {
			dz_buf_printf(&zh, "%s%s（%s）", i ? "、" : "", o->stages[i].id, o->stages[i].title);
			dz_buf_printf(&en, "%s%s (%s)", i ? ", " : "", o->stages[i].id,
				      o->stages[i].title_en ? o->stages[i].title_en : o->stages[i].title);
		}
		dz_buf_printf(&hz, "用 --stage 给出其中之一；dossier explain %s 列出各阶段报送的文件。", o->id);
		dz_buf_printf(&he, "Give one of them with --stage; dossier explain %s lists the documents of each.",
			      o->id);
		rc = dz_err(DOSSIER_EUSAGE, "", 0, 0, dz_buf_cstr(&zh) ? dz_buf_cstr(&zh) : "",
			    dz_buf_cstr(&en) ? dz_buf_cstr(&en) : "", dz_buf_cstr(&hz) ? dz_buf_cstr(&hz) : "",
			    dz_buf_cstr(&he) ? dz_buf_cstr(&he) : "");
		dz_buf_dispose(&zh);
		dz_buf_dispose(&en);
		dz_buf_dispose(&hz);
		dz_buf_dispose(&he);
		return rc;
	}
	if ((rc = dir_free(dir)) != 0)
		return rc;
	if (!(m = dz_xmodel_get(opts->schema_dir, "centre.xsd")))
		return dossier_error_last() ? dossier_error_last()->code : DOSSIER_ENOTFOUND;
	g.need = dz_calloc(o->nfields + 1, 1);
	{
		/* beside DIR, so one rename puts it in place */
		size_t n = strlen(dir);
		while (n > 1 && dir[n - 1] == '/')
			n--;
		tmp = dz_fmt("%.*s.init-XXXXXX", (int)n, dir);
	}
	if (!g.need || !tmp) {
		rc = DOSSIER_ENOMEM;
		goto done;
	}
	if (!mkdtemp(tmp)) {
		rc = dz_errf(DOSSIER_EIO, dir, 0, 0, "检查上级目录是否存在、可写。",
			     "Check that the parent folder exists and is writable.",
			     "无法创建目录：%s", "cannot create the folder: %s", strerror(errno));
		dz_free(tmp);
		tmp = NULL;
		goto done;
	}
	needed_fields(&g);
	xml = centre_xml(&g, m->root);
	if (!xml || g.b.oom) {
		rc = DOSSIER_ENOMEM;
		goto done;
	}
	if (!(p = dz_fmt("%s/centre.xml", tmp))) {
		rc = DOSSIER_ENOMEM;
		goto done;
	}
	if ((rc = write_file(p, xml)) != 0)
		goto done;
	for (i = 0; i < 2 && rc == 0; i++) {
		dz_free(p);
		p = dz_fmt("%s/%s", tmp, i ? "evidence" : "sections");
		if (!p)
			rc = DOSSIER_ENOMEM;
		else if (mkdir(p, 0777) != 0)
			rc = dz_errf(DOSSIER_EIO, p, 0, 0, "", "", "无法创建目录：%s",
				     "cannot create the folder: %s", strerror(errno));
	}
	for (i = 0; i < g.st->ndocs && rc == 0; i++) {
		const dz_odoc *d = dz_outline_doc(o, g.st->docs[i]);
		for (k = 0; d && k < d->nsec && rc == 0; k++) {
			const dz_osection *s = &o->secs[d->first_sec + k];
			char *md = section_md(o, s);
			dz_free(p);
			p = dz_fmt("%s/sections/%s.md", tmp, s->id);
			rc = md && p ? write_file(p, md) : DOSSIER_ENOMEM;
			dz_free(md);
		}
	}
	if (rc == 0) {
		struct stat st;
		/* an empty DIR is replaced whole; rename refuses if it filled up */
		if (lstat(dir, &st) == 0 && S_ISDIR(st.st_mode) && rmdir(dir) != 0)
			rc = dir_free(dir) ? dossier_error_last()->code
					   : dz_errf(DOSSIER_EIO, dir, 0, 0, "", "", "无法替换空目录：%s",
						     "cannot replace the empty folder: %s", strerror(errno));
		else if (rename(tmp, dir) != 0)
			rc = dz_errf(DOSSIER_EIO, dir, 0, 0, "给出一个新目录名。", "Give a new folder name.",
				     "无法建立目录：%s", "cannot create the folder: %s", strerror(errno));
	}
done:
	if (rc == DOSSIER_ENOMEM)
		dz_err(rc, dir, 0, 0, "内存不足", "out of memory", "", "");
	if (rc && tmp)
		remove_stage(tmp);
	dz_buf_dispose(&g.b);
	dz_free(g.need);
	dz_free(tmp);
	dz_free(xml);
	dz_free(p);
	return rc;
}
