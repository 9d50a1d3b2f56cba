/*
 * html.c — the review report (review.h) as one HTML file: everything
 * inline (style, script), nothing fetched (a Content-Security-Policy says
 * so to the browser), readable without the script, a summary table that a
 * click on a column head sorts (or "#sort=KEY[-desc]" in the address, which
 * is how the test drives it in headless Chromium), and a print style (A4,
 * one centre per page, findings never split). Written through a temporary
 * file renamed into place.
 */
#include <stdio.h>
#include <string.h>
#include "util/util.h"
#include "doc/review_int.h"

static void esc(dz_buf *b, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': dz_buf_puts(b, "&amp;"); break;
		case '<': dz_buf_puts(b, "&lt;"); break;
		case '>': dz_buf_puts(b, "&gt;"); break;
		case '"': dz_buf_puts(b, "&quot;"); break;
		case '\'': dz_buf_puts(b, "&#39;"); break;
		default: dz_buf_putc(b, *s); break;
		}
	}
}

/* <tag attrs>text</tag> with the text escaped */
static void el(dz_buf *b, const char *open, const char *text, const char *close)
{
	dz_buf_puts(b, open);
	esc(b, text);
	dz_buf_puts(b, close);
}

static const char style[] =
	":root{--err:#b00020;--warn:#8a5a00;--info:#2f5d8a;--ok:#1b6e34;--line:#d0d4da}"
	"*{box-sizing:border-box}"
	"body{margin:0 auto;max-width:60rem;padding:1.5rem;color:#1d1f23;line-height:1.6;"
	"font-family:\"Noto Sans CJK SC\",\"WenQuanYi Zen Hei\",\"Microsoft YaHei\",\"PingFang SC\",sans-serif}"
	"header{border-bottom:3px solid var(--err);margin-bottom:1rem}"
	"h1{font-size:1.8rem;text-align:center;margin:.5rem 0}"
	"header .sub{text-align:center;font-size:1.1rem;margin:0}"
	"header .meta{text-align:center;color:#555;font-size:.9rem}"
	"h2{font-size:1.35rem;border-bottom:1px solid var(--line);padding-bottom:.2rem;margin-top:2rem}"
	"h3{font-size:1.15rem;margin:1.4rem 0 .4rem}h4{font-size:1rem;margin:1rem 0 .3rem}"
	"nav.toc ol{list-style:none;padding-left:0}nav.toc a{color:inherit}"
	"table{border-collapse:collapse;width:100%;font-size:.95rem}"
	"caption{font-weight:bold;margin-bottom:.3rem}"
	"th,td{border:1px solid var(--line);padding:.3rem .5rem;vertical-align:top;text-align:left}"
	"th{background:#f1f3f5}td.num{text-align:right;font-variant-numeric:tabular-nums}"
	"th button{font:inherit;font-weight:bold;border:0;background:none;padding:0;cursor:pointer;color:inherit}"
	"th[aria-sort=ascending] button::after{content:\" \\25B2\"}"
	"th[aria-sort=descending] button::after{content:\" \\25BC\"}"
	".input,code{font-family:\"DejaVu Sans Mono\",monospace;font-size:.85em;word-break:break-all}"
	".input{color:#555}"
	".status{font-weight:bold}.status.complete{color:var(--ok)}"
	".status.incomplete{color:var(--err)}.status.unreadable{color:var(--warn)}"
	"dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .8rem;margin:.3rem 0}"
	"dt{color:#555}dd{margin:0}"
	"article.finding{border-left:4px solid var(--line);padding:.3rem .8rem;margin:.6rem 0;background:#fafbfc}"
	"article.error{border-color:var(--err)}article.warning{border-color:var(--warn)}"
	"article.info{border-color:var(--info)}"
	".finding .head{margin:0;font-weight:bold}.finding .msg{margin:.2rem 0}"
	".sev{display:inline-block;min-width:3em}.error .sev{color:var(--err)}"
	".warning .sev{color:var(--warn)}.info .sev{color:var(--info)}"
	"div.unreadable{border-left:4px solid var(--warn);padding:.3rem .8rem;background:#fff8e6}"
	"footer{margin-top:2rem;color:#777;font-size:.85rem;text-align:center}"
	"@page{size:A4;margin:18mm 16mm}"
	"@media print{body{max-width:none;padding:0;font-size:10.5pt}nav.toc{display:none}"
	"section.centre{break-before:page}article.finding,div.unreadable,tr{break-inside:avoid}"
	"h2,h3,h4{break-after:avoid}thead{display:table-header-group}"
	"th[aria-sort] button::after{content:none}a{color:inherit;text-decoration:none}"
	"article.finding{background:none}}";

