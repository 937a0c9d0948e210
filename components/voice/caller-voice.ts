import { speakingDurationMs } from "@/lib/caller/pacing";
import { type CallerVoiceStyle, SYNTH_CHARS_PER_SECOND } from "@/lib/voice/caller-style";

// The caller's voice: the browser's speechSynthesis with a Japanese voice when the device has one;
// otherwise the line is "said" silently at the same pace while its caption shows (the trainee is told).

export interface Speaking {
  /** Resolves when the line has been said or stopped. */
  done: Promise<void>;
  /** Stops the line now (a barge-in, hanging up). */
  stop(): void;
}

export interface CallerVoice {
  /** False when the device has no Japanese voice: captions carry the line. */
  audible: boolean;
  speak(text: string, style: CallerVoiceStyle): Speaking;
}

/** The best voice this browser has for the caller. */
export async function createCallerVoice(): Promise<CallerVoice> {
  const synth =
    typeof window !== "undefined" && "speechSynthesis" in window ? window.speechSynthesis : undefined;
  const voice = synth ? await findJapaneseVoice(synth) : undefined;
  return synth && voice ? synthesizedVoice(synth, voice) : captionVoice();
}

async function findJapaneseVoice(synth: SpeechSynthesis): Promise<SpeechSynthesisVoice | undefined> {
  const pick = () => synth.getVoices().find((v) => v.lang.toLowerCase().startsWith("ja"));
  if (synth.getVoices().length > 0) return pick();
  // Chrome lists its voices asynchronously, once.
  await new Promise<void>((resolve) => {
    const timer = window.setTimeout(resolve, 1000);
    synth.addEventListener(
      "voiceschanged",
      () => {
        window.clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
  return pick();
}

function synthesizedVoice(synth: SpeechSynthesis, voice: SpeechSynthesisVoice): CallerVoice {
  return {
    audible: true,
    speak(text, style) {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = "ja-JP";
      utterance.voice = voice;
      utterance.rate = style.rate;
      utterance.pitch = style.pitch;
      utterance.volume = style.volume;
      let finish = () => {};
      const done = new Promise<void>((resolve) => {
        finish = resolve;
      });
      utterance.onend = () => finish();
      utterance.onerror = () => finish();
      synth.speak(utterance);
      return {
        done,
        stop() {
          synth.cancel();
          finish();
        },
      };
    },
  };
}

function captionVoice(): CallerVoice {
  return {
    audible: false,
    speak(text, style) {
      let finish = () => {};
      const done = new Promise<void>((resolve) => {
        finish = resolve;
      });
      const timer = window.setTimeout(
        () => finish(),
        speakingDurationMs(text, SYNTH_CHARS_PER_SECOND * style.rate),
      );
      return {
        done,
        stop() {
          window.clearTimeout(timer);
          finish();
        },
      };
    },
  };
}
