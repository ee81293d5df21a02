import { z } from 'zod';
import { appErrorShapeSchema } from '../errors';

/** Frames of the web-mode WebSocket that carries the IPC contract. */
const id = z.number().int().positive();
/** JSON drops undefined members, so an absent payload or result stands for undefined. */
const value = z.unknown().optional();

/** Renderer → host. */
export const clientFrameSchema = z.discriminatedUnion('type', [
  /** A request on a main channel. */
  z.object({ type: z.literal('request'), id, channel: z.string(), payload: value }),
  /** The answer to a host `call`. */
  z.object({ type: z.literal('reply'), id, result: value }),
]);
export type ClientFrame = z.infer<typeof clientFrameSchema>;

/** Host → renderer. */
export const hostFrameSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('response'), id, result: value }),
  z.object({ type: z.literal('event'), channel: z.string(), payload: value }),
  /** A request on a renderer channel. */
  z.object({ type: z.literal('call'), id, channel: z.string(), payload: value }),
  /** The host could not read a frame. */
  z.object({ type: z.literal('protocol-error'), error: appErrorShapeSchema }),
]);
export type HostFrame = z.infer<typeof hostFrameSchema>;
