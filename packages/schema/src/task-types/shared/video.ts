import { z } from 'zod';
import { issue, type Issue } from './issues.js';
import { LabelList, LabelTree } from './labels.js';

/** Large video results live in a JSON file the response links to, as Scale delivers them. */
export const ResultFile = z.looseObject({ url: z.string().min(1) });

/** Labels for events (things that happen over time: "turn_left", "door_opens"). */
export const EventsToAnnotate = LabelList;

/** One event: a label over a frame range (or one frame). Scale's inline event shape is unpublished. */
export const VideoEvent = z.looseObject({
  label: z.string(),
  type: z.enum(['range', 'instant']).optional(),
  start: z.number().min(0).optional(),
  end: z.number().min(0).optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
});
export type VideoEvent = z.output<typeof VideoEvent>;

export const VideoEvents = z.union([ResultFile, z.array(VideoEvent)]);

/** Inline events name a requested event label and run forwards. Paths relative to the events array. */
export function checkEvents(eventsToAnnotate: z.output<typeof LabelList> | undefined, events: readonly VideoEvent[]): Issue[] {
  const tree = new LabelTree(eventsToAnnotate ?? []);
  const issues: Issue[] = [];
  events.forEach((e, i) => {
    if (!tree.allows(e.label, false)) issues.push(issue([i, 'label'], tree.refusal(e.label, 'events_to_annotate')));
    if (e.start !== undefined && e.end !== undefined && e.end < e.start) issues.push(issue([i, 'end'], `must not be before start (${e.start})`));
  });
  return issues;
}
