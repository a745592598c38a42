DROP TABLE "dossier_field_rollups" CASCADE;--> statement-breakpoint
DROP TABLE "dossier_rollups" CASCADE;