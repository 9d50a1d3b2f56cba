/*
 * zipr.c — the strict ZIP reader behind `dossier verify` (and extraction).
 *
 * It accepts only what the package profile allows, so that every ZIP tool a
 * receiver might use sees the same entries with the same bytes:
 *   - the end record exactly at the end of the file (no comment, nothing
 *     appended), ZIP64 records only where their fields say so, one disk;
 *   - the central directory directly before the end records, and the local
 *     entries tiling the file from byte 0 up to the central directory in
 *     central-directory order: nothing prepended, no gap, no overlap;
 *   - every local header equal to its central record (flags, method, time,
 *     CRC, sizes, name bytes);
 *   - no encryption, no data descriptor, no comment, no extra field but
 *     ZIP64 (an Info-ZIP Unicode Path field is a second name), methods
 *     store and deflate, regular files only;
 *   - caps on the entry count, each size, the total, the compression ratio
 *     and the total relative to the file's size (many small entries, each
 *     under the ratio cap, still make a bomb), judged from the declared
 *     sizes before anything is inflated, and the declared sizes then
 *     enforced byte by byte while inflating.
 * Names are judged by the caller with dz_name_check (names.c).
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>
#include "util/util.h"
#include "pack_int.h"

#define U32MAX 0xFFFFFFFFu
#define MAX_CD_BYTES ((uint64_t)64 << 20)

struct dz_zipr {
	int fd;
	uint64_t size, cd_off;
	const char *path;
	dz_zent *e;
	size_t n;
	unsigned char *ibuf, *obuf;
	z_stream z;
	int zinit;
};

static uint16_t rd16(const unsigned char *p) { return (uint16_t)(p[0] | p[1] << 8); }
static uint32_t rd32(const unsigned char *p) { return (uint32_t)rd16(p) | (uint32_t)rd16(p + 2) << 16; }
static uint64_t rd64(const unsigned char *p) { return (uint64_t)rd32(p) | (uint64_t)rd32(p + 4) << 32; }

/* Read exactly n bytes at off; 1 if the file is shorter. */
static int pread_all(dz_zipr *z, void *buf, size_t n, uint64_t off)
{
	unsigned char *p = buf;
	while (n) {
		ssize_t r = pread(z->fd, p, n, (off_t)off);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return dz_errf(DOSSIER_EIO, z->path, 0, 0, "检查文件权限与存储设备。",
				       "Check the file's permissions and the storage device.",
				       "无法读取软件包（%s）", "cannot read the package (%s)",
				       strerror(errno));
		if (r == 0)
			return 1;
		p += r;
		n -= (size_t)r;
		off += (uint64_t)r;
	}
	return 0;
}

static int rej_short(dz_problem *prob, const char *entry)
{
	return dz_reject(prob, "zip-truncated", entry,
			 "重新获取完整的软件包。", "Obtain the complete package again.",
			 "软件包不完整：记录超出了文件末尾",
			 "the package is truncated: a record runs past the end of the file");
}

static const char *extra_name(uint16_t id)
{
	switch (id) {
	case 0x7075: return "Info-ZIP Unicode Path";
	case 0x6375: return "Info-ZIP Unicode Comment";
	case 0x5455: return "extended timestamp";
	case 0x7875: return "Info-ZIP Unix UID/GID";
	case 0x000a: return "NTFS times";
	case 0x9901: return "WinZip AES";
	case 0x0017: return "strong encryption";
	default: return "unknown";
	}
}

/* Parse an extra field: only ZIP64 (0x0001) is allowed. `want` lists which
 * 64-bit values it must hold (usize, csize, offset), each 0/1; it must hold
 * exactly those. */
