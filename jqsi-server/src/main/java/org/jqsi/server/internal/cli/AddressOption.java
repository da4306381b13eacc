package org.jqsi.server.internal.cli;

import org.jqsi.fetch.AddressPolicy;
import picocli.CommandLine.Option;

/**
 * {@code --allow-private-addresses}, which every command that fetches a URL takes ({@code import-ics}, {@code serve
 * --program URL}; add it to a new one with {@code @Mixin AddressOption addresses = new AddressOption();}): without
 * it, a URL that leads to this machine or its network (loopback, private, link-local...) is refused, and the refusal
 * names the option.
 */
final class AddressOption {

    /** What the operator types, as refusals name it. */
    static final String NAME = "--allow-private-addresses";

    @Option(names = NAME, description = "Also fetch URLs whose host is a loopback, private, link-local, multicast or "
            + "other non-public address (refused by default, after name resolution and at each redirect).")
    boolean allowed;

    /** The policy the option gives: every address when given, else public ones only. */
    AddressPolicy policy() {
        return AddressPolicy.of(allowed, NAME);
    }
}
