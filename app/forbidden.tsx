import Link from "next/link";
import { cardClass } from "@/components/ui";

export default function Forbidden() {
  return (
    <div className={`${cardClass} mx-auto max-w-lg text-center`}>
      <p className="text-sm font-semibold text-rose-700">403</p>
      <h1 className="mt-1 text-xl font-bold">このページを表示する権限がありません</h1>
      <p className="mt-2 text-sm text-slate-600">
        トレーナーまたは管理者向けのページです。必要な場合はトレーナーにお問い合わせください。
      </p>
      <Link href="/" className="mt-4 inline-block text-brand-700 underline">
        ホームに戻る
      </Link>
    </div>
  );
}
