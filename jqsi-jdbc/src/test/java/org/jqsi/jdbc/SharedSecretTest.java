package org.jqsi.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jqsi.jdbc.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** A secret shared by every process on one database: made once, the same for all, kept across reopening. */
@ParameterizedClass
@EnumSource(TestDatabases.Kind.class)
class SharedSecretTest extends OnEachDatabase {

    @Test
    void theFirstAskMakesItAndEveryLaterOneReadsIt() {
        String made;
        try (Database first = fresh.open()) {
            made = first.sharedSecret("submit-form");
            assertThat(made).hasSize(43).matches("[A-Za-z0-9_-]+");
            assertThat(first.sharedSecret("submit-form")).isEqualTo(made);
            assertThat(first.sharedSecret("another")).isNotEqualTo(made);
        }
        try (Database again = fresh.open()) {
            assertThat(again.sharedSecret("submit-form")).as("kept across reopening").isEqualTo(made);
        }
    }

    @Test
    void processesAskingAtOnceForANewOneAllGetTheSame() throws Exception {
        int count = 4;
        List<Database> open = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            for (int i = 0; i < count; i++) {
                open.add(fresh.open());
            }
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> asked = new ArrayList<>();
            for (Database database : open) {
                asked.add(pool.submit(() -> {
                    start.await();
                    return database.sharedSecret("submit-form");
                }));
            }
            start.countDown();
            Set<String> got = new HashSet<>();
            for (Future<String> secret : asked) {
                got.add(secret.get(1, TimeUnit.MINUTES));
            }
            assertThat(got).hasSize(1);
        } finally {
            pool.shutdownNow();
            open.forEach(Database::close);
        }
    }

    @Test
    void aNameLongerThanItsColumnIsRefusedBeforeTheDatabaseIsAsked() {
        try (Database database = fresh.open()) {
            assertThatThrownBy(() -> database.sharedSecret("x".repeat(41)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
