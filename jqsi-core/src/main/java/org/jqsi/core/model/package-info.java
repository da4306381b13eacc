/**
 * The JQSI domain as immutable records and enums: {@link org.jqsi.core.model.Edition editions} and their
 * {@link org.jqsi.core.model.Theme themes}, {@link org.jqsi.core.model.Partner partners}, and the
 * {@link org.jqsi.core.model.Activity activities} of a program with their schedule, place, people and admission,
 * and {@link org.jqsi.core.model.ProgramData}, the three lists together as a program file holds them.
 *
 * <p>Constructors reject what makes a value meaningless (a missing required part, a blank French text); rules that
 * need a message for the person who wrote the program (an id that is not a slug, an end before its start, a
 * reference to an unknown partner) are Jakarta Validation constraints and cross-field rules checked by
 * {@link org.jqsi.core.validation.ProgramValidator}, so that every problem of a program is reported at once.
 * French comes first: every {@link org.jqsi.core.model.LocalizedText} has French, English is optional.
 */
package org.jqsi.core.model;
