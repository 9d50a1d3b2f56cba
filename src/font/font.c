/*
 * font.c — font configuration (fonts/fonts.conf), HarfBuzz metrics and
 * subsetting. See font.h.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <hb.h>
#include <hb-subset.h>
#include "util/util.h"
#include "util/text.h"
#include "font.h"

struct dz_font {
	char *path;
	int index;
	char *label;
	hb_blob_t *blob;
	hb_face_t *face;
	hb_font_t *hb;
	float upem;
	float ascent, descent;
	hb_set_t *used;
	/* advance cache for the BMP, in font units, one block of 256 code
	 * points at a time (allocated when first used); -1 = not looked up */
	int32_t *adv[256];
};

static void font_close(dz_font *f);

static int exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int font_open(dz_font **out, const char *path, int index)
{
	dz_font *f = dz_calloc(1, sizeof *f);
	hb_font_extents_t ext;
	const char *base;
	*out = NULL;
	if (!f)
		return DOSSIER_ENOMEM;
	f->path = dz_strdup(path);
	f->index = index;
	base = strrchr(path, '/');
	f->label = dz_strdup(base ? base + 1 : path);
	/* hb_blob_create_from_file maps the file: only pages touched are read */
	f->blob = hb_blob_create_from_file(path);
	if (!f->path || !f->label || hb_blob_get_length(f->blob) == 0) {
		dz_free(f->path);
		dz_free(f->label);
		hb_blob_destroy(f->blob);
		dz_free(f);
		return dz_errf(DOSSIER_EIO, path, 0, 0, "检查 fonts/fonts.conf 中的字体路径。",
			       "Check the font path in fonts/fonts.conf.",
			       "无法读取字体文件", "cannot read font file%s", "");
	}
	f->face = hb_face_create(f->blob, (unsigned)index);
	f->hb = hb_font_create(f->face);
	f->upem = (float)hb_face_get_upem(f->face);
	f->used = hb_set_create();
	if (f->upem <= 0 || hb_face_get_glyph_count(f->face) == 0) {
		font_close(f);
		return dz_errf(DOSSIER_EFONT, path, 0, 0, "使用 TrueType 字体（.ttf/.ttc）。",
			       "Use a TrueType font (.ttf/.ttc).",
			       "不是可用的字体（第 %d 个字形集）", "not a usable font (face %d)", index);
	}
	/* HarfBuzz reads a bad unitsPerEm as 1000, but the 'head' table is
	 * copied into the subset as it is, and libharu divides by it (a
	 * SIGFPE found by fuzz_font): judge the raw table here. */
	{
		hb_blob_t *head = hb_face_reference_table(f->face, HB_TAG('h', 'e', 'a', 'd'));
		unsigned int hl = 0;
		const unsigned char *h = (const unsigned char *)hb_blob_get_data(head, &hl);
		unsigned upem = hl >= 54 ? (unsigned)(h[18] << 8 | h[19]) : 0;
		int loca = hl >= 54 ? (int16_t)(h[50] << 8 | h[51]) : -1;
		hb_blob_destroy(head);
		if (upem < 16 || upem > 16384 || (loca != 0 && loca != 1)) {
			font_close(f);
			return dz_errf(DOSSIER_EFONT, path, 0, 0, "换用其他字体，或用字体工具修复该文件。",
				       "Use another font, or repair the file with a font tool.",
				       "字体的 head 表无效（unitsPerEm %u，indexToLocFormat %d）",
				       "the font's head table is invalid (unitsPerEm %u, indexToLocFormat %d)",
				       upem, loca);
		}
	}
	hb_font_get_h_extents(f->hb, &ext);
	f->ascent = (float)ext.ascender / f->upem;
	f->descent = (float)ext.descender / f->upem;
	if (f->ascent <= 0)
		f->ascent = 0.88f;
	if (f->descent >= 0)
		f->descent = -0.12f;
	*out = f;
	return 0;
}

void dz_font_release(dz_font *f)
{
	int i;
	hb_font_destroy(f->hb);
	hb_face_destroy(f->face);
	hb_blob_destroy(f->blob);
	f->hb = NULL;
	f->face = NULL;
	f->blob = NULL;
	for (i = 0; i < 256; i++) {
		dz_free(f->adv[i]);
		f->adv[i] = NULL;
	}
}

