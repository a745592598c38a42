-- Electronic agency codes are reused by successor units (2025 reorganisation): a code names one unit per day.
ALTER TABLE agency_units ADD CONSTRAINT agency_units_code_validity_excl
  EXCLUDE USING gist (code WITH =, daterange(valid_from, valid_to, '[]') WITH &&);--> statement-breakpoint
ALTER TABLE agency_units ADD CONSTRAINT agency_units_validity_check
  CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to);--> statement-breakpoint
ALTER TABLE procedures ADD CONSTRAINT procedures_days_check
  CHECK (statutory_days >= 0 AND committed_days >= 0 AND committed_days <= statutory_days);
