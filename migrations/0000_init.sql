CREATE TABLE "record_sources" (
	"record_type" text NOT NULL,
	"record_id" text NOT NULL,
	"source_id" text NOT NULL,
	"ord" integer NOT NULL,
	CONSTRAINT "record_sources_record_type_record_id_source_id_pk" PRIMARY KEY("record_type","record_id","source_id")
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" text PRIMARY KEY NOT NULL,
	"url" text,
	"title" text NOT NULL,
	"publisher" text NOT NULL,
	"published" text,
	"published_date" date,
	"retrieved" text,
	"kind" text NOT NULL,
	"language" text NOT NULL,
	"translation" text,
	"translator" text,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "conducts" (
	"code" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"description" text NOT NULL,
	"ord" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conflicts" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"from_text" text,
	"to_text" text
);
--> statement-breakpoint
CREATE TABLE "countries" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_original" text,
	"summary" text
);
--> statement-breakpoint
CREATE TABLE "country_gaps" (
	"id" text PRIMARY KEY NOT NULL,
	"country_code" text NOT NULL,
	"topic" text NOT NULL,
	"note" text NOT NULL,
	"ord" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "force_designations" (
	"id" text PRIMARY KEY NOT NULL,
	"force_id" text NOT NULL,
	"country_code" text NOT NULL,
	"status" text NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"from_text" text,
	"to_text" text,
	"act" text,
	"basis" text NOT NULL,
	"ord" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forces" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"state" text,
	"side" text NOT NULL,
	"conflicts" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exemptions" (
	"id" text PRIMARY KEY NOT NULL,
	"version_id" text NOT NULL,
	"provision_id" text NOT NULL,
	"conditions" text[] NOT NULL,
	"effect" text NOT NULL,
	"text" text NOT NULL,
	"excerpt" text,
	"ord" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "instruments" (
	"id" text PRIMARY KEY NOT NULL,
	"country_code" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"title_original" text,
	"number" text,
	"adopted" text,
	"in_force_from" text,
	"in_force_to" text,
	"official_url" text,
	"replaces" text,
	"summary" text,
	"basis" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "penalties" (
	"id" text PRIMARY KEY NOT NULL,
	"part_id" text NOT NULL,
	"kind" text NOT NULL,
	"min" numeric,
	"max" numeric,
	"unit" text,
	"role" text NOT NULL,
	"mandatory" boolean,
	"ord" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provision_parts" (
	"id" text PRIMARY KEY NOT NULL,
	"version_id" text NOT NULL,
	"provision_id" text NOT NULL,
	"part" text NOT NULL,
	"elements" text NOT NULL,
	"excerpt" text,
	"category" text,
	"conducts" text[] NOT NULL,
	"ord" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provision_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"provision_id" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"valid_from_text" text NOT NULL,
	"valid_to_text" text,
	"amended_by" text,
	"basis" text NOT NULL,
	"ord" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provisions" (
	"id" text PRIMARY KEY NOT NULL,
	"instrument_id" text NOT NULL,
	"country_code" text NOT NULL,
	"article" text NOT NULL,
	"heading" text NOT NULL,
	"heading_original" text,
	"successor_of" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_charges" (
	"case_id" text NOT NULL,
	"provision_id" text NOT NULL,
	"part" text,
	"ord" integer NOT NULL,
	CONSTRAINT "case_charges_case_id_ord_pk" PRIMARY KEY("case_id","ord")
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"date" text,
	"kind" text NOT NULL,
	"note" text NOT NULL,
	"ord" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_sentences" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"kind" text NOT NULL,
	"years" integer,
	"months" integer,
	"days" integer,
	"total_months" numeric,
	"amount" numeric,
	"unit" text,
	"regime" text,
	"suspended" boolean NOT NULL,
	"probation_months" integer,
	"ord" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" text PRIMARY KEY NOT NULL,
	"country_code" text NOT NULL,
	"court_name" text,
	"court_level" text,
	"court_place" text,
	"decided" text NOT NULL,
	"decided_date" date NOT NULL,
	"decided_precision" text NOT NULL,
	"date_kind" text NOT NULL,
	"defendant_name" text,
	"defendant_age" integer,
	"defendant_sex" text,
	"citizenships" text[] NOT NULL,
	"conducts" text[] NOT NULL,
	"side" text,
	"force_id" text,
	"conflict_id" text,
	"outcome" text NOT NULL,
	"appeal_status" text,
	"appeal_note" text,
	"disputes" jsonb NOT NULL,
	"summary" text NOT NULL,
	"basis" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "practice_notes" (
	"id" text PRIMARY KEY NOT NULL,
	"country_code" text NOT NULL,
	"kind" text NOT NULL,
	"stance" text,
	"from_text" text,
	"to_text" text,
	"statement" text NOT NULL,
	"basis" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "practice_statistics" (
	"note_id" text NOT NULL,
	"year" integer NOT NULL,
	"cases_opened" integer,
	"convictions" integer,
	"note" text,
	"ord" integer NOT NULL,
	CONSTRAINT "practice_statistics_note_id_ord_pk" PRIMARY KEY("note_id","ord")
);
--> statement-breakpoint
CREATE TABLE "dataset_revisions" (
	"seq" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dataset_revisions_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"revision" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"counts" jsonb NOT NULL,
	CONSTRAINT "dataset_revisions_revision_unique" UNIQUE("revision")
);
--> statement-breakpoint
ALTER TABLE "record_sources" ADD CONSTRAINT "record_sources_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "country_gaps" ADD CONSTRAINT "country_gaps_country_code_countries_code_fk" FOREIGN KEY ("country_code") REFERENCES "public"."countries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "force_designations" ADD CONSTRAINT "force_designations_force_id_forces_id_fk" FOREIGN KEY ("force_id") REFERENCES "public"."forces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "force_designations" ADD CONSTRAINT "force_designations_country_code_countries_code_fk" FOREIGN KEY ("country_code") REFERENCES "public"."countries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemptions" ADD CONSTRAINT "exemptions_version_id_provision_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."provision_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemptions" ADD CONSTRAINT "exemptions_provision_id_provisions_id_fk" FOREIGN KEY ("provision_id") REFERENCES "public"."provisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instruments" ADD CONSTRAINT "instruments_country_code_countries_code_fk" FOREIGN KEY ("country_code") REFERENCES "public"."countries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penalties" ADD CONSTRAINT "penalties_part_id_provision_parts_id_fk" FOREIGN KEY ("part_id") REFERENCES "public"."provision_parts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provision_parts" ADD CONSTRAINT "provision_parts_version_id_provision_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."provision_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provision_parts" ADD CONSTRAINT "provision_parts_provision_id_provisions_id_fk" FOREIGN KEY ("provision_id") REFERENCES "public"."provisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provision_versions" ADD CONSTRAINT "provision_versions_provision_id_provisions_id_fk" FOREIGN KEY ("provision_id") REFERENCES "public"."provisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provision_versions" ADD CONSTRAINT "provision_versions_amended_by_instruments_id_fk" FOREIGN KEY ("amended_by") REFERENCES "public"."instruments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provisions" ADD CONSTRAINT "provisions_instrument_id_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."instruments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provisions" ADD CONSTRAINT "provisions_country_code_countries_code_fk" FOREIGN KEY ("country_code") REFERENCES "public"."countries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_charges" ADD CONSTRAINT "case_charges_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_charges" ADD CONSTRAINT "case_charges_provision_id_provisions_id_fk" FOREIGN KEY ("provision_id") REFERENCES "public"."provisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_sentences" ADD CONSTRAINT "case_sentences_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_country_code_countries_code_fk" FOREIGN KEY ("country_code") REFERENCES "public"."countries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_force_id_forces_id_fk" FOREIGN KEY ("force_id") REFERENCES "public"."forces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_conflict_id_conflicts_id_fk" FOREIGN KEY ("conflict_id") REFERENCES "public"."conflicts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_notes" ADD CONSTRAINT "practice_notes_country_code_countries_code_fk" FOREIGN KEY ("country_code") REFERENCES "public"."countries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_statistics" ADD CONSTRAINT "practice_statistics_note_id_practice_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."practice_notes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "record_sources_source_idx" ON "record_sources" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "sources_kind_idx" ON "sources" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "country_gaps_country_idx" ON "country_gaps" USING btree ("country_code");--> statement-breakpoint
CREATE INDEX "force_designations_force_idx" ON "force_designations" USING btree ("force_id");--> statement-breakpoint
CREATE INDEX "exemptions_version_idx" ON "exemptions" USING btree ("version_id");--> statement-breakpoint
CREATE INDEX "instruments_country_idx" ON "instruments" USING btree ("country_code");--> statement-breakpoint
CREATE INDEX "penalties_part_idx" ON "penalties" USING btree ("part_id");--> statement-breakpoint
CREATE INDEX "provision_parts_version_idx" ON "provision_parts" USING btree ("version_id");--> statement-breakpoint
CREATE INDEX "provision_parts_provision_idx" ON "provision_parts" USING btree ("provision_id");--> statement-breakpoint
CREATE INDEX "provision_versions_provision_idx" ON "provision_versions" USING btree ("provision_id");--> statement-breakpoint
CREATE INDEX "provisions_country_idx" ON "provisions" USING btree ("country_code");--> statement-breakpoint
CREATE INDEX "provisions_instrument_idx" ON "provisions" USING btree ("instrument_id");--> statement-breakpoint
CREATE INDEX "case_charges_provision_idx" ON "case_charges" USING btree ("provision_id","part");--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_sentences_case_idx" ON "case_sentences" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "cases_country_decided_idx" ON "cases" USING btree ("country_code","decided_date","id");--> statement-breakpoint
CREATE INDEX "cases_decided_idx" ON "cases" USING btree ("decided_date","id");--> statement-breakpoint
CREATE INDEX "cases_conducts_idx" ON "cases" USING gin ("conducts");--> statement-breakpoint
CREATE INDEX "practice_notes_country_idx" ON "practice_notes" USING btree ("country_code");