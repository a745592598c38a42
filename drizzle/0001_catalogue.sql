CREATE TYPE "public"."agency_unit_kind" AS ENUM('MINISTRY', 'PROVINCE', 'PROVINCIAL_DEPARTMENT', 'DISTRICT', 'DISTRICT_OFFICE', 'COMMUNE', 'WARD', 'TOWNSHIP', 'SERVICE_UNIT');--> statement-breakpoint
CREATE TYPE "public"."agency_unit_link_kind" AS ENUM('MERGED_INTO', 'SPLIT_INTO', 'RENAMED');--> statement-breakpoint
CREATE TYPE "public"."legal_document_relation_kind" AS ENUM('IMPLEMENTS', 'BASED_ON', 'AMENDS', 'REPLACES', 'REPEALS');--> statement-breakpoint
CREATE TYPE "public"."legal_document_status" AS ENUM('NOT_YET_IN_FORCE', 'IN_FORCE', 'PARTLY_EXPIRED', 'EXPIRED');--> statement-breakpoint
CREATE TYPE "public"."one_stop_kind" AS ENUM('ONE_STOP', 'INTER_AGENCY');--> statement-breakpoint
CREATE TYPE "public"."online_kind" AS ENUM('FULL', 'PARTIAL', 'NONE');--> statement-breakpoint
CREATE TYPE "public"."procedure_level" AS ENUM('CENTRAL', 'PROVINCE', 'DISTRICT', 'COMMUNE');--> statement-breakpoint
CREATE TABLE "agency_unit_links" (
	"from_id" integer NOT NULL,
	"to_id" integer NOT NULL,
	"kind" "agency_unit_link_kind" NOT NULL,
	"effective_on" date,
	CONSTRAINT "agency_unit_links_from_id_to_id_kind_pk" PRIMARY KEY("from_id","to_id","kind")
);
--> statement-breakpoint
CREATE TABLE "agency_units" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" varchar(13) NOT NULL,
	"gso_code" varchar(5),
	"name" varchar(255) NOT NULL,
	"kind" "agency_unit_kind" NOT NULL,
	"parent_id" integer,
	"path" "ltree" NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"address" varchar(500),
	"demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_document_relations" (
	"from_id" integer NOT NULL,
	"to_id" integer NOT NULL,
	"kind" "legal_document_relation_kind" NOT NULL,
	CONSTRAINT "legal_document_relations_from_id_to_id_kind_pk" PRIMARY KEY("from_id","to_id","kind")
);
--> statement-breakpoint
CREATE TABLE "legal_documents" (
	"id" serial PRIMARY KEY NOT NULL,
	"symbol" varchar(64) NOT NULL,
	"number" integer NOT NULL,
	"doc_type" varchar(16) NOT NULL,
	"issuer_abbr" varchar(48) NOT NULL,
	"issuer_unit_id" integer,
	"issuer_name" varchar(255) NOT NULL,
	"issuer_key" varchar(255) NOT NULL,
	"issued_year" smallint NOT NULL,
	"signer" varchar(255),
	"summary" text NOT NULL,
	"body" text,
	"issued_on" date NOT NULL,
	"effective_from" date,
	"expires_on" date,
	"status" "legal_document_status",
	"demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "procedure_agencies" (
	"procedure_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	CONSTRAINT "procedure_agencies_procedure_id_unit_id_pk" PRIMARY KEY("procedure_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "procedures" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" varchar(40) NOT NULL,
	"name" varchar(1000) NOT NULL,
	"field" varchar(255) NOT NULL,
	"level" "procedure_level" NOT NULL,
	"owner_unit_id" integer,
	"implementing_kinds" "agency_unit_kind"[] DEFAULT '{}' NOT NULL,
	"statutory_days" numeric(6, 1) NOT NULL,
	"committed_days" numeric(6, 1) NOT NULL,
	"fee_vnd" bigint,
	"fee_note" varchar(1000),
	"online_kind" "online_kind" DEFAULT 'NONE' NOT NULL,
	"one_stop_kind" "one_stop_kind" DEFAULT 'ONE_STOP' NOT NULL,
	"postal" boolean DEFAULT false NOT NULL,
	"iso9001" boolean DEFAULT false NOT NULL,
	"published_by_id" integer,
	"demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "procedures_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "agency_unit_links" ADD CONSTRAINT "agency_unit_links_from_id_agency_units_id_fk" FOREIGN KEY ("from_id") REFERENCES "public"."agency_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_unit_links" ADD CONSTRAINT "agency_unit_links_to_id_agency_units_id_fk" FOREIGN KEY ("to_id") REFERENCES "public"."agency_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_units" ADD CONSTRAINT "agency_units_parent_id_agency_units_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."agency_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_document_relations" ADD CONSTRAINT "legal_document_relations_from_id_legal_documents_id_fk" FOREIGN KEY ("from_id") REFERENCES "public"."legal_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_document_relations" ADD CONSTRAINT "legal_document_relations_to_id_legal_documents_id_fk" FOREIGN KEY ("to_id") REFERENCES "public"."legal_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_documents" ADD CONSTRAINT "legal_documents_issuer_unit_id_agency_units_id_fk" FOREIGN KEY ("issuer_unit_id") REFERENCES "public"."agency_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_agencies" ADD CONSTRAINT "procedure_agencies_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_agencies" ADD CONSTRAINT "procedure_agencies_unit_id_agency_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."agency_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedures" ADD CONSTRAINT "procedures_owner_unit_id_agency_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."agency_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedures" ADD CONSTRAINT "procedures_published_by_id_legal_documents_id_fk" FOREIGN KEY ("published_by_id") REFERENCES "public"."legal_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agency_unit_links_to_idx" ON "agency_unit_links" USING btree ("to_id");--> statement-breakpoint
CREATE INDEX "agency_units_code_idx" ON "agency_units" USING btree ("code");--> statement-breakpoint
CREATE INDEX "agency_units_parent_idx" ON "agency_units" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "agency_units_path_idx" ON "agency_units" USING gist ("path");--> statement-breakpoint
CREATE INDEX "agency_units_gso_idx" ON "agency_units" USING btree ("gso_code");--> statement-breakpoint
CREATE INDEX "agency_units_name_trgm_idx" ON "agency_units" USING gin (lt_norm("name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "legal_document_relations_to_idx" ON "legal_document_relations" USING btree ("to_id");--> statement-breakpoint
CREATE UNIQUE INDEX "legal_documents_key_idx" ON "legal_documents" USING btree ("symbol","issuer_key","issued_year");--> statement-breakpoint
CREATE INDEX "legal_documents_symbol_idx" ON "legal_documents" USING btree ("symbol");--> statement-breakpoint
CREATE INDEX "legal_documents_issuer_idx" ON "legal_documents" USING btree ("issuer_unit_id");--> statement-breakpoint
CREATE INDEX "legal_documents_issued_idx" ON "legal_documents" USING btree ("issued_on");--> statement-breakpoint
CREATE INDEX "legal_documents_trgm_idx" ON "legal_documents" USING gin (lt_norm("symbol" || ' ' || "summary") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "legal_documents_fts_idx" ON "legal_documents" USING gin (to_tsvector('simple', lt_norm("symbol" || ' ' || "summary")));--> statement-breakpoint
CREATE INDEX "procedure_agencies_unit_idx" ON "procedure_agencies" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "procedures_field_idx" ON "procedures" USING btree ("field");--> statement-breakpoint
CREATE INDEX "procedures_level_idx" ON "procedures" USING btree ("level");--> statement-breakpoint
CREATE INDEX "procedures_owner_idx" ON "procedures" USING btree ("owner_unit_id");--> statement-breakpoint
CREATE INDEX "procedures_trgm_idx" ON "procedures" USING gin (lt_norm("code" || ' ' || "name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "procedures_fts_idx" ON "procedures" USING gin (to_tsvector('simple', lt_norm("name")));