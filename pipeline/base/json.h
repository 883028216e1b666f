/* json.h: writing JSON strings (RFC 8259). shenbao writes its JSON
 * itself and reads JSON (baselines, findings to compare) through
 * jansson. */
#ifndef SB_PIPELINE_JSON_H
#define SB_PIPELINE_JSON_H

#include <stddef.h>
#include <stdio.h>

/* Write s (len bytes of UTF-8) as a quoted JSON string; NULL writes
 * null. Control characters are escaped; other bytes pass through. */
void sb_json_str(FILE *out, const char *s, size_t len);

/* As sb_json_str for a NUL-terminated string (or NULL). */
void sb_json_cstr(FILE *out, const char *s);

#endif
