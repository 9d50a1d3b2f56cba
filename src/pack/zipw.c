/*
 * zipw.c — a streaming ZIP writer for packages (PKWARE APPNOTE 6.3).
 *
 * Each entry is written as its data arrives: a local header with the sizes
 * known in advance, the data (stored, or deflated through zlib), then the
 * CRC and compressed size are patched into the header (in the output buffer
 * if it is still there, with pwrite otherwise). No data descriptors, no
 * comments, no extra fields but ZIP64, fixed times and modes: the output is
 * a function of the input bytes alone. ZIP64 records appear exactly when a
 * size or offset needs them (or always, if asked, to test readers).
 *
 * Memory: one output buffer of DZ_CHUNK bytes, zlib's state, and one small
 * record per entry for the central directory.
 */
#define _GNU_SOURCE 1     /* sync_file_range */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>
#include "util/util.h"
#include "pack_int.h"

#define U32MAX 0xFFFFFFFFu

typedef struct {
	const char *name;     /* borrowed: must outlive the writer */
	size_t nlen;
	uint64_t off, csize, usize;
	uint32_t crc;
	uint16_t method, flags, needed;
	int zip64_local, plain;
} wentry;

struct dz_zipw {
	int fd;
	const char *path;
	unsigned char *buf;
	size_t blen;
	uint64_t bstart;      /* file offset of buf[0] */
	wentry *e;
	size_t n, cap;
	uint16_t date, time;
	int force64, level;
	z_stream z;
	int zinit;
	wentry *cur;
	uint64_t got;
	uint64_t raw_out;     /* compressed bytes given by dz_zipw_raw */
	int raw;
	uint64_t kicked;      /* bytes handed to writeback so far */
	int failed;
};

/* Start writeback of what has been written every this many bytes, so the
 * disk works while the package is still being made and the final fsync
 * has little left to wait for. */
#define KICK ((uint64_t)16 << 20)

/* zlib allocates through the dossier allocator (shared with zipr.c) */
voidpf dz_pack_zalloc(voidpf opaque, uInt items, uInt size)
{
	(void)opaque;
	return dz_calloc(items, size);
}

void dz_pack_zfree(voidpf opaque, voidpf p)
{
	(void)opaque;
	dz_free(p);
}

static int io_error(dz_zipw *z, const char *op)
{
	z->failed = 1;
	return dz_errf(DOSSIER_EIO, z->path, 0, 0,
		       "检查磁盘空间与目录写权限。",
		       "Check the free disk space and that the folder is writable.",
		       "写入软件包失败（%s：%s）", "cannot write the package (%s: %s)",
		       op, strerror(errno));
}

static int flush(dz_zipw *z)
{
	size_t done = 0;
	while (done < z->blen) {
		ssize_t w = write(z->fd, z->buf + done, z->blen - done);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return io_error(z, "write");
		}
		done += (size_t)w;
	}
	z->bstart += z->blen;
	z->blen = 0;
	if (z->bstart - z->kicked >= KICK) {
		/* a hint: an error here (e.g. not supported) changes nothing */
		sync_file_range(z->fd, (off_t)z->kicked, (off_t)(z->bstart - z->kicked),
				SYNC_FILE_RANGE_WRITE);
		z->kicked = z->bstart;
	}
	return 0;
}

static int put(dz_zipw *z, const void *p, size_t n)
{
	const unsigned char *s = p;
	while (n) {
		size_t room = DZ_CHUNK - z->blen, k = n < room ? n : room;
		memcpy(z->buf + z->blen, s, k);
		z->blen += k;
		s += k;
		n -= k;
		if (z->blen == DZ_CHUNK) {
			int rc = flush(z);
			if (rc)
				return rc;
		}
	}
	return 0;
}

/* Overwrite bytes already written at file offset `off`. */
static int patch(dz_zipw *z, uint64_t off, const unsigned char *p, size_t n)
{
	while (n) {
		if (off >= z->bstart) {
			memcpy(z->buf + (off - z->bstart), p, n);
			return 0;
		} else {
			uint64_t k64 = z->bstart - off;
			size_t k = k64 < n ? (size_t)k64 : n;
			ssize_t w = pwrite(z->fd, p, k, (off_t)off);
			if (w < 0 && errno == EINTR)
				continue;
			if (w <= 0)
				return io_error(z, "pwrite");
			off += (uint64_t)w;
			p += w;
			n -= (size_t)w;
		}
	}
	return 0;
}

static unsigned char *le16(unsigned char *p, uint16_t v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
	return p + 2;
}

