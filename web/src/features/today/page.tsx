import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/not-found.tsx';
import { RecoveryFlow } from '../recovery/recovery-flow.tsx';
import { WritingPage } from '../writing/writing-page.tsx';
import { TodayView } from './today-view.tsx';

/** Today, the guided steps after a "no" at /today/recovery/:applicationId, and the writing after it (…/write). */
export default function Page() {
  return (
    <Routes>
      <Route index element={<TodayView />} />
      <Route path="recovery/:applicationId" element={<RecoveryFlow />} />
      <Route path="recovery/:applicationId/write" element={<WritingPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
