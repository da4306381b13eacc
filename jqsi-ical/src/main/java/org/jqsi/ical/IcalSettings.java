package org.jqsi.ical;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.Region;
import org.jqsi.ical.internal.IcalMessages;

/**
 * How jqsi writes and reads iCalendar, set once for an application.
 *
 * @param productId the {@code PRODID} of every feed ({@code -//jqsi//jqsi-ical//FR})
 * @param defaultLanguage the language of feeds when the caller does not choose one
 * @param refreshInterval how often subscribers should fetch a feed again ({@code REFRESH-INTERVAL} and
 *     {@code X-PUBLISHED-TTL})
 * @param calendarName the feed's name ({@code NAME} and {@code X-WR-CALNAME}) when the caller gives none
 * @param source where the default feed can be fetched again ({@code SOURCE}), or {@code null}
 * @param url the site the feed belongs to ({@code URL}), or {@code null}
 * @param uidDomain what follows {@code @} in every event's {@code UID}: {@code loin-de-bachar-2020@jqsi}
 * @param defaultZone the feed's {@code X-WR-TIMEZONE}, and the zone of imported floating times
 * @param organizerAddress the {@code ORGANIZER} address used when the organising partner has no website (RFC 5545
 *     wants a URI there; the partner's name goes in {@code CN})
 * @param importTimeout how long fetching a partner's feed may take, connection included
 * @param importMaxBytes the largest partner feed read, in bytes
 */
public record IcalSettings(
        String productId,
        Language defaultLanguage,
        Duration refreshInterval,
        LocalizedText calendarName,
        URI source,
        URI url,
        String uidDomain,
        ZoneId defaultZone,
        URI organizerAddress,
        Duration importTimeout,
        long importMaxBytes) {

    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?");

    public IcalSettings {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(defaultLanguage, "defaultLanguage");
        Objects.requireNonNull(refreshInterval, "refreshInterval");
        Objects.requireNonNull(calendarName, "calendarName");
        Objects.requireNonNull(uidDomain, "uidDomain");
        Objects.requireNonNull(defaultZone, "defaultZone");
        Objects.requireNonNull(organizerAddress, "organizerAddress");
        Objects.requireNonNull(importTimeout, "importTimeout");
        if (productId.isBlank()) {
            throw new IllegalArgumentException("productId: must not be blank");
        }
        if (refreshInterval.isNegative() || refreshInterval.isZero()) {
            throw new IllegalArgumentException("refreshInterval: must be positive, was " + refreshInterval);
        }
        if (!DOMAIN.matcher(uidDomain).matches()) {
            throw new IllegalArgumentException("uidDomain: must look like a host name, was " + uidDomain);
        }
        if (importTimeout.isNegative() || importTimeout.isZero()) {
            throw new IllegalArgumentException("importTimeout: must be positive, was " + importTimeout);
        }
        if (importMaxBytes < 1) {
            throw new IllegalArgumentException("importMaxBytes: must be positive, was " + importMaxBytes);
        }
    }

    /** French feeds refreshed every 12 hours, named after the festival, in Eastern time. */
    public static IcalSettings defaults() {
        return new IcalSettings("-//jqsi//jqsi-ical//FR", Language.FR, Duration.ofHours(12),
                IcalMessages.text("calendar.name"),
                null, null, "jqsi", Region.EASTERN, URI.create("mailto:noreply@jqsi.invalid"),
                Duration.ofSeconds(20), 10L * 1024 * 1024);
    }

    public IcalSettings withProductId(String value) {
        return new IcalSettings(value, defaultLanguage, refreshInterval, calendarName, source, url, uidDomain,
                defaultZone, organizerAddress, importTimeout, importMaxBytes);
    }

    public IcalSettings withDefaultLanguage(Language value) {
        return new IcalSettings(productId, value, refreshInterval, calendarName, source, url, uidDomain,
                defaultZone, organizerAddress, importTimeout, importMaxBytes);
    }

    public IcalSettings withRefreshInterval(Duration value) {
        return new IcalSettings(productId, defaultLanguage, value, calendarName, source, url, uidDomain,
                defaultZone, organizerAddress, importTimeout, importMaxBytes);
    }

    public IcalSettings withCalendarName(LocalizedText value) {
        return new IcalSettings(productId, defaultLanguage, refreshInterval, value, source, url, uidDomain,
                defaultZone, organizerAddress, importTimeout, importMaxBytes);
    }

    public IcalSettings withSource(URI value) {
        return new IcalSettings(productId, defaultLanguage, refreshInterval, calendarName, value, url, uidDomain,
                defaultZone, organizerAddress, importTimeout, importMaxBytes);
    }

    public IcalSettings withUrl(URI value) {
        return new IcalSettings(productId, defaultLanguage, refreshInterval, calendarName, source, value, uidDomain,
                defaultZone, organizerAddress, importTimeout, importMaxBytes);
    }

    public IcalSettings withUidDomain(String value) {
        return new IcalSettings(productId, defaultLanguage, refreshInterval, calendarName, source, url, value,
                defaultZone, organizerAddress, importTimeout, importMaxBytes);
    }

    public IcalSettings withImportLimits(Duration timeout, long maxBytes) {
        return new IcalSettings(productId, defaultLanguage, refreshInterval, calendarName, source, url, uidDomain,
                defaultZone, organizerAddress, timeout, maxBytes);
    }

    /** The {@code UID} of an activity's event: its id, which never changes, at {@link #uidDomain()}. */
    public String uidOf(String activityId) {
        return activityId + "@" + uidDomain;
    }
}
