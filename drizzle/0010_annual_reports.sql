CREATE TABLE "annual_admin_figures" (
	"id" serial PRIMARY KEY NOT NULL,
	"center_id" integer NOT NULL,
	"year" integer NOT NULL,
	"licensing" integer DEFAULT 0 NOT NULL,
	"penalty" integer DEFAULT 0 NOT NULL,
	"coercion" integer DEFAULT 0 NOT NULL,
	"fee_fen" bigint DEFAULT 0 NOT NULL,
	"regulations_issued" integer DEFAULT 0 NOT NULL,
	"regulations_repealed" integer DEFAULT 0 NOT NULL,
	"regulations_in_force" integer DEFAULT 0 NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "annual_report_submission" (
	"id" serial PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"revision_id" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"submitted_by" integer,
	"submitted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "annual_report" (
	"id" serial PRIMARY KEY NOT NULL,
	"center_id" integer NOT NULL,
	"year" integer NOT NULL,
	"format" text NOT NULL,
	"source" text NOT NULL,
	"status" text NOT NULL,
	"figures" jsonb NOT NULL,
	"facts" jsonb,
	"narrative" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"checks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"checks_override" jsonb,
	"article_id" integer,
	"generated_by" integer,
	"generated_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lock_version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "annual_admin_figures_center_year_uq" ON "annual_admin_figures" USING btree ("center_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "annual_report_submission_revision_uq" ON "annual_report_submission" USING btree ("revision_id");--> statement-breakpoint
CREATE INDEX "annual_report_submission_report_idx" ON "annual_report_submission" USING btree ("report_id");--> statement-breakpoint
CREATE UNIQUE INDEX "annual_report_center_year_uq" ON "annual_report" USING btree ("center_id","year");