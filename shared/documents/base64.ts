/**
 * Bytes as base64 text and back, for carrying a file over the IPC contract (which is JSON over
 * the web-mode WebSocket). Uses atob/btoa, which both the renderer and Node have.
 */
const chunkSize = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += chunkSize) binary += String.fromCharCode(...bytes.subarray(start, start + chunkSize));
  return btoa(binary);
}

/** Throws (DOMException) on text that is not base64. */
export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** How long the base64 text of `size` bytes is. */
export const base64Length = (size: number) => Math.ceil(size / 3) * 4;
