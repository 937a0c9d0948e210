CREATE TABLE "turn_recordings" (
	"turn_id" uuid PRIMARY KEY NOT NULL,
	"call_id" uuid NOT NULL,
	"wav" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "audio_retention_days" integer;--> statement-breakpoint
ALTER TABLE "turn_recordings" ADD CONSTRAINT "turn_recordings_turn_id_turns_id_fk" FOREIGN KEY ("turn_id") REFERENCES "public"."turns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "turn_recordings" ADD CONSTRAINT "turn_recordings_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "turn_recordings_call_idx" ON "turn_recordings" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "turn_recordings_expires_idx" ON "turn_recordings" USING btree ("expires_at");