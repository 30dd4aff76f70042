CREATE TABLE "case_docs" (
	"case_id" text PRIMARY KEY NOT NULL,
	"doc" json NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_docs" ADD CONSTRAINT "case_docs_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" DROP COLUMN "doc";