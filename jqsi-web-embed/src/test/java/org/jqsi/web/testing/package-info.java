/**
 * What the tests of every web module share, published in jqsi-web-embed's test jar: Debian's headless Chromium
 * ({@link org.jqsi.web.testing.HeadlessChromium}), Deque's axe-core run in its pages ({@link org.jqsi.web.testing.Axe}),
 * and a clock the tests move by hand ({@link org.jqsi.web.testing.MutableClock}).
 */
package org.jqsi.web.testing;
