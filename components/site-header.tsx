import Link from "next/link";
import type { SessionUser } from "@/lib/accounts/users";
import { roleLabels } from "./role-labels";

const navByRole: Record<SessionUser["role"], { href: string; label: string }[]> = {
  trainee: [
    { href: "/practice", label: "練習する" },
    { href: "/history", label: "練習の記録" },
  ],
  trainer: [
    { href: "/trainer", label: "チーム" },
    { href: "/trainer/scenarios", label: "シナリオ" },
    { href: "/contest", label: "コンクール" },
    { href: "/practice", label: "練習する" },
    { href: "/history", label: "練習の記録" },
  ],
  admin: [
    { href: "/admin", label: "管理" },
    { href: "/trainer", label: "チーム" },
    { href: "/trainer/scenarios", label: "シナリオ" },
    { href: "/contest", label: "コンクール" },
    { href: "/practice", label: "練習する" },
  ],
};

export function SiteHeader({
  user,
  signOutAction,
}: {
  user: SessionUser | null;
  signOutAction: () => Promise<void>;
}) {
  return (
    <header className="border-b border-slate-200 bg-white print:hidden">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="flex items-baseline gap-2 font-bold text-brand-700">
          <span className="text-xl">聴き手</span>
          <span className="text-xs font-medium tracking-widest text-slate-500">KIKITE</span>
        </Link>
        {user && (
          <nav aria-label="メインメニュー" className="flex flex-wrap gap-4 text-sm">
            {navByRole[user.role].map((item) => (
              <Link key={item.href} href={item.href} className="text-slate-700 hover:text-brand-700">
                {item.label}
              </Link>
            ))}
          </nav>
        )}
        {user && (
          <div className="ml-auto flex items-center gap-3 text-sm">
            <span className="text-slate-600" data-testid="current-user">
              {user.name}
              <span className="ml-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">
                {roleLabels[user.role]}
              </span>
            </span>
            <form action={signOutAction}>
              <button
                type="submit"
                className="rounded-md px-2 py-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900"
              >
                ログアウト
              </button>
            </form>
          </div>
        )}
      </div>
    </header>
  );
}
