CREATE TABLE "case_rollup" (
	"country_code" text NOT NULL,
	"month" date,
	"outcome" text,
	"date_kind" text,
	"force_id" text,
	"side" text,
	"sentence_kind" text,
	"conducts" text[] NOT NULL,
	"provision_ids" text[] NOT NULL,
	"sentence_kinds" text[] NOT NULL,
	"months" numeric,
	"suspended" boolean NOT NULL,
	"cases" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_rollup_kinds" (
	"country_code" text NOT NULL,
	"month" date,
	"outcome" text,
	"date_kind" text,
	"force_id" text,
	"side" text,
	"sentence_kind" text,
	"conducts" text[] NOT NULL,
	"provision_ids" text[] NOT NULL,
	"sentence_kinds" text[] NOT NULL,
	"kind" text NOT NULL,
	"months" numeric,
	"suspended" boolean NOT NULL,
	"cases" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dataset_revisions" ADD COLUMN "derived_version" text;--> statement-breakpoint
CREATE INDEX "case_rollup_country_month_idx" ON "case_rollup" USING btree ("country_code","month");--> statement-breakpoint
CREATE INDEX "case_rollup_kinds_country_month_idx" ON "case_rollup_kinds" USING btree ("country_code","month");