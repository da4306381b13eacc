/**
 * jqsi-jdbc: submissions, their history and what their approvals publish, kept in SQL: an embedded H2 database in a
 * data directory (no set-up), or PostgreSQL shared by several servers.
 */
module org.jqsi.jdbc {
    // The store's contract and its domain (org.jqsi.core.submission), in the API.
    requires transitive org.jqsi.core;
    // Database.dataSource() is a javax.sql.DataSource.
    requires transitive java.sql;
    // Activities are kept in the program file's format (ActivityJson).
    requires org.jqsi.json;
    requires org.jdbi.v3.core;
    // Flyway's jar has no module name of its own: this is the name derived from its file name.
    requires flyway.core;
    requires com.zaxxer.hikari;
    // LISTEN/NOTIFY: the driver's own PGConnection.getNotifications.
    requires org.postgresql.jdbc;
    // The embedded database's driver, found by DriverManager through its service entry.
    requires com.h2database;
    // Only JqsiJdbcModule uses Guice: optional at run time (see jqsi-core's module-info).
    requires static com.google.guice;

    exports org.jqsi.jdbc;

    // Guice calls JqsiJdbcModule's @Provides methods reflectively.
    opens org.jqsi.jdbc to com.google.guice;
}
