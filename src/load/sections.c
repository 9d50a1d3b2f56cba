/*
 * sections.c — read one narrative section (sections/<id>.md, or a Word
 * document sections/<id>.docx read as Markdown by office/docx.c).
 *
 * The file is decoded to UTF-8 and parsed with cmark-gfm (CommonMark plus
 * the GFM table extension, so authors can write free-form tables). The AST
 * is kept for the layout stage; for the check stage this file extracts the
 * headings (with whether content follows them), the plain text of every
 * paragraph and table cell with its line, and a character count.
 */
#include <string.h>
#include <cmark-gfm-core-extensions.h>
#include "util/util.h"
#include "util/text.h"
#include "load_int.h"
#include "office/office_int.h"

/* Plain text of the inline content under `node`: soft breaks vanish (the
 * text is Chinese, where a line break inside a paragraph is not a space). */
static char *inline_text(cmark_node *node)
{
	dz_buf b = DZ_BUF_INIT;
	cmark_iter *it = cmark_iter_new(node);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE) {
			const char *lit = cmark_node_get_literal(n);
			if (lit)
				dz_buf_puts(&b, lit);
		} else if (t == CMARK_NODE_LINEBREAK) {
			dz_buf_putc(&b, ' ');
		}
	}
	cmark_iter_free(it);
	return dz_buf_detach(&b);
}

static int is_type(cmark_node *n, const char *name)
{
	const char *s = cmark_node_get_type_string(n);
	return s && strcmp(s, name) == 0;
}

static int is_leaf(cmark_node *n)
{
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_HTML_BLOCK:
	case CMARK_NODE_THEMATIC_BREAK:
	case CMARK_NODE_CODE_BLOCK:
	case CMARK_NODE_TEXT:
	case CMARK_NODE_SOFTBREAK:
	case CMARK_NODE_LINEBREAK:
	case CMARK_NODE_CODE:
	case CMARK_NODE_HTML_INLINE:
		return 1;
	default:
		return 0;
	}
}

/* The caps of dossier_load_options on a parsed section: nesting (blocks
 * and inlines) and rows per table. Iterative: cmark's iterator keeps no
 * stack of ours, however deep the tree. */
static int check_shape(cmark_node *doc, const char *path, const dossier_load_options *o)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	size_t depth = 0;
	int line = 1, rc = 0;
	if (!it)
		return DOSSIER_ENOMEM;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		int l = cmark_node_get_start_line(n);
		if (ev == CMARK_EVENT_EXIT) {
			depth--;
			continue;
		}
		if (l > 0)
			line = l;
		if (depth + 1 > o->max_depth) {
			rc = dz_errf(DOSSIER_ELIMIT, path, line, 0,
				     "减少列表、引用或强调的嵌套层数，或用 --max-depth 放宽上限。",
				     "Nest lists, quotes or emphasis less, or raise the limit with --max-depth.",
				     "Markdown 嵌套过深（上限 %zu 层，--max-depth）",
				     "Markdown nested too deeply (limit %zu levels, --max-depth)",
				     o->max_depth);
			break;
		}
		if (is_type(n, "table")) {
			size_t rows = 0;
			cmark_node *r;
			for (r = cmark_node_first_child(n); r; r = cmark_node_next(r))
				rows++;
			if (rows > o->max_table_rows) {
				rc = dz_errf(DOSSIER_ELIMIT, path, line, 0,
					     "拆分该表，或用 --max-table-rows 放宽上限。",
					     "Split the table, or raise the limit with --max-table-rows.",
					     "表格行数 %zu 超过上限 %zu（--max-table-rows）",
					     "table has %zu rows, over the limit of %zu (--max-table-rows)",
					     rows, o->max_table_rows);
				break;
			}
		}
		/* containers (even empty ones) get an EXIT event; leaves do
		 * not (cmark's iterator.c) */
		if (!is_leaf(n))
			depth++;
	}
	cmark_iter_free(it);
	return rc;
}

static int add_para(dz_section *s, size_t *cap, char *text, int line, int alone)
{
	if (dz_grow((void **)&s->paras, cap, s->nparas, sizeof *s->paras)) {
		dz_free(text);
		return DOSSIER_ENOMEM;
	}
	s->paras[s->nparas].text = text;
	s->paras[s->nparas].line = line;
	s->paras[s->nparas].alone = alone;
	s->nparas++;
	return 0;
}

