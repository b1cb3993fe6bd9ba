import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestContext } from '../../../test/support/context.ts';
import { databases } from '../../../test/support/databases.ts';
import { createTestApplication } from '../../../test/support/factories.ts';
import type { Store } from '../../store/connect.ts';
import { listActionItems } from '../../store/post-mortem-repository.ts';
import { addEvent } from '../applications.ts';
import { exportBackup, importBackup } from '../backup.ts';
import { fixedClock, type ServiceContext } from '../context.ts';
import { openWorkspace } from '../workspace.ts';
import { addCustomSkill, listCustomSkills } from './custom-skills.ts';
import { extractFromText } from './extract.ts';
import { otherPaths, skillGaps } from './gaps.ts';
import {
  createInfoInterview,
  deleteInfoInterview,
  getInfoInterviewOrThrow,
  listInfoInterviews,
  updateInfoInterview,
} from './info-interviews.ts';
import { createPlanItem, listPlanItems, updatePlanItem } from './learning-plan.ts';
import {
  currentResume,
  importResume,
  listResumeVersions,
  resumeTextExtraction,
  setResumeSkill,
} from './resume.ts';
import { applicationSkills, scoreJobDescription } from './tailoring.ts';

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures/resumes');
const fileInput = (name: string) => ({
  filename: name,
  contentBase64: readFileSync(join(FIXTURES, name)).toString('base64'),
});

const JD_KUBE = 'Requirements:\n- Kubernetes in production\n- TypeScript\nNice to have:\n- Terraform';
const JD_KAFKA = 'Requirements:\n- Apache Kafka\n- Kubernetes\n- PostgreSQL';
const JD_FORWARD = 'Requirements:\n- PostgreSQL\n- TypeScript';

