/**
 * The embeddable widget: {@link org.jqsi.web.JqsiWidgetServlet} serves the program as HTML, feeds and an embed
 * script; {@link org.jqsi.web.WidgetSettings} configures it; hosts without Guice build it with its constructors, and
 * {@link org.jqsi.web.JqsiWebEmbedModule} provides it to hosts with Guice.
 */
package org.jqsi.web;