/* A table row of exactly two cells, "研发人员数 | 72人", kept as one text
 * "研发人员数：72人" so a figure typed beside its label is compared too. */
static int add_row(dz_section *s, size_t *cap, cmark_node *row)
{
	cmark_node *a = cmark_node_first_child(row), *b = a ? cmark_node_next(a) : NULL;
	char *ta, *tb, *text;
	if (!a || !b || cmark_node_next(b))
		return 0;
	ta = inline_text(a);
	tb = inline_text(b);
	text = ta && tb ? dz_fmt("%s：%s", dz_trim(ta), dz_trim(tb)) : NULL;
	dz_free(ta);
	dz_free(tb);
	if (!text || dz_grow((void **)&s->rows, cap, s->nrows, sizeof *s->rows)) {
		dz_free(text);
		return DOSSIER_ENOMEM;
	}
	s->rows[s->nrows].text = text;
	s->rows[s->nrows].line = cmark_node_get_start_line(row);
	s->nrows++;
	return 0;
}

static int extract(dz_section *s)
{
	cmark_iter *it = cmark_iter_new(s->doc);
	cmark_event_type ev;
	size_t pcap = 0, hcap = 0, rcap = 0, qcap = 0;
	/* open headings, innermost last, for "content follows" tracking */
	size_t stack[8];
	int depth = 0, rc = 0;
	while (rc == 0 && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);
		char *text;
		if (ev != CMARK_EVENT_ENTER)
			continue;
		if (t == CMARK_NODE_HEADING) {
			int level = cmark_node_get_heading_level(n);
			text = inline_text(n);
			if (!text || dz_grow((void **)&s->heads, &hcap, s->nheads,
					     sizeof *s->heads)) {
				dz_free(text);
				rc = DOSSIER_ENOMEM;
				break;
			}
			dz_trim(text);
			s->heads[s->nheads].level = level;
			s->heads[s->nheads].text = text;
			s->heads[s->nheads].line = cmark_node_get_start_line(n);
			s->heads[s->nheads].has_body = 0;
			while (depth > 0 && s->heads[stack[depth - 1]].level >= level)
				depth--;
			if (depth < 8)
				stack[depth++] = s->nheads;
			s->nheads++;
			continue;
		}
		if (is_type(n, "table_row") && (rc = add_row(s, &rcap, n)) != 0)
			break;
		if (t == CMARK_NODE_PARAGRAPH || is_type(n, "table_cell") ||
		    t == CMARK_NODE_CODE_BLOCK) {
			size_t chars;
			int i;
			if (t == CMARK_NODE_CODE_BLOCK) {
				const char *lit = cmark_node_get_literal(n);
				text = dz_strdup(lit ? lit : "");
			} else {
				text = inline_text(n);
			}
			if (!text) {
				rc = DOSSIER_ENOMEM;
				break;
			}
			if (strstr(text, DZ_PROMPT)) {
				/* what dossier init asked for, not yet the text */
				if (dz_grow((void **)&s->prompts, &qcap, s->nprompts, sizeof *s->prompts)) {
					dz_free(text);
					rc = DOSSIER_ENOMEM;
					break;
				}
				s->prompts[s->nprompts].text = text;
				s->prompts[s->nprompts].line = cmark_node_get_start_line(n);
				s->prompts[s->nprompts].alone = t == CMARK_NODE_PARAGRAPH;
				s->nprompts++;
				continue;
			}
			chars = dz_utf8_count(text, strlen(text), 1);
			s->chars += chars;
			if (chars)
				for (i = 0; i < depth; i++)
					s->heads[stack[i]].has_body = 1;
			rc = add_para(s, &pcap, text, cmark_node_get_start_line(n),
				      t == CMARK_NODE_PARAGRAPH);
		}
	}
	cmark_iter_free(it);
	return rc;
}

/* Parse Markdown (UTF-8) into s: the AST, its shape checked, and what the
 * check reads from it. */
