CREATE TYPE "public"."applicant_kind" AS ENUM('CITIZEN', 'ORGANISATION');--> statement-breakpoint
CREATE TYPE "public"."calendar_exception_kind" AS ENUM('DAY_OFF', 'WORKING_DAY');--> statement-breakpoint
CREATE TYPE "public"."dossier_channel" AS ENUM('DIRECT', 'ONLINE', 'POSTAL');--> statement-breakpoint
CREATE TYPE "public"."dossier_event_kind" AS ENUM('RECEIVED', 'RECORDED', 'UPDATED');--> statement-breakpoint
CREATE TYPE "public"."dossier_status" AS ENUM('SUBMITTED', 'ACCEPTED', 'NOT_ACCEPTED', 'IN_PROCESS', 'SUPPLEMENT_REQUESTED', 'PAYMENT_REQUESTED', 'WITHDRAWAL_REQUESTED', 'STOPPED', 'RESOLVED', 'RETURNED');--> statement-breakpoint
CREATE TYPE "public"."finished_timeliness" AS ENUM('EARLY', 'ON_TIME', 'LATE');--> statement-breakpoint
CREATE TABLE "calendar_exceptions" (
	"date" date PRIMARY KEY NOT NULL,
	"kind" "calendar_exception_kind" NOT NULL,
	"name" varchar(200) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_events" (
	"position" bigserial PRIMARY KEY NOT NULL,
	"event_id" varchar(100),
	"dossier_id" bigint NOT NULL,
	"kind" "dossier_event_kind" NOT NULL,
	"from_status" "dossier_status",
	"to_status" "dossier_status" NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"agency_id" integer NOT NULL,
	"previous_agency_id" integer,
	"note" varchar(2000),
	"recorded_by" varchar(64),
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossier_events_event_id_unique" UNIQUE("event_id")
);
--> statement-breakpoint
CREATE TABLE "dossiers" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"code" varchar(40) NOT NULL,
	"procedure_id" integer NOT NULL,
	"agency_id" integer NOT NULL,
	"holder_id" integer NOT NULL,
	"channel" "dossier_channel" NOT NULL,
	"status" "dossier_status" NOT NULL,
	"initial_status" "dossier_status" NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"effective_due_at" timestamp with time zone NOT NULL,
	"supplement_count" integer DEFAULT 0 NOT NULL,
	"supplement_days" integer DEFAULT 0 NOT NULL,
	"supplement_since" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"timeliness" "finished_timeliness",
	"last_event_at" timestamp with time zone NOT NULL,
	"paid_online" boolean DEFAULT false NOT NULL,
	"digitised" boolean DEFAULT false NOT NULL,
	"electronic_result" boolean DEFAULT false NOT NULL,
	"applicant_kind" "applicant_kind",
	"applicant_name" varchar(255),
	"applicant_identity" varchar(20),
	"applicant_phone" varchar(20),
	"applicant_email" varchar(255),
	"applicant_address" varchar(500),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossiers_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "dossier_events" ADD CONSTRAINT "dossier_events_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_events" ADD CONSTRAINT "dossier_events_agency_id_agency_units_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_events" ADD CONSTRAINT "dossier_events_previous_agency_id_agency_units_id_fk" FOREIGN KEY ("previous_agency_id") REFERENCES "public"."agency_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_agency_id_agency_units_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_holder_id_agency_units_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."agency_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossier_events_dossier_idx" ON "dossier_events" USING btree ("dossier_id","position");--> statement-breakpoint
CREATE INDEX "dossiers_agency_received_idx" ON "dossiers" USING btree ("agency_id","received_at");--> statement-breakpoint
CREATE INDEX "dossiers_holder_idx" ON "dossiers" USING btree ("holder_id","received_at");--> statement-breakpoint
CREATE INDEX "dossiers_status_idx" ON "dossiers" USING btree ("status");--> statement-breakpoint
CREATE INDEX "dossiers_procedure_idx" ON "dossiers" USING btree ("procedure_id","received_at");--> statement-breakpoint
CREATE INDEX "dossiers_received_idx" ON "dossiers" USING btree ("received_at" DESC NULLS LAST,"code" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "dossiers_open_due_idx" ON "dossiers" USING btree ("effective_due_at") WHERE "dossiers"."finished_at" IS NULL;