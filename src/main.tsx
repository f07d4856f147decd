import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const embed = new URLSearchParams(window.location.search).get('embed') === '1';
createRoot(root).render(
  <StrictMode>
    <App embed={embed} />
  </StrictMode>,
);
