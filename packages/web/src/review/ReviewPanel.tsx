import { useState } from 'react';
import type { Lease } from '../api/client.js';
import type { AnnotatorDiff } from './diff.js';
import { annotatorColors } from './diff.js';

export interface ReviewPanelProps {
  lease: Lease;
  fixing: boolean;
  busy: boolean;
  diff?: readonly AnnotatorDiff[] | undefined;
  shown: ReadonlySet<number>;
  onToggleShown(i: number): void;
  onAccept(): void;
  onFix(): void;
  onSubmitFix(): void;
  onCancelFix(): void;
  onReject(comments: string): void;
  rejecting: boolean;
  setRejecting(on: boolean): void;
}

/** The reviewer's decisions beside the answer: accept, fix in the same editor, or reject with comments. */
export function ReviewPanel(props: ReviewPanelProps) {
  const [comments, setComments] = useState('');
  const { lease } = props;
  const who = (i: number) => lease.previous[i]?.user.name ?? lease.previous[i]?.user.email ?? `Annotator ${i + 1}`;
  return (
    <section className="review-panel" data-testid="review-panel">
      <h3>
        Review <span className="muted">level {lease.review_level}</span>
      </h3>
      {lease.previous.length === 1 && <p className="muted">Answer by {who(0)}</p>}
      {props.diff && props.diff.length > 1 && (
        <div className="diff" data-testid="review-diff">
          <p>Annotators disagreed. Each answer is drawn in its own colour; differences are listed.</p>
          {props.diff.map((d, i) => (
            <label key={i} className="check">
              <input type="checkbox" disabled={i === 0} checked={i === 0 || props.shown.has(i)} onChange={() => props.onToggleShown(i)} />
              <span className="swatch" style={{ background: i === 0 ? 'transparent' : annotatorColors[i % annotatorColors.length] }} />
              {who(i)}: {d.shapes.length} shapes, {d.unmatched.length} only theirs, {d.relabelled.length} labelled differently
              {i === 0 && <span className="muted"> (the answer in the editor)</span>}
            </label>
          ))}
        </div>
      )}
      {!props.diff && lease.previous.length > 1 && (
        <div className="diff" data-testid="review-answers">
          <p>Annotators disagreed. Their answers:</p>
          {lease.previous.map((p, i) => (
            <details key={i} open>
              <summary>{who(i)}</summary>
              <pre className="answer">{JSON.stringify(p.response, null, 1)}</pre>
            </details>
          ))}
        </div>
      )}
      {lease.previous.some((p) => p.comments) && (
        <ul className="comments">
          {lease.previous.filter((p) => p.comments).map((p, i) => (
            <li key={i}>{p.comments}</li>
          ))}
        </ul>
      )}
      {props.fixing ? (
        <div className="actions">
          <button className="primary" disabled={props.busy} onClick={props.onSubmitFix} data-testid="submit-fix">
            Submit fix
          </button>
          <button disabled={props.busy} onClick={props.onCancelFix}>
            Cancel fix
          </button>
        </div>
      ) : props.rejecting ? (
        <div className="reject">
          <label>
            What must change?
            <textarea
              autoFocus
              value={comments}
              onChange={(e) => setComments(e.target.value)}
              onKeyDown={(e) => {
                // Ctrl+Enter sends, as it submits everywhere else.
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  if (comments.trim()) props.onReject(comments.trim());
                }
              }}
              data-testid="reject-comments"
              placeholder="e.g. the second car is missing its box (Ctrl+Enter sends)"
            />
          </label>
          <div className="actions">
            <button className="danger" disabled={props.busy || comments.trim() === ''} onClick={() => props.onReject(comments.trim())} data-testid="confirm-reject">
              Send back
            </button>
            <button onClick={() => props.setRejecting(false)}>Cancel</button>
          </div>
        </div>
      ) : (
        <div className="actions">
          <button className="primary" disabled={props.busy} onClick={props.onAccept} data-testid="accept">
            Accept
          </button>
          <button disabled={props.busy} onClick={props.onFix} data-testid="fix">
            Fix
          </button>
          <button className="danger" disabled={props.busy} onClick={() => props.setRejecting(true)} data-testid="reject">
            Reject
          </button>
        </div>
      )}
    </section>
  );
}
