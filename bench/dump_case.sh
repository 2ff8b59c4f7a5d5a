#!/usr/bin/env bash
# Entities and statements of a case store as text, in row order, for diffing the stores
# two builds wrote from the same input. The evidence item's own statements carry its
# added_at as observed_at, which differs between runs, so that one column is blanked.
# Usage: bench/dump_case.sh CASE_DIR > dump.txt
set -euo pipefail
db=$1/case.db
[[ -f $db ]] || { echo "no case store at $db" >&2; exit 2; }
sqlite3 -batch -list -separator '|' "$db" <<'SQL'
SELECT 'E', rid, id, schema, canonical_id, caption FROM entities ORDER BY rid;
SELECT 'S', id, entity, property, value, original_value, evidence, loc_offset, loc_length, loc_record, extractor,
       CASE WHEN extractor = 'evidence@1' THEN '' ELSE observed_at END, kind, confidence, ident
  FROM statements ORDER BY id;
SQL
