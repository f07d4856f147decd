import { ActionButton } from '../ActionButton';
import { useDebuggerState } from '../context';
import type { DebuggerState } from '../../store/types';
import { THEME_LABELS } from './theme';

const selectTheme = (s: DebuggerState) => s.theme;

/** The toolbar's theme switch: the registry's `theme` action, named after the current choice. */
export function ThemeSwitch() {
  const choice = useDebuggerState(selectTheme);
  return <ActionButton id="theme" icon="◐" label={`Theme: ${THEME_LABELS[choice]}`} />;
}
