import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { isEmbed, parseEmbedOptions } from './ui/share/embedOptions';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const { search } = window.location;
const embed = isEmbed(search) ? parseEmbedOptions(search) : null;
createRoot(root).render(
  <StrictMode>
    <App embed={embed} />
  </StrictMode>,
);
