/**
 * jqsi-sheets: organisers' spreadsheets (CSV and XLSX) read into activities, and the template they fill.
 */
module org.jqsi.sheets {
    requires transitive org.jqsi.core;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.csv;
    requires org.dhatim.fastexcel.reader;
    requires org.dhatim.fastexcel;
    // Only JqsiSheetsModule uses Guice: optional at run time (see jqsi-core's module-info).
    requires static com.google.guice;

    exports org.jqsi.sheets;

    // Guice calls JqsiSheetsModule's @Provides methods reflectively.
    opens org.jqsi.sheets to com.google.guice;
}
