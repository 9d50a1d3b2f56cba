/*
 * extract.c — `dossier verify --extract`: write a verified package to disk.
 *
 * Runs only after every check has passed. The target folder must be absent
 * or empty; every folder is created with mkdirat and entered with
 * O_DIRECTORY|O_NOFOLLOW, every file with O_CREAT|O_EXCL|O_NOFOLLOW, all
 * relative to the target's descriptor — so nothing that appears in the
 * folder meanwhile (a symbolic link planted by another process) is followed
 * or overwritten. Each data entry's SHA-256 is computed again while it is
 * written and must equal the manifest's: the package file could have been
 * changed since it was verified. On any failure everything written is
 * removed, newest first, and the folder too if this created it.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <openssl/crypto.h>
#include "util/util.h"
#include "pack_int.h"

int dz_extract_precheck(const char *dir)
{
	struct stat st;
	DIR *d;
	struct dirent *de;
	int empty = 1;
	if (lstat(dir, &st) != 0)
		return errno == ENOENT ? 0
		       : dz_errf(DOSSIER_EIO, dir, 0, 0, "", "", "无法访问（%s）",
				 "cannot access (%s)", strerror(errno));
	if (!S_ISDIR(st.st_mode))
		return dz_err(DOSSIER_EUSAGE, dir, 0, 0, "解压目标存在且不是目录",
			      "the extraction target exists and is not a directory",
			      "给出一个不存在的或空的目录。", "Give a directory that does not exist or is empty.");
	if (!(d = opendir(dir)))
		return dz_errf(DOSSIER_EIO, dir, 0, 0, "", "", "无法读取目录（%s）",
			       "cannot read the directory (%s)", strerror(errno));
	while ((de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
			empty = 0;
	closedir(d);
	if (!empty)
		return dz_err(DOSSIER_EUSAGE, dir, 0, 0, "解压目标目录不是空的",
			      "the extraction directory is not empty",
			      "给出一个不存在的或空的目录，以免覆盖文件。",
			      "Give a directory that does not exist or is empty, so nothing is overwritten.");
	return 0;
}

typedef struct {
	char *path;    /* relative to the target */
	int is_dir;
} made;

typedef struct {
	int root;              /* descriptor of the target folder */
	made *m;
	size_t n, cap;
	int fd;                /* file being written */
	dz_hash h;
	const dossier_verify_options *opt;
	uint64_t done, total;
	const char *name, *dir;
	/* the folder of the last entry, kept open: entries come sorted, so the
	 * next one is mostly in the same folder and its path need not be
	 * walked again component by component */
	char *pdir;
	size_t pdir_len;
	int pfd;
} xctx;

/* Two steps, so that whatever is created is always on the rollback list:
 * reserve() takes the memory before the file or folder is made, keep()
 * records it once it exists, drop() forgets a reservation not used. */
static int reserve(xctx *x, const char *path, size_t len, int is_dir)
{
	if (dz_grow((void **)&x->m, &x->cap, x->n, sizeof *x->m))
		return DOSSIER_ENOMEM;
	if (!(x->m[x->n].path = dz_strndup(path, len)))
		return DOSSIER_ENOMEM;
	x->m[x->n].is_dir = is_dir;
	return 0;
}

static void keep(xctx *x) { x->n++; }

static void drop(xctx *x)
{
	dz_free(x->m[x->n].path);
	x->m[x->n].path = NULL;
}

static int write_error(xctx *x, const char *what)
{
	return dz_errf(DOSSIER_EIO, x->dir, 0, 0,
		       "检查磁盘空间与目录写权限；已写出的文件都已删除。",
		       "Check the free disk space and permissions; everything written was removed.",
		       "解压 %s 失败（%s：%s）", "cannot extract %s (%s: %s)",
		       x->name, what, strerror(errno));
}

