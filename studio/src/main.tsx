import { ApolloProvider } from '@apollo/client/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { apolloClient } from './api/client';
import { SessionProvider } from './api/session-context';
import { App } from './app';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApolloProvider client={apolloClient}>
      <SessionProvider>
        <App />
      </SessionProvider>
    </ApolloProvider>
  </StrictMode>,
);
