/*
 * token.c — signing keys that never leave a PKCS#11 token (a UKey, a smart
 * card, an HSM): `--key 'pkcs11:token=...;object=...'`, an RFC 7512 URI.
 *
 * Through libp11's `pkcs11` engine (Debian: libengine-pkcs11-openssl),
 * because it is what Debian 12 ships for OpenSSL 3.0: the pkcs11-provider,
 * the OpenSSL 3 way, only arrives with later Debian releases. The engine
 * API is deprecated in OpenSSL 3.0 but supported through 3.x; this file
 * alone uses it, so only it silences the deprecation warnings. The key it
 * returns is an EVP_PKEY whose private operations run on the token; CMS
 * and the SM2 code use it like any other key.
 *
 * The module is p11-kit's proxy (every module registered with p11-kit, as
 * Debian's softhsm2 and opensc are) unless the URI names one with the RFC
 * 7512 query attribute `module-path`. The PIN comes from the caller's
 * password callback (a file, an environment variable or the terminal),
 * never from the URI: `pin-value` and `pin-source` are refused.
 */
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>
#include <openssl/crypto.h>
#include <openssl/engine.h>
#include <openssl/err.h>
#include "util/util.h"
#include "pack_int.h"

int dz_is_token_uri(const char *key)
{
	return key && !strncmp(key, "pkcs11:", 7);
}

static int uri_error(const char *uri, const char *zh, const char *en)
{
	return dz_err(DOSSIER_EUSAGE, uri, 0, 0, zh, en,
		      "写成 pkcs11:token=令牌标签;object=密钥标签（RFC 7512），PIN 用 "
		      "--password-file 或 --password-env 给出，或在终端上输入。",
		      "Write pkcs11:token=LABEL;object=KEY-LABEL (RFC 7512) and give the PIN "
		      "with --password-file or --password-env, or on the terminal.");
}

/* The path part of the URI for the engine, and the module-path query
 * attribute (percent-decoded), if any. */
static int split_uri(const char *uri, char **path, char **module)
{
	const char *q = strchr(uri, '?');
	*path = dz_strndup(uri, q ? (size_t)(q - uri) : strlen(uri));
	*module = NULL;
	if (!*path)
		return DOSSIER_ENOMEM;
	if (strstr(*path, "pin-value=") || strstr(*path, "pin-source=") ||
	    (q && (strstr(q, "pin-value=") || strstr(q, "pin-source="))))
		return uri_error(uri, "PIN 不能写在 URI 里（命令行上其他用户可见）",
				 "a PIN is never taken from the URI (other users can read the "
				 "command line)");
	while (q && *q) {
		const char *a = q + 1, *end = a + strcspn(a, "&");
		if (!strncmp(a, "module-path=", 12)) {
			char *enc = dz_strndup(a + 12, (size_t)(end - a - 12));
			int rc;
			if (!enc)
				return DOSSIER_ENOMEM;
			dz_free(*module);
			rc = dz_uri_decode(module, enc);
			dz_free(enc);
			if (rc)
				return rc == DOSSIER_ENOMEM ? rc
				       : uri_error(uri, "module-path 的百分号编码无效",
						   "module-path is not validly percent-encoded");
		} else if (end > a) {
			return uri_error(uri, "不支持的 URI 查询属性（只支持 module-path）",
					 "an unsupported URI query attribute (only module-path is)");
		}
		q = *end ? end : NULL;
	}
	return 0;
}

static int engine_error(const char *uri, const char *zh, const char *en)
{
	const char *why = dz_ssl_error();
	return dz_errf(DOSSIER_EUSAGE, uri, 0, 0,
		       "确认令牌已插入、URI 中的 token 与 object 标签正确、PIN 正确；"
		       "安装 libengine-pkcs11-openssl（scripts/install-deps.sh）。",
		       "Check that the token is present, the token and object labels of the "
		       "URI are right and so is the PIN; install libengine-pkcs11-openssl "
		       "(scripts/install-deps.sh).", "%s%.0s（%s）", "%.0s%s (%s)", zh, en, why);
}

/* libp11 keeps the RSA and EC methods it makes in statics it never frees;
 * once OpenSSL unloads the engine at exit they would be lost (a leak the
 * sanitizer build reports). Keep the library mapped until the process ends. */
static void pin_engine_library(void)
{
	static int done;
	const char *dir = OpenSSL_version(OPENSSL_ENGINES_DIR);
	const char *q = dir ? strchr(dir, '"') : NULL;
	char path[512];
	size_t n;
	if (done || !q)
		return;
	done = 1;
	n = strcspn(q + 1, "\"");
	if (n + sizeof "/pkcs11.so" > sizeof path)
		return;
	snprintf(path, sizeof path, "%.*s/pkcs11.so", (int)n, q + 1);
	(void)dlopen(path, RTLD_NOW | RTLD_NODELETE);
}

int dz_token_load(EVP_PKEY **out, const char *uri,
		  int (*pin)(char *buf, size_t size, const char *what, void *payload),
		  void *payload)
{
	char *path = NULL, *module = NULL, buf[256];
	ENGINE *e = NULL;
	int rc, n, init = 0;
	*out = NULL;
	if ((rc = split_uri(uri, &path, &module)) != 0)
		goto done;
	ENGINE_load_builtin_engines();
	pin_engine_library();
	if (!(e = ENGINE_by_id("pkcs11"))) {
		rc = engine_error(uri, "无法加载 OpenSSL 的 pkcs11 引擎",
				  "cannot load OpenSSL's pkcs11 engine");
		goto done;
	}
	/* libp11 prints its own errors on stderr unless told not to; ours
	 * say what to do */
	ENGINE_ctrl_cmd_string(e, "QUIET", NULL, 1);
	if (module && !ENGINE_ctrl_cmd_string(e, "MODULE_PATH", module, 0)) {
		rc = engine_error(uri, "无法设置 PKCS#11 模块", "cannot set the PKCS#11 module");
		goto done;
	}
	/* a signing key always needs a login: ask once, before the engine
	 * would prompt on its own */
	n = pin ? pin(buf, sizeof buf, uri, payload) : -1;
	if (n < 0 || (size_t)n >= sizeof buf) {
		rc = dz_err(DOSSIER_EUSAGE, uri, 0, 0, "令牌需要 PIN，但没有给出",
			    "the token needs a PIN and none was given",
			    "用 --password-file 文件 或 --password-env 变量名 给出 PIN，或在终端上运行以便输入。",
			    "Give the PIN with --password-file FILE or --password-env VAR, or run on "
			    "a terminal to be asked for it.");
		goto done;
	}
	buf[n] = '\0';
	if (!ENGINE_ctrl_cmd_string(e, "PIN", buf, 0) || !(init = ENGINE_init(e))) {
		rc = engine_error(uri, "无法初始化 PKCS#11 模块", "cannot initialise the PKCS#11 module");
		goto done;
	}
	*out = ENGINE_load_private_key(e, path, NULL, NULL);
	if (!*out)
		rc = engine_error(uri, "令牌上找不到私钥，或 PIN 错误",
				  "no such private key on the token, or a wrong PIN");
done:
	OPENSSL_cleanse(buf, sizeof buf);
	/* the key keeps its own reference to the engine */
	if (init)
		ENGINE_finish(e);
	ENGINE_free(e);
	ERR_clear_error();
	dz_free(path);
	dz_free(module);
	return rc;
}
