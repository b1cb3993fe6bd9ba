import { type Kysely, sql } from 'kysely';

// Frozen: never edit after release. Later changes are new migrations that only add.
//
// An application at "accepted" has no outcome, yet the search for that job is over: Today listed
// its interviews still to come. A round's `application_open` is now 0 once its application is
// accepted too (the store keeps it so on every history write); existing rounds take that here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`update interview_rounds set application_open = 0
    where application_open <> 0
      and application_id in (select id from applications where stage = 'accepted')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`update interview_rounds set application_open = 1
    where application_id in (select id from applications where stage = 'accepted' and outcome is null)`.execute(
    db,
  );
}
