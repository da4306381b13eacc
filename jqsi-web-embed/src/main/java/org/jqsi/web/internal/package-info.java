/**
 * How the widget works inside: the table of routes and their handlers for pages, feeds and static files, the one
 * conditional GET they all answer through (validators, {@code 304}, kept responses, {@code HEAD}), the table of
 * request parameters that reads a request into an {@link org.jqsi.core.program.ActivityQuery} with a
 * {@link org.jqsi.core.validation.Problem} per bad value, the views the templates render, dates and labels in each
 * language, static assets and security headers. Not exported: it changes as the widget does. The only public types
 * are {@link org.jqsi.web.internal.WidgetRoutes}, for the servlet, and the views and labels that the precompiled
 * templates (in a package of their own) read.
 */
package org.jqsi.web.internal;
