/**
 * Uploading a publication to a CKAN portal (opendata.ruhr runs CKAN 2.10) through its action API:
 * {@link de.trassenwerk.opendata.ckan.CkanPublisher} creates or updates one dataset per published
 * dataset (same name: update, never a second copy) and uploads its files as resources. The API
 * token comes from the environment ({@link de.trassenwerk.opendata.ckan.CkanToken}), never from a
 * file; a dry run prints the requests with the token redacted. Depends on opendata and i18n; java.net.http only.
 */
package de.trassenwerk.opendata.ckan;
