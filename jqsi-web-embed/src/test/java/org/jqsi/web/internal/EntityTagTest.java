package org.jqsi.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntityTagTest {

    @Test
    void etagsDependOnEveryPart() {
        assertThat(EntityTag.of("a", "b")).isEqualTo(EntityTag.of("a", "b")).isNotEqualTo(EntityTag.of("ab"))
                .matches("\"[0-9a-f]{32}\"");
    }

    @Test
    void ifNoneMatchNamesATagInAListWeaklyOrAny() {
        String etag = "\"abc\"";
        assertThat(EntityTag.anyMatches("\"abc\"", etag)).isTrue();
        assertThat(EntityTag.anyMatches("W/\"abc\"", etag)).isTrue();
        assertThat(EntityTag.anyMatches("\"x\", \"y\" ,W/\"abc\"", etag)).isTrue();
        assertThat(EntityTag.anyMatches("*", etag)).isTrue();
        assertThat(EntityTag.anyMatches("\"abcd\", \"ab\"", etag)).isFalse();
        assertThat(EntityTag.anyMatches("abc", etag)).as("unquoted").isFalse();
        assertThat(EntityTag.anyMatches("", etag)).isFalse();
    }
}
