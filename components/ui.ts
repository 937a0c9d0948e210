// Shared Tailwind class strings: one place for the look of buttons, fields and cards.
export const buttonClass =
  "inline-flex items-center justify-center gap-2 rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:cursor-not-allowed disabled:opacity-60";
export const secondaryButtonClass =
  "inline-flex items-center justify-center gap-2 rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-700 hover:bg-slate-50 disabled:opacity-60";
export const dangerButtonClass =
  "inline-flex items-center justify-center gap-2 rounded-lg border border-rose-300 bg-white px-3 py-1.5 text-sm font-medium text-rose-700 hover:bg-rose-50";
export const inputClass =
  "block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 placeholder:text-slate-400 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100";
export const labelClass = "mb-1 block text-sm font-medium text-slate-700";
export const cardClass = "rounded-xl border border-slate-200 bg-white p-5 shadow-sm";
export const alertErrorClass = "rounded-lg border border-rose-200 bg-rose-50 px-4 py-3 text-sm text-rose-800";
export const alertInfoClass =
  "rounded-lg border border-brand-100 bg-brand-50 px-4 py-3 text-sm text-brand-700";
