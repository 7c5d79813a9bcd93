import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { readPageConfig } from './lib/page-config';
import { openSession, rememberedUser } from './features/session/session';
import './styles/app.css';

const config = readPageConfig();
const user = config.user ?? rememberedUser();
// Opened here, before React renders: StrictMode's double render and effects can never open a second connection.
const initialSession = user ? openSession(user, config.instances) : null;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App initialSession={initialSession} instances={config.instances} />
  </StrictMode>,
);
