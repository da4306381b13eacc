/**
 * Replacing a file on disk so that nothing is ever lost: {@link org.jqsi.files.LockedFile}.
 *
 * <p>Every command of jqsi that writes a file (a program file that {@code import-ics} or {@code import-sheet} merges
 * into, the output of {@code export -o}) and every part that keeps a file of its own (the last good copy of a
 * source) writes it through {@code LockedFile}: two writers of one file take turns, a reader (the server reloading a
 * program) sees either the old file or the new one, whole, and a writer killed half-way leaves the old file as it was.
 *
 * <p><b>Why a module of its own.</b> The commands (jqsi-server), jqsi-json's
 * {@code ProgramWriter} and the fetched sources all write files, and they depend on nothing in common but jqsi-core,
 * whose domain has no business with disks (as with downloads, which went to an adapter of their own). This module
 * needs only the JDK and jqsi-core's {@code LocalizedText}.
 *
 * <p>No Guice module: there is nothing to wire, {@code LockedFile} is used through its static methods.
 */
package org.jqsi.files;
