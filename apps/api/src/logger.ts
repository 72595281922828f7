import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** JSON logs; secrets that could ride along on a request are redacted at the source. */
export const createLogger = (level: string, destination?: DestinationStream): Logger =>
  pino(
  {
    level,
    base: { service: 'sumeru-api' },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-sumeru-key"]', 'res.headers["set-cookie"]', '*.token', '*.password', '*.secret'],
      censor: '[redacted]',
    },
    timestamp: pino.stdTimeFunctions.isoTime,
  },
  destination,
  );
