import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";

export default async function HomePage() {
  const user = await requireUser();
  redirect(user.role === "trainee" ? "/practice" : user.role === "trainer" ? "/trainer" : "/admin");
}
