/**
 * Waits for both promises, whatever happens to either (neither is left running unobserved); a
 * failure of the first is reported before one of the second.
 */
export async function bothOrFirstError<A, B>(first: Promise<A>, second: Promise<B>): Promise<[A, B]> {
    const [a, b] = await Promise.allSettled([first, second]);
    if (a.status === 'rejected') throw a.reason;
    if (b.status === 'rejected') throw b.reason;
    return [a.value, b.value];
}
