/**
 * jqsi-password: reviewers' passwords hashed with Argon2id by Bouncy Castle, as PHC strings that carry their
 * parameters ({@link org.jqsi.password.Argon2idHash}).
 */
module org.jqsi.password {
    // The contract it implements, org.jqsi.core.account.PasswordHash, in the API.
    requires transitive org.jqsi.core;
    // Bouncy Castle's lightweight API (Argon2BytesGenerator); no JCE provider is installed.
    requires org.bouncycastle.provider;
    // Only JqsiPasswordModule uses Guice: optional at run time (see jqsi-core's module-info).
    requires static com.google.guice;

    exports org.jqsi.password;

    opens org.jqsi.password to com.google.guice;
}
