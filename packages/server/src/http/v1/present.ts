import type { Batch, FileObject, LimitedTask, Project, Task } from '@tessera/schema';
import { iso } from '../../domain/clock.js';
import { attachmentPath } from '../../domain/files.js';
import type { BatchRecord } from '../../store/batches.js';
import type { FileRecord } from '../../store/files.js';
import type { ProjectRecord } from '../../store/projects.js';
import type { TaskRecord } from '../../store/tasks.js';

/** Records to Scale's wire shapes. Keys Scale leaves out when unset (unique_id, tags…) are left out. */
export function presentTask(t: TaskRecord): Task {
  const task: Task = {
    task_id: t.id,
    type: t.type,
    status: t.status,
    created_at: iso(t.createdAt),
    updated_at: iso(t.updatedAt),
    params: t.params,
    metadata: t.metadata,
    urgency: t.urgency,
    is_test: t.isTest,
    processed_attachments: t.extra.processed_attachments ?? [],
  };
  if (t.completedAt !== null) task.completed_at = iso(t.completedAt);
  if (t.projectName !== null) task.project = t.projectName;
  if (t.batchName !== null) task.batch = t.batchName;
  if (t.instruction !== null) task.instruction = t.instruction;
  if (t.callbackUrl !== null) task.callback_url = t.callbackUrl;
  if (t.response !== null && t.response !== undefined) task.response = t.response;
  if (t.uniqueId !== null) task.unique_id = t.uniqueId;
  if (t.tags !== null) task.tags = t.tags;
  if (t.priority !== null) task.priority = t.priority;
  if (t.callbackSucceeded !== null) task.callback_succeeded = t.callbackSucceeded;
  if (t.projectParamVersion !== null) task.project_param_version = t.projectParamVersion;
  if (t.customerReviewStatus !== null) task.customer_review_status = t.customerReviewStatus as Task['customer_review_status'];
  if (t.extra.customer_review_comments) task.customer_review_comments = t.extra.customer_review_comments;
  if (t.extra.audits) task.audits = t.extra.audits;
  return task;
}

/** What `limited_response=true` returns: enough to poll many tasks cheaply. */
export function presentLimitedTask(t: TaskRecord): LimitedTask {
  return { task_id: t.id, status: t.status, metadata: t.metadata, ...(t.projectName !== null ? { project: t.projectName } : {}) };
}

export function presentBatch(b: BatchRecord): Batch {
  return {
    id: b.id,
    name: b.name,
    project: b.projectName,
    status: b.status,
    callback: b.callback,
    metadata: b.metadata,
    calibration_batch: b.calibrationBatch,
    self_label_batch: b.selfLabelBatch,
    test_autocomplete: b.testAutocomplete,
    created_at: iso(b.createdAt),
    updated_at: iso(b.updatedAt),
    ...(b.completedAt !== null ? { completed_at: iso(b.completedAt) } : {}),
  };
}

export function presentProject(p: ProjectRecord): Project {
  return {
    id: p.id,
    name: p.name,
    type: p.type,
    params: p.params,
    param_history: p.paramHistory,
    created_at: iso(p.createdAt),
    updated_at: iso(p.updatedAt),
  };
}

export function presentFile(f: FileRecord, baseUrl: string): FileObject {
  return {
    id: f.id,
    attachment_url: baseUrl + attachmentPath(f),
    mime_type: f.mimeType,
    size: f.size,
    ...(f.displayName !== null ? { display_name: f.displayName } : {}),
    ...(f.referenceId !== null ? { reference_id: f.referenceId } : {}),
    project_names: f.projectNames,
    metadata: f.metadata,
    created_at: iso(f.createdAt),
    updated_at: iso(f.createdAt),
  };
}