static int parse_extra(const unsigned char *x, size_t len, const int want[3],
		       uint64_t vals[3], int *have64, const char *entry,
		       dz_problem *prob)
{
	size_t pos = 0;
	*have64 = 0;
	while (pos < len) {
		uint16_t id, sz;
		if (len - pos < 4)
			return dz_reject(prob, "zip-extra", entry, "", "",
					 "扩展字段格式错误", "malformed extra field");
		id = rd16(x + pos);
		sz = rd16(x + pos + 2);
		pos += 4;
		if (sz > len - pos)
			return dz_reject(prob, "zip-extra", entry, "", "",
					 "扩展字段格式错误", "malformed extra field");
		if (id != 0x0001)
			return dz_reject(prob, id == 0x9901 || id == 0x0017 ? "zip-encrypted" : "zip-extra",
					 entry,
					 "本格式的软件包只含 ZIP64 扩展字段；请用 dossier pack 重新打包。",
					 "Packages of this profile carry no extra field but ZIP64; "
					 "make the package again with dossier pack.",
					 "条目带有不允许的扩展字段 0x%04x（%s）",
					 "the entry has a disallowed extra field 0x%04x (%s)",
					 id, extra_name(id));
		if (*have64)
			return dz_reject(prob, "zip-extra", entry, "", "",
					 "ZIP64 扩展字段重复", "the ZIP64 extra field appears twice");
		*have64 = 1;
		{
			size_t k = 0, i;
			for (i = 0; i < 3; i++)
				k += want[i] ? 8 : 0;
			if (sz != k)
				return dz_reject(prob, "zip-zip64", entry, "", "",
						 "ZIP64 扩展字段长度 %u 与记录中的占位值不符（应为 %zu）",
						 "the ZIP64 extra field has %u bytes where the record's "
						 "placeholders call for %zu", sz, k);
			k = 0;
			for (i = 0; i < 3; i++)
				if (want[i]) {
					vals[i] = rd64(x + pos + k);
					k += 8;
				}
		}
		pos += sz;
	}
	return 0;
}

static int check_type(uint16_t made_by, uint32_t attr, const char *entry,
		      size_t nlen, dz_problem *prob)
{
	unsigned host = made_by >> 8;
	if (nlen && entry[nlen - 1] == '/')
		return dz_reject(prob, "zip-directory", entry,
				 "软件包不含目录条目。", "A package holds no directory entries.",
				 "条目是目录", "the entry is a directory");
	if (host == 3) {
		uint32_t type = (attr >> 16) & 0170000;
		if (type == 0120000)
			return dz_reject(prob, "zip-symlink", entry,
					 "软件包只能含普通文件。", "A package holds regular files only.",
					 "条目是符号链接", "the entry is a symbolic link");
		if (type == 0040000)
			return dz_reject(prob, "zip-directory", entry,
					 "软件包不含目录条目。", "A package holds no directory entries.",
					 "条目是目录", "the entry is a directory");
		if (type != 0100000)
			return dz_reject(prob, "zip-not-regular", entry,
					 "软件包只能含普通文件。", "A package holds regular files only.",
					 "条目不是普通文件（Unix 类型 0%o）",
					 "the entry is not a regular file (Unix type 0%o)", (unsigned)type);
		return 0;
	}
	if (host == 0) {
		if (attr & 0x10)
			return dz_reject(prob, "zip-directory", entry,
					 "软件包不含目录条目。", "A package holds no directory entries.",
					 "条目是目录", "the entry is a directory");
		return 0;
	}
	return dz_reject(prob, "zip-not-regular", entry,
			 "软件包只能含普通文件。", "A package holds regular files only.",
			 "条目的来源系统 %u 无法判断文件类型",
			 "the entry's host system %u does not say what type of file it is", host);
}