static unsigned char *le32(unsigned char *p, uint32_t v)
{
	p = le16(p, (uint16_t)v);
	return le16(p, (uint16_t)(v >> 16));
}

static unsigned char *le64(unsigned char *p, uint64_t v)
{
	p = le32(p, (uint32_t)v);
	return le32(p, (uint32_t)(v >> 32));
}

int dz_zipw_new(dz_zipw **out, int fd, const char *path, uint16_t dos_date,
		uint16_t dos_time, int force_zip64, int level)
{
	dz_zipw *z = dz_calloc(1, sizeof *z);
	*out = NULL;
	if (!z || !(z->buf = dz_malloc(DZ_CHUNK))) {
		dz_free(z);
		return DOSSIER_ENOMEM;
	}
	z->fd = fd;
	z->path = path;
	z->date = dos_date;
	z->time = dos_time;
	z->force64 = force_zip64;
	z->level = level < 1 ? 1 : level > 9 ? 9 : level;
	/* zlib's state now, so that writing entries allocates nothing (the
	 * writer may run on its own thread) */
	z->z.zalloc = dz_pack_zalloc;
	z->z.zfree = dz_pack_zfree;
	if (deflateInit2(&z->z, z->level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
		dz_free(z->buf);
		dz_free(z);
		return DOSSIER_ENOMEM;
	}
	z->zinit = 1;
	*out = z;
	return 0;
}

int dz_zipw_reserve(dz_zipw *z, size_t entries)
{
	return dz_grow((void **)&z->e, &z->cap, z->n + entries, sizeof *z->e);
}

uint64_t dz_zipw_offset(const dz_zipw *z)
{
	return z->bstart + z->blen;
}

/* zlib's deflateBound() for the default memLevel and window, plus the
 * sync-flush marker and block restart of each DZ_CHUNK chunk when entries
 * are deflated chunk by chunk (dz_deflate_chunk). */
static uint64_t deflate_bound(uint64_t n)
{
	return n + (n >> 12) + (n >> 14) + (n >> 15) + 64;
}

int dz_zipw_begin(dz_zipw *z, const char *name, int method, uint64_t size,
		  int plain)
{
	unsigned char h[30 + 20], *p = h;
	wentry *e;
	size_t nlen = strlen(name);
	int rc;
	if (z->failed || z->cur)
		return DOSSIER_EUSAGE;
	if (nlen > 0xFFFF)
		return DOSSIER_ELIMIT;
	if (dz_grow((void **)&z->e, &z->cap, z->n, sizeof *z->e))
		return DOSSIER_ENOMEM;
	e = &z->e[z->n];
	memset(e, 0, sizeof *e);
	e->name = name;
	z->n++;
	e->nlen = nlen;
	e->off = dz_zipw_offset(z);
	e->usize = size;
	e->method = (uint16_t)method;
	e->plain = plain;
	e->flags = plain ? 0 : 0x0800;
	e->zip64_local = !plain && (z->force64 || size >= U32MAX ||
				    (method == 8 && deflate_bound(size) >= U32MAX));
	e->needed = e->zip64_local ? 45 : method == 8 ? 20 : 10;
	p = le32(p, 0x04034b50);
	p = le16(p, e->needed);
	p = le16(p, e->flags);
	p = le16(p, e->method);
	p = le16(p, z->time);
	p = le16(p, z->date);
	p = le32(p, 0);                       /* CRC: patched by end() */
	if (e->zip64_local) {
		p = le32(p, U32MAX);
		p = le32(p, U32MAX);
	} else {
		p = le32(p, method == 0 ? (uint32_t)size : 0);
		p = le32(p, (uint32_t)size);
	}
	p = le16(p, (uint16_t)nlen);
	p = le16(p, e->zip64_local ? 20 : 0);
	if ((rc = put(z, h, (size_t)(p - h))) != 0 || (rc = put(z, name, nlen)) != 0)
		return rc;
	if (e->zip64_local) {
		p = h;
		p = le16(p, 0x0001);
		p = le16(p, 16);
		p = le64(p, size);
		p = le64(p, method == 0 ? size : 0);
		if ((rc = put(z, h, 20)) != 0)
			return rc;
	}
	if (method == 8 && deflateReset(&z->z) != Z_OK)
		return DOSSIER_ERROR;
	z->cur = e;
	z->got = 0;
	z->raw = 0;
	z->raw_out = 0;
	return 0;
}

static int deflate_out(dz_zipw *z, int mode)
{
	for (;;) {
		int zr, rc;
		z->z.next_out = z->buf + z->blen;
		z->z.avail_out = (uInt)(DZ_CHUNK - z->blen);
		zr = deflate(&z->z, mode);
		z->blen = DZ_CHUNK - z->z.avail_out;
		if (zr == Z_STREAM_ERROR)
			return DOSSIER_ERROR;
		if (z->blen == DZ_CHUNK && (rc = flush(z)) != 0)
			return rc;
		if (mode == Z_FINISH) {
			if (zr == Z_STREAM_END)
				return 0;
		} else if (z->z.avail_in == 0 && z->blen < DZ_CHUNK) {
			return 0;
		}
	}
}

static int grew(const wentry *e)
{
	return dz_err(DOSSIER_EIO, e->name, 0, 0,
		      "文件在打包过程中变大了", "the file grew while it was being packed",
		      "等文件写完后重新打包。", "Pack again once the file is no longer being written.");
}

static int shrank(const wentry *e)
{
	return dz_err(DOSSIER_EIO, e->name, 0, 0,
		      "文件在打包过程中变小了", "the file shrank while it was being packed",
		      "等文件写完后重新打包。", "Pack again once the file is no longer being written.");
}

int dz_zipw_data(dz_zipw *z, const void *p, size_t n)
{
	wentry *e = z->cur;
	if (!e || z->failed)
		return DOSSIER_EUSAGE;
	if (z->raw)
		return DOSSIER_EUSAGE;
	if (n > e->usize - z->got)
		return grew(e);
	e->crc = (uint32_t)crc32(e->crc, p, (uInt)n);
	z->got += n;
	if (e->method == 0)
		return put(z, p, n);
	z->z.next_in = (Bytef *)p;
	z->z.avail_in = (uInt)n;
	return deflate_out(z, Z_NO_FLUSH);
}

int dz_zipw_raw(dz_zipw *z, const void *p, size_t n, size_t ulen)
{
	wentry *e = z->cur;
	if (!e || z->failed)
		return DOSSIER_EUSAGE;
	if (ulen > e->usize - z->got)
		return grew(e);
	z->raw = 1;
	z->got += ulen;
	z->raw_out += n;
	return put(z, p, n);
}

static int finish_entry(dz_zipw *z, wentry *e)
{
	unsigned char b[16];
	int rc;
	if (!e->zip64_local && e->csize >= U32MAX)
		return DOSSIER_ERROR;    /* cannot happen: bound checked in begin() */
	le32(b, e->crc);
	if ((rc = patch(z, e->off + 14, b, 4)) != 0)
		return rc;
	if (e->zip64_local) {
		le64(b, e->csize);
		rc = patch(z, e->off + 30 + e->nlen + 4 + 8, b, 8);
	} else {
		le32(b, (uint32_t)e->csize);
		rc = patch(z, e->off + 18, b, 4);
	}
	z->cur = NULL;
	return rc;
}

int dz_zipw_end_raw(dz_zipw *z, uint32_t crc)
{
	wentry *e = z->cur;
	if (!e || z->failed)
		return DOSSIER_EUSAGE;
	if (z->got != e->usize)
		return shrank(e);
	e->crc = crc;
	e->csize = z->raw_out;
	return finish_entry(z, e);
}

int dz_zipw_end(dz_zipw *z)
{
	wentry *e = z->cur;
	int rc;
	if (!e || z->failed || z->raw)
		return DOSSIER_EUSAGE;
	if (z->got != e->usize)
		return shrank(e);
	if (e->method == 8) {
		z->z.next_in = NULL;
		z->z.avail_in = 0;
		if ((rc = deflate_out(z, Z_FINISH)) != 0)
			return rc;
		e->csize = (uint64_t)z->z.total_out;
	} else {
		e->csize = e->usize;
	}
	return finish_entry(z, e);
}

int dz_deflate_init(z_stream *zs, int level)
{
	memset(zs, 0, sizeof *zs);
	zs->zalloc = dz_pack_zalloc;
	zs->zfree = dz_pack_zfree;
	return deflateInit2(zs, level < 1 ? 1 : level > 9 ? 9 : level, Z_DEFLATED, -15, 8,
			    Z_DEFAULT_STRATEGY) == Z_OK ? 0 : DOSSIER_ENOMEM;
}

int dz_deflate_chunk(z_stream *zs, int level, const unsigned char *dict, size_t dlen,
		     const unsigned char *in, size_t n, int last,
		     unsigned char *out, size_t cap, size_t *outlen)
{
	int zr;
	if (deflateReset(zs) != Z_OK ||
	    deflateParams(zs, level < 1 ? 1 : level > 9 ? 9 : level, Z_DEFAULT_STRATEGY) != Z_OK ||
	    (dlen && deflateSetDictionary(zs, dict, (uInt)dlen) != Z_OK))
		return DOSSIER_ERROR;
	zs->next_in = (Bytef *)in;
	zs->avail_in = (uInt)n;
	zs->next_out = out;
	zs->avail_out = (uInt)cap;
	zr = deflate(zs, last ? Z_FINISH : Z_SYNC_FLUSH);
	if ((last && zr != Z_STREAM_END) || (!last && zr != Z_OK) || zs->avail_in ||
	    zs->avail_out == 0)
		return DOSSIER_ERROR;
	*outlen = cap - zs->avail_out;
	return 0;
}

int dz_zipw_finish(dz_zipw *z)
{
	uint64_t cd_start = dz_zipw_offset(z), cd_size, n = z->n;
	unsigned char h[128], *p;
	size_t i;
	int rc, zip64;
	if (z->failed || z->cur)
		return DOSSIER_EUSAGE;
	for (i = 0; i < z->n; i++) {
		wentry *e = &z->e[i];
		int f = z->force64 && !e->plain;
		int bu = f || e->usize >= U32MAX, bc = f || e->csize >= U32MAX,
		    bo = f || e->off >= U32MAX;
		uint16_t elen = (uint16_t)(8 * (bu + bc + bo) + ((bu || bc || bo) ? 4 : 0));
		uint16_t needed = (bu || bc || bo) ? 45 : e->needed;
		p = h;
		p = le32(p, 0x02014b50);
		p = le16(p, (uint16_t)(0x0300 | needed));    /* made by: Unix */
		p = le16(p, needed);
		p = le16(p, e->flags);
		p = le16(p, e->method);
		p = le16(p, z->time);
		p = le16(p, z->date);
		p = le32(p, e->crc);
		p = le32(p, bc ? U32MAX : (uint32_t)e->csize);
		p = le32(p, bu ? U32MAX : (uint32_t)e->usize);
		p = le16(p, (uint16_t)e->nlen);
		p = le16(p, elen);
		p = le16(p, 0);                 /* comment */
		p = le16(p, 0);                 /* disk */
		p = le16(p, 0);                 /* internal attributes */
		p = le32(p, 0100644u << 16);    /* regular file, rw-r--r-- */
		p = le32(p, bo ? U32MAX : (uint32_t)e->off);
		if ((rc = put(z, h, (size_t)(p - h))) != 0 ||
		    (rc = put(z, e->name, e->nlen)) != 0)
			return rc;
		if (elen) {
			p = h;
			p = le16(p, 0x0001);
			p = le16(p, (uint16_t)(elen - 4));
			if (bu)
				p = le64(p, e->usize);
			if (bc)
				p = le64(p, e->csize);
			if (bo)
				p = le64(p, e->off);
			if ((rc = put(z, h, (size_t)(p - h))) != 0)
				return rc;
		}
	}
	cd_size = dz_zipw_offset(z) - cd_start;
	zip64 = z->force64 || n >= 0xFFFF || cd_size >= U32MAX || cd_start >= U32MAX;
	if (zip64) {
		uint64_t rec = dz_zipw_offset(z);
		p = h;
		p = le32(p, 0x06064b50);
		p = le64(p, 44);
		p = le16(p, 0x0300 | 45);
		p = le16(p, 45);
		p = le32(p, 0);
		p = le32(p, 0);
		p = le64(p, n);
		p = le64(p, n);
		p = le64(p, cd_size);
		p = le64(p, cd_start);
		p = le32(p, 0x07064b50);        /* locator */
		p = le32(p, 0);
		p = le64(p, rec);
		p = le32(p, 1);
		if ((rc = put(z, h, (size_t)(p - h))) != 0)
			return rc;
	}
	p = h;
	p = le32(p, 0x06054b50);
	p = le16(p, 0);
	p = le16(p, 0);
	p = le16(p, zip64 ? 0xFFFF : (uint16_t)n);
	p = le16(p, zip64 ? 0xFFFF : (uint16_t)n);
	p = le32(p, zip64 ? U32MAX : (uint32_t)cd_size);
	p = le32(p, zip64 ? U32MAX : (uint32_t)cd_start);
	p = le16(p, 0);
	if ((rc = put(z, h, (size_t)(p - h))) != 0)
		return rc;
	return flush(z);
}

void dz_zipw_free(dz_zipw *z)
{
	if (!z)
		return;
	if (z->zinit)
		deflateEnd(&z->z);
	dz_free(z->e);
	dz_free(z->buf);
	dz_free(z);
}
