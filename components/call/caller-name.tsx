/** The caller's name on a call screen, with a badge when an AI voices them. */
export function CallerName({ personaName, llm }: { personaName: string; llm: boolean }) {
  return (
    <>
      お客様：{personaName}
      {llm && (
        <span
          className="ml-2 rounded-full bg-violet-50 px-2 py-0.5 text-xs text-violet-700"
          data-testid="call-mode"
        >
          AI のお客様
        </span>
      )}
    </>
  );
}
