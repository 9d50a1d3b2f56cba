/*
 * version.c — `dossier --version`: the tool's version, where it reads its
 * data from, and the version of each library it runs on, as the library
 * itself reports it at run time (a shared library upgraded under the
 * binary shows its new version), with the version built against when the
 * two differ.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmark-gfm.h>
#include <hpdf.h>
#include <hb.h>
#include <libxml/xmlversion.h>
#include <libxml/parser.h>
#include <linebreak.h>
#include <openssl/crypto.h>
#include <openssl/opensslv.h>
#include <utf8proc.h>
#include <zip.h>
#include <zlib.h>
#include "cli.h"

/* libxml2 reports "21004" for 2.10.4 */
static void xml_dotted(char *buf, size_t n, const char *v)
{
	long x = strtol(v, NULL, 10);
	snprintf(buf, n, "%ld.%ld.%ld", x / 10000, x / 100 % 100, x % 100);
}

static void row(FILE *f, const char *name, const char *run, const char *built)
{
	fprintf(f, "  %-12s %s", name, run);
	if (built && strcmp(run, built))
		fprintf(f, L("（编译时 %s）", " (built with %s)"), built);
	fputc('\n', f);
}

void cli_print_version(FILE *f)
{
	char xml[32], lb[32];
	xml_dotted(xml, sizeof xml, xmlParserVersion);
	/* libunibreak reports the version of its line-breaking API */
	snprintf(lb, sizeof lb, "linebreak %d.%d", linebreak_version >> 8, linebreak_version & 0xff);
	fprintf(f, "dossier %s\n", DOSSIER_VERSION);
	fprintf(f, L("数据目录：%s\n运行所用的库（运行时版本）：\n",
		     "data: %s\nlibraries (versions in use):\n"), cli_datadir());
	row(f, "libxml2", xml, LIBXML_DOTTED_VERSION);
	row(f, "cmark-gfm", cmark_version_string(), CMARK_GFM_VERSION_STRING);
	row(f, "libharu", HPDF_GetVersion(), HPDF_VERSION_TEXT);
	row(f, "HarfBuzz", hb_version_string(), HB_VERSION_STRING);
	row(f, "libunibreak", lb, NULL);
	row(f, "utf8proc", utf8proc_version(), NULL);
	row(f, "libzip", zip_libzip_version(), LIBZIP_VERSION);
	row(f, "OpenSSL", OpenSSL_version(OPENSSL_VERSION_STRING), OPENSSL_VERSION_STR);
	row(f, "zlib", zlibVersion(), ZLIB_VERSION);
}