/* Sorts the summary by a column: numbers as numbers, words in Chinese
 * order, ties in the original order; "#sort=errors-desc" sorts on load. */
static const char script[] =
	"(function(){var t=document.getElementById('summary-table');if(!t)return;"
	"var h=t.tHead.rows[0].cells;"
	"function v(td,num){var s=td.getAttribute('data-value');if(s===null)s=td.textContent.trim();"
	"return num?Number(s):s;}"
	"function sort(c,desc){var tb=t.tBodies[0],rows=Array.prototype.slice.call(tb.rows),"
	"num=h[c].getAttribute('data-type')==='num';"
	"rows.sort(function(a,b){var x=v(a.cells[c],num),y=v(b.cells[c],num),"
	"r=num?x-y:String(x).localeCompare(String(y),'zh-CN');"
	"if(desc)r=-r;return r||Number(a.getAttribute('data-order'))-Number(b.getAttribute('data-order'));});"
	"rows.forEach(function(r){tb.appendChild(r);});"
	"for(var i=0;i<h.length;i++)h[i].removeAttribute('aria-sort');"
	"h[c].setAttribute('aria-sort',desc?'descending':'ascending');}"
	"Array.prototype.forEach.call(h,function(th,i){var b=th.querySelector('button');"
	"if(b)b.addEventListener('click',function(){sort(i,th.getAttribute('aria-sort')==='ascending');});});"
	"var m=/^#sort=([a-z]+)(-desc)?$/.exec(location.hash);"
	"if(m)Array.prototype.forEach.call(h,function(th,i){if(th.getAttribute('data-key')===m[1])sort(i,!!m[2]);});"
	"})();";

static void th(dz_buf *b, const char *key, const char *type, const char *label, int sorted)
{
	dz_buf_printf(b, "<th scope=\"col\" data-key=\"%s\"%s%s%s%s><button type=\"button\">", key,
		      type ? " data-type=\"" : "", type ? type : "", type ? "\"" : "",
		      sorted ? " aria-sort=\"ascending\"" : "");
	esc(b, label);
	dz_buf_puts(b, "</button></th>");
}

