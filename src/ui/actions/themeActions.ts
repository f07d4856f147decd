import { isThemeChoice, nextTheme } from '../theme/theme';
import type { ThemeChoice } from '../../store/types';
import type { ActionContext, ActionSpec } from './types';

/** The colour theme: light, dark, high contrast, or the system's (src/ui/theme). */
export const themeActions = {
  theme: {
    label: 'Switch theme',
    group: 'view',
    help: 'Switch the colour theme: system, light, dark, high contrast (remembered)',
    enabledWhen: () => true,
    perform: (ctx: ActionContext, choice?: ThemeChoice) => {
      ctx.state.setTheme(isThemeChoice(choice) ? choice : nextTheme(ctx.state.theme));
    },
  },
} satisfies Record<string, ActionSpec>;
