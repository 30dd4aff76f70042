CREATE TABLE "practice_penalties" (
	"id" text PRIMARY KEY NOT NULL,
	"note_id" text NOT NULL,
	"provision_id" text,
	"part" text,
	"kind" text NOT NULL,
	"min" numeric,
	"max" numeric,
	"unit" text,
	"role" text NOT NULL,
	"context" text,
	"ord" integer NOT NULL
);
--> statement-breakpoint
-- Hand-edited after generation so that it applies to a database that holds rows: statistics are re-imported from
-- data/ in their new shape, and the new NOT NULL columns of existing rows are filled before the constraint.
DELETE FROM "practice_statistics";--> statement-breakpoint
ALTER TABLE "practice_statistics" DROP CONSTRAINT "practice_statistics_note_id_ord_pk";--> statement-breakpoint
ALTER TABLE "instruments" ADD COLUMN "signed" text;--> statement-breakpoint
ALTER TABLE "instruments" ADD COLUMN "published" text;--> statement-breakpoint
ALTER TABLE "instruments" ADD COLUMN "dates_note" text;--> statement-breakpoint
ALTER TABLE "penalties" ADD COLUMN "context" text;--> statement-breakpoint
ALTER TABLE "penalties" ADD COLUMN "basis" text;--> statement-breakpoint
ALTER TABLE "provision_versions" ADD COLUMN "valid_from_latest" date;--> statement-breakpoint
UPDATE "provision_versions" SET "valid_from_latest" = "valid_from";--> statement-breakpoint
ALTER TABLE "provision_versions" ALTER COLUMN "valid_from_latest" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "provision_versions" ADD COLUMN "valid_to_latest" date;--> statement-breakpoint
ALTER TABLE "provision_versions" ADD COLUMN "text_unknown" text;--> statement-breakpoint
ALTER TABLE "provision_versions" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "provisions" ADD COLUMN "scope" text DEFAULT 'core' NOT NULL;--> statement-breakpoint
ALTER TABLE "provisions" ADD COLUMN "conducts" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "provisions" ADD COLUMN "added_by" text;--> statement-breakpoint
ALTER TABLE "provisions" ADD COLUMN "repealed_by" text;--> statement-breakpoint
ALTER TABLE "case_charges" ADD COLUMN "id" text;--> statement-breakpoint
UPDATE "case_charges" SET "id" = "case_id" || '#' || "provision_id" || '#' || coalesce("part", '*');--> statement-breakpoint
ALTER TABLE "case_charges" ALTER COLUMN "id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "case_charges" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "reported_on" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "sentence_start" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "judge" text;--> statement-breakpoint
ALTER TABLE "practice_statistics" ADD COLUMN "id" text PRIMARY KEY NOT NULL;--> statement-breakpoint
ALTER TABLE "practice_statistics" ADD COLUMN "measure" text NOT NULL;--> statement-breakpoint
ALTER TABLE "practice_statistics" ADD COLUMN "value" numeric NOT NULL;--> statement-breakpoint
ALTER TABLE "practice_statistics" ADD COLUMN "value_max" numeric;--> statement-breakpoint
ALTER TABLE "practice_statistics" ADD COLUMN "qualifier" text NOT NULL;--> statement-breakpoint
ALTER TABLE "practice_statistics" ADD COLUMN "from_text" text;--> statement-breakpoint
ALTER TABLE "practice_statistics" ADD COLUMN "to_text" text;--> statement-breakpoint
ALTER TABLE "practice_statistics" ADD COLUMN "provisions" text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "practice_statistics" ADD COLUMN "conflict_id" text;--> statement-breakpoint
ALTER TABLE "practice_statistics" ADD COLUMN "force_id" text;--> statement-breakpoint
ALTER TABLE "practice_statistics" ADD COLUMN "region" text;--> statement-breakpoint
ALTER TABLE "practice_statistics" ADD COLUMN "sentence_kind" text;--> statement-breakpoint
ALTER TABLE "practice_statistics" ADD COLUMN "sentence_min" numeric;--> statement-breakpoint
ALTER TABLE "practice_statistics" ADD COLUMN "sentence_max" numeric;--> statement-breakpoint
ALTER TABLE "practice_statistics" ADD COLUMN "sentence_unit" text;--> statement-breakpoint
ALTER TABLE "practice_statistics" ADD COLUMN "dispute" text;--> statement-breakpoint
ALTER TABLE "practice_statistics" ADD COLUMN "basis" text NOT NULL;--> statement-breakpoint
ALTER TABLE "practice_penalties" ADD CONSTRAINT "practice_penalties_note_id_practice_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."practice_notes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "practice_penalties_note_idx" ON "practice_penalties" USING btree ("note_id");--> statement-breakpoint
ALTER TABLE "provisions" ADD CONSTRAINT "provisions_added_by_instruments_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."instruments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provisions" ADD CONSTRAINT "provisions_repealed_by_instruments_id_fk" FOREIGN KEY ("repealed_by") REFERENCES "public"."instruments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "practice_statistics_note_idx" ON "practice_statistics" USING btree ("note_id");--> statement-breakpoint
CREATE INDEX "practice_statistics_measure_idx" ON "practice_statistics" USING btree ("measure");--> statement-breakpoint
ALTER TABLE "practice_statistics" DROP COLUMN "year";--> statement-breakpoint
ALTER TABLE "practice_statistics" DROP COLUMN "cases_opened";--> statement-breakpoint
ALTER TABLE "practice_statistics" DROP COLUMN "convictions";