static void summary(dz_buf *b, const dossier_review *rv, const size_t *nc)
{
	size_t i;
	dz_buf_puts(b, "<section id=\"summary\"><h2>");
	esc(b, DZ_RL(rv, "一、审核汇总", "1. Summary"));
	dz_buf_puts(b, "</h2><p>");
	if (rv->zh)
		dz_buf_printf(b, "共审核 %zu 份材料：完整 %zu 份，不完整 %zu 份，无法读取 %zu 份。",
			      rv->n, nc[0], nc[1], nc[2]);
	else
		dz_buf_printf(b, "%zu dossiers reviewed: %zu complete, %zu incomplete, %zu unreadable.",
			      rv->n, nc[0], nc[1], nc[2]);
	dz_buf_puts(b, "</p>\n<table id=\"summary-table\"><caption>");
	esc(b, DZ_RL(rv, "审核汇总（点击列名排序）", "Summary (click a column to sort)"));
	dz_buf_puts(b, "</caption><thead><tr>");
	th(b, "no", "num", DZ_RL(rv, "序号", "No."), 1);
	th(b, "centre", NULL, DZ_RL(rv, "中心", "Centre"), 0);
	th(b, "scheme", NULL, DZ_RL(rv, "方案", "Scheme"), 0);
	th(b, "stage", NULL, DZ_RL(rv, "阶段", "Stage"), 0);
	th(b, "status", "num", DZ_RL(rv, "状态", "Status"), 0);
	th(b, "errors", "num", DZ_RL(rv, "错误", "Errors"), 0);
	th(b, "warnings", "num", DZ_RL(rv, "警告", "Warnings"), 0);
	dz_buf_puts(b, "</tr></thead>\n<tbody>\n");
	for (i = 0; i < rv->n; i++) {
		const dz_rcentre *c = &rv->c[i];
		int unread = c->status == DZ_RV_UNREADABLE;
		dz_buf_printf(b, "<tr data-order=\"%zu\" data-status=\"%s\" data-input=\"", i + 1,
			      dz_review_status_id(c->status));
		esc(b, c->input);
		dz_buf_printf(b, "\"><td data-key=\"no\" class=\"num\">%zu</td><td data-key=\"centre\" data-value=\"", i + 1);
		esc(b, *c->name ? c->name : c->input);
		dz_buf_printf(b, "\"><a href=\"#c%zu\">", i + 1);
		esc(b, *c->name ? c->name : c->input);
		dz_buf_puts(b, "</a>");
		if (*c->name)
			el(b, "<div class=\"input\">", c->input, "</div>");
		/* an unknown scheme or stage ("—") sorts first */
		el(b, *c->scheme ? "</td><td data-key=\"scheme\">" : "</td><td data-key=\"scheme\" data-value=\"\">",
		   *c->scheme ? c->scheme : "—", "</td>");
		el(b, *c->stage ? "<td data-key=\"stage\">" : "<td data-key=\"stage\" data-value=\"\">",
		   *c->stage ? c->stage : "—", "</td>");
		dz_buf_printf(b, "<td data-key=\"status\" data-value=\"%d\"><span class=\"status %s\">",
			      c->status, dz_review_status_id(c->status));
		esc(b, dz_review_status(rv, c->status));
		dz_buf_puts(b, "</span></td>");
		if (unread)
			dz_buf_puts(b, "<td data-key=\"errors\" class=\"num\" data-value=\"-1\">—</td>"
				       "<td data-key=\"warnings\" class=\"num\" data-value=\"-1\">—</td>");
		else
			dz_buf_printf(b, "<td data-key=\"errors\" class=\"num\">%zu</td>"
				      "<td data-key=\"warnings\" class=\"num\">%zu</td>", c->errors, c->warnings);
		dz_buf_puts(b, "</tr>\n");
	}
	dz_buf_puts(b, "</tbody></table></section>\n");
}

static void finding(dz_buf *b, const dossier_review *rv, const dz_rfinding *f)
{
	const char *sev = f->severity == DOSSIER_SEV_ERROR ? "error"
			  : f->severity == DOSSIER_SEV_WARNING ? "warning" : "info";
	dz_buf_printf(b, "<article class=\"finding %s\" data-severity=\"%s\" data-rule=\"", sev, sev);
	esc(b, f->rule);
	dz_buf_puts(b, "\"><p class=\"head\">");
	el(b, "<span class=\"sev\">", dz_review_severity(rv, f->severity), "</span> ");
	el(b, "<code class=\"rule\">", f->rule, "</code> ");
	el(b, "<span class=\"article\">", f->article, "</span></p>");
	el(b, "<p class=\"msg\">", f->message, "</p><dl>");
	if (*f->basis) {
		el(b, "<dt>", DZ_RL(rv, "依据", "Basis"), "</dt>");
		el(b, "<dd class=\"basis\">", f->basis, "</dd>");
	}
	if (*f->file) {
		el(b, "<dt>", DZ_RL(rv, "位置", "Place"), "</dt>");
		el(b, "<dd class=\"place\"><code class=\"file\">", f->file, "</code></dd>");
	}
	if (*f->xpath) {
		el(b, "<dt>", DZ_RL(rv, "节点", "Node"), "</dt>");
		el(b, "<dd><code class=\"xpath\">", f->xpath, "</code></dd>");
	}
	if (*f->fix) {
		el(b, "<dt>", DZ_RL(rv, "修改", "Fix"), "</dt>");
		el(b, "<dd class=\"fix\">", f->fix, "</dd>");
	}
	dz_buf_puts(b, "</dl></article>\n");
}

static void fact(dz_buf *b, const dossier_review *rv, const char *k, const char *v,
		 const char *extra)
{
	el(b, "<dt>", k, "</dt><dd>");
	esc(b, v);
	if (extra && *extra) {
		dz_buf_puts(b, DZ_RL(rv, "（", " ("));
		esc(b, extra);
		dz_buf_puts(b, DZ_RL(rv, "）", ")"));
	}
	dz_buf_puts(b, "</dd>");
}

