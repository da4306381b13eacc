/**
 * How {@link org.jqsi.search.WordFormSearch} works: the analysis of a text into French and English terms
 * (Lucene's tokenizer and filters) and the inverted index of a program's activities by those terms. Not exported.
 */
package org.jqsi.search.internal;
