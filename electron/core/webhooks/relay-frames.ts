import { z } from 'zod';

/**
 * The relay's WebSocket protocol between the relay (electron/relay) and a desktop: JSON text frames.
 * The desktop connects to `<relay>/desktop` with `Authorization: Bearer <token>`; the relay says
 * which connection the token collects for, then sends deliveries, oldest first; the desktop
 * acknowledges (cumulatively) once it has stored them. Anything unacknowledged is sent again on the
 * next connection. Keep-alive is the WebSocket's own ping and pong.
 */

/** The path desktops connect to, and the one they test a token with (GET, answered with `relayPingSchema`). */
export const relayDesktopPath = '/desktop';
export const relayPingPath = '/desktop/ping';

/** The most deliveries, and bytes of them, the relay sends ahead of the desktop's acknowledgements. */
export const relayWindow = { deliveries: 512, bytes: 8 * 1024 * 1024 };

export const relayWelcomeSchema = z.object({ type: z.literal('welcome'), connection: z.string(), desktop: z.string() }).strict();

export const relayDeliverySchema = z
  .object({
    type: z.literal('delivery'),
    seq: z.number().int().min(1),
    id: z.string().min(1).max(512),
    receivedAt: z.number(),
    scheme: z.enum(['standard-webhooks', 'makini']),
    payload: z.record(z.string(), z.unknown()),
  })
  .strict();
export type RelayDeliveryFrame = z.infer<typeof relayDeliverySchema>;

export const relayServerFrameSchema = z.discriminatedUnion('type', [relayWelcomeSchema, relayDeliverySchema]);
export type RelayServerFrame = z.infer<typeof relayServerFrameSchema>;

/** The desktop has stored every delivery it was sent on this connection up to and including the one with `seq`, in the order sent. */
export const relayAckSchema = z.object({ type: z.literal('ack'), seq: z.number().int().min(1) }).strict();
export type RelayAckFrame = z.infer<typeof relayAckSchema>;

/** The answer to a token test. */
export const relayPingSchema = z.object({ connection: z.string(), desktop: z.string(), pending: z.number().int().min(0) }).strict();
export type RelayPing = z.infer<typeof relayPingSchema>;
