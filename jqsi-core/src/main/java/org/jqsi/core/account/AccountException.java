package org.jqsi.core.account;

import java.util.Objects;
import org.jqsi.core.internal.JqsiMessageBundles;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;

/** An account could not be added or changed: it exists already, or there is none of that address. */
public final class AccountException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason {
        /** An account of that address exists already. */
        EXISTS,
        /** No account has that address. */
        NOT_FOUND
    }

    private final Reason reason;
    private final LocalizedText text;

    private AccountException(Reason reason, LocalizedText text) {
        super(text.in(Language.EN));
        this.reason = Objects.requireNonNull(reason, "reason");
        this.text = text;
    }

    /** An account of that address exists already. */
    public static AccountException exists(String email) {
        return new AccountException(Reason.EXISTS, JqsiMessageBundles.text("account.exists", email));
    }

    /** No account has that address. */
    public static AccountException notFound(String email) {
        return new AccountException(Reason.NOT_FOUND, JqsiMessageBundles.text("account.not-found", email));
    }

    /** Why. */
    public Reason reason() {
        return reason;
    }

    /** What happened, in French and English, for people. */
    public LocalizedText text() {
        return text;
    }
}
