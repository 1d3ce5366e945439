import { lazy, Suspense } from 'react';
import { Redirect, Route, Router, Switch } from 'wouter';
import { useSession } from './api/session-context';
import { ArticleList } from './screens/article-list';
import { Layout } from './screens/layout';
import { SignIn } from './screens/sign-in';

// The first screen (sign-in, article list) is in the entry chunk; the rest loads when opened.
const EditorScreen = lazy(() => import('./editor/editor-screen'));
const RevisionsScreen = lazy(() => import('./revisions/revisions-screen'));
const MediaScreen = lazy(() => import('./media/media-screen'));
const TaxonomyScreen = lazy(() => import('./admin/taxonomy-screen'));
const PeopleScreen = lazy(() => import('./admin/people-screen'));
const SyndicationScreen = lazy(() => import('./admin/syndication-screen'));
const NewsletterScreen = lazy(() => import('./admin/newsletter-screen'));
const AuditScreen = lazy(() => import('./admin/audit-screen'));
const AccountScreen = lazy(() => import('./screens/account-screen'));

export function App() {
  const { user, restoring } = useSession();
  if (restoring) {
    return (
      <p className="loading" role="status">
        Loading Newsdesk Studio…
      </p>
    );
  }
  if (!user) return <SignIn />;
  return (
    <Router base="/studio">
      <Layout>
        <Suspense
          fallback={
            <p className="loading" role="status">
              Loading…
            </p>
          }
        >
          <Switch>
            <Route path="/" component={ArticleList} />
            <Route path="/articles/new">{() => <EditorScreen id={null} />}</Route>
            <Route path="/articles/:id/revisions">{(params) => <RevisionsScreen id={decodeURIComponent(params.id)} />}</Route>
            <Route path="/articles/:id">{(params) => <EditorScreen id={decodeURIComponent(params.id)} />}</Route>
            <Route path="/media" component={MediaScreen} />
            <Route path="/taxonomy/:kind?">{(params) => <TaxonomyScreen kind={params.kind} />}</Route>
            <Route path="/people/:tab?">{(params) => <PeopleScreen tab={params.tab} />}</Route>
            <Route path="/syndication/:tab?">{(params) => <SyndicationScreen tab={params.tab} />}</Route>
            <Route path="/newsletter" component={NewsletterScreen} />
            <Route path="/audit" component={AuditScreen} />
            <Route path="/account" component={AccountScreen} />
            <Route>
              <Redirect to="/" />
            </Route>
          </Switch>
        </Suspense>
      </Layout>
    </Router>
  );
}
