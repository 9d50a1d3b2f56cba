/*
 * file.c — writing a file whole or not at all: a temporary name beside the
 * target (same directory, so the rename is atomic), flushed, then renamed
 * over it; on failure the temporary is removed and the target untouched.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "util.h"

char *dz_tmp_beside(const char *path, int *fd)
{
	static unsigned serial;
	char *tmp = NULL;
	int tries;
	*fd = -1;
	for (tries = 0; tries < 100; tries++) {
		dz_free(tmp);
		tmp = dz_fmt("%s.tmp-%ld-%u", path, (long)getpid(), serial++);
		if (!tmp) {
			dz_err(DOSSIER_ENOMEM, path, 0, 0, "内存不足", "out of memory", "", "");
			return NULL;
		}
		*fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		if (*fd >= 0)
			return tmp;
		if (errno != EEXIST)
			break;
	}
	dz_errf(DOSSIER_EIO, path, 0, 0, "检查输出目录是否存在、可写。",
		"Check that the output directory exists and is writable.",
		"无法创建文件：%s", "cannot create the file: %s", strerror(errno));
	dz_free(tmp);
	return NULL;
}

int dz_rename_into(const char *tmp, const char *path)
{
	if (rename(tmp, path) != 0) {
		int e = errno;
		unlink(tmp);
		return dz_errf(DOSSIER_EIO, path, 0, 0, "检查磁盘空间和权限。",
			       "Check the disk space and permissions.",
			       "写入失败：%s", "write failed: %s", strerror(e));
	}
	return 0;
}

int dz_write_atomic(const char *path, const char *data, size_t len)
{
	int fd;
	char *tmp = dz_tmp_beside(path, &fd);
	size_t off = 0;
	int rc = 0;
	if (!tmp)
		return dossier_error_last() ? dossier_error_last()->code : DOSSIER_EIO;
	while (off < len) {
		ssize_t w = write(fd, data + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		off += (size_t)w;
	}
	if (off < len || fsync(fd) != 0) {
		int e = errno;
		close(fd);
		unlink(tmp);
		rc = dz_errf(DOSSIER_EIO, path, 0, 0, "检查磁盘空间和权限。",
			     "Check the disk space and permissions.",
			     "写入失败：%s", "write failed: %s", strerror(e ? e : ENOSPC));
	} else if (close(fd) != 0) {
		int e = errno;
		unlink(tmp);
		rc = dz_errf(DOSSIER_EIO, path, 0, 0, "检查磁盘空间和权限。",
			     "Check the disk space and permissions.",
			     "写入失败：%s", "write failed: %s", strerror(e));
	} else {
		rc = dz_rename_into(tmp, path);
	}
	dz_free(tmp);
	return rc;
}
