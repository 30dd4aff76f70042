DROP INDEX "search_documents_tsv_idx";--> statement-breakpoint
DROP INDEX "search_documents_folded_tsv_idx";--> statement-breakpoint
CREATE INDEX "search_documents_match_idx" ON "search_documents" USING gin (("tsv" || "folded_tsv"));