static void centre(dz_buf *b, const dossier_review *rv, const dz_rcentre *c, size_t i,
		   const char *num)
{
	size_t d, s, k;
	char counts[160];
	dz_buf_printf(b, "<section class=\"centre\" id=\"c%zu\" data-status=\"%s\" data-input=\"", i + 1,
		      dz_review_status_id(c->status));
	esc(b, c->input);
	dz_buf_puts(b, "\"><h2>");
	esc(b, num);
	esc(b, *c->name ? c->name : c->input);
	dz_buf_puts(b, "</h2><dl class=\"facts\">");
	el(b, "<dt>", DZ_RL(rv, "材料", "Input"), "</dt>");
	el(b, "<dd><code>", c->input, "</code></dd>");
	if (c->status != DZ_RV_UNREADABLE) {
		fact(b, rv, DZ_RL(rv, "方案", "Scheme"), c->scheme, c->source);
		fact(b, rv, DZ_RL(rv, "阶段", "Stage"), *c->stage ? c->stage : "—", c->stage_title);
	}
	if (c->status == DZ_RV_UNREADABLE)
		counts[0] = '\0';
	else if (rv->zh)
		snprintf(counts, sizeof counts, "错误 %zu 个，警告 %zu 个，提示 %zu 个",
			 c->errors, c->warnings, c->infos);
	else
		snprintf(counts, sizeof counts, "%zu errors, %zu warnings, %zu notes",
			 c->errors, c->warnings, c->infos);
	el(b, "<dt>", DZ_RL(rv, "状态", "Status"), "</dt>");
	dz_buf_printf(b, "<dd><span class=\"status %s\">", dz_review_status_id(c->status));
	esc(b, dz_review_status(rv, c->status));
	dz_buf_puts(b, "</span>");
	if (*counts) {
		dz_buf_puts(b, DZ_RL(rv, "；", "; "));
		esc(b, counts);
	}
	dz_buf_puts(b, "</dd></dl>\n");
	if (c->status == DZ_RV_UNREADABLE) {
		dz_buf_puts(b, "<div class=\"unreadable\" data-reason=\"");
		esc(b, c->reason);
		dz_buf_puts(b, "\">");
		el(b, "<p class=\"msg\"><strong>", DZ_RL(rv, "无法读取：", "Cannot be read: "), "</strong>");
		esc(b, c->reason_msg);
		dz_buf_puts(b, "</p><dl>");
		if (*c->reason_file) {
			el(b, "<dt>", DZ_RL(rv, "位置", "Place"), "</dt><dd><code class=\"file\">");
			esc(b, c->reason_file);
			if (c->reason_line > 0)
				dz_buf_printf(b, ":%d", c->reason_line);
			if (c->reason_line > 0 && c->reason_col > 0)
				dz_buf_printf(b, ":%d", c->reason_col);
			dz_buf_puts(b, "</code></dd>");
		}
		el(b, "<dt>", DZ_RL(rv, "原因编号", "Reason"), "</dt>");
		el(b, "<dd><code class=\"reason\">", c->reason, "</code></dd>");
		if (*c->reason_fix) {
			el(b, "<dt>", DZ_RL(rv, "处理", "What to do"), "</dt>");
			el(b, "<dd class=\"fix\">", c->reason_fix, "</dd>");
		}
		dz_buf_puts(b, "</dl></div></section>\n");
		return;
	}
	if (!c->ndocs)
		el(b, "<p class=\"none\">", DZ_RL(rv, "未发现问题。", "No findings."), "</p>\n");
	for (d = 0; d < c->ndocs; d++) {
		const dz_rdoc *doc = &c->docs[d];
		size_t sub = 0;
		char h[48];
		dz_buf_puts(b, "<section class=\"document\" data-document=\"");
		esc(b, doc->document);
		if (rv->zh) {
			char cn[40];
			dz_cn_number(cn, sizeof cn, d + 1);
			snprintf(h, sizeof h, "（%s）", cn);
		} else {
			snprintf(h, sizeof h, "%zu.%zu ", i + 2, d + 1);
		}
		el(b, "\"><h3>", h, "");
		el(b, "", doc->title, "</h3>\n");
		for (s = 0; s < doc->n; s++) {
			const dz_rsection *sec = &doc->s[s];
			if (*sec->section) {
				dz_buf_puts(b, "<section class=\"section\" data-section=\"");
				esc(b, sec->section);
				if (rv->zh)
					snprintf(h, sizeof h, "%zu. ", ++sub);
				else
					snprintf(h, sizeof h, "%zu.%zu.%zu ", i + 2, d + 1, ++sub);
				el(b, "\"><h4>", h, "");
				el(b, "", sec->title, "</h4>\n");
			}
			for (k = 0; k < sec->n; k++)
				finding(b, rv, &sec->f[k]);
			if (*sec->section)
				dz_buf_puts(b, "</section>\n");
		}
		dz_buf_puts(b, "</section>\n");
	}
	dz_buf_puts(b, "</section>\n");
}

