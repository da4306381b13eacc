/**
 * How the reviewers' pages work inside: the routes, log-in and its cookies, the CSRF tokens, the pages' views and
 * templates, and their texts in French and English. Not exported: the servlet is the API.
 */
package org.jqsi.web.review.internal;
