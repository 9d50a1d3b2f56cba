/*
 * keygen.c — dossier_keygen(): a throwaway TEST PKI so `make demo` and the
 * tests can sign packages. Real signing keys and certificates come from a
 * CA (CFCA, a provincial CA, a UKey); nothing made here identifies anyone.
 *
 *   ca.pem / ca.key                 root CA, ECDSA P-256, 10 years
 *   issuing-ca.pem / .key, chain.pem  issuing CA under the root (pathlen 0)
 *   rsa.pem / rsa.key               RSA-3072 signer, issued by the issuing CA
 *   ec.pem / ec.key                 ECDSA P-256 signer, same issuer
 *   sm2-ca.pem / sm2-ca.key         SM2 root (signed with SM3 and the
 *                                   GM/T 0009 distinguishing ID)
 *   sm2.pem / sm2.key               SM2 signer under the SM2 root
 *   trust.pem                       ca.pem + sm2-ca.pem, for verify --ca
 * Signers carry keyUsage digitalSignature+nonRepudiation (critical) and
 * extendedKeyUsage emailProtection+documentSigning, which both dossier and
 * stock `openssl cms -verify` accept.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>
#include "util/util.h"
#include "pack_int.h"

typedef struct {
	EVP_PKEY *key;
	X509 *cert;
} pair;

static int ssl_fail(const char *what)
{
	return dz_errf(DOSSIER_ERROR, "", 0, 0, "检查 OpenSSL 安装（需要 SM2 支持）。",
		       "Check the OpenSSL installation (SM2 support is needed).",
		       "无法生成%s（%s）", "cannot make the %s (%s)", what, dz_ssl_error());
}

static int add_ext(X509 *x, X509 *issuer, int nid, const char *value)
{
	X509V3_CTX ctx;
	X509_EXTENSION *ext;
	X509V3_set_ctx(&ctx, issuer ? issuer : x, x, NULL, NULL, 0);
	ext = X509V3_EXT_conf_nid(NULL, &ctx, nid, value);
	if (!ext)
		return 0;
	if (!X509_add_ext(x, ext, -1)) {
		X509_EXTENSION_free(ext);
		return 0;
	}
	X509_EXTENSION_free(ext);
	return 1;
}

static int sign(X509 *x, EVP_PKEY *key)
{
	EVP_MD_CTX *m;
	int ok;
	if (!EVP_PKEY_is_a(key, "SM2"))
		return X509_sign(x, key, EVP_sha256()) > 0;
	m = EVP_MD_CTX_new();
	ok = m && dz_sm2_md_init(m, key, 1) && X509_sign_ctx(x, m) > 0;
	EVP_MD_CTX_free(m);
	return ok;
}

/* Make a key of `type` and a certificate for it, signed by `issuer` (or
 * self-signed). `ca`: 0 signer, 1 root, 2 issuing CA. */
static int make(pair *out, const char *type, const char *cn, const char *org,
		const pair *issuer, int ca, int days)
{
	X509 *x = NULL;
	X509_NAME *name;
	BIGNUM *bn = BN_new();
	ASN1_INTEGER *serial = NULL;
	int ok;
	memset(out, 0, sizeof out[0]);
	if (!strcmp(type, "RSA"))
		out->key = EVP_PKEY_Q_keygen(NULL, NULL, "RSA", (size_t)3072);
	else if (!strcmp(type, "EC"))
		out->key = EVP_PKEY_Q_keygen(NULL, NULL, "EC", "P-256");
	else
		out->key = EVP_PKEY_Q_keygen(NULL, NULL, "SM2");
	ok = out->key && bn && (x = X509_new()) != NULL &&
	     X509_set_version(x, X509_VERSION_3) &&
	     BN_rand(bn, 127, BN_RAND_TOP_ONE, BN_RAND_BOTTOM_ANY) &&
	     (serial = BN_to_ASN1_INTEGER(bn, NULL)) != NULL &&
	     X509_set_serialNumber(x, serial) &&
	     X509_gmtime_adj(X509_getm_notBefore(x), -3600) &&
	     X509_gmtime_adj(X509_getm_notAfter(x), (long)(ca ? 3650 : days) * 86400L) &&
	     X509_set_pubkey(x, out->key);
	name = ok ? X509_get_subject_name(x) : NULL;
	ok = ok && X509_NAME_add_entry_by_txt(name, "C", MBSTRING_UTF8, (const unsigned char *)"CN", -1, -1, 0) &&
	     X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, (const unsigned char *)org, -1, -1, 0) &&
	     X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, (const unsigned char *)cn, -1, -1, 0) &&
	     X509_set_issuer_name(x, issuer ? X509_get_subject_name(issuer->cert) : name) &&
	     add_ext(x, NULL, NID_subject_key_identifier, "hash") &&
	     add_ext(x, issuer ? issuer->cert : NULL, NID_authority_key_identifier, "keyid:always");
	if (ok && ca)
		ok = add_ext(x, NULL, NID_basic_constraints,
			     ca == 1 ? "critical,CA:TRUE" : "critical,CA:TRUE,pathlen:0") &&
		     add_ext(x, NULL, NID_key_usage, "critical,keyCertSign,cRLSign");
	else if (ok)
		ok = add_ext(x, NULL, NID_basic_constraints, "critical,CA:FALSE") &&
		     add_ext(x, NULL, NID_key_usage, "critical,digitalSignature,nonRepudiation") &&
		     add_ext(x, NULL, NID_ext_key_usage, "emailProtection,1.3.6.1.5.5.7.3.36");
	ok = ok && sign(x, issuer ? issuer->key : out->key);
	ASN1_INTEGER_free(serial);
	BN_free(bn);
	if (!ok) {
		X509_free(x);
		EVP_PKEY_free(out->key);
		out->key = NULL;
		return ssl_fail(cn);
	}
	out->cert = x;
	return 0;
}

