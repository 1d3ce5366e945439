import { gql } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { describeError } from '../api/errors';
import { formatDateTime } from '../components/format';
import { CrudTable, ShownOnce, Tabs } from './crud-table';

const ROLES = ['CONTRIBUTOR', 'AUTHOR', 'EDITOR', 'ADMIN'];

const USERS = gql`
  query StudioUsers {
    users(first: 100) {
      totalCount
      edges {
        node {
          id
          email
          name
          role
          disabled
          lastLoginAt
        }
      }
    }
  }
`;
const CREATE_USER = gql`
  mutation StudioCreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      user {
        id
      }
    }
  }
`;
const UPDATE_USER = gql`
  mutation StudioUpdateUser($input: UpdateUserInput!) {
    updateUser(input: $input) {
      user {
        id
        role
        disabled
      }
    }
  }
`;
const TOKENS = gql`
  query StudioApiTokens {
    apiTokens(first: 100) {
      edges {
        node {
          id
          name
          role
          tokenPrefix
          createdAt
          lastUsedAt
          expiresAt
          revokedAt
        }
      }
    }
  }
`;
const CREATE_TOKEN = gql`
  mutation StudioCreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      token
      apiToken {
        id
      }
    }
  }
`;
const REVOKE_TOKEN = gql`
  mutation StudioRevokeApiToken($input: RevokeApiTokenInput!) {
    revokeApiToken(input: $input) {
      apiToken {
        id
        revokedAt
      }
    }
  }
`;

function RoleSelect({
  name,
  value,
  onChange,
  label,
}: {
  name?: string;
  value?: string;
  onChange?(role: string): void;
  label: string;
}) {
  return (
    <label>
      {label}
      <select
        name={name}
        value={value}
        onChange={onChange ? (e) => onChange(e.target.value) : undefined}
        defaultValue={value ? undefined : 'CONTRIBUTOR'}
      >
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {role.toLowerCase()}
          </option>
        ))}
      </select>
    </label>
  );
}

export default function PeopleScreen({ tab = 'users' }: { tab?: string }) {
  return (
    <section aria-labelledby="people-title">
      <h1 id="people-title">People and access</h1>
      <Tabs
        base="/people"
        current={tab}
        tabs={[
          ['users', 'Users and roles'],
          ['tokens', 'API tokens'],
        ]}
      />
      {tab === 'tokens' ? <ApiTokens /> : <Users />}
    </section>
  );
}

function Users() {
  const { data, error, refetch } = useQuery<any>(USERS);
  const [create] = useMutation(CREATE_USER);
  const [update] = useMutation(UPDATE_USER);
  const [message, setMessage] = useState('');
  const act = (work: () => Promise<unknown>, done: string) =>
    work()
      .then(() => (setMessage(done), refetch()))
      .catch((failure) => setMessage(describeError(failure)));
  function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    const target = event.currentTarget;
    void act(() => create({ variables: { input: form } }).then(() => target.reset()), `Created ${form.email}`);
  }
  return (
    <div>
      {error && (
        <p className="error" role="alert">
          {describeError(error)}
        </p>
      )}
      <p role="status">{message}</p>
      <CrudTable
        caption={`${data?.users.totalCount ?? 0} users`}
        rows={(data?.users.edges ?? []).map((e: any) => e.node)}
        columns={[
          { label: 'Name', cell: (u: any) => u.name },
          { label: 'Email', cell: (u: any) => u.email },
          {
            label: 'Role',
            cell: (u: any) => (
              <RoleSelect
                label={`Role of ${u.name}`}
                value={u.role}
                onChange={(role) =>
                  void act(() => update({ variables: { input: { id: u.id, role } } }), `${u.name} is now ${role.toLowerCase()}`)
                }
              />
            ),
          },
          { label: 'Last login', cell: (u: any) => formatDateTime(u.lastLoginAt) },
          {
            label: 'Account',
            cell: (u: any) => (
              <button
                type="button"
                onClick={() =>
                  void act(
                    () => update({ variables: { input: { id: u.id, disabled: !u.disabled } } }),
                    `${u.name} ${u.disabled ? 'enabled' : 'disabled'}`,
                  )
                }
              >
                {u.disabled ? `Enable ${u.name}` : `Disable ${u.name}`}
              </button>
            ),
          },
        ]}
      />
      <form className="create" onSubmit={onCreate} aria-label="New user">
        <h2>New user</h2>
        <label>
          Name
          <input name="name" required />
        </label>
        <label>
          Email
          <input name="email" type="email" required />
        </label>
        <label>
          Password
          <input name="password" type="password" minLength={12} required autoComplete="new-password" />
        </label>
        <RoleSelect name="role" label="Role" />
        <button type="submit">Create user</button>
      </form>
    </div>
  );
}

function ApiTokens() {
  const { data, error, refetch } = useQuery<any>(TOKENS);
  const [create] = useMutation<any>(CREATE_TOKEN);
  const [revoke] = useMutation(REVOKE_TOKEN);
  const [secret, setSecret] = useState('');
  const [message, setMessage] = useState('');
  function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    create({ variables: { input: { name: form.name, role: form.role } } })
      .then(({ data: created }) => (setSecret(created.createApiToken.token), refetch()))
      .catch((failure) => setMessage(describeError(failure)));
  }
  return (
    <div>
      {error && (
        <p className="error" role="alert">
          {describeError(error)}
        </p>
      )}
      <p role="status">{message}</p>
      {secret && <ShownOnce label="New API token" value={secret} />}
      <CrudTable
        caption="API tokens"
        rows={(data?.apiTokens.edges ?? []).map((e: any) => e.node)}
        columns={[
          { label: 'Name', cell: (t: any) => t.name },
          { label: 'Role', cell: (t: any) => t.role.toLowerCase() },
          { label: 'Starts with', cell: (t: any) => <code>{t.tokenPrefix}</code> },
          { label: 'Last used', cell: (t: any) => formatDateTime(t.lastUsedAt) },
          {
            label: 'State',
            cell: (t: any) =>
              t.revokedAt ? (
                `Revoked ${formatDateTime(t.revokedAt)}`
              ) : (
                <button
                  type="button"
                  onClick={() =>
                    void revoke({ variables: { input: { id: t.id } } })
                      .then(() => refetch())
                      .catch((f) => setMessage(describeError(f)))
                  }
                >
                  Revoke {t.name}
                </button>
              ),
          },
        ]}
      />
      <form className="create" onSubmit={onCreate} aria-label="New API token">
        <h2>New API token</h2>
        <label>
          Token name
          <input name="name" required />
        </label>
        <RoleSelect name="role" label="Role" />
        <button type="submit">Create token</button>
      </form>
    </div>
  );
}
