/**
 * jqsi-fetch: documents fetched from addresses that other people control (partners' feeds, program files,
 * spreadsheets), within bounds, from public addresses only unless the operator allows others, with the JDK's own HTTP
 * client.
 */
module org.jqsi.fetch {
    // LocalizedText in every message and in the API.
    requires transitive org.jqsi.core;
    requires java.net.http;
    requires com.google.guice;

    exports org.jqsi.fetch;
}
