import { readFile } from "node:fs/promises";
import path from "node:path";

// The voice call's speech detector runs in the browser from files of its npm packages, served by the
// app itself (no CDN): the Silero VAD model, its audio worklet, and onnxruntime-web's WebAssembly.
// Only these names are served; they change only with the pinned package versions.
const assets: Record<string, { file: string; type: string }> = {
  "vad.worklet.bundle.min.js": {
    file: "node_modules/@ricky0123/vad-web/dist/vad.worklet.bundle.min.js",
    type: "text/javascript; charset=utf-8",
  },
  "silero_vad_legacy.onnx": {
    file: "node_modules/@ricky0123/vad-web/dist/silero_vad_legacy.onnx",
    type: "application/octet-stream",
  },
  "ort-wasm-simd-threaded.wasm": {
    file: "node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.wasm",
    type: "application/wasm",
  },
  "ort-wasm-simd-threaded.mjs": {
    file: "node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.mjs",
    type: "text/javascript; charset=utf-8",
  },
};

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const asset = assets[(await params).file];
  if (!asset) return new Response("見つかりません。", { status: 404 });
  // Only the files listed above are read: nothing to trace for the server bundle.
  const body = await readFile(path.join(/*turbopackIgnore: true*/ process.cwd(), asset.file));
  return new Response(new Uint8Array(body), {
    headers: { "content-type": asset.type, "cache-control": "public, max-age=86400" },
  });
}
