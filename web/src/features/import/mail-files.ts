/** The .eml and .mbox files among what was dropped or chosen, folders read through (drag a folder). */
export const MAIL_FILE = /\.(eml|mbox)$/i;

async function walk(entry: FileSystemEntry, out: File[]): Promise<void> {
  if (entry.isFile) {
    out.push(await new Promise<File>((ok, fail) => (entry as FileSystemFileEntry).file(ok, fail)));
    return;
  }
  if (entry.isDirectory) {
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    // readEntries answers in pieces until it answers nothing.
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((ok, fail) => reader.readEntries(ok, fail));
      if (batch.length === 0) break;
      for (const e of batch) await walk(e, out);
    }
  }
}

/** Files of a drop: folders are walked (in browsers that allow it); only .eml and .mbox are kept. */
export async function droppedMailFiles(data: DataTransfer): Promise<File[]> {
  // Entries must be taken before the first await: the drop's data is gone after it.
  const entries = Array.from(data.items ?? [])
    .map((item) => item.webkitGetAsEntry?.() ?? null)
    .filter((e): e is FileSystemEntry => e !== null);
  const plain = Array.from(data.files);
  const out: File[] = [];
  if (entries.length > 0) for (const e of entries) await walk(e, out);
  else out.push(...plain);
  return mailFilesOf(out);
}

/** Only .eml and .mbox files, in name order. */
export function mailFilesOf(files: Iterable<File>): File[] {
  return Array.from(files)
    .filter((f) => MAIL_FILE.test(f.name))
    .sort((a, b) => a.name.localeCompare(b.name));
}
