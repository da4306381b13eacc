/**
 * Reading a document from an http(s) address within bounds: a connect timeout, one deadline for the whole exchange
 * (body included, so that a server that trickles its body cannot hold the caller), and a size limit enforced while
 * the body arrives (so that an endless body costs at most the limit). See
 * {@link org.jqsi.core.internal.download.BoundedDownload}.
 *
 * <p><b>Why here, in jqsi-core.</b> Two adapters fetch documents from addresses that someone else controls: jqsi-ical
 * imports a partner's feed, jqsi-server reads the program file it serves. jqsi-core is the only module that both
 * depend on, and this code needs nothing but the JDK ({@code java.net.http}), so jqsi-core gains no third-party
 * dependency. Putting it in jqsi-ical would have made the server's program download depend on the calendar module for
 * a reason that has nothing to do with calendars, and out of reach of jqsi-json.
 *
 * <p><b>Not API.</b> Downloading is not part of the domain, which the exported packages describe: this package is
 * exported only to the two modules that use it ({@code exports ... to} in {@code module-info.java}), and it may change
 * in any release.
 */
package org.jqsi.core.internal.download;
