/**
 * Submissions over HTTP: {@link org.jqsi.web.submit.SubmissionServlet} serves the form and the JSON API through
 * which member organisations propose activities (and changes or cancellations of those they published), and the
 * private status page of each submission, where its submitter edits or withdraws it; {@link org.jqsi.web.submit.SubmitSettings} sets its limits; hosts without Guice build it
 * with its constructors, and {@link org.jqsi.web.submit.JqsiWebSubmitModule} provides it to hosts with Guice.
 */
package org.jqsi.web.submit;
