import { expect, it } from 'vitest';
import { boxParams } from './fixtures.js';
import { member, type AppClient } from './support/app-client.js';
import { describeEachBackend, uniqueName } from './support/harness.js';

const TASKS = 5000;
const ANNOTATORS = 64;

describeEachBackend('the queue under 64 concurrent annotators', (ctx) => {
  it(`completes ${TASKS} tasks exactly once, never leasing one task to two people`, { timeout: 300_000 }, async () => {
    const api = await ctx().testClient();
    const admin = await member(ctx(), ['admin']);
    const people: AppClient[] = [];
    for (let i = 0; i < ANNOTATORS; i += 16) people.push(...(await Promise.all(Array.from({ length: 16 }, () => member(ctx(), ['annotator'])))));
    const name = uniqueName('crowd');
    const project = await api.post('/v1/projects', { type: 'imageannotation', name, params: { geometries: { box: { objects_to_annotate: ['cat'] } } } });
    await admin.request('POST', `/app/api/projects/${project.body.id}/assignees`, { user_ids: people.map((p) => p.userId), assigned: true });

    const created = new Set<string>();
    for (let i = 0; i < TASKS; i += 100) {
      const chunk = await Promise.all(Array.from({ length: 100 }, () => api.post('/v1/task/imageannotation', { ...boxParams, project: name })));
      for (const res of chunk) created.add(res.body.task_id);
    }
    expect(created.size).toBe(TASKS);

    // Who held each task, and every lease handed out.
    const holders = new Map<string, string[]>();
    const leases = new Set<string>();
    let submitted = 0;
    await Promise.all(
      people.map(async (person) => {
        for (;;) {
          const res = await person.request('POST', '/app/api/work/next', { project_id: project.body.id });
          if (res.status === 204) return;
          expect(res.status).toBe(200);
          const lease = res.body.lease;
          leases.add(lease.id);
          holders.set(lease.task.task_id, [...(holders.get(lease.task.task_id) ?? []), person.userId]);
          const done = await person.request('POST', `/app/api/leases/${lease.id}/submit`, { response: { annotations: [] } });
          expect(done.status).toBe(200);
          expect(done.body.task_status).toBe('completed');
          submitted += 1;
        }
      }),
    );

    expect(submitted).toBe(TASKS);
    expect(leases.size).toBe(TASKS);
    expect(holders.size).toBe(TASKS);
    for (const [taskId, who] of holders) {
      expect(created.has(taskId)).toBe(true);
      expect(who).toHaveLength(1);
    }
    const completed = await api.get(`/v1/tasks?project=${name}&status=completed&limit=1`);
    expect(completed.body.total).toBe(TASKS);
    const pending = await api.get(`/v1/tasks?project=${name}&status=pending&limit=1`);
    expect(pending.body.total).toBe(0);
    const perPerson = new Map<string, number>();
    for (const [, [who]] of holders) perPerson.set(who!, (perPerson.get(who!) ?? 0) + 1);
    console.log(`[${ctx().backend}] ${TASKS} tasks over ${perPerson.size} annotators (min ${Math.min(...perPerson.values())}, max ${Math.max(...perPerson.values())} each)`);
  });
});
