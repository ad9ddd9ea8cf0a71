import type { ColumnType, Generated } from 'kysely';

/** A column inserts may leave out (it has a default or means "not yet"). */
type Optional<T> = ColumnType<T, T | undefined, T>;

/**
 * The database as Kysely sees it. Times are epoch milliseconds, booleans 0/1 and
 * JSON text columns, so one set of queries runs unchanged on SQLite and PostgreSQL.
 */
export interface Tables {
  accounts: AccountsTable;
  api_keys: ApiKeysTable;
  users: UsersTable;
  projects: ProjectsTable;
  batches: BatchesTable;
  tasks: TasksTable;
  task_tags: TaskTagsTable;
  task_counts: TaskCountsTable;
  files: FilesTable;
  callback_settings: CallbackSettingsTable;
  deliveries: DeliveriesTable;
  delivery_attempts: DeliveryAttemptsTable;
  sessions: SessionsTable;
  project_assignees: ProjectAssigneesTable;
  work_items: WorkItemsTable;
  work_skips: WorkSkipsTable;
  submissions: SubmissionsTable;
  task_events: TaskEventsTable;
  annotator_quality: AnnotatorQualityTable;
  project_groups: ProjectGroupsTable;
  project_group_members: ProjectGroupMembersTable;
  batch_groups: BatchGroupsTable;
  idempotency_keys: IdempotencyKeysTable;
}

export type Env = 'test' | 'live';

export interface AccountsTable {
  id: string;
  name: string;
  created_at: number;
}

export interface ApiKeysTable {
  id: string;
  account_id: string;
  env: Env;
  /** sha256 of the whole key: keys are long random strings, so a fast hash is safe and lookups stay O(1). */
  key_hash: string;
  /** What a person sees in a list: `test_1a2b…`. */
  key_hint: string;
  created_at: number;
  revoked_at: number | null;
}

export interface UsersTable {
  id: string;
  account_id: string;
  email: string;
  password_hash: string;
  roles: string;
  created_at: number;
  name: Optional<string | null>;
  /** sha256 of an outstanding invitation token; null once accepted. */
  invitation_hash: Optional<string | null>;
  invitation_expires_at: Optional<number | null>;
  disabled: Optional<number>;
}

export interface ProjectsTable {
  id: string;
  account_id: string;
  env: Env;
  name: string;
  type: string;
  params: string;
  param_history: string;
  created_at: number;
  updated_at: number;
}

export interface BatchesTable {
  id: string;
  account_id: string;
  env: Env;
  project_id: string;
  name: string;
  status: string;
  callback: string | null;
  metadata: string;
  calibration_batch: number;
  self_label_batch: number;
  archived: number;
  created_at: number;
  updated_at: number;
  completed_at: number | null;
  /** Test mode: tasks of this batch complete by themselves. */
  test_autocomplete: Optional<number>;
  /** Studio priority: lower comes first; null sorts after every ranked batch. */
  studio_rank: Optional<number | null>;
}

export interface TasksTable {
  id: string;
  account_id: string;
  env: Env;
  type: string;
  status: string;
  project_id: string | null;
  batch_id: string | null;
  unique_id: string | null;
  instruction: string | null;
  callback_url: string | null;
  params: string;
  response: string | null;
  metadata: string;
  tags: string | null;
  priority: number | null;
  urgency: string;
  is_test: number;
  callback_succeeded: number | null;
  customer_review_status: string | null;
  /** Less-queried parts of the wire object (audits, review comments, processed attachments). */
  extra: string;
  project_param_version: number | null;
  /** Test mode: when this task completes by itself; null when it waits for people. */
  autocomplete_at: Optional<number | null>;
  /** Gold (evaluation) tasks: the answer annotators are scored against. */
  expected_response: Optional<string | null>;
  created_at: number;
  updated_at: number;
  completed_at: number | null;
}

export interface TaskTagsTable {
  task_id: string;
  account_id: string;
  env: Env;
  tag: string;
}

/**
 * Live task counts by project, batch and status, kept in the same transaction as every
 * status change, so batch status and list totals never count rows on a hot path.
 */
export interface TaskCountsTable {
  account_id: string;
  env: Env;
  /** '' when the task has no project or batch. */
  project_id: string;
  batch_id: string;
  status: string;
  /** Writers spread over shards so concurrent transactions do not queue on one row; readers sum them. */
  shard: number;
  n: Generated<number>;
}

