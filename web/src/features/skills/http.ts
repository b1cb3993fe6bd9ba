import { request } from '../../api/client.ts';

export { request };

/**
 * Reads a file the person chose as base64 (the API takes files inside JSON), reporting progress
 * as a fraction 0..1 while the browser reads it.
 */
export function readFileBase64(file: File, onProgress?: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(e.loaded / e.total);
    };
    reader.onerror = () => reject(new Error(`"${file.name}" could not be read.`));
    reader.onload = () => {
      const url = String(reader.result ?? '');
      onProgress?.(1);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}