static int parse_central(dz_zipr *z, const unsigned char *cd, uint64_t cd_size,
			 uint64_t n, const dz_zlimits *lim, dz_problem *prob)
{
	uint64_t pos = 0, total = 0, expand_cap = UINT64_MAX;
	size_t i;
	if (lim->max_expansion && z->size <= UINT64_MAX / lim->max_expansion)
		expand_cap = z->size * lim->max_expansion;
	z->e = dz_calloc((size_t)n, sizeof *z->e);
	if (!z->e)
		return DOSSIER_ENOMEM;
	for (i = 0; i < n; i++) {
		const unsigned char *h = cd + pos;
		dz_zent *e = &z->e[i];
		uint16_t nlen, elen, clen, disk;
		uint32_t cs32, us32, off32;
		int want[3];
		uint64_t vals[3] = {0, 0, 0};
		int have64, rc;
		if (cd_size - pos < 46 || rd32(h) != 0x02014b50)
			return dz_reject(prob, "zip-central", "", "", "",
					 "中央目录第 %zu 条记录损坏", "central directory record %zu is damaged",
					 i + 1);
		nlen = rd16(h + 28);
		elen = rd16(h + 30);
		clen = rd16(h + 32);
		if (cd_size - pos - 46 < (uint64_t)nlen + elen + clen)
			return dz_reject(prob, "zip-central", "", "", "",
					 "中央目录第 %zu 条记录超出目录范围",
					 "central directory record %zu runs past the directory", i + 1);
		z->n = i + 1;
		e->name = dz_strndup((const char *)h + 46, nlen);
		if (!e->name)
			return DOSSIER_ENOMEM;
		e->name_len = nlen;
		if (memchr(h + 46, 0, nlen))
			return dz_reject(prob, "name-control", e->name, "", "",
					 "条目名含 NUL 字节", "the entry name contains a NUL byte");
		e->made_by = rd16(h + 4);
		e->needed = rd16(h + 6);
		e->flags = rd16(h + 8);
		e->method = rd16(h + 10);
		e->mtime = rd32(h + 12);
		e->crc = rd32(h + 16);
		cs32 = rd32(h + 20);
		us32 = rd32(h + 24);
		disk = rd16(h + 34);
		e->ext_attr = rd32(h + 38);
		off32 = rd32(h + 42);
		if ((e->flags & 0x0001) || (e->flags & 0x0040) || (e->flags & 0x2000) || e->method == 99)
			return dz_reject(prob, "zip-encrypted", e->name,
					 "软件包不得加密；完整性由签名保证。",
					 "Packages are never encrypted; the signature protects them.",
					 "条目已加密", "the entry is encrypted");
		if (e->flags & 0x0008)
			return dz_reject(prob, "zip-data-descriptor", e->name, "", "",
					 "条目使用了数据描述符（大小写在数据之后），本格式不允许",
					 "the entry uses a data descriptor (sizes after the data), "
					 "which this profile does not allow");
		if (e->flags & ~0x0806u)
			return dz_reject(prob, "zip-flags", e->name, "", "",
					 "条目带有未知的标志位 0x%04x", "the entry has unknown flag bits 0x%04x",
					 (unsigned)(e->flags & ~0x0806u));
		if (e->method != 0 && e->method != 8)
			return dz_reject(prob, "zip-method", e->name, "", "",
					 "压缩方法 %u 不允许（只允许存储 0 与 deflate 8）",
					 "compression method %u is not allowed (only store 0 and deflate 8)",
					 e->method);
		if (e->needed > 45)
			return dz_reject(prob, "zip-version", e->name, "", "",
					 "条目需要 ZIP 版本 %u.%u（本格式最高 4.5）",
					 "the entry needs ZIP version %u.%u (this profile allows up to 4.5)",
					 e->needed / 10, e->needed % 10);
		if (clen)
			return dz_reject(prob, "zip-comment", e->name, "", "",
					 "条目带有注释，本格式不允许", "the entry has a comment, which this profile does not allow");
		if (disk != 0)
			return dz_reject(prob, "zip-multidisk", e->name, "", "",
					 "分卷 ZIP 不被接受", "split (multi-disk) archives are not accepted");
		want[0] = us32 == U32MAX;
		want[1] = cs32 == U32MAX;
		want[2] = off32 == U32MAX;
		if ((rc = parse_extra(h + 46 + nlen, elen, want, vals, &have64, e->name, prob)) != 0)
			return rc;
		if ((want[0] || want[1] || want[2]) && !have64)
			return dz_reject(prob, "zip-zip64", e->name, "", "",
					 "记录用了 ZIP64 占位值，却没有 ZIP64 扩展字段",
					 "the record has ZIP64 placeholders but no ZIP64 extra field");
		e->usize = want[0] ? vals[0] : us32;
		e->csize = want[1] ? vals[1] : cs32;
		e->local = want[2] ? vals[2] : off32;
		if ((rc = check_type(e->made_by, e->ext_attr, e->name, nlen, prob)) != 0)
			return rc;
		if (e->method == 0 && e->csize != e->usize)
			return dz_reject(prob, "zip-stored-size", e->name, "", "",
					 "存储（未压缩）条目的压缩前后大小不一致",
					 "a stored (uncompressed) entry has different compressed and "
					 "uncompressed sizes");
		if (e->usize > lim->max_entry_size)
			return dz_reject(prob, "limit-entry-size", e->name,
					 "如确属正常，用 --max-entry-size 提高上限。",
					 "If this is expected, raise --max-entry-size.",
					 "条目解压后 %llu 字节，超过上限 %llu",
					 "the entry is %llu bytes uncompressed, over the limit of %llu",
					 (unsigned long long)e->usize,
					 (unsigned long long)lim->max_entry_size);
		total += e->usize;
		if (total > lim->max_total)
			return dz_reject(prob, "limit-total-size", e->name,
					 "如确属正常，用 --max-total 提高上限。",
					 "If this is expected, raise --max-total.",
					 "解压后总大小超过上限 %llu 字节",
					 "the total uncompressed size exceeds the limit of %llu bytes",
					 (unsigned long long)lim->max_total);
		if (e->usize > lim->ratio_floor &&
		    (e->csize == 0 || e->usize / e->csize >= lim->max_ratio))
			return dz_reject(prob, "limit-ratio", e->name,
					 "这是“压缩炸弹”的特征；不要用其他工具解压它。",
					 "This is the mark of a compression bomb; do not unpack it with "
					 "another tool either.",
					 "压缩比 %llu:1 超过上限 %u:1（%llu 字节压成 %llu 字节）",
					 "compression ratio %llu:1 exceeds the limit of %u:1 "
					 "(%llu bytes stored in %llu)",
					 (unsigned long long)(e->csize ? e->usize / e->csize : e->usize),
					 lim->max_ratio, (unsigned long long)e->usize,
					 (unsigned long long)e->csize);
		if (total > expand_cap)
			return dz_reject(prob, "limit-expansion", e->name,
					 "许多条目各自压缩比不高，合起来却能解出远大于软件包的数据："
					 "这是“压缩炸弹”的特征。如确属正常，用 --max-expansion 提高上限。",
					 "Many entries, each within the ratio cap, together expand far "
					 "beyond the package: the mark of a compression bomb. If this "
					 "is expected, raise --max-expansion.",
					 "到此条目为止解压后共 %llu 字节，超过软件包大小（%llu 字节）的 %u 倍",
					 "up to this entry the uncompressed total is %llu bytes: the "
					 "package's %llu bytes times more than %u",
					 (unsigned long long)total, (unsigned long long)z->size,
					 lim->max_expansion);
		pos += 46 + (uint64_t)nlen + elen + clen;
	}
	if (pos != cd_size)
		return dz_reject(prob, "zip-central", "", "", "",
				 "中央目录末尾有 %llu 字节多余数据",
				 "the central directory has %llu stray bytes at its end",
				 (unsigned long long)(cd_size - pos));
	return 0;
}

