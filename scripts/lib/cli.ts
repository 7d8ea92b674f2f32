/**
 * What the admin scripts share as command-line programs: usage errors, where they write, and the
 * exit codes (0 done, 1 a step failed, 2 refused or wrong usage).
 */
import { Sf } from './sf';

/** Wrong or missing options; the message (if any) is printed above the usage text. */
export class UsageError extends Error {}

/** Where a script writes: progress to `out`, what went wrong and how to fix it to `err`. */
export interface Io {
    out: (line: string) => void;
    err: (line: string) => void;
}

/**
 * Runs a script as the program: parses the arguments, runs it against the real `sf`, and sets the
 * exit code; an unexpected failure is printed with its stack and exits 1.
 */
export function runCli<O>(
    name: string,
    usage: string,
    parse: (argv: string[]) => O,
    run: (options: O, io: Io, sf: Sf) => Promise<number>
): void {
    const main = async (): Promise<number> => {
        let options: O;
        try {
            options = parse(process.argv.slice(2));
        } catch (error) {
            if (error instanceof UsageError) {
                if (error.message) {
                    console.error(`✗ ${error.message}\n`);
                }
                console.error(usage);
                return 2;
            }
            throw error;
        }
        const io: Io = { out: (line) => console.log(line), err: (line) => console.error(line) };
        return run(options, io, new Sf((line) => console.log(line)));
    };
    main().then(
        (code) => {
            process.exitCode = code;
        },
        (error: unknown) => {
            console.error(
                `✗ ${name} stopped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
            );
            process.exitCode = 1;
        }
    );
}
