/**
 * How the widget works inside: reading a request into an {@link org.jqsi.core.program.ActivityQuery} with an error
 * per bad parameter, turning activities into views for the templates, dates and labels in each language, static
 * assets, caching and security headers. Not exported: it changes as the widget does.
 */
package org.jqsi.web.internal;
