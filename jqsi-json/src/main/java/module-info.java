/**
 * jqsi-json: the program file format (read and write), its JSON Schema, and schema.org JSON-LD, on Jackson.
 */
module org.jqsi.json {
    requires transitive org.jqsi.core;
    // ProgramWriter.write(data, path) replaces the file under its lock, atomically.
    requires org.jqsi.files;
    requires com.fasterxml.jackson.annotation;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires com.google.guice;

    exports org.jqsi.json;

    // Guice calls JqsiJsonModule's @Provides methods reflectively.
    opens org.jqsi.json to com.google.guice;
}
