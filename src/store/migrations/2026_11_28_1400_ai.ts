import type { Kysely } from 'kysely';

// Frozen: never edit after release. Later changes are new migrations that only add.
//
// Your own model (issue 17): one OpenAI-compatible endpoint per workspace (off until set; the key
// only sealed, AES-256-GCM, with the key file kept outside the database), and a local log of
// every call made to it: when, for which feature, how many characters were sent.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ai_endpoints')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('base_url', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    // `v1.<iv>.<tag>.<ciphertext>` in base64url; null for endpoints without a key (Ollama, LM Studio).
    .addColumn('api_key', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('ai_calls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('feature', 'text', (c) => c.notNull())
    .addColumn('chars_sent', 'integer', (c) => c.notNull())
    .addColumn('base_url', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    // 'ok', 'error' or 'timeout'.
    .addColumn('status', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ai_calls_ws').on('ai_calls').columns(['workspace_id', 'at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('ai_calls').execute();
  await db.schema.dropTable('ai_endpoints').execute();
}
