/**
 * The reviewers' pages: {@link org.jqsi.web.review.ReviewServlet} serves the log-in page and the pages where
 * regional coordinators (and administrators) review submissions, mounted at {@code /review/*};
 * {@link org.jqsi.web.review.ReviewSettings} says how; {@link org.jqsi.web.review.AccountsCleanup} removes expired
 * sessions and old log-in attempts, for the host to run every hour. Hosts without Guice build them with their
 * constructors; {@link org.jqsi.web.review.JqsiWebReviewModule} provides them to hosts with Guice.
 */
package org.jqsi.web.review;
