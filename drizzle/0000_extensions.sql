-- Extensions the hub uses; each exists both in PGlite (contrib) and in PostgreSQL's contrib package.
CREATE EXTENSION IF NOT EXISTS ltree;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pgcrypto;--> statement-breakpoint
-- Search normalisation: lower case, no diacritics (đ/Đ become d). unaccent() is only STABLE because its
-- dictionary could change; pinning the dictionary makes the wrapper safe to declare IMMUTABLE for indexes.
CREATE OR REPLACE FUNCTION lt_norm(value text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;
