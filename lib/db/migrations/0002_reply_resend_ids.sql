ALTER TABLE "turns" ADD COLUMN "client_reply_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "turns_call_client_reply_key" ON "turns" USING btree ("call_id","client_reply_id");