/* Open the folder holding `name`, creating the missing ones. */
static int open_parent(xctx *x, const char *name, int *out)
{
	int fd = dup(x->root);
	const char *s = name, *slash;
	*out = -1;
	if (fd < 0)
		return write_error(x, "dup");
	while ((slash = strchr(s, '/')) != NULL) {
		char comp[DZ_MAX_COMPONENT + 1];
		size_t n = (size_t)(slash - s);
		int sub, rc;
		memcpy(comp, s, n);
		comp[n] = '\0';
		if ((rc = reserve(x, name, (size_t)(slash - name), 1)) != 0) {
			close(fd);
			return rc;
		}
		if (mkdirat(fd, comp, 0755) == 0) {
			keep(x);
		} else if (errno != EEXIST) {
			drop(x);
			close(fd);
			return write_error(x, "mkdir");
		} else {
			drop(x);
		}
		sub = openat(fd, comp, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		close(fd);
		if (sub < 0)
			return write_error(x, "open folder");
		fd = sub;
		s = slash + 1;
	}
	*out = fd;
	return 0;
}

static int xsink(void *payload, const unsigned char *p, size_t n)
{
	xctx *x = payload;
	while (n) {
		ssize_t w = write(x->fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return write_error(x, "write");
		if (dz_hash_update(&x->h, p, (size_t)w) != 0)
			return DOSSIER_ERROR;
		p += w;
		n -= (size_t)w;
		x->done += (uint64_t)w;
	}
	if (x->opt->progress) {
		dossier_progress pr = {x->done, x->total, x->name};
		if (x->opt->progress(&pr, x->opt->payload))
			return dz_err(DOSSIER_ERROR, x->dir, 0, 0, "已中断，已写出的文件都已删除",
				      "interrupted; everything written was removed", "", "");
	}
	return 0;
}

static void rollback(xctx *x, int created_root, const char *dir)
{
	size_t i = x->n;
	while (i-- > 0) {
		unlinkat(x->root, x->m[i].path, x->m[i].is_dir ? AT_REMOVEDIR : 0);
	}
	if (created_root)
		rmdir(dir);
}

int dz_extract(dz_zipr *z, const char *dir, const unsigned char *const *want,
	       const dossier_verify_options *opts, uint64_t total, dz_problem *prob)
{
	xctx x;
	size_t i;
	int rc = 0, created = 0;
	memset(&x, 0, sizeof x);
	x.fd = -1;
	x.pfd = -1;
	x.opt = opts;
	x.total = total;
	x.dir = dir;
	if ((rc = dz_extract_precheck(dir)) != 0)
		return rc;
	if (mkdir(dir, 0755) == 0)
		created = 1;
	else if (errno != EEXIST)
		return dz_errf(DOSSIER_EIO, dir, 0, 0, "检查上级目录的写权限。",
			       "Check that the parent folder is writable.",
			       "无法创建解压目录（%s）", "cannot create the extraction folder (%s)",
			       strerror(errno));
	x.root = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (x.root < 0) {
		rc = dz_errf(DOSSIER_EIO, dir, 0, 0, "", "", "无法打开解压目录（%s）",
			     "cannot open the extraction folder (%s)", strerror(errno));
		if (created)
			rmdir(dir);
		return rc;
	}
	/* entry 0 is mimetype, packaging metadata rather than content */
	for (i = 1; i < dz_zipr_count(z) && rc == 0; i++) {
		const dz_zent *e = dz_zipr_entry(z, i);
		const char *base = strrchr(e->name, '/');
		int parent;
		unsigned char sha[32], sm3[32];
		size_t plen = base ? (size_t)(base - e->name) : 0;
		x.name = e->name;
		if (x.pfd >= 0 && plen == x.pdir_len && !memcmp(e->name, x.pdir, plen)) {
			parent = x.pfd;
		} else {
			if (x.pfd >= 0)
				close(x.pfd);
			x.pfd = -1;
			dz_free(x.pdir);
			x.pdir = NULL;
			if ((rc = open_parent(&x, e->name, &parent)) != 0)
				break;
			if ((x.pdir = dz_strndup(e->name, plen)) != NULL) {
				x.pfd = parent;
				x.pdir_len = plen;
			}
		}
		if ((rc = reserve(&x, e->name, e->name_len, 0)) != 0) {
			if (parent != x.pfd)
				close(parent);
			break;
		}
		x.fd = openat(parent, base ? base + 1 : e->name,
			      O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
		if (parent != x.pfd)
			close(parent);
		if (x.fd < 0) {
			drop(&x);
			rc = write_error(&x, "create");
			break;
		}
		keep(&x);
		if ((rc = dz_hash_init(&x.h, 0)) == 0) {
			rc = dz_zipr_read(z, i, xsink, &x, prob);
			if (rc == 0 && dz_hash_final(&x.h, sha, sm3) != 0)
				rc = DOSSIER_ERROR;
			dz_hash_dispose(&x.h);
		}
		if (rc == 0 && want[i] && CRYPTO_memcmp(sha, want[i], 32))
			rc = dz_reject(prob, "changed-during-extract", e->name,
				       "软件包文件在核验之后被改动了；不要使用它。",
				       "The package file was changed after it was verified; do not use it.",
				       "解压时条目的摘要与清单不符", "while extracting, the entry's digest no longer "
				       "matches the manifest");
		if (close(x.fd) != 0 && rc == 0)
			rc = write_error(&x, "close");
		x.fd = -1;
	}
	if (x.pfd >= 0)
		close(x.pfd);
	dz_free(x.pdir);
	if (rc)
		rollback(&x, created, dir);
	close(x.root);
	for (i = 0; i < x.n; i++)
		dz_free(x.m[i].path);
	dz_free(x.m);
	return rc;
}
