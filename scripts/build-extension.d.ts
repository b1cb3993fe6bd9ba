export const EXTENSION_DIR: string;
export function manifest(
  browser: 'chromium' | 'firefox',
  hostPermissions?: string[],
): Record<string, unknown>;
export function buildExtension(options?: {
  browser?: 'chromium' | 'firefox';
  outDir?: string;
  hostPermissions?: string[];
}): Promise<string>;
export function buildExtensionIfStale(): Promise<void>;
