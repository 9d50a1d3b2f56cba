/*
 * messages.c — every finding message an outline can produce, as a reader
 * would see it. Compiled and run by tests/suites/content.sh against
 * BUILD_DIR/libdossier.a:
 *
 *   messages OUTLINE.xml...      (from the repository root: outlines/schema)
 *
 * For each rule of each outline, the four templates (zh, en, fix-zh,
 * fix-en) are expanded by the library's own expander with every
 * placeholder the rule's kind fills (dz_kind_vars), each given a value of
 * the kind a finding gives it: {field} a field id of the outline, {label}
 * that field's label, {section} a section's number and title, and so on.
 * Prints one line per message: OUTLINE TAB RULE TAB PART TAB TEXT (tabs and
 * line breaks in TEXT as spaces); tests/content/leaks.py judges them.
 * Exit 2 if an outline does not load.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dossier.h"
#include "model.h"
#include "util/util.h"
#include "check/check_int.h"

/* A value for placeholder `k` of rule `r` (zh and en). */
static void sample(const dossier_outline *o, const dz_rule *r, const char *k,
		   const char **zh, const char **en)
{
	const dz_field *f = o->nfields ? &o->fields[0] : NULL;
	const dz_osection *s = o->nsecs ? &o->secs[0] : NULL;
	static char sec[300];
	(void)r;
	*zh = *en = NULL;
	if (!strcmp(k, "field")) {
		*zh = *en = f ? f->id : "";
	} else if (!strcmp(k, "label") || !strcmp(k, "total")) {
		const dz_field *g = !strcmp(k, "total") && o->nfields > 1 ? &o->fields[1] : f;
		*zh = g ? g->label : "";
		*en = g && g->label_en ? g->label_en : *zh;
	} else if (!strcmp(k, "section")) {
		snprintf(sec, sizeof sec, "%s%s%s", s && s->number ? s->number : "",
			 s && s->number && *s->number ? "、" : "", s ? s->title : "");
		*zh = *en = sec;
	} else if (!strcmp(k, "id")) {
		/* a section's file name, or an evidence id */
		*zh = *en = r->kind == DZ_K_SECTIONS && s ? s->id : "E99";
	} else if (!strcmp(k, "file")) {
		*zh = *en = r->kind == DZ_K_SECTIONS || r->kind == DZ_K_ITEMS
			    ? "centre/sections/summary-1.md" : "evidence/E99-审计报告.pdf";
	} else if (!strcmp(k, "item")) {
		*zh = "人员情况";
		*en = "Staff";
	} else if (!strcmp(k, "value")) {
		*zh = *en = "186人";
	} else if (!strcmp(k, "expected")) {
		*zh = *en = "150人";
	} else if (!strcmp(k, "chars") || !strcmp(k, "min")) {
		*zh = *en = !strcmp(k, "chars") ? "120" : "300";
	} else if (!strcmp(k, "problem")) {
		*zh = "缺失";
		*en = "is missing";
	} else if (!strcmp(k, "date") || !strcmp(k, "deadline")) {
		*zh = *en = !strcmp(k, "date") ? "2026-04-01" : "2026-03-31";
	} else if (!strcmp(k, "basis")) {
		*zh = "报送日期";
		*en = "submission date";
	} else if (!strcmp(k, "kind")) {
		*zh = *en = "审计报告";
	} else if (!strcmp(k, "document")) {
		*zh = o->ndocs ? o->docs[0].title : "";
		*en = o->ndocs && o->docs[0].title_en ? o->docs[0].title_en : *zh;
	} else if (!strcmp(k, "ref")) {
		/* what the author typed between the braces: not an id of ours */
		*zh = *en = "fig:研发人员";
	}
}

static void print_one(const char *path, const dz_rule *r, const char *part, const char *text)
{
	const char *p;
	printf("%s\t%s\t%s\t", path, r->id, part);
	for (p = text; *p; p++)
		putchar(*p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
	putchar('\n');
}

int main(int argc, char **argv)
{
	int i, status = 0;
	for (i = 1; i < argc; i++) {
		dossier_outline *o = NULL;
		size_t k;
		if (dossier_outline_load(&o, argv[i], "outlines/schema") != 0) {
			const dossier_error *e = dossier_error_last();
			fprintf(stderr, "%s: %s\n", argv[i], e ? e->msg_en : "cannot load");
			status = 2;
			continue;
		}
		for (k = 0; k < o->nrules; k++) {
			const dz_rule *r = &o->rules[k];
			const char *names = dz_kind_vars(r->kind), *p = names;
			const char *tpl[4] = {r->zh, r->en, r->fix_zh, r->fix_en};
			static const char *const part[4] = {"zh", "en", "fix-zh", "fix-en"};
			char key[DZ_MAXVARS][32];
			dz_vars vs;
			int j;
			memset(&vs, 0, sizeof vs);
			while (*p && vs.n < DZ_MAXVARS) {
				size_t l = strcspn(p, " ");
				const char *zh, *en;
				snprintf(key[vs.n], sizeof key[vs.n], "%.*s", (int)l, p);
				sample(o, r, key[vs.n], &zh, &en);
				if (!zh) {
					fprintf(stderr, "%s: %s: no sample value for {%s}\n", argv[i], r->id,
						key[vs.n]);
					status = 2;
				}
				dz_var2(&vs, key[vs.n], zh ? zh : "", en ? en : "");
				p += l;
				while (*p == ' ')
					p++;
			}
			for (j = 0; j < 4; j++) {
				char *t = dz_template_expand(tpl[j], &vs, j % 2 == 0);
				if (!t) {
					fprintf(stderr, "out of memory\n");
					return 3;
				}
				print_one(argv[i], r, part[j], t);
				dz_free(t);
			}
		}
		dossier_outline_free(o);
	}
	return status;
}