/* Walk the local headers: they must tile [0, cd_off) in central order. */
static int walk_local(dz_zipr *z, dz_problem *prob)
{
	uint64_t expect = 0;
	size_t i;
	unsigned char h[30];
	for (i = 0; i < z->n; i++) {
		dz_zent *e = &z->e[i];
		uint16_t nlen, elen;
		uint32_t cs32, us32;
		int rc;
		if (e->local != expect) {
			if (i == 0)
				return dz_reject(prob, "zip-prepended", e->name,
						 "软件包被改动过：第一个条目之前不得有数据。",
						 "The package was altered: nothing may precede the first entry.",
						 "文件开头有 %llu 字节不属于任何条目（例如自解压程序）",
						 "%llu bytes at the start of the file belong to no entry "
						 "(e.g. a self-extractor stub)",
						 (unsigned long long)e->local);
			if (e->local < expect)
				return dz_reject(prob, "zip-overlap", e->name,
						 "这是构造出来的重叠条目（ZIP 炸弹或解析器分歧攻击）。",
						 "Overlapping entries are crafted (zip bomb or parser-"
						 "differential attack).",
						 "条目与前一条目的数据重叠（起于 %llu，前一条目止于 %llu）",
						 "the entry overlaps the previous one (starts at %llu, the "
						 "previous ends at %llu)",
						 (unsigned long long)e->local, (unsigned long long)expect);
			return dz_reject(prob, "zip-gap", e->name,
					 "软件包被改动过：条目之间不得有隐藏数据。",
					 "The package was altered: nothing may hide between entries.",
					 "条目之前有 %llu 字节不属于任何条目",
					 "%llu bytes before the entry belong to no entry",
					 (unsigned long long)(e->local - expect));
		}
		if (e->local + 30 > z->cd_off)
			return rej_short(prob, e->name);
		if ((rc = pread_all(z, h, 30, e->local)) != 0)
			return rc < 0 ? rc : rej_short(prob, e->name);
		if (rd32(h) != 0x04034b50)
			return dz_reject(prob, "zip-local", e->name, "", "",
					 "偏移 %llu 处没有本地文件头", "there is no local header at offset %llu",
					 (unsigned long long)e->local);
		nlen = rd16(h + 26);
		elen = rd16(h + 28);
		if (e->local + 30 + nlen + elen > z->cd_off)
			return rej_short(prob, e->name);
		{
			unsigned char *var = dz_malloc((size_t)nlen + elen + 1);
			uint64_t vals[3] = {0, 0, 0};
			int want[3], have64 = 0;
			if (!var)
				return DOSSIER_ENOMEM;
			if ((rc = pread_all(z, var, (size_t)nlen + elen, e->local + 30)) != 0) {
				dz_free(var);
				return rc < 0 ? rc : rej_short(prob, e->name);
			}
			if (nlen != e->name_len || memcmp(var, e->name, nlen) != 0) {
				dz_free(var);
				return dz_reject(prob, "zip-local-name", e->name,
						 "不同的解压工具会看到不同的文件名：这是解析器分歧攻击。",
						 "Different unzip tools would see different names: a "
						 "parser-differential attack.",
						 "本地文件头中的文件名与中央目录不同",
						 "the name in the local header differs from the central directory");
			}
			cs32 = rd32(h + 18);
			us32 = rd32(h + 22);
			want[0] = us32 == U32MAX;
			want[1] = cs32 == U32MAX;
			want[2] = 0;
			if (want[0] != want[1]) {
				dz_free(var);
				return dz_reject(prob, "zip-zip64", e->name, "", "",
						 "本地文件头的 ZIP64 字段不完整（须同时给出两个大小）",
						 "the local header's ZIP64 field is incomplete (both sizes are "
						 "required)");
			}
			rc = parse_extra(var + nlen, elen, want, vals, &have64, e->name, prob);
			dz_free(var);
			if (rc)
				return rc;
			if (want[0] && !have64)
				return dz_reject(prob, "zip-zip64", e->name, "", "",
						 "本地文件头用了 ZIP64 占位值，却没有 ZIP64 扩展字段",
						 "the local header has ZIP64 placeholders but no ZIP64 extra field");
			e->local_extra = elen != 0;
			if (rd16(h + 4) > e->needed || rd16(h + 6) != e->flags ||
			    rd16(h + 8) != e->method || rd32(h + 14) != e->crc ||
			    (want[0] ? vals[0] : us32) != e->usize ||
			    (want[1] ? vals[1] : cs32) != e->csize ||
			    rd32(h + 10) != e->mtime)
				return dz_reject(prob, "zip-local-mismatch", e->name,
						 "不同的解压工具会读出不同的内容：这是解析器分歧攻击。",
						 "Different unzip tools would read different content: a "
						 "parser-differential attack.",
						 "本地文件头与中央目录不一致（版本、标志、方法、CRC 或大小）",
						 "the local header disagrees with the central directory "
						 "(version, flags, method, CRC or sizes)");
		}
		e->data = e->local + 30 + nlen + elen;
		if (e->csize > z->cd_off - e->data)
			return dz_reject(prob, "zip-overlap", e->name,
					 "这是构造出来的重叠条目（ZIP 炸弹或解析器分歧攻击）。",
					 "Overlapping entries are crafted (zip bomb or parser-"
					 "differential attack).",
					 "条目的数据超出了中央目录的起点",
					 "the entry's data runs into the central directory");
		expect = e->data + e->csize;
	}
	if (expect != z->cd_off)
		return dz_reject(prob, "zip-gap", "",
				 "软件包被改动过：条目之后不得有隐藏数据。",
				 "The package was altered: nothing may hide after the entries.",
				 "最后一个条目与中央目录之间有 %llu 字节不属于任何条目",
				 "%llu bytes between the last entry and the central directory belong "
				 "to no entry", (unsigned long long)(z->cd_off - expect));
	return 0;
}

