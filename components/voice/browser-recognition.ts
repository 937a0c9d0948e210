// The browser's own speech recognition (Chrome, Edge, Safari): ja-JP, interim results, kept running
// for the whole call. Used when the server has no transcription endpoint.

interface RecognitionResult {
  isFinal: boolean;
  0: { transcript: string };
}
interface RecognitionEvent {
  resultIndex: number;
  results: { length: number; [index: number]: RecognitionResult };
}
interface Recognition {
  lang: string;
  continuous: boolean;
  interimResults: boolean;
  onresult: ((event: RecognitionEvent) => void) | null;
  onend: (() => void) | null;
  onerror: ((event: { error: string }) => void) | null;
  start(): void;
  stop(): void;
}
type RecognitionConstructor = new () => Recognition;

export interface BrowserRecognition {
  start(): void;
  stop(): void;
  /** The words heard since the last call (final and interim), and forgets them. */
  take(): string;
}

/** Whether this browser has speech recognition. */
export function hasBrowserRecognition(): boolean {
  return recognitionConstructor() !== undefined;
}

function recognitionConstructor(): RecognitionConstructor | undefined {
  if (typeof window === "undefined") return undefined;
  const w = window as unknown as {
    SpeechRecognition?: RecognitionConstructor;
    webkitSpeechRecognition?: RecognitionConstructor;
  };
  return w.SpeechRecognition ?? w.webkitSpeechRecognition;
}

/** A running recognizer that reports interim words; null without browser support. */
export function createBrowserRecognition(
  onInterim: (text: string) => void,
  onDenied: () => void,
): BrowserRecognition | null {
  const Constructor = recognitionConstructor();
  if (!Constructor) return null;
  const recognition = new Constructor();
  recognition.lang = "ja-JP";
  recognition.continuous = true;
  recognition.interimResults = true;
  let finals = "";
  let interim = "";
  let running = false;
  recognition.onresult = (event) => {
    interim = "";
    for (let i = event.resultIndex; i < event.results.length; i++) {
      const result = event.results[i];
      if (!result) continue;
      if (result.isFinal) finals += result[0].transcript;
      else interim += result[0].transcript;
    }
    onInterim(finals + interim);
  };
  recognition.onerror = (event) => {
    if (event.error === "not-allowed" || event.error === "service-not-allowed") {
      running = false;
      onDenied();
    }
  };
  // Chrome ends a session after a while of silence: keep listening for the whole call.
  recognition.onend = () => {
    if (running) recognition.start();
  };
  return {
    start() {
      running = true;
      recognition.start();
    },
    stop() {
      running = false;
      recognition.stop();
    },
    take() {
      const text = finals + interim;
      finals = "";
      interim = "";
      onInterim("");
      return text;
    },
  };
}
