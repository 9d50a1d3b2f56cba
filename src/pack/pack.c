/*
 * pack.c — dossier_pack_write(): stage 5, the signed submission package.
 *
 * Order of work (doc/package.md):
 *   1. list the entries — reports/ (from `dossier render`), centre.xml,
 *      sections/<id>.md, evidence/ — with their role, media type and the
 *      outline item each supports; normalise names to NFC and refuse any
 *      name the verifier would reject or that collides with another after
 *      case and NFC folding;
 *   2. open an unnamed temporary file next to the target (O_TMPFILE);
 *   3. stream every file once: CRC, SHA-256 (and SM3) and deflate in one
 *      pass, straight into the ZIP;
 *   4. write the manifest from the digests, sign it (CAdES and/or SM2) and
 *      append META-INF/ and the central directory — nothing is rewritten;
 *   5. fsync and link the file into place (atomic rename if it exists).
 * An error or a cancellation before step 5 leaves nothing on disk.
 */
#define _GNU_SOURCE 1     /* O_TMPFILE */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <libxml/tree.h>
#include "util/util.h"
#include "model.h"
#include "pack_int.h"

enum { G_REPORT, G_DATA, G_SECTION, G_EVIDENCE };

/* Above this size an entry is deflated at level 1 unless --level says. */
#define DZ_BIG_ENTRY ((uint64_t)16 << 20)

typedef struct {
	char *src;       /* file to read */
	int group;
	dz_mentry m;     /* name, media, role, supports, sizes, digests */
} pent;

typedef struct {
	char *file, *id, *kind, *title, *supports;
} regent;

typedef struct {
	const dossier_centre *c;
	const dossier_outline *o;
	const dossier_pack_options *opt;
	pent *e;
	size_t n, cap;
	regent *reg;
	size_t nreg;
	uint64_t total, done;
	unsigned char *trial;   /* work space of dz_media_trial */
	z_stream zs;            /* this thread's deflate (even chunks) */
	int zinit;
	unsigned char tail[DZ_DICT];
	size_t tail_len;
	int sm3;
	EVP_MD *md;             /* this thread's digest: SM3 if sm3, else SHA-256 */
} packer;

/* ================= listing the entries ================= */

static int add_entry(packer *p, int group, char *src, const char *rel_prefix,
		     const char *rel, const char *role)
{
	pent *e;
	char *raw = dz_fmt("%s%s", rel_prefix, rel), *nfc = NULL;
	const dz_name_rule *bad;
	int rc;
	if (!raw) {
		dz_free(src);
		return DOSSIER_ENOMEM;
	}
	rc = dz_name_nfc(&nfc, raw, strlen(raw));
	if (rc == 0 && (bad = dz_name_check(nfc, strlen(nfc))) != NULL)
		rc = dz_errf(DOSSIER_EUSAGE, src, 0, 0,
			     "给文件改名（规则见 doc/package.md 的“Entry names”）。",
			     "Rename the file (the rules are in doc/package.md, \"Entry names\").",
			     "该文件的名称不能放进软件包（%s：%s%.0s）",
			     "this file's name cannot go into a package (%s: %.0s%s)",
			     bad->id, bad->zh, bad->en);
	else if (rc == DOSSIER_EENCODING)
		rc = dz_err(rc, src, 0, 0, "文件名不是有效的 UTF-8",
			    "the file name is not valid UTF-8",
			    "在 UTF-8 系统上给文件改名。", "Rename the file on a UTF-8 system.");
	dz_free(raw);
	if (rc == 0 && dz_grow((void **)&p->e, &p->cap, p->n, sizeof *p->e))
		rc = DOSSIER_ENOMEM;
	if (rc) {
		dz_free(nfc);
		dz_free(src);
		return rc;
	}
	e = &p->e[p->n++];
	memset(e, 0, sizeof *e);
	e->src = src;
	e->group = group;
	e->m.name = nfc;
	e->m.role = role;
	return 0;
}

static int append_token(dz_buf *b, const char *kind, const char *id)
{
	if (b->len)
		dz_buf_putc(b, ' ');
	if (kind) {
		dz_buf_puts(b, kind);
		dz_buf_putc(b, ':');
	}
	return dz_buf_puts(b, id);
}

static char *finish_supports(dz_buf *b)
{
	if (b->oom) {
		dz_buf_dispose(b);
		return NULL;
	}
	dz_buf_cstr(b);
	return b->ptr ? dz_buf_detach(b) : dz_strdup("");
}

/* Outline items a space-separated list of ids from the evidence register
 * names, each qualified by what it is in the outline. */
