CREATE TABLE "message_event" (
	"id" serial PRIMARY KEY NOT NULL,
	"message_id" integer NOT NULL,
	"action" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"actor_id" integer,
	"actor_name" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "message" ADD COLUMN "clock_days" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "message" ADD COLUMN "is_clock_working_days" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "message" ADD COLUMN "public_subject" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "message" ADD COLUMN "public_reply" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "message_event_message_idx" ON "message_event" USING btree ("message_id","id");--> statement-breakpoint
CREATE INDEX "message_sender_idx" ON "message" USING btree ("sender_key","received_on") WHERE sender_key <> '';--> statement-breakpoint
-- 网站找错 becomes a message of kind error_report (hand-written: drizzle-kit only drops the old table).
-- Tracking numbers HD-YYYYMMDD-E<id> cannot collide with the per-day serials (digits only); the access
-- code is a random value nobody knows (the sender of an old report never had one); the clock is the day
-- of receipt, so these reports show as due at once; the contact goes to phone or e-mail by its form.
INSERT INTO "message" ("center_id", "kind", "tracking_no", "access_code_hash", "subject", "body", "reference", "phone", "email", "sender_key", "received_on", "clock_days", "is_clock_working_days", "due_on", "status", "created_at")
SELECT
	r."center_id",
	'error_report',
	'HD-' || to_char(r."created_at" AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-E' || lpad(r."id"::text, 6, '0'),
	encode(sha256(convert_to(gen_random_uuid()::text || clock_timestamp()::text, 'UTF8')), 'hex'),
	left(regexp_replace(r."description", '\s+', ' ', 'g'), 40),
	r."description",
	left(r."page_url", 500),
	CASE WHEN position('@' in r."contact") > 0 THEN '' ELSE left(r."contact", 30) END,
	CASE WHEN position('@' in r."contact") > 0 THEN left(r."contact", 100) ELSE '' END,
	CASE
		WHEN position('@' in r."contact") > 0 THEN 'e:' || lower(trim(r."contact"))
		WHEN length(regexp_replace(r."contact", '\D', '', 'g')) >= 5 THEN 'p:' || regexp_replace(r."contact", '\D', '', 'g')
		ELSE ''
	END,
	(r."created_at" AT TIME ZONE 'Asia/Shanghai')::date,
	0,
	true,
	(r."created_at" AT TIME ZONE 'Asia/Shanghai')::date,
	'open',
	r."created_at"
FROM "error_report" r
ORDER BY r."id";--> statement-breakpoint
INSERT INTO "message_event" ("message_id", "action", "note", "actor_name", "created_at")
SELECT m."id", 'received', '由原“网站找错”记录迁移', '系统', m."created_at" FROM "message" m WHERE m."tracking_no" LIKE 'HD-%-E%';--> statement-breakpoint
DROP TABLE "error_report" CASCADE;
