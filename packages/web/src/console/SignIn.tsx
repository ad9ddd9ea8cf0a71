import { useState } from 'react';
import { api, type SignedIn } from '../api/client.js';
import { useSubmit } from '../ui/use-submit.js';

export function SignIn(props: { onSignedIn(s: SignedIn): void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, onSubmit } = useSubmit(async () => props.onSignedIn(await api.signIn(email, password)));
  return (
    <form className="sign-in" onSubmit={onSubmit}>
      <h1>Tessera</h1>
      <label>
        Email
        <input type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} name="email" autoFocus />
      </label>
      <label>
        Password
        <input type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} name="password" />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button className="primary" disabled={busy} type="submit">
        Sign in
      </button>
    </form>
  );
}

/** `#/invite/<token>`: an invited person sets their name and password, and is signed in. */
export function AcceptInvitation(props: { token: string; onSignedIn(s: SignedIn): void }) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, onSubmit } = useSubmit(async () => props.onSignedIn(await api.acceptInvitation(props.token, password, name || undefined)));
  return (
    <form className="sign-in" onSubmit={onSubmit}>
      <h1>Welcome to Tessera</h1>
      <p className="muted">You were invited. Choose a password to start.</p>
      <label>
        Your name
        <input autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} name="name" autoFocus />
      </label>
      <label>
        Password (at least 8 characters)
        <input type="password" autoComplete="new-password" required minLength={8} value={password} onChange={(e) => setPassword(e.target.value)} name="password" />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button className="primary" disabled={busy} type="submit">
        Join
      </button>
    </form>
  );
}