static char *qualify(const dossier_outline *o, const char *list)
{
	dz_buf b = DZ_BUF_INIT;
	const char *s = list;
	while (s && *s) {
		size_t n;
		char id[256];
		while (*s == ' ' || *s == '\t' || *s == '\n')
			s++;
		n = strcspn(s, " \t\n");
		if (n && n < sizeof id) {
			memcpy(id, s, n);
			id[n] = '\0';
			append_token(&b, dz_outline_field(o, id) ? "field"
				     : dz_outline_table(o, id) ? "table"
				     : dz_outline_section(o, id) ? "section"
				     : dz_outline_doc(o, id) ? "document" : NULL, id);
		}
		s += n;
	}
	return finish_supports(&b);
}

static int cmp_reg(const void *a, const void *b)
{
	return strcmp(((const regent *)a)->file, ((const regent *)b)->file);
}

static char *prop(xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp(n, BAD_CAST name);
	char *s = dz_strdup(v ? (const char *)v : "");
	xmlFree(v);
	return s;
}

/* The evidence register of centre.xml, sorted by (NFC) file name. */
static int load_register(packer *p)
{
	xmlNode *root = xmlDocGetRootElement(p->c->doc), *list, *ev;
	size_t cap = 0;
	for (list = root ? root->children : NULL; list; list = list->next) {
		if (list->type != XML_ELEMENT_NODE || strcmp((const char *)list->name, "evidence-list"))
			continue;
		for (ev = list->children; ev; ev = ev->next) {
			regent *r;
			char *file;
			if (ev->type != XML_ELEMENT_NODE || strcmp((const char *)ev->name, "evidence"))
				continue;
			if (dz_grow((void **)&p->reg, &cap, p->nreg, sizeof *p->reg))
				return DOSSIER_ENOMEM;
			r = &p->reg[p->nreg];
			memset(r, 0, sizeof *r);
			file = prop(ev, "file");
			if (!file || dz_name_nfc(&r->file, file, strlen(file)) != 0) {
				/* an unreadable register entry matches no file */
				dz_free(file);
				if (!(r->file = dz_strdup("")))
					return DOSSIER_ENOMEM;
			} else {
				dz_free(file);
			}
			p->nreg++;
			r->id = prop(ev, "id");
			r->kind = prop(ev, "kind");
			r->title = prop(ev, "title");
			r->supports = prop(ev, "supports");
			if (!r->id || !r->kind || !r->title || !r->supports)
				return DOSSIER_ENOMEM;
		}
	}
	if (p->nreg)
		qsort(p->reg, p->nreg, sizeof *p->reg, cmp_reg);
	return 0;
}

static int scan_reports(packer *p, const char *root, const char *rel, int depth)
{
	char *dir = rel[0] ? dz_fmt("%s/%s", root, rel) : dz_strdup(root);
	DIR *d;
	struct dirent *de;
	int rc = 0;
	if (!dir)
		return DOSSIER_ENOMEM;
	if (!(d = opendir(dir))) {
		rc = dz_errf(DOSSIER_ENOTFOUND, dir, 0, 0,
			     "给出 dossier render 的输出目录。",
			     "Give the output directory of dossier render.",
			     "无法读取报告目录（%s）", "cannot read the reports directory (%s)",
			     strerror(errno));
		dz_free(dir);
		return rc;
	}
	while (rc == 0 && (de = readdir(d)) != NULL) {
		struct stat st;
		char *sub, *full;
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		sub = rel[0] ? dz_fmt("%s/%s", rel, de->d_name) : dz_strdup(de->d_name);
		full = sub ? dz_fmt("%s/%s", root, sub) : NULL;
		if (!full) {
			dz_free(sub);
			rc = DOSSIER_ENOMEM;
			break;
		}
		if (lstat(full, &st) != 0) {
			rc = dz_errf(DOSSIER_EIO, full, 0, 0, "", "", "无法读取（%s）",
				     "cannot read (%s)", strerror(errno));
		} else if (S_ISDIR(st.st_mode)) {
			rc = depth >= 8 ? dz_err(DOSSIER_ELIMIT, full, 0, 0, "报告目录层级过深",
						 "the reports directory is nested too deeply",
						 "减少子目录层级。", "Flatten the folders.")
					: scan_reports(p, root, sub, depth + 1);
		} else if (!S_ISREG(st.st_mode)) {
			rc = dz_err(DOSSIER_EUSAGE, full, 0, 0, "不是普通文件（链接、设备等）",
				    "not a regular file (a link, a device ...)",
				    "软件包只收普通文件：用文件本身替换链接。",
				    "A package takes regular files only: replace the link with the file.");
		} else {
			rc = add_entry(p, G_REPORT, full, "reports/", sub, "report");
			full = NULL;
			if (rc == 0) {
				/* reports/<output>.<ext> supports the outline document
				 * whose output name it carries */
				pent *e = &p->e[p->n - 1];
				const char *base = strchr(sub, '/') ? NULL : sub;
				dz_buf b = DZ_BUF_INIT;
				size_t i, stem = base ? strcspn(base, ".") : 0;
				for (i = 0; base && i < p->o->ndocs; i++) {
					const dz_odoc *doc = &p->o->docs[i];
					if (doc->output && strlen(doc->output) == stem &&
					    !strncmp(doc->output, base, stem))
						append_token(&b, "document", doc->id);
				}
				if (!(e->m.supports = finish_supports(&b)))
					rc = DOSSIER_ENOMEM;
			}
		}
		dz_free(full);
		dz_free(sub);
	}
	closedir(d);
	dz_free(dir);
	return rc;
}

