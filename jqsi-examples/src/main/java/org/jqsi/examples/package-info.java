/**
 * The snippets of the README's "Embedding the model" and of the modules' "Without Guice" sections, as code that
 * compiles and runs: {@link org.jqsi.examples.WithoutGuice}.
 */
package org.jqsi.examples;
