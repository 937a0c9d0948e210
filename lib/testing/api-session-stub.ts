import type { SessionUser } from "@/lib/accounts/users";
import type { DbHandle } from "@/lib/db/open-database";
import { AppError } from "@/lib/errors";

// Stands in for lib/auth/session.ts and lib/db/client.ts in tests that call route handlers directly:
//   vi.mock("@/lib/auth/session", () => import("@/lib/testing/api-session-stub"));
//   vi.mock("@/lib/db/client", () => import("@/lib/testing/api-session-stub"));
// The test says who is signed in (null: anonymous) and which database the routes use.

export const apiSession = { user: null as SessionUser | null, handle: null as DbHandle | null };

function currentUser(): SessionUser {
  if (!apiSession.user) throw new AppError("unauthorized", "ログインしてください。");
  return apiSession.user;
}

export async function requireApiUser(...roles: string[]): Promise<SessionUser> {
  const user = currentUser();
  if (roles.length > 0 && !roles.includes(user.role)) {
    throw new AppError("forbidden", "この操作を行う権限がありません。");
  }
  return user;
}

export async function requireApiUserId(): Promise<{ id: string }> {
  return { id: currentUser().id };
}

export async function getDb() {
  return apiSession.handle!.db;
}

export async function getDbHandle() {
  return apiSession.handle!;
}
