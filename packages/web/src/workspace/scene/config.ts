import {
  getTaskType,
  isLegacyType,
  LabelTree,
  legacyToImageAnnotation,
  type AnnotationAttributes,
  type GeometryKind,
  type LabelItem,
  type LegacyParams,
  type LegacyType,
} from '@tessera/schema';
import type { Pt } from './types.js';

/** A label the annotator can see in the picker; parents are shown for context but may not be pickable. */
export interface LabelOption {
  name: string;
  display: string;
  depth: number;
  selectable: boolean;
}

/** What the editor needs to know about one requested geometry. */
export interface KindConfig {
  kind: GeometryKind;
  labels: LabelTree;
  options: readonly LabelOption[];
  /** Pickable labels in list order: the hotkeys 1..9 pick from these. */
  pickable: readonly string[];
  minWidth: number;
  minHeight: number;
  minVertices: number;
  maxVertices: number | null;
  integerPixels: boolean;
  /** Boxes may be rotated (geometries.box.can_rotate). */
  canRotate: boolean;
  /** Point skeletons: label pairs joined by a line (`geometries.point.connections`). */
  connections: readonly (readonly [string, string])[];
}

/** Read-only overlays from `layers`, drawn under the work and never part of the answer. */
export interface LayerOverlay {
  kind: 'box' | 'polygon' | 'line' | 'point';
  points: readonly Pt[];
}

export interface EditorConfig {
  taskType: string;
  legacy: LegacyType | undefined;
  attachment: string;
  instruction: string;
  kinds: readonly KindConfig[];
  attributes: AnnotationAttributes;
  /** Every label of every geometry: attribute conditions may name any of them. */
  allLabels: LabelTree;
  allowParentLabels: boolean;
  layers: readonly LayerOverlay[];
  /** Raw params with defaults filled, for hypothesis and base_annotations. */
  params: Readonly<Record<string, unknown>>;
  canEditBase: boolean;
  canDeleteBase: boolean;
}

/** The image annotation types this editor handles. */
export function isImageTaskType(type: string): boolean {
  return type === 'imageannotation' || isLegacyType(type);
}

function labelOptions(items: readonly LabelItem[], tree: LabelTree, allowParents: boolean, depth = 0, out: LabelOption[] = []): LabelOption[] {
  for (const item of items) {
    const name = typeof item === 'string' ? item : item.choice;
    const display = typeof item === 'string' ? item : (item.display ?? item.choice);
    out.push({ name, display, depth, selectable: tree.allows(name, allowParents) });
    if (typeof item !== 'string' && item.subchoices) labelOptions(item.subchoices, tree, allowParents, depth + 1, out);
  }
  return out;
}

function num(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/**
 * The editor's view of a task: the params parsed by the type's own schema (so defaults are the
 * server's), legacy types seen as imageannotation with one geometry.
 */
export function editorConfig(task: { type: string; params: Record<string, unknown>; instruction?: string | undefined }): EditorConfig {
  const def = getTaskType(task.type);
  const parsed = def?.params.safeParse(task.params);
  const params = (parsed?.success ? parsed.data : task.params) as Record<string, unknown>;
  const legacy = isLegacyType(task.type) ? task.type : undefined;
  const spec = (legacy ? legacyToImageAnnotation(legacy, params as LegacyParams) : params) as Record<string, unknown> & {
    geometries?: Record<string, Record<string, unknown> | undefined>;
    annotation_attributes?: AnnotationAttributes;
    allow_parent_labels?: boolean;
  };
  const allowParentLabels = spec.allow_parent_labels === true;
  const kinds: KindConfig[] = [];
  const allItems: LabelItem[] = [];
  for (const kind of ['box', 'polygon', 'line', 'point', 'ellipse', 'cuboid'] as const) {
    const g = spec.geometries?.[kind];
    if (!g) continue;
    const items = (g['objects_to_annotate'] as LabelItem[] | undefined) ?? [];
    allItems.push(...items);
    const labels = new LabelTree(items);
    const options = labelOptions(items, labels, allowParentLabels);
    kinds.push({
      kind,
      labels,
      options,
      pickable: options.filter((o) => o.selectable).map((o) => o.name),
      minWidth: num(g['min_width'], 0),
      minHeight: num(g['min_height'], 0),
      minVertices: num(g['min_vertices'], 1),
      maxVertices: typeof g['max_vertices'] === 'number' ? g['max_vertices'] : null,
      integerPixels: g['integer_pixels'] === true,
      canRotate: g['can_rotate'] === true,
      connections: Array.isArray(g['connections']) ? (g['connections'] as { pair: [string, string] }[]).map((c) => c.pair) : [],
    });
  }
  return {
    taskType: task.type,
    legacy,
    attachment: typeof params['attachment'] === 'string' ? params['attachment'] : '',
    instruction: task.instruction ?? '',
    kinds,
    attributes: spec.annotation_attributes ?? {},
    allLabels: new LabelTree(allItems),
    allowParentLabels,
    layers: layerOverlays(params['layers']),
    params,
    canEditBase: params['can_edit_base_annotations'] !== false,
    canDeleteBase: params['can_delete_base_annotations'] !== false,
  };
}

export function kindConfig(config: EditorConfig, kind: GeometryKind): KindConfig | undefined {
  return config.kinds.find((k) => k.kind === kind);
}

/** The display name of a label (its `display`, or the name itself). */
export function labelDisplay(config: EditorConfig, kind: GeometryKind, label: string | undefined): string {
  if (label === undefined) return '';
  return kindConfig(config, kind)?.options.find((o) => o.name === label)?.display ?? label;
}

function layerOverlays(layers: unknown): LayerOverlay[] {
  if (!layers || typeof layers !== 'object') return [];
  const l = layers as Record<string, unknown[] | undefined>;
  const out: LayerOverlay[] = [];
  const nums = (o: unknown, ...keys: string[]) => keys.map((k) => num((o as Record<string, unknown>)[k], 0));
  for (const b of l['boxes'] ?? []) {
    const [x, y, w, h] = nums(b, 'left', 'top', 'width', 'height') as [number, number, number, number];
    out.push({ kind: 'box', points: [{ x, y }, { x: x + w, y: y + h }] });
  }
  for (const [key, kind] of [['polygons', 'polygon'], ['lines', 'line']] as const) {
    for (const p of l[key] ?? []) {
      const vertices = ((p as { vertices?: unknown[] }).vertices ?? []).map((v) => {
        const [x, y] = nums(v, 'x', 'y') as [number, number];
        return { x, y };
      });
      out.push({ kind, points: vertices });
    }
  }
  for (const p of l['points'] ?? []) {
    const [x, y] = nums(p, 'x', 'y') as [number, number];
    out.push({ kind: 'point', points: [{ x, y }] });
  }
  return out;
}
