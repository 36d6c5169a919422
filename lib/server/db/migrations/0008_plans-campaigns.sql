CREATE TABLE "campaign_schools" (
	"campaign_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	CONSTRAINT "campaign_schools_campaign_id_school_id_pk" PRIMARY KEY("campaign_id","school_id")
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY NOT NULL,
	"district_id" uuid NOT NULL,
	"name" text NOT NULL,
	"template_codes" jsonb NOT NULL,
	"target" jsonb NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"inspector_ids" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "districts" ADD COLUMN "visit_rule" jsonb;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "campaign_id" uuid;--> statement-breakpoint
ALTER TABLE "campaign_schools" ADD CONSTRAINT "campaign_schools_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_schools" ADD CONSTRAINT "campaign_schools_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaign_schools_school_idx" ON "campaign_schools" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "campaigns_district_idx" ON "campaigns" USING btree ("district_id","ends_on");--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "visits_district_started_idx" ON "visits" USING btree ("district_id","started_at","id");--> statement-breakpoint
CREATE INDEX "visits_campaign_idx" ON "visits" USING btree ("campaign_id","school_id");