static void font_close(dz_font *f)
{
	if (!f)
		return;
	dz_font_release(f);
	hb_set_destroy(f->used);
	dz_free(f->path);
	dz_free(f->label);
	dz_free(f);
}

int dz_font_has(dz_font *f, uint32_t cp)
{
	hb_codepoint_t g;
	return hb_font_get_nominal_glyph(f->hb, cp, &g) && g != 0;
}

/* A glyph advance in whole 1/1000 em, as the PDF's width array gives it
 * (subset_map): the layout places glyphs where a viewer will put them. */
static int32_t thousandths(hb_position_t a, float upem)
{
	unsigned u = (unsigned)upem;
	return a <= 0 || !u ? 0 : (int32_t)(((long)a * 1000 + u / 2) / u);
}

float dz_font_advance(dz_font *f, uint32_t cp)
{
	hb_codepoint_t g;
	int32_t *blk = cp < 65536 ? f->adv[cp >> 8] : NULL, a;
	if (blk && blk[cp & 0xFF] >= 0)
		return (float)blk[cp & 0xFF] / 1000.0f;
	if (cp < 65536 && !blk && (blk = dz_malloc(256 * sizeof *blk)) != NULL) {
		memset(blk, 0xFF, 256 * sizeof *blk);
		f->adv[cp >> 8] = blk;
	}
	if (!hb_font_get_nominal_glyph(f->hb, cp, &g))
		g = 0;
	a = thousandths(hb_font_get_glyph_h_advance(f->hb, g), f->upem);
	if (blk)
		blk[cp & 0xFF] = a;
	return (float)a / 1000.0f;
}

int dz_font_ink(dz_font *f, uint32_t cp, float *x0, float *x1)
{
	hb_codepoint_t g;
	hb_glyph_extents_t e;
	if (!hb_font_get_nominal_glyph(f->hb, cp, &g) || !hb_font_get_glyph_extents(f->hb, g, &e) ||
	    e.width == 0)
		return 0;
	*x0 = (float)e.x_bearing / f->upem;
	*x1 = (float)(e.x_bearing + e.width) / f->upem;
	if (*x1 < *x0) {
		float t = *x0;
		*x0 = *x1;
		*x1 = t;
	}
	return 1;
}

float dz_font_ascent(const dz_font *f) { return f->ascent; }
float dz_font_descent(const dz_font *f) { return f->descent; }
const char *dz_font_label(const dz_font *f) { return f->label; }
void dz_font_use(dz_font *f, uint32_t cp) { hb_set_add(f->used, cp); }

int dz_font_used(dz_font *f, uint32_t **out, size_t *n)
{
	hb_codepoint_t cp = HB_SET_VALUE_INVALID;
	size_t k = 0, count = hb_set_get_population(f->used);
	*out = dz_malloc((count + 1) * sizeof **out);
	*n = 0;
	if (!*out)
		return DOSSIER_ENOMEM;
	while (hb_set_next(f->used, &cp) && k < count)
		(*out)[k++] = cp;
	*n = k;
	return 0;
}

/* ---------- the cmap of the embedded subset ---------- */

static void put16(unsigned char *p, unsigned v)
{
	p[0] = (unsigned char)(v >> 8);
	p[1] = (unsigned char)v;
}

/* A (3,1) format-4 cmap of one mapping, cp → gid. The PDF addresses
 * glyphs by id (CIDToGIDMap /Identity, pdf_hpdf.c), so nothing reads the
 * embedded font's cmap; libharu only needs one mapping to load the font,
 * and it scans all 65,536 code points against the cmap when it does: a
 * full cmap cost a third of a render and a few kilobytes per font. */
