import { aiBackupSection } from './ai/backup-section.ts';
import type { ServiceContext } from './context.ts';
import { importsBackupSection } from './imports/backup-section.ts';
import { insightsBackupSection } from './insights/backup-section.ts';
import { recoveryBackupSection } from './recovery/backup-section.ts';
import { referralsBackupSection } from './referrals/backup-section.ts';
import { skillsBackupSection } from './skills/backup-section.ts';
import { weekBackupSection } from './week/backup-section.ts';
import { writingBackupSection } from './writing/backup-section.ts';

/**
 * A feature's part of the backup. Each feature that stores its own tables (recovery, skills,
 * insights, imports) adds one section here, so `rebound export` stays lossless as features grow.
 * `import` runs inside the restore transaction (ctx.db is the transaction) after applications
 * are written; `clear` runs before applications are cleared (feature rows reference them).
 */
export interface BackupSection {
  name: string;
  export(ctx: ServiceContext): Promise<unknown>;
  import(ctx: ServiceContext, data: unknown): Promise<void>;
  clear(ctx: ServiceContext): Promise<void>;
  /**
   * A private section (the writing after a no) leaves in a backup only when the user includes it
   * explicitly; it is never part of anything shared. A restore whose backup lacks it keeps what is
   * on this machine (`keep`: given what was exported before the clear, and the restored
   * application ids).
   */
  private?: true;
  keep?(ctx: ServiceContext, kept: unknown, applicationIds: ReadonlySet<string>): Promise<void>;
}

export const backupSections: BackupSection[] = [
  insightsBackupSection,
  recoveryBackupSection,
  referralsBackupSection,
  skillsBackupSection,
  importsBackupSection,
  weekBackupSection,
  writingBackupSection,
  aiBackupSection,
];