export interface FilesTable {
  id: string;
  account_id: string;
  env: Env;
  /** Unguessable part of the attachment URL: the URL is a capability a browser can load. */
  token: string;
  mime_type: string;
  size: number;
  display_name: string | null;
  reference_id: string | null;
  project_names: string;
  metadata: string;
  created_at: number;
}

export interface CallbackSettingsTable {
  account_id: string;
  env: Env;
  /** Where callbacks go for tasks that name no callback_url. */
  default_callback_url: string | null;
  /** Sent as-is in `scale-callback-auth`, as Scale does. */
  callback_auth_key: string;
  /** Standard Webhooks signing secret, `whsec_…`; the previous one keeps signing for a while after rotation. */
  webhook_secret: string;
  previous_webhook_secret: string | null;
  previous_secret_expires_at: number | null;
  test_autocomplete: number;
  updated_at: number;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** The outbox: one row per callback owed, written in the transaction of the change that owes it. */
export interface DeliveriesTable {
  id: string;
  account_id: string;
  env: Env;
  event: string;
  task_id: string | null;
  batch_id: string | null;
  url: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: number;
  /** Which worker holds the row, and until when: a crashed worker's rows come back when this passes. */
  claim_token: string | null;
  claimed_until: number | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: number;
  updated_at: number;
  delivered_at: number | null;
}

export interface DeliveryAttemptsTable {
  delivery_id: string;
  attempt: number;
  started_at: number;
  duration_ms: number;
  status_code: number | null;
  error: string | null;
  response_excerpt: string | null;
}

export interface SessionsTable {
  /** sha256 of the cookie value: a stolen database does not yield live sessions. */
  id_hash: string;
  user_id: string;
  account_id: string;
  csrf_token: string;
  created_at: number;
  expires_at: number;
}

export interface ProjectAssigneesTable {
  account_id: string;
  project_id: string;
  user_id: string;
}

export type WorkStage = 'label' | 'review';
export type WorkStatus = 'open' | 'leased' | 'done' | 'canceled';

/** One unit of the queue: a label slot or a review level of one task, in one round of work. */
export interface WorkItemsTable {
  id: string;
  account_id: string;
  env: Env;
  task_id: string;
  project_id: string;
  /** Null for tasks outside a batch; a batch given to groups is offered to their members only. */
  batch_id: Optional<string | null>;
  stage: WorkStage;
  /** Review level (1-based) for reviews; the label slot for labels. */
  level: number;
  /** Bumped each time the task is sent back: one person labels a task once per round. */
  round: number;
  status: WorkStatus;
  /** Queue order: the batch's rank (priority), then age (id). */
  rank: number;
  is_gold: number;
  /** Rework goes to its annotator first, until this time. */
  preferred_user_id: string | null;
  preferred_until: number | null;
  /** For reviews: the answer under review. */
  payload: string | null;
  lease_id: string | null;
  leased_by: string | null;
  leased_at: number | null;
  lease_expires_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface WorkSkipsTable {
  work_item_id: string;
  user_id: string;
}

export interface SubmissionsTable {
  id: string;
  account_id: string;
  project_id: string;
  task_id: string;
  work_item_id: string;
  user_id: string;
  stage: WorkStage;
  level: number;
  round: number;
  decision: string | null;
  response: string | null;
  comments: string | null;
  gold_score: number | null;
  leased_at: number;
  submitted_at: number;
  duration_ms: number;
}

export interface TaskEventsTable {
  id: string;
  account_id: string;
  task_id: string;
  user_id: string | null;
  kind: string;
  detail: string | null;
  at: number;
}

export interface AnnotatorQualityTable {
  account_id: string;
  project_id: string;
  user_id: string;
  gold_answers: number;
  /** Rolling mean of gold scores, 0..1. */
  score: number;
  blocked: number;
  updated_at: number;
}

export interface ProjectGroupsTable {
  id: string;
  account_id: string;
  project_id: string;
  name: string;
  created_at: number;
}

export interface ProjectGroupMembersTable {
  group_id: string;
  user_id: string;
}

export interface BatchGroupsTable {
  batch_id: string;
  group_id: string;
}

export interface IdempotencyKeysTable {
  account_id: string;
  env: Env;
  key: string;
  /** sha256 of the request it was first used with: the same key with other parameters is refused. */
  request_hash: string;
  task_id: string;
  created_at: number;
}
