-- Hand-edited after generation: trigram matching needs pg_trgm (in PostgreSQL contrib, and loaded by PGlite in
-- src/db/client.ts); it is a trusted extension, so the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "defendant_folded" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "court_folded" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "place_folded" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "judge_folded" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "search_documents" ADD COLUMN "countries" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "search_documents" ADD COLUMN "folded" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "cases_defendant_folded_idx" ON "cases" USING gin ("defendant_folded" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "cases_court_folded_idx" ON "cases" USING gin ("court_folded" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "search_documents_countries_idx" ON "search_documents" USING gin ("countries");--> statement-breakpoint
CREATE INDEX "search_documents_folded_idx" ON "search_documents" USING gin ("folded" gin_trgm_ops);