import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { isEmbed, parseEmbedOptions } from './ui/share/embedOptions';
import { loadTheme } from './ui/theme/theme';
import { showTheme } from './ui/theme/useTheme';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const { search } = window.location;
const embed = isEmbed(search) ? parseEmbedOptions(search) : null;
// The same choice useTheme makes (an embed's theme=, else the one saved), before anything is drawn.
showTheme(embed ? (embed.theme ?? 'system') : loadTheme(localStorage));
createRoot(root).render(
  <StrictMode>
    <App embed={embed} />
  </StrictMode>,
);
