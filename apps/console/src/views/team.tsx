import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouteContext } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { formatDate } from '../lib/format';
import { errorMessage, trpc } from '../lib/trpc';
import { Button } from '../ui/button';
import { SelectField, TextField } from '../ui/field';
import { SecretReveal } from '../ui/secret-reveal';
import { QueryView } from '../ui/states';
import { useToast } from '../ui/toast';

type Role = 'owner' | 'admin' | 'member' | 'viewer';

export const TeamView = () => {
  const { me } = useRouteContext({ from: '/_app' });
  const operators = useQuery(trpc.operators.list.queryOptions());
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('member');
  const queryClient = useQueryClient();
  const toast = useToast();
  const invite = useMutation(trpc.operators.invite.mutationOptions({
    onSuccess: async () => { toast.success('Operator invited.'); setEmail(''); setName(''); await queryClient.invalidateQueries({ queryKey: trpc.operators.list.queryKey() }); },
  }));
  const canInvite = me.operator.role === 'owner' || me.operator.role === 'admin';
  const submit = (e: FormEvent) => { e.preventDefault(); invite.mutate({ email, name, role }); };
  return (
    <section aria-labelledby="team-title" className="stack">
      <div className="page-head"><h1 id="team-title">Team</h1></div>
      <QueryView query={operators} loadingLabel="Loading operators…">
        {(rows) => (
          <table><caption className="sr-only">Operators</caption>
            <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Since</th></tr></thead>
            <tbody>{rows.map((o) => <tr key={o.id}><td>{o.name}</td><td>{o.email}</td><td><span className={`role role-${o.role}`}>{o.role}</span></td><td>{formatDate(o.createdAt)}</td></tr>)}</tbody>
          </table>
        )}
      </QueryView>
      {canInvite ? (
        <form className="card stack" onSubmit={submit} aria-labelledby="invite-title">
          <h2 id="invite-title">Invite an operator</h2>
          <TextField label="Email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
          <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} required />
          <SelectField label="Role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {(['viewer', 'member', 'admin', ...(me.operator.role === 'owner' ? ['owner'] : [])] as Role[]).map((r) => <option key={r} value={r}>{r}</option>)}
          </SelectField>
          {invite.error ? <p className="form-error" role="alert">{errorMessage(invite.error)}</p> : null}
          {invite.data ? <SecretReveal secret={invite.data.temporaryPassword} what="temporary password" /> : null}
          <div><Button type="submit" variant="primary" disabled={!email || !name || invite.isPending}>{invite.isPending ? 'Inviting…' : 'Invite'}</Button></div>
        </form>
      ) : null}
    </section>
  );
};