static int list_entries(packer *p)
{
	const dossier_centre *c = p->c;
	const dossier_outline *o = p->o;
	size_t i;
	int rc;
	if (p->opt->reports_dir && (rc = scan_reports(p, p->opt->reports_dir, "", 0)) != 0)
		return rc;
	{
		char *src = dz_strdup(c->xml_path);
		dz_buf b = DZ_BUF_INIT;
		if (!src || (rc = add_entry(p, G_DATA, src, "", "centre.xml", "data")) != 0)
			return src ? rc : DOSSIER_ENOMEM;
		for (i = 0; i < o->ndocs; i++)
			if (o->docs[i].kind && !strcmp(o->docs[i].kind, "data"))
				append_token(&b, "document", o->docs[i].id);
		p->e[p->n - 1].m.rootfile = 1;
		if (!(p->e[p->n - 1].m.supports = finish_supports(&b)))
			return DOSSIER_ENOMEM;
	}
	for (i = 0; i < c->nsecs; i++) {
		const dz_section *s = &c->secs[i];
		const dz_osection *os = dz_outline_section(o, s->id);
		char *src = dz_fmt("%s/%s", c->dir, s->path);
		dz_buf b = DZ_BUF_INIT;
		if (!src || (rc = add_entry(p, G_SECTION, src, "", s->path, "section")) != 0)
			return src ? rc : DOSSIER_ENOMEM;
		if (os) {
			append_token(&b, "section", os->id);
			if (os->doc)
				append_token(&b, "document", os->doc->id);
		}
		if (!(p->e[p->n - 1].m.supports = finish_supports(&b)))
			return DOSSIER_ENOMEM;
	}
	for (i = 0; i < c->nfiles; i++) {
		const dz_evfile *f = &c->files[i];
		char *src = dz_fmt("%s/evidence/%s", c->dir, f->rel);
		pent *e;
		regent key, *r;
		if (!src)
			return DOSSIER_ENOMEM;
		if (!f->regular) {
			rc = dz_err(DOSSIER_EUSAGE, src, 0, 0, "不是普通文件（链接、设备等）",
				    "not a regular file (a link, a device ...)",
				    "软件包只收普通文件：用文件本身替换链接。",
				    "A package takes regular files only: replace the link with the file.");
			dz_free(src);
			return rc;
		}
		if ((rc = add_entry(p, G_EVIDENCE, src, "evidence/", f->rel, "evidence")) != 0)
			return rc;
		e = &p->e[p->n - 1];
		key.file = e->m.name + strlen("evidence/");
		r = p->nreg ? bsearch(&key, p->reg, p->nreg, sizeof *p->reg, cmp_reg) : NULL;
		if (r) {
			e->m.supports = qualify(o, r->supports);
			e->m.evidence_id = dz_strdup(r->id);
			e->m.evidence_kind = dz_strdup(r->kind);
			e->m.evidence_title = dz_strdup(r->title);
			if (!e->m.supports || !e->m.evidence_id || !e->m.evidence_kind ||
			    !e->m.evidence_title)
				return DOSSIER_ENOMEM;
		} else if (!(e->m.supports = dz_strdup(""))) {
			return DOSSIER_ENOMEM;
		}
	}
	return 0;
}

static int cmp_pent(const void *a, const void *b)
{
	const pent *x = a, *y = b;
	if (x->group != y->group)
		return x->group - y->group;
	return strcmp(x->m.name, y->m.name);
}

/* Two names that fold to the same string would overwrite each other on
 * Windows or macOS; a name that is also a folder of another cannot be
 * extracted at all. Both are refused here, as the verifier would. */
static int check_collisions(packer *p)
{
	const char **names = dz_calloc(p->n ? p->n : 1, sizeof *names);
	dz_name_clash c;
	size_t i;
	int rc;
	if (!names)
		return DOSSIER_ENOMEM;
	for (i = 0; i < p->n; i++)
		names[i] = p->e[i].m.name;
	rc = dz_name_clashes(&c, names, p->n);
	dz_free(names);
	if (rc || c.kind == DZ_CLASH_NONE)
		return rc;
	if (c.kind == DZ_CLASH_FOLDER)
		return dz_errf(DOSSIER_EUSAGE, p->e[c.b].src, 0, 0,
			       "给文件或文件夹改名。", "Rename the file or the folder.",
			       "它所在的文件夹与文件 %s 同名",
			       "a folder on its path has the name of the file %s", p->e[c.a].src);
	return dz_errf(DOSSIER_EUSAGE, p->e[c.b].src, 0, 0,
		       "给其中一个文件改名。", "Rename one of the two files.",
		       "与 %s 的名称只差大小写或 Unicode 规范化，在 Windows 和 macOS 上会互相覆盖",
		       "its name differs from %s only in case or Unicode normalisation; "
		       "they would overwrite each other on Windows and macOS", p->e[c.a].src);
}

