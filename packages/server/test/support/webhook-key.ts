/** WEBHOOK_SECRET_KEY of the test gateways and workers (32 bytes, base64). */
export const WEBHOOK_SECRET_KEY = Buffer.alloc(32, 7).toString('base64');
