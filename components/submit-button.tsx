"use client";

import { useFormStatus } from "react-dom";
import { buttonClass } from "./ui";

export function SubmitButton({
  children,
  pendingText,
  className,
}: {
  children: React.ReactNode;
  pendingText?: string;
  className?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className ?? buttonClass} disabled={pending} aria-busy={pending}>
      {pending ? (pendingText ?? "送信中…") : children}
    </button>
  );
}
