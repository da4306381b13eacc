/**
 * Not API: how jqsi-jdbc does its work — the SQL of the submissions' tables, the migrations given to Flyway, the
 * embedded database's credentials, the watch on the publication's revision, and the messages.
 */
package org.jqsi.jdbc.internal;
