/*
 * style.c — parse a layout style (templates/<name>.style): "key = value" lines,
 * lengths in mm, pt or em. Unknown keys are errors, so a typo never passes
 * silently.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "util/util.h"
#include "util/text.h"
#include "style.h"

const char *const dz_role_names[DZ_NROLES] = {"song", "fangsong", "hei", "kai", "title", "latin"};

void dz_style_defaults(dz_style *s)
{
	memset(s, 0, sizeof *s);
	s->page_w = 595.28f;
	s->page_h = 841.89f;
	s->margin_top = 104.88f;
	s->margin_inner = 79.37f;
	s->type_w = 442.20f;
	s->type_h = 637.80f;
	s->body = (dz_textstyle){DZ_ROLE_FANGSONG, 16, 28.94f, 0};
	s->title = (dz_textstyle){DZ_ROLE_TITLE, 22, 36, 0};
	s->h[0] = (dz_textstyle){DZ_ROLE_HEI, 16, 0, 0};
	s->h[1] = (dz_textstyle){DZ_ROLE_KAI, 16, 0, 0};
	s->h[2] = (dz_textstyle){DZ_ROLE_FANGSONG, 16, 0, 1};
	s->h[3] = (dz_textstyle){DZ_ROLE_FANGSONG, 16, 0, 0};
	s->table = (dz_textstyle){DZ_ROLE_SONG, 12, 18, 0};
	s->caption = (dz_textstyle){DZ_ROLE_HEI, 14, 0, 0};
	s->quote = (dz_textstyle){DZ_ROLE_KAI, 16, 0, 0};
	s->code = (dz_textstyle){DZ_ROLE_SONG, 10.5f, 15, 0};
	s->pagenum = (dz_textstyle){DZ_ROLE_SONG, 14, 0, 0};
	s->cover = (dz_textstyle){DZ_ROLE_TITLE, 22, 0, 0};
	s->cover_info = (dz_textstyle){DZ_ROLE_FANGSONG, 16, 0, 0};
	s->toc = (dz_textstyle){DZ_ROLE_FANGSONG, 16, 0, 0};
	s->chars_per_line = 28;
	s->body_indent = 32;
	s->heading_indent = 32;
	s->list_indent = 32;
	s->table_padding = 4.25f;
	s->table_rule = 0.5f;
	s->pagenum_below = 19.84f;
	s->pagenum_inset = 14;
	snprintf(s->toc_title, sizeof s->toc_title, "%s", "目　　录");
	snprintf(s->pagenum_format, sizeof s->pagenum_format, "%s", "— %d —");
	snprintf(s->caption_format, sizeof s->caption_format, "%s", "表%d　");
	s->toc_levels = 2;
	/* body, tables, quotations, page numbers: one Times-like face for
	 * every Latin letter and digit; headings and titles keep their own */
	s->latin_roles = 1 << DZ_ROLE_SONG | 1 << DZ_ROLE_FANGSONG | 1 << DZ_ROLE_KAI;
}

/* A format for one number: exactly one %d and no other conversion. */
int dz_style_number_format(const char *f)
{
	const char *d = f ? strstr(f, "%d") : NULL;
	return d && strchr(f, '%') == d && !strchr(d + 2, '%');
}

/* "37mm" → points; em relative to `em`. -1 if malformed. */
static float length(const char *v, float em)
{
	char *end;
	float x = strtof(v, &end);
	if (end == v || x < 0)
		return -1;
	while (*end == ' ')
		end++;
	if (!strcmp(end, "mm"))
		return x * 72.0f / 25.4f;
	if (!strcmp(end, "pt") || !*end)
		return x;
	if (!strcmp(end, "em"))
		return x * em;
	return -1;
}

static int role(const char *v)
{
	int i;
	for (i = 0; i < DZ_NROLES; i++)
		if (!strcmp(v, dz_role_names[i]))
			return i;
	return -1;
}

typedef struct {
	const char *prefix;
	size_t off;
} tsdef;

