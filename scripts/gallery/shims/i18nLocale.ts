/** @salesforce/i18n/locale: the gallery's viewing user's locale (the org gives the user's own). */
export default 'en-US';
