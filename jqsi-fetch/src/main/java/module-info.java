/**
 * jqsi-fetch: documents fetched from addresses that other people control (partners' feeds, program files,
 * spreadsheets), within bounds, from public addresses only unless the operator allows others, with the JDK's own HTTP
 * client.
 */
module org.jqsi.fetch {
    // LocalizedText in every message and in the API.
    requires transitive org.jqsi.core;
    requires java.net.http;
    // Only JqsiFetchModule uses Guice: optional at run time (see jqsi-core's module-info).
    requires static com.google.guice;

    exports org.jqsi.fetch;
}