static hb_blob_t *tiny_cmap(unsigned cp, unsigned gid)
{
	enum { LEN = 12 + 16 + 8 * 2 };
	unsigned char *t = calloc(1, LEN), *st;
	if (!t)
		return NULL;
	put16(t + 2, 1);      /* version 0, one encoding record: */
	put16(t + 4, 3);      /* (3,1) at offset 12 */
	put16(t + 6, 1);
	t[11] = 12;
	st = t + 12;
	put16(st + 0, 4);                 /* format 4 */
	put16(st + 2, LEN - 12);          /* length */
	put16(st + 6, 4);                 /* segCountX2: two segments */
	put16(st + 8, 4);                 /* searchRange */
	put16(st + 10, 1);                /* entrySelector */
	put16(st + 12, 0);                /* rangeShift */
	put16(st + 14, cp);               /* endCode */
	put16(st + 16, 0xFFFF);
	put16(st + 20, cp);               /* startCode (after reservedPad) */
	put16(st + 22, 0xFFFF);
	put16(st + 24, (gid - cp) & 0xFFFF); /* idDelta */
	put16(st + 26, 1);
	/* idRangeOffset: 0, 0 */
	return hb_blob_create((const char *)t, LEN, HB_MEMORY_MODE_WRITABLE, t, free);
}

/* The serialised subset with its cmap replaced by tiny_cmap's. NULL on
 * failure (the subset is then used as it is). */
static hb_blob_t *with_tiny_cmap(hb_blob_t *ser, unsigned cp, unsigned gid)
{
	hb_face_t *sub = hb_face_create(ser, 0), *b;
	hb_blob_t *cmap = cp <= 0xFFFF ? tiny_cmap(cp, gid) : NULL, *out = NULL;
	hb_tag_t tags[64];
	unsigned int n = 64, i;
	if (cmap && hb_face_get_table_tags(sub, 0, &n, tags) > 0 && n < 64) {
		b = hb_face_builder_create();
		for (i = 0; i < n; i++) {
			hb_blob_t *tb = tags[i] == HB_TAG('c', 'm', 'a', 'p') ? hb_blob_reference(cmap)
									     : hb_face_reference_table(sub, tags[i]);
			hb_face_builder_add_table(b, tags[i], tb);
			hb_blob_destroy(tb);
		}
		out = hb_face_reference_blob(b);
		hb_face_destroy(b);
	}
	hb_blob_destroy(cmap);
	hb_face_destroy(sub);
	return out;
}

/* For each used code point (ascending), its glyph in the subset and that
 * glyph's advance in 1/1000 em; the subset's glyph count. */
static int subset_map(hb_blob_t *blob, const hb_set_t *used, uint16_t **gid,
		      uint16_t **width, unsigned *nglyphs)
{
	hb_face_t *face = hb_face_create(blob, 0);
	hb_font_t *font = hb_font_create(face);
	unsigned upem = hb_face_get_upem(face), k = 0, n = hb_set_get_population(used);
	hb_codepoint_t cp = HB_SET_VALUE_INVALID;
	int rc = 0;
	*gid = dz_malloc((n + 1) * sizeof **gid);
	*width = dz_malloc((n + 1) * sizeof **width);
	*nglyphs = hb_face_get_glyph_count(face);
	if (!*gid || !*width) {
		rc = DOSSIER_ENOMEM;
		goto done;
	}
	while (hb_set_next(used, &cp) && k < n) {
		hb_codepoint_t g = 0;
		hb_position_t a;
		if (!hb_font_get_nominal_glyph(font, cp, &g))
			g = 0;
		a = hb_font_get_glyph_h_advance(font, g);
		(*gid)[k] = (uint16_t)g;
		(*width)[k] = (uint16_t)thousandths(a, (float)upem);
		k++;
	}
done:
	if (rc) {
		dz_free(*gid);
		dz_free(*width);
		*gid = *width = NULL;
	}
	hb_font_destroy(font);
	hb_face_destroy(face);
	return rc;
}

