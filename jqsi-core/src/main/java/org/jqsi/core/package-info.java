/**
 * jqsi-core: the domain of the Journées québécoises de la solidarité internationale, free of any adapter technology.
 * {@link org.jqsi.core.JqsiCoreModule} wires it with Guice; every type is also usable with plain constructors.
 */
package org.jqsi.core;