static const tsdef textstyles[] = {
	{"body", offsetof(dz_style, body)}, {"title", offsetof(dz_style, title)},
	{"h1", offsetof(dz_style, h[0])}, {"h2", offsetof(dz_style, h[1])},
	{"h3", offsetof(dz_style, h[2])}, {"h4", offsetof(dz_style, h[3])},
	{"table", offsetof(dz_style, table)}, {"table.caption", offsetof(dz_style, caption)},
	{"quote", offsetof(dz_style, quote)}, {"code", offsetof(dz_style, code)},
	{"pagenum", offsetof(dz_style, pagenum)}, {"cover", offsetof(dz_style, cover)},
	{"cover.info", offsetof(dz_style, cover_info)}, {"toc", offsetof(dz_style, toc)},
};

static const struct {
	const char *key;
	size_t off;
	int em_of; /* 0: absolute; 1: body size; 2: pagenum size */
} lengths[] = {
	{"page.width", offsetof(dz_style, page_w), 0},
	{"page.height", offsetof(dz_style, page_h), 0},
	{"margin.top", offsetof(dz_style, margin_top), 0},
	{"margin.inner", offsetof(dz_style, margin_inner), 0},
	{"type.width", offsetof(dz_style, type_w), 0},
	{"type.height", offsetof(dz_style, type_h), 0},
	{"body.indent", offsetof(dz_style, body_indent), 1},
	{"heading.indent", offsetof(dz_style, heading_indent), 1},
	{"list.indent", offsetof(dz_style, list_indent), 1},
	{"table.padding", offsetof(dz_style, table_padding), 0},
	{"table.rule", offsetof(dz_style, table_rule), 0},
	{"pagenum.below", offsetof(dz_style, pagenum_below), 0},
	{"pagenum.inset", offsetof(dz_style, pagenum_inset), 2},
};

