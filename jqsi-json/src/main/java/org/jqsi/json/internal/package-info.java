/**
 * How jqsi-json does its work with Jackson: the module of mix-ins and strict codecs that maps the core's records
 * to the program file format, the streaming parser of program files, and the translation of Jackson's errors into
 * the core's {@link org.jqsi.core.validation.Problem problems}. Not API: exported only to {@code jqsi-web-embed}
 * (see {@code module-info}), and no Jackson type leaks into {@code jqsi-core}.
 */
package org.jqsi.json.internal;
