/*
 * names.c — the entry-name policy of a package, shared by the writer (which
 * refuses a file it could not name safely) and the verifier (which rejects a
 * package carrying such a name): NFC normalisation and case folding through
 * utf8proc, percent-encoding for manifest URIs, and a string set for the
 * duplicate and file-versus-folder checks.
 *
 * The policy is deliberately the intersection of what Linux, macOS and
 * Windows can all extract without surprises, because a package is made on
 * one machine and opened on another.
 */
#include <string.h>
#include <utf8proc.h>
#include "util/util.h"
#include "pack_int.h"

static const dz_name_rule R_EMPTY = {"name-empty", "条目名为空", "the entry name is empty"};
static const dz_name_rule R_LONG = {"name-too-long", "条目名过长（上限 1024 字节、每级 255 字节）",
	"the entry name is too long (limit 1024 bytes, 255 per component)"};
static const dz_name_rule R_UTF8 = {"name-utf8", "条目名不是有效的 UTF-8",
	"the entry name is not valid UTF-8"};
static const dz_name_rule R_NFC = {"name-not-nfc", "条目名不是 Unicode NFC 规范形式",
	"the entry name is not in Unicode normalisation form C (NFC)"};
static const dz_name_rule R_ABS = {"name-absolute", "条目名是绝对路径（以 / 开头）",
	"the entry name is an absolute path (starts with /)"};
static const dz_name_rule R_BSL = {"name-backslash", "条目名含反斜杠 \\",
	"the entry name contains a backslash"};
static const dz_name_rule R_DRIVE = {"name-drive", "条目名含冒号（盘符或备用数据流）",
	"the entry name contains a colon (drive letter or alternate data stream)"};
static const dz_name_rule R_DOTDOT = {"name-dotdot", "条目名含 .. 路径段（路径穿越）",
	"the entry name has a .. component (path traversal)"};
static const dz_name_rule R_DOT = {"name-dot", "条目名含空路径段或 . 路径段，或以 / 结尾",
	"the entry name has an empty or . component, or ends with /"};
static const dz_name_rule R_CTRL = {"name-control", "条目名含控制字符、格式字符或私用区字符",
	"the entry name contains a control, format, private-use or unassigned character"};
static const dz_name_rule R_WIN = {"name-windows", "条目名含 Windows 不允许的字符 < > \" | ? *",
	"the entry name contains a character Windows forbids (< > \" | ? *)"};
static const dz_name_rule R_TRAIL = {"name-trailing", "条目名的某一级以点或空格结尾",
	"a component of the entry name ends with a dot or a space"};
static const dz_name_rule R_DEV = {"name-device", "条目名含 Windows 设备名（CON、NUL、COM1 等）",
	"the entry name contains a Windows device name (CON, NUL, COM1 ...)"};

static int ieq(const char *a, size_t n, const char *b)
{
	size_t i;
	if (strlen(b) != n)
		return 0;
	for (i = 0; i < n; i++) {
		char c = a[i];
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 32);
		if (c != b[i])
			return 0;
	}
	return 1;
}

static int is_device(const char *c, size_t n)
{
	static const char *dev[] = {"CON", "PRN", "AUX", "NUL"};
	size_t base = 0, i;
	while (base < n && c[base] != '.')
		base++;
	for (i = 0; i < 4; i++)
		if (ieq(c, base, dev[i]))
			return 1;
	if (base == 4 && c[3] >= '1' && c[3] <= '9' &&
	    (ieq(c, 3, "COM") || ieq(c, 3, "LPT")))
		return 1;
	return 0;
}

static const dz_name_rule *check_component(const char *c, size_t n)
{
	if (n == 0 || (n == 1 && c[0] == '.'))
		return &R_DOT;
	if (n == 2 && c[0] == '.' && c[1] == '.')
		return &R_DOTDOT;
	if (n > DZ_MAX_COMPONENT)
		return &R_LONG;
	if (c[n - 1] == '.' || c[n - 1] == ' ')
		return &R_TRAIL;
	if (is_device(c, n))
		return &R_DEV;
	return NULL;
}

const dz_name_rule *dz_name_check(const char *name, size_t n)
{
	const unsigned char *u = (const unsigned char *)name;
	size_t i = 0, start = 0;
	int ascii = 1;
	if (n == 0)
		return &R_EMPTY;
	if (n > DZ_MAX_NAME)
		return &R_LONG;
	if (name[0] == '/')
		return &R_ABS;
	/* traversal first: "../x" is reported as traversal, not as a dot rule */
	while (i <= n) {
		if (i == n || name[i] == '/') {
			if (i - start == 2 && name[start] == '.' && name[start + 1] == '.')
				return &R_DOTDOT;
			start = i + 1;
		}
		i++;
	}
	for (i = 0; i < n;) {
		uint32_t cp;
		int l = dz_utf8_decode(u + i, n - i, &cp);
		utf8proc_category_t cat;
		if (l == 0)
			return &R_UTF8;
		if (cp >= 0x80)
			ascii = 0;
		if (cp == '\\')
			return &R_BSL;
		if (cp == ':')
			return &R_DRIVE;
		if (cp == '<' || cp == '>' || cp == '"' || cp == '|' || cp == '?' || cp == '*')
			return &R_WIN;
		cat = utf8proc_category((utf8proc_int32_t)cp);
		if (cat == UTF8PROC_CATEGORY_CC || cat == UTF8PROC_CATEGORY_CF ||
		    cat == UTF8PROC_CATEGORY_CS || cat == UTF8PROC_CATEGORY_CO ||
		    cat == UTF8PROC_CATEGORY_CN || cat == UTF8PROC_CATEGORY_ZL ||
		    cat == UTF8PROC_CATEGORY_ZP)
			return &R_CTRL;
		i += (size_t)l;
	}
	start = 0;
	for (i = 0; i <= n; i++) {
		if (i == n || name[i] == '/') {
			const dz_name_rule *r = check_component(name + start, i - start);
			if (r)
				return r;
			start = i + 1;
		}
	}
	if (!ascii) {
		char *nfc = NULL;
		int same;
		if (dz_name_nfc(&nfc, name, n) != 0)
			return &R_UTF8;
		same = strlen(nfc) == n && memcmp(nfc, name, n) == 0;
		dz_free(nfc);
		if (!same)
			return &R_NFC;
	}
	return NULL;
}

