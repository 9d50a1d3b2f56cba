/*
 * fuzz.h — helpers shared by the fuzz targets in tests/fuzz/: one private
 * scratch directory per process (made on first use, removed at exit) and
 * whole-file writes. The targets are run from the repository root, both by
 * libFuzzer (make fuzz) and by the replay driver (tests/suites/fuzz.sh).
 */
#ifndef DOSSIER_FUZZ_H
#define DOSSIER_FUZZ_H
#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "dossier.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char fz_dir[256];

/* Remove `path` and everything under it (no symlinks are followed: the
 * scratch tree only ever holds what the target wrote). */
static inline void fz_rmtree(const char *path)
{
	struct stat st;
	DIR *d;
	struct dirent *de;
	if (lstat(path, &st) != 0)
		return;
	if (!S_ISDIR(st.st_mode)) {
		unlink(path);
		return;
	}
	if ((d = opendir(path)) != NULL) {
		while ((de = readdir(d)) != NULL) {
			char sub[4096];
			if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
				continue;
			if (snprintf(sub, sizeof sub, "%s/%s", path, de->d_name) < (int)sizeof sub)
				fz_rmtree(sub);
		}
		closedir(d);
	}
	rmdir(path);
}

static inline void fz_cleanup(void)
{
	if (fz_dir[0])
		fz_rmtree(fz_dir);
}

/* The process's scratch directory; aborts if it cannot be made (the target
 * would otherwise test nothing). */
static inline const char *fz_tmpdir(void)
{
	if (!fz_dir[0]) {
		const char *t = getenv("TMPDIR");
		snprintf(fz_dir, sizeof fz_dir, "%s/dossier-fuzz.XXXXXX",
			 t && *t && strlen(t) < 200 ? t : "/tmp");
		if (!mkdtemp(fz_dir)) {
			perror("mkdtemp");
			abort();
		}
		atexit(fz_cleanup);
	}
	return fz_dir;
}

/* Write `n` bytes to `path` (replacing it); aborts on failure. */
static inline void fz_write(const char *path, const void *data, size_t n)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	const char *p = data;
	if (fd < 0) {
		perror(path);
		abort();
	}
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w <= 0) {
			perror(path);
			abort();
		}
		p += w;
		n -= (size_t)w;
	}
	close(fd);
}

/* Read every string of every finding in `r`, so that a dangling one shows
 * under ASan; returns their total length (keep it live in the caller). */
static inline size_t fz_read_report(const dossier_report *r)
{
	size_t i, n = dossier_report_count(r), sum = 0;
	for (i = 0; i < n; i++) {
		const dossier_finding *f = dossier_report_get(r, i);
		sum += strlen(f->rule) + strlen(f->article) + strlen(f->file) +
		       strlen(f->xpath) + strlen(f->msg_zh) + strlen(f->msg_en) +
		       strlen(f->hint_zh) + strlen(f->hint_en);
	}
	return sum;
}

#endif
