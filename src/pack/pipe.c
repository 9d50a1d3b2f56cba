/*
 * pipe.c — the package writer on its own thread (see pack_int.h).
 *
 * dossier_pack_write reads each input once and must compute SHA-256 (and
 * SM3), CRC-32 and deflate over the same bytes, then write them. On one
 * core that is the sum of it all; here two threads share it:
 *   - the caller's thread reads each chunk, computes one digest and the
 *     CRC-32, and deflates every other chunk of a compressed entry;
 *   - this thread deflates the other chunks, computes the second digest if
 *     there is one, and writes everything in order through dz_zipw.
 * With an SM2 signer the caller computes SM3 (the slow one, ~0.4 GB/s) and
 * this thread SHA-256; otherwise the caller computes SHA-256.
 * Chunks are deflated independently (dz_deflate_chunk: primed with the
 * previous chunk's last 32 KiB, ended by a sync flush), so either thread can
 * do any chunk and the output does not depend on which did.
 *
 * A few slots (input, dictionary, output buffers) circulate between the two:
 * memory stays at NSLOT × ~2 MiB whatever the file sizes. The writer
 * allocates nothing from the dossier allocator while it runs (the
 * dz_zipw_reserve and zlib state are made up front), so the two threads
 * never race in it. Its error record is thread-local: the first error is
 * copied and recorded again in the caller's thread by dz_pipe_finish.
 */
#include <pthread.h>
#include <string.h>
#include "util/util.h"
#include "pack_int.h"

#define NSLOT 4
#define QCAP 16

enum { C_BEGIN, C_CHUNK, C_END, C_STOP };

typedef struct {
	int kind, method, level, last, compressed;
	const char *name;
	uint64_t size;
	dz_slot *s;
	size_t n, dlen, outlen;
	uint32_t crc;
	unsigned char *md_out;
} cmd;

struct dz_pipe {
	dz_zipw *z;
	int level;                  /* of the current entry */
	z_stream zs;                /* the writer's deflate state */
	int zinit;
	EVP_MD *md;
	EVP_MD_CTX *mdctx;          /* the writer's digest, or NULL */
	int threaded;
	pthread_t th;
	pthread_mutex_t mu;
	pthread_cond_t cv;          /* any change: queue, free list, error */
	cmd q[QCAP];
	size_t qh, qn;
	dz_slot slots[NSLOT], *free_[NSLOT];
	int nfree;
	int err;                    /* the writer's first error */
	dossier_error e;            /* ... and its record (owned strings) */
};

static int exec(dz_pipe *p, const cmd *c)
{
	const dz_slot *s = c->s;
	size_t outlen = c->outlen;
	int rc;
	switch (c->kind) {
	case C_BEGIN:
		if (p->mdctx && !EVP_DigestInit_ex(p->mdctx, p->md, NULL))
			return DOSSIER_ERROR;
		p->level = c->level;
		return dz_zipw_begin(p->z, c->name, c->method, c->size, 0);
	case C_CHUNK:
		if (p->mdctx && !EVP_DigestUpdate(p->mdctx, s->in, c->n))
			return DOSSIER_ERROR;
		if (c->method == 0)
			return dz_zipw_raw(p->z, s->in, c->n, c->n);
		if (!c->compressed &&
		    (rc = dz_deflate_chunk(&p->zs, p->level, s->dict, c->dlen, s->in, c->n, c->last,
					   s->out, DZ_OUTCAP, &outlen)) != 0)
			return rc;
		return dz_zipw_raw(p->z, s->out, outlen, c->n);
	case C_END:
		if (p->mdctx) {
			unsigned int l = 0;
			if (!EVP_DigestFinal_ex(p->mdctx, c->md_out, &l) || l != 32)
				return DOSSIER_ERROR;
		}
		return dz_zipw_end_raw(p->z, c->crc);
	default:
		return 0;
	}
}

static char *keep(const char *s)
{
	return dz_strdup(s ? s : "");
}

/* Called with the lock held, in the thread that failed. */
static void save_error(dz_pipe *p, int rc)
{
	const dossier_error *e = dossier_error_last();
	p->err = rc;
	if (!e)
		return;
	p->e.code = e->code;
	p->e.msg_zh = keep(e->msg_zh);
	p->e.msg_en = keep(e->msg_en);
	p->e.hint_zh = keep(e->hint_zh);
	p->e.hint_en = keep(e->hint_en);
	p->e.file = keep(e->file);
	p->e.line = e->line;
	p->e.column = e->column;
}

static void *worker(void *arg)
{
	dz_pipe *p = arg;
	for (;;) {
		cmd c;
		int rc;
		pthread_mutex_lock(&p->mu);
		while (p->qn == 0)
			pthread_cond_wait(&p->cv, &p->mu);
		c = p->q[p->qh];
		p->qh = (p->qh + 1) % QCAP;
		p->qn--;
		pthread_cond_broadcast(&p->cv);
		if (c.kind == C_STOP) {
			pthread_mutex_unlock(&p->mu);
			break;
		}
		/* after a failure, keep draining: the slots must come back */
		rc = p->err;
		pthread_mutex_unlock(&p->mu);
		if (rc == 0)
			rc = exec(p, &c);
		pthread_mutex_lock(&p->mu);
		if (c.s)
			p->free_[p->nfree++] = c.s;
		if (rc && !p->err)
			save_error(p, rc);
		pthread_cond_broadcast(&p->cv);
		pthread_mutex_unlock(&p->mu);
	}
	/* the error record is per thread: its copy is in p->e; free this
	 * thread's before it ends */
	dossier_error_clear();
	return NULL;
}

