import { HttpError } from '../../../lib/http';

/** A failed call as the user should read it: the title and each field's messages. */
export function ProblemMessage({ error }: { error: unknown }) {
  if (!error) return null;
  const problem = error instanceof HttpError ? error.problem : null;
  const fields = Object.entries(problem?.errors ?? {});
  return (
    <div className="form-error" role="alert">
      <p>{problem?.title ?? (error instanceof Error ? error.message : String(error))}</p>
      {fields.length > 0 && (
        <ul>
          {fields.map(([field, messages]) => (
            <li key={field}>
              <code>{field || 'body'}</code>: {messages.join(' ')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
