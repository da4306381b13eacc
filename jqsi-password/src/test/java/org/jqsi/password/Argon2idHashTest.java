package org.jqsi.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class Argon2idHashTest {

    private final Argon2idHash hashes = new Argon2idHash();

    @Test
    void theStoredValueIsArgon2idWithItsParametersSaltAndHash() {
        String stored = hashes.hash("correct horse battery staple".toCharArray());

        assertThat(stored).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(Argon2idHash.parametersOf(stored)).contains(new Argon2idParameters(19456, 2, 1));
        assertThat(Argon2idParameters.OWASP.atLeast(new Argon2idParameters(19456, 2, 1))).isTrue();
    }

    @Test
    void theRightPasswordMatchesAndAWrongOneIsRefused() {
        String stored = hashes.hash("correct horse battery staple".toCharArray());

        assertThat(hashes.matches("correct horse battery staple".toCharArray(), stored)).isTrue();
        assertThat(hashes.matches("correct horse battery stapler".toCharArray(), stored)).isFalse();
        assertThat(hashes.matches("Correct horse battery staple".toCharArray(), stored)).isFalse();
        assertThat(hashes.matches(new char[0], stored)).isFalse();
    }

    @Test
    void twoHashesOfOnePasswordDifferByTheirSalt() {
        String first = hashes.hash("solidarité".toCharArray());
        String second = hashes.hash("solidarité".toCharArray());

        assertThat(first).isNotEqualTo(second);
        assertThat(first.split("\\$")[4]).isNotEqualTo(second.split("\\$")[4]);
        assertThat(hashes.matches("solidarité".toCharArray(), first)).isTrue();
        assertThat(hashes.matches("solidarité".toCharArray(), second)).isTrue();
        assertThat(hashes.matches("solidarite".toCharArray(), first)).isFalse();
    }

    @Test
    void aValueOfTheReferenceImplementationIsCheckedWithItsOwnParameters() {
        // phc-winner-argon2's src/test.c, Argon2id version 0x13: "password", salt "somesalt", t=2, m=2^16 KiB, p=1.
        String reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

        assertThat(hashes.matches("password".toCharArray(), reference)).isTrue();
        assertThat(hashes.matches("passwore".toCharArray(), reference)).isFalse();
        assertThat(hashes.needsRehash(reference)).isFalse();
    }

    @Test
    void whatIsNotAnArgon2idValueOfSaneCostMatchesNothing() {
        for (String stored : new String[] {null, "", "password",
            "$2a$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW",
            "$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$wWKIMhR9lyDFvRz9YTZweHKfbftvj+qf+YFY4NeBbtA",
            "$argon2id$v=16$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
            "$argon2id$v=19$m=99999999,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
            "$argon2id$v=19$m=65536,t=0,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
            "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPcAB"}) {
            assertThat(hashes.matches("password".toCharArray(), stored)).as(stored).isFalse();
            assertThat(hashes.needsRehash(stored)).as(stored).isTrue();
        }
    }

    @Test
    void aWeakerValueIsToBeHashedAgain() {
        Argon2idHash weak = new Argon2idHash(new Argon2idParameters(1024, 1, 1), new SecureRandom());
        String stored = weak.hash("password".toCharArray());

        assertThat(hashes.matches("password".toCharArray(), stored)).isTrue();
        assertThat(hashes.needsRehash(stored)).isTrue();
        assertThat(hashes.needsRehash(hashes.hash("password".toCharArray()))).isFalse();
    }

    @Test
    void anEmptyPasswordIsNotHashedAndParametersAreBounded() {
        assertThatThrownBy(() -> hashes.hash(new char[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2idParameters(4, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2idParameters(1 << 21, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2idParameters(19456, 2, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