/* ================= writing ================= */

static int cancelled(packer *p, const char *entry)
{
	dossier_progress pr;
	if (!p->opt->progress)
		return 0;
	pr.done = p->done;
	pr.total = p->total;
	pr.entry = entry;
	if (p->opt->progress(&pr, p->opt->payload))
		return dz_err(DOSSIER_ERROR, "", 0, 0, "已中断，未写出软件包",
			      "interrupted; no package was written", "", "");
	return 0;
}

static ssize_t read_full(int fd, unsigned char *b, size_t n)
{
	size_t got = 0;
	while (got < n) {
		ssize_t r = read(fd, b + got, n - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (r == 0)
			break;
		got += (size_t)r;
	}
	return (ssize_t)got;
}

static int read_error(const char *path)
{
	return dz_errf(DOSSIER_EIO, path, 0, 0, "检查文件权限。", "Check the file's permissions.",
		       "无法读取（%s）", "cannot read (%s)", strerror(errno));
}

/* Keep the last DZ_DICT bytes of the file read so far: the next chunk's
 * deflate dictionary. */
static void keep_tail(packer *p, const unsigned char *in, size_t n)
{
	if (n >= DZ_DICT) {
		memcpy(p->tail, in + n - DZ_DICT, DZ_DICT);
		p->tail_len = DZ_DICT;
		return;
	}
	if (p->tail_len + n > DZ_DICT) {
		size_t drop = p->tail_len + n - DZ_DICT;
		memmove(p->tail, p->tail + drop, p->tail_len - drop);
		p->tail_len -= drop;
	}
	memcpy(p->tail + p->tail_len, in, n);
	p->tail_len += n;
}

/* Stream one file into the ZIP: this thread reads each chunk, hashes it and
 * deflates every other one; the writer thread (pipe.c) does the rest. */
static int write_file(packer *p, dz_pipe *pp, pent *e)
{
	int fd = open(e->src, O_RDONLY | O_NOFOLLOW | O_CLOEXEC), rc = 0, method;
	struct stat st;
	EVP_MD_CTX *h;
	dz_packhint hint;
	dz_slot *sl;
	ssize_t n;
	uint64_t read_so_far = 0;
	uint32_t crc = (uint32_t)crc32(0, NULL, 0);
	unsigned k = 0;
	size_t pre = 0;   /* bytes of chunk 0 already deflated into sl->out */
	int level;
	if (fd < 0)
		return read_error(e->src);
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return dz_err(DOSSIER_EUSAGE, e->src, 0, 0, "不是普通文件", "not a regular file",
			      "软件包只收普通文件。", "A package takes regular files only.");
	}
	posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
	e->m.media = dz_media_type(e->m.name, &hint);
	e->m.size = (uint64_t)st.st_size;
	if (!(sl = dz_pipe_slot(pp))) {
		close(fd);
		return DOSSIER_ERROR;    /* the writer failed: dz_pipe_finish says why */
	}
	n = read_full(fd, sl->in, DZ_CHUNK);
	if (n < 0) {
		rc = read_error(e->src);
		dz_pipe_release(pp, sl);
		close(fd);
		return rc;
	}
	method = hint == DZ_PACK_STORE || n == 0 ? 0 : 8;
	if (method == 8 && (hint == DZ_PACK_SNIFF || e->m.size > (1u << 20))) {
		/* unknown formats are deflated only if they shrink; anything
		 * that shrinks more than 100:1 is stored, as the verifier
		 * takes ratios above 200:1 for a compression bomb */
		size_t used, out = dz_media_trial(sl->in, (size_t)n, &used, p->trial);
		if (out == 0 || (hint == DZ_PACK_SNIFF && out >= used - used / 10) ||
		    (e->m.size > (1u << 20) && out * 100 < used))
			method = 0;
	}
	/* by default, small text is deflated hard and big text fast: level 1 is
	 * three times faster than 6 for ~15% more output, a fraction of a
	 * percent of a package that carries such a file */
	level = p->opt->level ? p->opt->level : e->m.size > DZ_BIG_ENTRY ? 1 : 6;
	if (method == 8 && (uint64_t)n == e->m.size) {
		/* the whole file is in this chunk: deflate it now, and store it
		 * if it shrinks more than 100:1, so that no entry, and so no
		 * package, trips the verifier's expansion cap */
		if (dz_deflate_chunk(&p->zs, level, NULL, 0, sl->in, (size_t)n, 1, sl->out,
				     DZ_OUTCAP, &pre) != 0) {
			dz_pipe_release(pp, sl);
			close(fd);
			return DOSSIER_ERROR;
		}
		if (pre * 100 < (size_t)n) {
			method = 0;
			pre = 0;
		}
	}
	/* this thread: SM3 with an SM2 signer (the writer does SHA-256), else
	 * SHA-256 */
	h = EVP_MD_CTX_new();
	if (!h || !EVP_DigestInit_ex(h, p->md, NULL)) {
		EVP_MD_CTX_free(h);
		dz_pipe_release(pp, sl);
		close(fd);
		return DOSSIER_ERROR;
	}
	p->tail_len = 0;
	rc = dz_pipe_begin(pp, e->m.name, method, level, e->m.size);
	while (rc == 0 && n > 0) {
		size_t dlen = 0, outlen = 0;
		int last = read_so_far + (uint64_t)n >= e->m.size;
		if (!EVP_DigestUpdate(h, sl->in, (size_t)n)) {
			rc = DOSSIER_ERROR;
			break;
		}
		crc = (uint32_t)crc32(crc, sl->in, (uInt)n);
		if (method == 8) {
			memcpy(sl->dict, p->tail, p->tail_len);
			dlen = p->tail_len;
			/* even chunks here, odd ones on the writer thread */
			if (k == 0 && pre)
				outlen = pre;   /* deflated above */
			else if (k % 2 == 0 &&
				 (rc = dz_deflate_chunk(&p->zs, level, sl->dict, dlen, sl->in, (size_t)n,
							last, sl->out, DZ_OUTCAP, &outlen)) != 0)
				break;
			keep_tail(p, sl->in, (size_t)n);
		}
		read_so_far += (uint64_t)n;
		p->done += (uint64_t)n;
		k++;
		rc = dz_pipe_chunk(pp, sl, (size_t)n, method, dlen, last, outlen);
		sl = NULL;
		if (rc || (rc = cancelled(p, e->m.name)) != 0)
			break;
		if (!(sl = dz_pipe_slot(pp))) {
			rc = DOSSIER_ERROR;
			break;
		}
		n = read_full(fd, sl->in, DZ_CHUNK);
		if (n < 0)
			rc = read_error(e->src);
	}
	if (sl)
		dz_pipe_release(pp, sl);
	if (rc == 0)
		rc = dz_pipe_end(pp, crc, p->sm3 ? e->m.sha256 : NULL);
	if (rc == 0) {
		unsigned int l = 0;
		if (!EVP_DigestFinal_ex(h, p->sm3 ? e->m.sm3 : e->m.sha256, &l) || l != 32)
			rc = DOSSIER_ERROR;
	}
	EVP_MD_CTX_free(h);
	close(fd);
	return rc;
}

