CREATE TABLE "district_templates" (
	"district_id" uuid NOT NULL,
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"adopted_at" timestamp with time zone NOT NULL,
	"adopted_by" text,
	CONSTRAINT "district_templates_district_id_code_pk" PRIMARY KEY("district_id","code")
);
--> statement-breakpoint
ALTER TABLE "templates" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "templates" ADD COLUMN "district_id" uuid;--> statement-breakpoint
ALTER TABLE "templates" ADD COLUMN "forked_from" jsonb;--> statement-breakpoint
ALTER TABLE "district_templates" ADD CONSTRAINT "district_templates_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "district_templates" ADD CONSTRAINT "district_templates_code_version_templates_code_version_fk" FOREIGN KEY ("code","version") REFERENCES "public"."templates"("code","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "templates" ADD CONSTRAINT "templates_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "templates_district_idx" ON "templates" USING btree ("district_id");--> statement-breakpoint
-- Districts that existed before the national library keep what their inspectors had: each adopts the newest published version of every template.
INSERT INTO "district_templates" ("district_id", "code", "version", "adopted_at") SELECT d."id", t."code", max(t."version"), now() FROM "districts" d CROSS JOIN "templates" t WHERE t."status" = 'published' GROUP BY d."id", t."code";
