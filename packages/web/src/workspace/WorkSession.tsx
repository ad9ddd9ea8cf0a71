import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, ApiError, type Lease } from '../api/client.js';
import { diffAnswers, annotatorColors } from '../review/diff.js';
import { ReviewPanel } from '../review/ReviewPanel.js';
import { HotkeyHelp } from '../ui/HotkeyHelp.js';
import { useHotkeys } from '../ui/hotkeys-context.js';
import { Modal } from '../ui/Modal.js';
import type { Overlay } from './canvas/ImageCanvas.js';
import { clearDraft, draftKey, loadDraft, saveDraft } from './drafts.js';
import { heartbeatDelay, skipReasons } from './lease-keeper.js';
import { previousShapes, rememberShapes } from './previous-task.js';
import { editorConfig, isImageTaskType } from './scene/config.js';
import { sceneFromResponse } from './scene/convert.js';
import { responseOf, TaskEditor, type EditorDraft, type TaskLike } from './TaskEditor.js';
import { checkAnswer } from './validate.js';

type Status = { kind: 'loading' } | { kind: 'empty' } | { kind: 'error'; message: string } | { kind: 'working'; lease: Lease };

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

const leaseKey = (projectId: string, stage: string) => `tessera.lease.${projectId}.${stage}`;

/** The lease this tab is working on, so a reload resumes it instead of asking for (and not getting) another. */
function rememberLease(projectId: string, stage: string, leaseId: string | undefined): void {
  const s = storage();
  if (!s) return;
  if (leaseId) s.setItem(leaseKey(projectId, stage), leaseId);
  else s.removeItem(leaseKey(projectId, stage));
}

/** The remembered lease, renewed; undefined when there is none or it has ended. */
async function resume(projectId: string, stage: string): Promise<Lease | undefined> {
  const id = storage()?.getItem(leaseKey(projectId, stage));
  if (!id) return undefined;
  try {
    return await api.heartbeat(id);
  } catch (e) {
    if (e instanceof ApiError && (e.status === 409 || e.status === 404 || e.status === 403)) {
      rememberLease(projectId, stage, undefined);
      return undefined;
    }
    throw e;
  }
}

export function taskOf(lease: Lease): TaskLike {
  const t = lease.task as { task_id?: string; type?: string; params?: Record<string, unknown>; instruction?: string };
  return { task_id: t.task_id ?? '', type: t.type ?? lease.project.type, params: t.params ?? {}, instruction: t.instruction };
}

/**
 * One sitting at a queue: lease a task, keep the lease alive while the tab is open, save the work as
 * a draft on every change, submit or skip, and go straight on to the next one.
 */
