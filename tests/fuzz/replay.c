/*
 * replay.c — standalone driver for the fuzz targets (libgit2's
 * fuzzers/standalone_driver.c): feeds every regular file of the given
 * directories (or the given files) to LLVMFuzzerTestOneInput, in name
 * order, so gcc builds replay the corpora as ordinary tests, with and
 * without ASan+UBSan.
 *
 *   replay_<target> DIR|FILE...
 *
 * Prints "replayed N inputs"; exits 0 if every input ran (a crash aborts),
 * 2 if a path cannot be read. Run from the repository root.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf;
	long n;
	if (!f || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0) {
		if (f)
			fclose(f);
		fprintf(stderr, "replay: cannot read %s\n", path);
		return -1;
	}
	/* a copy of exactly `n` bytes, so ASan sees any read past the input */
	buf = malloc(n ? (size_t)n : 1);
	if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
		fclose(f);
		free(buf);
		fprintf(stderr, "replay: cannot read %s\n", path);
		return -1;
	}
	fclose(f);
	LLVMFuzzerTestOneInput(buf, (size_t)n);
	free(buf);
	return 0;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
	int i, bad = 0;
	unsigned long count = 0;
	for (i = 1; i < argc; i++) {
		struct stat st;
		DIR *d;
		struct dirent *de;
		char **names = NULL;
		size_t n = 0, k;
		if (stat(argv[i], &st) != 0) {
			fprintf(stderr, "replay: no such file or directory: %s\n", argv[i]);
			bad = 1;
			continue;
		}
		if (!S_ISDIR(st.st_mode)) {
			if (run_file(argv[i]) == 0)
				count++;
			else
				bad = 1;
			continue;
		}
		if (!(d = opendir(argv[i]))) {
			fprintf(stderr, "replay: cannot read directory %s\n", argv[i]);
			bad = 1;
			continue;
		}
		while ((de = readdir(d)) != NULL) {
			char **grown;
			if (de->d_name[0] == '.' || !strcmp(de->d_name, "README") ||
			    !strcmp(de->d_name, "README.md"))
				continue;
			grown = realloc(names, (n + 1) * sizeof *names);
			if (!grown || !(grown[n] = malloc(strlen(argv[i]) + strlen(de->d_name) + 2))) {
				fprintf(stderr, "replay: out of memory\n");
				abort();
			}
			names = grown;
			sprintf(names[n++], "%s/%s", argv[i], de->d_name);
		}
		closedir(d);
		if (n)
			qsort(names, n, sizeof *names, cmp_name);
		for (k = 0; k < n; k++) {
			if (stat(names[k], &st) == 0 && S_ISREG(st.st_mode)) {
				if (run_file(names[k]) == 0)
					count++;
				else
					bad = 1;
			}
			free(names[k]);
		}
		free(names);
	}
	printf("replayed %lu inputs\n", count);
	return bad ? 2 : 0;
}
