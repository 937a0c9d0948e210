import { redirect } from "next/navigation";
import { homePathFor } from "@/lib/auth/return-to";
import { requireUser } from "@/lib/auth/session";

export default async function HomePage() {
  const user = await requireUser();
  redirect(homePathFor(user.role));
}
