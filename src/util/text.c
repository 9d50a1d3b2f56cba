/*
 * text.c — file reading with a size cap, encoding detection and conversion
 * to UTF-8 with iconv. See text.h for the detection order.
 */
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include "util.h"
#include "text.h"

int dz_read_file(char **out, size_t *outlen, const char *path, size_t max)
{
	struct stat st;
	char *buf = NULL;
	size_t got = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	*out = NULL;
	*outlen = 0;
	if (fd < 0) {
		if (errno == ENOENT)
			return dz_errf(DOSSIER_ENOTFOUND, path, 0, 0,
				       "检查文件名和目录是否正确。",
				       "Check the file name and directory.",
				       "文件不存在：%s", "file not found: %s", path);
		return dz_errf(DOSSIER_EIO, path, 0, 0, "检查文件权限。",
			       "Check the file's permissions.",
			       "无法打开文件（%s）", "cannot open file (%s)",
			       strerror(errno));
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return dz_err(DOSSIER_EIO, path, 0, 0, "不是普通文件",
			      "not a regular file",
			      "请提供普通文件，而不是目录或设备。",
			      "Give a regular file, not a directory or device.");
	}
	if ((unsigned long long)st.st_size > max) {
		close(fd);
		return dz_errf(DOSSIER_ELIMIT, path, 0, 0,
			       "缩小文件，或用 --max-input 提高上限。",
			       "Shrink the file or raise the limit with --max-input.",
			       "文件过大（%lld 字节，上限 %zu 字节）",
			       "file too large (%lld bytes, limit %zu bytes)",
			       (long long)st.st_size, max);
	}
	buf = dz_malloc((size_t)st.st_size + 1);
	if (!buf) {
		close(fd);
		return dz_err(DOSSIER_ENOMEM, path, 0, 0, "内存不足",
			      "out of memory", "", "");
	}
	/* read until EOF but never past the cap: the file may grow meanwhile */
	for (;;) {
		ssize_t r = read(fd, buf + got, (size_t)st.st_size - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int e = errno;
			close(fd);
			dz_free(buf);
			return dz_errf(DOSSIER_EIO, path, 0, 0, "", "",
				       "读取失败（%s）", "read failed (%s)",
				       strerror(e));
		}
		if (r == 0)
			break;
		got += (size_t)r;
		if (got == (size_t)st.st_size)
			break;
	}
	close(fd);
	buf[got] = '\0';
	*out = buf;
	*outlen = got;
	return 0;
}

const char *dz_encoding_name(const char *n)
{
	if (!n || !*n)
		return NULL;
	if (!strcasecmp(n, "utf-8") || !strcasecmp(n, "utf8"))
		return "UTF-8";
	if (!strcasecmp(n, "gb18030") || !strcasecmp(n, "gbk") ||
	    !strcasecmp(n, "gb2312") || !strcasecmp(n, "cp936") ||
	    !strcasecmp(n, "euc-cn"))
		return "GB18030";
	if (!strcasecmp(n, "utf-16le"))
		return "UTF-16LE";
	if (!strcasecmp(n, "utf-16be"))
		return "UTF-16BE";
	if (!strcasecmp(n, "utf-16"))
		return "UTF-16";
	return NULL;
}

/* Line and column (1-based, in characters) of byte offset `off` of UTF-8
 * text `s`. */
static void line_col(const char *s, size_t off, int *line, int *col)
{
	size_t i;
	int l = 1, c = 1;
	for (i = 0; i < off; i++) {
		if (s[i] == '\n') {
			l++;
			c = 1;
		} else if (((unsigned char)s[i] & 0xC0) != 0x80) {
			c++;
		}
	}
	*line = l;
	*col = c;
}

static int bad_byte(const char *path, const char *enc, const char *text,
		    size_t off, unsigned char byte)
{
	int line, col;
	line_col(text, off, &line, &col);
	return dz_errf(DOSSIER_EENCODING, path, line, col,
		       "以 UTF-8 或 GB18030 保存文件，或用 --encoding 指明编码。",
		       "Save the file as UTF-8 or GB18030, or name its encoding "
		       "with --encoding.",
		       "第%d行第%d列有 %s 中无效的字节 0x%02X",
		       "invalid %3$s byte 0x%4$02X at line %1$d, column %2$d",
		       line, col, enc, byte);
}

/* Offset of the first invalid UTF-8 sequence or NUL, or len if valid. */
static size_t utf8_invalid_at(const char *s, size_t len)
{
	size_t i = 0;
	const unsigned char *u = (const unsigned char *)s;
	while (i < len) {
		uint32_t c;
		int l;
		if (u[i] == 0)
			return i;
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		l = dz_utf8_decode(u + i, len - i, &c);
		if (l == 0)
			return i;
		i += (size_t)l;
	}
	return len;
}

