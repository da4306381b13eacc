/**
 * How the submission API works inside: the routes, the reading of a request (its type, size and rate, its envelope,
 * its activity read strictly inside the program served, its submitter checked), the problems as JSON, the pages'
 * views and texts in French and English, and the security headers. {@link
 * org.jqsi.web.submit.internal.SubmissionIntake} is the one way in for a submission: the form ({@link
 * org.jqsi.web.submit.internal.FormRoutes}) is written as the API's JSON ({@link
 * org.jqsi.web.submit.internal.FormSubmission}) from its one table of fields ({@link
 * org.jqsi.web.submit.internal.FormFields}) and taken in through it too. Not exported: it changes as the API does. Its public types are for the servlet and
 * for the precompiled templates (in a package of their own).
 */
package org.jqsi.web.submit.internal;
