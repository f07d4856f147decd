import type { ScheduleCheck } from '../engine/explore/check-schedule';
import type { ExploreResult } from '../engine/explore/explore';
import type { PartId } from '../engine/part-id';
import type { DecodedImage } from '../engine/image/types';
import type { DumpInput } from '../engine/import/criu/blobs';
import type { Scenario, Variant } from '../engine/scenario/types';
import type { SessionProgress } from '../engine/session-types';
import type { ExploreProgress } from '../worker/protocol';
import type { ReceivedRecording } from '../worker/receive';

/** What the app needs from the engine (the worker client; tests pass a fake). */
export interface EngineLoader {
  load(
    scenario: Scenario,
    files?: Record<string, Uint8Array>,
    onProgress?: (p: SessionProgress) => void,
  ): Promise<ReceivedRecording>;
  decode(bytes: Uint8Array): Promise<DecodedImage>;
  parse(text: string, source: string): Promise<Scenario>;
  /** Converts a criu-tree/1 bundle into a scenario (refused bundles reject with the reason). */
  importBundle(text: string, source: string): Promise<Scenario>;
  /** Decodes a CRIU dump (a folder's files or an archive) into a scenario, with progress. */
  importDump(
    input: DumpInput,
    name: string,
    onProgress?: (p: SessionProgress) => void,
  ): Promise<Scenario>;
  /** Explores the first restart, reporting progress between slices; see stopExplore. */
  explore(
    scenario: Scenario,
    variant: Variant,
    maxStates: number,
    onProgress?: (p: ExploreProgress) => void,
  ): Promise<ExploreResult>;
  /** Ends the exploration in progress early: it resolves with what it found so far. */
  stopExplore(): void;
  /** A schedule of the first restart that breaks no invariant, near `near`; null if none. */
  passingSchedule(
    scenario: Scenario,
    variant: Variant,
    near: PartId[],
  ): Promise<ScheduleCheck | null>;
  /** Abandons whatever the engine is doing; what was asked of it rejects, quietly. */
  cancel(): void;
}
