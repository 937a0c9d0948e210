import { speakingDurationMs } from "@/lib/caller/pacing";
import { type CallerVoiceStyle, SYNTH_CHARS_PER_SECOND } from "@/lib/voice/caller-style";

// The caller's voice: the server's text to speech when it is configured (the audio of each line from
// the call's authenticated speech route); otherwise the browser's speechSynthesis with a Japanese voice
// when the device has one; otherwise the line is "said" silently at the same pace while its caption
// shows (the trainee is told).

export interface Speaking {
  /**
   * Resolves when the voice is first heard (a server voice after its first audio arrives), or when it
   * is stopped before that; undefined when it starts at once.
   */
  started?: Promise<void>;
  /** Resolves when the line has been said or stopped. */
  done: Promise<void>;
  /** Stops the line now (a barge-in, hanging up). */
  stop(): void;
}

/** A caller line to say: its place in the call (the server voices it by that) and its words. */
export interface CallerLineToSay {
  seq: number;
  text: string;
}

export interface CallerVoice {
  /** False when the device has no Japanese voice: captions carry the line. */
  audible: boolean;
  speak(line: CallerLineToSay, style: CallerVoiceStyle): Speaking;
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

/** The server's voice for the caller of call `callId`; a line it cannot voice is captioned at its pace. */
export function createServerVoice(callId: string): CallerVoice {
  const captions = captionVoice();
  return {
    audible: true,
    speak(line, style) {
      const audio = new Audio(`/api/calls/${callId}/speech/${line.seq}`);
      // The API sets the pace; the loudness of the mood is the player's.
      audio.volume = style.volume;
      let finish = () => {};
      const done = new Promise<void>((resolve) => {
        finish = resolve;
      });
      let begin = () => {};
      const started = new Promise<void>((resolve) => {
        begin = resolve;
      });
      void done.then(begin);
      let fallback: Speaking | null = null;
      let stopped = false;
      const captionInstead = () => {
        if (stopped || fallback) return;
        fallback = captions.speak(line, style);
        begin();
        void fallback.done.then(finish);
      };
      audio.addEventListener("playing", () => begin(), { once: true });
      audio.addEventListener("ended", () => finish());
      audio.addEventListener("error", captionInstead);
      audio.play().catch(captionInstead);
      return {
        started,
        done,
        stop() {
          stopped = true;
          audio.pause();
          // Also ends the download of the rest of the line.
          audio.removeAttribute("src");
          audio.load();
          fallback?.stop();
          finish();
        },
      };
    },
  };
}

function synthesizedVoice(synth: SpeechSynthesis, voice: SpeechSynthesisVoice): CallerVoice {
  return {
    audible: true,
    speak({ text }, style) {
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
    speak({ text }, style) {
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
