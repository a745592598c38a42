CREATE TYPE "public"."rollup_span" AS ENUM('DAY', 'MONTH');--> statement-breakpoint
CREATE TABLE "dossier_field_rollups" (
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
	CONSTRAINT "dossier_field_rollups_agency_id_span_start_field_pk" PRIMARY KEY("agency_id","span","start","field")
);
--> statement-breakpoint
CREATE TABLE "dossier_rollups" (
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
	CONSTRAINT "dossier_rollups_agency_id_span_start_channel_pk" PRIMARY KEY("agency_id","span","start","channel")
);
--> statement-breakpoint
ALTER TABLE "dossier_field_rollups" ADD CONSTRAINT "dossier_field_rollups_agency_id_agency_units_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_rollups" ADD CONSTRAINT "dossier_rollups_agency_id_agency_units_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossiers_open_agency_idx" ON "dossiers" USING btree ("agency_id","effective_due_at") WHERE "dossiers"."finished_at" IS NULL;