int dz_font_subset(dz_font *f, dz_subset *out)
{
	hb_subset_input_t *in = hb_subset_input_create_or_fail();
	hb_face_t *sub = NULL;
	hb_blob_t *blob = NULL;
	const char *data;
	unsigned int len = 0;
	const char *tmpdir = getenv("TMPDIR");
	char tmpl[4096];
	int fd = -1, rc = 0;
	char **path = &out->path;
	memset(out, 0, sizeof *out);
	if (!tmpdir || !*tmpdir || strlen(tmpdir) > sizeof tmpl - 32)
		tmpdir = "/tmp";
	snprintf(tmpl, sizeof tmpl, "%s/dossier-font-XXXXXX", tmpdir);
	if (!in)
		return DOSSIER_ENOMEM;
	hb_set_union(hb_subset_input_unicode_set(in), f->used);
	/* keep .notdef and the space so widths stay defined */
	hb_set_add(hb_subset_input_unicode_set(in), 0x20);
	/* hinting instructions only help screens at small sizes, and were a
	 * third of a subset of Liberation Serif */
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
	sub = hb_subset_or_fail(f->face, in);
	hb_subset_input_destroy(in);
	if (!sub)
		return dz_errf(DOSSIER_EFONT, f->path, 0, 0, "换用其他字体。", "Use another font.",
			       "字体子集化失败", "font subsetting failed%s", "");
	{
		/* hb-subset returns a builder face, which cannot list its
		 * tables: serialise it and read that */
		hb_blob_t *ser = hb_face_reference_blob(sub), *tiny;
		hb_codepoint_t first = HB_SET_VALUE_INVALID;
		size_t k;
		if ((rc = subset_map(ser, f->used, &out->gid, &out->width, &out->nglyphs)) != 0) {
			hb_blob_destroy(ser);
			goto done;
		}
		/* one mapping libharu can load the font by: the first used
		 * code point with a glyph */
		hb_set_next(f->used, &first);
		for (k = 0; k < hb_set_get_population(f->used) && !out->gid[k]; k++)
			hb_set_next(f->used, &first);
		tiny = out->gid && k < hb_set_get_population(f->used)
			       ? with_tiny_cmap(ser, first, out->gid[k]) : NULL;
		if (tiny) {
			blob = tiny;
			hb_blob_destroy(ser);
		} else {
			blob = ser;
		}
	}
	data = hb_blob_get_data(blob, &len);
	fd = mkstemp(tmpl);
	if (fd < 0 || !data || len == 0) {
		rc = dz_errf(DOSSIER_EIO, tmpl, 0, 0, "检查临时目录（TMPDIR，默认 /tmp）是否可写。", "Check the temporary directory (TMPDIR, default /tmp) is writable.",
			     "无法写临时字体文件（%s）", "cannot write a temporary font file (%s)",
			     strerror(errno));
		goto done;
	}
	{
		size_t off = 0;
		while (off < len) {
			ssize_t w = write(fd, data + off, len - off);
			if (w < 0 && errno == EINTR)
				continue;
			if (w <= 0) {
				rc = dz_errf(DOSSIER_EIO, tmpl, 0, 0, "检查磁盘空间。", "Check free disk space.",
					     "写临时字体文件失败（%s）", "writing a temporary font failed (%s)",
					     strerror(errno));
				break;
			}
			off += (size_t)w;
		}
	}
	if (close(fd) != 0 && rc == 0)
		rc = dz_err(DOSSIER_EIO, tmpl, 0, 0, "写临时字体文件失败", "writing a temporary font failed", "", "");
	fd = -1;
	if (rc) {
		unlink(tmpl);
		goto done;
	}
	*path = dz_strdup(tmpl);
	if (!*path) {
		unlink(tmpl);
		rc = DOSSIER_ENOMEM;
	}
done:
	if (fd >= 0)
		close(fd);
	if (rc) {
		dz_free(out->gid);
		dz_free(out->width);
		out->gid = out->width = NULL;
	}
	hb_blob_destroy(blob);
	hb_face_destroy(sub);
	return rc;
}

/* ---------- configuration ---------- */

static char *expand_home(const char *p)
{
	const char *home = getenv("HOME");
	if (p[0] == '~' && p[1] == '/' && home)
		return dz_fmt("%s%s", home, p + 1);
	return dz_strdup(p);
}

/* A fontdir: "~/x" in the home folder, "/x" as is, anything else relative
 * to the folder of the configuration file (where make install puts the
 * converted Fandol fonts beside fonts.conf). */
