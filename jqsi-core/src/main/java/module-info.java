/**
 * jqsi-core: the domain of the Journées québécoises de la solidarité internationale.
 */
// The qualified export below names modules built after this one, which javac cannot see yet.
@SuppressWarnings("module")
module org.jqsi.core {
    requires transitive jakarta.validation;
    requires transitive jakarta.inject;
    requires transitive com.google.guice;
    requires org.hibernate.validator;

    exports org.jqsi.core;
    exports org.jqsi.core.model;
    exports org.jqsi.core.program;
    exports org.jqsi.core.validation;
    // Not API: the model's types, walked, for jqsi-json's plain reading path (see its package-info).
    exports org.jqsi.core.internal.model to org.jqsi.json;

    // Hibernate Validator reads the records' fields and builds the constraint validators; Guice calls the providers.
    opens org.jqsi.core.model to org.hibernate.validator;
    opens org.jqsi.core.internal to org.hibernate.validator;
    opens org.jqsi.core to com.google.guice;
}
