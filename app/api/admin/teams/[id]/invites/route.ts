import { z } from "zod";
import { teamExists } from "@/lib/accounts/admin";
import { createInvite } from "@/lib/accounts/invites";
import { requireApiUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getProxyTrust } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { handleMutation, json, parseId, readJsonBody } from "@/lib/http/api-handler";
import { requestOrigin } from "@/lib/http/request-origin";

const inviteSchema = z.object({ role: z.enum(["trainee", "trainer"]).default("trainee") });

/** An invite link for any team: { role? } → 201, { link, expiresAt } (the link is shown only here). */
export function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleMutation(request, async () => {
    const admin = await requireApiUser("admin");
    const teamId = parseId((await params).id);
    const { role } = await readJsonBody(request, inviteSchema);
    const db = await getDb();
    if (!(await teamExists(db, teamId))) throw new AppError("not_found", "チームが見つかりません。");
    const { token, expiresAt } = await createInvite(db, {
      teamId,
      createdById: admin.id,
      now: new Date(),
      role,
    });
    return json(
      { link: `${requestOrigin(request.headers, getProxyTrust())}/invite/${token}`, expiresAt },
      201,
    );
  });
}