int dz_zipr_open(dz_zipr **out, int fd, uint64_t size, const char *path,
		 const dz_zlimits *lim, dz_problem *prob)
{
	dz_zipr *z;
	unsigned char tail[22 + 20 + 56], *cd = NULL;
	uint64_t n, cd_size, cd_off, end_cd;
	int rc, zip64 = 0;
	*out = NULL;
	z = dz_calloc(1, sizeof *z);
	if (!z)
		return DOSSIER_ENOMEM;
	z->fd = fd;
	z->size = size;
	z->path = path;
	*out = z;
	if (size < 22)
		return dz_reject(prob, "zip-eocd", "", "确认这是 dossier pack 生成的完整文件。",
				 "Make sure this is a complete file made by dossier pack.",
				 "不是 ZIP 软件包，或文件不完整（只有 %llu 字节）",
				 "not a ZIP package, or truncated (only %llu bytes)",
				 (unsigned long long)size);
	if ((rc = pread_all(z, tail + 56 + 20, 22, size - 22)) != 0)
		return rc < 0 ? rc : rej_short(prob, "");
	if (rd32(tail + 76) != 0x06054b50 || rd16(tail + 76 + 20) != 0) {
		/* say precisely what is wrong: a comment, trailing bytes, or no
		 * end record at all */
		size_t look = size < 65557 ? (size_t)size : 65557, i;
		unsigned char *buf = dz_malloc(look);
		int found = -1;
		uint64_t at = 0;
		if (!buf)
			return DOSSIER_ENOMEM;
		if ((rc = pread_all(z, buf, look, size - look)) != 0) {
			dz_free(buf);
			return rc < 0 ? rc : rej_short(prob, "");
		}
		for (i = look - 22 + 1; i-- > 0;)
			if (rd32(buf + i) == 0x06054b50) {
				found = (int)rd16(buf + i + 20);
				at = size - look + i;
				break;
			}
		dz_free(buf);
		if (found < 0)
			return dz_reject(prob, "zip-eocd", "",
					 "确认这是 dossier pack 生成的完整文件；传输中可能被截断。",
					 "Make sure this is a complete file made by dossier pack; it may "
					 "have been cut short in transfer.",
					 "找不到 ZIP 目录结束记录：不是 ZIP 软件包，或文件被截断",
					 "no end-of-central-directory record: not a ZIP package, or "
					 "truncated");
		if (at + 22 + (uint64_t)found == size)
			return dz_reject(prob, "zip-comment", "", "", "",
					 "软件包带有 ZIP 注释，本格式不允许",
					 "the package has a ZIP comment, which this profile does not allow");
		return dz_reject(prob, "zip-trailing", "",
				 "软件包被改动过：文件末尾不得附加数据。",
				 "The package was altered: nothing may be appended to it.",
				 "ZIP 结束记录之后还有 %llu 字节",
				 "%llu bytes follow the end of the ZIP",
				 (unsigned long long)(size - at - 22));
	}
	{
		const unsigned char *e = tail + 76;
		if (rd16(e + 4) != 0 || rd16(e + 6) != 0 || rd16(e + 8) != rd16(e + 10))
			return dz_reject(prob, "zip-multidisk", "", "", "",
					 "分卷 ZIP 不被接受", "split (multi-disk) archives are not accepted");
		n = rd16(e + 10);
		cd_size = rd32(e + 12);
		cd_off = rd32(e + 16);
		end_cd = size - 22;
	}
	if (size >= 22 + 20) {
		if ((rc = pread_all(z, tail + 56, 20, size - 42)) != 0)
			return rc < 0 ? rc : rej_short(prob, "");
		zip64 = rd32(tail + 56) == 0x07064b50;
	}
	if (zip64) {
		const unsigned char *l = tail + 56;
		unsigned char *r = tail;
		uint64_t rec = rd64(l + 8);
		if (rd32(l + 4) != 0 || rd32(l + 16) != 1)
			return dz_reject(prob, "zip-multidisk", "", "", "",
					 "分卷 ZIP 不被接受", "split (multi-disk) archives are not accepted");
		if (size < 22 + 20 + 56 || rec != size - 22 - 20 - 56)
			return dz_reject(prob, "zip-zip64", "", "", "",
					 "ZIP64 目录结束记录不在它应在的位置",
					 "the ZIP64 end-of-central-directory record is not where it must be");
		if ((rc = pread_all(z, r, 56, rec)) != 0)
			return rc < 0 ? rc : rej_short(prob, "");
		if (rd32(r) != 0x06064b50 || rd64(r + 4) != 44)
			return dz_reject(prob, "zip-zip64", "", "", "",
					 "ZIP64 目录结束记录损坏",
					 "the ZIP64 end-of-central-directory record is damaged");
		if (rd32(r + 16) != 0 || rd32(r + 20) != 0 || rd64(r + 24) != rd64(r + 32))
			return dz_reject(prob, "zip-multidisk", "", "", "",
					 "分卷 ZIP 不被接受", "split (multi-disk) archives are not accepted");
		if ((n != 0xFFFF && n != rd64(r + 32)) ||
		    (cd_size != U32MAX && cd_size != rd64(r + 40)) ||
		    (cd_off != U32MAX && cd_off != rd64(r + 48)))
			return dz_reject(prob, "zip-zip64", "", "", "",
					 "ZIP 与 ZIP64 目录结束记录不一致",
					 "the ZIP and ZIP64 end-of-central-directory records disagree");
		n = rd64(r + 32);
		cd_size = rd64(r + 40);
		cd_off = rd64(r + 48);
		end_cd = rec;
	} else if (n == 0xFFFF || cd_size == U32MAX || cd_off == U32MAX) {
		return dz_reject(prob, "zip-zip64", "", "", "",
				 "目录结束记录用了 ZIP64 占位值，却没有 ZIP64 记录",
				 "the end record has ZIP64 placeholders but there is no ZIP64 record");
	}
	if (n == 0)
		return dz_reject(prob, "zip-empty", "", "", "", "软件包是空的",
				 "the package is empty");
	if (n > lim->max_entries)
		return dz_reject(prob, "limit-entries", "",
				 "如确属正常，用 --max-entries 提高上限。",
				 "If this is expected, raise --max-entries.",
				 "软件包有 %llu 个条目，超过上限 %llu",
				 "the package has %llu entries, over the limit of %llu",
				 (unsigned long long)n, (unsigned long long)lim->max_entries);
	if (cd_off > end_cd || cd_size != end_cd - cd_off) {
		if (cd_off <= end_cd && cd_size < end_cd - cd_off) {
			/* the whole archive shifted: bytes were put in front of it */
			uint64_t shift = end_cd - cd_off - cd_size;
			unsigned char sig[4];
			if (pread_all(z, sig, 4, cd_off + shift) == 0 && rd32(sig) == 0x02014b50)
				return dz_reject(prob, "zip-prepended", "",
						 "软件包被改动过：第一个条目之前不得有数据。",
						 "The package was altered: nothing may precede the first entry.",
						 "文件开头被加了 %llu 字节（例如自解压程序）",
						 "%llu bytes were put in front of the package (e.g. a "
						 "self-extractor stub)", (unsigned long long)shift);
			return dz_reject(prob, "zip-gap", "",
					 "软件包被改动过：中央目录与结束记录之间不得有数据。",
					 "The package was altered: nothing may sit between the central "
					 "directory and the end record.",
					 "中央目录之后有 %llu 字节不属于任何记录",
					 "%llu bytes after the central directory belong to no record",
					 (unsigned long long)(end_cd - cd_off - cd_size));
		}
		return dz_reject(prob, "zip-eocd", "",
				 "文件开头可能被加了数据（例如自解压程序），或文件损坏。",
				 "Data may have been prepended (e.g. a self-extractor), or the file "
				 "is damaged.",
				 "目录结束记录所指的中央目录位置与文件不符",
				 "the end record points to a central directory that is not there");
	}
	if (cd_size > MAX_CD_BYTES || cd_size < 46 * n)
		return dz_reject(prob, cd_size > MAX_CD_BYTES ? "limit-entries" : "zip-central", "",
				 "", "", "中央目录大小 %llu 字节不合理",
				 "the central directory's size of %llu bytes is implausible",
				 (unsigned long long)cd_size);
	z->cd_off = cd_off;
	cd = dz_malloc((size_t)cd_size);
	if (!cd)
		return DOSSIER_ENOMEM;
	if ((rc = pread_all(z, cd, (size_t)cd_size, cd_off)) != 0) {
		dz_free(cd);
		return rc < 0 ? rc : rej_short(prob, "");
	}
	rc = parse_central(z, cd, cd_size, n, lim, prob);
	dz_free(cd);
	if (rc)
		return rc;
	return walk_local(z, prob);
}

