/*
 * common.h — types shared by every stage of the dossier pipeline:
 * error codes, the error record, and the allocator hooks.
 *
 * Conventions (see README "Library API"): functions return 0 on success or a
 * negative dossier_error_code; details of the last failure on this thread
 * are in dossier_error_last(). Objects made by _new/_load are freed with the
 * matching _free, which accepts NULL.
 */
#ifndef DOSSIER_COMMON_H
#define DOSSIER_COMMON_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DOSSIER_VERSION "0.1.0"

/** Error codes. Only ever add at the end; never renumber. */
typedef enum {
	DOSSIER_OK = 0,
	DOSSIER_ERROR = -1,      /**< generic failure */
	DOSSIER_ENOMEM = -2,     /**< allocation failed */
	DOSSIER_EIO = -3,        /**< a file could not be read or written */
	DOSSIER_ENOTFOUND = -4,  /**< a required file or item does not exist */
	DOSSIER_EPARSE = -5,     /**< malformed input (XML, Markdown) */
	DOSSIER_EENCODING = -6,  /**< bytes invalid in the input's encoding */
	DOSSIER_ESCHEMA = -7,    /**< input does not match its published schema */
	DOSSIER_ELIMIT = -8,     /**< a resource limit was hit */
	DOSSIER_EOUTLINE = -9,   /**< the outline file itself is invalid */
	DOSSIER_EUSAGE = -10,    /**< invalid argument from the caller */
	DOSSIER_EFONT = -11,     /**< no configured font can show a character */
	DOSSIER_EINTR = -12      /**< stopped at the caller's request */
} dossier_error_code;

/** Details of the last error. Strings are owned by the library and stay
 *  valid until the next failing call on the same thread. */
typedef struct {
	int code;            /**< a dossier_error_code */
	const char *msg_zh;  /**< what went wrong, in Chinese */
	const char *msg_en;  /**< what went wrong, in English */
	const char *hint_zh; /**< what to do about it (may be empty) */
	const char *hint_en;
	const char *file;    /**< file concerned, or "" */
	int line;            /**< 1-based line, or 0 */
	int column;          /**< 1-based column (characters), or 0 */
} dossier_error;

/** The last error on this thread, or NULL if none was recorded. */
const dossier_error *dossier_error_last(void);

/** Forget the last error. */
void dossier_error_clear(void);

/** Allocator table; all library allocation goes through it. */
typedef struct {
	void *(*malloc)(size_t n);
	void *(*realloc)(void *p, size_t n);
	void (*free)(void *p);
} dossier_allocator;

/** Replace the allocator (call before any other function). NULL restores
 *  the default, which uses the C library. */
void dossier_set_allocator(const dossier_allocator *a);

/** Free a string or buffer the library handed to the caller. */
void dossier_free(void *p);

/** Test switch: make the Nth allocation from now fail (1 = the next one);
 *  0 turns failure injection off. Returns the number of allocations made
 *  since the last call. Used by the fault-injection tests. */
unsigned long dossier_alloc_fail_at(unsigned long n);

#ifdef __cplusplus
}
#endif
#endif
