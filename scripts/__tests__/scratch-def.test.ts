/**
 * config/project-scratch-def.json: every feature must be one the CLI's own scratch-definition schema
 * knows (an unknown one fails `sf org create scratch`), and partner access must be switched on.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

interface FeatureRule {
    pattern?: string;
    enum?: string[];
}

const schemaFile = require.resolve('@salesforce/schemas/project-scratch-def.schema.json');
const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as {
    definitions: { features: { items: { anyOf: FeatureRule[] } } };
};
const definition = JSON.parse(
    fs.readFileSync(path.resolve(__dirname, '..', '..', 'config', 'project-scratch-def.json'), 'utf8')
) as { edition: string; features: string[]; settings: Record<string, Record<string, unknown>> };

const knownFeature = (feature: string): boolean =>
    schema.definitions.features.items.anyOf.some((rule) =>
        rule.pattern ? new RegExp(rule.pattern).test(feature) : (rule.enum ?? []).includes(feature)
    );

describe('config/project-scratch-def.json', () => {
    it('uses only features the scratch org schema knows', () => {
        expect(definition.features.filter((f) => !knownFeature(f))).toEqual([]);
        expect(knownFeature('PRMUser')).toBe(false);
    });

    it('turns on Experience Cloud sites, partner management and partner user creation', () => {
        expect(definition.features).toEqual(expect.arrayContaining(['Communities', 'Sites', 'EnablePRM']));
        expect(definition.settings.communitiesSettings).toMatchObject({
            enableNetworksEnabled: true,
            enableOotbProfExtUserOpsEnable: true
        });
        expect(definition.settings.experienceBundleSettings).toMatchObject({ enableExperienceBundleMetadata: true });
        expect(definition.settings.languageSettings).toMatchObject({ enableTranslationWorkbench: true });
    });
});
