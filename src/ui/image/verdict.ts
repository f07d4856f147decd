import type { DecodedImage } from '../../engine/image/types';

/**
 * What the image view says of an image, from the engine's own checks: the reader's error
 * (framing, header values) or restore_task_struct's refusals (checkImage), else "valid".
 */
export function imageVerdict(d: DecodedImage): { ok: boolean; text: string } {
  if (d.error)
    return {
      ok: false,
      text: `invalid: ${d.error.errno} at offset 0x${d.error.offset.toString(16)}: ${d.error.message}`,
    };
  if (d.refused?.length) return { ok: false, text: `invalid: ${d.refused.join('; ')}` };
  return { ok: d.ok, text: d.ok ? 'valid' : 'invalid' };
}
