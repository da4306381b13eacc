/**
 * Accounts of the people who review submissions, and their log-in sessions: a {@link org.jqsi.core.account.Role#
 * COORDINATOR} of one or more regions reviews the submissions of those regions, an {@link
 * org.jqsi.core.account.Role#ADMINISTRATOR} all of them ({@link org.jqsi.core.account.Account#mayReview}).
 *
 * <p>A package of its own, beside {@code org.jqsi.core.submission}: who may log in, their passwords and sessions are
 * a concern of their own (the web pages and the command line use them), and a submission knows nothing of who reviews
 * it but a name in its history. Storage is an adapter's ({@link org.jqsi.core.account.AccountStore}; {@code jqsi-jdbc}
 * keeps accounts in SQL); hashing passwords too ({@link org.jqsi.core.account.PasswordHash}).
 */
package org.jqsi.core.account;
