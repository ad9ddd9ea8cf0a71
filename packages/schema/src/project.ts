import { z } from 'zod';
import { Timestamp } from './common.js';

export const ProjectParams = z.record(z.string(), z.unknown());
export type ProjectParams = z.infer<typeof ProjectParams>;

/** One version of a project's params; each setParams appends one. */
export const ParamVersion = z.looseObject({
  version: z.number().int(),
  created_at: Timestamp,
  instruction: z.string().optional(),
});
export type ParamVersion = z.infer<typeof ParamVersion>;

export const Project = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.string(),
    params: ProjectParams,
    param_history: z.array(ParamVersion),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .meta({ id: 'Project' });
export type Project = z.infer<typeof Project>;

/** Kept exactly as given (clients look it up again by the same string); blank is refused. */
export const ProjectName = z.string().min(1).max(200).refine((s) => s.trim() !== '', 'must not be blank');

export const CreateProjectBody = z.object({
  type: z.string().min(1),
  name: ProjectName,
  params: ProjectParams.nullish(),
  rapid: z.boolean().nullish(),
  studio: z.boolean().nullish(),
  datasetId: z.string().nullish(),
  pipeline: z.string().nullish(),
});
export type CreateProjectBody = z.infer<typeof CreateProjectBody>;

/** `setParams`: any param kwargs; `patch: true` merges onto the latest version, otherwise they replace it. */
export const SetProjectParamsBody = z.looseObject({ patch: z.boolean().optional() });
export type SetProjectParamsBody = z.infer<typeof SetProjectParamsBody>;

export const ProjectList = z.array(Project);