size_t dz_zipr_count(const dz_zipr *z)
{
	return z->n;
}

const dz_zent *dz_zipr_entry(const dz_zipr *z, size_t i)
{
	return &z->e[i];
}

static int rej_inflate(dz_problem *prob, const dz_zent *e, const char *id,
		       const char *zh, const char *en)
{
	return dz_reject(prob, id, e->name,
			 "软件包已损坏或被改动；重新获取。",
			 "The package is damaged or was altered; obtain it again.",
			 "%s%.0s", "%.0s%s", zh, en);
}

int dz_zipr_read(dz_zipr *z, size_t i, dz_sink sink, void *payload, dz_problem *prob)
{
	const dz_zent *e = &z->e[i];
	uint64_t left = e->csize, off = e->data, out = 0;
	uint32_t crc = 0;
	int rc, done = 0;
	if (!z->ibuf && !(z->ibuf = dz_malloc(DZ_CHUNK)))
		return DOSSIER_ENOMEM;
	if (e->method == 8) {
		if (!z->obuf && !(z->obuf = dz_malloc(DZ_CHUNK)))
			return DOSSIER_ENOMEM;
		if (!z->zinit) {
			z->z.zalloc = dz_pack_zalloc;
			z->z.zfree = dz_pack_zfree;
			if (inflateInit2(&z->z, -15) != Z_OK)
				return DOSSIER_ENOMEM;
			z->zinit = 1;
		} else if (inflateReset(&z->z) != Z_OK) {
			return DOSSIER_ERROR;
		}
	}
	while (left || (e->method == 8 && !done)) {
		size_t k = left < DZ_CHUNK ? (size_t)left : DZ_CHUNK;
		if (k && (rc = pread_all(z, z->ibuf, k, off)) != 0)
			return rc < 0 ? rc : rej_short(prob, e->name);
		off += k;
		left -= k;
		if (e->method == 0) {
			crc = (uint32_t)crc32(crc, z->ibuf, (uInt)k);
			out += k;
			if ((rc = sink(payload, z->ibuf, k)) != 0)
				return rc;
			continue;
		}
		z->z.next_in = z->ibuf;
		z->z.avail_in = (uInt)k;
		do {
			int zr;
			size_t got;
			z->z.next_out = z->obuf;
			z->z.avail_out = DZ_CHUNK;
			zr = inflate(&z->z, Z_NO_FLUSH);
			got = DZ_CHUNK - z->z.avail_out;
			if (zr == Z_DATA_ERROR || zr == Z_NEED_DICT || zr == Z_STREAM_ERROR)
				return rej_inflate(prob, e, "inflate-error",
						   "压缩数据损坏，无法解压", "the compressed data is corrupt");
			if (zr == Z_MEM_ERROR)
				return DOSSIER_ENOMEM;
			if (got > e->usize - out)
				return dz_reject(prob, "inflate-overflow", e->name,
						 "这是压缩炸弹或被改动的软件包；不要用其他工具解压它。",
						 "This is a compression bomb or an altered package; do not "
						 "unpack it with another tool either.",
						 "解压出的数据超过了声明的 %llu 字节",
						 "the entry inflates to more than its declared %llu bytes",
						 (unsigned long long)e->usize);
			out += got;
			if (got) {
				crc = (uint32_t)crc32(crc, z->obuf, (uInt)got);
				if ((rc = sink(payload, z->obuf, got)) != 0)
					return rc;
			}
			if (zr == Z_STREAM_END) {
				done = 1;
				if (z->z.avail_in || left)
					return rej_inflate(prob, e, "inflate-trailing",
							   "压缩数据结束后还有多余字节",
							   "bytes follow the end of the compressed data");
				break;
			}
			if (zr == Z_BUF_ERROR && z->z.avail_in == 0 && !left)
				return rej_inflate(prob, e, "inflate-truncated",
						   "压缩数据不完整", "the compressed data ends early");
		} while (z->z.avail_in || z->z.avail_out == 0);
	}
	if (out != e->usize)
		return dz_reject(prob, "inflate-short", e->name,
				 "软件包已损坏或被改动；重新获取。",
				 "The package is damaged or was altered; obtain it again.",
				 "条目只有 %llu 字节，少于声明的 %llu 字节",
				 "the entry holds %llu bytes, fewer than its declared %llu",
				 (unsigned long long)out, (unsigned long long)e->usize);
	if (crc != e->crc)
		return dz_reject(prob, "crc-mismatch", e->name,
				 "软件包已损坏或被改动；重新获取。",
				 "The package is damaged or was altered; obtain it again.",
				 "CRC 校验不符（记录 %08x，实际 %08x）",
				 "CRC mismatch (recorded %08x, actual %08x)", e->crc, crc);
	return 0;
}

void dz_zipr_free(dz_zipr *z)
{
	size_t i;
	if (!z)
		return;
	if (z->zinit)
		inflateEnd(&z->z);
	for (i = 0; i < z->n; i++)
		dz_free(z->e[i].name);
	dz_free(z->e);
	dz_free(z->ibuf);
	dz_free(z->obuf);
	dz_free(z);
}
