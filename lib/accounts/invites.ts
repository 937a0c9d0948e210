import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/open-database";
import { invites, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { plainText } from "@/lib/validation/plain-text";
import { hashPassword, PASSWORD_MIN_LENGTH } from "./passwords";
import { findUserByEmail, normalizeEmail, type Role } from "./users";

export const INVITE_LIFETIME_DAYS = 7;

const EMAIL_TAKEN = "このメールアドレスでは登録できません。";

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates an invite link token for a team (trainee accounts unless an admin asks for another role). */
export async function createInvite(
  db: Db,
  input: { teamId: string; createdById: string; now: Date; role?: Role },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(24).toString("base64url");
  const expiresAt = new Date(input.now.getTime() + INVITE_LIFETIME_DAYS * 24 * 60 * 60 * 1000);
  await db.insert(invites).values({
    teamId: input.teamId,
    createdById: input.createdById,
    tokenHash: hashToken(token),
    role: input.role ?? "trainee",
    expiresAt,
  });
  return { token, expiresAt };
}

export async function listActiveInvites(db: Db, teamId: string, now: Date) {
  return db
    .select({
      id: invites.id,
      expiresAt: invites.expiresAt,
      uses: invites.uses,
      createdAt: invites.createdAt,
    })
    .from(invites)
    .where(and(eq(invites.teamId, teamId), isNull(invites.revokedAt), gt(invites.expiresAt, now)))
    .orderBy(desc(invites.createdAt));
}

/** Revokes an invite of the given team; another team's invite is "not found". */
export async function revokeInvite(db: Db, input: { inviteId: string; teamId: string; now: Date }) {
  const rows = await db
    .update(invites)
    .set({ revokedAt: input.now })
    .where(and(eq(invites.id, input.inviteId), eq(invites.teamId, input.teamId)))
    .returning({ id: invites.id });
  if (rows.length === 0) throw new AppError("not_found", "招待リンクが見つかりません。");
}

export type InviteStatus = "valid" | "expired" | "revoked" | "unknown";

export async function getInviteStatus(db: Db, token: string, now: Date) {
  const [invite] = await db
    .select()
    .from(invites)
    .where(eq(invites.tokenHash, hashToken(token)))
    .limit(1);
  if (!invite) return { status: "unknown" as const };
  if (invite.revokedAt) return { status: "revoked" as const };
  if (invite.expiresAt <= now) return { status: "expired" as const };
  return { status: "valid" as const, invite };
}

export const acceptInviteSchema = z.object({
  name: plainText()
    .trim()
    .min(1, "お名前を入力してください。")
    .max(60, "お名前は60文字以内で入力してください。"),
  email: z.email("メールアドレスの形式が正しくありません。").max(200),
  password: plainText()
    .min(PASSWORD_MIN_LENGTH, `パスワードは${PASSWORD_MIN_LENGTH}文字以上にしてください。`)
    .max(200, "パスワードが長すぎます。"),
});

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** The invite behind a link, locked for this transaction; null when unknown, revoked or expired. */
async function usableInvite(tx: Tx, token: string, now: Date) {
  const [invite] = await tx
    .select()
    .from(invites)
    .where(eq(invites.tokenHash, hashToken(token)))
    .for("update")
    .limit(1);
  return invite && !invite.revokedAt && invite.expiresAt > now ? invite : null;
}

/** Creates the invited account in the invite's team, in one transaction. */
export async function acceptInvite(
  db: Db,
  input: { token: string; account: z.infer<typeof acceptInviteSchema>; now: Date },
): Promise<{ userId: string; email: string }> {
  const passwordHash = await hashPassword(input.account.password);
  return db.transaction(async (tx) => {
    const invite = await usableInvite(tx, input.token, input.now);
    if (!invite) {
      throw new AppError(
        "not_found",
        "この招待リンクは無効か、有効期限が切れています。トレーナーに新しいリンクを依頼してください。",
      );
    }
    // The caller must not pass this on as "already registered": anyone with the link could then test
    // which emails have accounts (see app/invite/[token]/actions.ts).
    if (await findUserByEmail(tx, input.account.email)) throw new AppError("conflict", EMAIL_TAKEN);
    const [user] = await tx
      .insert(users)
      .values({
        email: normalizeEmail(input.account.email),
        name: input.account.name,
        passwordHash,
        role: invite.role,
        teamId: invite.teamId,
      })
      .returning({ id: users.id, email: users.email });
    await tx
      .update(invites)
      .set({ uses: sql`${invites.uses} + 1` })
      .where(eq(invites.id, invite.id));
    return { userId: user!.id, email: user!.email };
  });
}

export type JoinInviteResult = "joined" | "kept" | "invalid";

/**
 * An existing account whose owner signed in through the invite form joins the invite's team: only an
 * account without a team whose role is the one the link gives, and never an admin. A member of another
 * team stays in it (moving them away from their trainer is an admin's decision), and a trainer never
 * takes over a team through a trainee's link. One transaction, the link counted.
 */
export async function joinInviteTeam(
  db: Db,
  input: { token: string; userId: string; now: Date },
): Promise<JoinInviteResult> {
  return db.transaction(async (tx) => {
    const invite = await usableInvite(tx, input.token, input.now);
    if (!invite) return "invalid";
    // Gaining a team from none takes no right away, so the user's sessions (the one just opened
    // among them) stay open: pages read the team fresh.
    const joined = await tx
      .update(users)
      .set({ teamId: invite.teamId })
      .where(
        and(
          eq(users.id, input.userId),
          isNull(users.teamId),
          eq(users.role, invite.role),
          ne(users.role, "admin"),
        ),
      )
      .returning({ id: users.id });
    if (joined.length === 0) return "kept";
    await tx
      .update(invites)
      .set({ uses: sql`${invites.uses} + 1` })
      .where(eq(invites.id, invite.id));
    return "joined";
  });
}
