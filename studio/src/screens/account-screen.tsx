import { useState, type FormEvent } from 'react';
import { describeError } from '../api/errors';
import { changePassword } from '../api/session';
import { useSession } from '../api/session-context';

export default function AccountScreen() {
  const { user } = useSession();
  const [message, setMessage] = useState('');
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const target = event.currentTarget;
    try {
      await changePassword(String(form.get('current')), String(form.get('next')));
      target.reset();
      setMessage('Password changed. Your other sessions have been signed out.');
    } catch (failure) {
      setMessage(describeError(failure));
    }
  }
  return (
    <section aria-labelledby="account-title">
      <h1 id="account-title">My account</h1>
      <p>
        {user?.name} · {user?.email} · {user?.role.toLowerCase()}
      </p>
      <form className="create" onSubmit={(e) => void submit(e)} aria-label="Change my password">
        <h2>Change my password</h2>
        <label>
          Current password
          <input name="current" type="password" required autoComplete="current-password" />
        </label>
        <label>
          New password
          <input name="next" type="password" required minLength={12} autoComplete="new-password" />
        </label>
        <button type="submit">Change password</button>
      </form>
      <p role="status">{message}</p>
    </section>
  );
}
