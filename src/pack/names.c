/*
 * names.c — the entry-name policy of a package, shared by the writer (which
 * refuses a file it could not name safely) and the verifier (which rejects a
 * package carrying such a name): NFC normalisation and case folding through
 * utf8proc, percent-encoding for manifest URIs, and the clash check
 * (duplicates, also after folding, and files that are folders of others),
 * which sorts rather than hashes: its cost cannot be chosen by whoever
 * chose the names.
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
static const dz_name_rule R_DEV = {"name-device", "条目名含 Windows 设备名（CON、NUL、COM1、LPT¹ 等）",
	"the entry name contains a Windows device name (CON, NUL, COM1, LPT¹ ...)"};

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

/* Windows opens a device, not a file, for these names with any extension,
 * also with spaces before the extension ("NUL .txt") and with the digits
 * 0-9 and superscript 1-3 after COM and LPT. */
static int is_device(const char *c, size_t n)
{
	static const char *dev[] = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"};
	const unsigned char *u = (const unsigned char *)c;
	size_t base = 0, i;
	while (base < n && c[base] != '.')
		base++;
	while (base > 0 && c[base - 1] == ' ')
		base--;
	if (base < 3 || base > 7)
		return 0;
	for (i = 0; i < sizeof dev / sizeof dev[0]; i++)
		if (ieq(c, base, dev[i]))
			return 1;
	if (base < 4 || !(ieq(c, 3, "COM") || ieq(c, 3, "LPT")))
		return 0;
	if (base == 4 && c[3] >= '0' && c[3] <= '9')
		return 1;
	/* U+00B9, U+00B2, U+00B3 */
	return base == 5 && u[3] == 0xC2 && (u[4] == 0xB9 || u[4] == 0xB2 || u[4] == 0xB3);
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
		if (cp >= 0x20 && cp < 0x7F) {   /* printable ASCII: no table needed */
			i += (size_t)l;
			continue;
		}
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

/* CJK Unified Ideographs (and Extension A): in NFC whatever surrounds
 * them (quick check Yes, combining class 0, nothing composes with them) and
 * without case. So are U+0000-U+02FF for NFC, but not for case folding. */
static int cjk(uint32_t cp)
{
	return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF);
}

/* 1 if utf8proc can be skipped: every code point (valid UTF-8, no NUL) is
 * ASCII or CJK, or for NFC alone below U+0300. */
static int plain(const char *s, size_t n, int fold)
{
	size_t i = 0;
	while (i < n) {
		uint32_t cp;
		int l = dz_utf8_decode((const unsigned char *)s + i, n - i, &cp);
		if (l == 0 || cp == 0 || !(cp < 0x80 || cjk(cp) || (!fold && cp < 0x300)))
			return 0;
		i += (size_t)l;
	}
	return 1;
}

/* utf8proc_map() allocates with malloc; this does the same work through
 * the dossier allocator, in one decomposition pass for all but rare input
 * (room for four code points per byte; a longer result is redone). Most
 * names need no utf8proc at all (plain() above): NFC leaves them as they
 * are and case folding is A-Z to a-z. */
static int u8map(char **out, const char *s, size_t n, utf8proc_option_t opt)
{
	utf8proc_ssize_t len, cap = (utf8proc_ssize_t)n * 4 + 16;
	utf8proc_int32_t *buf;
	size_t i;
	*out = NULL;
	if (plain(s, n, (opt & UTF8PROC_CASEFOLD) != 0)) {
		char *a = dz_strndup(s, n);
		if (!a)
			return DOSSIER_ENOMEM;
		if (opt & UTF8PROC_CASEFOLD)
			for (i = 0; i < n; i++)
				if (a[i] >= 'A' && a[i] <= 'Z')
					a[i] = (char)(a[i] + 32);
		*out = a;
		return 0;
	}
	for (;;) {
		if (!(buf = dz_malloc(((size_t)cap + 1) * sizeof *buf)))
			return DOSSIER_ENOMEM;
		len = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
					 buf, cap, opt);
		if (len < 0 || len <= cap)
			break;
		dz_free(buf);
		cap = len;
	}
	if (len >= 0)
		len = utf8proc_reencode(buf, len, opt);
	if (len < 0) {
		dz_free(buf);
		return len == UTF8PROC_ERROR_NOMEM ? DOSSIER_ENOMEM : DOSSIER_EENCODING;
	}
	((char *)buf)[len] = '\0';
	/* give back the room the decomposition needed */
	*out = dz_realloc(buf, (size_t)len + 1);
	if (!*out) {
		dz_free(buf);
		return DOSSIER_ENOMEM;
	}
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

/* Upper-case hex digits only: "%c3" is a second spelling of "%C3", and the
 * verifier accepts one spelling of a name. */
static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
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

/* ---- clashes between names ---- */

typedef struct {
	char *key;     /* folded, '/' as 0x01 */
	size_t len, idx;
} nkey;

static int cmp_nkey(const void *a, const void *b)
{
	const nkey *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* A clash found at sorted positions i < j; keep the one whose later entry
 * comes first in the list, as a reader going through it would meet it. */
static void note(dz_name_clash *c, const char *const *names, const nkey *k, size_t i,
		 size_t j, int folder)
{
	size_t a = k[i].idx, b = k[j].idx, late = a > b ? a : b;
	if (c->kind != DZ_CLASH_NONE && late >= c->late)
		return;
	c->late = late;
	if (folder) {
		c->kind = DZ_CLASH_FOLDER;
		c->a = a;    /* the file */
		c->b = b;    /* an entry below it */
		return;
	}
	c->kind = strcmp(names[a], names[b]) ? DZ_CLASH_FOLDED : DZ_CLASH_EXACT;
	c->a = a < b ? a : b;
	c->b = late;
}

int dz_name_clashes(dz_name_clash *c, const char *const *names, size_t n)
{
	nkey *k = dz_calloc(n ? n : 1, sizeof *k);
	size_t i;
	int rc = 0;
	c->kind = DZ_CLASH_NONE;
	c->a = c->b = c->late = 0;
	if (!k)
		return DOSSIER_ENOMEM;
	for (i = 0; i < n && rc == 0; i++) {
		char *f;
		if ((rc = dz_name_fold(&f, names[i], strlen(names[i]))) != 0)
			break;
		k[i].key = f;
		k[i].idx = i;
		for (; *f; f++)
			if (*f == '/')
				*f = '\x01';   /* below every byte a name may hold */
		k[i].len = (size_t)(f - k[i].key);
	}
	if (rc == 0) {
		/* sorted so, a name is followed first by its equals, then by the
		 * names below it as a folder (F, F/x ... precede F!, F-x ...) */
		dz_sort(k, n, sizeof *k, cmp_nkey);
		for (i = 0; i + 1 < n; i++) {
			if (k[i].len == k[i + 1].len && !memcmp(k[i].key, k[i + 1].key, k[i].len))
				note(c, names, k, i, i + 1, 0);
			else if (k[i + 1].len > k[i].len && k[i + 1].key[k[i].len] == '\x01' &&
				 !memcmp(k[i].key, k[i + 1].key, k[i].len))
				note(c, names, k, i, i + 1, 1);
		}
	}
	for (i = 0; i < n; i++)
		dz_free(k[i].key);
	dz_free(k);
	return rc;
}
