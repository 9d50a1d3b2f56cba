/* operand.h — evaluating operands of sum/compare rules (internal). */
#ifndef DOSSIER_OPERAND_H
#define DOSSIER_OPERAND_H
#include "check_int.h"

typedef struct {
	dz_num num;
	char unit[32];     /* display unit of the value */
	xmlNodePtr node;   /* where the value came from, if a node */
	int is_ratio;
	int64_t den;       /* denominator when is_ratio */
	const dz_operand *missing; /* when absent: the operand without a value */
	int zero_den;      /* when absent: because the denominator is zero */
} dz_val;

/* 1 = value, 0 = absent (rule does not apply), -1 = malformed. */
int dz_operand_eval(dz_ctx *x, const dz_operand *op, dz_val *out);
void dz_val_format(const dz_val *v, char *buf, size_t n);
/* Name an operand for a message: a field's label and id, a target, or the
 * XPath it reads. */
void dz_operand_name(dz_ctx *x, const dz_operand *op, int zh, char *buf, size_t n);
/* Exact three-way comparison of l and r. */
int dz_val_cmp(const dz_val *l, const dz_val *r);
int dz_node_num(dz_ctx *x, xmlNodePtr n, dz_num *out, char *unit, size_t ulen);
const char *dz_node_unit(dz_ctx *x, xmlNodePtr n, char *buf, size_t len);
#endif
