/*
 * operand.c — numeric operands of sum and compare rules, evaluated exactly.
 *
 *   field:ID          the indicator ID of the data table (canonical units)
 *   target:ID         the plan target for indicator ID
 *   sum:XPATH         sum of the values of the selected nodes; with
 *                     "sum:XPATH * REL", each value is multiplied by the
 *                     number REL evaluated on the node's element (e.g. @count)
 *   count:XPATH       number of selected nodes
 *   xpath:EXPR        the value of one node, or a number
 *   1000万元, 80%, 3  a literal with its unit
 *   A / B             (left side) the ratio of two operands
 *
 * A node's unit is its own @unit, else the nearest ancestor's @unit, else,
 * for an indicator value, the unit its outline field declares.
 */
#include <string.h>
#include <libxml/xpathInternals.h>
#include "util/util.h"
#include "check_int.h"
#include "operand.h"

void dz_operand_free(dz_operand *op)
{
	if (!op)
		return;
	dz_free(op->arg);
	dz_free(op->lit_unit);
	xmlXPathFreeCompExpr(op->comp);
	xmlXPathFreeCompExpr(op->mul);
	dz_operand_free(op->den);
	dz_operand_free(op->plus);
	dz_free(op);
}

static int parse_one(dz_operand *op, const char *spec, const char *file, int line)
{
	static const struct {
		const char *prefix;
		dz_opkind kind;
	} pre[] = {{"field:", DZ_OP_FIELD}, {"target:", DZ_OP_TARGET},
		   {"sum:", DZ_OP_SUM}, {"count:", DZ_OP_COUNT},
		   {"xpath:", DZ_OP_XPATH}};
	size_t i;
	while (*spec == ' ')
		spec++;
	for (i = 0; i < sizeof pre / sizeof pre[0]; i++) {
		if (dz_startswith(spec, pre[i].prefix)) {
			char *arg = dz_strdup(spec + strlen(pre[i].prefix)), *star;
			dz_xml_errors e;
			op->kind = pre[i].kind;
			op->arg = arg;
			if (!arg)
				return DOSSIER_ENOMEM;
			dz_trim(arg);
			if (op->kind == DZ_OP_FIELD || op->kind == DZ_OP_TARGET)
				return 0;
			star = op->kind == DZ_OP_SUM ? strstr(arg, " * ") : NULL;
			dz_xml_errors_begin(&e);
			if (star) {
				op->mul = xmlXPathCompile(BAD_CAST(star + 3));
				*star = '\0';
			}
			op->comp = xmlXPathCompile(BAD_CAST arg);
			dz_xml_errors_end();
			if (!op->comp || (star && !op->mul))
				return dz_errf(DOSSIER_EOUTLINE, file, line, 0,
					       "修正提纲中的操作数。", "Fix the operand in the outline.",
					       "操作数中的 XPath 无效：%s",
					       "invalid XPath in operand: %s", spec);
			return 0;
		}
	}
	op->kind = DZ_OP_LITERAL;
	if (dz_num_parse_literal(&op->lit, spec) != 0)
		return dz_errf(DOSSIER_EOUTLINE, file, line, 0,
			       "写成 field:ID、sum:XPATH、count:XPATH、xpath:EXPR 或带单位的数，如 1000万元。",
			       "Write field:ID, sum:XPATH, count:XPATH, xpath:EXPR or a "
			       "number with unit such as 1000万元.",
			       "无法识别的操作数：%s", "unrecognised operand: %s", spec);
	{
		size_t k = strspn(spec, "0123456789.,-+ ");
		op->lit_unit = dz_strdup(spec + k);
		if (!op->lit_unit)
			return DOSSIER_ENOMEM;
	}
	return 0;
}

int dz_operand_parse(dz_operand **out, const char *spec, const char *file, int line)
{
	dz_operand *op;
	const char *slash = strstr(spec, " / "), *plus = strstr(spec, " + ");
	int rc;
	*out = NULL;
	if (slash) {
		/* "A + B / C": the sum of the terms before the slash over C */
		char *left = dz_strndup(spec, (size_t)(slash - spec));
		if (!left)
			return DOSSIER_ENOMEM;
		rc = dz_operand_parse(out, left, file, line);
		dz_free(left);
		if (rc)
			return rc;
		if (strstr(slash + 3, " / ") || strstr(slash + 3, " + ")) {
			dz_operand_free(*out);
			*out = NULL;
			return dz_errf(DOSSIER_EOUTLINE, file, line, 0,
				       "分母只能是一个操作数：写成 A + B / C。",
				       "The denominator is one operand: write A + B / C.",
				       "操作数过于复杂：%s", "operand too complex: %s", spec);
		}
		(*out)->den = dz_calloc(1, sizeof *(*out)->den);
		rc = (*out)->den ? parse_one((*out)->den, slash + 3, file, line) : DOSSIER_ENOMEM;
		if (rc) {
			dz_operand_free(*out);
			*out = NULL;
		}
		return rc;
	}
	if (plus) {
		/* "A + B + C": a chain of terms */
		char *first = dz_strndup(spec, (size_t)(plus - spec));
		if (!first)
			return DOSSIER_ENOMEM;
		rc = dz_operand_parse(out, first, file, line);
		dz_free(first);
		if (rc == 0 && (rc = dz_operand_parse(&(*out)->plus, plus + 3, file, line)) != 0) {
			dz_operand_free(*out);
			*out = NULL;
		}
		return rc;
	}
	op = dz_calloc(1, sizeof *op);
	if (!op)
		return DOSSIER_ENOMEM;
	rc = parse_one(op, spec, file, line);
	if (rc) {
		dz_operand_free(op);
		return rc;
	}
	*out = op;
	return 0;
}

