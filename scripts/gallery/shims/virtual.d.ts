/** Modules the gallery build generates (see scripts/gallery/bundle.ts). */
declare module 'gallery:catalog' {
    import type { GalleryState } from './state';
    const states: GalleryState[];
    export default states;
}

declare module 'gallery:components' {
    import type { LightningElement } from 'lwc';
    /** Component constructor by bundle name. */
    const components: Record<string, typeof LightningElement>;
    export default components;
}

declare module 'gallery:translations' {
    /** Language -> label name -> translated text, from force-app's translation files. */
    const translations: Record<string, Record<string, string> | undefined>;
    export default translations;
}
