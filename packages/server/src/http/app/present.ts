import type { Lease, User } from '@tessera/schema';
import { iso } from '../../domain/clock.js';
import type { LeaseView } from '../../domain/work/queue.js';
import type { UserRecord } from '../../store/people.js';
import { presentTask } from '../v1/present.js';

export function presentUser(u: UserRecord): User {
  return { id: u.id, email: u.email, name: u.name, roles: u.roles };
}

export function presentLease(view: LeaseView): Lease {
  return {
    id: view.item.lease_id!,
    expires_at: iso(view.item.lease_expires_at!),
    stage: view.item.stage,
    review_level: view.item.stage === 'review' ? view.item.level : 0,
    task: presentTask(view.task),
    project: view.project,
    previous: view.previous,
    ...(view.item.stage === 'review' && view.item.payload !== null ? { proposed_response: JSON.parse(view.item.payload) as unknown } : {}),
    rework_comments: view.reworkComments,
  };
}
