// How the caller's line is voiced: the persona's pace and the mood of the moment. Values are the
// browser speechSynthesis scale (rate 1 and pitch 1 are the voice's own; volume 0–1).

export interface CallerVoiceStyle {
  rate: number;
  pitch: number;
  volume: number;
}

/** A Japanese synthetic voice at rate 1 says about this many characters per second. */
export const SYNTH_CHARS_PER_SECOND = 7.5;

/** The voice for a line: the persona's speaking rate, faster, higher and louder as anger rises, lower when elderly. */
export function callerVoiceStyle(input: {
  speakingRate: number;
  age: number;
  mood: Readonly<Record<string, number>>;
}): CallerVoiceStyle {
  const anger = clamp((input.mood.anger ?? 0) / 100, 0, 1);
  const elderly = input.age >= 70;
  const rate = (input.speakingRate / SYNTH_CHARS_PER_SECOND) * (1 + 0.2 * anger);
  const pitch = 1 + 0.15 * anger - (elderly ? 0.15 : 0);
  return {
    rate: round(clamp(rate, 0.5, 1.8)),
    pitch: round(clamp(pitch, 0.5, 1.5)),
    volume: round(0.8 + 0.2 * anger),
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
