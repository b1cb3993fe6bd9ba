import type { ServiceContext } from './context.ts';
import { importsBackupSection } from './imports/backup-section.ts';
import { insightsBackupSection } from './insights/backup-section.ts';
import { recoveryBackupSection } from './recovery/backup-section.ts';
import { referralsBackupSection } from './referrals/backup-section.ts';
import { skillsBackupSection } from './skills/backup-section.ts';

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
}

export const backupSections: BackupSection[] = [
  insightsBackupSection,
  recoveryBackupSection,
  referralsBackupSection,
  skillsBackupSection,
  importsBackupSection,
];