/* utf8proc_map() allocates with malloc; this does the same work through
 * the dossier allocator. */
static int u8map(char **out, const char *s, size_t n, utf8proc_option_t opt)
{
	utf8proc_ssize_t len, len2;
	utf8proc_int32_t *buf;
	*out = NULL;
	len = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
				 NULL, 0, opt);
	if (len < 0)
		return len == UTF8PROC_ERROR_NOMEM ? DOSSIER_ENOMEM : DOSSIER_EENCODING;
	buf = dz_malloc(((size_t)len + 1) * sizeof *buf);
	if (!buf)
		return DOSSIER_ENOMEM;
	len2 = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
				  buf, len, opt);
	if (len2 >= 0 && len2 <= len)
		len2 = utf8proc_reencode(buf, len2, opt);
	if (len2 < 0 || len2 > len * 4) {
		dz_free(buf);
		return DOSSIER_EENCODING;
	}
	((char *)buf)[len2] = '\0';
	*out = (char *)buf;
	return 0;
}

int dz_name_nfc(char **out, const char *s, size_t n)
{
	return u8map(out, s, n, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

int dz_name_fold(char **out, const char *s, size_t n)
{
	return u8map(out, s, n, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
}

static int unreserved(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
	       c == '~' || c == '/';
}

char *dz_uri_encode(const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	dz_buf b = DZ_BUF_INIT;
	const unsigned char *p;
	for (p = (const unsigned char *)s; *p; p++) {
		if (unreserved(*p)) {
			dz_buf_putc(&b, (char)*p);
		} else {
			char e[3] = {'%', hex[*p >> 4], hex[*p & 15]};
			dz_buf_put(&b, e, 3);
		}
	}
	if (b.oom) {
		dz_buf_dispose(&b);
		return NULL;
	}
	dz_buf_cstr(&b);
	return b.ptr ? dz_buf_detach(&b) : dz_strdup("");
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

int dz_uri_decode(char **out, const char *s)
{
	size_t n = strlen(s), i, k = 0;
	char *d = dz_malloc(n + 1);
	*out = NULL;
	if (!d)
		return DOSSIER_ENOMEM;
	for (i = 0; i < n; i++) {
		if (s[i] == '%') {
			int h, l;
			if (i + 2 >= n) {
				dz_free(d);
				return DOSSIER_EPARSE;
			}
			h = hexval(s[i + 1]);
			l = h < 0 ? -1 : hexval(s[i + 2]);
			/* no NUL, and no escaped character that needs none */
			if (h < 0 || l < 0 || (h == 0 && l == 0) ||
			    unreserved((unsigned char)(h * 16 + l))) {
				dz_free(d);
				return DOSSIER_EPARSE;
			}
			d[k++] = (char)(h * 16 + l);
			i += 2;
		} else if ((unsigned char)s[i] < 0x80 && unreserved((unsigned char)s[i])) {
			d[k++] = s[i];
		} else {
			/* anything else must have been escaped: accept no second
			 * spelling of a name */
			dz_free(d);
			return DOSSIER_EPARSE;
		}
	}
	d[k] = '\0';
	*out = d;
	return 0;
}

/* ---- string set ---- */

static uint64_t hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	size_t i;
	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

static int set_grow(dz_strset *set)
{
	size_t ncap = set->cap ? set->cap * 2 : 64, i;
	char **ns = dz_calloc(ncap, sizeof *ns);
	if (!ns)
		return DOSSIER_ENOMEM;
	for (i = 0; i < set->cap; i++) {
		char *s = set->slot[i];
		size_t h;
		if (!s)
			continue;
		h = (size_t)hash(s, strlen(s)) & (ncap - 1);
		while (ns[h])
			h = (h + 1) & (ncap - 1);
		ns[h] = s;
	}
	dz_free(set->slot);
	set->slot = ns;
	set->cap = ncap;
	return 0;
}

int dz_strset_add(dz_strset *set, char *s)
{
	size_t h, n = strlen(s);
	if ((set->n + 1) * 2 > set->cap && set_grow(set) != 0) {
		dz_free(s);
		return DOSSIER_ENOMEM;
	}
	h = (size_t)hash(s, n) & (set->cap - 1);
	while (set->slot[h]) {
		if (strcmp(set->slot[h], s) == 0) {
			dz_free(s);
			return 0;
		}
		h = (h + 1) & (set->cap - 1);
	}
	set->slot[h] = s;
	set->n++;
	return 1;
}

int dz_strset_has(const dz_strset *set, const char *s, size_t n)
{
	size_t h;
	if (!set->cap)
		return 0;
	h = (size_t)hash(s, n) & (set->cap - 1);
	while (set->slot[h]) {
		if (strlen(set->slot[h]) == n && memcmp(set->slot[h], s, n) == 0)
			return 1;
		h = (h + 1) & (set->cap - 1);
	}
	return 0;
}

void dz_strset_dispose(dz_strset *set)
{
	size_t i;
	for (i = 0; i < set->cap; i++)
		dz_free(set->slot[i]);
	dz_free(set->slot);
	memset(set, 0, sizeof *set);
}
