package org.jqsi.fetch;

import java.net.URI;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.fetch.FetchException.Kind;
import org.jqsi.fetch.internal.FetchMessages;
import org.jqsi.fetch.internal.HostAddresses;
import org.jqsi.fetch.internal.HostAddresses.Refusal;
import org.jqsi.fetch.internal.NumericHost;

/**
 * The {@link AddressPolicy} applied to each address a download goes to: the one asked for and each redirect's target,
 * before the request, and again after it against DNS rebinding.
 */
final class AddressGate {

    private final AddressPolicy policy;
    private final String exempt;

    /**
     * The gate of a policy.
     *
     * @param exempt one authority ({@code 127.0.0.1:41234}) that the policy does not judge, or {@code null}: for the
     *     tests of what the rule does after a first request, to the loopback server they start
     */
    AddressGate(AddressPolicy policy, String exempt) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.exempt = exempt;
    }

    private boolean judges(URI hop) {
        return !policy.privateAllowed() && (exempt == null || !exempt.equals(hop.getRawAuthority()));
    }

    /**
     * The host of an address, once the rule accepts it: its spelling as numbers and every address it resolves to are
     * public, or the policy allows every address.
     *
     * @param url the address asked for, which the failure names
     * @param hop the address about to be fetched: {@code url}, or a redirect's target
     * @throws FetchException when the address is refused, or there is no host to go to
     */
    String check(URI url, URI hop) throws FetchException {
        String host = HostAddresses.hostOf(hop);
        if (host == null) {
            throw FetchException.at(url, hop, Kind.UNREACHABLE, FetchMessages.text("fetch.no-host"));
        }
        // Java's URI parser reads no host in 127.1 or 0x7f.1, and the JDK's client then goes nowhere; a host that
        // ends in a number but is no IPv4 address is no name either.
        boolean readable = hop.getHost() != null
                && (!NumericHost.endsInANumber(host) || NumericHost.ipv4(host).isPresent());
        if (judges(hop)) {
            Optional<Refusal> refused;
            try {
                refused = HostAddresses.firstRefused(host, readable);
            } catch (UnknownHostException e) {
                throw FetchException.at(url, hop, Kind.UNREACHABLE, FetchMessages.text("fetch.unknown-host", host),
                        e);
            }
            if (refused.isPresent()) {
                throw refusal(url, hop, refused.get());
            }
        }
        if (!readable) {
            throw FetchException.at(url, hop, Kind.UNREACHABLE, FetchMessages.text("fetch.unreadable-host", host));
        }
        return host;
    }

    /**
     * After an exchange: the host's addresses, as the JVM's cache holds them now, which is mostly as the client found
     * them when it connected (the module's README says when it is not). A document from an address that is refused
     * now is not handed over.
     */
    void recheck(URI url, URI hop, String host) throws FetchException {
        if (!judges(hop)) {
            return;
        }
        try {
            Optional<Refusal> refused = HostAddresses.firstRefused(host, true);
            if (refused.isPresent()) {
                throw refusal(url, hop, refused.get());
            }
        } catch (UnknownHostException e) {
            // The client found an address a moment ago, one that was checked: it is the one it connected to.
        }
    }

    private FetchException refusal(URI url, URI hop, Refusal refused) {
        LocalizedText why = FetchMessages.text(refused.why().messageKey());
        LocalizedText reason = policy.allowedBy() == null
                ? FetchMessages.text("address.refused", refused.shown(), why)
                : FetchMessages.text("address.refused.allowed-by", refused.shown(), why, policy.allowedBy());
        return FetchException.at(url, hop, Kind.ADDRESS_REFUSED, reason);
    }
}
