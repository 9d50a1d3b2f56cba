/*
 * err.c — the per-thread error record behind dossier_error_last().
 *
 * The library never prints: a failing call records what, where and what to
 * do, in Chinese and English, and returns a negative code; the CLI picks the
 * language from LANG and prints. If recording itself runs out of memory the
 * record falls back to static text, so an error is never lost.
 */
#include <stdio.h>
#include <string.h>
#include "util.h"

static _Thread_local dossier_error last;
static _Thread_local char *owned[6];
static _Thread_local int have_last;

static const char *keep(int slot, const char *s)
{
	dz_free(owned[slot]);
	owned[slot] = s ? dz_strdup(s) : NULL;
	if (s && !owned[slot])
		return slot < 2 ? "(out of memory)" : "";
	return owned[slot] ? owned[slot] : "";
}

int dz_err(int code, const char *file, int line, int col, const char *zh,
	   const char *en, const char *hint_zh, const char *hint_en)
{
	last.code = code;
	last.msg_zh = keep(0, zh);
	last.msg_en = keep(1, en);
	last.hint_zh = keep(2, hint_zh);
	last.hint_en = keep(3, hint_en);
	last.file = keep(4, file);
	last.line = line;
	last.column = col;
	have_last = 1;
	return code;
}

void dz_err_oom(void)
{
	int i;
	for (i = 0; i < 6; i++) {
		dz_free(owned[i]);
		owned[i] = NULL;
	}
	last.code = DOSSIER_ENOMEM;
	last.msg_zh = "内存不足";
	last.msg_en = "out of memory";
	last.hint_zh = "关闭其他程序，或在内存更大的机器上重试。";
	last.hint_en = "Close other programs, or retry on a machine with more memory.";
	last.file = "";
	last.line = last.column = 0;
	have_last = 1;
}

const dossier_error *dossier_error_last(void)
{
	return have_last ? &last : NULL;
}

void dossier_error_clear(void)
{
	int i;
	for (i = 0; i < 6; i++) {
		dz_free(owned[i]);
		owned[i] = NULL;
	}
	memset(&last, 0, sizeof last);
	have_last = 0;
}

char *dz_vfmt(const char *fmt, va_list ap)
{
	va_list cp;
	int n;
	char *s;
	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		return NULL;
	s = dz_malloc((size_t)n + 1);
	if (s)
		vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

char *dz_fmt(const char *fmt, ...)
{
	va_list ap;
	char *s;
	va_start(ap, fmt);
	s = dz_vfmt(fmt, ap);
	va_end(ap);
	return s;
}

int dz_errf(int code, const char *file, int line, int col,
	    const char *hint_zh, const char *hint_en,
	    const char *fmt_zh, const char *fmt_en, ...)
{
	va_list ap;
	char *zh, *en;
	va_start(ap, fmt_en);
	zh = dz_vfmt(fmt_zh, ap);
	va_end(ap);
	va_start(ap, fmt_en);
	en = dz_vfmt(fmt_en, ap);
	va_end(ap);
	dz_err(code, file, line, col, zh ? zh : "内存不足",
	       en ? en : "out of memory", hint_zh, hint_en);
	dz_free(zh);
	dz_free(en);
	return code;
}
