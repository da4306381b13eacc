/**
 * jqsi-json: the program file format (read and write), its JSON Schema, and schema.org JSON-LD, on Jackson.
 */
// The qualified export below names a module built after this one, which javac cannot see yet.
@SuppressWarnings("module")
module org.jqsi.json {
    requires transitive org.jqsi.core;
    // ProgramWriter.write(data, path) replaces the file under its lock, atomically.
    requires org.jqsi.files;
    requires com.fasterxml.jackson.annotation;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    // Only JqsiJsonModule uses Guice: optional at run time (see jqsi-core's module-info).
    requires static com.google.guice;

    exports org.jqsi.json;
    // Not API: the widget writes its JSON error bodies with the same script-safe escapes as the JSON-LD
    // (ScriptSafeEscapes), and reads the enum values of its URLs in the program file's spelling (EnumSpelling), so
    // that each is written once rather than copied into jqsi-web-embed. The submission API (jqsi-web-submit) writes
    // its JSON answers with the same escapes.
    exports org.jqsi.json.internal to org.jqsi.web, org.jqsi.web.submit;

    // Guice calls JqsiJsonModule's @Provides methods reflectively.
    opens org.jqsi.json to com.google.guice;
}