/* Encoding named in an XML declaration, copied to `name` (size n). */
static int xml_declared(const char *s, size_t len, char *name, size_t n)
{
	const char *end, *p, *q;
	size_t k;
	if (len < 6 || memcmp(s, "<?xml", 5) != 0)
		return 0;
	end = memchr(s, '>', len < 256 ? len : 256);
	if (!end)
		return 0;
	for (p = s; p + 8 < end; p++) {
		if (memcmp(p, "encoding", 8) == 0)
			break;
	}
	if (p + 8 >= end)
		return 0;
	p += 8;
	while (p < end && (*p == ' ' || *p == '='))
		p++;
	if (p >= end || (*p != '"' && *p != '\''))
		return 0;
	q = memchr(p + 1, *p, (size_t)(end - p - 1));
	if (!q)
		return 0;
	k = (size_t)(q - p - 1);
	if (k == 0 || k >= n)
		return 0;
	memcpy(name, p + 1, k);
	name[k] = '\0';
	return 1;
}

/* Convert with iconv; on failure report the byte with line/column counted
 * in the text converted so far. */
static int convert(char **out, size_t *outlen, const char *data, size_t len,
		   const char *enc, const char *path)
{
	iconv_t cd = iconv_open("UTF-8", enc);
	dz_buf b = DZ_BUF_INIT;
	char *in = (char *)data;
	size_t inleft = len;
	if (cd == (iconv_t)-1)
		return dz_errf(DOSSIER_EENCODING, path, 0, 0, "", "",
			       "不支持的编码 %s", "unsupported encoding %s", enc);
	while (inleft > 0) {
		char *op;
		size_t oleft, r;
		if (dz_buf_grow(&b, inleft * 2 + 16)) {
			iconv_close(cd);
			dz_buf_dispose(&b);
			return dz_err(DOSSIER_ENOMEM, path, 0, 0, "内存不足",
				      "out of memory", "", "");
		}
		op = b.ptr + b.len;
		oleft = b.cap - b.len - 1;
		r = iconv(cd, &in, &inleft, &op, &oleft);
		b.len = (size_t)(op - b.ptr);
		b.ptr[b.len] = '\0';
		if (r == (size_t)-1 && errno != E2BIG) {
			unsigned char byte = (unsigned char)*in;
			int rc;
			iconv_close(cd);
			rc = bad_byte(path, enc, dz_buf_cstr(&b), b.len, byte);
			dz_buf_dispose(&b);
			return rc;
		}
	}
	iconv_close(cd);
	dz_buf_cstr(&b);
	if (b.oom || utf8_invalid_at(b.ptr, b.len) != b.len) {
		/* a NUL code point survived conversion */
		int rc = b.oom ? DOSSIER_ENOMEM
			       : bad_byte(path, enc, b.ptr,
					  utf8_invalid_at(b.ptr, b.len), 0);
		dz_buf_dispose(&b);
		return rc;
	}
	*outlen = b.len;
	*out = dz_buf_detach(&b);
	return *out ? 0 : DOSSIER_ENOMEM;
}

int dz_decode(char **out, size_t *outlen, const char **used, const char *data,
	      size_t len, const char *declared, const char *path, int is_xml)
{
	const unsigned char *u = (const unsigned char *)data;
	const char *enc = dz_encoding_name(declared);
	char xmlenc[64];
	size_t bad;
	*out = NULL;
	*outlen = 0;
	if (declared && *declared && !enc)
		return dz_errf(DOSSIER_EUSAGE, path, 0, 0,
			       "可用编码：UTF-8、GB18030（GBK）、UTF-16。",
			       "Supported: UTF-8, GB18030 (GBK), UTF-16.",
			       "不支持的编码名 %s", "unsupported encoding name %s",
			       declared);
	/* a BOM wins over everything */
	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		data += 3;
		len -= 3;
		enc = "UTF-8";
	} else if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
		data += 2;
		len -= 2;
		enc = "UTF-16LE";
	} else if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
		data += 2;
		len -= 2;
		enc = "UTF-16BE";
	} else if (!enc && is_xml && xml_declared(data, len, xmlenc, sizeof xmlenc)) {
		enc = dz_encoding_name(xmlenc);
		if (!enc)
			return dz_errf(DOSSIER_EENCODING, path, 1, 1,
				       "以 UTF-8 保存文件。", "Save the file as UTF-8.",
				       "XML 声明了不支持的编码 %s",
				       "the XML declaration names unsupported encoding %s",
				       xmlenc);
	}
	if (enc && strcmp(enc, "UTF-8") != 0) {
		*used = enc;
		return convert(out, outlen, data, len, enc, path);
	}
	bad = utf8_invalid_at(data, len);
	if (bad == len) {
		*used = "UTF-8";
		*out = dz_strndup(data, len);
		*outlen = len;
		return *out ? 0 : dz_err(DOSSIER_ENOMEM, path, 0, 0, "内存不足",
					 "out of memory", "", "");
	}
	if (!enc && !is_xml && memchr(data, 0, len) == NULL) {
		/* not UTF-8: a Windows tool's GB18030 text? */
		if (convert(out, outlen, data, len, "GB18030", path) == 0) {
			*used = "GB18030";
			dossier_error_clear();
			return 0;
		}
		dossier_error_clear();
	}
	{
		/* report position of the first bad byte in UTF-8 terms */
		char *prefix = dz_strndup(data, bad);
		int rc;
		if (!prefix)
			return DOSSIER_ENOMEM;
		rc = bad_byte(path, "UTF-8", prefix, bad, ((const unsigned char *)data)[bad]);
		dz_free(prefix);
		return rc;
	}
}
