import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { DebuggerState } from '../store/types';
import type { DebuggerInstance } from './instance';

export const DebuggerContext = createContext<DebuggerInstance | null>(null);

export function useDebugger(): DebuggerInstance {
  const instance = useContext(DebuggerContext);
  if (!instance) throw new Error('useDebugger outside a DebuggerContext provider');
  return instance;
}

/** Subscribes to one slice of this debugger's store; pass a module-level selector. */
export function useDebuggerState<T>(selector: (s: DebuggerState) => T): T {
  return useStore(useDebugger().store, selector);
}
