import '@mantine/charts/styles.css';
import { Stack, Tabs, Text, Title } from '@mantine/core';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { GapsTab } from './gaps-tab.tsx';
import { JobTab } from './job-tab.tsx';
import { PathsTab } from './paths-tab.tsx';
import { PlanTab } from './plan-tab.tsx';
import { ResumeTab } from './resume-tab.tsx';

const TABS = [
  { path: 'gaps', label: 'Gaps' },
  { path: 'resume', label: 'Resume' },
  { path: 'job', label: 'Read a job' },
  { path: 'plan', label: 'Learning plan' },
  { path: 'paths', label: 'Other paths' },
] as const;

/** The skills loop: what closed jobs asked for, your resume, what you are learning, where else you fit. */
export default function SkillsPage() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const current = TABS.find((t) => pathname.startsWith(`/skills/${t.path}`))?.path ?? 'gaps';

  return (
    <Stack gap="md" maw={1200}>
      <div>
        <Title order={2}>Skills</Title>
        <Text c="dimmed" size="sm">
          What the jobs you applied to asked for, what your resume shows, and what to learn next.
        </Text>
      </div>
      <Tabs value={current} onChange={(v) => v && navigate(`/skills/${v}`)} keepMounted={false}>
        <Tabs.List>
          {TABS.map((t) => (
            <Tabs.Tab key={t.path} value={t.path}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Routes>
        <Route index element={<Navigate to="gaps" replace />} />
        <Route path="gaps" element={<GapsTab />} />
        <Route path="resume" element={<ResumeTab />} />
        <Route path="job" element={<JobTab />} />
        <Route path="plan" element={<PlanTab />} />
        <Route path="paths" element={<PathsTab />} />
        <Route path="*" element={<Navigate to="/skills/gaps" replace />} />
      </Routes>
    </Stack>
  );
}
