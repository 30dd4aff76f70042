CREATE TABLE "search_documents" (
	"doc_type" text NOT NULL,
	"doc_id" text NOT NULL,
	"country_code" text,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"extra" text NOT NULL,
	"tsv" "tsvector" GENERATED ALWAYS AS (
  setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') ||
  setweight(to_tsvector('russian'::regconfig, coalesce(title, '')), 'A') ||
  setweight(to_tsvector('simple'::regconfig, coalesce(title, '')), 'A') ||
  setweight(to_tsvector('english'::regconfig, coalesce(body, '')), 'B') ||
  setweight(to_tsvector('russian'::regconfig, coalesce(body, '')), 'B') ||
  setweight(to_tsvector('english'::regconfig, coalesce(extra, '')), 'C') ||
  setweight(to_tsvector('russian'::regconfig, coalesce(extra, '')), 'C')) STORED,
	CONSTRAINT "search_documents_doc_type_doc_id_pk" PRIMARY KEY("doc_type","doc_id")
);
--> statement-breakpoint
CREATE INDEX "search_documents_tsv_idx" ON "search_documents" USING gin ("tsv");--> statement-breakpoint
CREATE INDEX "search_documents_country_idx" ON "search_documents" USING btree ("country_code");