/**
 * Text search for {@link org.jqsi.core.program.ActivityQuery#text()} that knows French and English word forms:
 * {@link org.jqsi.search.WordFormSearch}, given to a {@link org.jqsi.core.program.Program} or a
 * {@link org.jqsi.core.program.CurrentProgram}, or bound by {@link org.jqsi.search.JqsiSearchModule}.
 */
package org.jqsi.search;