int dz_pipe_new(dz_pipe **out, dz_zipw *z, const char *md)
{
	dz_pipe *p = dz_calloc(1, sizeof *p);
	int i;
	*out = NULL;
	if (!p)
		return DOSSIER_ENOMEM;
	p->z = z;
	for (i = 0; i < NSLOT; i++) {
		dz_slot *s = &p->slots[i];
		if (!(s->in = dz_malloc(DZ_CHUNK)) || !(s->dict = dz_malloc(DZ_DICT)) ||
		    !(s->out = dz_malloc(DZ_OUTCAP))) {
			dz_pipe_free(p);
			return DOSSIER_ENOMEM;
		}
		p->free_[p->nfree++] = s;
	}
	if (dz_deflate_init(&p->zs, 6) != 0) {
		dz_pipe_free(p);
		return DOSSIER_ENOMEM;
	}
	p->zinit = 1;
	if (md && (!(p->md = EVP_MD_fetch(NULL, md, NULL)) || !(p->mdctx = EVP_MD_CTX_new()))) {
		dz_pipe_free(p);
		return dz_errf(DOSSIER_ERROR, "", 0, 0, "检查 OpenSSL 安装。",
			       "Check the OpenSSL installation.", "OpenSSL 不支持 %s",
			       "OpenSSL has no %s", md);
	}
	if (pthread_mutex_init(&p->mu, NULL) == 0) {
		if (pthread_cond_init(&p->cv, NULL) == 0) {
			p->threaded = pthread_create(&p->th, NULL, worker, p) == 0;
			if (!p->threaded)
				pthread_cond_destroy(&p->cv);
		}
		if (!p->threaded)
			pthread_mutex_destroy(&p->mu);
	}
	*out = p;
	return 0;
}

static int push(dz_pipe *p, const cmd *c)
{
	int rc;
	if (!p->threaded) {
		/* no thread: run the command here (the record stays ours) */
		rc = p->err ? p->err : exec(p, c);
		if (c->s)
			p->free_[p->nfree++] = c->s;
		if (rc && !p->err)
			p->err = rc;
		return rc;
	}
	pthread_mutex_lock(&p->mu);
	while (p->qn == QCAP && !p->err)
		pthread_cond_wait(&p->cv, &p->mu);
	rc = p->err;
	if (rc == 0 || c->kind == C_STOP) {
		p->q[(p->qh + p->qn) % QCAP] = *c;
		p->qn++;
		pthread_cond_broadcast(&p->cv);
	} else if (c->s) {
		p->free_[p->nfree++] = c->s;
	}
	pthread_mutex_unlock(&p->mu);
	return c->kind == C_STOP ? 0 : rc;
}

dz_slot *dz_pipe_slot(dz_pipe *p)
{
	dz_slot *s = NULL;
	if (!p->threaded)
		return p->err || !p->nfree ? NULL : p->free_[--p->nfree];
	pthread_mutex_lock(&p->mu);
	while (p->nfree == 0 && !p->err)
		pthread_cond_wait(&p->cv, &p->mu);
	if (!p->err)
		s = p->free_[--p->nfree];
	pthread_mutex_unlock(&p->mu);
	return s;
}

void dz_pipe_release(dz_pipe *p, dz_slot *s)
{
	if (p->threaded)
		pthread_mutex_lock(&p->mu);
	p->free_[p->nfree++] = s;
	if (p->threaded) {
		pthread_cond_broadcast(&p->cv);
		pthread_mutex_unlock(&p->mu);
	}
}

int dz_pipe_begin(dz_pipe *p, const char *name, int method, int level, uint64_t size)
{
	cmd c;
	memset(&c, 0, sizeof c);
	c.kind = C_BEGIN;
	c.name = name;
	c.method = method;
	c.level = level;
	c.size = size;
	return push(p, &c);
}

int dz_pipe_chunk(dz_pipe *p, dz_slot *s, size_t n, int method, size_t dlen,
		  int last, size_t outlen)
{
	cmd c;
	memset(&c, 0, sizeof c);
	c.kind = C_CHUNK;
	c.s = s;
	c.n = n;
	c.method = method;
	c.dlen = dlen;
	c.last = last;
	c.compressed = outlen > 0;
	c.outlen = outlen;
	return push(p, &c);
}

int dz_pipe_end(dz_pipe *p, uint32_t crc, unsigned char *md_out)
{
	cmd c;
	memset(&c, 0, sizeof c);
	c.kind = C_END;
	c.crc = crc;
	c.md_out = md_out;
	return push(p, &c);
}

int dz_pipe_finish(dz_pipe *p)
{
	if (p->threaded) {
		cmd c;
		memset(&c, 0, sizeof c);
		c.kind = C_STOP;
		push(p, &c);
		pthread_join(p->th, NULL);
		pthread_cond_destroy(&p->cv);
		pthread_mutex_destroy(&p->mu);
		p->threaded = 0;
		if (p->err && p->e.msg_en)
			dz_err(p->e.code, p->e.file, p->e.line, p->e.column, p->e.msg_zh,
			       p->e.msg_en, p->e.hint_zh, p->e.hint_en);
	}
	return p->err;
}

void dz_pipe_free(dz_pipe *p)
{
	int i;
	if (!p)
		return;
	if (p->threaded)
		dz_pipe_finish(p);
	for (i = 0; i < NSLOT; i++) {
		dz_free(p->slots[i].in);
		dz_free(p->slots[i].dict);
		dz_free(p->slots[i].out);
	}
	if (p->zinit)
		deflateEnd(&p->zs);
	EVP_MD_CTX_free(p->mdctx);
	EVP_MD_free(p->md);
	dz_free((char *)p->e.msg_zh);
	dz_free((char *)p->e.msg_en);
	dz_free((char *)p->e.hint_zh);
	dz_free((char *)p->e.hint_en);
	dz_free((char *)p->e.file);
	dz_free(p);
}
