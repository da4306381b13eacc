package org.jqsi.fetch;

import java.util.Objects;

/**
 * Which addresses a {@link BoundedDownload} may fetch from.
 *
 * <p>By default ({@link #PUBLIC_ONLY}) only public ones: a URL that someone else gives (a partner's feed, a program
 * file, a link in a sources file) must not make jqsi reach this machine or the network it stands in, where services
 * trust whoever can reach them (an administration page on {@code 127.0.0.1}, a cloud's metadata service on
 * {@code 169.254.169.254}, a router). Refused: loopback, private (RFC 1918, IPv6 unique local), link-local,
 * multicast, unspecified, carrier-grade NAT ({@code 100.64.0.0/10}), {@code 0.0.0.0/8}, broadcast and reserved
 * addresses, and the IPv6 forms that carry one of them ({@code ::ffff:127.0.0.1}), however the host is spelt
 * ({@code 2130706433}, {@code 0x7f.1}, {@code 127.1}); judged on every address the host resolves to, and again at each
 * redirect. The module's README lists every block and the limits of the check.
 *
 * <p>An operator who means to fetch from such an address (a test server, an intranet) allows it
 * ({@link #ANY_ADDRESS}); {@link #publicOnly(String)} names the switch that does, so that a refusal says how to allow
 * it.
 *
 * @param privateAllowed whether every address is fetched from, not only public ones
 * @param allowedBy what the operator writes to allow other addresses, as they write it
 *     ({@code --allow-private-addresses}, {@code "allowPrivateAddress": true}), said in the refusal; {@code null} to
 *     say nothing
 */
public record AddressPolicy(boolean privateAllowed, String allowedBy) {

    /** Public addresses only, and a refusal that does not say how to allow others. */
    public static final AddressPolicy PUBLIC_ONLY = new AddressPolicy(false, null);

    /** Every address: for an operator who allowed it, and for tests on the loopback interface. */
    public static final AddressPolicy ANY_ADDRESS = new AddressPolicy(true, null);

    public AddressPolicy {
        if (allowedBy != null && allowedBy.isBlank()) {
            allowedBy = null;
        }
    }

    /**
     * Public addresses only; a refusal says that {@code allowedBy} allows others: « adresse 127.0.0.1 refusée (boucle
     * locale) ; --allow-private-addresses l'autorise ».
     */
    public static AddressPolicy publicOnly(String allowedBy) {
        return new AddressPolicy(false, Objects.requireNonNull(allowedBy, "allowedBy"));
    }

    /**
     * The operator's choice: every address when {@code privateAllowed}, else public ones only, a refusal saying that
     * {@code allowedBy} allows others. What a command line option or a source's setting maps to.
     */
    public static AddressPolicy of(boolean privateAllowed, String allowedBy) {
        return new AddressPolicy(privateAllowed, allowedBy);
    }
}
