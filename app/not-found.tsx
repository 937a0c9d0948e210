import Link from "next/link";
import { cardClass } from "@/components/ui";

export default function NotFound() {
  return (
    <div className={`${cardClass} mx-auto max-w-lg text-center`}>
      <p className="text-sm font-semibold text-slate-500">404</p>
      <h1 className="mt-1 text-xl font-bold">ページが見つかりません</h1>
      <p className="mt-2 text-sm text-slate-600">URL が正しいか、表示する権限があるかをご確認ください。</p>
      <Link href="/" className="mt-4 inline-block text-brand-700 underline">
        ホームに戻る
      </Link>
    </div>
  );
}
