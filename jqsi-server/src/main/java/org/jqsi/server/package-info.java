/**
 * The runnable jqsi server: {@link org.jqsi.server.JqsiServer} assembles embedded Jetty around the widget servlet,
 * the health check and the demo page; {@link org.jqsi.server.Main} is the {@code jqsi} command line.
 */
package org.jqsi.server;
