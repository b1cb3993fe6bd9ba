import { ApiError, type ApiErrorDetail } from '../../api/client.ts';

/** JSON over fetch with the app's error model: a refusal becomes an `ApiError` with its fields. */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, headers: { accept: 'application/json' } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { ...init.headers, 'content-type': 'application/json' };
  }
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch {
    throw new ApiError(0, 'network_error', 'Rebound could not reach its server. Is it still running?', []);
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!res.ok) {
    const err = (json as { error?: { code?: string; message?: string; details?: ApiErrorDetail[] } })?.error;
    throw new ApiError(
      res.status,
      err?.code ?? 'internal_error',
      err?.message ?? `Something went wrong (${res.status}).`,
      err?.details ?? [],
    );
  }
  return json as T;
}

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
