CREATE TYPE "public"."day_count" AS ENUM('CALENDAR', 'WORKING');--> statement-breakpoint
CREATE TYPE "public"."feedback_outcome" AS ENUM('SUBSTANTIATED', 'PARTLY_SUBSTANTIATED', 'UNSUBSTANTIATED', 'ANSWERED');--> statement-breakpoint
CREATE TYPE "public"."feedback_topic" AS ENUM('ATTITUDE', 'DISCIPLINE', 'HARASSMENT', 'DELAY', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."follow_up_status" AS ENUM('OPEN', 'DONE', 'CANCELLED');--> statement-breakpoint
CREATE TYPE "public"."inspection_kind" AS ENUM('ANNOUNCED', 'UNANNOUNCED', 'THEMATIC');--> statement-breakpoint
CREATE TYPE "public"."petition_action" AS ENUM('ACCEPTED', 'NOT_ACCEPTED', 'TRANSFERRED', 'EXTENDED', 'RESOLVED', 'WITHDRAWN');--> statement-breakpoint
CREATE TYPE "public"."petition_channel" AS ENUM('DIRECT', 'POST', 'HOTLINE', 'PORTAL');--> statement-breakpoint
CREATE TYPE "public"."petition_kind" AS ENUM('COMPLAINT', 'DENUNCIATION', 'RECOMMENDATION', 'REFLECTION');--> statement-breakpoint
CREATE TYPE "public"."petition_outcome" AS ENUM('UPHELD', 'PARTLY_UPHELD', 'REJECTED', 'ANSWERED');--> statement-breakpoint
CREATE TYPE "public"."petition_status" AS ENUM('RECEIVED', 'ACCEPTED', 'NOT_ACCEPTED', 'TRANSFERRED', 'RESOLVED', 'WITHDRAWN');--> statement-breakpoint
CREATE TYPE "public"."reception_kind" AS ENUM('REGULAR', 'LEADER_PERIODIC', 'UNSCHEDULED');--> statement-breakpoint
CREATE TYPE "public"."target_metric" AS ENUM('REDUCED_TIME_SHARE', 'ON_TIME_RATE', 'ONLINE_SHARE', 'UNITS_INSPECTED_SHARE', 'PETITION_RESOLUTION_RATE', 'SERVICE_INDEX', 'REPORTED');--> statement-breakpoint
CREATE TYPE "public"."target_scope" AS ENUM('ISSUER_SUBTREE', 'EACH_UNIT');--> statement-breakpoint
CREATE TABLE "conduct_feedback" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"key" varchar(100) NOT NULL,
	"unit_id" integer NOT NULL,
	"channel" "petition_channel" NOT NULL,
	"topic" "feedback_topic" NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"outcome" "feedback_outcome",
	"summary" varchar(1000),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conduct_feedback_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "inspection_actions" (
	"inspection_id" integer NOT NULL,
	"position" integer NOT NULL,
	"description" varchar(1000) NOT NULL,
	"due_on" date,
	"status" "follow_up_status" NOT NULL,
	"done_on" date,
	CONSTRAINT "inspection_actions_inspection_id_position_pk" PRIMARY KEY("inspection_id","position")
);
--> statement-breakpoint
CREATE TABLE "inspection_targets" (
	"inspection_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	CONSTRAINT "inspection_targets_inspection_id_unit_id_pk" PRIMARY KEY("inspection_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"key" varchar(100) NOT NULL,
	"inspecting_unit_id" integer NOT NULL,
	"kind" "inspection_kind" NOT NULL,
	"subject" varchar(500),
	"started_on" date NOT NULL,
	"ended_on" date,
	"plan_symbol" varchar(60),
	"findings" integer DEFAULT 0 NOT NULL,
	"violations" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspections_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "oversight_changes" (
	"position" bigserial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"family" varchar(30) NOT NULL,
	"key" varchar(100) NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oversight_subtree_counts" (
	"agency_id" integer NOT NULL,
	"span" "rollup_span" NOT NULL,
	"start" date NOT NULL,
	"measure" varchar(60) NOT NULL,
	"value" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "oversight_subtree_counts_agency_id_span_start_measure_pk" PRIMARY KEY("agency_id","span","start","measure")
);
--> statement-breakpoint
CREATE TABLE "petition_deadlines" (
	"kind" "petition_kind" PRIMARY KEY NOT NULL,
	"acceptance_days" integer NOT NULL,
	"acceptance_count" "day_count" NOT NULL,
	"resolution_days" integer NOT NULL,
	"complicated_days" integer NOT NULL,
	"remote_days" integer NOT NULL,
	"remote_complicated_days" integer NOT NULL,
	"resolution_count" "day_count" NOT NULL,
	"legal_basis" varchar(500) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petition_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"event_id" varchar(100) NOT NULL,
	"petition_id" integer NOT NULL,
	"action" "petition_action" NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"to_unit_id" integer,
	"outcome" "petition_outcome",
	"extension_days" integer,
	"note" varchar(1000),
	"recorded_by" varchar(64),
	CONSTRAINT "petition_events_event_id_unique" UNIQUE("event_id")
);
--> statement-breakpoint
CREATE TABLE "petitions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"key" varchar(100) NOT NULL,
	"kind" "petition_kind" NOT NULL,
	"channel" "petition_channel" NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"unit_id" integer NOT NULL,
	"complicated" boolean DEFAULT false NOT NULL,
	"remote_area" boolean DEFAULT false NOT NULL,
	"summary" varchar(1000),
	"petitioner_name" varchar(255),
	"petitioner_identity" varchar(20),
	"petitioner_phone" varchar(20),
	"petitioner_address" varchar(500),
	"status" "petition_status" DEFAULT 'RECEIVED' NOT NULL,
	"accepted_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"extended_days" integer DEFAULT 0 NOT NULL,
	"transferred_to_unit_id" integer,
	"resolved_at" timestamp with time zone,
	"outcome" "petition_outcome",
	"on_time" boolean,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "petitions_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "plan_target_reports" (
	"target_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"value" numeric NOT NULL,
	"reported_on" date NOT NULL,
	CONSTRAINT "plan_target_reports_target_id_unit_id_pk" PRIMARY KEY("target_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "plan_targets" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"plan_symbol" varchar(60) NOT NULL,
	"code" varchar(40) NOT NULL,
	"description" varchar(1000) NOT NULL,
	"issuer_unit_id" integer NOT NULL,
	"metric" "target_metric" NOT NULL,
	"parameter" numeric,
	"scope" "target_scope" NOT NULL,
	"unit_kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"threshold" numeric NOT NULL,
	"period_from" date NOT NULL,
	"deadline" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reception_sessions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"key" varchar(100) NOT NULL,
	"unit_id" integer NOT NULL,
	"kind" "reception_kind" NOT NULL,
	"held_on" date NOT NULL,
	"leader_name" varchar(255),
	"leader_title" varchar(255),
	"citizens" integer NOT NULL,
	"cases" integer NOT NULL,
	"delegations" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reception_sessions_key_unique" UNIQUE("key")
);
--> statement-breakpoint
ALTER TABLE "conduct_feedback" ADD CONSTRAINT "conduct_feedback_unit_id_agency_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."agency_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_actions" ADD CONSTRAINT "inspection_actions_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_targets" ADD CONSTRAINT "inspection_targets_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_targets" ADD CONSTRAINT "inspection_targets_unit_id_agency_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."agency_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_inspecting_unit_id_agency_units_id_fk" FOREIGN KEY ("inspecting_unit_id") REFERENCES "public"."agency_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_changes" ADD CONSTRAINT "oversight_changes_unit_id_agency_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."agency_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_subtree_counts" ADD CONSTRAINT "oversight_subtree_counts_agency_id_agency_units_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_events" ADD CONSTRAINT "petition_events_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_events" ADD CONSTRAINT "petition_events_to_unit_id_agency_units_id_fk" FOREIGN KEY ("to_unit_id") REFERENCES "public"."agency_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_unit_id_agency_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."agency_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_transferred_to_unit_id_agency_units_id_fk" FOREIGN KEY ("transferred_to_unit_id") REFERENCES "public"."agency_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_target_reports" ADD CONSTRAINT "plan_target_reports_target_id_plan_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."plan_targets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_target_reports" ADD CONSTRAINT "plan_target_reports_unit_id_agency_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."agency_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_targets" ADD CONSTRAINT "plan_targets_issuer_unit_id_agency_units_id_fk" FOREIGN KEY ("issuer_unit_id") REFERENCES "public"."agency_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_sessions" ADD CONSTRAINT "reception_sessions_unit_id_agency_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."agency_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conduct_feedback_unit_idx" ON "conduct_feedback" USING btree ("unit_id","received_at");--> statement-breakpoint
CREATE INDEX "inspection_targets_unit_idx" ON "inspection_targets" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "inspections_unit_idx" ON "inspections" USING btree ("inspecting_unit_id","started_on");--> statement-breakpoint
CREATE INDEX "petition_events_petition_idx" ON "petition_events" USING btree ("petition_id","at");--> statement-breakpoint
CREATE INDEX "petitions_unit_idx" ON "petitions" USING btree ("unit_id","received_at");--> statement-breakpoint
CREATE INDEX "petitions_open_due_idx" ON "petitions" USING btree ("due_at") WHERE status = 'ACCEPTED';--> statement-breakpoint
CREATE UNIQUE INDEX "plan_targets_key_uq" ON "plan_targets" USING btree ("plan_symbol","code");--> statement-breakpoint
CREATE INDEX "reception_sessions_unit_idx" ON "reception_sessions" USING btree ("unit_id","held_on");--> statement-breakpoint
INSERT INTO "petition_deadlines" ("kind", "acceptance_days", "acceptance_count", "resolution_days", "complicated_days", "remote_days", "remote_complicated_days", "resolution_count", "legal_basis") VALUES
  ('COMPLAINT', 10, 'CALENDAR', 30, 45, 45, 60, 'CALENDAR', 'Luật Khiếu nại 2011 (02/2011/QH13), Điều 27 (thụ lý trong 10 ngày), Điều 28 (giải quyết lần đầu 30 ngày, phức tạp 45; vùng sâu, vùng xa 45, phức tạp 60)'),
  ('DENUNCIATION', 7, 'WORKING', 30, 60, 30, 60, 'CALENDAR', 'Luật Tố cáo 2018 (25/2018/QH14), Điều 24 (xử lý ban đầu, thụ lý trong 07 ngày làm việc), Điều 30 (giải quyết 30 ngày; phức tạp gia hạn một lần thêm 30 ngày, đặc biệt phức tạp hai lần)'),
  ('RECOMMENDATION', 5, 'WORKING', 10, 20, 10, 20, 'WORKING', 'Nghị định 20/2008/NĐ-CP, sửa đổi bởi Nghị định 92/2017/NĐ-CP: phân loại, chuyển xử lý và thời hạn xử lý phản ánh, kiến nghị về quy định hành chính (ngày làm việc)'),
  ('REFLECTION', 5, 'WORKING', 10, 20, 10, 20, 'WORKING', 'Nghị định 20/2008/NĐ-CP, sửa đổi bởi Nghị định 92/2017/NĐ-CP: phân loại, chuyển xử lý và thời hạn xử lý phản ánh, kiến nghị về quy định hành chính (ngày làm việc)');
