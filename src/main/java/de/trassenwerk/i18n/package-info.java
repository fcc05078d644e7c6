/**
 * The user's language: message bundles (German and English) and the exception type for failures
 * a user must be told about. Depends on nothing but the JDK; every other package may use it.
 */
package de.trassenwerk.i18n;
