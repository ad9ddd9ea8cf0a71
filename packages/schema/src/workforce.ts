import { z } from 'zod';
import { Timestamp } from './common.js';

export const Role = z.enum(['admin', 'manager', 'reviewer', 'annotator']);
export type Role = z.infer<typeof Role>;

/**
 * How a project's tasks are worked, set in its params as `workflow`. Every field has a default, so a
 * project without one gets one annotator and no review.
 */
export const Workflow = z
  .object({
    /** Annotators who label each task; with more than one, answers are merged. */
    annotators: z.number().int().min(1).max(10).default(1),
    /** Boxes (and other shapes) match across annotators at this intersection over union or more. */
    consensus_iou: z.number().min(0).max(1).default(0.5),
    review_levels: z.number().int().min(0).max(5).default(0),
    /** Share of tasks reviewed when review_levels > 0 (disagreements are always reviewed). */
    review_fraction: z.number().min(0).max(1).default(1),
    /** Annotators whose gold score falls below this stop getting the project's tasks. */
    gold_threshold: z.number().min(0).max(1).default(0),
    /** Gold answers needed before the threshold applies. */
    gold_min_answers: z.number().int().min(1).default(3),
    lease_minutes: z.number().min(0.01).max(24 * 60).default(30),
  })
  .strict()
  .meta({ id: 'Workflow' });
export type Workflow = z.infer<typeof Workflow>;

export const User = z
  .object({ id: z.string(), email: z.string(), name: z.string().nullable(), roles: z.array(Role) })
  .meta({ id: 'User' });
export type User = z.infer<typeof User>;

export const Email = z.email().max(320).transform((s) => s.toLowerCase());
export const Password = z.string().min(8, 'must be at least 8 characters').max(200);

export const SignInBody = z.object({ email: z.string().min(1).transform((s) => s.toLowerCase()), password: z.string().min(1) });
export const CreateMemberBody = z.object({
  email: Email,
  name: z.string().max(200).optional(),
  roles: z.array(Role).min(1),
  password: Password.optional(),
});
export const SetRolesBody = z.object({ roles: z.array(Role).min(1) });
export const SetPasswordBody = z.object({ password: Password });
export const AcceptInvitationBody = z.object({ token: z.string().min(1), password: Password, name: z.string().max(200).optional() });
export const AssigneesBody = z.object({ user_ids: z.array(z.string()).min(1), assigned: z.boolean() });

export const WorkStage = z.enum(['label', 'review']);
export type WorkStage = z.infer<typeof WorkStage>;
export const NextWorkBody = z.object({ project_id: z.string().optional(), stage: WorkStage.optional() }).default({});
export const SkipBody = z.object({ reason: z.string().min(1).max(2000) });
export const SubmitBody = z.object({ response: z.unknown() });
export const ReviewBody = z.object({
  decision: z.enum(['accept', 'fix', 'reject']),
  response: z.unknown().optional(),
  comments: z.string().max(10_000).optional(),
});

export const LeasePrevious = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string().nullable() }),
  response: z.unknown(),
  comments: z.string().nullable(),
});

export const Lease = z
  .object({
    id: z.string(),
    expires_at: Timestamp,
    stage: WorkStage,
    review_level: z.number().int(),
    task: z.record(z.string(), z.unknown()),
    project: z.object({ id: z.string(), name: z.string(), type: z.string() }),
    previous: z.array(LeasePrevious),
    /** For a review: the answer under review (annotators' answers merged, or the last level's fix). */
    proposed_response: z.unknown().optional(),
    rework_comments: z.array(z.string()),
  })
  .meta({ id: 'Lease' });
export type Lease = z.infer<typeof Lease>;

export const Stats = z
  .object({
    tasks_done: z.number().int(),
    tasks_per_hour: z.number(),
    median_seconds: z.number().nullable(),
    accept_rate: z.number().nullable(),
    gold_score: z.number().nullable(),
  })
  .meta({ id: 'Stats' });
export type Stats = z.infer<typeof Stats>;

/** Scale's team roles and ours: labeler is an annotator, member a reviewer. */
export const TeamRole = z.enum(['labeler', 'member', 'manager', 'admin']);
export type TeamRole = z.infer<typeof TeamRole>;
export const TeamInviteBody = z.object({ emails: z.array(Email).min(1), team_role: TeamRole.default('labeler') });
export const Teammate = z
  .object({ email: z.string(), role: TeamRole, firstName: z.string().optional(), lastName: z.string().optional(), isStudioLabeler: z.boolean() })
  .meta({ id: 'Teammate' });
export const StudioAssignmentsBody = z.object({ emails: z.array(Email).min(1), projects: z.array(z.string().min(1)).min(1) });

export const EvaluationTaskFields = z.object({ expected_response: z.record(z.string(), z.unknown()), initial_response: z.unknown().optional() });
