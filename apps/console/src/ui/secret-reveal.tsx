import { CopyButton } from './copy-button';

/** A secret shown exactly once: the server never returns it again. */
export const SecretReveal = ({ secret, what }: { secret: string; what: string }) => (
  <div className="secret" role="region" aria-label={`New ${what}`}>
    <p className="secret-warning"><strong>Copy this {what} now.</strong> It is shown only once; Sumeru stores only its hash and cannot show it again.</p>
    <div className="secret-row">
      <code data-testid="secret-value" className="secret-value">{secret}</code>
      <CopyButton value={secret} label={`Copy ${what}`} />
    </div>
  </div>
);
