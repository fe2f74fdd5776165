CREATE TABLE "disclosure_task" (
	"id" serial PRIMARY KEY NOT NULL,
	"center_id" integer NOT NULL,
	"title" text NOT NULL,
	"department_id" integer NOT NULL,
	"column_id" integer NOT NULL,
	"cadence" text NOT NULL,
	"due_on" date,
	"starts_on" date NOT NULL,
	"officer_id" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"lock_version" integer DEFAULT 0 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "website_report_entry" (
	"id" serial PRIMARY KEY NOT NULL,
	"center_id" integer NOT NULL,
	"year" integer NOT NULL,
	"values" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "disclosure_task_center_idx" ON "disclosure_task" USING btree ("center_id","department_id");--> statement-breakpoint
CREATE UNIQUE INDEX "website_report_entry_uq" ON "website_report_entry" USING btree ("center_id","year");