import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { errorMessage, setCsrfToken, trpc } from '../lib/trpc';
import { Button } from '../ui/button';
import { TextField } from '../ui/field';

export const SignInView = () => {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signIn = useMutation(
    trpc.session.signIn.mutationOptions({
      onSuccess: async (session) => {
        setCsrfToken(session.csrfToken);
        queryClient.clear();
        queryClient.setQueryData(trpc.session.me.queryKey(), session);
        await navigate({ to: '/' });
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email, password });
  };
  return (
    <main className="sign-in">
      <form className="card sign-in-card" onSubmit={submit} aria-labelledby="sign-in-title" noValidate>
        <h1 id="sign-in-title">Sign in to Sumeru</h1>
        <p className="hint">The agency console: every shop, token and webhook in one place.</p>
        <TextField label="Email" type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} autoFocus />
        <TextField label="Password" type="password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        {signIn.error ? <p className="form-error" role="alert">{errorMessage(signIn.error)}</p> : null}
        <Button type="submit" variant="primary" disabled={signIn.isPending || !email || !password}>{signIn.isPending ? 'Signing in…' : 'Sign in'}</Button>
      </form>
    </main>
  );
};
