import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { sendError } from './apiErrors';

/** Requires `Authorization: Bearer <token>`; compares in constant time. */
export function requireBearer(token: string) {
    const expected = Buffer.from(token);
    return (req: Request, res: Response, next: NextFunction): void => {
        const header = req.get('authorization') ?? '';
        const match = /^Bearer\s+(.+)$/i.exec(header);
        const given = Buffer.from(match?.[1]?.trim() ?? '');
        if (!match || given.length !== expected.length || !timingSafeEqual(given, expected)) {
            sendError(
                res,
                401,
                { error: 'unauthorized', message: 'Send the API token as "Authorization: Bearer <API_TOKEN>".' },
                { 'WWW-Authenticate': 'Bearer' }
            );
            return;
        }
        next();
    };
}
