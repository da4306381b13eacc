/**
 * jqsi-search: text search that knows French and English word forms, with Lucene's analysis, behind jqsi-core's
 * {@code TextSearch}.
 */
module org.jqsi.search {
    requires transitive org.jqsi.core;
    requires org.apache.lucene.core;
    requires org.apache.lucene.analysis.common;
    // Only JqsiSearchModule uses Guice: optional at run time (see jqsi-core's module-info).
    requires static com.google.guice;

    exports org.jqsi.search;

    // Guice reads JqsiSearchModule's bindings reflectively.
    opens org.jqsi.search to com.google.guice;
}
