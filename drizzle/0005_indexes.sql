CREATE TYPE "public"."index_criterion_method" AS ENUM('APPRAISAL', 'SURVEY', 'MIXED');--> statement-breakpoint
CREATE TABLE "index_criteria" (
	"id" serial PRIMARY KEY NOT NULL,
	"framework_id" integer NOT NULL,
	"code" varchar(40) NOT NULL,
	"parent_id" integer,
	"name" varchar(1000) NOT NULL,
	"max_points" numeric(7, 2) NOT NULL,
	"responsible" varchar(255),
	"method" "index_criterion_method" DEFAULT 'APPRAISAL' NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "index_criteria_framework_code_unique" UNIQUE("framework_id","code"),
	CONSTRAINT "index_criteria_max_check" CHECK ("index_criteria"."max_points" >= 0)
);
--> statement-breakpoint
CREATE TABLE "index_frameworks" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" varchar(40) NOT NULL,
	"name" varchar(500) NOT NULL,
	"description" varchar(4000),
	"scored_kinds" "agency_unit_kind"[] NOT NULL,
	"max_total" numeric(7, 2) NOT NULL,
	"from_year" integer,
	"to_year" integer,
	"demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "index_frameworks_code_unique" UNIQUE("code"),
	CONSTRAINT "index_frameworks_years_check" CHECK ("index_frameworks"."from_year" IS NULL OR "index_frameworks"."to_year" IS NULL OR "index_frameworks"."from_year" <= "index_frameworks"."to_year")
);
--> statement-breakpoint
CREATE TABLE "index_results" (
	"framework_id" integer NOT NULL,
	"year" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"total" numeric(7, 2) NOT NULL,
	"rank" integer,
	"rank_of" integer,
	"source" varchar(1000),
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "index_results_framework_id_year_unit_id_pk" PRIMARY KEY("framework_id","year","unit_id"),
	CONSTRAINT "index_results_rank_check" CHECK ("index_results"."rank" IS NULL OR ("index_results"."rank" >= 1 AND ("index_results"."rank_of" IS NULL OR "index_results"."rank" <= "index_results"."rank_of")))
);
--> statement-breakpoint
CREATE TABLE "index_scores" (
	"framework_id" integer NOT NULL,
	"year" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"criterion_id" integer NOT NULL,
	"self_score" numeric(7, 2),
	"appraised_score" numeric(7, 2),
	"survey_score" numeric(7, 2),
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "index_scores_framework_id_year_unit_id_criterion_id_pk" PRIMARY KEY("framework_id","year","unit_id","criterion_id"),
	CONSTRAINT "index_scores_nonnegative_check" CHECK (coalesce("index_scores"."self_score", 0) >= 0 AND coalesce("index_scores"."appraised_score", 0) >= 0 AND coalesce("index_scores"."survey_score", 0) >= 0)
);
--> statement-breakpoint
ALTER TABLE "index_criteria" ADD CONSTRAINT "index_criteria_framework_id_index_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."index_frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "index_criteria" ADD CONSTRAINT "index_criteria_parent_id_index_criteria_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."index_criteria"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "index_results" ADD CONSTRAINT "index_results_framework_id_index_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."index_frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "index_results" ADD CONSTRAINT "index_results_unit_id_agency_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."agency_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "index_scores" ADD CONSTRAINT "index_scores_framework_id_index_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."index_frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "index_scores" ADD CONSTRAINT "index_scores_unit_id_agency_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."agency_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "index_scores" ADD CONSTRAINT "index_scores_criterion_id_index_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."index_criteria"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "index_criteria_parent_idx" ON "index_criteria" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "index_results_unit_idx" ON "index_results" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "index_scores_unit_idx" ON "index_scores" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "index_scores_criterion_idx" ON "index_scores" USING btree ("criterion_id");