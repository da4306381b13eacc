/**
 * jqsi embedded without Guice: the library modules read, check, query, export and serve a program with plain
 * constructors. Neither this module nor those it reads needs com.google.guice, jakarta.inject or Guava at run time.
 */
module org.jqsi.examples {
    requires org.jqsi.json;
    requires org.jqsi.ical;
    requires org.jqsi.web;
    requires org.jqsi.sheets;
}
