/*
 * pack.h — stage 5 of the pipeline: the signed submission package.
 *
 * A package is a profile of ETSI ASiC-E with CAdES (EN 319 162-1): a ZIP
 * whose first entry is `mimetype` (stored), followed by the rendered
 * reports, centre.xml, sections/<id>.md and evidence/, and META-INF/ with an
 * XML manifest (ASiCManifest) listing every data entry — path, size, media
 * type, role, the outline item it supports, SHA-256 (and SM3 with an SM2
 * signer) — plus a detached CMS signature over the manifest (RSA or ECDSA,
 * CAdES signed attributes, certificate chain included) and/or a plain SM2
 * signature. doc/package.md describes the format and how a receiver checks
 * it with stock OpenSSL.
 *
 * dossier_pack_write() reads every input file once, computing the CRC and
 * the digests in the same pass as it compresses, writes the manifest and
 * signatures at the end (no rewrite), and publishes the package atomically:
 * an error or cancellation leaves nothing behind.
 */
#ifndef DOSSIER_PACK_H
#define DOSSIER_PACK_H

#include <stddef.h>
#include <stdint.h>
#include "common.h"
#include "load.h"
#include "check.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A private key with its certificate and chain. */
typedef struct dossier_signer dossier_signer;

typedef enum {
	DOSSIER_KEY_RSA = 0,   /**< RSA, at least 2048 bits (3072 recommended) */
	DOSSIER_KEY_EC = 1,    /**< ECDSA on P-256, P-384 or P-521 */
	DOSSIER_KEY_SM2 = 2    /**< SM2 (GB/T 32918) with SM3 */
} dossier_key_kind;

/**
 * Asked for the password of an encrypted key. Write at most `size - 1`
 * bytes and a NUL into `buf`; return the length, or -1 if no password can
 * be had (the load then fails saying how to give one). `what` names the
 * key file. Called at most once per key, and only if the key is encrypted.
 */
typedef int (*dossier_password_cb)(char *buf, size_t size, const char *what,
				   void *payload);

/**
 * Load a signer. `key_path` is a PEM private key (PKCS#8 or traditional,
 * encrypted or not), a DER PKCS#8 key, or a PKCS#12 file (.p12/.pfx, which
 * may also carry the certificate and chain). `cert_path` is the PEM or DER
 * certificate (NULL if the PKCS#12 file has it). `chain_path` (optional) is
 * a PEM file of intermediate certificates; of them, those on the
 * certificate's path (issuer, its issuer ... short of a root) are kept, in
 * that order. The certificate must match the key, be within its validity
 * period and allow signing; key, certificate and kept chain must meet the
 * verifier's default algorithm policy (doc/package.md). Free with
 * dossier_signer_free().
 */
int dossier_signer_load(dossier_signer **out, const char *key_path,
			const char *cert_path, const char *chain_path,
			dossier_password_cb password, void *payload);
void dossier_signer_free(dossier_signer *s);
dossier_key_kind dossier_signer_kind(const dossier_signer *s);
/** The certificate's subject as one UTF-8 line (borrowed). */
const char *dossier_signer_subject(const dossier_signer *s);

/** Progress of a long operation: bytes of entry data done out of total. */
typedef struct {
	uint64_t done, total;
	const char *entry;   /**< entry being processed (borrowed), or "" */
} dossier_progress;

/** Called after every chunk (about 1 MiB) and at the end; return non-zero
 *  to cancel (the call then fails, leaving nothing written). */
typedef int (*dossier_progress_cb)(const dossier_progress *p, void *payload);

typedef struct {
	unsigned version;             /**< DOSSIER_PACK_OPTIONS_VERSION */
	const char *reports_dir;      /**< files written by `dossier render`, or NULL */
	int allow_incomplete;         /**< pack even with error findings (recorded) */
	long long source_date;        /**< seconds since 1970 for every date in
					   the package; -1: now */
	int level;                    /**< deflate level 1-9 for every entry; 0: 6
					   for entries up to 16 MiB, 1 above */
	int force_zip64;              /**< write ZIP64 records even when not needed */
	dossier_progress_cb progress; /**< or NULL */
	void *payload;
	/* version 2 */
	const char *tsa_url;          /**< an RFC 3161 time-stamp authority
					   (http or https): the CAdES signature
					   is time-stamped (CAdES-B-T); NULL: not */
} dossier_pack_options;

#define DOSSIER_PACK_OPTIONS_VERSION 2
#define DOSSIER_PACK_OPTIONS_INIT \
	{DOSSIER_PACK_OPTIONS_VERSION, NULL, 0, -1, 0, 0, NULL, NULL, NULL}

/**
 * Write the package `out_path` for `centre`, which `findings` (the result of
 * dossier_check_run against `outline`) describe. Refuses (DOSSIER_EUSAGE) if
 * the findings hold an error and `allow_incomplete` is not set. `signers`
 * holds one or two signers: at most one RSA/ECDSA signer (CAdES) and at most
 * one SM2 signer. The package is written to an unnamed temporary file in the
 * target directory and linked into place only when complete.
 */
int dossier_pack_write(const char *out_path, const dossier_centre *centre,
		       const dossier_outline *outline,
		       const dossier_report *findings,
		       dossier_signer *const *signers, size_t nsigners,
		       const dossier_pack_options *opts);

typedef struct {
	unsigned version;   /**< DOSSIER_KEYGEN_OPTIONS_VERSION */
	int overwrite;      /**< replace existing files */
	int days;           /**< validity of the signer certificates */
} dossier_keygen_options;

#define DOSSIER_KEYGEN_OPTIONS_VERSION 1
#define DOSSIER_KEYGEN_OPTIONS_INIT {DOSSIER_KEYGEN_OPTIONS_VERSION, 0, 825}

/**
 * Make a throwaway TEST PKI in `dir` (created if missing): a root CA and an
 * issuing CA (ECDSA P-256) with an RSA-3072 and an ECDSA P-256 signer, and
 * an SM2 root with an SM2 signer (certificates signed with the GM/T 0009
 * distinguishing ID). Keys are written unencrypted, mode 0600. These keys
 * prove nothing about anyone: real signing keys come from a CA.
 */
int dossier_keygen(const char *dir, const dossier_keygen_options *opts);

#ifdef __cplusplus
}
#endif
#endif
