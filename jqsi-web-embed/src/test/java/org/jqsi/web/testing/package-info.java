/**
 * What the browser tests of every web module share, published in jqsi-web-embed's test jar: Debian's headless
 * Chromium ({@link org.jqsi.web.testing.HeadlessChromium}) and Deque's axe-core run in its pages
 * ({@link org.jqsi.web.testing.Axe}).
 */
package org.jqsi.web.testing;
