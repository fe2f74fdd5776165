CREATE TABLE "serial_counter" (
	"scope" text PRIMARY KEY NOT NULL,
	"value" integer NOT NULL
);
