/*
 * race_shim.c — an LD_PRELOAD shim for tests/suites/pack.sh: it changes a
 * package on disk after `dossier verify` has verified it and before the
 * entries are written out, as another process could. When the program
 * calls mkdir() on the folder named by DZ_RACE_DIR, the bytes of the file
 * DZ_RACE_PATCH are written over DZ_RACE_FILE at offset DZ_RACE_OFFSET
 * (the same inode, so an open descriptor sees them), once; then the real
 * mkdir() runs. Built by the suite with: cc -shared -fPIC -o race.so
 * race_shim.c -ldl
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int done;

static void patch(void)
{
	const char *file = getenv("DZ_RACE_FILE"), *from = getenv("DZ_RACE_PATCH");
	const char *off = getenv("DZ_RACE_OFFSET");
	char buf[4096];
	ssize_t n;
	int in, out;
	if (!file || !from || !off)
		return;
	in = open(from, O_RDONLY);
	out = open(file, O_WRONLY);
	if (in >= 0 && out >= 0 && (n = read(in, buf, sizeof buf)) > 0)
		if (pwrite(out, buf, (size_t)n, (off_t)strtoll(off, NULL, 10)) != n)
			_exit(99);
	if (in >= 0)
		close(in);
	if (out >= 0)
		close(out);
}

int mkdir(const char *path, mode_t mode)
{
	static int (*real)(const char *, mode_t);
	const char *dir = getenv("DZ_RACE_DIR");
	if (!real)
		real = (int (*)(const char *, mode_t))dlsym(RTLD_NEXT, "mkdir");
	if (!done && dir && !strcmp(path, dir)) {
		done = 1;
		patch();
	}
	return real(path, mode);
}
