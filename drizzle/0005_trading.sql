CREATE TABLE "agent_api_key" (
	"id" serial PRIMARY KEY NOT NULL,
	"agent_firm_id" integer NOT NULL,
	"key_prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "agent_firm" (
	"id" serial PRIMARY KEY NOT NULL,
	"center_id" integer NOT NULL,
	"name" text NOT NULL,
	"credit_code" text NOT NULL,
	"contact_name" text DEFAULT '' NOT NULL,
	"contact_phone" text DEFAULT '' NOT NULL,
	"sm2_public_key" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bidder_registration" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"kind" text NOT NULL,
	"bidder_name" text NOT NULL,
	"credit_code" text NOT NULL,
	"contact_phone" text DEFAULT '' NOT NULL,
	"amount_fen" bigint,
	"attachment_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trading_notice" (
	"id" serial PRIMARY KEY NOT NULL,
	"article_id" integer NOT NULL,
	"project_id" integer NOT NULL,
	"center_id" integer NOT NULL,
	"type" text NOT NULL,
	"category" text NOT NULL,
	"method" text NOT NULL,
	"amount_fen" bigint,
	"amends_notice_id" integer,
	"agent_firm_id" integer,
	"source" text NOT NULL,
	"idempotency_key" text,
	"request_hash" text,
	"signature" text,
	"is_signature_verified" boolean DEFAULT false NOT NULL,
	"findings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"inspection_state" text DEFAULT 'none' NOT NULL,
	"inspection_note" text DEFAULT '' NOT NULL,
	"inspected_by" integer,
	"inspected_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trading_project" (
	"id" serial PRIMARY KEY NOT NULL,
	"center_id" integer NOT NULL,
	"code" text NOT NULL,
	"project_no" text NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"method" text NOT NULL,
	"region" text NOT NULL,
	"tenderer_name" text NOT NULL,
	"tenderer_credit_code" text DEFAULT '' NOT NULL,
	"agent_firm_id" integer,
	"agent_name" text DEFAULT '' NOT NULL,
	"budget_fen" bigint,
	"is_mandatory_tendering" boolean DEFAULT false NOT NULL,
	"lots" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"doc_sale_start" text,
	"doc_sale_end" text,
	"bid_deadline" timestamp with time zone,
	"opening_at" timestamp with time zone,
	"opening_place" text DEFAULT '' NOT NULL,
	"award_amount_fen" bigint,
	"awarded_on" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trading_policy" (
	"id" serial PRIMARY KEY NOT NULL,
	"center_id" integer NOT NULL,
	"category" text NOT NULL,
	"inspection_mode" text DEFAULT 'review_first' NOT NULL,
	"rule_severity" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "app_user" ADD COLUMN "agent_firm_id" integer;--> statement-breakpoint
ALTER TABLE "center" ADD COLUMN "credit_code" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "agent_api_key_hash_uq" ON "agent_api_key" USING btree ("key_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "agent_firm_center_credit_uq" ON "agent_firm" USING btree ("center_id","credit_code");--> statement-breakpoint
CREATE INDEX "bidder_registration_project_idx" ON "bidder_registration" USING btree ("project_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "trading_notice_article_uq" ON "trading_notice" USING btree ("article_id");--> statement-breakpoint
CREATE UNIQUE INDEX "trading_notice_idem_uq" ON "trading_notice" USING btree ("agent_firm_id","idempotency_key") WHERE idempotency_key is not null;--> statement-breakpoint
CREATE INDEX "trading_notice_project_idx" ON "trading_notice" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "trading_notice_filter_idx" ON "trading_notice" USING btree ("category","type");--> statement-breakpoint
CREATE INDEX "trading_notice_inspection_idx" ON "trading_notice" USING btree ("center_id","inspection_state");--> statement-breakpoint
CREATE UNIQUE INDEX "trading_project_code_uq" ON "trading_project" USING btree ("code");--> statement-breakpoint
CREATE INDEX "trading_project_agent_idx" ON "trading_project" USING btree ("agent_firm_id");--> statement-breakpoint
CREATE INDEX "trading_project_opening_idx" ON "trading_project" USING btree ("opening_at");--> statement-breakpoint
CREATE INDEX "trading_project_center_idx" ON "trading_project" USING btree ("center_id","category");--> statement-breakpoint
CREATE UNIQUE INDEX "trading_policy_uq" ON "trading_policy" USING btree ("center_id","category");