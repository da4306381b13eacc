/**
 * Fetching documents from addresses that other people control (a partner's iCalendar feed, a program file, a
 * spreadsheet, a source the server follows), the one way every jqsi module does it.
 *
 * <p>{@link org.jqsi.fetch.BoundedDownload} GETs a document within a deadline and a size limit, from the addresses an
 * {@link org.jqsi.fetch.AddressPolicy} allows (public ones by default, checked after name resolution and at each
 * redirect), and answers a conditional GET with {@link org.jqsi.fetch.Fetched.NotModified} or a new
 * {@link org.jqsi.fetch.Fetched.Document} and its {@link org.jqsi.fetch.HttpValidators}. Every failure is a
 * {@link org.jqsi.fetch.FetchException} of a {@link org.jqsi.fetch.FetchException.Kind}, said in French and English.
 * {@link org.jqsi.fetch.JqsiFetchModule} binds the operator's address policy for Guice.
 *
 * <p>Only the JDK's HTTP client ({@code java.net.http}) is used: no third-party library.
 */
package org.jqsi.fetch;
