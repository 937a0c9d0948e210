"use client";

import { buttonClass } from "@/components/ui";

export function PrintButton() {
  return (
    <button type="button" className={`${buttonClass} print:hidden`} onClick={() => window.print()}>
      印刷する（A4）
    </button>
  );
}
