/** How far a folder was read: every message up to `lastUid` under `uidValidity`. */
export interface FolderState {
  uidValidity: number;
  lastUid: number;
}

/** What the server says about a folder when it is opened. */
export interface MailboxStatus {
  uidValidity: number;
  /** The UID the next message will get, when the server says. */
  uidNext: number | null;
  /** Messages in the folder. */
  exists: number;
}

export interface FolderPlan {
  /** The server renumbered the folder (a new UIDVALIDITY): read it all again from UID 1. */
  restart: boolean;
  /** Read messages with this UID and above. */
  fromUid: number;
  /** Nothing can be new: the folder is empty or its next UID is not past what was read. */
  nothingNew: boolean;
}

/**
 * Decides where an incremental IMAP read starts. UIDs only grow within one UIDVALIDITY, so the
 * highest UID read is enough to know what is new; when UIDVALIDITY changes the old UIDs mean
 * nothing and the folder is read again (each message's own key keeps it from acting twice).
 */
export function planFolder(stored: FolderState | undefined, mailbox: MailboxStatus): FolderPlan {
  const restart = stored !== undefined && stored.uidValidity !== mailbox.uidValidity;
  const fromUid = stored && !restart ? stored.lastUid + 1 : 1;
  const nothingNew = mailbox.exists === 0 || (mailbox.uidNext !== null && mailbox.uidNext <= fromUid);
  return { restart, fromUid, nothingNew };
}