static int write_file(const char *dir, const char *name, int secret, int overwrite,
		      EVP_PKEY *key, X509 *const *certs, int ncerts)
{
	char *path = dz_fmt("%s/%s", dir, name);
	int fd, ok, i;
	BIO *b;
	if (!path)
		return DOSSIER_ENOMEM;
	fd = open(path, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC |
		  (overwrite ? O_TRUNC : O_EXCL), secret ? 0600 : 0644);
	if (fd < 0) {
		int rc = dz_errf(DOSSIER_EIO, path, 0, 0,
				 "换一个空目录，或加 --force 覆盖。",
				 "Use an empty directory, or add --force to overwrite.",
				 "无法写入（%s）", "cannot write (%s)", strerror(errno));
		dz_free(path);
		return rc;
	}
	b = BIO_new_fd(fd, BIO_CLOSE);
	ok = b != NULL;
	if (ok && key)
		ok = PEM_write_bio_PrivateKey(b, key, NULL, NULL, 0, NULL, NULL);
	for (i = 0; ok && i < ncerts; i++)
		ok = PEM_write_bio_X509(b, certs[i]);
	if (b)
		ok = BIO_flush(b) == 1 && ok;
	else
		close(fd);
	BIO_free(b);
	if (!ok) {
		int rc = dz_errf(DOSSIER_EIO, path, 0, 0, "检查磁盘空间。", "Check the free disk space.",
				 "写入失败（%s）", "write failed (%s)", dz_ssl_error());
		dz_free(path);
		return rc;
	}
	dz_free(path);
	return 0;
}

static const char readme[] =
	"dossier keygen: a TEST PKI. These keys prove nothing about anyone.\n"
	"仅供测试：这些密钥与证书不代表任何人，不得用于真实报送。\n\n"
	"Real signing keys and certificates come from a CA (CFCA, a provincial CA,\n"
	"a UKey issued to the host unit). Use these only to try dossier pack/verify:\n\n"
	"  dossier pack -o test.asice --key rsa.key --cert rsa.pem --chain chain.pem DIR\n"
	"  dossier verify --ca trust.pem test.asice\n";

