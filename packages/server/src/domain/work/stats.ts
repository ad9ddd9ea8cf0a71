import type { Stats } from '@tessera/schema';
import type { ScopedStore } from '../../store/index.js';
import type { SubmissionRow } from '../../store/work.js';

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Throughput over time actually spent holding leases, so breaks do not count against anyone. */
export function summarize(submissions: SubmissionRow[], reviews: { decision: string | null }[], goldScore: number | null): Stats {
  const durations = submissions.map((s) => Number(s.duration_ms));
  const busyHours = durations.reduce((a, b) => a + b, 0) / 3_600_000;
  const med = median(durations);
  const accepted = reviews.filter((r) => r.decision === 'accept' || r.decision === 'fix').length;
  return {
    tasks_done: submissions.length,
    tasks_per_hour: busyHours > 0 ? Math.round((submissions.length / busyHours) * 10) / 10 : 0,
    median_seconds: med === null ? null : Math.round(med / 100) / 10,
    accept_rate: reviews.length > 0 ? accepted / reviews.length : null,
    gold_score: goldScore,
  };
}

export async function userStats(store: ScopedStore, userId: string, projectId?: string): Promise<Stats> {
  const submissions = await store.work.submissionsBy({ userId, ...(projectId ? { projectId } : {}) });
  const reviews = await store.work.reviewsOfWorkBy(userId);
  const qualities = (await Promise.all((projectId ? [projectId] : [...new Set(submissions.map((s) => s.project_id))]).map((p) => store.work.quality(p, userId))))
    .filter((q) => q !== undefined && q.gold_answers > 0);
  const gold = qualities.length > 0 ? qualities.reduce((sum, q) => sum + q!.score, 0) / qualities.length : null;
  return summarize(submissions, reviews, gold);
}

export interface AnnotatorStats extends Stats {
  user_id: string;
  blocked: boolean;
}

/** Per person who worked on a project: what the console's project page shows. */
export async function projectStats(store: ScopedStore, projectId: string): Promise<{ project: Stats; annotators: AnnotatorStats[] }> {
  const submissions = await store.work.submissionsBy({ projectId });
  const users = [...new Set(submissions.map((s) => s.user_id))];
  const annotators = await Promise.all(
    users.map(async (userId) => {
      const quality = await store.work.quality(projectId, userId);
      return { user_id: userId, blocked: quality?.blocked === 1, ...(await userStats(store, userId, projectId)) };
    }),
  );
  const reviews = submissions.filter((s) => s.stage === 'review');
  return { project: summarize(submissions, reviews, null), annotators };
}
