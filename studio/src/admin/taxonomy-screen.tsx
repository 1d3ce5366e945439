import { gql } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useHasRole } from '../api/session-context';
import { CreateForm, CrudTable, PanelNotices, Tabs, usePanelActions } from './crud-table';
import { formatCount } from '../components/format';

interface Kind {
  title: string;
  list: string;
  type: string;
  payload: string;
  fields: [string, string][];
}

const KINDS: Record<string, Kind> = {
  authors: {
    title: 'Authors',
    list: 'adminAuthors',
    type: 'Author',
    payload: 'author',
    fields: [
      ['title', 'Title'],
      ['bio', 'Bio'],
    ],
  },
  tags: { title: 'Tags', list: 'adminTags', type: 'Tag', payload: 'tag', fields: [['description', 'Description']] },
  sections: {
    title: 'Sections',
    list: 'adminSections',
    type: 'Section',
    payload: 'section',
    fields: [
      ['description', 'Description'],
      ['position', 'Position'],
    ],
  },
  series: { title: 'Series', list: 'adminSeries', type: 'Series', payload: 'series', fields: [['description', 'Description']] },
};

function documents(kind: Kind) {
  const fields = `id name slug trashed ${kind.fields.map(([name]) => name).join(' ')}`;
  const mutation = (verb: string) => gql`
    mutation Studio${verb}${kind.type}($input: ${verb}${kind.type}Input!) { ${verb.toLowerCase()}${kind.type}(input: $input) { ${kind.payload} { ${fields} } } }`;
  return {
    list: gql`query Studio${kind.list}($search: String, $trashed: Boolean) { ${kind.list}(search: $search, trashed: $trashed, first: 100) { totalCount edges { node { ${fields} } } } }`,
    create: mutation('Create'),
    update: mutation('Update'),
    trash: mutation('Trash'),
    restore: mutation('Restore'),
  };
}

export default function TaxonomyScreen({ kind: key = 'tags' }: { kind?: string }) {
  const kind = KINDS[key] ?? KINDS.tags!;
  return (
    <section aria-labelledby="taxonomy-title">
      <h1 id="taxonomy-title">Taxonomy</h1>
      <Tabs base="/taxonomy" current={key} tabs={Object.entries(KINDS).map(([k, v]) => [k, v.title])} />
      <KindEditor key={key} kind={kind} />
    </section>
  );
}

function KindEditor({ kind }: { kind: Kind }) {
  const docs = documents(kind);
  const editor = useHasRole('EDITOR');
  const [search, setSearch] = useState('');
  const [trashed, setTrashed] = useState(false);
  const { data, error, refetch } = useQuery<any>(docs.list, { variables: { search: search || null, trashed } });
  const [create] = useMutation<any>(docs.create);
  const [update] = useMutation<any>(docs.update);
  const [trash] = useMutation<any>(docs.trash);
  const [restore] = useMutation<any>(docs.restore);
  const rows = (data?.[kind.list]?.edges ?? []).map((edge: any) => edge.node);

  const { message, act } = usePanelActions(refetch);
  const value = (name: string, raw: string) => (name === 'position' ? Number(raw || 0) : raw);

  function onCreate(fields: FormData, form: HTMLFormElement) {
    const input: Record<string, unknown> = { name: String(fields.get('name')) };
    if (fields.get('slug')) input.slug = String(fields.get('slug'));
    for (const [name] of kind.fields) if (fields.get(name)) input[name] = value(name, String(fields.get(name)));
    void act(() => create({ variables: { input } }).then(() => form.reset()), `${kind.title}: created ${input.name}`);
  }

  return (
    <div>
      <h2>{kind.title}</h2>
      <div className="filters">
        <label>
          Search {kind.title.toLowerCase()}
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <label className="inline">
          <input type="checkbox" checked={trashed} onChange={(e) => setTrashed(e.target.checked)} /> Trash
        </label>
      </div>
      <PanelNotices error={error} message={message} />
      <CrudTable
        caption={formatCount(data?.[kind.list]?.totalCount ?? 0, kind.type.toLowerCase(), kind.title.toLowerCase())}
        rows={rows}
        columns={[
          {
            label: 'Name',
            cell: (row: any) =>
              editor ? (
                <input
                  aria-label={`Name of ${row.name}`}
                  defaultValue={row.name}
                  onBlur={(e) =>
                    e.target.value !== row.name &&
                    void act(
                      () => update({ variables: { input: { id: row.id, name: e.target.value } } }),
                      `Renamed to ${e.target.value}`,
                    )
                  }
                />
              ) : (
                row.name
              ),
          },
          { label: 'Slug', cell: (row: any) => row.slug },
          ...kind.fields.map(([name, label]) => ({ label, cell: (row: any) => String(row[name] ?? '') })),
          {
            label: 'Actions',
            cell: (row: any) =>
              editor &&
              (row.trashed ? (
                <button
                  type="button"
                  onClick={() => void act(() => restore({ variables: { input: { id: row.id } } }), `Restored ${row.name}`)}
                >
                  Restore {row.name}
                </button>
              ) : (
                <button
                  type="button"
                  onClick={() =>
                    void act(() => trash({ variables: { input: { id: row.id } } }), `Moved ${row.name} to the trash`)
                  }
                >
                  Trash {row.name}
                </button>
              )),
          },
        ]}
      />
      {editor ? (
        <CreateForm heading="h3" title={`New ${kind.payload}`} submit={`Create ${kind.payload}`} onCreate={onCreate}>
          <label>
            Name
            <input name="name" required />
          </label>
          <label>
            Slug
            <input name="slug" placeholder="generated from the name" />
          </label>
          {kind.fields.map(([name, label]) => (
            <label key={name}>
              {label}
              <input name={name} type={name === 'position' ? 'number' : 'text'} />
            </label>
          ))}
        </CreateForm>
      ) : (
        <p className="hint">Editors manage {kind.title.toLowerCase()}; tags can also be created from the article editor.</p>
      )}
    </div>
  );
}
