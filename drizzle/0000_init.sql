CREATE TABLE "login_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_start" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_group_member" (
	"group_id" integer NOT NULL,
	"user_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_group" (
	"id" serial PRIMARY KEY NOT NULL,
	"center_id" integer NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "role_grant" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"center_id" integer NOT NULL,
	"role" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session" (
	"id" serial PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" integer NOT NULL,
	"is_mfa_passed" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip" text DEFAULT '' NOT NULL,
	"user_agent" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "app_user" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"home_center_id" integer NOT NULL,
	"department_id" integer,
	"password_hash" text NOT NULL,
	"totp_secret" text,
	"totp_enabled" boolean DEFAULT false NOT NULL,
	"totp_last_step" integer DEFAULT 0 NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"is_disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"center_id" integer,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text NOT NULL,
	"before_digest" text,
	"after_digest" text,
	"ip" text DEFAULT '' NOT NULL,
	"user_agent" text DEFAULT '' NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "center" (
	"id" serial PRIMARY KEY NOT NULL,
	"parent_id" integer,
	"code" text NOT NULL,
	"level" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"site_name" text NOT NULL,
	"domain" text,
	"host_unit" text NOT NULL,
	"icp_no" text DEFAULT '' NOT NULL,
	"psb_no" text DEFAULT '' NOT NULL,
	"site_id_code" text DEFAULT '' NOT NULL,
	"logo_text" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"fax" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"office_hours" text DEFAULT '' NOT NULL,
	"index_prefix" text NOT NULL,
	"default_chain_id" integer,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "department" (
	"id" serial PRIMARY KEY NOT NULL,
	"center_id" integer NOT NULL,
	"name" text NOT NULL,
	"head_user_id" integer,
	"leader_user_id" integer
);
--> statement-breakpoint
CREATE TABLE "article_revision" (
	"id" serial PRIMARY KEY NOT NULL,
	"article_id" integer NOT NULL,
	"revision_no" integer NOT NULL,
	"title" text NOT NULL,
	"body_html" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"attachment_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"author_id" integer NOT NULL,
	"correction_note" text,
	"published_version_no" integer,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "article" (
	"id" serial PRIMARY KEY NOT NULL,
	"center_id" integer NOT NULL,
	"column_id" integer NOT NULL,
	"department_id" integer,
	"author_id" integer NOT NULL,
	"status" text NOT NULL,
	"review_state" text DEFAULT 'none' NOT NULL,
	"current_revision_id" integer,
	"published_revision_id" integer,
	"pending_correction" boolean DEFAULT false NOT NULL,
	"index_no" text,
	"publisher" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"published_at" timestamp with time zone,
	"go_live_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"withdraw_reason" text,
	"is_force_published" boolean DEFAULT false NOT NULL,
	"lock_version" integer DEFAULT 0 NOT NULL,
	"view_count" bigint DEFAULT 0 NOT NULL,
	"formed_on" date,
	"search" "tsvector",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attachment" (
	"id" serial PRIMARY KEY NOT NULL,
	"center_id" integer NOT NULL,
	"original_name" text NOT NULL,
	"safe_name" text NOT NULL,
	"mime" text NOT NULL,
	"ext" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "site_column" (
	"id" serial PRIMARY KEY NOT NULL,
	"center_id" integer NOT NULL,
	"parent_id" integer,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"column_type" text DEFAULT '信息公开' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"is_aggregating" boolean DEFAULT false NOT NULL,
	"review_chain_id" integer,
	"is_in_catalog" boolean DEFAULT true NOT NULL,
	"catalog_category" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "page_views_daily" (
	"day" date NOT NULL,
	"center_id" integer NOT NULL,
	"column_id" integer NOT NULL,
	"article_id" integer NOT NULL,
	"views" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "error_report" (
	"id" serial PRIMARY KEY NOT NULL,
	"center_id" integer NOT NULL,
	"page_url" text NOT NULL,
	"description" text NOT NULL,
	"contact" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"event" text NOT NULL,
	"center_id" integer NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"relayed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "publication_log" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"center_id" integer NOT NULL,
	"item_type" text NOT NULL,
	"item_id" integer NOT NULL,
	"version_no" integer NOT NULL,
	"action" text NOT NULL,
	"leaf" jsonb NOT NULL,
	"leaf_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_chain" (
	"id" serial PRIMARY KEY NOT NULL,
	"center_id" integer NOT NULL,
	"name" text NOT NULL,
	"steps" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_run" (
	"id" serial PRIMARY KEY NOT NULL,
	"center_id" integer NOT NULL,
	"article_id" integer NOT NULL,
	"revision_id" integer NOT NULL,
	"purpose" text NOT NULL,
	"status" text NOT NULL,
	"chain_name" text NOT NULL,
	"steps" jsonb NOT NULL,
	"current_step" integer DEFAULT 0 NOT NULL,
	"resumed_from_run_id" integer,
	"submitted_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "review_task" (
	"id" serial PRIMARY KEY NOT NULL,
	"center_id" integer NOT NULL,
	"run_id" integer NOT NULL,
	"article_id" integer NOT NULL,
	"revision_id" integer NOT NULL,
	"revision_hash" text NOT NULL,
	"step_index" integer NOT NULL,
	"step_name" text NOT NULL,
	"assignee_ids" jsonb NOT NULL,
	"status" text NOT NULL,
	"claimed_by" integer,
	"acted_by" integer,
	"acted_at" timestamp with time zone,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "review_group_member_uq" ON "review_group_member" USING btree ("group_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "role_grant_uq" ON "role_grant" USING btree ("user_id","center_id","role");--> statement-breakpoint
CREATE UNIQUE INDEX "session_token_uq" ON "session" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "session_user_idx" ON "session" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "app_user_username_uq" ON "app_user" USING btree ("username");--> statement-breakpoint
CREATE INDEX "audit_event_center_at_idx" ON "audit_event" USING btree ("center_id","at");--> statement-breakpoint
CREATE INDEX "audit_event_action_idx" ON "audit_event" USING btree ("action");--> statement-breakpoint
CREATE UNIQUE INDEX "center_code_uq" ON "center" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "article_revision_no_uq" ON "article_revision" USING btree ("article_id","revision_no");--> statement-breakpoint
CREATE INDEX "article_column_pub_idx" ON "article" USING btree ("column_id","published_at");--> statement-breakpoint
CREATE INDEX "article_center_pub_idx" ON "article" USING btree ("center_id","published_at");--> statement-breakpoint
CREATE INDEX "article_status_idx" ON "article" USING btree ("center_id","status");--> statement-breakpoint
CREATE INDEX "article_search_idx" ON "article" USING gin ("search");--> statement-breakpoint
CREATE UNIQUE INDEX "article_index_no_uq" ON "article" USING btree ("center_id","index_no");--> statement-breakpoint
CREATE UNIQUE INDEX "site_column_center_slug_uq" ON "site_column" USING btree ("center_id","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "page_views_daily_uq" ON "page_views_daily" USING btree ("day","center_id","column_id","article_id");--> statement-breakpoint
CREATE INDEX "error_report_center_idx" ON "error_report" USING btree ("center_id","created_at");--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox" USING btree ("relayed_at","id");--> statement-breakpoint
CREATE INDEX "review_run_article_idx" ON "review_run" USING btree ("article_id");--> statement-breakpoint
CREATE INDEX "review_task_run_idx" ON "review_task" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "review_task_center_status_idx" ON "review_task" USING btree ("center_id","status");