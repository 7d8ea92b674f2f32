/** The parse cache shared by check:apex and check:schema: a hit returns what a fresh parse returns. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { apexFacts } from '../lib/apex-facts';

describe('apexFacts cache', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apex-facts-'));
    const file = path.join(dir, 'Cached.cls');
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('answers an unchanged file from the cache with the same facts, and re-parses a changed one', () => {
        const unique = `${Date.now()}${Math.random()}`.replace('.', '');
        fs.writeFileSync(
            file,
            `public class Cached {\n    // ${unique}\n    void m(String n) {\n` +
                '        List<Lead> a = [SELECT Id FROM Lead WHERE Name = :n];\n' +
                "        Database.query('SELECT Id FROM Lead WHERE Name = \\'' + n + '\\'');\n    }\n}\n"
        );
        delete process.env.PARTNER_DESK_CHECKS_NO_CACHE;
        const first = apexFacts([file]);
        const second = apexFacts([file]);
        expect(first.cached).toBe(0);
        expect(second.cached).toBe(1);
        expect(second.facts).toEqual(first.facts);
        expect(first.facts[0].inline.map((q) => q.line)).toEqual([4]);
        expect(first.facts[0].dynamic.map((d) => d.constantBuilt)).toEqual([false]);
        expect(first.facts[0].sharing.map((f) => f.rule)).toEqual(['SharingDeclarationRequired']);

        fs.appendFileSync(file, '// changed\n');
        expect(apexFacts([file]).cached).toBe(0);
    });
});
