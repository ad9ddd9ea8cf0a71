/** A task's attachment shown beside a form: an image, a page in a frame, or inline text. */
export function Attachment(props: { attachment: unknown; type: unknown }) {
  const url = typeof props.attachment === 'string' ? props.attachment : '';
  const type = typeof props.type === 'string' ? props.type : 'image';
  if (!url) return null;
  if (type === 'image') return <img className="attachment-image" src={url} alt="attachment" />;
  if (type === 'text' || type === 'markdown') return <pre className="attachment-text">{url}</pre>;
  if (type === 'video') return <video className="attachment-image" src={url} controls />;
  if (type === 'audio') return <audio src={url} controls />;
  return (
    <a href={url} target="_blank" rel="noreferrer">
      Open attachment
    </a>
  );
}
