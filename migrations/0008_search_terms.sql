CREATE TABLE "search_terms" (
	"term" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
DROP INDEX "search_documents_folded_idx";--> statement-breakpoint
ALTER TABLE "search_documents" ADD COLUMN "folded_tsv" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, folded)) STORED;--> statement-breakpoint
CREATE INDEX "search_terms_trgm_idx" ON "search_terms" USING gin ("term" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "search_documents_folded_tsv_idx" ON "search_documents" USING gin ("folded_tsv");