/* ---------- evaluation ---------- */

static xmlNodePtr owner(xmlNodePtr n)
{
	return n->type == XML_ATTRIBUTE_NODE ? n->parent : n;
}

const char *dz_node_unit(dz_ctx *x, xmlNodePtr n, char *buf, size_t len)
{
	xmlNodePtr e = owner(n);
	xmlNodePtr a;
	for (a = e; a && a->type == XML_ELEMENT_NODE; a = a->parent) {
		xmlChar *u = xmlGetProp(a, BAD_CAST "unit");
		if (u) {
			snprintf(buf, len, "%s", (const char *)u);
			xmlFree(u);
			return buf;
		}
		if (a == e && n->type == XML_ELEMENT_NODE &&
		    !strcmp((const char *)a->name, "value")) {
			xmlChar *id = xmlGetProp(a, BAD_CAST "id");
			const dz_field *f = id ? dz_outline_field(x->o, (const char *)id) : NULL;
			xmlFree(id);
			if (f && f->unit) {
				snprintf(buf, len, "%s", f->unit);
				return buf;
			}
		}
	}
	buf[0] = '\0';
	return buf;
}

/* Value of one node: 1 ok, 0 empty, -1 malformed. */
int dz_node_num(dz_ctx *x, xmlNodePtr n, dz_num *out, char *unit, size_t ulen)
{
	xmlChar *s = xmlNodeGetContent(n);
	int64_t dec;
	int rc;
	char ubuf[32];
	if (!unit) {
		unit = ubuf;
		ulen = sizeof ubuf;
	}
	if (!s)
		return 0;
	{
		const char *p = (const char *)s;
		while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
			p++;
		if (!*p) {
			xmlFree(s);
			return 0;
		}
	}
	rc = dz_dec_parse(&dec, (const char *)s);
	xmlFree(s);
	if (rc)
		return -1;
	dz_node_unit(x, n, unit, ulen);
	return dz_num_from(out, dec, unit) == 0 ? 1 : -1;
}

static xmlXPathObjectPtr eval_at(dz_ctx *x, xmlXPathCompExprPtr comp, xmlNodePtr at)
{
	xmlXPathObjectPtr r;
	x->xp->node = at ? at : xmlDocGetRootElement(x->c->doc);
	r = xmlXPathCompiledEval(comp, x->xp);
	return r;
}

static int eval_one(dz_ctx *x, const dz_operand *op, dz_val *out)
{
	xmlXPathObjectPtr r;
	int i, rc = 1;
	memset(out, 0, sizeof *out);
	switch (op->kind) {
	case DZ_OP_LITERAL:
		out->num = op->lit;
		snprintf(out->unit, sizeof out->unit, "%s", op->lit_unit ? op->lit_unit : "");
		return 1;
	case DZ_OP_FIELD: {
		const dz_field *f = dz_outline_field(x->o, op->arg);
		xmlNodePtr n = f ? x->values[f - x->o->fields] : NULL;
		if (!n)
			return 0;
		out->node = n;
		return dz_node_num(x, n, &out->num, out->unit, sizeof out->unit);
	}
	case DZ_OP_TARGET: {
		xmlNodePtr t = dz_child_with(dz_centre_child(x->c, "targets"), "field", op->arg);
		if (!t)
			return 0;
		out->node = t;
		return dz_node_num(x, t, &out->num, out->unit, sizeof out->unit);
	}
	case DZ_OP_COUNT:
		r = eval_at(x, op->comp, NULL);
		if (!r)
			return -1;
		out->num.v = (r->type == XPATH_NODESET && r->nodesetval)
				     ? (int64_t)r->nodesetval->nodeNr * DZ_SCALE : 0;
		out->num.dim = DZ_DIM_COUNT;
		xmlXPathFreeObject(r);
		return 1;
	case DZ_OP_SUM:
		r = eval_at(x, op->comp, NULL);
		if (!r)
			return -1;
		out->num.v = 0;
		if (r->type == XPATH_NODESET && r->nodesetval) {
			for (i = 0; i < r->nodesetval->nodeNr && rc == 1; i++) {
				xmlNodePtr n = r->nodesetval->nodeTab[i];
				dz_num v;
				int k = dz_node_num(x, n, &v, out->unit, sizeof out->unit);
				if (k == 0)
					continue;
				if (k < 0) {
					rc = -1;
					break;
				}
				if (op->mul) {
					xmlXPathObjectPtr m = eval_at(x, op->mul, owner(n));
					xmlChar *ms = m ? xmlXPathCastToString(m) : NULL;
					int64_t mul;
					xmlXPathFreeObject(m);
					if (ms && *ms && dz_dec_parse(&mul, (const char *)ms) == 0) {
						__extension__ typedef __int128 i128;
						i128 p = (i128)v.v * mul / DZ_SCALE;
						if (p > INT64_MAX || p < -INT64_MAX)
							rc = -1;
						v.v = (int64_t)p;
					}
					xmlFree(ms);
				}
				if (!out->node)
					out->node = owner(n);
				out->num.dim = v.dim;
				if ((v.v > 0 && out->num.v > INT64_MAX - v.v) ||
				    (v.v < 0 && out->num.v < -INT64_MAX - v.v))
					rc = -1;
				else
					out->num.v += v.v;
			}
		}
		xmlXPathFreeObject(r);
		return rc;
	case DZ_OP_XPATH:
		r = eval_at(x, op->comp, NULL);
		if (!r)
			return -1;
		if (r->type == XPATH_NODESET) {
			if (!r->nodesetval || r->nodesetval->nodeNr == 0) {
				rc = 0;
			} else {
				out->node = owner(r->nodesetval->nodeTab[0]);
				rc = dz_node_num(x, r->nodesetval->nodeTab[0], &out->num,
						 out->unit, sizeof out->unit);
			}
		} else {
			xmlChar *s = xmlXPathCastToString(r);
			int64_t dec;
			rc = s && dz_dec_parse(&dec, (const char *)s) == 0 ? 1 : 0;
			if (rc)
				out->num.v = dec;
			xmlFree(s);
		}
		xmlXPathFreeObject(r);
		return rc;
	}
	return -1;
}

