import type {
  InfoInterviewBody,
  JobSkill,
  PlanItemBody,
  PlanKind,
  PlanStatus,
  ResumeImportInput,
  ResumeSkillBody,
  SkillLevel,
} from '@core/skills/input.ts';
import type {
  ApplicationSkills,
  Completion,
  GapReport,
  InfoInterview,
  JobSkillsReport,
  Paths,
  PlanItem,
  Resume,
  ResumeVersion,
  ResumeWithText,
} from '@core/skills/schemas.ts';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../api/hooks.ts';
import { request } from './http.ts';

/** The skills loop's wire shapes come from the core's schemas (what the skills routes declare). */
export type {
  ApplicationSkills,
  Completion,
  ExtractedSkill,
  GapReport,
  InfoInterview,
  JobSkillsReport,
  Paths,
  PlanItem,
  Rescore,
  Resume,
  ResumeVersion,
  ResumeWithText,
  SkillGap,
} from '@core/skills/schemas.ts';
export type { JobSkill };

const v1 = '/api/v1';
const enc = encodeURIComponent;

export const skillsApi = {
  gaps: () => request<GapReport>('GET', `${v1}/skills/gaps?limit=50`),
  extract: (text: string) => request<{ skills: JobSkill[] }>('POST', `${v1}/skills/extract`, { text }),
  score: (jobDescription: string) =>
    request<JobSkillsReport>('POST', `${v1}/skills/score`, { jobDescription }),
  applicationSkills: (id: string) =>
    request<ApplicationSkills>('GET', `${v1}/applications/${enc(id)}/skills`),
  resume: () => request<ResumeWithText>('GET', `${v1}/resume`),
  versions: () => request<{ items: ResumeVersion[] }>('GET', `${v1}/resume/versions`),
  importResume: (body: ResumeImportInput) => request<ResumeWithText>('POST', `${v1}/resume/import`, body),
  setSkill: (body: ResumeSkillBody) =>
    request<Resume & { changed: boolean }>('POST', `${v1}/resume/skills`, body),
  plan: () => request<{ items: PlanItem[] }>('GET', `${v1}/learning-plan`),
  createPlanItem: (body: PlanItemBody) =>
    request<PlanItem & { completion: Completion | null }>('POST', `${v1}/learning-plan`, body),
  updatePlanItem: (id: string, body: PlanItemBody) =>
    request<PlanItem & { completion: Completion | null }>('PATCH', `${v1}/learning-plan/${enc(id)}`, body),
  paths: () => request<Paths>('GET', `${v1}/paths`),
  infoInterviews: () => request<{ items: InfoInterview[] }>('GET', `${v1}/informational-interviews`),
  createInfoInterview: (body: InfoInterviewBody) =>
    request<InfoInterview>('POST', `${v1}/informational-interviews`, body),
  deleteInfoInterview: (id: string) => request<void>('DELETE', `${v1}/informational-interviews/${enc(id)}`),
};

/** Everything that depends on the resume or the plan; refreshed together after a change. */
const SKILL_KEYS = [['skills'], ['resume'], ['learning-plan'], ['paths'], ['application-skills']];

function useRefreshSkills() {
  const qc = useQueryClient();
  return () => Promise.all(SKILL_KEYS.map((queryKey) => qc.invalidateQueries({ queryKey })));
}

export const useGaps = () => useQuery({ queryKey: ['skills', 'gaps'], queryFn: skillsApi.gaps });
export const useResume = () => useQuery({ queryKey: ['resume', 'current'], queryFn: skillsApi.resume });
export const useResumeVersions = () =>
  useQuery({ queryKey: ['resume', 'versions'], queryFn: skillsApi.versions });
export const usePlan = () => useQuery({ queryKey: ['learning-plan'], queryFn: skillsApi.plan });
export const usePaths = () => useQuery({ queryKey: ['paths'], queryFn: skillsApi.paths });
export const useInfoInterviews = () =>
  useQuery({ queryKey: ['informational-interviews'], queryFn: skillsApi.infoInterviews });
/** `version` (the application's updatedAt) refetches the score after an edit of the job description. */
export const useApplicationSkills = (id: string, version?: string) =>
  useQuery({ queryKey: ['application-skills', id, version], queryFn: () => skillsApi.applicationSkills(id) });

export function useImportResume() {
  const refresh = useRefreshSkills();
  return useMutation({ mutationFn: skillsApi.importResume, onSuccess: refresh });
}

export function useSetResumeSkill() {
  const refresh = useRefreshSkills();
  return useMutation({ mutationFn: skillsApi.setSkill, onSuccess: refresh });
}

export function useCreatePlanItem() {
  const refresh = useRefreshSkills();
  return useMutation({ mutationFn: skillsApi.createPlanItem, onSuccess: refresh });
}

export function useUpdatePlanItem() {
  const refresh = useRefreshSkills();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: PlanItemBody }) => skillsApi.updatePlanItem(id, input),
    onSuccess: (item) => {
      // Finishing an item adds a task; Today and the board may show it.
      if (item.completion) void qc.invalidateQueries({ queryKey: ['today'] });
      return refresh();
    },
    onError: (error) =>
      notifications.show({
        color: 'red',
        title: 'That change did not go through',
        message: errorMessage(error),
      }),
  });
}

export function useCreateInfoInterview() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: skillsApi.createInfoInterview,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['informational-interviews'] }),
  });
}

export function useDeleteInfoInterview() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: skillsApi.deleteInfoInterview,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['informational-interviews'] }),
  });
}

export const PLAN_KIND_LABELS: Record<PlanKind, string> = {
  course: 'Course',
  certification: 'Certification',
  project: 'Project',
  workshop: 'Workshop',
};

export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  planned: 'Planned',
  in_progress: 'In progress',
  done: 'Done',
};

export const LEVEL_LABELS: Record<SkillLevel, string> = {
  beginner: 'Beginner',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
  expert: 'Expert',
};

/** "—" for no score (nothing to compare), else "72%". */
export const scoreText = (score: number | null): string => (score === null ? '—' : `${score}%`);
