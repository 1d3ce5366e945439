import { gql } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { formatCount, formatDateTime } from '../components/format';
import { CreateForm, CrudTable, PanelNotices, Tabs, usePanelActions } from './crud-table';

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
  const { message, act } = usePanelActions(refetch);
  function onCreate(fields: FormData, form: HTMLFormElement) {
    const input = Object.fromEntries(fields);
    void act(() => create({ variables: { input } }).then(() => form.reset()), `Created ${String(input.email)}`);
  }
  return (
    <div>
      <PanelNotices error={error} message={message} />
      <CrudTable
        caption={formatCount(data?.users.totalCount ?? 0, 'user')}
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
      <CreateForm title="New user" submit="Create user" onCreate={onCreate}>
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
      </CreateForm>
    </div>
  );
}

function ApiTokens() {
  const { data, error, refetch } = useQuery<any>(TOKENS);
  const [create] = useMutation<any>(CREATE_TOKEN);
  const [revoke] = useMutation(REVOKE_TOKEN);
  const { message, secret, act, reveal } = usePanelActions(refetch);
  function onCreate(fields: FormData) {
    const input = { name: String(fields.get('name')), role: String(fields.get('role')) };
    void reveal(() => create({ variables: { input } }).then(({ data: created }) => created.createApiToken.token));
  }
  return (
    <div>
      <PanelNotices error={error} message={message} secret={{ label: 'New API token', value: secret }} />
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
                <button type="button" onClick={() => void act(() => revoke({ variables: { input: { id: t.id } } }))}>
                  Revoke {t.name}
                </button>
              ),
          },
        ]}
      />
      <CreateForm title="New API token" submit="Create token" onCreate={onCreate}>
        <label>
          Token name
          <input name="name" required />
        </label>
        <RoleSelect name="role" label="Role" />
      </CreateForm>
    </div>
  );
}