int dz_operand_eval(dz_ctx *x, const dz_operand *op, dz_val *out)
{
	int rc = eval_one(x, op, out);
	if (rc == 0)
		out->missing = op;
	const dz_operand *t;
	for (t = op->plus; rc == 1 && t; t = t->plus) {
		dz_val v;
		int k = eval_one(x, t, &v);
		if (k == 0)
			continue; /* an absent term adds nothing */
		if (k < 0)
			return k;
		if ((v.num.v > 0 && out->num.v > INT64_MAX - v.num.v) ||
		    (v.num.v < 0 && out->num.v < -INT64_MAX - v.num.v))
			return -1;
		out->num.v += v.num.v;
		if (out->num.dim == DZ_DIM_NONE)
			out->num.dim = v.num.dim;
	}
	if (rc == 1 && op->den) {
		dz_val d;
		int k = eval_one(x, op->den, &d);
		if (k == 0)
			out->missing = op->den;
		if (k != 1)
			return k;
		if (d.num.v == 0) {
			out->missing = op->den;
			out->zero_den = 1;
			return 0; /* ratio undefined: nothing to compare */
		}
		out->is_ratio = 1;
		out->den = d.num.v;
	}
	return rc;
}

void dz_operand_name(dz_ctx *x, const dz_operand *op, int zh, char *buf, size_t n)
{
	const dz_field *f = op && (op->kind == DZ_OP_FIELD || op->kind == DZ_OP_TARGET)
			    ? dz_outline_field(x->o, op->arg) : NULL;
	if (!op)
		snprintf(buf, n, "?");
	else if (f)
		snprintf(buf, n, zh ? "%s“%s”（%s）" : "%s\"%s\" (%s)",
			 op->kind == DZ_OP_TARGET ? (zh ? "目标值" : "the target of ") : "",
			 zh ? f->label : f->label_en, f->id);
	else if (op->kind == DZ_OP_LITERAL)
		snprintf(buf, n, "%s", zh ? "常量" : "a constant");
	else
		snprintf(buf, n, "%s", op->arg ? op->arg : "?");
}

void dz_val_format(const dz_val *v, char *buf, size_t n)
{
	if (v->is_ratio) {
		/* percent with two decimals, exact to the hundredth */
		__extension__ typedef __int128 i128;
		i128 h = (i128)v->num.v * 10000 / v->den;
		long long hh = (long long)h;
		snprintf(buf, n, "%s%lld.%02lld%%", hh < 0 ? "-" : "",
			 (hh < 0 ? -hh : hh) / 100, (hh < 0 ? -hh : hh) % 100);
		return;
	}
	dz_num_format(buf, n, v->num.v, v->unit);
}

int dz_val_cmp(const dz_val *l, const dz_val *r)
{
	if (l->is_ratio) {
		/* right side: a share in percent, or a plain fraction */
		int64_t rd = r->num.dim == DZ_DIM_SHARE ? 100 * DZ_SCALE : DZ_SCALE;
		return dz_ratio_cmp(l->num.v, l->den, r->num.v, rd);
	}
	return l->num.v < r->num.v ? -1 : l->num.v > r->num.v;
}
