/**
 * What every jqsi web module needs to read a request: who sent it ({@link org.jqsi.web.http.ClientAddress}, behind
 * the reverse proxies the operator trusts) and in which language to answer it
 * ({@link org.jqsi.web.http.RequestLanguage}). The widget, the submission form and the review pages read requests
 * the same way through these, rather than each with its own copy.
 */
package org.jqsi.web.http;
