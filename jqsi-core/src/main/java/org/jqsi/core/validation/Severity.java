package org.jqsi.core.validation;

/** How serious a problem is: an error keeps a program from being served, a warning does not. */
public enum Severity {
    ERROR,
    WARNING
}
