DROP INDEX "cases_country_decided_idx";--> statement-breakpoint
DROP INDEX "cases_decided_idx";--> statement-breakpoint
CREATE INDEX "cases_country_decided_idx" ON "cases" USING btree ("country_code","decided_date","id","defendant_folded");--> statement-breakpoint
CREATE INDEX "cases_decided_idx" ON "cases" USING btree ("decided_date","id","defendant_folded");