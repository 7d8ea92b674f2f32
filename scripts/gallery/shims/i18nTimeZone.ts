/** @salesforce/i18n/timeZone: the gallery's viewing user's time zone (the org gives the user's own). */
export default 'Europe/Oslo';
