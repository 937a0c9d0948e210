CREATE TABLE "contest_judgements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"judge_id" uuid NOT NULL,
	"marks" jsonb NOT NULL,
	"total" real NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "contest_leaderboard_for_trainees" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "contest_judgements" ADD CONSTRAINT "contest_judgements_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_judgements" ADD CONSTRAINT "contest_judgements_judge_id_users_id_fk" FOREIGN KEY ("judge_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contest_judgements_call_judge_key" ON "contest_judgements" USING btree ("call_id","judge_id");--> statement-breakpoint
CREATE INDEX "contest_judgements_call_idx" ON "contest_judgements" USING btree ("call_id");