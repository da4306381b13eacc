/**
 * How the server does its work: the program watcher, the health check, the demo page, program locations (file or
 * URL). Not exported.
 */
package org.jqsi.server.internal;
