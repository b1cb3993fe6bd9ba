import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  cadenceInputSchema,
  contactInputSchema,
  contactLinkSchema,
  interactionInputSchema,
} from '../../core/contacts/input.ts';
import { parseInput } from '../../core/validation.ts';
import {
  contactsVcf,
  createContact,
  deleteContact,
  linkContact,
  listApplicationPeople,
  listContacts,
  logInteraction,
  setCadence,
  unlinkContact,
} from '../../services/contacts/contacts.ts';
import { presentContact, presentContactLink, presentPerson } from '../../services/contacts/presenters.ts';
import { type CommonFlags, common, printJson, table, withApplication, withWorkspace } from '../io.ts';

export function registerContactCommands(program: Command): void {
  const contacts = program
    .command('contacts')
    .description('people met along the way, and keeping in touch with them');

  common(contacts.command('add').description('add a contact (a name and one way to reach them)'))
    .requiredOption('--name <name>', 'their name')
    .option('--company <company>', 'where they work')
    .option('--role <title>', 'their job title')
    .option('--email <email>', 'email address')
    .option('--linkedin <url>', 'LinkedIn profile address')
    .option('--phone <phone>', 'phone number')
    .option('--how-met <text>', 'how you met')
    .option('--notes <text>', 'notes')
    .action(async (opts: CommonFlags & Record<string, string | undefined>) => {
      const input = parseInput(
        contactInputSchema,
        {
          name: opts.name,
          company: opts.company,
          role: opts.role,
          email: opts.email,
          linkedinUrl: opts.linkedin,
          phone: opts.phone,
          howMet: opts.howMet,
          notes: opts.notes,
        },
        'arguments',
      );
      await withWorkspace(opts, async (ctx) => {
        const c = await createContact(ctx, input);
        if (opts.json) return printJson(presentContact(c));
        console.log(`Added ${c.name} (id ${c.id}).`);
      });
    });

  common(contacts.command('list').description('list contacts'))
    .option('--application <id>', 'only those linked to this application')
    .action(async (opts: CommonFlags & { application?: string }) =>
      withWorkspace(opts, async (ctx) => {
        const items = (await listContacts(ctx, { applicationId: opts.application })).map(presentContact);
        if (opts.json) return printJson({ items });
        if (items.length === 0)
          return console.log(
            'No contacts yet. Add one with: rebound contacts add --name "Dana" --email dana@example.com',
          );
        console.log(
          table([
            ['ID', 'NAME', 'COMPANY', 'ROLE', 'REACH'],
            ...items.map((c) => [
              c.id,
              c.name,
              c.company ?? '',
              c.role ?? '',
              c.email ?? c.linkedinUrl ?? c.phone ?? '',
            ]),
          ]),
        );
      }),
    );

  common(
    contacts.command('link').description('link a contact to an application').argument('<id>', 'contact id'),
  )
    .requiredOption('--application <id>', 'application id')
    .option('--round <id>', 'interview round id')
    .option('--as <role>', 'interviewer | recruiter | hiring_manager | referrer | other')
    .option('--role <role>', 'the same as --as')
    .action(
      async (
        id: string,
        opts: CommonFlags & { application: string; round?: string; as?: string; role?: string },
      ) => {
        const input = parseInput(
          contactLinkSchema,
          { applicationId: opts.application, roundId: opts.round, role: opts.role ?? opts.as ?? 'other' },
          'arguments',
        );
        await withWorkspace(opts, async (ctx) => {
          const link = await linkContact(ctx, id, input);
          if (opts.json) return printJson(presentContactLink(link));
          console.log(`Linked as ${link.role.replace('_', ' ')} (link ${link.id}).`);
        });
      },
    );

  common(
    contacts
      .command('people')
      .description("the people of one application's process, with their part in it")
      .argument('<applicationId>', 'application id or its company'),
  ).action(async (applicationId: string, opts: CommonFlags) =>
    withApplication(opts, applicationId, async (ctx, applicationId) => {
      const people = (await listApplicationPeople(ctx, applicationId)).map(presentPerson);
      if (opts.json) return printJson({ items: people });
      if (people.length === 0)
        return console.log(
          `No one is linked to this application yet. Link someone with: rebound contacts link CONTACT_ID --application ${applicationId} --role recruiter`,
        );
      console.log(
        table([
          ['LINK', 'NAME', 'PART', 'REACH'],
          ...people.map((p) => [
            p.linkId,
            p.contact.name,
            p.role.replace('_', ' '),
            p.contact.email ?? p.contact.linkedinUrl ?? p.contact.phone ?? '',
          ]),
        ]),
      );
    }),
  );

  common(
    contacts
      .command('unlink')
      .description('unlink a person from an application (the contact stays)')
      .argument('<linkId>', 'link id, as shown by `rebound contacts people`'),
  ).action(async (linkId: string, opts: CommonFlags) =>
    withWorkspace(opts, async (ctx) => {
      await unlinkContact(ctx, linkId);
      if (opts.json) return printJson({ unlinked: linkId });
      console.log('Unlinked. The contact is still in your contacts.');
    }),
  );

  common(
    contacts
      .command('keep-in-touch')
      .description('start (or --stop) a gentle keep-in-touch rhythm')
      .argument('<id>', 'contact id'),
  )
    .option('--application <id>', 'the application you met them through')
    .option('--stop', 'stop the rhythm')
    .action(async (id: string, opts: CommonFlags & { application?: string; stop?: boolean }) => {
      const input = parseInput(
        cadenceInputSchema,
        { applicationId: opts.application, stop: opts.stop },
        'arguments',
      );
      await withWorkspace(opts, async (ctx) => {
        const c = await setCadence(ctx, id, input);
        if (opts.json) return printJson(c);
        if (opts.stop) return console.log(`Stopped keeping in touch with ${c.name}.`);
        console.log(`Keeping in touch with ${c.name}:`);
        for (const t of c.cadence?.next ?? [])
          console.log(`  ${t.dueAt.slice(0, 10)}  ${t.kind.replace('_', ' ')}`);
      });
    });

  common(
    contacts
      .command('touch')
      .description('log a touch: thank_you | connection_request | value | other')
      .argument('<id>', 'contact id'),
  )
    .option('--kind <kind>', 'thank_you | connection_request | value | other', 'other')
    .option('--note <text>', 'a note')
    .action(async (id: string, opts: CommonFlags & { kind: string; note?: string }) => {
      const input = parseInput(interactionInputSchema, { kind: opts.kind, note: opts.note }, 'arguments');
      await withWorkspace(opts, async (ctx) => {
        const c = await logInteraction(ctx, id, input);
        if (opts.json) return printJson(c);
        const next = c.cadence?.next.find((t) => !t.overdue);
        console.log(
          `Logged. ${next ? `Next: ${next.kind.replace('_', ' ')} around ${next.dueAt.slice(0, 10)}.` : ''}`.trim(),
        );
      });
    });

  common(
    contacts
      .command('delete')
      .description('delete a contact and its keep-in-touch rhythm')
      .argument('<id>', 'contact id'),
  ).action(async (id: string, opts: CommonFlags) =>
    withWorkspace(opts, async (ctx) => {
      await deleteContact(ctx, id);
      if (opts.json) return printJson({ deleted: id });
      console.log('Deleted.');
    }),
  );

  common(contacts.command('export-vcf').description('write every contact as a vCard file'))
    .option('--out <file>', 'file to write (default: print)')
    .action(async (opts: CommonFlags & { out?: string }) =>
      withWorkspace(opts, async (ctx) => {
        const vcf = await contactsVcf(ctx);
        if (!opts.out) {
          process.stdout.write(vcf);
          return;
        }
        writeFileSync(opts.out, vcf);
        console.log(`Wrote ${(vcf.match(/BEGIN:VCARD/g) ?? []).length} contact(s) to ${opts.out}.`);
      }),
    );
}
