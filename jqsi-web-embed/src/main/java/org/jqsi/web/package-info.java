/**
 * The embeddable widget: {@link org.jqsi.web.JqsiWidgetServlet} serves the program as HTML, feeds and an embed
 * script; {@link org.jqsi.web.WidgetSettings} configures it; {@link org.jqsi.web.WidgetServletFactory} builds it for
 * hosts without Guice and {@link org.jqsi.web.JqsiWebEmbedModule} for hosts with Guice.
 */
package org.jqsi.web;
