/* global document, localStorage, Worker */
// The GraphiQL page, bundled by scripts/build-ide.mjs into dist/ide/ with Monaco's workers beside it,
// so the IDE needs nothing from outside this server. Settings come from data attributes on #graphiql
// (no inline script: the page's CSP allows only scripts from 'self').
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import './page.css';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

const assets = new URL('.', import.meta.url);

// Monaco runs its language services in web workers; they are bundled next to this script.
globalThis.MonacoEnvironment = {
  getWorker(_workerId, label) {
    const name = label === 'json' || label === 'graphql' ? label : 'editor';
    return new Worker(new URL(`${name}.worker.js`, assets));
  },
};

// The public and the admin IDE share an origin: keep their tabs and history apart.
function prefixedStorage(prefix) {
  const keys = () => Object.keys(localStorage).filter((key) => key.startsWith(prefix));
  return {
    getItem: (key) => localStorage.getItem(prefix + key),
    setItem: (key, value) => localStorage.setItem(prefix + key, value),
    removeItem: (key) => localStorage.removeItem(prefix + key),
    clear: () => keys().forEach((key) => localStorage.removeItem(key)),
    get length() {
      return keys().length;
    },
  };
}

const root = document.getElementById('graphiql');
const { endpoint, defaultQuery, storageKey } = root.dataset;
createRoot(root).render(
  createElement(GraphiQL, {
    fetcher: createGraphiQLFetcher({ url: new URL(endpoint, document.baseURI).href }),
    defaultQuery,
    // Headers may hold a bearer token: never written to storage.
    shouldPersistHeaders: false,
    storage: prefixedStorage(`newsdesk:${storageKey}:`),
  }),
);
