import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { roleLabels } from "@/components/role-labels";
import { SignInForm } from "@/components/sign-in-form";
import { alertErrorClass, cardClass, secondaryButtonClass } from "@/components/ui";
import { DEMO_PASSWORD, demoAccounts } from "@/lib/accounts/demo";
import { listSsoProviders } from "@/lib/auth/config";
import { safeReturnTo } from "@/lib/auth/return-to";
import { getCurrentUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { signInAction, signInWithProviderAction } from "./actions";

export const metadata: Metadata = { title: "ログイン" };

const errorMessages: Record<string, string> = {
  NoAccount: "このアカウントは登録されていません。トレーナーから招待リンクを受け取ってください。",
  AccessDenied: "このアカウントではログインできません。",
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string; callbackUrl?: string }>;
}) {
  const { error, callbackUrl } = await searchParams;
  const returnTo = safeReturnTo(callbackUrl);
  if (await getCurrentUser()) redirect(returnTo ?? "/");
  const providers = listSsoProviders();
  const showDemo = getEnv().seedDemo;
  return (
    <div className="mx-auto max-w-md space-y-6">
      <div className="text-center">
        <h1 className="text-2xl font-bold">ログイン</h1>
        <p className="mt-1 text-sm text-slate-600">聴き手で傾聴の練習を始めましょう。</p>
      </div>
      <div className={`${cardClass} space-y-4`}>
        {error && (
          <p role="alert" className={alertErrorClass}>
            {errorMessages[error] ?? "ログインできませんでした。もう一度お試しください。"}
          </p>
        )}
        <SignInForm action={signInAction} returnTo={returnTo} />
        {providers.length > 0 && (
          <div className="space-y-2 border-t border-slate-200 pt-4">
            {providers.map((p) => (
              <form key={p.id} action={signInWithProviderAction.bind(null, p.id, returnTo)}>
                <button type="submit" className={`${secondaryButtonClass} w-full`}>
                  {p.name} でログイン
                </button>
              </form>
            ))}
          </div>
        )}
      </div>
      {showDemo && (
        <section aria-labelledby="demo-heading" className={`${cardClass} text-sm`}>
          <h2 id="demo-heading" className="font-semibold">
            デモアカウント
          </h2>
          <p className="mt-1 text-slate-600">
            パスワードはすべて <code className="rounded bg-slate-100 px-1">{DEMO_PASSWORD}</code> です。
          </p>
          <ul className="mt-2 space-y-1">
            {demoAccounts.map((a) => (
              <li key={a.email} className="flex justify-between gap-2">
                <code>{a.email}</code>
                <span className="text-slate-500">{roleLabels[a.role]}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