static int set(dz_style *s, const char *key, const char *val)
{
	size_t i, pl;
	char *end;
	for (i = 0; i < sizeof lengths / sizeof lengths[0]; i++) {
		if (!strcmp(key, lengths[i].key)) {
			float em = lengths[i].em_of == 1 ? s->body.size
				 : lengths[i].em_of == 2 ? s->pagenum.size : 0;
			float v = length(val, em);
			if (v < 0)
				return -1;
			*(float *)((char *)s + lengths[i].off) = v;
			return 0;
		}
	}
	if (!strcmp(key, "body.chars-per-line")) {
		long v = strtol(val, &end, 10);
		if (*end || v < 0 || v > 200)
			return -1;
		s->chars_per_line = (int)v;
		return 0;
	}
	if (!strcmp(key, "toc.levels")) {
		long v = strtol(val, &end, 10);
		if (*end || v < 0 || v > 4)
			return -1;
		s->toc_levels = (int)v;
		return 0;
	}
	if (!strcmp(key, "pagenum.format") || !strcmp(key, "table.caption.format")) {
		int page = key[0] == 'p';
		char *to = page ? s->pagenum_format : s->caption_format;
		size_t n = page ? sizeof s->pagenum_format : sizeof s->caption_format;
		if (!dz_style_number_format(val) || strlen(val) >= n)
			return -1;
		snprintf(to, n, "%s", val);
		return 0;
	}
	if (!strcmp(key, "latin.roles")) {
		/* space-separated roles, or "none" */
		char buf[128], *w, *save = NULL;
		int bits = 0;
		if (strlen(val) >= sizeof buf)
			return -1;
		snprintf(buf, sizeof buf, "%s", val);
		for (w = strtok_r(buf, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
			int r = role(w);
			if (!strcmp(w, "none"))
				continue;
			if (r < 0 || r == DZ_ROLE_LATIN)
				return -1;
			bits |= 1 << r;
		}
		s->latin_roles = bits;
		return 0;
	}
	if (!strcmp(key, "toc.title")) {
		snprintf(s->toc_title, sizeof s->toc_title, "%s", val);
		return 0;
	}
	/* the longest text-style prefix wins: table.caption.size before table.size */
	for (pl = 0, i = 0; i < sizeof textstyles / sizeof textstyles[0]; i++) {
		size_t l = strlen(textstyles[i].prefix);
		if (!strncmp(key, textstyles[i].prefix, l) && key[l] == '.' && l > pl)
			pl = l;
	}
	for (i = 0; pl && i < sizeof textstyles / sizeof textstyles[0]; i++) {
		dz_textstyle *t;
		const char *attr;
		if (strlen(textstyles[i].prefix) != pl || strncmp(key, textstyles[i].prefix, pl))
			continue;
		t = (dz_textstyle *)((char *)s + textstyles[i].off);
		attr = key + pl + 1;
		if (!strcmp(attr, "font")) {
			int r = role(val);
			if (r < 0 || r == DZ_ROLE_LATIN) /* latin has no hanzi */
				return -1;
			t->font = r;
		} else if (!strcmp(attr, "size")) {
			float v = length(val, 0);
			if (v <= 0 || v > 200)
				return -1;
			t->size = v;
		} else if (!strcmp(attr, "leading")) {
			float v = length(val, t->size);
			if (v < 0)
				return -1;
			t->leading = v;
		} else if (!strcmp(attr, "bold")) {
			t->bold = strcmp(val, "0") != 0;
		} else {
			return -2;
		}
		return 0;
	}
	return -2;
}

int dz_style_load(dz_style *s, const char *path)
{
	char *text = NULL, *p;
	size_t len;
	int lineno = 0, rc;
	dz_style_defaults(s);
	if ((rc = dz_read_file(&text, &len, path, 1u << 20)) != 0)
		return rc;
	for (p = text; p && *p;) {
		char *nl = strchr(p, '\n'), *eq, *key, *val;
		size_t vlen;
		int k;
		if (nl)
			*nl = '\0';
		lineno++;
		key = dz_trim(p);
		p = nl ? nl + 1 : NULL;
		if (!*key || *key == '#')
			continue;
		eq = strchr(key, '=');
		if (!eq) {
			rc = dz_errf(DOSSIER_EPARSE, path, lineno, 0, "每行写作“键 = 值”。",
				     "Write each line as \"key = value\".",
				     "版式文件格式错误", "malformed style line%s", "");
			break;
		}
		*eq = '\0';
		val = dz_trim(eq + 1);
		dz_trim(key);
		/* "…": a value that keeps its outer spaces (a trailing 　); a quote
		 * at one end only is a mistake */
		vlen = strlen(val);
		if (vlen >= 2 && val[0] == '"' && val[vlen - 1] == '"') {
			val[vlen - 1] = '\0';
			val++;
			k = set(s, key, val);
		} else {
			k = vlen && (val[0] == '"' || val[vlen - 1] == '"') ? -1 : set(s, key, val);
		}
		if (k) {
			rc = dz_errf(DOSSIER_EPARSE, path, lineno, 0,
				     "见 templates/gbt9704.style 中的键和取值格式。",
				     "See templates/gbt9704.style for keys and value formats.",
				     k == -2 ? "未知的版式键 %s" : "版式键 %s 的取值无效",
				     k == -2 ? "unknown style key %s" : "invalid value for style key %s", key);
			break;
		}
	}
	dz_free(text);
	if (rc == 0 && (s->type_w <= 0 || s->type_h <= 0 || s->body.size <= 0 ||
			s->margin_inner + s->type_w > s->page_w ||
			s->margin_top + s->type_h > s->page_h))
		rc = dz_err(DOSSIER_EPARSE, path, 0, 0, "版心超出页面", "the type area does not fit the page",
			    "检查页面与版心尺寸。", "Check the page and type area sizes.");
	if (rc == 0 && s->body.leading <= 0)
		s->body.leading = s->body.size * 1.8f;
	return rc;
}
