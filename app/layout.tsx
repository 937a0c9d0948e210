import type { Metadata, Viewport } from "next";
import { SiteHeader } from "@/components/site-header";
import { getCurrentUser } from "@/lib/auth/session";
import { signOutAction } from "./signin/actions";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "聴き手 Kikite", template: "%s | 聴き手 Kikite" },
  description:
    "コールセンターの傾聴トレーニング: 難しい電話を練習して、傾聴スキルの採点とフィードバックを受けられます。",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  return (
    <html lang="ja">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          本文へ移動
        </a>
        <SiteHeader user={user} signOutAction={signOutAction} />
        <main id="main" className="mx-auto max-w-5xl px-4 py-8">
          {children}
        </main>
      </body>
    </html>
  );
}