static char *font_dir(const char *arg, const char *conf)
{
	const char *slash = strrchr(conf, '/');
	if (arg[0] == '/' || (arg[0] == '~' && arg[1] == '/'))
		return expand_home(arg);
	if (!slash)
		return dz_strdup(arg);
	if (!strcmp(arg, "."))
		return dz_strndup(conf, (size_t)(slash - conf));
	return dz_fmt("%.*s/%s", (int)(slash - conf), conf, arg);
}

/* Resolve "name[#N]" against fontdirs; returns an allocated path or NULL. */
static char *resolve(const char *spec, char **dirs, int ndirs, int *index)
{
	char *name = dz_strdup(spec), *hash;
	char *out = NULL;
	int i;
	if (!name)
		return NULL;
	*index = 0;
	hash = strrchr(name, '#');
	if (hash) {
		*index = atoi(hash + 1);
		*hash = '\0';
	}
	if (strchr(name, '/')) {
		char *p = expand_home(name);
		if (p && exists(p))
			out = p;
		else
			dz_free(p);
	} else {
		for (i = 0; i < ndirs && !out; i++) {
			char *p = dz_fmt("%s/%s", dirs[i], name);
			if (p && exists(p))
				out = p;
			else
				dz_free(p);
		}
	}
	dz_free(name);
	return out;
}

static int role_of(const char *n)
{
	int i;
	for (i = 0; i < DZ_NROLES; i++)
		if (!strcmp(n, dz_role_names[i]))
			return i;
	return -1;
}

