import type { ApiClient } from './support/harness.js';
import { uniqueName } from './support/harness.js';

export const boxParams = {
  attachment: 'https://example.com/kitten.jpg',
  geometries: { box: { objects_to_annotate: ['cat', 'dog'] } },
};

export async function makeProject(api: ApiClient, params: Record<string, unknown> | null = null, type = 'imageannotation') {
  const name = uniqueName('project');
  const res = await api.post('/v1/projects', { type, name, params, rapid: false, studio: false, datasetId: null });
  if (res.status !== 200) throw new Error(`project create failed: ${JSON.stringify(res.body)}`);
  return name;
}

export async function makeBatch(api: ApiClient, project: string) {
  const name = uniqueName('batch');
  const res = await api.post('/v1/batches', { project, name, callback: '', calibration_batch: false, self_label_batch: false, metadata: {} });
  if (res.status !== 200) throw new Error(`batch create failed: ${JSON.stringify(res.body)}`);
  return name;
}

export async function makeTask(api: ApiClient, fields: Record<string, unknown> = {}) {
  const res = await api.post('/v1/task/imageannotation', { ...boxParams, ...fields });
  if (res.status !== 200) throw new Error(`task create failed: ${JSON.stringify(res.body)}`);
  return res.body as { task_id: string } & Record<string, unknown>;
}