static int write_blob(dz_zipw *z, const char *name, const void *data, size_t len, int method)
{
	int rc = dz_zipw_begin(z, name, method, len, 0);
	if (rc == 0 && len)
		rc = dz_zipw_data(z, data, len);
	return rc ? rc : dz_zipw_end(z);
}

/* ================= the output file ================= */

typedef struct {
	int fd;
	char *dir, *path, *tmp;   /* tmp: the named fallback file, if any */
} outfile;

static int out_open(outfile *of, const char *path)
{
	char *copy = dz_strdup(path);
	struct stat st;
	memset(of, 0, sizeof *of);
	of->fd = -1;
	if (!copy)
		return DOSSIER_ENOMEM;
	of->dir = dz_strdup(dirname(copy));
	dz_free(copy);
	of->path = dz_strdup(path);
	if (!of->dir || !of->path)
		return DOSSIER_ENOMEM;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return dz_err(DOSSIER_EUSAGE, path, 0, 0, "输出路径是一个目录",
			      "the output path is a directory",
			      "用 -o 给出软件包的文件名，例如 中心-20260320.asice。",
			      "Give the package's file name with -o, e.g. centre-20260320.asice.");
#ifdef O_TMPFILE
	of->fd = open(of->dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
#endif
	if (of->fd < 0) {
		/* no O_TMPFILE here: a hidden named file, removed on failure */
		char *base = dz_strdup(path), *b;
		mode_t um;
		if (!base)
			return DOSSIER_ENOMEM;
		b = basename(base);
		of->tmp = dz_fmt("%s/.%s.XXXXXX", of->dir, b);
		dz_free(base);
		if (!of->tmp)
			return DOSSIER_ENOMEM;
		of->fd = mkstemp(of->tmp);
		if (of->fd >= 0) {
			um = umask(022);
			umask(um);
			fchmod(of->fd, 0644 & ~um);
		} else {
			dz_free(of->tmp);
			of->tmp = NULL;
		}
	}
	if (of->fd < 0)
		return dz_errf(DOSSIER_EIO, of->dir, 0, 0, "检查目录是否存在且可写。",
			       "Check that the folder exists and is writable.",
			       "无法在此目录创建软件包（%s）",
			       "cannot create the package in this folder (%s)", strerror(errno));
	return 0;
}

static int out_publish(outfile *of)
{
	int dfd, rc = 0;
	if (fsync(of->fd) != 0)
		return dz_errf(DOSSIER_EIO, of->path, 0, 0, "检查磁盘空间。", "Check the free disk space.",
			       "写入失败（%s）", "write failed (%s)", strerror(errno));
	if (of->tmp) {
		if (rename(of->tmp, of->path) != 0)
			rc = errno;
		else {
			dz_free(of->tmp);
			of->tmp = NULL;
		}
	} else {
		char proc[64];
		snprintf(proc, sizeof proc, "/proc/self/fd/%d", of->fd);
		if (linkat(AT_FDCWD, proc, AT_FDCWD, of->path, AT_SYMLINK_FOLLOW) != 0) {
			rc = errno;
			if (rc == EEXIST) {
				/* replace atomically: link under a fresh name, rename */
				unsigned i;
				rc = 0;
				for (i = 0; i < 100; i++) {
					char *t = dz_fmt("%s.tmp-%ld-%u", of->path, (long)getpid(), i);
					if (!t)
						return DOSSIER_ENOMEM;
					if (linkat(AT_FDCWD, proc, AT_FDCWD, t, AT_SYMLINK_FOLLOW) == 0) {
						if (rename(t, of->path) != 0) {
							rc = errno;
							unlink(t);
						}
						dz_free(t);
						break;
					}
					rc = errno;
					dz_free(t);
					if (rc != EEXIST)
						break;
					rc = 0;
				}
			}
		}
	}
	if (rc)
		return dz_errf(DOSSIER_EIO, of->path, 0, 0, "检查目录写权限。",
			       "Check that the folder is writable.",
			       "无法把软件包放到位（%s）", "cannot put the package in place (%s)",
			       strerror(rc));
	if ((dfd = open(of->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		fsync(dfd);
		close(dfd);
	}
	return 0;
}

static void out_close(outfile *of)
{
	if (of->fd >= 0)
		close(of->fd);
	if (of->tmp)
		unlink(of->tmp);
	dz_free(of->tmp);
	dz_free(of->dir);
	dz_free(of->path);
}

/* The package must not land inside a folder it packs: the next run would
 * pack the package itself. */
static int check_target(const packer *p, const char *dir)
{
	char out[PATH_MAX], in[PATH_MAX];
	const char *subs[3] = {"evidence", "sections", NULL};
	int i;
	if (!realpath(dir, out))
		return 0;   /* out_open reports a missing folder */
	for (i = 0; i < 3; i++) {
		char *d = i < 2 ? dz_fmt("%s/%s", p->c->dir, subs[i])
				: (p->opt->reports_dir ? dz_strdup(p->opt->reports_dir) : NULL);
		size_t n;
		int inside;
		if (i < 2 && !d)
			return DOSSIER_ENOMEM;
		if (!d)
			continue;
		inside = realpath(d, in) && (n = strlen(in), !strncmp(out, in, n) &&
					     (out[n] == '/' || out[n] == '\0'));
		if (inside) {
			int rc = dz_errf(DOSSIER_EUSAGE, d, 0, 0,
					 "把软件包写到中心目录之外。",
					 "Write the package outside the centre directory.",
					 "软件包不能写进被打包的目录", "the package cannot be written into a folder it packs");
			dz_free(d);
			return rc;
		}
		dz_free(d);
	}
	return 0;
}

/* ================= the whole ================= */

int dossier_pack_write(const char *out_path, const dossier_centre *centre,
		       const dossier_outline *outline,
		       const dossier_report *findings,
		       dossier_signer *const *signers, size_t nsigners,
		       const dossier_pack_options *opts)
{
	dossier_pack_options o = DOSSIER_PACK_OPTIONS_INIT;
	const dossier_signer *cms_signer = NULL, *sm2_signer = NULL;
	packer p;
	outfile of;
	dz_zipw *z = NULL;
	dz_pipe *pp = NULL;
	dz_mhead head;
	dz_mentry *list = NULL;
	char *manifest = NULL, *cert_pem = NULL, *chain_pem = NULL, created[21];
	unsigned char *cms = NULL, *sm2 = NULL;
	size_t mlen = 0, cms_len = 0, sm2_len = 0, cert_len = 0, chain_len = 0, i;
	long long when;
	uint16_t ddate, dtime;
	int rc = 0;
	memset(&p, 0, sizeof p);
	memset(&of, 0, sizeof of);
	of.fd = -1;
	if (opts && opts->version >= 2)
		o = *opts;
	else if (opts) /* version 1: the fields before tsa_url */
		memcpy(&o, opts, offsetof(dossier_pack_options, tsa_url));
	o.version = DOSSIER_PACK_OPTIONS_VERSION;
	opts = &o;
	if (!out_path || !centre || !outline || !findings || nsigners == 0 || nsigners > 2)
		return dz_err(DOSSIER_EUSAGE, "", 0, 0, "打包参数无效", "invalid packing arguments",
			      "", "");
	for (i = 0; i < nsigners; i++) {
		const dossier_signer **slot = signers[i]->kind == DOSSIER_KEY_SM2 ? &sm2_signer
										  : &cms_signer;
		if (*slot)
			return dz_err(DOSSIER_EUSAGE, signers[i]->key_path, 0, 0,
				      "同类签名密钥给了两个", "two signing keys of the same family",
				      "最多给一个 RSA/ECDSA 密钥和一个 SM2 密钥。",
				      "Give at most one RSA/ECDSA key and one SM2 key.");
		*slot = signers[i];
	}
	if (opts->tsa_url && !cms_signer)
		return dz_err(DOSSIER_EUSAGE, opts->tsa_url, 0, 0,
			      "时间戳加在 CAdES 签名上，需要一个 RSA 或 ECDSA 密钥",
			      "a time-stamp goes on the CAdES signature, which needs an RSA or "
			      "ECDSA key", "再给一个 RSA/ECDSA 的 --key，或不加 --tsa。",
			      "Add an RSA/ECDSA --key, or leave out --tsa.");
	if (centre->from_table)
		return dz_err(DOSSIER_EUSAGE, centre->xml_path, 0, 0,
			      "这是评估数据表 XML，不是中心目录", "this is an evaluation-tables XML, not a "
			      "centre directory", "给出中心目录（含 centre.xml、sections/、evidence/）。",
			      "Give the centre directory (centre.xml, sections/, evidence/).");
	head.errors = dossier_report_count_sev(findings, DOSSIER_SEV_ERROR);
	head.warnings = dossier_report_count_sev(findings, DOSSIER_SEV_WARNING);
	if (head.errors && !opts->allow_incomplete)
		return dz_errf(DOSSIER_EUSAGE, centre->dir, 0, 0,
			       "先用 dossier check 改正错误；确需提交不完整材料时加 --allow-incomplete（会记入清单）。",
			       "Fix the errors dossier check reports first; to submit incomplete "
			       "material anyway, add --allow-incomplete (it is recorded in the manifest).",
			       "材料不完整（%zu 个错误），拒绝打包", "the dossier is incomplete (%zu errors): "
			       "not packing", head.errors);
	p.c = centre;
	p.o = outline;
	p.opt = opts;
	p.sm3 = sm2_signer != NULL;
	when = opts->source_date >= 0 ? opts->source_date : (long long)time(NULL);
	dz_iso_time(when, created);
	dz_dos_time(when, &ddate, &dtime);
	for (i = 0; i < nsigners; i++) {
		X509 *x = signers[i]->cert;
		if (ASN1_TIME_cmp_time_t(X509_get0_notBefore(x), (time_t)when) > 0 ||
		    ASN1_TIME_cmp_time_t(X509_get0_notAfter(x), (time_t)when) < 0)
			return dz_errf(DOSSIER_EUSAGE, signers[i]->key_path, 0, 0,
				       "不设 SOURCE_DATE_EPOCH，或设为证书有效期内的时间。",
				       "Unset SOURCE_DATE_EPOCH or set it within the certificate's validity.",
				       "签名时间 %s（SOURCE_DATE_EPOCH）不在签名证书的有效期内",
				       "the signing time %s (SOURCE_DATE_EPOCH) lies outside the signing "
				       "certificate's validity", created);
	}
	dz_xml_init();

	if ((rc = load_register(&p)) != 0 || (rc = list_entries(&p)) != 0 ||
	    (rc = check_collisions(&p)) != 0)
		goto done;
	qsort(p.e, p.n, sizeof *p.e, cmp_pent);
	for (i = 0; i < p.n; i++) {
		struct stat st;
		if (stat(p.e[i].src, &st) == 0)
			p.total += (uint64_t)st.st_size;
	}
	if ((rc = out_open(&of, out_path)) != 0 || (rc = check_target(&p, of.dir)) != 0)
		goto done;
	if (!(p.trial = dz_malloc(DZ_TRIAL_BYTES))) {
		rc = DOSSIER_ENOMEM;
		goto done;
	}
	if ((rc = dz_zipw_new(&z, of.fd, out_path, ddate, dtime, opts->force_zip64,
			      opts->level ? opts->level : 6)) != 0 || (rc = dz_zipw_reserve(z, p.n + 8)) != 0)
		goto done;
	if ((rc = dz_zipw_begin(z, "mimetype", 0, strlen(DZ_MIMETYPE), 1)) != 0 ||
	    (rc = dz_zipw_data(z, DZ_MIMETYPE, strlen(DZ_MIMETYPE))) != 0 ||
	    (rc = dz_zipw_end(z)) != 0)
		goto done;
	if ((rc = cancelled(&p, "")) != 0)
		goto done;
	if ((rc = dz_deflate_init(&p.zs, 6)) != 0)
		goto done;
	p.zinit = 1;
	if (!(p.md = EVP_MD_fetch(NULL, p.sm3 ? "SM3" : "SHA256", NULL))) {
		rc = dz_err(DOSSIER_ERROR, "", 0, 0, "OpenSSL 缺少摘要算法",
			    "OpenSSL lacks a digest algorithm", "检查 OpenSSL 安装。",
			    "Check the OpenSSL installation.");
		goto done;
	}
	if ((rc = dz_pipe_new(&pp, z, p.sm3 ? "SHA256" : NULL)) != 0)
		goto done;
	for (i = 0; i < p.n && rc == 0; i++)
		rc = write_file(&p, pp, &p.e[i]);
	{
		int frc = dz_pipe_finish(pp);   /* records the writer's error here */
		if (frc)
			rc = frc;
	}
	if (rc)
		goto done;

	/* the manifest, from the digests just computed */
	if (!(list = dz_calloc(p.n, sizeof *list))) {
		rc = DOSSIER_ENOMEM;
		goto done;
	}
	for (i = 0; i < p.n; i++)
		list[i] = p.e[i].m;
	head.scheme = dossier_centre_scheme(centre);
	head.stage = dossier_centre_stage(centre);
	head.source = dossier_outline_source(outline);
	head.centre = dossier_centre_name(centre);
	head.created = created;
	head.tool = "dossier " DOSSIER_VERSION;
	head.complete = head.errors == 0;
	head.allow_incomplete = opts->allow_incomplete != 0;
	head.findings = findings;
	head.has_cms = cms_signer != NULL;
	head.has_sm2 = sm2_signer != NULL;
	head.has_sm3 = p.sm3;
	if (sm2_signer && ((rc = dz_signer_pem(&cert_pem, &cert_len, &chain_pem, &chain_len,
					       sm2_signer)) != 0 ||
			   (rc = dz_cert_sm3(sm2_signer->cert, head.sm2_cert_sm3)) != 0))
		goto done;
	head.has_sm2_chain = chain_pem != NULL;
	if ((rc = dz_manifest_write(&manifest, &mlen, &head, list, p.n)) != 0)
		goto done;
	/* sign before anything of META-INF is written: nothing is rewritten */
	if (cms_signer && (rc = dz_cms_sign(&cms, &cms_len, cms_signer,
					    (unsigned char *)manifest, mlen, when, opts->tsa_url)) != 0)
		goto done;
	if (sm2_signer && (rc = dz_sm2_sign(&sm2, &sm2_len, sm2_signer,
					    (unsigned char *)manifest, mlen)) != 0)
		goto done;
	if ((rc = write_blob(z, DZ_MANIFEST_NAME, manifest, mlen, 8)) != 0 ||
	    (cms && (rc = write_blob(z, DZ_CMS_NAME, cms, cms_len, 0)) != 0) ||
	    (sm2 && (rc = write_blob(z, DZ_SM2_NAME, sm2, sm2_len, 0)) != 0) ||
	    (chain_pem && (rc = write_blob(z, DZ_SM2_CHAIN_NAME, chain_pem, chain_len, 8)) != 0) ||
	    (cert_pem && (rc = write_blob(z, DZ_SM2_CERT_NAME, cert_pem, cert_len, 8)) != 0))
		goto done;
	if ((rc = dz_zipw_finish(z)) != 0 || (rc = cancelled(&p, "")) != 0)
		goto done;
	rc = out_publish(&of);
done:
	if (rc == DOSSIER_ENOMEM && !dossier_error_last())
		dz_err(rc, out_path, 0, 0, "内存不足", "out of memory", "", "");
	dz_pipe_free(pp);
	dz_zipw_free(z);
	out_close(&of);
	dz_free(list);
	dz_free(manifest);
	dz_free(cms);
	dz_free(sm2);
	dz_free(cert_pem);
	dz_free(chain_pem);
	dz_free(p.trial);
	EVP_MD_free(p.md);
	if (p.zinit)
		deflateEnd(&p.zs);
	for (i = 0; i < p.n; i++) {
		dz_free(p.e[i].src);
		dz_free(p.e[i].m.name);
		dz_free(p.e[i].m.supports);
		dz_free(p.e[i].m.evidence_id);
		dz_free(p.e[i].m.evidence_kind);
		dz_free(p.e[i].m.evidence_title);
	}
	dz_free(p.e);
	for (i = 0; i < p.nreg; i++) {
		dz_free(p.reg[i].file);
		dz_free(p.reg[i].id);
		dz_free(p.reg[i].kind);
		dz_free(p.reg[i].title);
		dz_free(p.reg[i].supports);
	}
	dz_free(p.reg);
	return rc;
}
