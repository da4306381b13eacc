/**
 * jqsi-core: the domain of the Journées québécoises de la solidarité internationale.
 */
// The qualified export below names modules built after this one, which javac cannot see yet.
@SuppressWarnings("module")
module org.jqsi.core {
    requires transitive jakarta.validation;
    // Only JqsiCoreModule uses Guice, and nothing uses jakarta.inject: an application that wires jqsi by hand runs
    // without either (and without Guava) on its module path. One that uses JqsiCoreModule requires com.google.guice
    // itself, which resolves it, and this module then reads it (see docs/structure.md).
    requires static com.google.guice;
    requires org.hibernate.validator;
    // Hibernate Validator interpolates messages with Jakarta Expression Language but requires it only statically:
    // requiring it here resolves it in an application launched on the module path and, by service binding, its
    // implementation (Expressly, on the module path with jqsi-core). Without it the first validation fails there.
    requires jakarta.el;

    exports org.jqsi.core;
    exports org.jqsi.core.model;
    exports org.jqsi.core.program;
    exports org.jqsi.core.account;
    exports org.jqsi.core.submission;
    exports org.jqsi.core.validation;
    // Not API: the model's types, walked, for jqsi-json's plain reading path (see its package-info).
    exports org.jqsi.core.internal.model to org.jqsi.json;

    // Hibernate Validator reads the records' fields and builds the constraint validators; Guice calls the providers.
    opens org.jqsi.core.model to org.hibernate.validator;
    opens org.jqsi.core.internal to org.hibernate.validator;
    opens org.jqsi.core to com.google.guice;
}
