CREATE TABLE "dossier_open_counts" (
	"agency_id" integer PRIMARY KEY NOT NULL,
	"in_time" integer DEFAULT 0 NOT NULL,
	"overdue" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_open_sweep" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"swept_until" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_overdue_procedures" (
	"agency_id" integer NOT NULL,
	"procedure_id" integer NOT NULL,
	"overdue" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "dossier_overdue_procedures_agency_id_procedure_id_pk" PRIMARY KEY("agency_id","procedure_id")
);
--> statement-breakpoint
CREATE TABLE "dossier_subtree_field_rollups" (
	"agency_id" integer NOT NULL,
	"span" "rollup_span" NOT NULL,
	"start" date NOT NULL,
	"field" varchar(255) NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"early" integer DEFAULT 0 NOT NULL,
	"on_time" integer DEFAULT 0 NOT NULL,
	"late" integer DEFAULT 0 NOT NULL,
	"stopped" integer DEFAULT 0 NOT NULL,
	"not_accepted" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "dossier_subtree_field_rollups_agency_id_span_start_field_pk" PRIMARY KEY("agency_id","span","start","field")
);
--> statement-breakpoint
CREATE TABLE "dossier_subtree_rollups" (
	"agency_id" integer NOT NULL,
	"span" "rollup_span" NOT NULL,
	"start" date NOT NULL,
	"channel" "dossier_channel" NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"paid_online" integer DEFAULT 0 NOT NULL,
	"digitised" integer DEFAULT 0 NOT NULL,
	"electronic_result" integer DEFAULT 0 NOT NULL,
	"fee_due" integer DEFAULT 0 NOT NULL,
	"early" integer DEFAULT 0 NOT NULL,
	"on_time" integer DEFAULT 0 NOT NULL,
	"late" integer DEFAULT 0 NOT NULL,
	"stopped" integer DEFAULT 0 NOT NULL,
	"not_accepted" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "dossier_subtree_rollups_agency_id_span_start_channel_pk" PRIMARY KEY("agency_id","span","start","channel")
);
--> statement-breakpoint
DROP INDEX "dossiers_open_due_idx";--> statement-breakpoint
ALTER TABLE "dossier_open_counts" ADD CONSTRAINT "dossier_open_counts_agency_id_agency_units_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_overdue_procedures" ADD CONSTRAINT "dossier_overdue_procedures_agency_id_agency_units_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_overdue_procedures" ADD CONSTRAINT "dossier_overdue_procedures_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_subtree_field_rollups" ADD CONSTRAINT "dossier_subtree_field_rollups_agency_id_agency_units_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_subtree_rollups" ADD CONSTRAINT "dossier_subtree_rollups_agency_id_agency_units_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossiers_open_received_idx" ON "dossiers" USING btree ("received_at","agency_id","procedure_id","effective_due_at","supplement_since") WHERE "dossiers"."finished_at" IS NULL;--> statement-breakpoint
CREATE INDEX "dossiers_open_due_idx" ON "dossiers" USING btree ("effective_due_at","agency_id","procedure_id","supplement_since","received_at") WHERE "dossiers"."finished_at" IS NULL;--> statement-breakpoint
-- Fill the subtree counters from the per-unit rollups (dropped by the next migration) and the open dossiers.
INSERT INTO "dossier_open_sweep" ("id", "swept_until") VALUES (1, now());--> statement-breakpoint
INSERT INTO "dossier_subtree_rollups" ("agency_id", "span", "start", "channel", "received", "paid_online", "digitised",
  "electronic_result", "fee_due", "early", "on_time", "late", "stopped", "not_accepted")
SELECT a.id, r.span, r.start, r.channel, sum(r.received), sum(r.paid_online), sum(r.digitised), sum(r.electronic_result),
  sum(r.fee_due), sum(r.early), sum(r.on_time), sum(r.late), sum(r.stopped), sum(r.not_accepted)
FROM "dossier_rollups" r JOIN "agency_units" u ON u.id = r.agency_id
CROSS JOIN LATERAL unnest(string_to_array(u.path::text, '.')::int[]) AS a(id)
GROUP BY a.id, r.span, r.start, r.channel ORDER BY a.id, r.span, r.start, r.channel;--> statement-breakpoint
INSERT INTO "dossier_subtree_field_rollups" ("agency_id", "span", "start", "field", "received", "early", "on_time", "late",
  "stopped", "not_accepted")
SELECT a.id, r.span, r.start, r.field, sum(r.received), sum(r.early), sum(r.on_time), sum(r.late), sum(r.stopped),
  sum(r.not_accepted)
FROM "dossier_field_rollups" r JOIN "agency_units" u ON u.id = r.agency_id
CROSS JOIN LATERAL unnest(string_to_array(u.path::text, '.')::int[]) AS a(id)
GROUP BY a.id, r.span, r.start, r.field ORDER BY a.id, r.span, r.start, r.field;--> statement-breakpoint
INSERT INTO "dossier_open_counts" ("agency_id", "in_time", "overdue")
SELECT a.id,
  count(*) FILTER (WHERE NOT (CASE WHEN d.supplement_since IS NOT NULL THEN d.effective_due_at < d.supplement_since ELSE d.effective_due_at < s.swept_until END)),
  count(*) FILTER (WHERE (CASE WHEN d.supplement_since IS NOT NULL THEN d.effective_due_at < d.supplement_since ELSE d.effective_due_at < s.swept_until END))
FROM "dossiers" d CROSS JOIN "dossier_open_sweep" s JOIN "agency_units" u ON u.id = d.agency_id
CROSS JOIN LATERAL unnest(string_to_array(u.path::text, '.')::int[]) AS a(id)
WHERE d.finished_at IS NULL
GROUP BY a.id ORDER BY a.id;--> statement-breakpoint
INSERT INTO "dossier_overdue_procedures" ("agency_id", "procedure_id", "overdue")
SELECT a.id, d.procedure_id, count(*)
FROM "dossiers" d CROSS JOIN "dossier_open_sweep" s JOIN "agency_units" u ON u.id = d.agency_id
CROSS JOIN LATERAL unnest(string_to_array(u.path::text, '.')::int[]) AS a(id)
WHERE d.finished_at IS NULL
  AND (CASE WHEN d.supplement_since IS NOT NULL THEN d.effective_due_at < d.supplement_since ELSE d.effective_due_at < s.swept_until END)
GROUP BY a.id, d.procedure_id ORDER BY a.id, d.procedure_id;
