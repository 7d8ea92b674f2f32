/** @salesforce/user/Id: the gallery's viewing user. */
export default '005000000000000AAA';
