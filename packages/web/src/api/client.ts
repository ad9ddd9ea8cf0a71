import type { Lease, Stats, User } from '@tessera/schema';

export type { Lease, Stats, User };

export interface Queue {
  project: { id: string; name: string; type: string; env: 'test' | 'live' };
  available: number;
  stage: 'label' | 'review';
}

export interface SignedIn {
  user: User;
  csrf_token: string;
}

export type ReviewDecision = 'accept' | 'fix' | 'reject';
export type Role = User['roles'][number];

/** A project as the console lists it (admins and managers). */
export interface ProjectSummary {
  id: string;
  name: string;
  type: string;
  env: 'test' | 'live';
  assignees: string[];
  counts: { pending: number; completed: number; canceled: number; error: number };
}

export interface AnnotatorStats extends Stats {
  user_id: string;
  blocked: boolean;
}

/** An error reply from the server, `{status_code, error}` as on /v1. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The typed client for `/app/api` (docs/app-api.md). The session is a cookie the browser sends on
 * its own; every unsafe call also echoes the session's CSRF token, which only this page can read.
 */
export class AppApi {
  private csrf: string | undefined;

  constructor(private readonly base = '/app/api') {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T | undefined }> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && method !== 'HEAD' && this.csrf) headers['x-csrf-token'] = this.csrf;
    const res = await fetch(this.base + path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    if (!res.ok) {
      const message = parsed && typeof parsed === 'object' && 'error' in parsed ? String((parsed as { error: unknown }).error) : `${res.status} ${res.statusText}`;
      throw new ApiError(res.status, message);
    }
    return { status: res.status, body: parsed as T | undefined };
  }

  private async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    return (await this.call<T>(method, path, body)).body as T;
  }

  private remember(s: SignedIn): SignedIn {
    this.csrf = s.csrf_token;
    return s;
  }

  async signIn(email: string, password: string): Promise<SignedIn> {
    return this.remember(await this.json<SignedIn>('POST', '/session', { email, password }));
  }

  /** The signed-in person, or null when there is no session (null, not undefined: query caches refuse undefined). */
  async me(): Promise<SignedIn | null> {
    try {
      return this.remember(await this.json<SignedIn>('GET', '/me'));
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return null;
      throw e;
    }
  }

  async signOut(): Promise<void> {
    await this.json('DELETE', '/session');
    this.csrf = undefined;
  }

  async acceptInvitation(token: string, password: string, name?: string): Promise<SignedIn> {
    return this.remember(await this.json<SignedIn>('POST', '/invitations/accept', { token, password, ...(name ? { name } : {}) }));
  }

  members(): Promise<{ docs: User[] }> {
    return this.json('GET', '/members');
  }

  addMember(body: { email: string; name?: string; roles: Role[]; password?: string }): Promise<{ user: User; invitation_token?: string }> {
    return this.json('POST', '/members', body);
  }

  projects(): Promise<{ docs: ProjectSummary[] }> {
    return this.json('GET', '/projects');
  }

  assign(projectId: string, userIds: string[], assigned: boolean): Promise<{ project_id: string; user_ids: string[] }> {
    return this.json('POST', `/projects/${encodeURIComponent(projectId)}/assignees`, { user_ids: userIds, assigned });
  }

  projectStats(projectId: string): Promise<{ project: Stats; annotators: AnnotatorStats[] }> {
    return this.json('GET', `/projects/${encodeURIComponent(projectId)}/stats`);
  }

  async clearQuality(projectId: string, userId: string): Promise<void> {
    await this.json('POST', `/projects/${encodeURIComponent(projectId)}/quality/${encodeURIComponent(userId)}/clear`);
  }

  queues(): Promise<{ docs: Queue[] }> {
    return this.json('GET', '/queues');
  }

  stats(): Promise<Stats> {
    return this.json('GET', '/me/stats');
  }

  /** The next task to work on, or undefined when there is nothing (204). */
  async next(body: { project_id?: string; stage?: 'label' | 'review' }): Promise<Lease | undefined> {
    const { status, body: reply } = await this.call<{ lease: Lease }>('POST', '/work/next', body);
    return status === 204 || !reply ? undefined : reply.lease;
  }

  async heartbeat(leaseId: string): Promise<Lease> {
    return (await this.json<{ lease: Lease }>('POST', `/leases/${encodeURIComponent(leaseId)}/heartbeat`)).lease;
  }

  async skip(leaseId: string, reason: string): Promise<void> {
    await this.json('POST', `/leases/${encodeURIComponent(leaseId)}/skip`, { reason });
  }

  submit(leaseId: string, response: unknown): Promise<{ task_status: string }> {
    return this.json('POST', `/leases/${encodeURIComponent(leaseId)}/submit`, { response });
  }

  review(leaseId: string, decision: ReviewDecision, extra: { response?: unknown; comments?: string } = {}): Promise<{ task_status: string }> {
    return this.json('POST', `/leases/${encodeURIComponent(leaseId)}/review`, { decision, ...extra });
  }
}

export const api = new AppApi();
