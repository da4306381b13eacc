/**
 * How {@link org.jqsi.files.LockedFile} does its work: the file that a path really names (symbolic links followed),
 * the temporary files and how a later writer recognises and removes those of a killed one, the attributes carried
 * over to the new file, and the messages, in French and English. Not exported.
 */
package org.jqsi.files.internal;
