import type { CallerVoiceStyle } from "./caller-style";

// What an OpenAI-compatible audio.speech request can carry of the caller's voice: the pace (speed),
// a voice per persona, and for models that take them, spoken instructions for the mood. Pitch and
// loudness have no parameter there: the browser applies the loudness when it plays the audio.

export interface SpeechRequestParts {
  voice: string;
  speed: number;
  /** Only for models that read a delivery brief (OpenAI's gpt-4o-mini-tts); undefined otherwise. */
  instructions: string | undefined;
}

/** The speed, voice and (where the model takes them) instructions for one caller line. */
export function speechRequestParts(input: {
  model: string;
  voices: readonly string[];
  personaName: string;
  age: number;
  mood: Readonly<Record<string, number>>;
  style: CallerVoiceStyle;
}): SpeechRequestParts {
  return {
    voice: voiceForPersona(input.personaName, input.voices),
    // The API's range is 0.25–4; the style's rate is already relative to a voice's own pace.
    speed: Math.min(4, Math.max(0.25, input.style.rate)),
    instructions: takesInstructions(input.model) ? deliveryBrief(input.age, input.mood) : undefined,
  };
}

/** One of the configured voices, always the same for a persona (its name picks it). */
export function voiceForPersona(personaName: string, voices: readonly string[]): string {
  if (voices.length === 0) throw new Error("no voice configured");
  let hash = 0;
  for (const char of personaName) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return voices[hash % voices.length]!;
}

// tts-1 and local servers have no instructions parameter (OpenAI refuses it for tts-1).
function takesInstructions(model: string): boolean {
  return /^gpt-4o/.test(model);
}

function deliveryBrief(age: number, mood: Readonly<Record<string, number>>): string {
  const anger = mood.anger ?? 0;
  const parts = ["コールセンターに電話をかけてきたお客様として、自然な日本語の話し言葉で話してください。"];
  if (anger >= 60) parts.push("強く怒っていて、早口で語気が強い話し方です。");
  else if (anger >= 30) parts.push("いら立っていて、少しとげのある話し方です。");
  else parts.push("落ち着いた話し方です。");
  if (age >= 70) parts.push("高齢の方で、ゆっくり低めの声で話します。");
  return parts.join("");
}
