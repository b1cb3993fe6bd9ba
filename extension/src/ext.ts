/**
 * The few WebExtension calls the clipper makes, typed. Firefox names the API `browser`, Chromium
 * `chrome`; both return promises in Manifest V3.
 */
export interface Tab {
  id?: number;
  url?: string;
  title?: string;
}

export interface ContentScript {
  id: string;
  matches: string[];
  js: string[];
  runAt?: 'document_idle' | 'document_end';
  persistAcrossSessions?: boolean;
}

export interface Ext {
  storage: {
    local: {
      get(keys: string[]): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
  };
  tabs: {
    query(q: { active: boolean; currentWindow: boolean }): Promise<Tab[]>;
    get(id: number): Promise<Tab>;
    create(p: { url: string }): Promise<Tab>;
  };
  scripting: {
    executeScript<A extends unknown[], R>(d: {
      target: { tabId: number };
      func: (...args: A) => R;
      args: A;
    }): Promise<{ result?: R }[]>;
    registerContentScripts(scripts: ContentScript[]): Promise<void>;
    unregisterContentScripts(filter?: { ids: string[] }): Promise<void>;
    getRegisteredContentScripts(): Promise<{ id: string }[]>;
  };
  runtime: {
    id: string;
    getURL(path: string): string;
    sendMessage(message: unknown): Promise<unknown>;
    openOptionsPage(): Promise<void>;
    onMessage: {
      addListener(
        cb: (
          message: unknown,
          sender: { tab?: Tab },
          respond: (answer: unknown) => void,
        ) => boolean | undefined,
      ): void;
    };
  };
  permissions: {
    request(p: { origins: string[] }): Promise<boolean>;
    contains(p: { origins: string[] }): Promise<boolean>;
  };
}

const globals = globalThis as unknown as { browser?: Ext; chrome?: Ext };
export const ext: Ext = (globals.browser ?? globals.chrome)!;

/** This extension's origin, as the server sees it in `Origin` (no trailing slash). */
export const extensionOrigin = (): string => ext.runtime.getURL('').replace(/\/$/, '');
