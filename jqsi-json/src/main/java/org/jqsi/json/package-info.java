/**
 * jqsi-json: the program file format and schema.org JSON-LD, on Jackson.
 *
 * <p>{@link org.jqsi.json.ProgramReader} reads a program file strictly (every problem with its file, line, column and
 * path; never a half-built program), {@link org.jqsi.json.ProgramWriter} writes one deterministically, in the
 * layout a file already has when asked ({@link org.jqsi.json.ProgramFileStyle}),
 * {@link org.jqsi.json.ProgramFileSource} is a {@link org.jqsi.core.program.ProgramSource} for a file or a classpath
 * resource (the shipped sample among them), {@link org.jqsi.json.ProgramSchema} gives the format's JSON Schema, and
 * {@link org.jqsi.json.EventJsonLd} writes activities as schema.org {@code Event}s for search engines.
 * {@link org.jqsi.json.JqsiJsonModule} wires them with Guice; each is usable with plain constructors.
 */
package org.jqsi.json;