static int parse(dz_section *s, const char *utf8, size_t len, const char *fullpath,
		 const dossier_load_options *o)
{
	cmark_parser *p;
	int rc;
	static cmark_syntax_extension *table;
	if (!table) {
		cmark_gfm_core_extensions_ensure_registered();
		table = cmark_find_syntax_extension("table");
	}
	p = cmark_parser_new(CMARK_OPT_DEFAULT);
	if (table)
		cmark_parser_attach_syntax_extension(p, table);
	cmark_parser_feed(p, utf8, len);
	s->doc = cmark_parser_finish(p);
	cmark_parser_free(p);
	if (!s->doc)
		return dz_err(DOSSIER_EPARSE, fullpath, 0, 0, "无法解析 Markdown",
			      "cannot parse Markdown", "", "");
	if ((rc = check_shape(s->doc, fullpath, o)) == 0)
		rc = extract(s);
	if (rc == DOSSIER_ENOMEM)
		dz_err(rc, fullpath, 0, 0, "内存不足", "out of memory", "", "");
	return rc;
}

/* A Word document: read as Markdown (office/docx.c), its lines then
 * named by the paragraphs they come from, so a finding on it says
 * "sections/x.docx:12" for paragraph 12. */
static int load_docx(dz_section *s, const char *fullpath, const dossier_load_options *o,
		     dossier_report **notes)
{
	dossier_office_options oo = DOSSIER_OFFICE_OPTIONS_INIT;
	dz_opc *p = NULL;
	char *md = NULL;
	int *lp = NULL;
	size_t nl = 0, i;
	int rc;
	if (!*notes && !(*notes = dz_notes_new()))
		return DOSSIER_ENOMEM;
	if (o->max_file_bytes > oo.max_file)
		oo.max_file = o->max_file_bytes;
	if ((rc = dz_opc_open(&p, fullpath, &oo)) == 0)
		rc = dz_docx_markdown(&md, &lp, &nl, *notes, p, fullpath);
	dz_opc_close(p);
	s->encoding = "UTF-8";
	if (rc == 0)
		rc = parse(s, md, strlen(md), fullpath, o);
	for (i = 0; rc == 0 && i < s->nheads; i++)
		if (s->heads[i].line > 0 && (size_t)s->heads[i].line <= nl)
			s->heads[i].line = lp[s->heads[i].line - 1];
	for (i = 0; rc == 0 && i < s->nparas; i++)
		if (s->paras[i].line > 0 && (size_t)s->paras[i].line <= nl)
			s->paras[i].line = lp[s->paras[i].line - 1];
	for (i = 0; rc == 0 && i < s->nprompts; i++)
		if (s->prompts[i].line > 0 && (size_t)s->prompts[i].line <= nl)
			s->prompts[i].line = lp[s->prompts[i].line - 1];
	dz_free(md);
	dz_free(lp);
	return rc;
}

int dz_section_load(dz_section *s, const char *fullpath,
		    const dossier_load_options *o, dossier_report **notes)
{
	char *raw = NULL, *utf8 = NULL;
	size_t rawlen, len;
	int rc;
	if (s->docx)
		return load_docx(s, fullpath, o, notes);
	if ((rc = dz_read_file(&raw, &rawlen, fullpath, o->max_file_bytes)) != 0)
		return rc;
	rc = dz_decode(&utf8, &len, &s->encoding, raw, rawlen, o->encoding,
		       fullpath, 0);
	dz_free(raw);
	if (rc)
		return rc;
	rc = parse(s, utf8, len, fullpath, o);
	dz_free(utf8);
	return rc;
}

void dz_section_dispose(dz_section *s)
{
	size_t i;
	for (i = 0; i < s->nheads; i++)
		dz_free(s->heads[i].text);
	for (i = 0; i < s->nparas; i++)
		dz_free(s->paras[i].text);
	for (i = 0; i < s->nrows; i++)
		dz_free(s->rows[i].text);
	for (i = 0; i < s->nprompts; i++)
		dz_free(s->prompts[i].text);
	dz_free(s->prompts);
	dz_free(s->heads);
	dz_free(s->paras);
	dz_free(s->rows);
	if (s->doc)
		cmark_node_free(s->doc);
	dz_free(s->id);
	dz_free(s->path);
}
