CREATE TABLE "record_changes" (
	"seq" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "record_changes_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"revision_seq" integer NOT NULL,
	"record_type" text NOT NULL,
	"record_id" text NOT NULL,
	"op" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "record_hashes" (
	"record_type" text NOT NULL,
	"record_id" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "record_hashes_record_type_record_id_pk" PRIMARY KEY("record_type","record_id")
);
--> statement-breakpoint
ALTER TABLE "dataset_revisions" DROP CONSTRAINT "dataset_revisions_revision_unique";--> statement-breakpoint
ALTER TABLE "record_changes" ADD CONSTRAINT "record_changes_revision_seq_dataset_revisions_seq_fk" FOREIGN KEY ("revision_seq") REFERENCES "public"."dataset_revisions"("seq") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "record_changes_revision_idx" ON "record_changes" USING btree ("revision_seq");