for (const database of databases) {
  describe(`skills loop on ${database.name}`, () => {
    let store: Store;
    let ctx: ServiceContext;
    const clock = fixedClock(new Date('2026-11-10T10:00:00Z'));

    beforeAll(async () => {
      ({ store, ctx } = await openTestContext(database, clock));
    });
    afterAll(async () => {
      await store.close();
    });

    it('gives back the text read from a .pdf, with spans that point at the skill words', async () => {
      const { store: own, ctx: fresh } = await openTestContext(database, clock);
      try {
        const version = await importResume(fresh, fileInput('resume.pdf'));
        const read = await resumeTextExtraction(fresh, version);
        expect(read?.text).toContain('Skills: TypeScript, Node.js, PostgreSQL, Docker');
        const marked = read?.extraction.skills.map((s) => ({
          name: s.name,
          words: s.spans.map(([start, end]) => read.text.slice(start, end)),
        }));
        expect(marked).toEqual(
          expect.arrayContaining([
            { name: 'TypeScript', words: ['TypeScript'] },
            { name: 'Node.js', words: ['Node.js'] },
            { name: 'PostgreSQL', words: ['PostgreSQL'] },
            { name: 'Docker', words: ['Docker'] },
          ]),
        );
        // A profile without any imported text has nothing to highlight.
        expect(await resumeTextExtraction(fresh, undefined)).toBeNull();
      } finally {
        await own.close();
      }
    });

    it('imports a resume from .txt, .pdf and .docx, each as a new version', async () => {
      const txt = await importResume(ctx, fileInput('resume.txt'));
      expect(txt.label).toBe('resume-v1');
      expect(txt.skills.map((s) => s.name)).toEqual(expect.arrayContaining(['React', 'TypeScript', 'Figma']));
      const pdf = await importResume(ctx, fileInput('resume.pdf'));
      expect(pdf.label).toBe('resume-v2');
      expect(pdf.skills.map((s) => s.name)).toEqual([
        'TypeScript',
        'Node.js',
        'PostgreSQL',
        'Docker',
        'REST APIs',
        'Go',
      ]);
      const docx = await importResume(ctx, fileInput('resume.docx'));
      expect(docx.skills.map((s) => s.name)).toEqual(expect.arrayContaining(['Python', 'SQL', 'Tableau']));
      await expect(importResume(ctx, fileInput('scanned.pdf'))).rejects.toThrow(
        'this PDF has no text layer; paste the text instead',
      );
      await expect(importResume(ctx, fileInput('broken.docx'))).rejects.toThrow(
        'this Word file could not be read',
      );
      expect((await listResumeVersions(ctx)).map((v) => v.label)).toEqual([
        'resume-v3',
        'resume-v2',
        'resume-v1',
      ]);
    });

    it('keeps hand-added skills and their levels across a re-import', async () => {
      const added = await setResumeSkill(ctx, { name: 'k8s', level: 'advanced' });
      expect(added.changed).toBe(true);
      expect(added.version.skills.at(-1)).toEqual({
        name: 'Kubernetes',
        category: 'platform',
        level: 'advanced',
        source: 'manual',
      });
      const same = await setResumeSkill(ctx, { name: 'Kubernetes', level: 'advanced' });
      expect(same).toMatchObject({ changed: false, version: { label: added.version.label } });
      const reimported = await importResume(ctx, { text: 'TypeScript and PostgreSQL every day' });
      expect(reimported.skills).toEqual([
        { name: 'TypeScript', category: 'language', level: 'intermediate', source: 'resume' },
        { name: 'PostgreSQL', category: 'database', level: 'intermediate', source: 'resume' },
        { name: 'Kubernetes', category: 'platform', level: 'advanced', source: 'manual' },
      ]);
    });

    it('ranks gaps over the workspace’s closed applications, minus resume skills, with the applications behind each', async () => {
      const rejected = await createTestApplication(ctx, {
        company: 'Streamly',
        role: 'Backend Engineer',
        jobDescription: JD_KAFKA,
        appliedOn: '2026-10-01',
      });
      await addEvent(ctx, rejected.id, {
        type: 'stage_changed',
        stage: 'interviewing',
        occurredOn: '2026-10-10',
      });
      await addEvent(ctx, rejected.id, {
        type: 'outcome_set',
        outcome: 'rejected',
        occurredOn: '2026-10-20',
      });
      const ghosted = await createTestApplication(ctx, {
        company: 'Gigs Ltd',
        role: 'Backend Contractor',
        kind: 'contract',
        jobDescription: JD_KAFKA,
        appliedOn: '2026-10-05',
      });
      await addEvent(ctx, ghosted.id, { type: 'outcome_set', outcome: 'ghosted', occurredOn: '2026-11-01' });
      const forward = await createTestApplication(ctx, {
        company: 'Calm Co',
        role: 'Backend Engineer',
        jobDescription: JD_FORWARD,
        appliedOn: '2026-10-01',
      });
      await addEvent(ctx, forward.id, {
        type: 'stage_changed',
        stage: 'interviewing',
        occurredOn: '2026-10-15',
      });

      const report = await skillGaps(ctx);
      // Kubernetes and PostgreSQL are on the resume; Kafka is the one gap, from both closed applications.
      expect(report.gaps.map((g) => g.skill)).toEqual(['Apache Kafka']);
      expect(report.gaps[0]).toMatchObject({ closedCount: 2, byKind: { job: 1, contract: 1 } });
      expect(report.gaps[0]!.applications.map((a) => a.company).sort()).toEqual(['Gigs Ltd', 'Streamly']);
      expect(report.considered).toMatchObject({ withJobDescription: 3, byKind: { job: 2, contract: 1 } });
      const contractOnly = await skillGaps(ctx, { kind: 'contract' });
      expect(contractOnly.gaps[0]!.applications.map((a) => a.id)).toEqual([ghosted.id]);
    });

    it('scores a job before saving and an application against the current resume', async () => {
      const before = await scoreJobDescription(ctx, JD_KUBE);
      expect(before.required).toEqual({ matched: ['Kubernetes', 'TypeScript'], missing: [] });
      expect(before.niceToHave).toEqual({ matched: [], missing: ['Terraform'] });
      const app = await createTestApplication(ctx, { jobDescription: JD_KUBE });
      const report = await applicationSkills(ctx, app.id);
      expect(report).toMatchObject({ applicationId: app.id, score: before.score, hasJobDescription: true });
      await expect(applicationSkills(ctx, 'nope')).rejects.toThrow('No application with id nope.');
    });

    it('finishing a plan item adds the skill as a new resume version, adds a task, and raises the score of an open application that asks for it', async () => {
      const open = await createTestApplication(ctx, {
        company: 'Flowing',
        role: 'Platform Engineer',
        jobDescription: 'Requirements:\n- Apache Kafka\n- TypeScript',
      });
      const versionBefore = (await currentResume(ctx))!.label;
      const { item } = await createPlanItem(ctx, {
        skill: 'kafka',
        kind: 'course',
        hours: 10,
        targetOn: '2026-12-20',
      });
      expect(item).toMatchObject({ skill: 'Apache Kafka', status: 'planned', progress: 0 });
      const halfway = await updatePlanItem(ctx, item.id, { progress: 50 });
      expect(halfway).toMatchObject({ item: { status: 'in_progress', progress: 50 }, completion: null });

      const { item: done, completion } = await updatePlanItem(ctx, item.id, { status: 'done' });
      expect(done).toMatchObject({ status: 'done', progress: 100 });
      const resume = (await currentResume(ctx))!;
      expect(resume.label).not.toBe(versionBefore);
      expect(completion?.resumeVersion).toBe(resume.label);
      expect(resume.skills.at(-1)).toMatchObject({ name: 'Apache Kafka', source: 'learned' });
      const change = completion!.rescored.find((r) => r.applicationId === open.id)!;
      expect(change.before).toBe(50);
      expect(change.after).toBe(100);
      // Closed applications are not re-scored.
      expect(completion!.rescored.map((r) => r.company)).not.toContain('Streamly');
      const tasks = await listActionItems(ctx.db, ctx.workspaceId, { status: 'open' });
      expect(tasks.map((t) => t.text)).toContain('Add Apache Kafka to your resume and LinkedIn profile');
      // And the gap is gone.
      expect((await skillGaps(ctx)).gaps.map((g) => g.skill)).not.toContain('Apache Kafka');
      expect((await listPlanItems(ctx, 'done')).map((p) => p.id)).toEqual([item.id]);
    });

    it('refuses a custom alias that already means another skill, and saves nothing', async () => {
      const before = await listCustomSkills(ctx);
      await expect(addCustomSkill(ctx, { name: 'JScript', aliases: ['JS'] })).rejects.toMatchObject({
        code: 'conflict',
        message: 'alias "JS" already means JavaScript',
      });
      expect(await listCustomSkills(ctx)).toEqual(before);
      await addCustomSkill(ctx, { name: 'Gleam', aliases: ['gleam-lang'] });
      await expect(addCustomSkill(ctx, { name: 'Lustre', aliases: ['gleam-lang'] })).rejects.toThrow(
        'alias "gleam-lang" already means Gleam',
      );
      expect((await listCustomSkills(ctx)).map((c) => c.name)).toEqual(['Gleam']);
      const found = await extractFromText(ctx, 'Side projects in gleam-lang');
      expect(found.skills.map((s) => s.name)).toEqual(['Gleam']);
    });

    it('keeps informational interviews: add, read, edit, delete', async () => {
      const saved = await createInfoInterview(ctx, {
        contactName: 'Sam Rivera',
        heldOn: '2026-11-05',
        company: 'Northwind',
        learned: 'Their data team hires from support roles.',
        followUps: 'Send the article on dbt',
      });
      expect(await getInfoInterviewOrThrow(ctx, saved.id)).toEqual(saved);
      const edited = await updateInfoInterview(ctx, saved.id, { followUps: null, role: 'Analytics lead' });
      expect(edited).toMatchObject({ followUps: null, role: 'Analytics lead', contactName: 'Sam Rivera' });
      await expect(
        createInfoInterview(ctx, { contactId: 'missing', heldOn: '2026-11-05' }),
      ).rejects.toMatchObject({ code: 'contact_not_found' });
      expect((await listInfoInterviews(ctx)).map((i) => i.id)).toContain(saved.id);
      await deleteInfoInterview(ctx, saved.id);
      await expect(getInfoInterviewOrThrow(ctx, saved.id)).rejects.toMatchObject({
        code: 'informational_interview_not_found',
      });
      await createInfoInterview(ctx, {
        contactName: 'Kim',
        heldOn: '2026-11-09',
        learned: 'Contract work is common there.',
      });
    });

    it('shows what carries over and which saved roles already fit', async () => {
      const paths = await otherPaths(ctx, { minCoverage: 50 });
      expect(paths.transferable.map((g) => g.category)).toEqual(
        expect.arrayContaining(['language', 'database', 'platform']),
      );
      expect(paths.adjacentRoles.map((r) => r.role)).toContain('Backend Engineer');
    });

    it('round-trips every skills table through a backup losslessly', async () => {
      const first = await exportBackup(ctx);
      const section = first.sections.skills as Record<string, unknown[]>;
      expect(section.resumeVersions!.length).toBeGreaterThanOrEqual(5);
      expect(section.learningPlan).toHaveLength(1);
      expect(section.customSkills).toHaveLength(1);
      expect(section.informationalInterviews).toHaveLength(1);
      const other = await database.open();
      try {
        const ctx2 = { ...(await openWorkspace(other, { clock })), timeZone: 'UTC' };
        await importBackup(ctx2, JSON.parse(JSON.stringify(first)));
        const second = await exportBackup(ctx2);
        expect(second.sections.skills).toEqual(first.sections.skills);
        expect(second.applications).toEqual(first.applications);
        expect((await currentResume(ctx2))?.label).toBe((await currentResume(ctx))?.label);
      } finally {
        await other.close();
      }
    });
  });
}
