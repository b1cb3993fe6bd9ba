import type { Command } from 'commander';
import { common, withWorkspace } from '../io.ts';

export function registerMigrateCommand(program: Command): void {
  common(program.command('migrate').description('bring the database schema up to date')).action(
    async (opts) =>
      withWorkspace(opts, async (_ctx, store) => console.log(`Database is up to date: ${store.location}`)),
  );
}
