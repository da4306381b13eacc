/**
 * Checking a program before it is served: {@link org.jqsi.core.validation.ProgramValidator} runs the Jakarta
 * Validation constraints of the model and the rules that span several records (references, dates, daylight saving),
 * and returns a {@link org.jqsi.core.validation.ValidationReport} with every {@link org.jqsi.core.validation.Problem},
 * each with its path ({@code activities[3].schedule.end}) and a message in French and English.
 */
package org.jqsi.core.validation;
