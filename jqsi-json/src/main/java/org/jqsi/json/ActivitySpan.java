package org.jqsi.json;

/**
 * Where an activity's object is in a program file, in bytes: from its opening brace to just past its closing one. Given
 * by {@link ProgramReader#scan}, to read the activity again with {@link ActivityFile}.
 *
 * @param offset the bytes before the activity's opening brace
 * @param length the bytes of its object, braces included
 */
public record ActivitySpan(long offset, long length) {

    public ActivitySpan {
        if (offset < 0 || length < 2) {
            throw new IllegalArgumentException("not an object's place in a file: offset " + offset + ", length "
                    + length);
        }
    }
}
