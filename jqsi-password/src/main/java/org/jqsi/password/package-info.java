/**
 * Password hashing for reviewers' accounts: {@link org.jqsi.password.Argon2idHash} implements {@link
 * org.jqsi.core.account.PasswordHash} with Argon2id (RFC 9106), the algorithm OWASP's Password Storage Cheat Sheet
 * puts first, computed by Bouncy Castle rather than by hand.
 */
package org.jqsi.password;
