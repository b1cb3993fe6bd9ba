import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/not-found.tsx';
import { RecoveryFlow } from '../recovery/recovery-flow.tsx';
import { TodayView } from './today-view.tsx';

/** Today, and the guided steps after a "no" at /today/recovery/:applicationId. */
export default function Page() {
  return (
    <Routes>
      <Route index element={<TodayView />} />
      <Route path="recovery/:applicationId" element={<RecoveryFlow />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
