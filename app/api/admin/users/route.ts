import { listUsersForAdmin } from "@/lib/accounts/admin";
import { requireApiUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { handleApi, json } from "@/lib/http/api-handler";

/** Every user with their role and team (admins only). */
export function GET() {
  return handleApi(async () => {
    await requireApiUser("admin");
    return json({ users: await listUsersForAdmin(await getDb()) });
  });
}
