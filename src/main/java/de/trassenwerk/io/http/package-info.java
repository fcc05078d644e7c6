/**
 * HTTP access to services (WFS, ArcGIS REST) with java.net.http: authentication, the system
 * proxy, clear failures.
 */
package de.trassenwerk.io.http;
