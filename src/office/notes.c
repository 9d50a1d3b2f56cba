/*
 * notes.c — what the office readers have to say about a file, as findings
 * of a dossier_report: each with its place inside the file ("数据表!D7",
 * "第12段") in the finding's xpath, so the CLI prints them like check's.
 */
#include <string.h>
#include "util/util.h"
#include "check/check_int.h"
#include "office_int.h"

dossier_report *dz_notes_new(void)
{
	return dz_calloc(1, sizeof(dossier_report));
}

void dz_note(dossier_report *r, int sev, const char *rule, const char *file,
	     const char *place, const char *zh, const char *en,
	     const char *hint_zh, const char *hint_en)
{
	size_t before = r->n;
	char *p;
	dz_report_add_core(r, (dossier_severity)sev, rule, "", file, 0, zh, en,
			   hint_zh, hint_en);
	if (r->n == before || !place || !*place)
		return;
	p = dz_strdup(place);
	if (!p) {
		r->oom = 1;
		return;
	}
	dz_free(r->items[before].owned[3]);
	r->items[before].owned[3] = p;
	r->items[before].f.xpath = p;
}

int dz_notes_oom(const dossier_report *r)
{
	return r && r->oom;
}
