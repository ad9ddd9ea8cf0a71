import type { z } from 'zod';

/** One problem found in a completed response, named by where it is and what rule it breaks. */
export interface ResponseIssue {
  /** Path to the offending value, e.g. `annotations.3.label` */
  path: string;
  message: string;
}

/**
 * A Scale task type as data: what a customer may send, what a finished task answers with,
 * and the rules that tie the two together. Adding a type means adding one of these.
 */
export interface TaskTypeDefinition<
  Params extends z.ZodType = z.ZodType,
  Response extends z.ZodType = z.ZodType,
> {
  /** The `{type}` path segment of `POST /v1/task/{type}`. */
  readonly type: string;
  /** Creation params specific to this type (the common task fields are parsed elsewhere). Fills defaults. */
  readonly params: Params;
  /** Shape of `task.response` once the task is completed. */
  readonly response: Response;
  /**
   * Rules a response must follow given the task's own params (labels from objects_to_annotate,
   * allowed geometries, min sizes, vertex counts, attribute conditions). Empty when it passes.
   */
  checkResponse(params: z.output<Params>, response: z.output<Response>): ResponseIssue[];
  /**
   * Common task fields (see TaskCommonFields) this type cannot do without, e.g. categorization's
   * `instruction` (the question asked). The server answers 400 `"<field>" is required` when one is missing.
   */
  readonly requiredFields?: readonly string[];
  /** A valid response with nothing labelled, used by test-mode autocomplete. */
  emptyResponse(params: z.output<Params>): z.output<Response>;
}