int dz_fontset_load(dz_fontset *fs, const char *conf,
		    void (*on_sub)(const char *, const char *, const char *, const char *,
				   const char *, void *),
		    void *payload)
{
	char *text = NULL, *p, *dirs[16];
	char *chosen[DZ_NROLES] = {0}, *fallback[DZ_NROLES] = {0};
	char files[DZ_NROLES][256] = {{0}};
	int configured[DZ_NROLES] = {0};
	int idx_chosen[DZ_NROLES] = {0}, idx_fb[DZ_NROLES] = {0};
	int ndirs = 0, cur = -1, lineno = 0, rc, i, j;
	size_t len;
	memset(fs, 0, sizeof *fs);
	if ((rc = dz_read_file(&text, &len, conf, 1u << 20)) != 0)
		return rc;
	for (p = text; p && *p && rc == 0;) {
		char *nl = strchr(p, '\n'), *line, *word, *arg;
		if (nl)
			*nl = '\0';
		lineno++;
		line = dz_trim(p);
		p = nl ? nl + 1 : NULL;
		if (!*line || *line == '#')
			continue;
		word = line;
		arg = strchr(line, ' ');
		if (arg) {
			*arg++ = '\0';
			arg = dz_trim(arg);
		}
		if (!arg || !*arg) {
			rc = dz_errf(DOSSIER_EPARSE, conf, lineno, 0, "见 fonts/fonts.conf 的说明。",
				     "See the comments in fonts/fonts.conf.",
				     "缺少参数：%s", "missing argument: %s", word);
		} else if (!strcmp(word, "fontdir")) {
			if (ndirs < 16 && (dirs[ndirs] = font_dir(arg, conf)) != NULL)
				ndirs++;
		} else if (!strcmp(word, "role")) {
			char *wanted = strchr(arg, ' ');
			if (wanted)
				*wanted++ = '\0';
			cur = role_of(arg);
			if (cur < 0)
				rc = dz_errf(DOSSIER_EPARSE, conf, lineno, 0,
					     "角色为 song、fangsong、hei、kai、title。",
					     "Roles are song, fangsong, hei, kai, title.",
					     "未知的字体角色 %s", "unknown font role %s", arg);
			else {
				snprintf(fs->wanted[cur], sizeof fs->wanted[cur], "%s",
					 wanted ? dz_trim(wanted) : arg);
				configured[cur] = 1;
			}
		} else if (!strcmp(word, "prefer") || !strcmp(word, "fallback")) {
			int pref = word[0] == 'p', ix;
			char *path;
			if (cur < 0) {
				rc = dz_errf(DOSSIER_EPARSE, conf, lineno, 0, "先写 role 行。",
					     "Start with a role line.", "%s 之前没有 role",
					     "%s before any role", word);
				break;
			}
			if (pref) {
				/* for the substitution report: where the licensed font goes */
				size_t fl = strlen(files[cur]);
				const char *base = strrchr(arg, '/');
				base = base ? base + 1 : arg;
				if (fl + strlen(base) + 3 < sizeof files[cur])
					snprintf(files[cur] + fl, sizeof files[cur] - fl, "%s%.*s",
						 fl ? ", " : "", (int)strcspn(base, "#"), base);
			}
			if ((pref && chosen[cur]) || (!pref && (chosen[cur] || fallback[cur])))
				continue;
			path = resolve(arg, dirs, ndirs, &ix);
			if (path) {
				if (pref) {
					chosen[cur] = path;
					idx_chosen[cur] = ix;
				} else {
					fallback[cur] = path;
					idx_fb[cur] = ix;
				}
			}
		} else {
			rc = dz_errf(DOSSIER_EPARSE, conf, lineno, 0,
				     "可用：fontdir、role、prefer、fallback。",
				     "Use fontdir, role, prefer or fallback.",
				     "未知的指令 %s", "unknown directive %s", word);
		}
	}
	for (i = 0; rc == 0 && i < DZ_NROLES; i++) {
		char *path = chosen[i] ? chosen[i] : fallback[i];
		int ix = chosen[i] ? idx_chosen[i] : idx_fb[i];
		if (!path && i == DZ_ROLE_LATIN) {
			/* optional: without it each role shows Latin in its own font */
			fs->role[i] = -1;
			if (configured[i] && on_sub)
				on_sub(dz_role_names[i], fs->wanted[i], NULL, files[i],
				       ndirs ? dirs[0] : "", payload);
			continue;
		}
		if (!path) {
			rc = dz_errf(DOSSIER_EFONT, conf, 0, 0,
				     "安装该字体，或运行 scripts/install-deps.sh 安装免费替代字体。",
				     "Install the font, or run scripts/install-deps.sh for the free fallbacks.",
				     "字体角色 %s（%s）没有可用的字体文件",
				     "no font file found for role %s (%s)", dz_role_names[i], fs->wanted[i]);
			break;
		}
		/* one dz_font per distinct file and face */
		for (j = 0; j < fs->nfonts; j++) {
			if (!strcmp(fs->font[j]->path, path) && fs->font[j]->index == ix)
				break;
		}
		if (j == fs->nfonts) {
			if (fs->nfonts == DZ_MAXFONTS) {
				rc = DOSSIER_ELIMIT;
				break;
			}
			if ((rc = font_open(&fs->font[j], path, ix)) != 0)
				break;
			fs->nfonts++;
		}
		fs->role[i] = j;
		if (!chosen[i]) {
			fs->substituted[i] = 1;
			if (on_sub)
				on_sub(dz_role_names[i], fs->wanted[i], fs->font[j]->label, files[i],
				       ndirs ? dirs[0] : "", payload);
		}
	}
	for (i = 0; i < DZ_NROLES; i++) {
		dz_free(chosen[i]);
		dz_free(fallback[i]);
	}
	for (i = 0; i < ndirs; i++)
		dz_free(dirs[i]);
	dz_free(text);
	if (rc)
		dz_fontset_dispose(fs);
	return rc;
}

void dz_fontset_dispose(dz_fontset *fs)
{
	int i;
	for (i = 0; i < fs->nfonts; i++)
		font_close(fs->font[i]);
	memset(fs, 0, sizeof *fs);
}

int dz_fontset_pick(const dz_fontset *fs, int role, uint32_t cp)
{
	int i, r = fs->role[role];
	if (role == DZ_ROLE_LATIN) /* its own font or none: the caller falls back */
		return r >= 0 && dz_font_has(fs->font[r], cp) ? r : -1;
	if (dz_font_has(fs->font[r], cp))
		return r;
	for (i = 0; i < fs->nfonts; i++)
		if (i != r && dz_font_has(fs->font[i], cp))
			return i;
	return -1;
}