export function WorkSession(props: { projectId: string; stage: 'label' | 'review'; onExit(): void }) {
  const { projectId, stage } = props;
  const [status, setStatus] = useState<Status>({ kind: 'loading' });
  const [lost, setLost] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<string>();
  const [modal, setModal] = useState<'help' | 'instruction' | 'skip' | undefined>();
  const [fixing, setFixing] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [shown, setShown] = useState<ReadonlySet<number>>(new Set());
  const [connection, setConnection] = useState<string>();
  const [focus, setFocus] = useState<{ index: number; n: number }>();
  const draft = useRef<EditorDraft | undefined>(undefined);
  const saveTimer = useRef<number | undefined>(undefined);

  const lease = status.kind === 'working' ? status.lease : undefined;
  const task = useMemo(() => (lease ? taskOf(lease) : undefined), [lease]);
  const key = lease && task ? draftKey(lease.id, task.task_id ?? '') : undefined;
  const initialDraft = useMemo(() => (key ? loadDraft<EditorDraft>(storage(), key)?.value : undefined), [key]);

  const next = useCallback(async () => {
    setStatus({ kind: 'loading' });
    setLost(false);
    setFixing(false);
    setRejecting(false);
    setError(undefined);
    draft.current = undefined;
    try {
      const l = (await resume(projectId, stage)) ?? (await api.next({ project_id: projectId, stage }));
      if (l) rememberLease(projectId, stage, l.id);
      setStatus(l ? { kind: 'working', lease: l } : { kind: 'empty' });
      if (l) setShown(new Set(l.previous.map((_, i) => i).filter((i) => i > 0)));
    } catch (e) {
      setStatus({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  }, [projectId, stage]);

  // Once per mount: StrictMode runs effects twice in development, and each call leases a task.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void next();
  }, [next]);

  // The lease lives while this tab does: renewed at a third of its remaining time.
  const leaseId = lease?.id;
  const expiresAt = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!leaseId || lost) return;
    expiresAt.current = lease?.expires_at;
    let timer: number | undefined;
    let live = true;
    const beat = async () => {
      try {
        const renewed = await api.heartbeat(leaseId);
        expiresAt.current = renewed.expires_at;
        setConnection(undefined);
      } catch (e) {
        if (e instanceof ApiError && (e.status === 409 || e.status === 404)) {
          rememberLease(projectId, stage, undefined);
          if (live) setLost(true);
          return;
        }
        setConnection('Connection problem: retrying. Your work is saved on this device.');
      }
      if (live) timer = window.setTimeout(beat, heartbeatDelay(expiresAt.current ?? '', Date.now()));
    };
    timer = window.setTimeout(beat, heartbeatDelay(expiresAt.current ?? ''));
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
    // Restart only for a new lease; expires_at moves on every beat.
  }, [leaseId, lost, projectId, stage]);

  const flush = useCallback(() => {
    window.clearTimeout(saveTimer.current);
    saveTimer.current = undefined;
    if (key && draft.current) saveDraft(storage(), key, draft.current);
  }, [key]);

  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  const onDraft = useCallback(
    (d: EditorDraft) => {
      draft.current = d;
      // A change may have fixed what the last check complained of; the next submit checks again.
      setError((e) => (e?.startsWith('Not sent yet') ? undefined : e));
      // Saved a moment after the last change: every stroke is kept without writing storage on each mouse move.
      window.clearTimeout(saveTimer.current);
      saveTimer.current = window.setTimeout(flush, 250);
    },
    [flush],
  );

  const done = useCallback(
    (message: string) => {
      rememberLease(projectId, stage, undefined);
      if (key) clearDraft(storage(), key);
      window.clearTimeout(saveTimer.current);
      if (draft.current?.kind === 'scene') rememberShapes(projectId, draft.current.scene.shapes);
      draft.current = undefined;
      setNotice(message);
      void next();
    },
    [key, next, projectId, stage],
  );

  const act = useCallback(
    async (what: () => Promise<string>) => {
      if (busy) return;
      setBusy(true);
      setError(undefined);
      try {
        done(await what());
      } catch (e) {
        if (e instanceof ApiError && e.status === 409) setLost(true);
        else setError(e instanceof Error ? e.message : String(e));
      } finally {
        setBusy(false);
      }
    },
    [busy, done],
  );

  const currentResponse = () => (task ? (responseOf(task, draft.current) ?? responseOf(task, initialDraft) ?? lease?.proposed_response ?? lease?.previous[0]?.response) : undefined);

  /** The answer to send, or undefined (with the problems shown and the first bad object selected) when it would be refused. */
  const checkedResponse = (): unknown => {
    const response = currentResponse() ?? {};
    const issues = task ? checkAnswer(task, response) : [];
    if (issues.length === 0) return response;
    const shown = issues.slice(0, 6).map((i) => i.message);
    if (issues.length > 6) shown.push(`…and ${issues.length - 6} more.`);
    setError(`Not sent yet:\n${shown.join('\n')}`);
    const first = issues.find((i) => i.annotation !== undefined)?.annotation;
    if (first !== undefined) setFocus((f) => ({ index: first, n: (f?.n ?? 0) + 1 }));
    return undefined;
  };
  const submit = () => {
    if (!lease) return;
    const response = checkedResponse();
    if (response === undefined) return;
    void act(async () => `Submitted (task ${(await api.submit(lease.id, response)).task_status}).`);
  };
  const accept = () => lease && act(async () => `Accepted (task ${(await api.review(lease.id, 'accept')).task_status}).`);
  const submitFix = () => {
    if (!lease) return;
    const response = checkedResponse();
    if (response === undefined) return;
    void act(async () => `Fixed and accepted (task ${(await api.review(lease.id, 'fix', { response })).task_status}).`);
  };
  const reject = (comments: string) => lease && act(async () => `Sent back with comments (task ${(await api.review(lease.id, 'reject', { comments })).task_status}).`);
  const skip = (reason: string) => {
    setModal(undefined);
    if (lease) void act(async () => (await api.skip(lease.id, reason), `Skipped: ${reason}.`));
  };

  useHotkeys((action) => {
    switch (action) {
      case 'view.help':
        setModal('help');
        return true;
      case 'view.instruction':
        setModal('instruction');
        return true;
      case 'task.submit':
        if (!lease || lost || modal) return false;
        if (lease.stage === 'label') submit();
        else if (fixing) submitFix();
        else if (!rejecting) void accept();
        return true;
      case 'task.skip':
        if (!lease || lost) return false;
        setModal('skip');
        return true;
      case 'review.reject':
        if (lease?.stage !== 'review' || fixing) return false;
        setRejecting(true);
        return true;
      case 'review.fix':
        if (lease?.stage !== 'review') return false;
        setFixing(true);
        return true;
      default:
        return false;
    }
  }, modal !== 'help');

  const diff = useMemo(() => {
    if (!lease || !task || lease.previous.length < 2 || !isImageTaskType(task.type)) return undefined;
    const config = editorConfig(task);
    return diffAnswers(lease.previous.map((p, i) => ({ who: p.user.email ?? String(i), shapes: sceneFromResponse(config, p.response, 'drawn').shapes })));
  }, [lease, task]);

  const overlays = useMemo<Overlay[] | undefined>(() => {
    if (!lease || !task || lease.previous.length < 2 || !isImageTaskType(task.type)) return undefined;
    // Each other answer dashed in its annotator's colour, and what differs from the rest drawn thick.
    return (diff ?? [])
      .map((d, i) => ({ d, i }))
      .filter(({ i }) => shown.has(i))
      .flatMap(({ d, i }) => {
        const color = annotatorColors[i % annotatorColors.length]!;
        return [
          { shapes: d.shapes, color, dash: [6, 4], labels: true },
          { shapes: [...d.unmatched, ...d.relabelled], color, lineWidth: 4 },
        ];
      });
  }, [lease, task, shown, diff]);


  if (status.kind === 'loading') return <div className="center muted">Getting the next task…</div>;
  if (status.kind === 'error') {
    return (
      <div className="center">
        <p className="error">{status.message}</p>
        <button onClick={() => void next()}>Try again</button> <button onClick={props.onExit}>Home</button>
      </div>
    );
  }
  if (status.kind === 'empty') {
    return (
      <div className="center" data-testid="queue-empty">
        {notice && <p className="notice">{notice}</p>}
        <p>Nothing to {stage === 'label' ? 'label' : 'review'} here right now.</p>
        <button onClick={() => void next()}>Check again</button> <button onClick={props.onExit}>Home</button>
      </div>
    );
  }

  const l = status.lease;
  const t = task!;
  const reviewing = l.stage === 'review';
  const editable = !lost && (!reviewing || fixing);
  // A review starts from the answer under review (merged, or the last level's fix); rework from the returned answer.
  const startFrom = reviewing ? (l.proposed_response ?? l.previous[0]?.response) : l.rework_comments.length > 0 ? l.previous[0]?.response : undefined;

  const banner = (
    <>
      {l.rework_comments.length > 0 && (
        <section className="rework" data-testid="rework-comments">
          <h3>Returned by the reviewer</h3>
          <ul>
            {l.rework_comments.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
        </section>
      )}
      {reviewing && (
        <ReviewPanel
          lease={l}
          fixing={fixing}
          busy={busy}
          diff={diff}
          shown={shown}
          onToggleShown={(i) => setShown((s) => (s.has(i) ? new Set([...s].filter((x) => x !== i)) : new Set([...s, i])))}
          onAccept={() => void accept()}
          onFix={() => setFixing(true)}
          onSubmitFix={submitFix}
          onCancelFix={() => setFixing(false)}
          onReject={(c) => void reject(c)}
          rejecting={rejecting}
          setRejecting={setRejecting}
        />
      )}
    </>
  );

  return (
    <div className="work" data-testid="work" data-stage={l.stage} data-task={t.task_id}>
      <header className="work-bar">
        <button className="ghost" onClick={props.onExit} title="Home">
          ←
        </button>
        <strong>{l.project.name}</strong>
        <span className="muted">
          {reviewing ? `reviewing · level ${l.review_level}` : l.rework_comments.length ? 'rework' : 'labelling'} · {t.type}
        </span>
        <span className="grow" />
        {notice && (
          <span className="notice" data-testid="notice">
            {notice}
          </span>
        )}
        <button onClick={() => setModal('instruction')} title="Instruction (I)">
          Instruction
        </button>
        <button onClick={() => setModal('help')} title="Keyboard shortcuts (?)">
          ?
        </button>
        <button disabled={busy || lost} onClick={() => setModal('skip')} data-testid="skip">
          Skip
        </button>
        {!reviewing && (
          <button className="primary" disabled={busy || lost} onClick={submit} data-testid="submit" title="Submit (Ctrl+Enter)">
            Submit
          </button>
        )}
      </header>
      {lost && (
        <div className="lease-lost" role="alert" data-testid="lease-lost">
          <strong>This task is no longer yours.</strong> Its lease ended (it expired while the tab was closed or asleep, or it was reassigned). Your
          work is kept on this device but can no longer be submitted. <button onClick={() => void next()}>Get the next task</button>
        </div>
      )}
      {connection && <div className="connection">{connection}</div>}
      {error && (
        <div className="submit-error" role="alert" data-testid="submit-error">
          {error}
        </div>
      )}
      <TaskEditor
        key={l.id}
        task={t}
        startFrom={startFrom}
        draft={initialDraft}
        editable={editable}
        onDraft={onDraft}
        overlays={overlays}
        previousShapes={() => previousShapes(projectId)}
        onReportImage={() => skip('image failed to load')}
        focusAnnotation={focus}
        sidebarTop={banner}
      />
      {modal === 'help' && <HotkeyHelp onClose={() => setModal(undefined)} />}
      {modal === 'instruction' && (
        <Modal title="Instruction" onClose={() => setModal(undefined)} testId="instruction">
          <div className="instruction">{t.instruction || 'This task has no instruction.'}</div>
        </Modal>
      )}
      {modal === 'skip' && <SkipDialog onClose={() => setModal(undefined)} onSkip={skip} />}
    </div>
  );
}

function SkipDialog(props: { onClose(): void; onSkip(reason: string): void }) {
  const [reason, setReason] = useState<string>(skipReasons[0]);
  const [other, setOther] = useState('');
  const text = reason === 'Other' ? other.trim() : reason;
  return (
    <Modal title="Skip this task" onClose={props.onClose} testId="skip-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (text) props.onSkip(text);
        }}
      >
      {skipReasons.map((r) => (
        <label key={r} className="choice">
          <input type="radio" name="reason" autoFocus={r === skipReasons[0]} checked={reason === r} onChange={() => setReason(r)} /> {r}
        </label>
      ))}
      {reason === 'Other' && <textarea autoFocus value={other} onChange={(e) => setOther(e.target.value)} placeholder="What is wrong with it?" />}
      <div className="actions">
        <button className="primary" type="submit" disabled={!text} data-testid="confirm-skip">
          Skip
        </button>
      </div>
      </form>
    </Modal>
  );
}
