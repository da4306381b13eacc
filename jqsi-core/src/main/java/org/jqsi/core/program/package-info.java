/**
 * The program as a whole: {@link org.jqsi.core.model.ProgramData} is what a file holds,
 * {@link org.jqsi.core.program.Program} is that content validated and indexed for
 * {@link org.jqsi.core.program.ActivityQuery queries}, {@link org.jqsi.core.program.ProgramSource} says where it
 * comes from, and {@link org.jqsi.core.program.CurrentProgram} holds the one being served and swaps it atomically
 * when the source changes.
 */
package org.jqsi.core.program;