/* The chapter number of input i (the summary is the first): 二、 or 2. */
static void chapter(char *buf, size_t n, const dossier_review *rv, size_t i)
{
	char cn[40];
	if (!rv->zh) {
		snprintf(buf, n, "%zu. ", i + 2);
		return;
	}
	dz_cn_number(cn, sizeof cn, i + 2);
	snprintf(buf, n, "%s、", cn);
}

int dossier_review_html_write(const dossier_review *rv, const char *path)
{
	dz_buf b = DZ_BUF_INIT;
	size_t i, nc[3] = {0, 0, 0};
	char sub[200], num[48];
	int rc;
	for (i = 0; i < rv->n; i++)
		nc[rv->c[i].status]++;
	snprintf(sub, sizeof sub, rv->zh ? "关于%zu份创新中心报送材料的" : "%zu dossiers of innovation centres", rv->n);
	dz_buf_printf(&b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n",
		      rv->zh ? "zh-CN" : "en");
	dz_buf_puts(&b, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
		    "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n"
		    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		    "<meta name=\"generator\" content=\"dossier " DOSSIER_VERSION "\">\n<title>");
	if (rv->zh)
		esc(&b, sub);
	else {
		esc(&b, rv->title);
		dz_buf_puts(&b, ": ");
		esc(&b, sub);
	}
	if (rv->zh)
		esc(&b, rv->title);
	dz_buf_puts(&b, "</title>\n<style>");
	dz_buf_puts(&b, style);
	dz_buf_puts(&b, "</style>\n</head>\n<body>\n<header>");
	el(&b, "<p class=\"sub\">", sub, "</p>");
	el(&b, "<h1>", rv->title, "</h1><p class=\"meta\">");
	if (rv->zh)
		dz_buf_printf(&b, "审核结果：完整 %zu，不完整 %zu，无法读取 %zu　生成日期：", nc[0], nc[1], nc[2]);
	else
		dz_buf_printf(&b, "Outcome: %zu complete, %zu incomplete, %zu unreadable · Date: ",
			      nc[0], nc[1], nc[2]);
	esc(&b, rv->date);
	dz_buf_puts(&b, DZ_RL(rv, "　生成工具：dossier " DOSSIER_VERSION, " · Made by dossier " DOSSIER_VERSION));
	dz_buf_puts(&b, "</p></header>\n<nav class=\"toc\"><h2>");
	esc(&b, DZ_RL(rv, "目录", "Contents"));
	dz_buf_puts(&b, "</h2><ol><li><a href=\"#summary\">");
	esc(&b, DZ_RL(rv, "一、审核汇总", "1. Summary"));
	dz_buf_puts(&b, "</a></li>");
	for (i = 0; i < rv->n; i++) {
		chapter(num, sizeof num, rv, i);
		dz_buf_printf(&b, "<li><a href=\"#c%zu\">", i + 1);
		esc(&b, num);
		esc(&b, *rv->c[i].name ? rv->c[i].name : rv->c[i].input);
		dz_buf_puts(&b, "</a></li>");
	}
	dz_buf_puts(&b, "</ol></nav>\n<main>\n");
	summary(&b, rv, nc);
	for (i = 0; i < rv->n; i++) {
		chapter(num, sizeof num, rv, i);
		centre(&b, rv, &rv->c[i], i, num);
	}
	dz_buf_puts(&b, "</main>\n<footer>dossier " DOSSIER_VERSION "</footer>\n<script>");
	dz_buf_puts(&b, script);
	dz_buf_puts(&b, "</script>\n</body>\n</html>\n");
	if (b.oom) {
		dz_buf_dispose(&b);
		return dz_err(DOSSIER_ENOMEM, path, 0, 0, "内存不足", "out of memory", "", "");
	}
	rc = dz_write_atomic(path, b.ptr, b.len);
	dz_buf_dispose(&b);
	return rc;
}
