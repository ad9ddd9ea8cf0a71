import { useMemo, type ReactNode } from 'react';
import type { Overlay } from './canvas/ImageCanvas.js';
import { CategorizationEditor } from './editors/CategorizationEditor.js';
import { NerEditor } from './editors/NerEditor.js';
import { TextCollectionEditor } from './editors/TextCollectionEditor.js';
import { TranscriptionEditor } from './editors/TranscriptionEditor.js';
import type { FormEditorProps } from './editors/types.js';
import { ImageEditor } from './ImageEditor.js';
import { editorConfig, isImageTaskType } from './scene/config.js';
import { initialScene, responseFromScene, sceneFromResponse } from './scene/convert.js';
import type { Scene, Shape } from './scene/types.js';

export interface TaskLike {
  task_id?: string;
  type: string;
  params: Record<string, unknown>;
  instruction?: string | undefined;
}

/** One editor per task type (task types are data; this table is the web half of adding one). */
const formEditors: Record<string, (p: FormEditorProps) => ReactNode> = {
  categorization: CategorizationEditor,
  textcollection: TextCollectionEditor,
  transcription: TranscriptionEditor,
  namedentityrecognition: NerEditor,
};

export function hasEditor(type: string): boolean {
  return isImageTaskType(type) || type in formEditors;
}

/**
 * A draft is what the editor needs to resume: the scene for images (it keeps hidden and locked
 * shapes, which a response cannot), the response itself for forms.
 */
export type EditorDraft = { kind: 'scene'; scene: Scene } | { kind: 'response'; response: unknown };

/** The answer to send for a draft. */
export function responseOf(task: TaskLike, draft: EditorDraft | undefined): unknown {
  if (!draft) return undefined;
  if (draft.kind === 'response') return draft.response;
  return responseFromScene(editorConfig(task), draft.scene);
}

export interface TaskEditorProps {
  task: TaskLike;
  /** Start from this answer (a review, a rework) instead of the task's hypothesis. */
  startFrom?: unknown;
  draft?: EditorDraft | undefined;
  editable: boolean;
  onDraft(d: EditorDraft): void;
  overlays?: readonly Overlay[];
  previousShapes?: () => readonly Shape[] | undefined;
  onReportImage?: () => void;
  sidebarTop?: ReactNode;
  /** Select this annotation (by its index in the response); `n` changes to select it again. */
  focusAnnotation?: { index: number; n: number } | undefined;
}

export function TaskEditor(props: TaskEditorProps) {
  const { task, onDraft } = props;
  const config = useMemo(() => (isImageTaskType(task.type) ? editorConfig(task) : undefined), [task]);
  const initial = useMemo(() => {
    if (!config) return undefined;
    if (props.draft?.kind === 'scene') return props.draft.scene;
    if (props.startFrom !== undefined) return sceneFromResponse(config, props.startFrom, 'drawn');
    return initialScene(config);
    // The starting scene is fixed when the editor opens; later drafts come from the editor itself.
  }, [config]);
  const onScene = useMemo(() => (scene: Scene) => onDraft({ kind: 'scene', scene }), [onDraft]);
  const onResponse = useMemo(() => (response: unknown) => onDraft({ kind: 'response', response }), [onDraft]);

  if (config && initial) {
    return (
      <ImageEditor
        config={config}
        initial={initial}
        editable={props.editable}
        onChange={onScene}
        overlays={props.overlays}
        previousShapes={props.previousShapes}
        onReportImage={props.onReportImage}
        sidebarTop={props.sidebarTop}
        focusAnnotation={props.focusAnnotation}
      />
    );
  }
  const Form = formEditors[task.type];
  if (!Form) {
    return (
      <div className="unsupported">
        <p>
          There is no editor for <code>{task.type}</code> tasks yet.
        </p>
        <pre>{JSON.stringify(task.params, null, 2)}</pre>
      </div>
    );
  }
  const initialResponse = props.draft?.kind === 'response' ? props.draft.response : props.startFrom;
  return (
    <div className="form-wrap">
      {props.sidebarTop}
      <Form task={task} initial={initialResponse} editable={props.editable} onChange={onResponse} />
    </div>
  );
}
