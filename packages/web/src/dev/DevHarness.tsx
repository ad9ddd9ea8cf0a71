import { useMemo, useState } from 'react';
import { HotkeyHelp } from '../ui/HotkeyHelp.js';
import { useHotkeys } from '../ui/hotkeys-context.js';
import { responseOf, TaskEditor, type EditorDraft, type TaskLike } from '../workspace/TaskEditor.js';
import { sampleTask, syntheticImage } from './sample.js';

function query(): URLSearchParams {
  return new URLSearchParams(window.location.hash.split('?')[1] ?? '');
}

/**
 * `#/dev`: the editor alone, on a task pasted as JSON or a generated sample (`#/dev?boxes=2000` preloads
 * that many boxes, for the benchmark). No server, no lease: for building and measuring the editor.
 */
export default function DevHarness() {
  const q = query();
  const boxes = Number(q.get('boxes') ?? 0);
  const image = useMemo(() => syntheticImage(1920, 1080), []);
  const [text, setText] = useState(() => JSON.stringify(sampleTask('(generated)', 0), null, 2));
  const [task, setTask] = useState<TaskLike>(() => {
    const t = sampleTask(image, boxes);
    return { task_id: 'dev', ...t };
  });
  const [draft, setDraft] = useState<EditorDraft>();
  const [error, setError] = useState<string>();
  const [help, setHelp] = useState(false);
  const [version, setVersion] = useState(0);
  useHotkeys((a) => (a === 'view.help' ? (setHelp(true), true) : false), !help);
  const showResponse = q.get('response') !== '0';

  return (
    <div className="dev" data-testid="dev-harness">
      <div className="dev-editor">
        <TaskEditor key={version} task={task} editable onDraft={setDraft} />
      </div>
      {showResponse && (
        <details className="dev-side">
          <summary>Task JSON and response</summary>
          <textarea value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
          <button
            onClick={() => {
              try {
                const t = JSON.parse(text) as TaskLike;
                const params = { ...t.params };
                if (params['attachment'] === '(generated)') params['attachment'] = image;
                setTask({ ...t, params });
                setVersion((v) => v + 1);
                setError(undefined);
              } catch (e) {
                setError(String(e));
              }
            }}
          >
            Open task
          </button>
          {error && <p className="error">{error}</p>}
          <pre data-testid="dev-response">{JSON.stringify(responseOf(task, draft), null, 2)}</pre>
        </details>
      )}
      {help && <HotkeyHelp onClose={() => setHelp(false)} />}
    </div>
  );
}
