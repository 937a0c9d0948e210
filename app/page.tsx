import { redirect } from "next/navigation";
import { cardClass } from "@/components/ui";
import { requireUser } from "@/lib/auth/session";

export default async function HomePage() {
  const user = await requireUser();
  if (user.role === "trainer") redirect("/trainer");
  if (user.role === "admin") redirect("/admin");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{user.name}さん、こんにちは</h1>
      <section className={cardClass}>
        <h2 className="font-semibold">所属チーム</h2>
        <p className="mt-1 text-slate-700" data-testid="team-name">
          {user.teamName ?? "未所属"}
        </p>
      </section>
    </div>
  );
}