int dossier_keygen(const char *dir, const dossier_keygen_options *opts)
{
	dossier_keygen_options def = DOSSIER_KEYGEN_OPTIONS_INIT;
	static const char *files[] = {"ca.pem", "ca.key", "issuing-ca.pem", "issuing-ca.key",
				      "chain.pem", "rsa.pem", "rsa.key", "ec.pem", "ec.key",
				      "sm2-ca.pem", "sm2-ca.key", "sm2.pem", "sm2.key",
				      "trust.pem", "README.txt"};
	pair root = {0}, inter = {0}, rsa = {0}, ec = {0}, sroot = {0}, sm2 = {0};
	const char *org = "dossier 测试 CA（仅供测试）", *sorg = "示例创新中心（仅供测试）";
	struct stat st;
	size_t i;
	int rc = 0, ow;
	if (!opts)
		opts = &def;
	ow = opts->overwrite;
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return dz_errf(DOSSIER_EIO, dir, 0, 0, "检查上级目录的写权限。",
			       "Check that the parent folder is writable.",
			       "无法创建目录（%s）", "cannot create the directory (%s)", strerror(errno));
	for (i = 0; !ow && i < sizeof files / sizeof files[0]; i++) {
		char *p = dz_fmt("%s/%s", dir, files[i]);
		int exists = p && lstat(p, &st) == 0;
		dz_free(p);
		if (exists)
			return dz_errf(DOSSIER_EUSAGE, dir, 0, 0,
				       "换一个空目录，或加 --force 覆盖。",
				       "Use an empty directory, or add --force to overwrite.",
				       "目录中已有 %s", "%s already exists in the directory", files[i]);
	}
	if ((rc = make(&root, "EC", "dossier TEST Root CA", org, NULL, 1, 0)) != 0 ||
	    (rc = make(&inter, "EC", "dossier TEST Issuing CA", org, &root, 2, 0)) != 0 ||
	    (rc = make(&rsa, "RSA", "Submission Signer RSA (TEST)", sorg, &inter, 0, opts->days)) != 0 ||
	    (rc = make(&ec, "EC", "Submission Signer ECDSA (TEST)", sorg, &inter, 0, opts->days)) != 0 ||
	    (rc = make(&sroot, "SM2", "dossier TEST SM2 Root CA", org, NULL, 1, 0)) != 0 ||
	    (rc = make(&sm2, "SM2", "Submission Signer SM2 (TEST)", sorg, &sroot, 0, opts->days)) != 0)
		goto done;
	{
		X509 *trust[2] = {root.cert, sroot.cert};
		if ((rc = write_file(dir, "ca.pem", 0, ow, NULL, &root.cert, 1)) != 0 ||
		    (rc = write_file(dir, "ca.key", 1, ow, root.key, NULL, 0)) != 0 ||
		    (rc = write_file(dir, "issuing-ca.pem", 0, ow, NULL, &inter.cert, 1)) != 0 ||
		    (rc = write_file(dir, "issuing-ca.key", 1, ow, inter.key, NULL, 0)) != 0 ||
		    (rc = write_file(dir, "chain.pem", 0, ow, NULL, &inter.cert, 1)) != 0 ||
		    (rc = write_file(dir, "rsa.pem", 0, ow, NULL, &rsa.cert, 1)) != 0 ||
		    (rc = write_file(dir, "rsa.key", 1, ow, rsa.key, NULL, 0)) != 0 ||
		    (rc = write_file(dir, "ec.pem", 0, ow, NULL, &ec.cert, 1)) != 0 ||
		    (rc = write_file(dir, "ec.key", 1, ow, ec.key, NULL, 0)) != 0 ||
		    (rc = write_file(dir, "sm2-ca.pem", 0, ow, NULL, &sroot.cert, 1)) != 0 ||
		    (rc = write_file(dir, "sm2-ca.key", 1, ow, sroot.key, NULL, 0)) != 0 ||
		    (rc = write_file(dir, "sm2.pem", 0, ow, NULL, &sm2.cert, 1)) != 0 ||
		    (rc = write_file(dir, "sm2.key", 1, ow, sm2.key, NULL, 0)) != 0 ||
		    (rc = write_file(dir, "trust.pem", 0, ow, NULL, trust, 2)) != 0)
			goto done;
	}
	{
		char *p = dz_fmt("%s/README.txt", dir);
		int fd = p ? open(p, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC |
				  (ow ? O_TRUNC : O_EXCL), 0644) : -1;
		ssize_t w = fd >= 0 ? write(fd, readme, sizeof readme - 1) : -1;
		if (fd >= 0)
			close(fd);
		if (w != (ssize_t)(sizeof readme - 1))
			rc = dz_errf(DOSSIER_EIO, p ? p : dir, 0, 0, "", "", "写入失败（%s）",
				     "write failed (%s)", strerror(errno));
		dz_free(p);
	}
done:
	{
		pair *all[] = {&root, &inter, &rsa, &ec, &sroot, &sm2};
		for (i = 0; i < 6; i++) {
			EVP_PKEY_free(all[i]->key);
			X509_free(all[i]->cert);
		}
	}
	return rc;
}
