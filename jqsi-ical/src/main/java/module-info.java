/**
 * jqsi-ical: iCalendar feeds of the program (RFC 5545 with the RFC 7986 additions) and import of partners' feeds,
 * with iCal4j.
 */
module org.jqsi.ical {
    requires transitive org.jqsi.core;
    requires ical4j.core;
    requires com.ibm.icu;
    requires org.jsoup;
    // Only JqsiIcalModule uses Guice: optional at run time (see jqsi-core's module-info).
    requires static com.google.guice;
    // CalendarImporter fetches feeds, and takes an AddressPolicy and throws FetchException.
    requires transitive org.jqsi.fetch;

    exports org.jqsi.ical;

    // Guice calls JqsiIcalModule's providers.
    opens org.jqsi.ical to com.google.guice;
}
